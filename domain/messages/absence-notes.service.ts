import { LockMode } from '@mikro-orm/core';
import { AbsenceNote, AbsenceNoteState, AbsenceReason, PersonCardKind, School, Student, User } from '../../entities';
import { AppError, ErrorCode, badInput, conflict, forbidden, notFound } from '../../lib/errors';
import { daysBetween } from '../../lib/clock';
import { optionalText } from '../../lib/text';
import { sql, uuidArray, type Sql } from '../../lib/sql';
import { classTeachersOf, familyOf, mayReadAbsenceNoteSql } from '../../permissions/messaging';
import { isStaffOf, schoolsWhereMayHold } from '../../permissions/registry';
import type { Viewer } from '../../permissions/viewer';
import { dropStagedFiles, type StagingPurpose } from '../interchange/staged-files';
import { noteDocument } from '../journal/accepted-notes';
import { JournalService } from '../journal/journal.service';
import type { Page, PageRequest } from '../journal/journal.queries';
import type { RequestScope } from '../request-scope';
import { writeTransaction, type WriteUnit } from '../write';

/** A scan is a page or two: PDF, JPEG or PNG, at most 5 MB; a note covers at most a month. */
export const ABSENCE_NOTE_LIMITS = { documentBytes: 5 * 1024 * 1024, comment: 1000, days: 31 } as const;

/** The file's type from its first bytes (never from its name or the client's word). */
export function documentTypeOf(content: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

/** `POST /uploads?purpose=absence-note`: only a parent (someone who may write a note) stages a scan, of 5 MB at most. */
export const ABSENCE_NOTE_STAGING: StagingPurpose = {
  fileBytes: ABSENCE_NOTE_LIMITS.documentBytes,
  refusal: (viewer: Viewer) => {
    if (viewer.mustChangePassword) return new AppError(ErrorCode.PASSWORD_CHANGE_REQUIRED, 'Change your password first (changePassword).');
    if (schoolsWhereMayHold(viewer, 'absenceNote.submit').length === 0) return forbidden('Only a parent stages the scan of an absence note.');
    return null;
  },
};

const FAMILY_REASONS = new Set([AbsenceReason.ILLNESS, AbsenceReason.EXCUSED]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface SubmitAbsenceNoteCommand {
  studentId: string;
  startsOn: string;
  endsOn?: string | null;
  firstLesson?: number | null;
  lastLesson?: number | null;
  reason: AbsenceReason;
  comment?: string | null;
  /** A staged file of the viewer's (POST /uploads?purpose=absence-note). */
  documentId?: string | null;
}

export interface DecideAbsenceNoteCommand { noteId: string; accept: boolean; comment?: string | null }

export interface AbsenceNoteRow {
  id: string; schoolId: string; studentId: string; startsOn: string; endsOn: string; firstLesson: number | null; lastLesson: number | null;
  reason: AbsenceReason; comment: string | null; state: AbsenceNoteState; documentName: string | null; documentType: string | null;
  documentSize: number | null; decidedAt: Date | null; decisionComment: string | null; createdAt: Date;
}

function checkDate(value: string, field: string): string {
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw badInput(field, `"${field}" must be a date.`);
  return value;
}

function checkLesson(value: number | null | undefined, field: string): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < 1 || value > 12) throw badInput(field, `"${field}" is a bell number from 1 to 12.`);
  return value;
}

/**
 * Absence notes from families (issue 15 part 4; matrix row "absence notes from families"): a
 * parent writes one for their child (`absenceNote.submit`), the class teacher accepts or declines
 * it (`absenceNote.decide`). Accepting sets the reasons of the absences already recorded in its
 * span through the journal's own rule-8 path (JournalService.setAbsenceReason: its checks, audit
 * entry and ABSENCE_REASON_SET event), all in the deciding transaction; an absence recorded later
 * in the span takes the reason as it is recorded (JournalService.recordAttendance).
 */
export class AbsenceNotesService {
  constructor(private readonly scope: RequestScope) {}

  async submit(cmd: SubmitAbsenceNoteCommand): Promise<AbsenceNote> {
    const startsOn = checkDate(cmd.startsOn, 'startsOn');
    const endsOn = cmd.endsOn ? checkDate(cmd.endsOn, 'endsOn') : startsOn;
    if (endsOn < startsOn) throw badInput('endsOn', '"endsOn" must not be before "startsOn".');
    if (daysBetween(startsOn, endsOn) + 1 > ABSENCE_NOTE_LIMITS.days) throw badInput('endsOn', `A note covers at most ${ABSENCE_NOTE_LIMITS.days} days.`);
    const firstLesson = checkLesson(cmd.firstLesson, 'firstLesson');
    const lastLesson = checkLesson(cmd.lastLesson, 'lastLesson');
    if (firstLesson && lastLesson && lastLesson < firstLesson) throw badInput('lastLesson', '"lastLesson" must not be before "firstLesson".');
    if (!FAMILY_REASONS.has(cmd.reason)) throw badInput('reason', 'A family gives ILLNESS or EXCUSED.');
    const comment = optionalText(cmd.comment, 'comment', ABSENCE_NOTE_LIMITS.comment);
    return writeTransaction(this.scope, async (unit) => {
      const { em, now } = unit;
      if (!(await this.scope.access.mayForStudent('absenceNote.submit', cmd.studentId))) throw notFound('Student');
      const student = await em.findOneOrFail(Student, cmd.studentId);
      let document: { name: string; type: string; content: Buffer } | null = null;
      if (cmd.documentId) {
        const [file] = await em.execute<{ id: string; name: string; content: Buffer }[]>(
          'select id, name, content from staged_file where id = ? and uploaded_by_id = ? and expires_at > ?',
          [cmd.documentId, this.scope.viewer.userId, now]);
        if (!file) throw notFound('StagedFile');
        if (file.content.length > ABSENCE_NOTE_LIMITS.documentBytes) throw new AppError(ErrorCode.FILE_TOO_LARGE, 'The scan is larger than 5 MB.');
        const type = documentTypeOf(file.content);
        if (!type) throw badInput('documentId', 'The scan must be a PDF, JPEG or PNG file.');
        document = { name: file.name, type, content: file.content };
        await dropStagedFiles(em, [file.id]);
      }
      const note = em.create(AbsenceNote, {
        school: em.getReference(School, student.school.id), student, submittedBy: em.getReference(User, this.scope.viewer.userId),
        startsOn, endsOn, firstLesson: firstLesson ?? undefined, lastLesson: lastLesson ?? undefined, reason: cmd.reason,
        comment: comment ?? undefined, documentName: document?.name, documentType: document?.type, documentContent: document?.content, createdAt: now,
      });
      unit.audit({ schoolId: student.school.id, action: 'absence_note.submit', entityType: 'AbsenceNote', entityId: note.id, after: {
        studentId: student.id, startsOn, endsOn, firstLesson, lastLesson, reason: cmd.reason, document: document ? { type: document.type, size: document.content.length } : null,
      } });
      await em.flush();
      await this.notify(unit, 'ABSENCE_NOTE_SUBMITTED', note, classTeachersOf(sql`${student.id}::uuid`, now));
      return note;
    });
  }

  async decide(cmd: DecideAbsenceNoteCommand): Promise<{ note: AbsenceNote; applied: number }> {
    const comment = optionalText(cmd.comment, 'comment', ABSENCE_NOTE_LIMITS.comment);
    return writeTransaction(this.scope, async (unit) => {
      const { em, now } = unit;
      const note = await em.findOne(AbsenceNote, cmd.noteId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!note || !(await this.scope.access.mayForStudent('absenceNote.read', note.student.id))) throw notFound('AbsenceNote');
      if (!(await this.scope.access.mayForStudent('absenceNote.decide', note.student.id))) throw forbidden('The class teacher decides absence notes.');
      if (note.state !== AbsenceNoteState.SUBMITTED) throw conflict(`The note was already ${note.state.toLowerCase()}.`);
      note.state = cmd.accept ? AbsenceNoteState.ACCEPTED : AbsenceNoteState.DECLINED;
      note.decidedBy = em.getReference(User, this.scope.viewer.userId);
      note.decidedAt = now;
      note.decisionComment = comment ?? undefined;
      let applied = 0;
      if (cmd.accept) {
        // The absences already recorded in the span, through the journal's own path, in this transaction.
        const rows = await em.execute<{ id: string }[]>(
          `select a.id from attendance a join lesson l on l.id = a.lesson_id
            where a.student_id = ? and a.cleared_at is null and l.date between ?::date and ?::date
              and (?::int is null or l.number >= ?::int) and (?::int is null or l.number <= ?::int)
            order by l.date, l.number`,
          [note.student.id, note.startsOn, note.endsOn, note.firstLesson ?? null, note.firstLesson ?? null, note.lastLesson ?? null, note.lastLesson ?? null]);
        const journal = new JournalService({ ...this.scope, em, access: this.scope.access });
        for (const row of rows) {
          await journal.setAbsenceReason({ attendanceId: row.id, reason: note.reason, document: noteDocument(note.startsOn) });
          applied += 1;
        }
      }
      unit.audit({ schoolId: note.school.id, action: cmd.accept ? 'absence_note.accept' : 'absence_note.decline', entityType: 'AbsenceNote', entityId: note.id,
        before: { state: AbsenceNoteState.SUBMITTED }, after: { state: note.state, applied, comment } });
      await em.flush();
      await this.notify(unit, 'ABSENCE_NOTE_DECIDED', note, familyOf(sql`${note.student.id}::uuid`, now));
      return { note, applied };
    });
  }

  /** One event per recipient (their tie judged now; again at delivery). */
  private async notify(unit: WriteUnit, type: 'ABSENCE_NOTE_SUBMITTED' | 'ABSENCE_NOTE_DECIDED', note: AbsenceNote, recipients: Sql): Promise<void> {
    const statement = sql`insert into diary_event (type, school_id, student_id, recipient_id, absence_note_id, occurred_at)
      select distinct ${type}::diary_event_type, ${note.school.id}::uuid, ${note.student.id}::uuid, r.user_id, ${note.id}::uuid, ${unit.now}::timestamptz
        from (${recipients}) r where r.user_id <> ${this.scope.viewer.userId}::uuid`;
    await unit.em.execute(statement.text, [...statement.values]);
    unit.addedDiaryEvents();
  }
}

function toRow(r: Record<string, any>): AbsenceNoteRow {
  return {
    id: r.id, schoolId: r.school_id, studentId: r.student_id, startsOn: r.starts_on, endsOn: r.ends_on, firstLesson: r.first_lesson,
    lastLesson: r.last_lesson, reason: r.reason, comment: r.comment, state: r.state, documentName: r.document_name, documentType: r.document_type,
    documentSize: r.document_size == null ? null : Number(r.document_size), decidedAt: r.decided_at ? new Date(r.decided_at) : null,
    decisionComment: r.decision_comment, createdAt: new Date(r.created_at),
  };
}

/**
 * The notes the viewer may read (`absenceNote.read`, judged in the statement), the newest first.
 * Staff reads are personal data and go to the access log (004 §3.1), one statement per page.
 */
export async function absenceNotesFor(
  scope: RequestScope, filter: { studentId?: string | null; state?: AbsenceNoteState | null; noteId?: string | null }, page: PageRequest,
): Promise<Page<AbsenceNoteRow>> {
  const now = scope.clock.now();
  const me = sql`${scope.viewer.userId}::uuid`;
  const statement = sql`select note.id, note.school_id, note.student_id, note.starts_on::text, note.ends_on::text, note.first_lesson, note.last_lesson,
        note.reason, note.comment, note.state, note.document_name, note.document_type, octet_length(note.document_content) as document_size,
        note.decided_at, note.decision_comment, note.created_at, count(*) over () as total
      from absence_note note
     where note.school_id = any(${uuidArray(scope.viewer.grants.map((g) => g.schoolId))}::uuid[])
       and (${filter.studentId ?? null}::uuid is null or note.student_id = ${filter.studentId ?? null}::uuid)
       and (${filter.noteId ?? null}::uuid is null or note.id = ${filter.noteId ?? null}::uuid)
       and (${filter.state ?? null}::text is null or note.state::text = ${filter.state ?? null}::text)
       and ${mayReadAbsenceNoteSql(me, 'note', now)}
     order by note.created_at desc, note.id limit ${page.first} offset ${page.offset}`;
  const raw = await scope.em.execute(statement.text, [...statement.values]);
  const rows = raw.map(toRow);
  await logStaffReads(scope, rows, 'absenceNote');
  return { items: rows, total: raw.length > 0 ? Number(raw[0].total) : page.offset };
}

/** A staff member's read of notes (not their own family's) into the personal-data access log, as the card reads are. */
export async function logStaffReads(scope: RequestScope, rows: { schoolId: string; studentId: string }[], what: string): Promise<void> {
  const logged = rows.filter((r) => isStaffOf(scope.viewer, r.schoolId));
  if (logged.length === 0) return;
  await scope.em.execute(
    `insert into personal_data_access (at, actor_id, school_id, card_kind, card_id, what)
     select ?, ?, r.school_id, ?::person_card_kind, r.card_id, ? from unnest(?::uuid[], ?::uuid[]) as r(school_id, card_id)`,
    [scope.clock.now(), scope.viewer.userId, PersonCardKind.STUDENT, what, uuidArray(logged.map((r) => r.schoolId)), uuidArray(logged.map((r) => r.studentId))]);
}

/** The scan of a note the viewer may read (base64), logged for staff. */
export async function absenceNoteDocument(scope: RequestScope, noteId: string): Promise<{ name: string; type: string; base64: string } | null> {
  const now = scope.clock.now();
  const statement = sql`select note.school_id, note.student_id, note.document_name, note.document_type, note.document_content from absence_note note
     where note.id = ${noteId}::uuid and note.document_content is not null and ${mayReadAbsenceNoteSql(sql`${scope.viewer.userId}::uuid`, 'note', now)}`;
  const [row] = await scope.em.execute(statement.text, [...statement.values]);
  if (!row) return null;
  await logStaffReads(scope, [{ schoolId: row.school_id, studentId: row.student_id }], 'absenceNote.document');
  return { name: row.document_name, type: row.document_type, base64: Buffer.from(row.document_content).toString('base64') };
}
