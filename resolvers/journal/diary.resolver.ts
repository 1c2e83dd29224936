import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Attendance, Lesson, Mark, Student } from '../../entities';
import { badInput, notFound } from '../../lib/errors';
import { classJournalLessons, diaryOfStudent, studentsOfClass, type LessonWithEntries } from '../../domain/journal/journal.queries';
import { addDays, daysBetween } from '../../lib/clock';
import type { RequestContext } from '../context';
import { fromGlobalId } from '../../schema/global-id';
import { DateScalar } from '../../schema/scalars';
import { ClassJournalType, DiaryDayType } from '../../schema/types';

export const DIARY_MAX_DAYS = 31;
export const CLASS_JOURNAL_MAX_DAYS = 92;

interface DiaryLesson {
  lesson: Lesson; marks: Mark[]; attendance: Attendance | null; retractedMarks: Mark[]; clearedAttendance: Attendance | null;
}
/** `studentId` and `range` let DiaryDay.events batch one statement per request (resolvers/school-year/events.resolver.ts). */
interface DiaryDay { date: string; lessons: DiaryLesson[]; studentId: string; range: { from: string; to: string } }
interface ClassJournal {
  lessons: Lesson[]; students: Student[]; marks: Mark[]; attendance: Attendance[]; retractedMarks: Mark[]; clearedAttendance: Attendance[];
}

function checkRange(from: string, to: string, maxDays: number): void {
  if (to < from) throw badInput('to', '"to" is before "from".');
  if (daysBetween(from, to) + 1 > maxDays) throw badInput('to', `At most ${maxDays} days at a time.`);
}

/** The joined rows go into the request's loaders, so the fields below them cost no query. */
function primeEntries(ctx: RequestContext, rows: LessonWithEntries[]): void {
  ctx.loaders.primeLessons(rows);
  ctx.loaders.primeWorkTypes(rows.flatMap((r) => r.marks.map((m) => m.workType)));
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
    // Access and lessons in one statement; a teacher who is not the class teacher gets their own lessons only.
    const { access, lessons: rows } = await diaryOfStudent(ctx.em, ctx.access, studentId, from, to);
    if (access.level !== 'FULL' && access.level !== 'TAUGHT') throw notFound('Student');
    primeEntries(ctx, rows);
    const byDate = new Map<string, DiaryLesson[]>();
    for (const row of rows) {
      // Retracted marks and cleared absences stay in the journal, shown apart as removed.
      const marks = row.marks.map((m) => m.mark);
      const entry: DiaryLesson = {
        lesson: row.lesson,
        marks: marks.filter((m) => !m.retractedAt),
        attendance: row.attendance.find((a) => !a.clearedAt) ?? null,
        retractedMarks: marks.filter((m) => m.retractedAt),
        clearedAttendance: row.attendance.find((a) => a.clearedAt) ?? null,
      };
      const day = byDate.get(row.lesson.date);
      if (day) day.push(entry);
      else byDate.set(row.lesson.date, [entry]);
    }
    const days: DiaryDay[] = [];
    const range = { from, to };
    for (let date = from; date <= to; date = addDays(date, 1)) days.push({ date, lessons: byDate.get(date) ?? [], studentId, range });
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
    const onlyTaughtBy = access.scope === 'OWN' ? ctx.access.ties.teacherCard : null;

    const [rows, students] = await Promise.all([
      classJournalLessons(ctx.em, classGroupId, subjectId, from, to, onlyTaughtBy),
      studentsOfClass(ctx.em, classGroupId, from, to),
    ]);
    // A substitute with no lesson here has no business in this journal.
    if (access.scope === 'OWN' && rows.length === 0) throw notFound('ClassGroup');
    primeEntries(ctx, rows);
    ctx.loaders.prime(Student, students);
    // Marks and absences in the order they were entered, as one list over the whole page.
    const byEntry = <T extends { createdAt: Date; id: string }>(a: T, b: T) =>
      a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const marks = rows.flatMap((r) => r.marks.map((m) => m.mark)).sort(byEntry);
    const attendance = rows.flatMap((r) => r.attendance).sort(byEntry);
    return {
      lessons: rows.map((r) => r.lesson),
      students,
      marks: marks.filter((m) => !m.retractedAt),
      attendance: attendance.filter((a) => !a.clearedAt),
      retractedMarks: marks.filter((m) => m.retractedAt),
      clearedAttendance: attendance.filter((a) => a.clearedAt),
    };
  }
}
