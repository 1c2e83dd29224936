import { Field, Float, ID, InputType, Int } from 'type-graphql';

const VERSION = { description: 'The version you saw; CONFLICT when it changed meanwhile.' };

@InputType({ description: 'A range of grades (parallels), both ends included: 10–11.' })
export class GradeRangeInput {
  @Field(() => Int, { nullable: true, description: 'Default 1.' }) from?: number | null;
  @Field(() => Int, { nullable: true, description: 'Default 11.' }) to?: number | null;
}

@InputType() export class CreateClassInput {
  @Field(() => ID, { nullable: true, description: 'The school (by default the year\'s).' }) schoolId?: string | null;
  @Field(() => ID) yearId!: string;
  @Field(() => Int, { description: '1–11.' }) grade!: number;
  @Field({ description: 'One or two Cyrillic letters: "А", "Б".' }) letter!: string;
  @Field(() => Int, { nullable: true, description: 'The shift the class studies in (default 1).' }) shift?: number | null;
  @Field(() => ID, { nullable: true, description: 'A teacher of the school (Employee), not dismissed.' }) classTeacherId?: string | null;
}

@InputType() export class UpdateClassInput {
  @Field(() => ID) classId!: string;
  @Field(() => Int, { nullable: true, ...VERSION }) expectedVersion?: number | null;
  @Field(() => String, { nullable: true }) letter?: string | null;
  @Field(() => Int, { nullable: true }) shift?: number | null;
  @Field(() => ID, { nullable: true, description: 'The new class teacher; null removes the class teacher, leaving it out keeps them.' })
  classTeacherId?: string | null;
}

@InputType() export class CloseClassInput {
  @Field(() => ID) classId!: string;
  @Field(() => Int, { nullable: true, ...VERSION }) expectedVersion?: number | null;
}

@InputType() export class CreateWorkTypeInput {
  @Field(() => ID, { nullable: true, description: 'Needed only when you hold the role in several schools.' }) schoolId?: string | null;
  @Field({ description: 'Latin capitals, digits and "_": "CONTROL".' }) code!: string;
  @Field() name!: string;
  @Field(() => Float, { description: 'Its weight in the weighted average: 0.01–10.' }) weight!: number;
}

@InputType() export class UpdateWorkTypeInput {
  @Field(() => ID) workTypeId!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Float, { nullable: true, description: 'Changes every average at once, the marks already given included.' }) weight?: number | null;
}

@InputType() export class UpdateSchoolSettingsInput {
  @Field(() => ID, { nullable: true, description: 'Needed only when you hold the role in several schools.' }) schoolId?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'An IANA time zone: "Europe/Moscow", "Asia/Yekaterinburg".' }) timeZone?: string | null;
}
