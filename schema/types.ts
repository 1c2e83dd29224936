import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AbsenceReason, AcademicYearState, AttendanceKind, DiaryEventType, GradingScale, LessonState, PeriodMarkKind, Role } from './enums';
import { ConnectionType } from './connection';
import { NodeInterface } from './node';
import { DateScalar } from './scalars';
import { ENTITY_KEY } from './entity-key';

// Object types of the API. Resolvers return entities as the root values; fields
// that are not plain entity properties are resolved in resolvers/*.resolver.ts.

@ObjectType('User')
export class UserType {
  @Field(() => ID) id!: string;
  @Field() login!: string;
}

@Directive(ENTITY_KEY)
@ObjectType('Employee', { implements: NodeInterface })
export class EmployeeType extends NodeInterface {
  @Field() fullName!: string;
}

@Directive(ENTITY_KEY)
@ObjectType('Subject', { implements: NodeInterface })
export class SubjectType extends NodeInterface {
  @Field() name!: string;
  @Field(() => GradingScale) gradingScale!: GradingScale;
}

@Directive(ENTITY_KEY)
@ObjectType('ClassGroup', { implements: NodeInterface })
export class ClassGroupType extends NodeInterface {
  @Field({ description: 'Grade and letter, "5Б".' }) name!: string;
  @Field(() => Int) grade!: number;
  @Field(() => EmployeeType, { nullable: true }) classTeacher?: EmployeeType;
}

@Directive(ENTITY_KEY)
@ObjectType('Student', { implements: NodeInterface })
export class StudentType extends NodeInterface {
  @Field() fullName!: string;
  @Field(() => ClassGroupType, { nullable: true, description: 'The class the student is in today.' })
  classGroup?: ClassGroupType | null;
  // Thunks: these types are declared further down (the connections need MarkType first).
  @Field(() => MarkConnection) marks!: unknown;
  @Field(() => AttendanceConnection) attendance!: unknown;
  @Field(() => [PeriodMarkType]) periodMarks!: unknown[];
}

@ObjectType('WorkType', { description: 'The kind of task a mark is for, with its weight in the weighted average.' })
export class WorkTypeType {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Float) weight!: number;
}

@Directive(ENTITY_KEY)
@ObjectType('Lesson', { implements: NodeInterface })
export class LessonType extends NodeInterface {
  @Field(() => DateScalar) date!: string;
  @Field(() => Int, { description: 'Bell number within the day.' }) number!: number;
  @Field(() => LessonState) state!: LessonState;
  @Field(() => SubjectType) subject!: SubjectType;
  @Field(() => EmployeeType, { description: 'The lesson\'s own teacher.' }) teacher!: EmployeeType;
  @Field(() => EmployeeType, { nullable: true, description: 'Who stands in for the teacher, when someone does.' })
  substituteTeacher?: EmployeeType;
  @Field(() => ClassGroupType) classGroup!: ClassGroupType;
  @Field(() => String, { nullable: true }) topic?: string | null;
  @Field(() => String, { nullable: true }) homework?: string | null;
}

@ObjectType('MarkVersion', { description: 'One value a mark has had; revision 1 is the mark as first entered.' })
export class MarkVersionType {
  @Field(() => Int) revision!: number;
  @Field() value!: string;
  @Field(() => String, { nullable: true }) comment?: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was corrected (every correction has one).' })
  reason?: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => UserType) author!: UserType;
  @Field({ description: 'True for the version a retraction wrote (the value as it was, the retraction\'s reason).' }) retraction!: boolean;
}

@Directive(ENTITY_KEY)
@ObjectType('Mark', { implements: NodeInterface })
export class MarkType extends NodeInterface {
  @Field({ description: '"1"–"5" on the five-point scale, "зач"/"незач" on pass/fail.' }) value!: string;
  @Field(() => WorkTypeType) workType!: WorkTypeType;
  @Field(() => LessonType) lesson!: LessonType;
  @Field(() => StudentType) student!: StudentType;
  @Field(() => String, { nullable: true }) comment?: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field({ description: 'True once the mark has been corrected; `versions` has the history.' }) corrected!: boolean;
  @Field(() => Date, { nullable: true }) correctedAt?: Date | null;
  @Field(() => Int, { description: 'The current revision; pass it to correctMark to guard against a concurrent edit.' })
  revision!: number;
  @Field(() => [MarkVersionType], { description: 'Every value the mark has had, oldest first (staff only).' })
  versions!: MarkVersionType[];
  @Field({ description: 'True once the mark was retracted (put on the wrong pupil or lesson): it counts nowhere and the diary shows it as removed.' })
  retracted!: boolean;
  @Field(() => Date, { nullable: true, description: 'When it was retracted (staff only).' }) retractedAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was retracted (staff only).' }) retractionReason?: string | null;
  @Field(() => UserType, { nullable: true, description: 'Who retracted it (staff only).' }) retractedBy?: UserType | null;
}

@ObjectType('Attendance', { implements: NodeInterface })
export class AttendanceType extends NodeInterface {
  @Field(() => AttendanceKind) kind!: AttendanceKind;
  @Field(() => AbsenceReason) reason!: AbsenceReason;
  @Field(() => String, { nullable: true, description: 'The supporting document for the reason.' }) document?: string | null;
  @Field(() => LessonType) lesson!: LessonType;
  @Field(() => StudentType) student!: StudentType;
  @Field({ description: 'True once the absence was cleared as recorded by mistake: it counts nowhere.' }) cleared!: boolean;
  @Field(() => Date, { nullable: true, description: 'When it was cleared (staff only).' }) clearedAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was cleared (staff only).' }) clearReason?: string | null;
  @Field(() => UserType, { nullable: true, description: 'Who cleared it (staff only).' }) clearedBy?: UserType | null;
}

@ObjectType('StudyPeriod', { implements: NodeInterface })
export class StudyPeriodType extends NodeInterface {
  @Field() name!: string;
  @Field(() => Int) ordinal!: number;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
}

@ObjectType('Holiday')
export class HolidayType {
  @Field() name!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
}

@ObjectType('AcademicYear', { implements: NodeInterface })
export class AcademicYearType extends NodeInterface {
  @Field() name!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
  @Field(() => AcademicYearState) state!: AcademicYearState;
  @Field(() => [StudyPeriodType]) studyPeriods!: StudyPeriodType[];
  @Field(() => [HolidayType]) holidays!: HolidayType[];
}

@ObjectType('PeriodMark', { implements: NodeInterface, description: 'A period, year, exam or final mark.' })
export class PeriodMarkType extends NodeInterface {
  @Field(() => PeriodMarkKind) kind!: PeriodMarkKind;
  @Field(() => StudyPeriodType, { nullable: true }) studyPeriod?: StudyPeriodType | null;
  @Field(() => SubjectType) subject!: SubjectType;
  @Field(() => StudentType) student!: StudentType;
  @Field({ description: '"1"–"5", "зач"/"незач" or "н/а" (not attested).' }) value!: string;
  @Field() corrected!: boolean;
  @Field(() => Int) revision!: number;
}

export const { Connection: MarkConnection, Edge: MarkEdge } = ConnectionType('Mark', MarkType);
export const { Connection: AttendanceConnection, Edge: AttendanceEdge } = ConnectionType('Attendance', AttendanceType);

@ObjectType('DiaryLesson')
export class DiaryLessonType {
  @Field(() => LessonType) lesson!: LessonType;
  @Field(() => [MarkType], { description: 'The marks that count (retracted ones are in `retractedMarks`).' }) marks!: MarkType[];
  @Field(() => AttendanceType, { nullable: true, description: 'The absence or late arrival, unless it was cleared.' }) attendance?: AttendanceType | null;
  @Field(() => [MarkType], { description: 'Marks retracted as put on the wrong pupil or lesson: shown as removed.' }) retractedMarks!: MarkType[];
  @Field(() => AttendanceType, { nullable: true, description: 'An absence cleared as recorded by mistake: shown as removed.' })
  clearedAttendance?: AttendanceType | null;
}

@ObjectType('DiaryDay')
export class DiaryDayType {
  @Field(() => DateScalar) date!: string;
  @Field(() => [DiaryLessonType]) lessons!: DiaryLessonType[];
}

@ObjectType('ClassJournal')
export class ClassJournalType {
  @Field(() => [LessonType]) lessons!: LessonType[];
  @Field(() => [StudentType]) students!: StudentType[];
  @Field(() => [MarkType], { description: 'The marks that count (retracted ones are in `retractedMarks`).' }) marks!: MarkType[];
  @Field(() => [AttendanceType], { description: 'Absences and late arrivals, but the cleared ones (`clearedAttendance`).' }) attendance!: AttendanceType[];
  @Field(() => [MarkType]) retractedMarks!: MarkType[];
  @Field(() => [AttendanceType]) clearedAttendance!: AttendanceType[];
}

@ObjectType('Viewer')
export class ViewerType {
  @Field(() => UserType) user!: UserType;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => StudentType, { nullable: true, description: 'When the viewer is a student.' }) student?: StudentType | null;
  @Field(() => [StudentType], { description: 'When the viewer is a parent.' }) children!: StudentType[];
  @Field(() => EmployeeType, { nullable: true, description: 'When the viewer is staff.' }) employee?: EmployeeType | null;
}

@ObjectType('AuthPayload')
export class AuthPayloadType {
  @Field() accessToken!: string;
  @Field() refreshToken!: string;
  @Field(() => UserType) user!: UserType;
}

@ObjectType('DiaryEvent', { description: 'Something new in a student\'s diary, in commit order.' })
export class DiaryEventGqlType {
  @Field({ description: 'Pass it as `after` to resume right after this event.' }) cursor!: string;
  @Field(() => DiaryEventType) type!: DiaryEventType;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => StudentType) student!: StudentType;
  @Field(() => MarkType, { nullable: true }) mark?: MarkType | null;
  @Field(() => AttendanceType, { nullable: true }) attendance?: AttendanceType | null;
  @Field(() => LessonType, { nullable: true }) lesson?: LessonType | null;
}
