import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { wrap } from '@mikro-orm/core';
import { type Attendance, Lesson, type Mark, type PeriodMark, Student, WorkType } from '../../entities';
import type { RequestContext } from '../context';
import {
  ClearAbsenceInput, CorrectMarkInput, RecordAttendanceInput, RetractMarkInput, RecordMarkInput, SetAbsenceReasonInput, SetLessonRecordInput, SetPeriodMarkInput,
} from '../../schema/inputs';
import { AttendanceType, LessonType, MarkType, PeriodMarkType } from '../../schema/types';
import { LessonEntriesPayloadType, RecordLessonEntriesInput } from '../../schema/lesson-entries.types';
import type { AppError } from '../../lib/errors';
import { fromGlobalId, toGlobalId } from '../../schema/global-id';

/** The teacher's writes. The rules live in domain/journal/journal.service.ts; this layer only decodes ids. */
@Resolver()
export class JournalResolver {
  @Mutation(() => MarkType, { description: 'A new mark for a student at a lesson (rules 1, 3, 4, 5).' })
  async recordMark(@Arg('input') input: RecordMarkInput, @Ctx() ctx: RequestContext): Promise<Mark> {
    const mark = await ctx.journal().recordMark({
      lessonId: fromGlobalId(input.lessonId, 'Lesson', 'lessonId'),
      studentId: fromGlobalId(input.studentId, 'Student', 'studentId'),
      value: input.value, workTypeCode: input.workTypeCode, comment: input.comment,
    });
    primeMarkGraph(ctx, [mark]);
    return mark;
  }

  @Mutation(() => LessonEntriesPayloadType, {
    description: 'A lesson\'s column at once: its new marks and its absences, each under the rules of recordMark and recordAttendance, '
      + 'answered per entry, in one transaction (all or nothing: any refused entry and nothing is written). One audit entry and one '
      + 'diary event per mark and per changed attendance row. A refusal of the lesson itself (NOT_FOUND, FORBIDDEN, the window or year closed) '
      + 'is the call\'s error, as for one entry.',
  })
  async recordLessonEntries(@Arg('input') input: RecordLessonEntriesInput, @Ctx() ctx: RequestContext): Promise<LessonEntriesPayloadType> {
    const outcome = await ctx.journal().recordLessonEntries({
      lessonId: fromGlobalId(input.lessonId, 'Lesson', 'lessonId'),
      marks: input.marks.map((m) => ({ studentId: fromGlobalId(m.studentId, 'Student', 'studentId'), value: m.value, workTypeCode: m.workTypeCode, comment: m.comment })),
      absences: input.absences.map((a) => ({ studentId: fromGlobalId(a.studentId, 'Student', 'studentId'), kind: a.kind })),
    });
    primeMarkGraph(ctx, outcome.marks.flatMap((m) => (m.mark ? [m.mark] : [])));
    return {
      written: outcome.written,
      marks: outcome.marks.map((m) => ({ index: m.index, studentId: toGlobalId('Student', m.studentId), mark: m.mark ?? null, error: entryError(m.error) })),
      absences: outcome.absences.map((a) => ({
        index: a.index, studentId: toGlobalId('Student', a.studentId), attendance: a.attendance ?? null, changed: a.changed, error: entryError(a.error),
      })),
    };
  }

  @Mutation(() => MarkType, { description: 'A corrected value with its reason; the old value stays in the mark\'s versions (rule 2).' })
  correctMark(@Arg('input') input: CorrectMarkInput, @Ctx() ctx: RequestContext): Promise<Mark> {
    return ctx.journal().correctMark({
      markId: fromGlobalId(input.markId, 'Mark', 'markId'),
      value: input.value, reason: input.reason, expectedRevision: input.expectedRevision,
    });
  }

  @Mutation(() => MarkType, {
    description: 'Retracts a mark put on the wrong pupil or lesson, with a reason: it stays in its versions and the audit log, counts nowhere, and the diary shows it as removed.',
  })
  retractMark(@Arg('input') input: RetractMarkInput, @Ctx() ctx: RequestContext): Promise<Mark> {
    return ctx.journal().retractMark({
      markId: fromGlobalId(input.markId, 'Mark', 'markId'), reason: input.reason, expectedRevision: input.expectedRevision,
    });
  }

  @Mutation(() => AttendanceType, { description: 'Clears an absence or late arrival recorded by mistake, with a reason: it stays in the audit log and counts nowhere.' })
  clearAbsence(@Arg('input') input: ClearAbsenceInput, @Ctx() ctx: RequestContext): Promise<Attendance> {
    return ctx.journal().clearAbsence({
      attendanceId: input.attendanceId ? fromGlobalId(input.attendanceId, 'Attendance', 'attendanceId') : null,
      lessonId: input.lessonId ? fromGlobalId(input.lessonId, 'Lesson', 'lessonId') : null,
      studentId: input.studentId ? fromGlobalId(input.studentId, 'Student', 'studentId') : null,
      reason: input.reason,
    });
  }

  @Mutation(() => AttendanceType, { description: 'Records an absence or a late arrival (rules 1, 5).' })
  recordAttendance(@Arg('input') input: RecordAttendanceInput, @Ctx() ctx: RequestContext): Promise<Attendance> {
    return ctx.journal().recordAttendance({
      lessonId: fromGlobalId(input.lessonId, 'Lesson', 'lessonId'),
      studentId: fromGlobalId(input.studentId, 'Student', 'studentId'),
      kind: input.kind,
    });
  }

  @Mutation(() => AttendanceType, { description: 'The class teacher sets why a student was absent (rule 8).' })
  setAbsenceReason(@Arg('input') input: SetAbsenceReasonInput, @Ctx() ctx: RequestContext): Promise<Attendance> {
    return ctx.journal().setAbsenceReason({
      attendanceId: fromGlobalId(input.attendanceId, 'Attendance', 'attendanceId'),
      reason: input.reason, document: input.document,
    });
  }

  @Mutation(() => LessonType, { description: 'Sets the topic taught and the homework set (rule 1).' })
  setLessonRecord(@Arg('input') input: SetLessonRecordInput, @Ctx() ctx: RequestContext): Promise<Lesson> {
    return ctx.journal().setLessonRecord({
      lessonId: fromGlobalId(input.lessonId, 'Lesson', 'lessonId'),
      topic: input.topic, homework: input.homework,
    });
  }

  @Mutation(() => PeriodMarkType, { description: 'Sets or corrects a period, year, exam or final mark (rule 6).' })
  setPeriodMark(@Arg('input') input: SetPeriodMarkInput, @Ctx() ctx: RequestContext): Promise<PeriodMark> {
    return ctx.journal().setPeriodMark({
      studentId: fromGlobalId(input.studentId, 'Student', 'studentId'),
      subjectId: fromGlobalId(input.subjectId, 'Subject', 'subjectId'),
      studyPeriodId: input.studyPeriodId ? fromGlobalId(input.studyPeriodId, 'StudyPeriod', 'studyPeriodId') : null,
      kind: input.kind, value: input.value, reason: input.reason, expectedRevision: input.expectedRevision,
      academicYearId: input.academicYearId ? fromGlobalId(input.academicYearId, 'AcademicYear', 'academicYearId') : null,
    });
  }
}

/** The lesson, pupil and work type a write already read: the answer's fields about them cost nothing. */
function primeMarkGraph(ctx: RequestContext, marks: Mark[]): void {
  const initialized = <T extends object>(rows: T[]) => rows.filter((r) => wrap(r).isInitialized());
  ctx.loaders.prime(Lesson, initialized(marks.map((m) => m.lesson)));
  ctx.loaders.prime(Student, initialized(marks.map((m) => m.student)));
  ctx.loaders.prime(WorkType, initialized(marks.map((m) => m.workType)));
}

function entryError(error: AppError | undefined) {
  if (!error) return null;
  const field = error.extensions.field;
  return { code: String(error.extensions.code), message: error.message, field: typeof field === 'string' ? field : null };
}
