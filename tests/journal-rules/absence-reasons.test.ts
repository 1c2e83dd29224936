import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../schema/global-id';
import { type World } from '../support/factories';
import type { TestServer } from '../support/server';
import { Journal, useJournalWorld, auditEntriesOf, diaryEventsOf, expectRefused, lessonOf, ok, onlyChanged, query, uuidOf, withDelta } from './support';

/**
 * Rule 8 (004 §8.5.1): the class teacher sets absence reasons for their class, with the
 * supporting document; the parent sees the reason change in the diary.
 */

let server: TestServer;
let em: EntityManager;
let w: World;
let j: Journal;

useJournalWorld((world) => ({ server, em, w, j } = world));

/** The math teacher marks the student absent at a fresh 5А math lesson, through the API. */
async function recordedAbsence(date = '2026-11-20', number = 1) {
  const lesson = await lessonOf(em, w, { date, number });
  const attendance = ok(await j.recordAttendance(w.teacher, { lesson, student: w.student.student, kind: 'ABSENT' }), 'recordAttendance');
  expect(attendance.reason).toBe('UNKNOWN');
  return { lesson, globalId: attendance.id as string, id: uuidOf(attendance.id) };
}

const stored = async (id: string) =>
  (await query(server, 'select kind, reason, document, reason_set_at from attendance where id = ?', [id]))[0];

describe('the class teacher sets the reason', () => {
  it('stores the reason and its document, audits it, and writes an ABSENCE_REASON_SET event', async () => {
    const { lesson, globalId, id } = await recordedAbsence();
    server.clock.set('2026-11-20T15:10:00+03:00');
    const { result, delta } = await withDelta(server, () =>
      j.setAbsenceReason(w.classTeacher, { attendance: globalId, reason: 'ILLNESS', document: '  Справка №12 от 20.11  ' }));
    expect(ok(result, 'setAbsenceReason')).toMatchObject({
      id: globalId, kind: 'ABSENT', reason: 'ILLNESS', document: 'Справка №12 от 20.11',
      lesson: { id: toGlobalId('Lesson', lesson.id) }, student: { id: toGlobalId('Student', w.student.student.id) },
    });
    expect(delta).toEqual(onlyChanged({ audit_entry: 1, diary_event: 1 }));

    const row = await stored(id);
    expect(row).toMatchObject({ kind: 'ABSENT', reason: 'ILLNESS', document: 'Справка №12 от 20.11' });
    expect(new Date(row.reason_set_at).toISOString()).toBe('2026-11-20T12:10:00.000Z');

    const events = await diaryEventsOf(server, { attendanceId: id });
    expect(events.map((e) => [e.type, e.student_id, e.lesson_id])).toEqual([
      ['ABSENCE_RECORDED', w.student.student.id, lesson.id],
      ['ABSENCE_REASON_SET', w.student.student.id, lesson.id],
    ]);
    const audit = await auditEntriesOf(server, id);
    expect(audit.map((a) => a.action)).toEqual(['attendance.record', 'attendance.reason']);
    expect(audit[1]).toMatchObject({
      actor_id: w.classTeacher.user.id, entity_type: 'Attendance',
      before: { reason: 'UNKNOWN', document: null }, after: { reason: 'ILLNESS', document: 'Справка №12 от 20.11' },
    });
  });

  it('shows the parent and the student the new reason in the diary', async () => {
    const { lesson, globalId } = await recordedAbsence('2026-11-19', 2);
    const DIARY = `query($s: ID!) { diary(studentId: $s, from: "2026-11-19", to: "2026-11-19") {
      lessons { lesson { id } attendance { id kind reason document } } } }`;
    const entry = async (viewer: { user?: { id: string } }) => {
      const d = await j.as(viewer, DIARY, { s: toGlobalId('Student', w.student.student.id) });
      expect(d.errors).toBeUndefined();
      return d.data!.diary[0].lessons.find((l: { lesson: { id: string } }) => l.lesson.id === toGlobalId('Lesson', lesson.id)).attendance;
    };
    expect(await entry(w.parent)).toEqual({ id: globalId, kind: 'ABSENT', reason: 'UNKNOWN', document: null });

    ok(await j.setAbsenceReason(w.classTeacher, { attendance: globalId, reason: 'EXCUSED', document: 'Заявление родителей' }), 'setAbsenceReason');
    for (const viewer of [w.parent, w.student]) {
      expect(await entry(viewer)).toEqual({ id: globalId, kind: 'ABSENT', reason: 'EXCUSED', document: 'Заявление родителей' });
    }
  });

  it('takes a doctor\'s note that arrives after the 3-day entry window, and a later change of mind', async () => {
    // A school expects the class teacher to record the note when it comes (often after a week of illness).
    const { globalId, id } = await recordedAbsence('2026-11-18');
    server.clock.set('2026-11-27T09:00:00+03:00');
    ok(await j.setAbsenceReason(w.classTeacher, { attendance: globalId, reason: 'ILLNESS', document: 'Справка от 26.11' }), 'setAbsenceReason');
    const { result, delta } = await withDelta(server, () =>
      j.setAbsenceReason(w.classTeacher, { attendance: globalId, reason: 'UNEXCUSED', document: null }));
    expect(ok(result, 'setAbsenceReason')).toMatchObject({ reason: 'UNEXCUSED', document: null });
    expect(delta).toEqual(onlyChanged({ audit_entry: 1, diary_event: 1 }));
    expect(await stored(id)).toMatchObject({ reason: 'UNEXCUSED', document: null });
    const audit = await auditEntriesOf(server, id);
    expect(audit[audit.length - 1]).toMatchObject({
      action: 'attendance.reason', before: { reason: 'ILLNESS', document: 'Справка от 26.11' }, after: { reason: 'UNEXCUSED', document: null },
    });
    expect((await diaryEventsOf(server, { attendanceId: id })).map((e) => e.type))
      .toEqual(['ABSENCE_RECORDED', 'ABSENCE_REASON_SET', 'ABSENCE_REASON_SET']);
  });

  it('refuses a document longer than 300 characters', async () => {
    const { globalId } = await recordedAbsence();
    await expectRefused(server, 'BAD_USER_INPUT',
      () => j.setAbsenceReason(w.classTeacher, { attendance: globalId, reason: 'ILLNESS', document: 'я'.repeat(301) }), 'document');
  });
});

describe('nobody else sets it', () => {
  it('refuses the subject teacher who recorded the absence (FORBIDDEN)', async () => {
    const { globalId, id } = await recordedAbsence();
    await expectRefused(server, 'FORBIDDEN', () => j.setAbsenceReason(w.teacher, { attendance: globalId, reason: 'EXCUSED', document: 'Со слов ученика' }));
    expect(await stored(id)).toMatchObject({ reason: 'UNKNOWN', document: null, reason_set_at: null });
  });

  it('refuses the parent, the student and the deputy head by role (FORBIDDEN)', async () => {
    const { globalId, id } = await recordedAbsence();
    for (const who of [w.parent, w.student, w.deputy, w.director]) {
      await expectRefused(server, 'FORBIDDEN',
        () => j.setAbsenceReason(who as { user: { id: string } }, { attendance: globalId, reason: 'ILLNESS', document: 'Справка' }));
    }
    expect(await stored(id)).toMatchObject({ reason: 'UNKNOWN', document: null });
  });

  it('answers NOT_FOUND to a class teacher of another class, another school, and a made-up id alike', async () => {
    const { globalId } = await recordedAbsence();
    const hidden = await expectRefused(server, 'NOT_FOUND', () => j.setAbsenceReason(w.primaryTeacher, { attendance: globalId, reason: 'ILLNESS' }));
    await expectRefused(server, 'NOT_FOUND', () => j.setAbsenceReason(w.otherTeacher, { attendance: globalId, reason: 'ILLNESS' }));
    const missing = await expectRefused(server, 'NOT_FOUND', () => j.setAbsenceReason(w.primaryTeacher, {
      attendance: toGlobalId('Attendance', '00000000-0000-4000-8000-000000000000'), reason: 'ILLNESS',
    }));
    expect(hidden.errors![0].message).toBe(missing.errors![0].message);
  });
});
