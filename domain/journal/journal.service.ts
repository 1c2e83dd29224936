import { randomUUID } from 'node:crypto';
import { sql } from '../../lib/sql';
import { LockMode, helper } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AbsenceReason, AcademicYear, AcademicYearState, Attendance, AttendanceKind, Bell, DiaryEvent, DiaryEventType, type LateEntryPermit, Lesson, LessonRecord, LessonState, Mark, MarkVersion, PeriodMark, PeriodMarkKind, PeriodMarkVersion, School, Student, StudyPeriod, Subject, User, type WorkType
} from '../../entities';
import { ENTRY_WINDOW_DAYS } from '../../lib/entry-window';
import { optionalText, requiredText } from '../../lib/text';
import { addDays, daysBetween, localDate, zonedInstant } from '../../lib/clock';
import { audit } from '../audit';
import { AppError, ErrorCode, badInput, conflict, forbidden, notFound } from '../../lib/errors';
import { LAST_PRIMARY_GRADE, MARK_VALUES, isValidMark, isValidPeriodMark } from './mark-values';
import { hasYearMark, minDate, yearlyMarkWindow } from './period-mark-windows';
import type { RequestScope } from '../request-scope';
import { writeTransaction } from '../write';
import { assertLessonYearWritable, assertYearWritable, yearClosed } from '../school-year/school-year.service';
import { type AttendanceWrite, type EntryFacts, type NewMark, type PupilFacts, applyAcceptedNotes, lockedAttendance, readEntryFacts, writeAttendance, writeNewMarks } from './lesson-entries';
import { assertExamGrade } from '../school-year/final-grades';
import { permitFor } from './late-entry.service';
import { acceptedNoteFor, noteDocument } from './accepted-notes';

/** What an audit entry says of a write made under a late-entry permit. */
const underPermit = (permit: LateEntryPermit | null) => (permit ? { underPermitId: permit.id } : {});
const notEnrolled = () => new AppError(ErrorCode.NOT_ENROLLED, 'The student was not in this lesson\'s class on that date.');
/** The pupil of an entry, if the viewer may see them (NOT_FOUND otherwise, like a missing pupil). */
function visiblePupil(facts: EntryFacts, studentId: string): PupilFacts {
  const pupil = facts.pupils.get(studentId);
  if (!pupil || pupil.access.level === 'NONE' || pupil.access.level === 'CARD') throw notFound('Student');
  return pupil;
}

/** Rules 3 and 4 for a new mark's value on this lesson: a known, current work type, the subject's scale, not first grade. */
function markableWorkType(facts: EntryFacts, lesson: Lesson, code: string, value: string): WorkType {
  const workType = facts.workTypes.get(code);
  if (!workType) throw badInput('workTypeCode', `Unknown work type "${code}".`);
  if (workType.retiredAt) throw new AppError(ErrorCode.WORK_TYPE_RETIRED, `The work type "${code}" is retired: no new marks with it.`, { field: 'workTypeCode' });
  if (!isValidMark(lesson.subject.gradingScale, value)) {
    throw badInput('value', `"${value}" is not a mark on this subject's scale (${MARK_VALUES[lesson.subject.gradingScale].join(', ')}).`);
  }
  if (lesson.classGroup.grade === 1) throw new AppError(ErrorCode.NO_MARKS_IN_FIRST_GRADE, 'First grade gets no marks; attendance is still kept.');
  return workType;
}

/** A refusal of one entry of a batch, as it would have been thrown for that entry alone. */
function asAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  throw e;
}
const markRetracted = () => new AppError(ErrorCode.MARK_RETRACTED, 'The mark was retracted: it is neither corrected nor retracted again.');
const absenceCleared = () => new AppError(ErrorCode.ABSENCE_CLEARED, 'The absence was cleared as a mistake; record the attendance again if it was right after all.');

/** Days after the lesson's day on which a teacher may still write its journal (004 §8.6). */
export { ENTRY_WINDOW_DAYS };

export const LIMITS = { comment: 500, reason: 500, topic: 500, homework: 4000, document: 300 } as const;

export interface RecordMarkCommand { lessonId: string; studentId: string; value: string; workTypeCode: string; comment?: string | null }
export interface CorrectMarkCommand { markId: string; value: string; reason: string; expectedRevision?: number | null }
export interface RetractMarkCommand { markId: string; reason: string; expectedRevision?: number | null }
/** The attendance row by its id, or by its lesson and student. */
export interface ClearAbsenceCommand { attendanceId?: string | null; lessonId?: string | null; studentId?: string | null; reason: string }
/** A lesson's marks and absences at once (recordLessonEntries). */
export interface RecordLessonEntriesCommand {
  lessonId: string;
  marks: { studentId: string; value: string; workTypeCode: string; comment?: string | null }[];
  absences: { studentId: string; kind: AttendanceKind }[];
}
export interface MarkEntryOutcome { index: number; studentId: string; mark?: Mark; error?: AppError }
export interface AbsenceEntryOutcome { index: number; studentId: string; attendance?: Attendance; changed: boolean; error?: AppError }
export interface LessonEntriesOutcome { written: boolean; marks: MarkEntryOutcome[]; absences: AbsenceEntryOutcome[] }
/** Entries of each kind one recordLessonEntries takes: a class is at most a few dozen pupils. */
export const LESSON_BATCH_LIMIT = 100;

export interface RecordAttendanceCommand { lessonId: string; studentId: string; kind: AttendanceKind }
export interface SetAbsenceReasonCommand { attendanceId: string; reason: AbsenceReason; document?: string | null }
export interface SetLessonRecordCommand { lessonId: string; topic?: string | null; homework?: string | null }
export interface SetPeriodMarkCommand {
  studentId: string; subjectId: string; kind: PeriodMarkKind; studyPeriodId?: string | null; value: string; reason?: string | null;
  /** The revision being changed; CONFLICT when someone changed it meanwhile. */
  expectedRevision?: number | null;
  /** The year of a YEAR, EXAM or FINAL mark; by default the latest that has begun. */
  academicYearId?: string | null;
}

/**
 * The journal rules of DOMAIN.md, enforced on the server's clock. Each write runs in
 * one transaction with its audit entry and its diary events: all of it commits, or nothing.
 * Check order: input shape → existence/visibility (NOT_FOUND) → permission (FORBIDDEN) → journal rules.
 */
export class JournalService {
  constructor(private readonly scope: RequestScope) {}

  /**
   * Rules 1, 3, 4 and 5 for a new mark. Its facts are read in one statement and it is written in
   * one (lesson-entries.ts): what the answer shows of the lesson, pupil and work type is primed
   * from them, so a mark costs the viewer, that read, the write and the transaction's bounds.
   */
  async recordMark(cmd: RecordMarkCommand): Promise<Mark> {
    const value = requiredText(cmd.value, 'value', 10);
    const comment = optionalText(cmd.comment, 'comment', LIMITS.comment);
    const code = requiredText(cmd.workTypeCode, 'workTypeCode', 30);
    return writeTransaction(this.scope, async ({ em, now }) => {
      const facts = await readEntryFacts(em, this.scope.access, cmd.lessonId, [cmd.studentId], [code]);
      const lesson = this.writableLessonOf(facts);
      const pupil = visiblePupil(facts, cmd.studentId);
      const workType = markableWorkType(facts, lesson, code, value);
      this.assertLessonStarted(lesson, facts.bellStartsAt, now);
      const permit = await this.windowOrPermit(em, lesson, now);
      if (!pupil.enrolled) throw notEnrolled();
      const id = randomUUID();
      const [mark] = await writeNewMarks(em, {
        lesson, authorId: this.scope.viewer.userId, at: now, permitId: permit?.id ?? null, ip: this.scope.ip ?? null,
        marks: [{
          id, student: pupil.student, workType, value, comment: comment ?? null,
          audited: { value, workType: code, comment, lessonId: lesson.id, studentId: pupil.student.id, ...underPermit(permit) },
        }],
      });
      return mark;
    });
  }

  /**
   * A lesson's column at once (issue 17): its marks and absences, each entry under the same rules
   * as recordMark and recordAttendance, answered per entry. All or nothing: when any entry is
   * refused nothing is written and every entry says how it stands, so a teacher's column never
   * half-lands. Refusals of the lesson itself (not found, not theirs, year closed, not held, the
   * window closed) refuse the whole call as for one entry. Statements do not grow with the class:
   * the viewer, the facts, the attendance rows, one write for the absences and one for the marks.
   */
  async recordLessonEntries(cmd: RecordLessonEntriesCommand): Promise<LessonEntriesOutcome> {
    const total = cmd.marks.length + cmd.absences.length;
    if (total === 0) throw badInput('marks', 'Give at least one mark or absence.');
    if (cmd.marks.length > LESSON_BATCH_LIMIT || cmd.absences.length > LESSON_BATCH_LIMIT) {
      throw badInput(cmd.marks.length > LESSON_BATCH_LIMIT ? 'marks' : 'absences', `At most ${LESSON_BATCH_LIMIT} marks and ${LESSON_BATCH_LIMIT} absences per lesson at once.`);
    }
    // Input shape first, per entry: a bad entry is answered, not thrown.
    const marks: MarkEntryOutcome[] = cmd.marks.map((m, index) => ({ index, studentId: m.studentId }));
    const shaped = cmd.marks.map((m, index) => {
      try {
        return { value: requiredText(m.value, 'value', 10), comment: optionalText(m.comment, 'comment', LIMITS.comment), code: requiredText(m.workTypeCode, 'workTypeCode', 30) };
      } catch (e) {
        marks[index].error = asAppError(e);
        return null;
      }
    });
    const absences: AbsenceEntryOutcome[] = cmd.absences.map((a, index) => ({ index, studentId: a.studentId, changed: false }));
    const seen = new Set<string>();
    cmd.absences.forEach((a, index) => {
      if (seen.has(a.studentId)) absences[index].error = badInput('absences', 'One attendance entry per pupil and lesson.');
      seen.add(a.studentId);
    });
    return writeTransaction(this.scope, async ({ em, now }) => {
      const studentIds = [...new Set([...cmd.marks.map((m) => m.studentId), ...cmd.absences.map((a) => a.studentId)])];
      const codes = [...new Set(shaped.flatMap((m) => (m ? [m.code] : [])))];
      const facts = await readEntryFacts(em, this.scope.access, cmd.lessonId, studentIds, codes);
      const lesson = this.writableLessonOf(facts);
      this.assertLessonStarted(lesson, facts.bellStartsAt, now);
      const permit = await this.windowOrPermit(em, lesson, now);
      const newMarks: NewMark[] = [];
      cmd.marks.forEach((m, index) => {
        const shape = shaped[index];
        if (!shape) return;
        try {
          const pupil = visiblePupil(facts, m.studentId);
          const workType = markableWorkType(facts, lesson, shape.code, shape.value);
          if (!pupil.enrolled) throw notEnrolled();
          newMarks.push({
            id: randomUUID(), student: pupil.student, workType, value: shape.value, comment: shape.comment ?? null,
            audited: { value: shape.value, workType: shape.code, comment: shape.comment, lessonId: lesson.id, studentId: m.studentId, ...underPermit(permit) },
          });
        } catch (e) {
          marks[index].error = asAppError(e);
        }
      });
      const checkedAbsences: { index: number; studentId: string; kind: AttendanceKind }[] = [];
      cmd.absences.forEach((a, index) => {
        if (absences[index].error) return;
        try {
          const pupil = visiblePupil(facts, a.studentId);
          if (!pupil.enrolled) throw notEnrolled();
          checkedAbsences.push({ index, studentId: a.studentId, kind: a.kind });
        } catch (e) {
          absences[index].error = asAppError(e);
        }
      });
      if (marks.some((m) => m.error) || absences.some((a) => a.error)) return { written: false, marks, absences };

      if (checkedAbsences.length > 0) {
        const existing = await lockedAttendance(em, lesson.id, checkedAbsences.map((a) => a.studentId));
        const writes: (AttendanceWrite & { index: number })[] = [];
        for (const a of checkedAbsences) {
          const row = existing.get(a.studentId);
          const after = { kind: a.kind, lessonId: lesson.id, studentId: a.studentId, ...underPermit(permit) };
          if (!row) writes.push({ index: a.index, id: randomUUID(), studentId: a.studentId, kind: a.kind, action: 'insert', before: null, after });
          else if (row.clearedAt) {
            writes.push({
              index: a.index, id: row.id, studentId: a.studentId, kind: a.kind, action: 'reopen',
              before: { kind: row.kind, reason: row.reason, cleared: true, clearReason: row.clearReason ?? null }, after,
            });
          } else if (row.kind !== a.kind) {
            writes.push({ index: a.index, id: row.id, studentId: a.studentId, kind: a.kind, action: 'change', before: { kind: row.kind }, after: { kind: a.kind, ...underPermit(permit) } });
          } else {
            absences[a.index].attendance = row;
          }
        }
        if (writes.length > 0) {
          const written = await writeAttendance(em, { lesson, entries: writes, existing, authorId: this.scope.viewer.userId, at: now, permitId: permit?.id ?? null, ip: this.scope.ip ?? null });
          // A parent's accepted note for this day gives its reason now, as for one absence (recordAttendance).
          const noted = await applyAcceptedNotes(em, { lesson, attendanceIds: written.map((a) => a.id), authorId: this.scope.viewer.userId, at: now, ip: this.scope.ip ?? null });
          writes.forEach((w, i) => { absences[w.index].attendance = noted.get(written[i].id) ?? written[i]; absences[w.index].changed = true; });
        }
      }
      if (newMarks.length > 0) {
        const written = await writeNewMarks(em, { lesson, marks: newMarks, authorId: this.scope.viewer.userId, at: now, permitId: permit?.id ?? null, ip: this.scope.ip ?? null });
        let next = 0;
        for (const outcome of marks) outcome.mark = written[next++];
      }
      return { written: true, marks, absences };
    });
  }

  /** writableLesson's checks on facts already read: NOT_FOUND, FORBIDDEN, the year closed. */
  private writableLessonOf(facts: EntryFacts): Lesson {
    if (!facts.lesson || !facts.access.read) throw notFound('Lesson');
    if (!facts.access.teaches) throw forbidden('Only the lesson\'s teacher (or the teacher standing in) writes its journal.');
    if (facts.yearState === AcademicYearState.CLOSED) throw yearClosed();
    return facts.lesson;
  }

  async correctMark(cmd: CorrectMarkCommand): Promise<Mark> {
    const value = requiredText(cmd.value, 'value', 10);
    const reason = requiredText(cmd.reason, 'reason', LIMITS.reason);
    return this.write(async (em, now) => {
      const markId = cmd.markId;
      const mark = await em.findOne(Mark, markId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!mark || !(await this.canReadMark(mark))) throw notFound('Mark');
      const lesson = await em.findOneOrFail(Lesson, mark.lesson, { populate: ['classGroup', 'school'] });
      // `mark.correct`: the deputy head at any time (by role); the lesson's teacher inside the entry window (the tie).
      const isDeputy = this.scope.access.holdsIn('mark.correct', mark.school.id);
      const lessonAccess = await this.scope.access.lesson(lesson.id);
      let permit: LateEntryPermit | null = null;
      if (!isDeputy) {
        if (!lessonAccess.teaches) throw forbidden('Only the lesson\'s teacher or the deputy head may correct this mark.');
        permit = await this.windowOrPermit(em, lesson, now);
      }
      await assertYearWritable(em, lesson.classGroup.year.id);
      if (mark.retractedAt) throw markRetracted();
      if (cmd.expectedRevision != null && cmd.expectedRevision !== mark.revision) {
        throw conflict(`The mark was corrected meanwhile (now at revision ${mark.revision}); reload it and try again.`);
      }
      const subject = await em.findOneOrFail(Subject, lesson.subject);
      if (!isValidMark(subject.gradingScale, value)) {
        throw badInput('value', `"${value}" is not a mark on this subject's scale (${MARK_VALUES[subject.gradingScale].join(', ')}).`);
      }
      if (value === mark.value) throw badInput('value', 'The mark already has this value.');

      const before = { value: mark.value, revision: mark.revision };
      mark.revision += 1;
      mark.value = value;
      mark.correctedAt = now;
      em.create(MarkVersion, {
        mark, revision: mark.revision, value, comment: mark.comment, reason,
        createdBy: em.getReference(User, this.scope.viewer.userId), createdAt: now,
      });
      this.audit(em, now, mark.school.id, 'mark.correct', 'Mark', mark.id, before, { value, revision: mark.revision, reason, ...underPermit(permit) });
      this.event(em, now, DiaryEventType.MARK_CORRECTED, mark.school.id, mark.student.id, { lesson, mark });
      return mark;
    });
  }

  /**
   * A mark put on the wrong pupil or lesson is retracted, with a reason, by whoever may correct
   * it (`mark.correct`: the deputy head at any time, the lesson's teacher inside the entry window).
   * The row stays, with a last version (the value as it was, the reason) and an audit entry; it
   * stops counting at once (the rollup's trigger, every average and report) and the families get
   * MARK_RETRACTED. Never twice, and never corrected afterwards (MARK_RETRACTED).
   */
  async retractMark(cmd: RetractMarkCommand): Promise<Mark> {
    const reason = requiredText(cmd.reason, 'reason', LIMITS.reason);
    return this.write(async (em, now) => {
      const mark = await em.findOne(Mark, cmd.markId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!mark || !(await this.canReadMark(mark))) throw notFound('Mark');
      const lesson = await em.findOneOrFail(Lesson, mark.lesson, { populate: ['classGroup', 'school'] });
      const isDeputy = this.scope.access.holdsIn('mark.correct', mark.school.id);
      let permit: LateEntryPermit | null = null;
      if (!isDeputy) {
        if (!(await this.scope.access.lesson(lesson.id)).teaches) throw forbidden('Only the lesson\'s teacher or the deputy head may retract this mark.');
        permit = await this.windowOrPermit(em, lesson, now);
      }
      await assertYearWritable(em, lesson.classGroup.year.id);
      if (mark.retractedAt) throw markRetracted();
      if (cmd.expectedRevision != null && cmd.expectedRevision !== mark.revision) {
        throw conflict(`The mark was changed meanwhile (now at revision ${mark.revision}); reload it and try again.`);
      }
      const author = em.getReference(User, this.scope.viewer.userId);
      const before = { value: mark.value, revision: mark.revision };
      mark.revision += 1;
      mark.retractedAt = now;
      mark.retractedBy = author;
      mark.retractionReason = reason;
      em.create(MarkVersion, {
        mark, revision: mark.revision, value: mark.value, comment: mark.comment, reason, retraction: true, createdBy: author, createdAt: now,
      });
      this.audit(em, now, mark.school.id, 'mark.retract', 'Mark', mark.id, before, { retracted: true, revision: mark.revision, reason, ...underPermit(permit) });
      this.event(em, now, DiaryEventType.MARK_RETRACTED, mark.school.id, mark.student.id, { lesson, mark });
      return mark;
    });
  }

  async recordAttendance(cmd: RecordAttendanceCommand): Promise<Attendance> {
    return this.write(async (em, now) => {
      const lesson = await this.writableLesson(em, cmd.lessonId);
      const student = await this.visibleStudentRef(em, cmd.studentId);
      await this.assertLessonHeld(em, lesson, now);
      const permit = await this.windowOrPermit(em, lesson, now);
      await this.assertEnrolled(em, lesson, student.id);
      await this.markHeld(em, lesson);

      // Serializes writes of one lesson's attendance: a double submit finds the first row instead of a unique violation.
      await em.lock(lesson, LockMode.PESSIMISTIC_WRITE);
      const existing = await em.findOne(Attendance, { student, lesson }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (existing?.clearedAt) {
        // An absence cleared as a mistake, recorded again: the row opens anew (its history is in the audit log).
        const before = { kind: existing.kind, reason: existing.reason, cleared: true, clearReason: existing.clearReason ?? null };
        Object.assign(existing, {
          kind: cmd.kind, reason: AbsenceReason.UNKNOWN, document: undefined, reasonSetAt: undefined,
          clearedAt: undefined, clearedBy: undefined, clearReason: undefined,
          createdBy: em.getReference(User, this.scope.viewer.userId), createdAt: now, enteredUnderPermit: permit ?? undefined,
        });
        this.audit(em, now, lesson.school.id, 'attendance.record', 'Attendance', existing.id, before, {
          kind: cmd.kind, lessonId: lesson.id, studentId: student.id, ...underPermit(permit),
        });
        this.event(em, now, DiaryEventType.ABSENCE_RECORDED, lesson.school.id, student.id, { lesson, attendance: existing });
        await this.applyAcceptedNote(em, now, lesson, existing);
        return existing;
      }
      if (existing) {
        if (existing.kind === cmd.kind) return existing;
        const before = { kind: existing.kind };
        existing.kind = cmd.kind;
        if (permit) existing.enteredUnderPermit = permit;
        this.audit(em, now, lesson.school.id, 'attendance.change', 'Attendance', existing.id, before, { kind: cmd.kind, ...underPermit(permit) });
        this.event(em, now, DiaryEventType.ABSENCE_RECORDED, lesson.school.id, student.id, { lesson, attendance: existing });
        await this.applyAcceptedNote(em, now, lesson, existing);
        return existing;
      }
      const attendance = em.create(Attendance, {
        school: lesson.school, student, lesson, kind: cmd.kind, reason: AbsenceReason.UNKNOWN,
        createdBy: em.getReference(User, this.scope.viewer.userId), createdAt: now, enteredUnderPermit: permit ?? undefined,
      });
      this.audit(em, now, lesson.school.id, 'attendance.record', 'Attendance', attendance.id, null, {
        kind: cmd.kind, lessonId: lesson.id, studentId: student.id, ...underPermit(permit),
      });
      this.event(em, now, DiaryEventType.ABSENCE_RECORDED, lesson.school.id, student.id, { lesson, attendance });
      await this.applyAcceptedNote(em, now, lesson, attendance);
      return attendance;
    });
  }

  /**
   * An absence recorded in the span of a note the class teacher accepted (issue 15 part 4) takes
   * the note's reason now, in the recording transaction, with its own audit entry and
   * ABSENCE_REASON_SET: the class teacher decided it when accepting (rule 8).
   */
  private async applyAcceptedNote(em: EntityManager, now: Date, lesson: Lesson, attendance: Attendance): Promise<void> {
    if (attendance.reason !== AbsenceReason.UNKNOWN) return;
    const note = await acceptedNoteFor(em, attendance.student.id, lesson.date, lesson.number);
    if (!note) return;
    const before = { reason: attendance.reason, document: attendance.document ?? null };
    attendance.reason = note.reason;
    attendance.document = noteDocument(note.startsOn);
    attendance.reasonSetAt = now;
    this.audit(em, now, lesson.school.id, 'attendance.reason', 'Attendance', attendance.id, before, {
      reason: note.reason, document: attendance.document, absenceNoteId: note.id,
    });
    this.event(em, now, DiaryEventType.ABSENCE_REASON_SET, lesson.school.id, attendance.student.id, { lesson, attendance });
  }

  async setAbsenceReason(cmd: SetAbsenceReasonCommand): Promise<Attendance> {
    const document = optionalText(cmd.document, 'document', LIMITS.document);
    return this.write(async (em, now) => {
      const attendance = await em.findOne(Attendance, cmd.attendanceId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!attendance) throw notFound('Attendance');
      const lessonAccess = await this.scope.access.lesson(attendance.lesson.id);
      const studentAccess = await this.scope.access.student(attendance.student.id);
      const readable = studentAccess.level === 'FULL' || (studentAccess.level === 'TAUGHT' && lessonAccess.teaches);
      if (!readable) throw notFound('Attendance');
      // Rule 8: reasons are the class teacher's to set (004 §8.5.1).
      if (!lessonAccess.leadsClass) throw forbidden('Only the class teacher sets absence reasons.');
      await assertLessonYearWritable(em, attendance.lesson.id);
      if (attendance.clearedAt) throw absenceCleared();
      const before = { reason: attendance.reason, document: attendance.document ?? null };
      attendance.reason = cmd.reason;
      attendance.document = document ?? undefined;
      attendance.reasonSetAt = now;
      this.audit(em, now, attendance.school.id, 'attendance.reason', 'Attendance', attendance.id, before, { reason: cmd.reason, document });
      this.event(em, now, DiaryEventType.ABSENCE_REASON_SET, attendance.school.id, attendance.student.id, {
        lesson: attendance.lesson, attendance,
      });
      return attendance;
    });
  }

  /**
   * An absence (or late arrival) recorded by mistake is cleared, with a reason, by whoever may
   * correct the lesson's journal (`attendance.clear`: the deputy head at any time, the lesson's
   * teacher inside the entry window). The row stays, marked cleared, with an audit entry; it stops
   * counting at once, and the families get ABSENCE_CLEARED. Never twice (ABSENCE_CLEARED).
   */
  async clearAbsence(cmd: ClearAbsenceCommand): Promise<Attendance> {
    const reason = requiredText(cmd.reason, 'reason', LIMITS.reason);
    if (!cmd.attendanceId && !(cmd.lessonId && cmd.studentId)) throw badInput('attendanceId', 'Give the attendance, or its lesson and student.');
    if (cmd.attendanceId && (cmd.lessonId || cmd.studentId)) throw badInput('attendanceId', 'Give the attendance, or its lesson and student, not both.');
    return this.write(async (em, now) => {
      const attendance = cmd.attendanceId
        ? await em.findOne(Attendance, cmd.attendanceId, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : await em.findOne(Attendance, { lesson: cmd.lessonId!, student: cmd.studentId! }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!attendance) throw notFound('Attendance');
      const lessonAccess = await this.scope.access.lesson(attendance.lesson.id);
      const studentAccess = await this.scope.access.student(attendance.student.id);
      const readable = studentAccess.level === 'FULL' || (studentAccess.level === 'TAUGHT' && lessonAccess.teaches);
      if (!readable) throw notFound('Attendance');
      const lesson = await em.findOneOrFail(Lesson, attendance.lesson, { populate: ['classGroup', 'school'] });
      const isDeputy = this.scope.access.holdsIn('attendance.clear', attendance.school.id);
      let permit: LateEntryPermit | null = null;
      if (!isDeputy) {
        if (!lessonAccess.teaches) throw forbidden('Only the lesson\'s teacher or the deputy head may clear this absence.');
        permit = await this.windowOrPermit(em, lesson, now);
      }
      await assertYearWritable(em, lesson.classGroup.year.id);
      if (attendance.clearedAt) throw absenceCleared();
      const before = { kind: attendance.kind, reason: attendance.reason, document: attendance.document ?? null };
      attendance.clearedAt = now;
      attendance.clearedBy = em.getReference(User, this.scope.viewer.userId);
      attendance.clearReason = reason;
      this.audit(em, now, attendance.school.id, 'attendance.clear', 'Attendance', attendance.id, before, { cleared: true, reason, ...underPermit(permit) });
      this.event(em, now, DiaryEventType.ABSENCE_CLEARED, attendance.school.id, attendance.student.id, { lesson, attendance });
      return attendance;
    });
  }

  async setLessonRecord(cmd: SetLessonRecordCommand): Promise<Lesson> {
    if (cmd.topic === undefined && cmd.homework === undefined) {
      throw badInput('topic', 'Give a topic, a homework, or both.');
    }
    const topic = cmd.topic === undefined ? undefined : optionalText(cmd.topic, 'topic', LIMITS.topic);
    const homework = cmd.homework === undefined ? undefined : optionalText(cmd.homework, 'homework', LIMITS.homework);
    return this.write(async (em, now) => {
      const lesson = await this.writableLesson(em, cmd.lessonId);
      if (lesson.state === LessonState.CANCELLED) throw new AppError(ErrorCode.LESSON_NOT_HELD, 'The lesson was cancelled.');
      const today = this.today(lesson.school, now);
      if (lesson.date > today) {
        throw new AppError(ErrorCode.ENTRY_WINDOW_CLOSED, 'The topic and homework go in on the lesson\'s day, not before.');
      }
      const permit = await this.windowOrPermit(em, lesson, now);

      // As in recordAttendance: two first saves of the record at once must not both insert it.
      await em.lock(lesson, LockMode.PESSIMISTIC_WRITE);
      let record = await em.findOne(LessonRecord, { lesson }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const before = record ? { topic: record.topic ?? null, homework: record.homework ?? null } : null;
      const after = {
        topic: topic === undefined ? (before?.topic ?? null) : topic,
        homework: homework === undefined ? (before?.homework ?? null) : homework,
      };
      // Saving the same text again changes nothing and notifies nobody.
      if (after.topic === (before?.topic ?? null) && after.homework === (before?.homework ?? null)) return lesson;
      const author = em.getReference(User, this.scope.viewer.userId);
      if (!record) record = em.create(LessonRecord, { lesson, updatedBy: author, updatedAt: now });
      if (topic !== undefined) record.topic = topic ?? undefined;
      if (homework !== undefined) record.homework = homework ?? undefined;
      record.updatedBy = author;
      record.updatedAt = now;
      record.enteredUnderPermit = permit ?? undefined;
      this.audit(em, now, lesson.school.id, 'lesson.record', 'Lesson', lesson.id, before, {
        topic: record.topic ?? null, homework: record.homework ?? null, ...underPermit(permit),
      });
      await em.flush();
      // One event per student who attends the lesson, in the same transaction.
      this.eventsWritten = true;
      await em.execute(
        `insert into diary_event (type, school_id, student_id, lesson_id, occurred_at)
         select ?, l.school_id, e.student_id, l.id, ?
           from lesson l join enrollment e on e.class_group_id = l.class_group_id
          where l.id = ? and l.date >= e.starts_on and (e.ends_on is null or l.date <= e.ends_on)
            and (l.subgroup_id is null or exists(select 1 from subgroup_member sm
                   where sm.subgroup_id = l.subgroup_id and sm.student_id = e.student_id))
          order by e.student_id`,
        [DiaryEventType.LESSON_RECORD_SET, now, lesson.id],
      );
      return lesson;
    });
  }

  async setPeriodMark(cmd: SetPeriodMarkCommand): Promise<PeriodMark> {
    const value = requiredText(cmd.value, 'value', 10);
    const reason = optionalText(cmd.reason, 'reason', LIMITS.reason);
    if (cmd.kind === PeriodMarkKind.PERIOD && !cmd.studyPeriodId) throw badInput('studyPeriodId', 'A period mark needs its study period.');
    if (cmd.kind !== PeriodMarkKind.PERIOD && cmd.studyPeriodId) throw badInput('studyPeriodId', `A ${cmd.kind} mark has no study period.`);
    if (cmd.kind === PeriodMarkKind.PERIOD && cmd.academicYearId) throw badInput('academicYearId', 'A period mark\'s year is its study period\'s.');
    return this.write(async (em, now) => {
      const student = await this.visibleStudent(em, cmd.studentId);
      const subject = await em.findOne(Subject, { id: cmd.subjectId, school: student.school });
      if (!subject) throw notFound('Subject');
      const school = await em.findOneOrFail(School, student.school);
      const today = this.today(school, now);

      // The window (rule 6): a PERIOD mark from the period's first day to its last; the
      // others as in domain/journal/period-mark-windows.ts (YEAR by the year's last day, EXAM and
      // FINAL on into the exam season after it).
      let year: AcademicYear;
      let period: StudyPeriod | null = null;
      let window: { startsOn: string; endsOn: string };
      if (cmd.studyPeriodId) {
        period = await em.findOne(StudyPeriod, cmd.studyPeriodId, { populate: ['year'] });
        if (!period || period.year.school.id !== school.id) throw notFound('StudyPeriod');
        year = period.year;
        window = period;
      } else {
        const latest = await yearlyMarkWindow(em, school.id, today, cmd.kind, cmd.academicYearId ?? null);
        if (!latest && cmd.academicYearId) throw notFound('AcademicYear');
        if (!latest) throw new AppError(ErrorCode.ENTRY_WINDOW_CLOSED, 'There is no current academic year.');
        year = latest.year;
        window = latest.window;
      }

      const classGroup = await this.classOfStudentOn(em, student.id, year.id, minDate(today, window.endsOn, year.endsOn));
      if (!classGroup) throw new AppError(ErrorCode.NOT_ENROLLED, 'The student is not in a class of that year.');
      // `periodMark.write`: the deputy head (by role, corrections); the subject's teacher; a primary-school class teacher.
      const isDeputy = this.scope.access.holdsIn('periodMark.write', school.id);
      const teacherHere = school.id === this.scope.viewer.employeeSchoolId ? this.scope.access.ties.teacherCard : null;
      // A subgroup's teacher sets the subject's marks for that subgroup's members only.
      const assignedSql = this.scope.access.ties.assignedToTeach(sql`${classGroup.id}::uuid`, sql`${subject.id}::uuid`, sql`${student.id}::uuid`);
      const assigned = teacherHere
        ? (await em.execute<{ ok: boolean }[]>(`select ${assignedSql.text} as ok`, [...assignedSql.values]))[0]?.ok === true
        : false;
      const primaryClassTeacher = Boolean(teacherHere) && classGroup.grade <= LAST_PRIMARY_GRADE
        && classGroup.viewerLeads;
      const mayWrite = assigned || primaryClassTeacher;
      if (!mayWrite && !isDeputy) throw forbidden('Only the subject\'s teacher sets this mark; the deputy head corrects it.');
      await assertYearWritable(em, year.id);
      if (classGroup.grade === 1) throw new AppError(ErrorCode.NO_MARKS_IN_FIRST_GRADE, 'First grade gets no marks.');
      assertExamGrade(cmd.kind, classGroup.grade);
      if (period && (classGroup.grade < period.gradeFrom || classGroup.grade > period.gradeTo)) throw badInput('studyPeriodId', `${period.name} is not a study period of grade ${classGroup.grade}.`);
      if (!isValidPeriodMark(subject.gradingScale, value)) throw badInput('value', `"${value}" is not a period mark on this subject's scale.`);

      // Serializes period-mark writes per student: a double submit sees the first mark instead of a unique violation.
      await em.lock(student, LockMode.PESSIMISTIC_WRITE);
      const existing = await em.findOne(PeriodMark, {
        student, subject, year, kind: cmd.kind, studyPeriod: period ?? null,
      }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const isCorrection = Boolean(existing);
      if (existing && cmd.expectedRevision != null && cmd.expectedRevision !== existing.revision) {
        throw conflict(`The mark was changed meanwhile (now at revision ${existing.revision}); reload it and try again.`);
      }
      if (isCorrection && !reason) throw badInput('reason', 'Changing a period mark needs a reason.');
      const inWindow = today >= window.startsOn && today <= window.endsOn;
      // A mark missing after its deadline is entered by the deputy head, with a reason (004 §8.7–8.9); the teacher cannot.
      const lateByDeputy = isDeputy && !isCorrection && today > window.endsOn;
      // Teachers write inside the window; the deputy corrects existing marks at any time.
      if (!inWindow && !(isDeputy && isCorrection) && !lateByDeputy) {
        throw new AppError(ErrorCode.ENTRY_WINDOW_CLOSED, `Period marks go in from ${window.startsOn} to ${window.endsOn}.`);
      }
      if (lateByDeputy && !reason) throw badInput('reason', `A period mark entered after its deadline (${window.endsOn}) needs a reason.`);
      if (!existing && cmd.kind === PeriodMarkKind.FINAL && !(await hasYearMark(em, student.id, subject.id, year.id))) {
        throw badInput('kind', 'A final mark follows the year mark: set the YEAR mark first.');
      }
      if (isCorrection && !mayWrite && !isDeputy) throw forbidden();
      if (!isCorrection && !mayWrite && !lateByDeputy) throw forbidden('The deputy head corrects period marks; the teacher sets them.');

      const author = em.getReference(User, this.scope.viewer.userId);
      let mark: PeriodMark;
      if (existing) {
        if (existing.value === value) throw badInput('value', 'The mark already has this value.');
        const before = { value: existing.value, revision: existing.revision };
        existing.value = value;
        existing.revision += 1;
        existing.correctedAt = now;
        mark = existing;
        this.audit(em, now, school.id, 'period_mark.correct', 'PeriodMark', mark.id, before, { value, reason });
      } else {
        mark = em.create(PeriodMark, {
          school, student, subject, year, kind: cmd.kind, studyPeriod: period ?? undefined, value,
          revision: 1, createdBy: author, createdAt: now,
        });
        this.audit(em, now, school.id, lateByDeputy ? 'period_mark.set_late' : 'period_mark.set', 'PeriodMark', mark.id, null, {
          value, kind: cmd.kind, subjectId: subject.id, studentId: student.id, ...(lateByDeputy ? { reason, deadline: window.endsOn } : {}),
        });
      }
      em.create(PeriodMarkVersion, { periodMark: mark, revision: mark.revision, value, reason: reason ?? undefined, createdBy: author, createdAt: now });
      return mark;
    });
  }

  /**
   * The teacher marks the lesson's register called (everybody present counts too): what the
   * journal-completeness report calls "attendance taken". Same window as the other entries;
   * marking it again changes nothing.
   */
  async markAttendanceTaken(lessonId: string): Promise<Lesson> {
    return this.write(async (em, now) => {
      const lesson = await this.writableLesson(em, lessonId);
      await this.assertLessonHeld(em, lesson, now);
      const permit = await this.windowOrPermit(em, lesson, now);
      if (lesson.attendanceTakenAt) return lesson;
      await this.markHeld(em, lesson);
      // Raw SQL: the register is not an edit of the lesson, so its optimistic-lock version stays.
      const changed = await em.execute<{ id: string }[]>(
        'update lesson set attendance_taken_at = ? where id = ? and attendance_taken_at is null returning id', [now, lesson.id]);
      // A double submit: the first one marked it and wrote the audit entry.
      if (changed.length === 0) return lesson;
      this.audit(em, now, lesson.school.id, 'lesson.attendance_taken', 'Lesson', lesson.id, null, { attendanceTakenAt: now, ...underPermit(permit) });
      return lesson;
    });
  }

  // --- the checks, shared by the writes ------------------------------------------------

  /** Runs `work` in one transaction on the server's clock; the audit entry and events commit with it. */
  private async write<T>(work: (em: EntityManager, now: Date) => Promise<T>): Promise<T> {
    return writeTransaction(this.scope, async (unit) => {
      this.eventsWritten = false;
      const result = await work(unit.em, unit.now);
      if (this.eventsWritten) unit.addedDiaryEvents();
      return result;
    });
  }

  /** Set by each write that adds diary events, so the commit stamps and announces them. */
  private eventsWritten = false;

  /** The lesson, if the viewer may see it (else NOT_FOUND) and write its journal (else FORBIDDEN). */
  private async writableLesson(em: EntityManager, lessonId: string): Promise<Lesson> {
    // The subject comes along: every journal write checks the mark against its grading scale.
    const lesson = await em.findOne(Lesson, lessonId, { populate: ['classGroup', 'school', 'subject'] });
    const access = lesson ? await this.scope.access.lesson(lesson.id) : null;
    if (!lesson || !access?.read) throw notFound('Lesson');
    if (!access.teaches) throw forbidden('Only the lesson\'s teacher (or the teacher standing in) writes its journal.');
    await assertYearWritable(em, lesson.classGroup.year.id);
    return lesson;
  }

  private async visibleStudent(em: EntityManager, studentId: string): Promise<Student> {
    await this.assertStudentVisible(studentId);
    return em.findOneOrFail(Student, studentId);
  }

  /** Like visibleStudent, for writes that only point at the student (no extra read). */
  private async visibleStudentRef(em: EntityManager, studentId: string): Promise<Student> {
    await this.assertStudentVisible(studentId);
    return em.getReference(Student, studentId);
  }

  private async assertStudentVisible(studentId: string): Promise<void> {
    const access = await this.scope.access.student(studentId);
    if (access.level === 'NONE' || access.level === 'CARD') throw notFound('Student');
  }

  private async canReadMark(mark: Mark): Promise<boolean> {
    const access = await this.scope.access.student(mark.student.id);
    if (access.level === 'FULL') return true;
    return access.level === 'TAUGHT' && (await this.scope.access.lesson(mark.lesson.id)).teaches;
  }

  private today(school: School, now: Date): string {
    return localDate(now, school.timezone);
  }

  /** Rule 1: no entry for a lesson that was cancelled or has not started yet. */
  /**
   * SCHEDULED → HELD on the first journal write, as one conditional update (which bumps the
   * lesson's optimistic-lock `version`, as any change does). Two first writes at once then
   * both succeed: the second finds the lesson held already, where a flush of the loaded
   * entity would fail on the version the first one bumped.
   */
  private async markHeld(em: EntityManager, lesson: Lesson): Promise<void> {
    if (lesson.state !== LessonState.SCHEDULED) return;
    const changed = await em.nativeUpdate(Lesson, { id: lesson.id, state: LessonState.SCHEDULED }, { state: LessonState.HELD });
    // The loaded entity learns the new state and version without becoming dirty.
    lesson.state = LessonState.HELD;
    lesson.version += changed;
    const loaded = helper(lesson).__originalEntityData;
    if (loaded) Object.assign(loaded, { state: LessonState.HELD, version: lesson.version });
  }

  private async assertLessonHeld(em: EntityManager, lesson: Lesson, now: Date): Promise<void> {
    const bell = lesson.state === LessonState.CANCELLED ? null
      : await em.findOne(Bell, { school: lesson.school, shift: lesson.classGroup.shift, number: lesson.number });
    this.assertLessonStarted(lesson, bell?.startsAt ?? null, now);
  }

  /** Rule 1 on a known bell time: not cancelled, and begun by now. */
  private assertLessonStarted(lesson: Lesson, bellStartsAt: string | null, now: Date): void {
    if (lesson.state === LessonState.CANCELLED) throw new AppError(ErrorCode.LESSON_NOT_HELD, 'The lesson was cancelled.');
    const startsAt = zonedInstant(lesson.date, bellStartsAt ?? '00:00:00', lesson.school.timezone);
    if (startsAt.getTime() > now.getTime()) throw new AppError(ErrorCode.LESSON_NOT_HELD, 'The lesson has not started yet.');
  }

  /**
   * Rule 1, with the deputy head's late-entry permits: inside the window, null; after it, the
   * viewer's permit that opens the lesson today (the write names it), else ENTRY_WINDOW_CLOSED.
   */
  private async windowOrPermit(em: EntityManager, lesson: Lesson, now: Date): Promise<LateEntryPermit | null> {
    const today = this.today(lesson.school, now);
    if (daysBetween(lesson.date, today) <= ENTRY_WINDOW_DAYS) return null;
    const permit = await permitFor(em, this.scope, lesson, today);
    if (permit) return permit;
    this.assertInEntryWindow(lesson, now);
    return null;
  }

  /** Rule 1: on the lesson's day and up to ENTRY_WINDOW_DAYS calendar days later. */
  private assertInEntryWindow(lesson: Lesson, now: Date): void {
    const today = this.today(lesson.school, now);
    if (daysBetween(lesson.date, today) > ENTRY_WINDOW_DAYS) {
      throw new AppError(
        ErrorCode.ENTRY_WINDOW_CLOSED,
        `The journal of a lesson is written on its day and up to ${ENTRY_WINDOW_DAYS} days later (until ${addDays(lesson.date, ENTRY_WINDOW_DAYS)}).`,
      );
    }
  }

  /** Rule 5: the student was in the lesson's class (and subgroup) on the lesson's date. */
  private async assertEnrolled(em: EntityManager, lesson: Lesson, studentId: string): Promise<void> {
    const rows = await em.execute<{ ok: boolean }[]>(
      `select exists(select 1 from enrollment e
                      where e.student_id = ? and e.class_group_id = ? and e.starts_on <= ?
                        and (e.ends_on is null or e.ends_on >= ?))
          and (?::uuid is null or exists(select 1 from subgroup_member sm where sm.subgroup_id = ? and sm.student_id = ?)) as ok`,
      [studentId, lesson.classGroup.id, lesson.date, lesson.date, lesson.subgroup?.id ?? null, lesson.subgroup?.id ?? null, studentId],
    );
    if (!rows[0]?.ok) throw notEnrolled();
  }

  private async classOfStudentOn(em: EntityManager, studentId: string, yearId: string, date: string) {
    const leads = this.scope.access.ties.leadsClass('c');
    const rows = await em.execute<{ id: string; grade: number; leads_class: boolean }[]>(
      `select c.id, c.grade, ${leads.text} as leads_class from enrollment e join class_group c on c.id = e.class_group_id
        where e.student_id = ? and c.year_id = ? and e.starts_on <= ? and (e.ends_on is null or e.ends_on >= ?)
        order by e.starts_on desc limit 1`,
      [...leads.values, studentId, yearId, date, date],
    );
    const row = rows[0];
    return row ? { id: row.id, grade: row.grade, viewerLeads: row.leads_class } : null;
  }

  private audit(em: EntityManager, at: Date, schoolId: string, action: string, entityType: string, entityId: string, before: unknown, after: unknown) {
    audit(em, { actorId: this.scope.viewer.userId, schoolId, action, entityType, entityId, before, after, ip: this.scope.ip, at });
  }

  private event(
    em: EntityManager, at: Date, type: DiaryEventType, schoolId: string, studentId: string,
    refs: { lesson?: Lesson; mark?: Mark; attendance?: Attendance },
  ) {
    this.eventsWritten = true;
    em.create(DiaryEvent, {
      type, school: em.getReference(School, schoolId), student: em.getReference(Student, studentId),
      lesson: refs.lesson, mark: refs.mark, attendance: refs.attendance, occurredAt: at,
    });
  }
}
