import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Attendance, Lesson, Mark, PeriodMark } from '../../entities';
import type { RequestContext } from '../context';
import { fromGlobalId } from '../../schema/global-id';
import {
  ClearAbsenceInput, CorrectMarkInput, RecordAttendanceInput, RetractMarkInput, RecordMarkInput, SetAbsenceReasonInput, SetLessonRecordInput, SetPeriodMarkInput,
} from '../../schema/inputs';
import { AttendanceType, LessonType, MarkType, PeriodMarkType } from '../../schema/types';

/** The teacher's writes. The rules live in domain/journal/journal.service.ts; this layer only decodes ids. */
@Resolver()
export class JournalResolver {
  @Mutation(() => MarkType, { description: 'A new mark for a student at a lesson (rules 1, 3, 4, 5).' })
  recordMark(@Arg('input') input: RecordMarkInput, @Ctx() ctx: RequestContext): Promise<Mark> {
    return ctx.journal().recordMark({
      lessonId: fromGlobalId(input.lessonId, 'Lesson', 'lessonId'),
      studentId: fromGlobalId(input.studentId, 'Student', 'studentId'),
      value: input.value, workTypeCode: input.workTypeCode, comment: input.comment,
    });
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
