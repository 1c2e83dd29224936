import { Attendance, ClassGroup, Employee, Lesson, Mark, PeriodMark, School, Student, StudyPeriod, Subject, AcademicYear } from '../entities';
import { notFound } from '../lib/errors';
import { MovementBookService } from '../domain/people/movement-book.service';
import type { RequestContext } from './context';
import { parseGlobalId } from '../schema/global-id';
import { fetchYearNode } from './school-year/year-visibility';

/**
 * Reads one object by id through the viewer's row scope. Missing and not-allowed
 * both come back as null, so callers answer them the same way (NOT_FOUND).
 */

export async function visibleStudent(ctx: RequestContext, id: string): Promise<Student | null> {
  const access = await ctx.access.student(id);
  if (access.level === 'NONE') return null;
  return (await ctx.loaders.one(Student, id)) ?? null;
}

/** Journal data of a student (marks, attendance) is visible at FULL, or at TAUGHT for the viewer's own lessons. */
async function journalRowVisible(ctx: RequestContext, studentId: string, lessonId: string): Promise<boolean> {
  const access = await ctx.access.student(studentId);
  if (access.level === 'FULL') return true;
  return access.level === 'TAUGHT' && (await ctx.access.lesson(lessonId)).teaches;
}

export async function visibleLesson(ctx: RequestContext, id: string): Promise<Lesson | null> {
  if (!(await ctx.access.lesson(id)).read) return null;
  return (await ctx.loaders.one(Lesson, id)) ?? null;
}

export async function visibleMark(ctx: RequestContext, id: string): Promise<Mark | null> {
  const mark = await ctx.loaders.one(Mark, id);
  return mark && (await journalRowVisible(ctx, mark.student.id, mark.lesson.id)) ? mark : null;
}

export async function visibleAttendance(ctx: RequestContext, id: string): Promise<Attendance | null> {
  const row = await ctx.loaders.one(Attendance, id);
  return row && (await journalRowVisible(ctx, row.student.id, row.lesson.id)) ? row : null;
}

export async function visiblePeriodMark(ctx: RequestContext, id: string): Promise<PeriodMark | null> {
  const row = await ctx.loaders.one(PeriodMark, id);
  if (!row) return null;
  return (await ctx.access.readsPeriodMark(row.student.id, row.subject.id)) ? row : null;
}

/** Reference data (subjects, classes, employee names, the calendar) is visible to members of its school. */
async function inViewerSchool<T extends { school: { id: string } }>(ctx: RequestContext, row: T | undefined): Promise<T | null> {
  return row && (await ctx.access.isMemberOf(row.school.id)) ? row : null;
}

export async function fetchNode(ctx: RequestContext, globalId: string): Promise<object | null> {
  const parsed = parseGlobalId(globalId);
  if (!parsed) return null;
  const { type, uuid } = parsed;
  switch (type) {
    case 'Student': return visibleStudent(ctx, uuid);
    case 'Lesson': return visibleLesson(ctx, uuid);
    case 'Mark': return visibleMark(ctx, uuid);
    case 'Attendance': return visibleAttendance(ctx, uuid);
    case 'PeriodMark': return visiblePeriodMark(ctx, uuid);
    case 'Subject': return inViewerSchool(ctx, await ctx.loaders.one(Subject, uuid));
    case 'ClassGroup': return inViewerSchool(ctx, await ctx.loaders.one(ClassGroup, uuid));
    case 'Employee': return inViewerSchool(ctx, await ctx.loaders.one(Employee, uuid));
    case 'AcademicYear': {
      const year = await ctx.loaders.one(AcademicYear, uuid);
      return year && (await ctx.access.readsCalendarOf(year.school.id)) ? year : null;
    }
    case 'School': {
      const school = await ctx.loaders.one(School, uuid);
      return school && (await ctx.access.readsCalendarOf(school.id)) ? school : null;
    }
    case 'StudyPeriod': {
      const period = await ctx.loaders.one(StudyPeriod, uuid);
      const year = period && (await ctx.loaders.one(AcademicYear, period.year.id));
      return year && (await ctx.access.readsCalendarOf(year.school.id)) ? period : null;
    }
    case 'MovementOrder': return new MovementBookService(ctx.scope).visibleOrder(uuid);
    default: return fetchYearNode(ctx, type, uuid);
  }
}

export function orNotFound<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw notFound(what);
  return value;
}
