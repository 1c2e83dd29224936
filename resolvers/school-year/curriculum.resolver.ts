import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  ClassGroup, CurriculumItem, Employee, Student, Subgroup, SubgroupMember, Subject, TeachingAssignment, ThematicPlanItem
} from '../../entities';
import { CurriculumService } from '../../domain/school-year/curriculum.service';
import { notFound } from '../../lib/errors';
import type { RequestContext } from '../context';
import { fromGlobalId, toGlobalId } from '../../schema/global-id';
import { ClassGroupType, EmployeeType, StudentType, SubjectType } from '../../schema/types';
import {
  AddThematicPlanItemInput, CreateCurriculumItemInput, CreateSubgroupInput, CreateSubjectInput, CreateTeachingAssignmentInput,
  DeleteInput, UpdateCurriculumItemInput, UpdateSubgroupInput, UpdateSubjectInput, UpdateTeachingAssignmentInput,
  UpdateThematicPlanItemInput,
} from '../../schema/year.inputs';
import { CurriculumItemType, SubgroupType, TeachingAssignmentType, ThematicPlanItemType } from '../../schema/year.types';
import { schoolIdOf } from './school-year.resolver';
import { curriculumReach, seesAllAssignments, visibleSubgroups } from './year-visibility';

const curriculum = (ctx: RequestContext) => new CurriculumService(ctx.scope);
const classId = (id: string, field = 'classGroupId') => fromGlobalId(id, 'ClassGroup', field);

/**
 * Per-request batching of subgroup members: for a whole list of subgroups, one statement for the
 * members, one for the viewer's access to them, one for the students the viewer may see.
 */
const memberLoaders = new WeakMap<RequestContext, DataLoader<string, Student[]>>();
function visibleMembersLoader(ctx: RequestContext): DataLoader<string, Student[]> {
  let loader = memberLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await ctx.em.find(SubgroupMember, { subgroup: { $in: [...ids] } });
      const access = await ctx.access.studentsAccess(rows.map((m) => m.student.id));
      const visible = rows.filter((m) => ['FULL', 'TAUGHT'].includes(access.get(m.student.id)?.level ?? 'NONE'));
      const students = await ctx.loaders.entity(Student).loadMany([...new Set(visible.map((m) => m.student.id))]);
      const byId = new Map(students.filter((s): s is Student => s instanceof Student).map((s) => [s.id, s]));
      return ids.map((id) => visible.filter((m) => m.subgroup.id === id).map((m) => byId.get(m.student.id)!)
        .sort((a, b) => a.fullName.localeCompare(b.fullName, 'ru')));
    });
    memberLoaders.set(ctx, loader);
  }
  return loader;
}

@Resolver()
export class CurriculumResolver {
  @Query(() => [SubjectType], { description: 'The subjects of the viewer\'s schools, by name.' })
  async subjects(@Ctx() ctx: RequestContext): Promise<Subject[]> {
    const schools = [...(await ctx.access.memberSchools())];
    return schools.length === 0 ? [] : ctx.em.find(Subject, { school: { $in: schools } }, { orderBy: { name: 'asc' } });
  }

  @Query(() => [CurriculumItemType], { description: 'A class\'s curriculum (the administration; its teachers and class teacher; its students and their parents).' })
  async curriculum(@Arg('classGroupId', () => ID) classGroupId: string, @Ctx() ctx: RequestContext): Promise<CurriculumItem[]> {
    const reach = await curriculumReach(ctx, classId(classGroupId));
    if (!reach) throw notFound('ClassGroup');
    return ctx.em.find(CurriculumItem, { classGroup: reach.classGroup }, { populate: ['subject'], orderBy: { subject: { name: 'asc' } } });
  }

  @Query(() => [TeachingAssignmentType], {
    description: 'With classGroupId: the class\'s assignments (a teacher who only teaches there sees their own). Without: the viewer\'s own.',
  })
  async teachingAssignments(
    @Arg('classGroupId', () => ID, { nullable: true }) classGroupId: string | null, @Ctx() ctx: RequestContext,
  ): Promise<TeachingAssignment[]> {
    // The viewer's teacher card, while they are a TEACHER of its school (permissions/ties.ts).
    const teacher = ctx.access.ties.teacherCard;
    if (!classGroupId) {
      return teacher ? ctx.em.find(TeachingAssignment, { teacher }, { orderBy: { id: 'asc' } }) : [];
    }
    const reach = await curriculumReach(ctx, classId(classGroupId));
    if (!reach) throw notFound('ClassGroup');
    return ctx.em.find(TeachingAssignment, {
      classGroup: reach.classGroup, ...(seesAllAssignments(reach) ? {} : { teacher }),
    }, { orderBy: { id: 'asc' } });
  }

  @Query(() => [SubgroupType], { description: 'A class\'s subgroups the viewer may see.' })
  async subgroups(@Arg('classGroupId', () => ID) classGroupId: string, @Ctx() ctx: RequestContext): Promise<Subgroup[]> {
    const reach = await curriculumReach(ctx, classId(classGroupId));
    if (!reach) throw notFound('ClassGroup');
    return visibleSubgroups(ctx, reach);
  }

  @Query(() => [ThematicPlanItemType], {
    description: 'The thematic plan of a class and subject, in order. Teachers read their own; the administration any teacher\'s (teacherId), or all when left out.',
  })
  async thematicPlan(
    @Arg('classGroupId', () => ID) classGroupId: string,
    @Arg('subjectId', () => ID) subjectId: string,
    @Arg('teacherId', () => ID, { nullable: true }) teacherId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ThematicPlanItem[]> {
    const classGroup = await ctx.em.findOne(ClassGroup, classId(classGroupId));
    if (!classGroup || !(await ctx.access.isMemberOf(classGroup.school.id))) throw notFound('ClassGroup');
    const v = ctx.requireViewer();
    const admin = ctx.access.holdsIn('thematicPlan.read', classGroup.school.id);
    const ownCard = v.employeeSchoolId === classGroup.school.id ? ctx.access.ties.teacherCard : null;
    const wanted = teacherId ? fromGlobalId(teacherId, 'Employee', 'teacherId') : null;
    // A teacher reads only their own plan: anyone else's answers like an empty one.
    const teacher = admin ? wanted : ownCard && (!wanted || wanted === ownCard) ? ownCard : null;
    if (!admin && !teacher) return [];
    return ctx.em.find(ThematicPlanItem, {
      classGroup, subject: fromGlobalId(subjectId, 'Subject', 'subjectId'), ...(teacher ? { teacher } : {}),
    }, { orderBy: { teacher: 'asc', subgroup: 'asc', ordinal: 'asc' } });
  }

  @Mutation(() => SubjectType) createSubject(@Arg('input') input: CreateSubjectInput, @Ctx() ctx: RequestContext) {
    return curriculum(ctx).createSubject({ ...input, schoolId: schoolIdOf(input.schoolId) });
  }

  @Mutation(() => SubjectType) updateSubject(@Arg('input') input: UpdateSubjectInput, @Ctx() ctx: RequestContext) {
    return curriculum(ctx).updateSubject({ ...input, subjectId: fromGlobalId(input.subjectId, 'Subject', 'subjectId') });
  }

  @Mutation(() => CurriculumItemType) createCurriculumItem(@Arg('input') input: CreateCurriculumItemInput, @Ctx() ctx: RequestContext) {
    return curriculum(ctx).createCurriculumItem({
      ...input, classGroupId: classId(input.classGroupId), subjectId: fromGlobalId(input.subjectId, 'Subject', 'subjectId'),
    });
  }

  @Mutation(() => CurriculumItemType) updateCurriculumItem(@Arg('input') input: UpdateCurriculumItemInput, @Ctx() ctx: RequestContext) {
    return curriculum(ctx).updateCurriculumItem({ ...input, itemId: fromGlobalId(input.itemId, 'CurriculumItem', 'itemId') });
  }

  @Mutation(() => ClassGroupType, { description: 'Answers the class the item belonged to.' })
  deleteCurriculumItem(@Arg('input') input: DeleteInput, @Ctx() ctx: RequestContext) {
    return curriculum(ctx).deleteCurriculumItem({ id: fromGlobalId(input.id, 'CurriculumItem', 'id'), expectedVersion: input.expectedVersion });
  }

  @Mutation(() => SubgroupType) createSubgroup(@Arg('input') input: CreateSubgroupInput, @Ctx() ctx: RequestContext) {
    return curriculum(ctx).createSubgroup({
      ...input, classGroupId: classId(input.classGroupId), subjectId: fromGlobalId(input.subjectId, 'Subject', 'subjectId'),
      studentIds: input.studentIds.map((id, i) => fromGlobalId(id, 'Student', `studentIds.${i}`)),
    });
  }

  @Mutation(() => SubgroupType) updateSubgroup(@Arg('input') input: UpdateSubgroupInput, @Ctx() ctx: RequestContext) {
    return curriculum(ctx).updateSubgroup({
      ...input, subgroupId: fromGlobalId(input.subgroupId, 'Subgroup', 'subgroupId'),
      studentIds: input.studentIds?.map((id, i) => fromGlobalId(id, 'Student', `studentIds.${i}`)) ?? null,
    });
  }

  @Mutation(() => ClassGroupType) deleteSubgroup(@Arg('input') input: DeleteInput, @Ctx() ctx: RequestContext) {
    return curriculum(ctx).deleteSubgroup({ id: fromGlobalId(input.id, 'Subgroup', 'id'), expectedVersion: input.expectedVersion });
  }

  @Mutation(() => TeachingAssignmentType) createTeachingAssignment(@Arg('input') input: CreateTeachingAssignmentInput, @Ctx() ctx: RequestContext) {
    return curriculum(ctx).createAssignment({
      teacherId: fromGlobalId(input.teacherId, 'Employee', 'teacherId'), classGroupId: classId(input.classGroupId),
      subjectId: fromGlobalId(input.subjectId, 'Subject', 'subjectId'),
      subgroupId: input.subgroupId ? fromGlobalId(input.subgroupId, 'Subgroup', 'subgroupId') : null,
    });
  }

  @Mutation(() => TeachingAssignmentType) updateTeachingAssignment(@Arg('input') input: UpdateTeachingAssignmentInput, @Ctx() ctx: RequestContext) {
    return curriculum(ctx).updateAssignment({
      assignmentId: fromGlobalId(input.assignmentId, 'TeachingAssignment', 'assignmentId'), expectedVersion: input.expectedVersion,
      teacherId: fromGlobalId(input.teacherId, 'Employee', 'teacherId'),
    });
  }

  @Mutation(() => ClassGroupType) deleteTeachingAssignment(@Arg('input') input: DeleteInput, @Ctx() ctx: RequestContext) {
    return curriculum(ctx).deleteAssignment({ id: fromGlobalId(input.id, 'TeachingAssignment', 'id'), expectedVersion: input.expectedVersion });
  }

  @Mutation(() => ThematicPlanItemType, { description: 'Inserts a topic into the viewer\'s own plan (the later ones move down).' })
  addThematicPlanItem(@Arg('input') input: AddThematicPlanItemInput, @Ctx() ctx: RequestContext) {
    return curriculum(ctx).addPlanItem({
      ...input, classGroupId: classId(input.classGroupId), subjectId: fromGlobalId(input.subjectId, 'Subject', 'subjectId'),
      subgroupId: input.subgroupId ? fromGlobalId(input.subgroupId, 'Subgroup', 'subgroupId') : null,
    });
  }

  @Mutation(() => ThematicPlanItemType, { description: 'Changes a topic and/or moves it (ordinals stay 1…n).' })
  updateThematicPlanItem(@Arg('input') input: UpdateThematicPlanItemInput, @Ctx() ctx: RequestContext) {
    return curriculum(ctx).updatePlanItem({ ...input, itemId: fromGlobalId(input.itemId, 'ThematicPlanItem', 'itemId') });
  }

  @Mutation(() => [ThematicPlanItemType], { description: 'Deletes a topic; answers the rest of the plan, renumbered.' })
  deleteThematicPlanItem(@Arg('input') input: DeleteInput, @Ctx() ctx: RequestContext) {
    return curriculum(ctx).deletePlanItem({ id: fromGlobalId(input.id, 'ThematicPlanItem', 'id'), expectedVersion: input.expectedVersion });
  }
}

/** The relations every curriculum row has, through the per-request loaders (no query per row). */
function classOf(ctx: RequestContext, row: { classGroup: { id: string } }) { return ctx.loaders.one(ClassGroup, row.classGroup.id); }
function subjectOf(ctx: RequestContext, row: { subject: { id: string } }) { return ctx.loaders.one(Subject, row.subject.id); }
function subgroupOf(ctx: RequestContext, row: { subgroup?: { id: string } }) { return row.subgroup ? ctx.loaders.one(Subgroup, row.subgroup.id) : null; }

@Resolver(() => CurriculumItemType)
export class CurriculumItemResolver {
  @FieldResolver(() => ID) id(@Root() row: CurriculumItem) { return toGlobalId('CurriculumItem', row.id); }
  @FieldResolver(() => ClassGroupType) classGroup(@Root() row: CurriculumItem, @Ctx() ctx: RequestContext) { return classOf(ctx, row); }
  @FieldResolver(() => SubjectType) subject(@Root() row: CurriculumItem, @Ctx() ctx: RequestContext) { return subjectOf(ctx, row); }
}

@Resolver(() => SubgroupType)
export class SubgroupResolver {
  @FieldResolver(() => ID) id(@Root() row: Subgroup) { return toGlobalId('Subgroup', row.id); }
  @FieldResolver(() => ClassGroupType) classGroup(@Root() row: Subgroup, @Ctx() ctx: RequestContext) { return classOf(ctx, row); }
  @FieldResolver(() => SubjectType) subject(@Root() row: Subgroup, @Ctx() ctx: RequestContext) { return subjectOf(ctx, row); }

  /** Only the members the viewer may see (FULL or TAUGHT access), batched for the whole list. */
  @FieldResolver(() => [StudentType])
  members(@Root() row: Subgroup, @Ctx() ctx: RequestContext): Promise<Student[]> {
    return visibleMembersLoader(ctx).load(row.id);
  }
}

@Resolver(() => TeachingAssignmentType)
export class TeachingAssignmentResolver {
  @FieldResolver(() => ID) id(@Root() row: TeachingAssignment) { return toGlobalId('TeachingAssignment', row.id); }
  @FieldResolver(() => EmployeeType) teacher(@Root() row: TeachingAssignment, @Ctx() ctx: RequestContext) { return ctx.loaders.one(Employee, row.teacher.id); }
  @FieldResolver(() => ClassGroupType) classGroup(@Root() row: TeachingAssignment, @Ctx() ctx: RequestContext) { return classOf(ctx, row); }
  @FieldResolver(() => SubjectType) subject(@Root() row: TeachingAssignment, @Ctx() ctx: RequestContext) { return subjectOf(ctx, row); }
  @FieldResolver(() => SubgroupType, { nullable: true }) subgroup(@Root() row: TeachingAssignment, @Ctx() ctx: RequestContext) { return subgroupOf(ctx, row); }
}

@Resolver(() => ThematicPlanItemType)
export class ThematicPlanItemResolver {
  @FieldResolver(() => ID) id(@Root() row: ThematicPlanItem) { return toGlobalId('ThematicPlanItem', row.id); }
  @FieldResolver(() => EmployeeType) teacher(@Root() row: ThematicPlanItem, @Ctx() ctx: RequestContext) { return ctx.loaders.one(Employee, row.teacher.id); }
  @FieldResolver(() => ClassGroupType) classGroup(@Root() row: ThematicPlanItem, @Ctx() ctx: RequestContext) { return classOf(ctx, row); }
  @FieldResolver(() => SubjectType) subject(@Root() row: ThematicPlanItem, @Ctx() ctx: RequestContext) { return subjectOf(ctx, row); }
  @FieldResolver(() => SubgroupType, { nullable: true }) subgroup(@Root() row: ThematicPlanItem, @Ctx() ctx: RequestContext) { return subgroupOf(ctx, row); }
}

export { classOf, subjectOf, subgroupOf };
