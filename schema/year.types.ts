import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CurriculumComponent, MovementOrderType, StudyPeriodKind } from '../entities';
import { NodeInterface } from './node';
import { DateScalar } from './scalars';
import { ClassGroupType, EmployeeType, LessonType, StudentType, SubjectType } from './types';

// The school year, the curriculum and the timetable (issue 4, parts 4–6). Resolvers return
// entities as root values; relations are resolved in resolvers/{school-year,curriculum,timetable}.resolver.ts.

registerEnumType(StudyPeriodKind, { name: 'StudyPeriodKind' });
registerEnumType(CurriculumComponent, {
  name: 'CurriculumComponent',
  description: 'COMPULSORY: «обязательная часть»; PARTICIPANTS: «часть, формируемая участниками образовательных отношений».',
});

/** The pedagogical council's decision for a student at the rollover: the movement-book order it becomes. */
export enum RolloverDecisionKind {
  PROMOTE = MovementOrderType.PROMOTE,
  PROMOTE_CONDITIONAL = MovementOrderType.PROMOTE_CONDITIONAL,
  REPEAT_YEAR = MovementOrderType.REPEAT_YEAR,
  GRADUATE = MovementOrderType.GRADUATE,
}
registerEnumType(RolloverDecisionKind, { name: 'RolloverDecision', description: 'What becomes of a student at the year rollover (one movement-book order each).' });

@ObjectType('MovedWorkingDay', { implements: NodeInterface, description: 'A day off moved: `workDate` is worked with the timetable of `dayOffDate`\'s weekday, `dayOffDate` has no lessons.' })
export class MovedWorkingDayType extends NodeInterface {
  @Field(() => DateScalar) workDate!: string;
  @Field(() => DateScalar) dayOffDate!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Int) version!: number;
}

@ObjectType('RolloverStudent', { description: 'One student in a rollover preview.' })
export class RolloverStudentType {
  @Field(() => StudentType) student!: StudentType;
  @Field(() => ClassGroupType) fromClass!: ClassGroupType;
  @Field(() => RolloverDecisionKind, { nullable: true, description: 'Null: undecided (apply is refused until every student has a decision).' })
  decision?: RolloverDecisionKind | null;
  @Field(() => String, { nullable: true, description: 'The new year\'s class ("6А"); null when graduating or undecided.' })
  toClassName?: string | null;
  @Field(() => String, { nullable: true, description: 'The movement-book order number the apply step writes.' })
  orderNumber?: string | null;
}

@ObjectType('RolloverClass', { description: 'A class the rollover creates in the new year.' })
export class RolloverClassType {
  @Field() name!: string;
  @Field(() => Int) grade!: number;
  @Field(() => ClassGroupType, { nullable: true, description: 'The old class it continues (`promotedFrom`); null for a class made for repeaters.' })
  fromClass?: ClassGroupType | null;
  @Field(() => EmployeeType, { nullable: true }) classTeacher?: EmployeeType | null;
  @Field(() => Int, { description: 'Students it will have.' }) students!: number;
}

@ObjectType('RolloverPreview', { description: 'What applyRollover would do, exactly; pass `token` to apply it.' })
export class RolloverPreviewType {
  @Field({ description: 'Fingerprint of everything the plan rests on: applyRollover answers CONFLICT when the data changed since.' })
  token!: string;
  @Field() name!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
  @Field(() => [RolloverClassType]) classes!: RolloverClassType[];
  @Field(() => [RolloverStudentType]) students!: RolloverStudentType[];
  @Field(() => [StudentType], { description: 'Students with no decision: apply is refused while any are left.' }) undecided!: StudentType[];
  @Field(() => Int) promoted!: number;
  @Field(() => Int) promotedConditionally!: number;
  @Field(() => Int) repeating!: number;
  @Field(() => Int) graduating!: number;
  @Field(() => Int, { description: 'Curriculum items copied to the new classes.' }) curriculumItems!: number;
  @Field(() => Int, { description: 'Teaching assignments copied (teachers not dismissed).' }) teachingAssignments!: number;
  @Field(() => Int, { description: 'Subgroups copied (with the members who move with their class).' }) subgroups!: number;
  @Field({ description: 'True when every student has a decision.' }) canApply!: boolean;
}

@ObjectType('CurriculumItem', { implements: NodeInterface, description: 'A subject of a class\'s curriculum with its weekly hours (004 §5.2).' })
export class CurriculumItemType extends NodeInterface {
  @Field(() => ClassGroupType) classGroup!: ClassGroupType;
  @Field(() => SubjectType) subject!: SubjectType;
  @Field({ description: 'Hours per week, "2.0", "0.5".' }) hoursPerWeek!: string;
  @Field(() => CurriculumComponent) component!: CurriculumComponent;
  @Field(() => Int) version!: number;
}

@ObjectType('Subgroup', { implements: NodeInterface, description: 'A class split for one subject.' })
export class SubgroupType extends NodeInterface {
  @Field() name!: string;
  @Field(() => ClassGroupType) classGroup!: ClassGroupType;
  @Field(() => SubjectType) subject!: SubjectType;
  @Field(() => [StudentType], { description: 'The members the viewer may see: all of them for the administration, the class teacher and the subgroup\'s teacher; a student or parent sees their own.' })
  members!: StudentType[];
  @Field(() => Int) version!: number;
}

@ObjectType('TeachingAssignment', { implements: NodeInterface, description: 'A teacher teaches a subject to a class or one of its subgroups.' })
export class TeachingAssignmentType extends NodeInterface {
  @Field(() => EmployeeType) teacher!: EmployeeType;
  @Field(() => ClassGroupType) classGroup!: ClassGroupType;
  @Field(() => SubjectType) subject!: SubjectType;
  @Field(() => SubgroupType, { nullable: true }) subgroup?: SubgroupType | null;
  @Field(() => Int) version!: number;
}

@ObjectType('ThematicPlanItem', { implements: NodeInterface, description: 'One topic of a teacher\'s thematic plan (КТП) for a class and subject.' })
export class ThematicPlanItemType extends NodeInterface {
  @Field(() => Int, { description: '1-based position; the plan\'s ordinals stay 1…n.' }) ordinal!: number;
  @Field() topic!: string;
  @Field(() => Int) hours!: number;
  @Field(() => DateScalar, { nullable: true }) plannedOn?: string | null;
  @Field(() => EmployeeType) teacher!: EmployeeType;
  @Field(() => ClassGroupType) classGroup!: ClassGroupType;
  @Field(() => SubjectType) subject!: SubjectType;
  @Field(() => SubgroupType, { nullable: true }) subgroup?: SubgroupType | null;
  @Field(() => Int) version!: number;
}

@ObjectType('Bell', { implements: NodeInterface, description: 'Lesson `number` of a shift runs from `startsAt` to `endsAt` (school-local time).' })
export class BellType extends NodeInterface {
  @Field(() => Int) shift!: number;
  @Field(() => Int) number!: number;
  @Field({ description: '"08:30:00"' }) startsAt!: string;
  @Field() endsAt!: string;
  @Field(() => Int) version!: number;
}

@ObjectType('Room', { implements: NodeInterface })
export class RoomType extends NodeInterface {
  @Field() name!: string;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
  @Field(() => Int) version!: number;
}

@ObjectType('TimetableEntry', { implements: NodeInterface, description: 'One slot of the weekly timetable; lessons are generated from these (generateLessons).' })
export class TimetableEntryType extends NodeInterface {
  @Field(() => Int, { description: 'ISO weekday, 1 Monday … 7 Sunday.' }) weekday!: number;
  @Field(() => Int) bellNumber!: number;
  @Field(() => Int) shift!: number;
  @Field(() => DateScalar) validFrom!: string;
  @Field(() => DateScalar, { nullable: true }) validTo?: string | null;
  @Field(() => ClassGroupType) classGroup!: ClassGroupType;
  @Field(() => SubgroupType, { nullable: true }) subgroup?: SubgroupType | null;
  @Field(() => SubjectType) subject!: SubjectType;
  @Field(() => EmployeeType) teacher!: EmployeeType;
  @Field(() => RoomType, { nullable: true }) room?: RoomType | null;
  @Field(() => Int) version!: number;
}

@ObjectType('GenerateLessonsResult', { description: 'What generateLessons did.' })
export class GenerateLessonsResultType {
  @Field(() => Int) created!: number;
  @Field(() => Int, { description: 'Slots whose lesson existed already.' }) kept!: number;
  @Field(() => Int, { description: 'Scheduled lessons that followed a changed entry (subject, teacher, room).' }) updated!: number;
  @Field(() => Int, { description: 'Generated lessons no longer in the timetable, removed.' }) removed!: number;
  @Field(() => [LessonType], { description: 'Lessons no longer in the timetable that were kept: they were held, cancelled or carry journal data.' })
  conflicts!: LessonType[];
}

