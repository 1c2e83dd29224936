import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Attendance, Lesson, Mark, Student } from '../entities';
import { badInput, notFound } from '../domain/errors';
import {
  attendanceInLessons, lessonsOfClass, lessonsOfStudent, marksInLessons, studentsOfClass,
} from '../domain/journal-queries';
import { addDays, daysBetween } from '../server/clock';
import type { RequestContext } from '../server/context';
import { fromGlobalId } from '../schema/global-id';
import { DateScalar } from '../schema/scalars';
import { ClassJournalType, DiaryDayType } from '../schema/types';

export const DIARY_MAX_DAYS = 31;
export const CLASS_JOURNAL_MAX_DAYS = 92;

interface DiaryLesson { lesson: Lesson; marks: Mark[]; attendance: Attendance | null }
interface DiaryDay { date: string; lessons: DiaryLesson[] }
interface ClassJournal { lessons: Lesson[]; students: Student[]; marks: Mark[]; attendance: Attendance[] }

function checkRange(from: string, to: string, maxDays: number): void {
  if (to < from) throw badInput('to', '"to" is before "from".');
  if (daysBetween(from, to) + 1 > maxDays) throw badInput('to', `At most ${maxDays} days at a time.`);
}

@Resolver()
export class DiaryResolver {
  @Query(() => [DiaryDayType], { description: `A student's lessons with their marks and attendance, day by day; at most ${DIARY_MAX_DAYS} days.` })
  async diary(
    @Arg('studentId', () => ID) studentGlobalId: string,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() ctx: RequestContext,
  ): Promise<DiaryDay[]> {
    const studentId = fromGlobalId(studentGlobalId, 'Student', 'studentId');
    checkRange(from, to, DIARY_MAX_DAYS);
    const access = await ctx.access.student(studentId);
    if (access.level !== 'FULL' && access.level !== 'TAUGHT') throw notFound('Student');
    // A teacher who is not the class teacher sees the student's diary for their own lessons only.
    const onlyTaughtBy = access.level === 'TAUGHT' ? ctx.requireViewer().employeeId : null;

    const lessonRows = await lessonsOfStudent(ctx.em, studentId, from, to, onlyTaughtBy);
    ctx.loaders.primeLessons(lessonRows);
    const lessons = lessonRows.map((r) => r.lesson);
    const lessonIds = lessons.map((l) => l.id);
    const [markRows, attendance] = await Promise.all([
      marksInLessons(ctx.em, lessonIds, studentId),
      attendanceInLessons(ctx.em, lessonIds, studentId),
    ]);
    ctx.loaders.primeWorkTypes(markRows.map((r) => r.workType));
    const marks = markRows.map((r) => r.mark);
    const byDate = new Map<string, DiaryLesson[]>();
    for (const lesson of lessons) {
      const entry: DiaryLesson = {
        lesson,
        marks: marks.filter((m) => m.lesson.id === lesson.id),
        attendance: attendance.find((a) => a.lesson.id === lesson.id) ?? null,
      };
      byDate.set(lesson.date, [...(byDate.get(lesson.date) ?? []), entry]);
    }
    const days: DiaryDay[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) days.push({ date, lessons: byDate.get(date) ?? [] });
    return days;
  }

  @Query(() => ClassJournalType, {
    description: `The journal page of one class in one subject: lessons, students, marks and attendance; at most ${CLASS_JOURNAL_MAX_DAYS} days.`,
  })
  async classJournal(
    @Arg('classGroupId', () => ID) classGroupGlobalId: string,
    @Arg('subjectId', () => ID) subjectGlobalId: string,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ClassJournal> {
    const classGroupId = fromGlobalId(classGroupGlobalId, 'ClassGroup', 'classGroupId');
    const subjectId = fromGlobalId(subjectGlobalId, 'Subject', 'subjectId');
    checkRange(from, to, CLASS_JOURNAL_MAX_DAYS);
    const access = await ctx.access.classJournal(classGroupId, subjectId);
    if (access.scope === 'NONE') throw notFound('ClassGroup');
    const onlyTaughtBy = access.scope === 'OWN' ? ctx.requireViewer().employeeId : null;

    const [lessonRows, students] = await Promise.all([
      lessonsOfClass(ctx.em, classGroupId, subjectId, from, to, onlyTaughtBy),
      studentsOfClass(ctx.em, classGroupId, from, to),
    ]);
    ctx.loaders.primeLessons(lessonRows);
    ctx.loaders.prime(Student, students);
    const lessons = lessonRows.map((r) => r.lesson);
    // A substitute with no lesson here has no business in this journal.
    if (access.scope === 'OWN' && lessons.length === 0) throw notFound('ClassGroup');
    const lessonIds = lessons.map((l) => l.id);
    const [markRows, attendance] = await Promise.all([
      marksInLessons(ctx.em, lessonIds, null),
      attendanceInLessons(ctx.em, lessonIds, null),
    ]);
    ctx.loaders.primeWorkTypes(markRows.map((r) => r.workType));
    return { lessons, students, marks: markRows.map((r) => r.mark), attendance };
  }
}
