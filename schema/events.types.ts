import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EducationForm } from '../entities';
import { NodeInterface } from './node';
import { DateScalar } from './scalars';
import { ClassGroupType } from './types';

registerEnumType(EducationForm, {
  name: 'EducationForm',
  description: 'IN_CLASS; FAMILY_EDUCATION: educated by the family, attached to the school (and a class) for attestation (004 §10).',
});
export { EducationForm };

const VERSION = { description: 'The version you saw; CONFLICT when it changed meanwhile.' };

@ObjectType('SchoolEvent', {
  implements: NodeInterface,
  description: 'A school event (no class: the whole school\'s) or a class event (004 §7.2–7.3): shown beside the timetable and in the diary.',
})
export class SchoolEventType extends NodeInterface {
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) place?: string | null;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar, { description: 'The last day (= startsOn for a one-day event).' }) endsOn!: string;
  @Field(() => String, { nullable: true, description: '"HH:MM" on startsOn, in the school\'s time; null: all day.' }) startsAt?: string | null;
  @Field(() => String, { nullable: true, description: '"HH:MM" on endsOn.' }) endsAt?: string | null;
  @Field(() => ClassGroupType, { nullable: true, description: 'Null: the whole school\'s event.' }) classGroup?: ClassGroupType | null;
  @Field(() => Boolean) cancelled!: boolean;
  @Field(() => Date, { nullable: true }) cancelledAt?: Date | null;
  @Field(() => String, { nullable: true }) cancelReason?: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) updatedAt?: Date | null;
  @Field(() => Int) version!: number;
}

@InputType() export class CreateSchoolEventInput {
  @Field(() => ID, { nullable: true, description: 'A school event: needed only when you write events in several schools.' }) schoolId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A class event: the class; omit for the whole school\'s.' }) classGroupId?: string | null;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) place?: string | null;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Default: startsOn.' }) endsOn?: string | null;
  @Field(() => String, { nullable: true, description: '"HH:MM".' }) startsAt?: string | null;
  @Field(() => String, { nullable: true, description: '"HH:MM".' }) endsAt?: string | null;
}

@InputType() export class UpdateSchoolEventInput {
  @Field(() => ID) eventId!: string;
  @Field(() => Int, VERSION) expectedVersion!: number;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'An empty string clears it.' }) description?: string | null;
  @Field(() => String, { nullable: true, description: 'An empty string clears it.' }) place?: string | null;
  @Field(() => DateScalar, { nullable: true }) startsOn?: string | null;
  @Field(() => DateScalar, { nullable: true }) endsOn?: string | null;
  @Field(() => String, { nullable: true, description: '"HH:MM"; an empty string makes it all day.' }) startsAt?: string | null;
  @Field(() => String, { nullable: true, description: '"HH:MM"; an empty string clears it.' }) endsAt?: string | null;
}

@InputType() export class CancelSchoolEventInput {
  @Field(() => ID) eventId!: string;
  @Field(() => Int, VERSION) expectedVersion!: number;
  @Field() reason!: string;
}

