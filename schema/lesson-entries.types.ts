import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AttendanceKind } from './enums';
import { AttendanceType, MarkType } from './types';

// A lesson's column at once (issue 17): recordLessonEntries. Roots are
// domain/journal/journal.service.ts's LessonEntriesOutcome.

@InputType('LessonMarkEntryInput')
export class LessonMarkEntryInput {
  @Field(() => ID) studentId!: string;
  @Field() value!: string;
  @Field() workTypeCode!: string;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

@InputType('LessonAbsenceEntryInput')
export class LessonAbsenceEntryInput {
  @Field(() => ID) studentId!: string;
  @Field(() => AttendanceKind) kind!: AttendanceKind;
}

@InputType('RecordLessonEntriesInput')
export class RecordLessonEntriesInput {
  @Field(() => ID) lessonId!: string;
  @Field(() => [LessonMarkEntryInput], { defaultValue: [], description: 'New marks, at most 100; a pupil may get several.' })
  marks!: LessonMarkEntryInput[];
  @Field(() => [LessonAbsenceEntryInput], { defaultValue: [], description: 'Absences and lateness, at most 100, one per pupil.' })
  absences!: LessonAbsenceEntryInput[];
}

@ObjectType('EntryError', { description: 'Why one entry was refused: the code and message it would have had alone.' })
export class EntryErrorType {
  @Field() code!: string;
  @Field() message!: string;
  @Field(() => String, { nullable: true, description: 'The input field at fault, when one is.' }) field?: string | null;
}

@ObjectType('LessonMarkEntryOutcome')
export class LessonMarkEntryOutcomeType {
  @Field(() => Int, { description: 'The entry\'s place in `marks`.' }) index!: number;
  @Field(() => ID) studentId!: string;
  @Field(() => MarkType, { nullable: true, description: 'The mark written (when `written`).' }) mark?: unknown;
  @Field(() => EntryErrorType, { nullable: true }) error?: EntryErrorType | null;
}

@ObjectType('LessonAbsenceEntryOutcome')
export class LessonAbsenceEntryOutcomeType {
  @Field(() => Int, { description: 'The entry\'s place in `absences`.' }) index!: number;
  @Field(() => ID) studentId!: string;
  @Field(() => AttendanceType, { nullable: true, description: 'The pupil\'s attendance row as it now stands (when `written`).' }) attendance?: unknown;
  @Field({ description: 'The entry changed the row: false when it already said so (nothing written, no event).' }) changed!: boolean;
  @Field(() => EntryErrorType, { nullable: true }) error?: EntryErrorType | null;
}

@ObjectType('LessonEntriesPayload', {
  description: 'All or nothing: `written` is false, and nothing is stored, when any entry has an `error`.',
})
export class LessonEntriesPayloadType {
  @Field() written!: boolean;
  @Field(() => [LessonMarkEntryOutcomeType]) marks!: LessonMarkEntryOutcomeType[];
  @Field(() => [LessonAbsenceEntryOutcomeType]) absences!: LessonAbsenceEntryOutcomeType[];
}
