import { Field, ID, InputType, Int } from 'type-graphql';
import { AbsenceReason, AttendanceKind, PeriodMarkKind } from './enums';

@InputType()
export class RecordMarkInput {
  @Field(() => ID) lessonId!: string;
  @Field(() => ID) studentId!: string;
  @Field() value!: string;
  @Field() workTypeCode!: string;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

@InputType()
export class CorrectMarkInput {
  @Field(() => ID) markId!: string;
  @Field() value!: string;
  @Field({ description: 'Why the mark is corrected; required.' }) reason!: string;
  @Field(() => Int, { nullable: true, description: 'The revision being corrected; CONFLICT when someone corrected it meanwhile.' })
  expectedRevision?: number | null;
}

@InputType()
export class RetractMarkInput {
  @Field(() => ID) markId!: string;
  @Field({ description: 'Why the mark is retracted (the wrong pupil or lesson); required.' }) reason!: string;
  @Field(() => Int, { nullable: true, description: 'The revision being retracted; CONFLICT when someone changed it meanwhile.' })
  expectedRevision?: number | null;
}

@InputType({ description: 'The attendance row by `attendanceId`, or by `lessonId` and `studentId`.' })
export class ClearAbsenceInput {
  @Field(() => ID, { nullable: true }) attendanceId?: string | null;
  @Field(() => ID, { nullable: true }) lessonId?: string | null;
  @Field(() => ID, { nullable: true }) studentId?: string | null;
  @Field({ description: 'Why the absence is cleared (recorded by mistake); required.' }) reason!: string;
}

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID) lessonId!: string;
  @Field(() => ID) studentId!: string;
  @Field(() => AttendanceKind) kind!: AttendanceKind;
}

@InputType()
export class SetAbsenceReasonInput {
  @Field(() => ID) attendanceId!: string;
  @Field(() => AbsenceReason) reason!: AbsenceReason;
  @Field(() => String, { nullable: true }) document?: string | null;
}

@InputType()
export class SetLessonRecordInput {
  @Field(() => ID) lessonId!: string;
  @Field(() => String, { nullable: true, description: 'Left out: unchanged; empty string: cleared.' }) topic?: string | null;
  @Field(() => String, { nullable: true, description: 'Left out: unchanged; empty string: cleared.' }) homework?: string | null;
}

@InputType()
export class SetPeriodMarkInput {
  @Field(() => ID) studentId!: string;
  @Field(() => ID) subjectId!: string;
  @Field(() => PeriodMarkKind) kind!: PeriodMarkKind;
  @Field(() => ID, { nullable: true, description: 'Required when kind is PERIOD.' }) studyPeriodId?: string | null;
  @Field({ description: '"1"–"5", "зач"/"незач" or "н/а".' }) value!: string;
  @Field(() => String, { nullable: true, description: 'Required when it changes an existing mark.' }) reason?: string | null;
  @Field(() => Int, { nullable: true, description: 'The revision being changed; CONFLICT when someone changed it meanwhile.' })
  expectedRevision?: number | null;
  @Field(() => ID, { nullable: true, description: 'The year of a YEAR, EXAM or FINAL mark; by default the latest that has begun (the deputy head names an earlier one to correct it).' })
  academicYearId?: string | null;
}
