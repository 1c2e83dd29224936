import { Field, ID, InterfaceType } from 'type-graphql';
import {
  AcademicYear, Attendance, ClassGroup, Employee, Lesson, Mark, MovementOrder, PeriodMark, School, Student, StudyPeriod, Subject, User,
  Bell, CurriculumItem, MovedWorkingDay, Room, SchoolEvent, Subgroup, TeachingAssignment, ThematicPlanItem, TimetableEntry,
} from '../entities';
import type { NodeTypeName } from './global-id';

/** Which GraphQL type an entity is shown as. */
const TYPE_OF_ENTITY = new Map<Function, NodeTypeName>([
  [Student, 'Student'], [Lesson, 'Lesson'], [Mark, 'Mark'], [Attendance, 'Attendance'], [Subject, 'Subject'],
  [ClassGroup, 'ClassGroup'], [Employee, 'Employee'], [User, 'User'], [AcademicYear, 'AcademicYear'],
  [StudyPeriod, 'StudyPeriod'], [PeriodMark, 'PeriodMark'], [School, 'School'],
  [MovedWorkingDay, 'MovedWorkingDay'], [CurriculumItem, 'CurriculumItem'], [Subgroup, 'Subgroup'], [TeachingAssignment, 'TeachingAssignment'],
  [ThematicPlanItem, 'ThematicPlanItem'], [Bell, 'Bell'], [Room, 'Room'], [TimetableEntry, 'TimetableEntry'],
  [MovementOrder, 'MovementOrder'], [SchoolEvent, 'SchoolEvent'],
]);

export function nodeTypeOf(value: object): NodeTypeName | undefined {
  return TYPE_OF_ENTITY.get(value.constructor);
}

@InterfaceType('Node', {
  description: 'An object with an opaque, globally unique id that `node(id:)` fetches again.',
  resolveType: (value: object) => nodeTypeOf(value),
})
export abstract class NodeInterface {
  @Field(() => ID)
  id!: string;
}
