import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { ClassGroup, PeriodMark, Student } from '../../entities';
import DataLoader from 'dataloader';
import type { StudentAccess } from '../../permissions/scope';
import { forbidden } from '../../lib/errors';
import { attendanceOfStudent, marksOfStudent } from '../../domain/journal/journal.queries';
import type { RequestContext } from '../context';
import { fromGlobalId, toGlobalId } from '../../schema/global-id';
import { DateScalar } from '../../schema/scalars';
import { AttendanceConnection, ClassGroupType, MarkConnection, PeriodMarkType, StudentType } from '../../schema/types';
import { pageRequest, toConnection } from '../pagination';

@Resolver(() => StudentType)
export class StudentResolver {
  @FieldResolver(() => ID)
  id(@Root() student: Student): string {
    return toGlobalId('Student', student.id);
  }

  @FieldResolver()
  fullName(@Root() student: Student): string {
    return student.fullName;
  }

  @FieldResolver(() => ClassGroupType, { nullable: true })
  classGroup(@Root() student: Student, @Ctx() ctx: RequestContext): Promise<ClassGroup | null> {
    return ctx.loaders.currentClass.load(student.id);
  }

  @FieldResolver(() => MarkConnection, { description: 'Newest lesson first; `first` 1–100 (default 20).' })
  async marks(
    @Root() student: Student,
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar, { nullable: true }) from?: string,
    @Arg('to', () => DateScalar, { nullable: true }) to?: string,
    @Arg('subjectId', () => ID, { nullable: true }) subjectId?: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const page = pageRequest(first, after);
    const onlyTaughtBy = await journalScope(ctx, student.id);
    const subject = subjectId ? fromGlobalId(subjectId, 'Subject', 'subjectId') : null;
    return toConnection(await marksOfStudent(ctx.em, { studentId: student.id, from, to, subjectId: subject, onlyTaughtBy }, page), page);
  }

  @FieldResolver(() => AttendanceConnection, { description: 'Absences and late arrivals, newest first; `first` 1–100 (default 20).' })
  async attendance(
    @Root() student: Student,
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar, { nullable: true }) from?: string,
    @Arg('to', () => DateScalar, { nullable: true }) to?: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const page = pageRequest(first, after);
    const onlyTaughtBy = await journalScope(ctx, student.id);
    return toConnection(await attendanceOfStudent(ctx.em, { studentId: student.id, from, to, onlyTaughtBy }, page), page);
  }

  @FieldResolver(() => [PeriodMarkType], { description: 'Period, year, exam and final marks.' })
  async periodMarks(@Root() student: Student, @Ctx() ctx: RequestContext): Promise<PeriodMark[]> {
    const onlyTaughtBy = journalScopeOf(await batchedAccess(ctx).load(student.id), ctx);
    // Batched: a parent's children (or a list of students) cost one statement together.
    const marks = await ctx.loaders.periodMarks.load(student.id);
    if (!onlyTaughtBy) return marks;
    // A subject teacher sees the period marks of the subjects they teach the student (the same check as node(PeriodMark)).
    const subjects = await ctx.access.taughtSubjects(student.id);
    return marks.filter((m) => subjects.has(m.subject.id));
  }
}

/**
 * How much of a student's journal the viewer reads: null = all of it,
 * an employee id = only that teacher's lessons. FORBIDDEN for card-only access.
 */
async function journalScope(ctx: RequestContext, studentId: string): Promise<string | null> {
  return journalScopeOf(await ctx.access.student(studentId), ctx);
}

function journalScopeOf(access: StudentAccess, ctx: RequestContext): string | null {
  if (access.level === 'FULL') return null;
  if (access.level === 'TAUGHT') return ctx.access.ties.teacherCard;
  throw forbidden('You may not read this student\'s journal.');
}

/**
 * The row scope of the students of one list (a parent's children…) in one statement. Kept with
 * the request's loaders, which a subscription renews for every event, as it does the access scope.
 */
const accessLoaders = new WeakMap<object, DataLoader<string, StudentAccess>>();
function batchedAccess(ctx: RequestContext): DataLoader<string, StudentAccess> {
  let loader = accessLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const access = await ctx.access.studentsAccess(ids);
      return ids.map((id) => access.get(id)!);
    });
    accessLoaders.set(ctx.loaders, loader);
  }
  return loader;
}
