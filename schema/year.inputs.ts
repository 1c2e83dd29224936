import { Field, ID, InputType, Int } from 'type-graphql';
import { AcademicYearState, CurriculumComponent, GradingScale, StudyPeriodKind } from '../entities';
import { DateScalar } from './scalars';
import { RolloverDecisionKind } from './year.types';
import { GradeRangeInput } from './school-setup.inputs';

const VERSION = { description: 'The version you saw; CONFLICT when it changed meanwhile.' };

@InputType() export class CreateAcademicYearInput {
  @Field(() => ID, { nullable: true, description: 'Needed only when you hold the role in several schools.' }) schoolId?: string | null;
  @Field() name!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
}
@InputType() export class UpdateAcademicYearInput {
  @Field(() => ID) yearId!: string;
  @Field(() => Int, VERSION) expectedVersion!: number;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => DateScalar, { nullable: true }) startsOn?: string | null;
  @Field(() => DateScalar, { nullable: true }) endsOn?: string | null;
}
@InputType() export class SetAcademicYearStateInput {
  @Field(() => ID) yearId!: string;
  @Field(() => Int, VERSION) expectedVersion!: number;
  @Field(() => AcademicYearState, { description: 'PLANNING → ACTIVE → CLOSED only.' }) state!: AcademicYearState;
}
@InputType() export class StudyPeriodInput {
  @Field() name!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
}
@InputType() export class SetStudyPeriodsInput {
  @Field(() => ID) yearId!: string;
  @Field(() => Int, { description: 'The year\'s version.' }) expectedVersion!: number;
  @Field(() => StudyPeriodKind) kind!: StudyPeriodKind;
  @Field(() => [StudyPeriodInput], { description: 'In order: 4 quarters, 3 trimesters or 2 half-years, from the year\'s first day to its last.' })
  periods!: StudyPeriodInput[];
  @Field(() => GradeRangeInput, { nullable: true, description: 'The parallels the periods are for (default grades 1–11): quarters for 1–9 and half-years for 10–11 are two calls (004 §4).' })
  grades?: GradeRangeInput | null;
}
@InputType() export class SaveHolidayInput {
  @Field(() => ID, { nullable: true, description: 'For a new holiday.' }) yearId?: string | null;
  @Field(() => ID, { nullable: true, description: 'To change one.' }) holidayId?: string | null;
  @Field(() => Int, { nullable: true, description: 'The holiday\'s version, when changing it.' }) expectedVersion?: number | null;
  @Field() name!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
}
@InputType() export class SaveMovedWorkingDayInput {
  @Field(() => ID, { nullable: true, description: 'For a new moved day.' }) yearId?: string | null;
  @Field(() => ID, { nullable: true, description: 'To change one.' }) movedWorkingDayId?: string | null;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => DateScalar, { description: 'Worked in place of dayOffDate, with its weekday\'s timetable.' }) workDate!: string;
  @Field(() => DateScalar) dayOffDate!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}
@InputType() export class DeleteInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, VERSION) expectedVersion!: number;
}
@InputType() export class RolloverDecisionInput {
  @Field(() => ID) studentId!: string;
  @Field(() => RolloverDecisionKind) decision!: RolloverDecisionKind;
}
@InputType() export class RolloverInput {
  @Field(() => ID, { description: 'The year rolled over (ACTIVE, not yet closed).' }) yearId!: string;
  @Field({ description: 'The new year: "2027/2028".' }) name!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
  @Field(() => [RolloverDecisionInput], { defaultValue: [] }) decisions!: RolloverDecisionInput[];
  @Field(() => RolloverDecisionKind, { nullable: true, description: 'PROMOTE or PROMOTE_CONDITIONAL for every student not listed (the last grade graduates). Left out: unlisted students are undecided.' })
  defaultDecision?: RolloverDecisionKind | null;
}
@InputType() export class ApplyRolloverInput extends RolloverInput {
  @Field({ description: 'The token of the preview being applied.' }) token!: string;
}

@InputType() export class CreateSubjectInput {
  @Field(() => ID, { nullable: true, description: 'Needed only when you hold the role in several schools.' }) schoolId?: string | null;
  @Field() name!: string;
  @Field(() => GradingScale, { nullable: true }) gradingScale?: GradingScale | null;
}
@InputType() export class UpdateSubjectInput {
  @Field(() => ID) subjectId!: string;
  @Field(() => Int, VERSION) expectedVersion!: number;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => GradingScale, { nullable: true }) gradingScale?: GradingScale | null;
}
@InputType() export class CreateCurriculumItemInput {
  @Field(() => ID) classGroupId!: string;
  @Field(() => ID) subjectId!: string;
  @Field({ description: '"2", "0.5": positive, at most one decimal.' }) hoursPerWeek!: string;
  @Field(() => CurriculumComponent) component!: CurriculumComponent;
}
@InputType() export class UpdateCurriculumItemInput {
  @Field(() => ID) itemId!: string;
  @Field(() => Int, VERSION) expectedVersion!: number;
  @Field(() => String, { nullable: true }) hoursPerWeek?: string | null;
  @Field(() => CurriculumComponent, { nullable: true }) component?: CurriculumComponent | null;
}
@InputType() export class CreateSubgroupInput {
  @Field(() => ID) classGroupId!: string;
  @Field(() => ID) subjectId!: string;
  @Field() name!: string;
  @Field(() => [ID], { description: 'Students enrolled in the class.' }) studentIds!: string[];
}
@InputType() export class UpdateSubgroupInput {
  @Field(() => ID) subgroupId!: string;
  @Field(() => Int, VERSION) expectedVersion!: number;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => [ID], { nullable: true, description: 'The whole new member list.' }) studentIds?: string[] | null;
}
@InputType() export class CreateTeachingAssignmentInput {
  @Field(() => ID) teacherId!: string;
  @Field(() => ID) classGroupId!: string;
  @Field(() => ID) subjectId!: string;
  @Field(() => ID, { nullable: true }) subgroupId?: string | null;
}
@InputType() export class UpdateTeachingAssignmentInput {
  @Field(() => ID) assignmentId!: string;
  @Field(() => Int, VERSION) expectedVersion!: number;
  @Field(() => ID, { description: 'The teacher who takes it over.' }) teacherId!: string;
}
@InputType() export class AddThematicPlanItemInput {
  @Field(() => ID) classGroupId!: string;
  @Field(() => ID) subjectId!: string;
  @Field(() => ID, { nullable: true }) subgroupId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Where to insert (1-based); left out: at the end.' }) position?: number | null;
  @Field() topic!: string;
  @Field(() => Int) hours!: number;
  @Field(() => DateScalar, { nullable: true }) plannedOn?: string | null;
}
@InputType() export class UpdateThematicPlanItemInput {
  @Field(() => ID) itemId!: string;
  @Field(() => Int, VERSION) expectedVersion!: number;
  @Field(() => Int, { nullable: true, description: 'Move it to this position.' }) position?: number | null;
  @Field(() => String, { nullable: true }) topic?: string | null;
  @Field(() => Int, { nullable: true }) hours?: number | null;
  @Field(() => DateScalar, { nullable: true }) plannedOn?: string | null;
}

@InputType() export class CreateBellInput {
  @Field(() => ID, { nullable: true, description: 'Needed only when you hold the role in several schools.' }) schoolId?: string | null;
  @Field(() => Int) shift!: number;
  @Field(() => Int) number!: number;
  @Field({ description: '"08:30"' }) startsAt!: string;
  @Field() endsAt!: string;
}
@InputType() export class UpdateBellInput {
  @Field(() => ID) bellId!: string;
  @Field(() => Int, VERSION) expectedVersion!: number;
  @Field() startsAt!: string;
  @Field() endsAt!: string;
}
@InputType() export class CreateRoomInput {
  @Field(() => ID, { nullable: true, description: 'Needed only when you hold the role in several schools.' }) schoolId?: string | null;
  @Field() name!: string;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
}
@InputType() export class UpdateRoomInput {
  @Field(() => ID) roomId!: string;
  @Field(() => Int, VERSION) expectedVersion!: number;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
}
@InputType() export class CreateTimetableEntryInput {
  @Field(() => ID) classGroupId!: string;
  @Field(() => ID, { nullable: true }) subgroupId?: string | null;
  @Field(() => ID) subjectId!: string;
  @Field(() => ID, { description: 'An employee assigned to the subject in the class.' }) teacherId!: string;
  @Field(() => ID, { nullable: true }) roomId?: string | null;
  @Field(() => Int, { description: 'ISO weekday 1–7.' }) weekday!: number;
  @Field(() => Int) bellNumber!: number;
  @Field(() => DateScalar, { nullable: true, description: 'Default: the year\'s first day.' }) validFrom?: string | null;
  @Field(() => DateScalar, { nullable: true }) validTo?: string | null;
}
@InputType() export class UpdateTimetableEntryInput {
  @Field(() => ID) entryId!: string;
  @Field(() => Int, VERSION) expectedVersion!: number;
  @Field(() => ID, { nullable: true }) teacherId?: string | null;
  @Field(() => ID, { nullable: true }) roomId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'True: no room.' }) clearRoom?: boolean | null;
  @Field(() => Int, { nullable: true }) weekday?: number | null;
  @Field(() => Int, { nullable: true }) bellNumber?: number | null;
  @Field(() => DateScalar, { nullable: true }) validFrom?: string | null;
  @Field(() => DateScalar, { nullable: true }) validTo?: string | null;
}
@InputType() export class GenerateLessonsInput {
  @Field(() => ID) yearId!: string;
  @Field(() => ID, { nullable: true, description: 'Only this class.' }) classGroupId?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Default: the year\'s first day.' }) from?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Default: the year\'s last day.' }) to?: string | null;
}
@InputType() export class SubstituteLessonInput {
  @Field(() => ID) lessonId!: string;
  @Field(() => Int, VERSION) expectedVersion!: number;
  @Field(() => ID, { nullable: true, description: 'Null: nobody stands in any more.' }) substituteTeacherId?: string | null;
}
@InputType() export class CancelLessonInput {
  @Field(() => ID) lessonId!: string;
  @Field(() => Int, VERSION) expectedVersion!: number;
  @Field() reason!: string;
}
