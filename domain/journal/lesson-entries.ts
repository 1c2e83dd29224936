import { helper } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AcademicYearState, Attendance, ClassGroup, DiaryEventType, Lesson, LessonState, Mark, School, Student, Subject, WorkType,
} from '../../entities';
import type { AccessScope, LessonAccess, LessonAccessRow, StudentAccess, StudentAccessRow } from '../../permissions/scope';
import { preparedRead } from '../../lib/prepared-read';
import { DIARY_EVENTS_CHANNEL, STAMP_LOCK_KEY } from '../diary/diary-outbox';

/**
 * A lesson's journal entries checked and written in a fixed number of statements, however many
 * pupils they touch (issue 17): ONE read of every fact the journal rules ask of the lesson and
 * its pupils, and ONE statement writing the marks with their first versions, audit entries and
 * diary events (stamped and announced). The rules themselves stay in journal.service.ts, which
 * evaluates them on these facts in its usual order.
 */

/** What the journal rules need of one pupil of the entries. */
export interface PupilFacts {
  access: StudentAccess;
  /** Rule 5: in the lesson's class (and subgroup) on its date. */
  enrolled: boolean;
  student: Student;
}

export interface EntryFacts {
  /** With its class, school and subject; null when there is no such lesson. */
  lesson: Lesson | null;
  access: LessonAccess;
  /** The state of the lesson's year, share-locked until the commit (a close waits for this write). */
  yearState: AcademicYearState | null;
  /** When the lesson's bell rings (null: no such bell; the day's start is used). */
  bellStartsAt: string | null;
  workTypes: Map<string, WorkType>;
  pupils: Map<string, PupilFacts>;
}

interface FactsRow {
  lesson: Record<string, unknown> | null;
  class_group: Record<string, unknown> | null;
  school: Record<string, unknown> | null;
  subject: Record<string, unknown> | null;
  lesson_access: LessonAccessRow | null;
  year_state: AcademicYearState | null;
  bell_starts_at: string | null;
  work_types: Record<string, unknown>[];
  pupils: { access: StudentAccessRow; student: Record<string, unknown>; enrolled: boolean }[];
}

/** The facts of a lesson and some of its pupils, in one statement, inside the writing transaction. */
export async function readEntryFacts(
  em: EntityManager, access: AccessScope, lessonId: string, studentIds: readonly string[], workTypeCodes: readonly string[],
): Promise<EntryFacts> {
  const lessonAccess = access.lessonAccessStatement([lessonId]);
  const studentAccess = access.studentAccessStatement(studentIds);
  const [row] = await preparedRead<FactsRow[]>(em,
    `with lesson_access as (${lessonAccess.sql}),
          student_access as (${studentAccess.sql}),
          lr as (select l.*, c.year_id, c.shift from lesson l join class_group c on c.id = l.class_group_id where l.id = ?),
          y as (select y.state from academic_year y where y.id = (select year_id from lr) for share)
     select (select row_to_json(l) from lesson l where l.id = (select id from lr)) as lesson,
            (select row_to_json(c) from class_group c where c.id = (select class_group_id from lr)) as class_group,
            (select row_to_json(sc) from school sc where sc.id = (select school_id from lr)) as school,
            (select row_to_json(sj) from subject sj where sj.id = (select subject_id from lr)) as subject,
            (select row_to_json(a) from lesson_access a) as lesson_access,
            (select state from y) as year_state,
            (select b.starts_at from bell b join lr on b.school_id = lr.school_id and b.shift = lr.shift and b.number = lr.number) as bell_starts_at,
            (select coalesce(json_agg(w), '[]') from work_type w where w.school_id = (select school_id from lr) and w.code = any(?::text[])) as work_types,
            (select coalesce(json_agg(json_build_object(
                      'access', row_to_json(a), 'student', row_to_json(s),
                      'enrolled', exists(select 1 from enrollment e join lr on e.class_group_id = lr.class_group_id
                                          where e.student_id = a.id and e.starts_on <= lr.date and (e.ends_on is null or e.ends_on >= lr.date))
                                  and ((select subgroup_id from lr) is null
                                       or exists(select 1 from subgroup_member sm where sm.subgroup_id = (select subgroup_id from lr) and sm.student_id = a.id)))), '[]')
               from student_access a join student s on s.id = a.id) as pupils`,
    [...lessonAccess.params, ...studentAccess.params, lessonId, `{${workTypeCodes.map((c) => `"${c.replace(/["\\]/g, '\\$&')}"`).join(',')}}`],
  );
  let lesson: Lesson | null = null;
  if (row.lesson && row.class_group && row.school && row.subject) {
    // The lesson's relations first, so the lesson points at them, initialized.
    em.map(School, row.school);
    em.map(ClassGroup, row.class_group);
    em.map(Subject, row.subject);
    lesson = em.map(Lesson, row.lesson);
  }
  const pupils = new Map<string, PupilFacts>();
  for (const p of row.pupils) {
    pupils.set(p.access.id, { access: access.rememberStudentAccess(p.access.id, p.access), enrolled: p.enrolled, student: em.map(Student, p.student) });
  }
  for (const id of studentIds) if (!pupils.has(id)) access.rememberStudentAccess(id, null);
  return {
    lesson,
    access: access.rememberLessonAccess(lessonId, row.lesson_access),
    yearState: row.year_state,
    bellStartsAt: row.bell_starts_at,
    workTypes: new Map(row.work_types.map((w) => { const wt = em.map(WorkType, w); return [wt.code, wt]; })),
    pupils,
  };
}

/** A new mark of `writeNewMarks`, checked. */
export interface NewMark {
  id: string;
  student: Student;
  workType: WorkType;
  value: string;
  comment: string | null;
  /** The audit entry's `after`. */
  audited: Record<string, unknown>;
}

/**
 * Writes new marks of one lesson in ONE statement: the lesson held (rule 1's SCHEDULED → HELD,
 * bumping its version as any change does), each mark with its first version, its audit entry and
 * its MARK_ADDED diary event, the events stamped with their delivery positions under the outbox's
 * lock and announced (as publishDiaryEvents does, which this replaces for these rows). Foreign keys
 * between the parts are checked at the statement's end, when all of it is in. Returns the marks,
 * managed by `em` as the rows now stored.
 */
export async function writeNewMarks(
  em: EntityManager,
  o: { lesson: Lesson; marks: NewMark[]; authorId: string; at: Date; permitId: string | null; ip: string | null },
): Promise<Mark[]> {
  const at = o.at.toISOString();
  const rows = o.marks.map((m, ordinal) => ({
    ordinal, id: m.id, student_id: m.student.id, work_type_id: m.workType.id, value: m.value, comment: m.comment, after: m.audited,
  }));
  const [result] = await em.execute<{ version: number | null }[]>(
    `with entries as materialized (
            select * from jsonb_to_recordset(?::jsonb) as x(ordinal int, id uuid, student_id uuid, work_type_id uuid, value text, comment text, after jsonb)),
          held as (update lesson set state = 'HELD', version = version + 1 where id = ? and state = 'SCHEDULED' returning version),
          marks as (
            insert into mark (id, school_id, student_id, lesson_id, work_type_id, value, comment, revision, created_by_id, created_at, entered_under_permit_id)
            select e.id, ?::uuid, e.student_id, ?::uuid, e.work_type_id, e.value, e.comment, 1, ?::uuid, ?::timestamptz, ?::uuid from entries e order by e.ordinal
            returning id),
          versions as (
            insert into mark_version (id, mark_id, revision, value, comment, retraction, created_by_id, created_at)
            select gen_random_uuid(), e.id, 1, e.value, e.comment, false, ?::uuid, ?::timestamptz from entries e order by e.ordinal),
          audits as (
            insert into audit_entry (at, actor_id, school_id, action, entity_type, entity_id, after, ip)
            select ?::timestamptz, ?::uuid, ?::uuid, 'mark.record', 'Mark', e.id, e.after, ?::text from entries e order by e.ordinal),
          locked as materialized (select pg_advisory_xact_lock(?) as held),
          events as (
            insert into diary_event (type, school_id, student_id, lesson_id, mark_id, occurred_at, position)
            select ?::diary_event_type, ?::uuid, e.student_id, ?::uuid, e.id, ?::timestamptz, nextval('diary_event_position_seq')
              from (select e.* from locked, entries e order by e.ordinal) e
            returning position)
     select (select version from held) as version, (select pg_notify(?, max(position)::text) from events) as notified`,
    [
      JSON.stringify(rows), o.lesson.id,
      o.lesson.school.id, o.lesson.id, o.authorId, at, o.permitId,
      o.authorId, at,
      at, o.authorId, o.lesson.school.id, o.ip,
      STAMP_LOCK_KEY,
      DiaryEventType.MARK_ADDED, o.lesson.school.id, o.lesson.id, at,
      DIARY_EVENTS_CHANNEL,
    ],
  );
  learnHeld(o.lesson, result.version);
  return o.marks.map((m) => em.map(Mark, {
    id: m.id, school_id: o.lesson.school.id, student_id: m.student.id, lesson_id: o.lesson.id, work_type_id: m.workType.id,
    value: m.value, comment: m.comment, revision: 1, created_by_id: o.authorId, created_at: at, entered_under_permit_id: o.permitId,
    corrected_at: null, retracted_at: null, retracted_by_id: null, retraction_reason: null,
  }));
}

/** One pupil's attendance entry of a batch, checked, with what it does to the row they may already have. */
export interface AttendanceWrite {
  /** The row's id: the existing row's, or a new one. */
  id: string;
  studentId: string;
  kind: Attendance['kind'];
  /** insert: no row yet; change: another kind; reopen: an absence cleared as a mistake, recorded again. */
  action: 'insert' | 'change' | 'reopen';
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

/**
 * The lesson's attendance rows of these pupils, the lesson row locked first: attendance writes of
 * one lesson queue behind each other (a double submit finds the first's rows, not a unique violation).
 */
export async function lockedAttendance(em: EntityManager, lessonId: string, studentIds: readonly string[]): Promise<Map<string, Attendance>> {
  const [row] = await em.execute<{ rows: Record<string, unknown>[] }[]>(
    `with l as (select id from lesson where id = ? for update),
          a as (select a.* from attendance a where a.lesson_id = (select id from l) and a.student_id = any(?::uuid[]) for update)
     select coalesce((select json_agg(a) from a), '[]') as rows`,
    [lessonId, `{${studentIds.join(',')}}`],
  );
  const rows = row.rows.map((r) => em.map(Attendance, r));
  return new Map(rows.map((a) => [a.student.id, a]));
}

/**
 * Writes a lesson's attendance entries in ONE statement, like writeNewMarks: new rows, changed
 * kinds, cleared absences reopened, an audit entry and an ABSENCE_RECORDED event each, the events
 * stamped and announced. Returns the rows as now stored, managed by `em`.
 */
export async function writeAttendance(
  em: EntityManager,
  o: { lesson: Lesson; entries: AttendanceWrite[]; existing: Map<string, Attendance>; authorId: string; at: Date; permitId: string | null; ip: string | null },
): Promise<Attendance[]> {
  const at = o.at.toISOString();
  const rows = o.entries.map((e, ordinal) => ({
    ordinal, id: e.id, student_id: e.studentId, kind: e.kind, action: e.action, before: e.before, after: e.after,
    audit_action: e.action === 'change' ? 'attendance.change' : 'attendance.record',
  }));
  const [result] = await em.execute<{ version: number | null }[]>(
    `with entries as materialized (
            select * from jsonb_to_recordset(?::jsonb) as x(ordinal int, id uuid, student_id uuid, kind attendance_kind, action text, before jsonb, after jsonb, audit_action text)),
          held as (update lesson set state = 'HELD', version = version + 1 where id = ? and state = 'SCHEDULED' returning version),
          inserted as (
            insert into attendance (id, school_id, student_id, lesson_id, kind, reason, created_by_id, created_at, entered_under_permit_id)
            select e.id, ?::uuid, e.student_id, ?::uuid, e.kind, 'UNKNOWN', ?::uuid, ?::timestamptz, ?::uuid from entries e where e.action = 'insert' order by e.ordinal),
          changed as (
            update attendance a set kind = e.kind, entered_under_permit_id = coalesce(?::uuid, a.entered_under_permit_id)
              from entries e where a.id = e.id and e.action = 'change'),
          reopened as (
            update attendance a set kind = e.kind, reason = 'UNKNOWN', document = null, reason_set_at = null,
                   cleared_at = null, cleared_by_id = null, clear_reason = null,
                   created_by_id = ?::uuid, created_at = ?::timestamptz, entered_under_permit_id = ?::uuid
              from entries e where a.id = e.id and e.action = 'reopen'),
          audits as (
            insert into audit_entry (at, actor_id, school_id, action, entity_type, entity_id, before, after, ip)
            select ?::timestamptz, ?::uuid, ?::uuid, e.audit_action, 'Attendance', e.id, e.before, e.after, ?::text from entries e order by e.ordinal),
          locked as materialized (select pg_advisory_xact_lock(?) as held),
          events as (
            insert into diary_event (type, school_id, student_id, lesson_id, attendance_id, occurred_at, position)
            select 'ABSENCE_RECORDED', ?::uuid, e.student_id, ?::uuid, e.id, ?::timestamptz, nextval('diary_event_position_seq')
              from (select e.* from locked, entries e order by e.ordinal) e
            returning position)
     select (select version from held) as version, (select pg_notify(?, max(position)::text) from events) as notified`,
    [
      JSON.stringify(rows), o.lesson.id,
      o.lesson.school.id, o.lesson.id, o.authorId, at, o.permitId,
      o.permitId,
      o.authorId, at, o.permitId,
      at, o.authorId, o.lesson.school.id, o.ip,
      STAMP_LOCK_KEY,
      o.lesson.school.id, o.lesson.id, at,
      DIARY_EVENTS_CHANNEL,
    ],
  );
  learnHeld(o.lesson, result.version);
  return o.entries.map((e) => {
    const before = o.existing.get(e.studentId);
    const base: Record<string, unknown> = {
      id: e.id, school_id: o.lesson.school.id, student_id: e.studentId, lesson_id: o.lesson.id, kind: e.kind,
      reason: 'UNKNOWN', document: null, reason_set_at: null, cleared_at: null, cleared_by_id: null, clear_reason: null,
      created_by_id: o.authorId, created_at: at, entered_under_permit_id: o.permitId,
    };
    if (e.action === 'change' && before) {
      return em.map(Attendance, {
        ...base, reason: before.reason, document: before.document ?? null, reason_set_at: before.reasonSetAt?.toISOString() ?? null,
        created_by_id: before.createdBy.id, created_at: before.createdAt.toISOString(),
        entered_under_permit_id: o.permitId ?? before.enteredUnderPermit?.id ?? null,
      });
    }
    return em.map(Attendance, base);
  });
}

/** The lesson learns it is held (SCHEDULED → HELD by a write statement) without becoming dirty. */
function learnHeld(lesson: Lesson, version: number | null): void {
  if (version === null) return;
  lesson.state = LessonState.HELD;
  lesson.version = version;
  const loaded = helper(lesson).__originalEntityData;
  if (loaded) Object.assign(loaded, { state: LessonState.HELD, version });
}

/**
 * Absences just written in the span of a note the class teacher accepted (issue 15 part 4) take the
 * note's reason and document in ONE statement, as recordAttendance does one by one
 * (journal.service.ts applyAcceptedNote, accepted-notes.ts): an audit entry and an
 * ABSENCE_REASON_SET event each, stamped and announced. Returns the rows it changed, by id.
 */
export async function applyAcceptedNotes(
  em: EntityManager, o: { lesson: Lesson; attendanceIds: string[]; authorId: string; at: Date; ip: string | null },
): Promise<Map<string, Attendance>> {
  const at = o.at.toISOString();
  const [row] = await em.execute<{ rows: Record<string, unknown>[] }[]>(
    `with notes as materialized (
            select distinct on (a.id) a.id as attendance_id, a.student_id, n.id as note_id, n.reason,
                   ${NOTE_DOCUMENT_SQL} as document
              from attendance a
              join absence_note n on n.student_id = a.student_id and n.state = 'ACCEPTED' and n.starts_on <= ?::date and n.ends_on >= ?::date
                                 and (n.first_lesson is null or n.first_lesson <= ?) and (n.last_lesson is null or n.last_lesson >= ?)
             where a.id = any(?::uuid[]) and a.reason = 'UNKNOWN'
             order by a.id, n.decided_at desc),
          updated as (
            update attendance a set reason = x.reason, document = x.document, reason_set_at = ?::timestamptz
              from notes x where a.id = x.attendance_id returning a.*),
          audits as (
            insert into audit_entry (at, actor_id, school_id, action, entity_type, entity_id, before, after, ip)
            select ?::timestamptz, ?::uuid, ?::uuid, 'attendance.reason', 'Attendance', x.attendance_id,
                   jsonb_build_object('reason', 'UNKNOWN', 'document', null),
                   jsonb_build_object('reason', x.reason, 'document', x.document, 'absenceNoteId', x.note_id), ?::text
              from notes x order by x.attendance_id),
          locked as materialized (select pg_advisory_xact_lock(?) as held from notes limit 1),
          events as (
            insert into diary_event (type, school_id, student_id, lesson_id, attendance_id, occurred_at, position)
            select 'ABSENCE_REASON_SET', ?::uuid, x.student_id, ?::uuid, x.attendance_id, ?::timestamptz, nextval('diary_event_position_seq')
              from (select x.* from locked, notes x order by x.attendance_id) x
            returning position)
     select coalesce((select json_agg(u) from updated u), '[]') as rows, (select pg_notify(?, max(position)::text) from events having count(*) > 0) as notified`,
    [
      o.lesson.date, o.lesson.date, o.lesson.number, o.lesson.number, `{${o.attendanceIds.join(',')}}`,
      at,
      at, o.authorId, o.lesson.school.id, o.ip,
      STAMP_LOCK_KEY,
      o.lesson.school.id, o.lesson.id, at,
      DIARY_EVENTS_CHANNEL,
    ],
  );
  return new Map(row.rows.map((r) => { const a = em.map(Attendance, r); return [a.id, a]; }));
}

/** accepted-notes.ts noteDocument, in SQL over the note `n`: the same text, so one absence reads alike however it was recorded. */
const NOTE_DOCUMENT_SQL = `'Заявление родителя (' || n.starts_on::text || ')'`;
