import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../entities';
import { toGlobalId } from '../../schema/global-id';
import { buildAbsence, buildAssignment, buildMark, buildStaff, type World } from '../support/factories';
import { LiveClient, settle, waitFor } from '../support/live-client';
import { TestServer, errorCode } from '../support/server';
import {
  Journal, MARK_FIELDS, ATTENDANCE_FIELDS, auditEntriesOf, diaryEventsOf, expectRefused, lessonOf, ok, onlyChanged, query,
  useJournalWorld, uuidOf, withDelta,
} from './support';

/**
 * Mistakes put right, never silently (issue 18 part 4; DOMAIN.md "Corrections, never silent"):
 * a mark put on the wrong pupil or lesson is retracted with a reason, an absence recorded by
 * mistake is cleared the same way. Both rows stay (versions, audit log), stop counting at once
 * (averages, mark_rollup, reports, the diary's lists) and reach the families live.
 */

let server: TestServer;
let em: EntityManager;
let w: World;
let j: Journal;
let russianTeacher: Awaited<ReturnType<typeof buildStaff>>;
let otherDeputy: Awaited<ReturnType<typeof buildStaff>>;

useJournalWorld(async (world) => {
  ({ server, em, w, j } = world);
  russianTeacher = await buildStaff(em, w.school, [Role.TEACHER]);
  await buildAssignment(em, russianTeacher.employee, w.class5a, w.russian);
  otherDeputy = await buildStaff(em, w.otherSchool, [Role.DEPUTY_ACADEMIC]);
});

type Who = { user?: { id: string } | null } | { id: string };
const RETRACT = `mutation($i: RetractMarkInput!) { retractMark(input: $i) { ${MARK_FIELDS} retracted } }`;
const CLEAR = `mutation($i: ClearAbsenceInput!) { clearAbsence(input: $i) { ${ATTENDANCE_FIELDS} cleared } }`;
const retract = (who: Who, mark: string, reason: string, expectedRevision?: number) =>
  j.as(who, RETRACT, { i: { markId: mark, reason, ...(expectedRevision !== undefined ? { expectedRevision } : {}) } });
const clear = (who: Who, i: Record<string, unknown>) => j.as(who, CLEAR, { i });
const sid = () => toGlobalId('Student', w.student.student.id);

/** A fresh lesson of 5А maths on `date` with a mark for the student, recorded through the API by the teacher. */
async function recordedMark(date = '2026-11-20', value = '4', number = 1) {
  const lesson = await lessonOf(em, w, { date, number });
  const mark = ok(await j.recordMark(w.teacher, { lesson, student: w.student.student, value }), 'recordMark');
  return { lesson, markId: uuidOf(mark.id), globalId: mark.id as string };
}

async function recordedAbsence(date = '2026-11-20', number = 1) {
  const lesson = await lessonOf(em, w, { date, number });
  const attendance = ok(await j.recordAttendance(w.teacher, { lesson, student: w.student.student }), 'recordAttendance');
  return { lesson, attendanceId: uuidOf(attendance.id), globalId: attendance.id as string };
}

describe('retractMark', () => {
  it('keeps the row, writes a last version, an audit entry and a MARK_RETRACTED event', async () => {
    const { lesson, markId, globalId } = await recordedMark('2026-11-20', '4', 2);
    server.clock.set('2026-11-20T15:00:00+03:00');
    const { result, delta } = await withDelta(server, () => retract(w.teacher, globalId, 'Поставлена не тому ученику', 1));
    expect(ok(result, 'retractMark')).toMatchObject({ id: globalId, value: '4', revision: 2, retracted: true, corrected: false });
    expect(delta).toEqual(onlyChanged({ mark_version: 1, audit_entry: 1, diary_event: 1 }));

    const [row] = await query(server, 'select value, revision, retracted_at, retracted_by_id, retraction_reason from mark where id = ?', [markId]);
    expect(row).toMatchObject({ value: '4', revision: 2, retracted_by_id: w.teacher.user.id, retraction_reason: 'Поставлена не тому ученику' });
    expect(new Date(row.retracted_at).toISOString()).toBe('2026-11-20T12:00:00.000Z');
    const versions = await query(server, 'select revision, value, reason, retraction from mark_version where mark_id = ? order by revision', [markId]);
    expect(versions).toEqual([
      { revision: 1, value: '4', reason: null, retraction: false },
      { revision: 2, value: '4', reason: 'Поставлена не тому ученику', retraction: true },
    ]);
    const entries = await auditEntriesOf(server, markId);
    expect(entries.map((e) => e.action)).toEqual(['mark.record', 'mark.retract']);
    expect(entries[1]).toMatchObject({ actor_id: w.teacher.user.id, before: { value: '4', revision: 1 }, after: { retracted: true, revision: 2, reason: 'Поставлена не тому ученику' } });
    expect((await diaryEventsOf(server, { markId })).map((e) => [e.type, e.student_id, e.lesson_id])).toEqual([
      ['MARK_ADDED', w.student.student.id, lesson.id], ['MARK_RETRACTED', w.student.student.id, lesson.id],
    ]);
  });

  it.each([['empty', ''], ['whitespace', '  ']])('needs a reason (%s → BAD_USER_INPUT on "reason")', async (_label, reason) => {
    const { globalId } = await recordedMark('2026-11-20', '4', 3);
    await expectRefused(server, 'BAD_USER_INPUT', () => retract(w.teacher, globalId, reason), 'reason');
  });

  it('is not done twice, and a retracted mark is not corrected (MARK_RETRACTED)', async () => {
    const { globalId } = await recordedMark('2026-11-20', '3', 4);
    ok(await retract(w.teacher, globalId, 'Не тот урок'), 'retractMark');
    await expectRefused(server, 'MARK_RETRACTED', () => retract(w.teacher, globalId, 'Ещё раз'));
    await expectRefused(server, 'MARK_RETRACTED', () => retract(w.deputy, globalId, 'Ещё раз'));
    await expectRefused(server, 'MARK_RETRACTED', () => j.correctMark(w.teacher, { mark: globalId, value: '5', reason: 'Исправить' }));
  });

  it('lets exactly one of simultaneous retractions and corrections through', async () => {
    const { markId, globalId } = await recordedMark('2026-11-20', '3', 1);
    const responses = await Promise.all([
      retract(w.teacher, globalId, 'Не тот ученик'), retract(w.deputy, globalId, 'Не тот урок'),
      j.correctMark(w.teacher, { mark: globalId, value: '5', reason: 'Опечатка', expectedRevision: 1 }),
    ]);
    const codes = responses.map((r) => errorCode(r) ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(responses[2].errors ? 1 : 2);
    const versions = await query(server, 'select revision, retraction from mark_version where mark_id = ? order by revision', [markId]);
    // One retraction at most, always the last version.
    expect(versions.filter((v) => v.retraction)).toHaveLength(1);
    expect(versions[versions.length - 1].retraction).toBe(true);
    expect(codes.filter((c) => c !== 'OK').every((c) => c === 'MARK_RETRACTED' || c === 'CONFLICT')).toBe(true);
  });

  it('answers CONFLICT for a stale expectedRevision', async () => {
    const { globalId } = await recordedMark('2026-11-20', '3', 1);
    ok(await j.correctMark(w.teacher, { mark: globalId, value: '4', reason: 'Опечатка' }), 'correctMark');
    await expectRefused(server, 'CONFLICT', () => retract(w.teacher, globalId, 'Не тот ученик', 1));
    const done = ok(await retract(w.teacher, globalId, 'Не тот ученик', 2), 'retractMark');
    // Corrected once before it was retracted.
    expect(done).toMatchObject({ revision: 3, corrected: true, retracted: true, value: '4' });
  });

  it('lets the teacher retract inside the entry window only; the deputy head at any time', async () => {
    const { markId, globalId } = await recordedMark('2026-11-17', '2', 1);
    server.clock.set('2026-11-21T00:01:00+03:00');
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => retract(w.teacher, globalId, 'Не тот ученик'));
    await expectRefused(server, 'BAD_USER_INPUT', () => retract(w.deputy, globalId, ''), 'reason');
    expect(ok(await retract(w.deputy, globalId, 'Служебная записка №3'), 'retractMark').retracted).toBe(true);
    const [entry] = (await auditEntriesOf(server, markId)).filter((e) => e.action === 'mark.retract');
    expect(entry.actor_id).toBe(w.deputy.user.id);
  });

  it('refuses other teachers, the other school, families and the administration without the deputy role, changing nothing', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-19', number: 6 });
    const mark = await buildMark(em, { lesson, student: w.student.student, author: w.teacher.user, value: '5' });
    const globalId = toGlobalId('Mark', mark.id);
    await expectRefused(server, 'FORBIDDEN', () => retract(w.classTeacher, globalId, 'Хочу'));
    for (const who of [russianTeacher, w.primaryTeacher, w.otherTeacher, otherDeputy]) {
      await expectRefused(server, 'NOT_FOUND', () => retract(who, globalId, 'Хочу'));
    }
    const missing = await expectRefused(server, 'NOT_FOUND', () => retract(w.primaryTeacher, toGlobalId('Mark', '00000000-0000-4000-8000-000000000000'), 'Хочу'));
    const hidden = await retract(w.primaryTeacher, globalId, 'Хочу');
    expect(hidden.errors![0].message).toBe(missing.errors![0].message);
    for (const who of [w.parent, w.student, w.director, w.admin, w.secretary]) {
      await expectRefused(server, 'FORBIDDEN', () => retract(who as Who, globalId, 'Хочу'));
    }
  });

  it('drops the mark from the averages, the term report\'s rollup and the timeliness report at once', async () => {
    const lessonA = await lessonOf(em, w, { date: '2026-11-18', number: 7 });
    const lessonB = await lessonOf(em, w, { date: '2026-11-18', number: 8 });
    const five = ok(await j.recordMark(w.teacher, { lesson: lessonA, student: w.classmate.student, value: '5' }), 'recordMark');
    const two = ok(await j.recordMark(w.teacher, { lesson: lessonB, student: w.classmate.student, value: '2' }), 'recordMark');
    const AVERAGE = `query($s: ID!) { studentAverageReport(studentId: $s) { marks average } }`;
    const TERM = `query($c: ID!) { classTermReport(classGroupId: $c) { rows { subjectName marksCount average } } }`;
    const TIMELINESS = `query($c: ID) { markTimelinessReport(classGroupId: $c, from: "2026-11-18", to: "2026-11-18") { marks } }`;
    const classmate = toGlobalId('Student', w.classmate.student.id);
    const rollup = async () => (await query(server,
      `select sum(marks_count)::int as n, sum(value_sum)::int as s from mark_rollup where class_group_id = ? and subject_id = ?`,
      [w.class5a.id, w.math.id]))[0];
    const before = {
      average: ok(await j.as(w.admin, AVERAGE, { s: classmate }), 'studentAverageReport'),
      term: ok(await j.as(w.admin, TERM, { c: toGlobalId('ClassGroup', w.class5a.id) }), 'classTermReport').rows.find((r: any) => r.subjectName === 'Математика'),
      timeliness: ok(await j.as(w.admin, TIMELINESS, { c: toGlobalId('ClassGroup', w.class5a.id) }), 'markTimelinessReport'),
      rollup: await rollup(),
    };
    ok(await retract(w.teacher, two.id, 'Не тот ученик'), 'retractMark');
    const average = ok(await j.as(w.admin, AVERAGE, { s: classmate }), 'studentAverageReport');
    expect(average.marks).toBe(before.average.marks - 1);
    const term = ok(await j.as(w.admin, TERM, { c: toGlobalId('ClassGroup', w.class5a.id) }), 'classTermReport').rows.find((r: any) => r.subjectName === 'Математика');
    expect(term.marksCount).toBe(before.term.marksCount - 1);
    expect(ok(await j.as(w.admin, TIMELINESS, { c: toGlobalId('ClassGroup', w.class5a.id) }), 'markTimelinessReport').marks).toBe(before.timeliness.marks - 1);
    expect(await rollup()).toEqual({ n: before.rollup.n - 1, s: before.rollup.s - 2 });
    // The rollup equals a fresh count over the marks that count.
    const [fresh] = await query(server, `select count(*)::int as n, sum(m.value::int)::int as s from mark m join lesson l on l.id = m.lesson_id
      where l.class_group_id = ? and l.subject_id = ? and m.retracted_at is null and m.value in ('1','2','3','4','5')`, [w.class5a.id, w.math.id]);
    expect(await rollup()).toEqual(fresh);
    // The classmate's only marks that week: the five alone.
    const marks = ok(await j.as(w.admin, `query($s: ID!) { student(id: $s) { marks(from: "2026-11-18", to: "2026-11-18") { edges { node { id } } } } }`, { s: classmate }), 'student');
    expect(marks.marks.edges.map((e: any) => e.node.id)).toEqual([five.id]);
  });

  it('shows the entry in the diary and the class journal as removed, with who, when and why for staff only', async () => {
    const { lesson, globalId } = await recordedMark('2026-11-19', '4', 5);
    ok(await retract(w.teacher, globalId, 'Секретная причина 7'), 'retractMark');
    const DIARY = `query($s: ID!) { diary(studentId: $s, from: "2026-11-19", to: "2026-11-19") {
      lessons { lesson { id } marks { id } retractedMarks { id value retracted corrected } } } }`;
    for (const viewer of [w.parent, w.student, w.teacher]) {
      const d = await j.as(viewer, DIARY, { s: sid() });
      expect(d.errors).toBeUndefined();
      const entry = d.data!.diary[0].lessons.find((l: any) => l.lesson.id === toGlobalId('Lesson', lesson.id));
      expect(entry).toEqual({ lesson: { id: toGlobalId('Lesson', lesson.id) }, marks: [], retractedMarks: [{ id: globalId, value: '4', retracted: true, corrected: false }] });
    }
    const DETAILS = `query($id: ID!) { node(id: $id) { ... on Mark { retracted retractedAt retractionReason retractedBy { login } } } }`;
    for (const viewer of [w.parent, w.student]) {
      const r = await j.as(viewer, DETAILS, { id: globalId });
      expect(errorCode(r)).toBe('FORBIDDEN');
      expect(JSON.stringify(r)).not.toContain('Секретная причина 7');
      expect((await j.as(viewer, `query($id: ID!) { node(id: $id) { ... on Mark { retracted } } }`, { id: globalId })).data?.node).toEqual({ retracted: true });
    }
    for (const viewer of [w.teacher, w.classTeacher, w.deputy]) {
      const r = await j.as(viewer, DETAILS, { id: globalId });
      expect(r.errors).toBeUndefined();
      expect(r.data!.node).toMatchObject({ retracted: true, retractionReason: 'Секретная причина 7', retractedBy: { login: w.teacher.user.login } });
    }
    const JOURNAL = `query($c: ID!, $s: ID!) { classJournal(classGroupId: $c, subjectId: $s, from: "2026-11-19", to: "2026-11-19") {
      marks { id } retractedMarks { id retracted } } }`;
    const journal = ok(await j.as(w.teacher, JOURNAL, { c: toGlobalId('ClassGroup', w.class5a.id), s: toGlobalId('Subject', w.math.id) }), 'classJournal');
    expect(journal.marks.map((m: any) => m.id)).not.toContain(globalId);
    expect(journal.retractedMarks).toContainEqual({ id: globalId, retracted: true });
  });
});

describe('clearAbsence', () => {
  it('keeps the row, marks it cleared, writes an audit entry and an ABSENCE_CLEARED event', async () => {
    const { lesson, attendanceId, globalId } = await recordedAbsence('2026-11-20', 2);
    const { result, delta } = await withDelta(server, () => clear(w.teacher, { attendanceId: globalId, reason: 'Был на уроке' }));
    expect(ok(result, 'clearAbsence')).toMatchObject({ id: globalId, kind: 'ABSENT', cleared: true });
    expect(delta).toEqual(onlyChanged({ audit_entry: 1, diary_event: 1 }));
    const [row] = await query(server, 'select cleared_at, cleared_by_id, clear_reason from attendance where id = ?', [attendanceId]);
    expect(row).toMatchObject({ cleared_by_id: w.teacher.user.id, clear_reason: 'Был на уроке' });
    expect((await auditEntriesOf(server, attendanceId)).map((e) => [e.action, e.after?.reason ?? null])).toEqual([
      ['attendance.record', null], ['attendance.clear', 'Был на уроке'],
    ]);
    expect((await diaryEventsOf(server, { attendanceId })).map((e) => [e.type, e.lesson_id])).toEqual([
      ['ABSENCE_RECORDED', lesson.id], ['ABSENCE_CLEARED', lesson.id],
    ]);
  });

  it('finds the absence by its lesson and student too', async () => {
    const { lesson, globalId } = await recordedAbsence('2026-11-20', 3);
    const r = await clear(w.teacher, { lessonId: toGlobalId('Lesson', lesson.id), studentId: sid(), reason: 'Ошибся строкой' });
    expect(ok(r, 'clearAbsence')).toMatchObject({ id: globalId, cleared: true });
  });

  it('needs a reason and one way to name the absence; never twice; no reason set on a cleared absence', async () => {
    const { lesson, globalId } = await recordedAbsence('2026-11-20', 4);
    await expectRefused(server, 'BAD_USER_INPUT', () => clear(w.teacher, { attendanceId: globalId, reason: ' ' }), 'reason');
    await expectRefused(server, 'BAD_USER_INPUT', () => clear(w.teacher, { lessonId: toGlobalId('Lesson', lesson.id), reason: 'Ошибка' }), 'attendanceId');
    await expectRefused(server, 'BAD_USER_INPUT', () => clear(w.teacher, { attendanceId: globalId, lessonId: toGlobalId('Lesson', lesson.id), studentId: sid(), reason: 'Ошибка' }), 'attendanceId');
    ok(await clear(w.teacher, { attendanceId: globalId, reason: 'Ошибка' }), 'clearAbsence');
    await expectRefused(server, 'ABSENCE_CLEARED', () => clear(w.teacher, { attendanceId: globalId, reason: 'Ещё раз' }));
    await expectRefused(server, 'ABSENCE_CLEARED', () => j.setAbsenceReason(w.classTeacher, { attendance: globalId, reason: 'ILLNESS' }));
  });

  it('opens the same row anew when the attendance is recorded again', async () => {
    const { lesson, globalId } = await recordedAbsence('2026-11-20', 1);
    ok(await clear(w.teacher, { attendanceId: globalId, reason: 'Ошибка' }), 'clearAbsence');
    const again = ok(await j.recordAttendance(w.teacher, { lesson, student: w.student.student, kind: 'LATE' }), 'recordAttendance');
    expect(again).toMatchObject({ id: globalId, kind: 'LATE', reason: 'UNKNOWN' });
    const [row] = await query(server, 'select cleared_at, clear_reason from attendance where id = ?', [uuidOf(globalId)]);
    expect(row).toEqual({ cleared_at: null, clear_reason: null });
  });

  it('lets the teacher clear inside the window only, the deputy head at any time; refuses the rest, changing nothing', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-10', number: 6 });
    const absence = await buildAbsence(em, { lesson, student: w.student.student, author: w.teacher.user });
    const globalId = toGlobalId('Attendance', absence.id);
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => clear(w.teacher, { attendanceId: globalId, reason: 'Ошибка' }));
    await expectRefused(server, 'FORBIDDEN', () => clear(w.classTeacher, { attendanceId: globalId, reason: 'Ошибка' }));
    for (const who of [russianTeacher, w.primaryTeacher, w.otherTeacher, otherDeputy]) {
      await expectRefused(server, 'NOT_FOUND', () => clear(who, { attendanceId: globalId, reason: 'Ошибка' }));
    }
    for (const who of [w.parent, w.student, w.director, w.admin]) {
      await expectRefused(server, 'FORBIDDEN', () => clear(who as Who, { attendanceId: globalId, reason: 'Ошибка' }));
    }
    expect(ok(await clear(w.deputy, { attendanceId: globalId, reason: 'Справка классного руководителя' }), 'clearAbsence').cleared).toBe(true);
  });

  it('drops the absence from the diary\'s attendance, the student\'s list and the attendance summary', async () => {
    server.clock.set('2026-11-17T10:00:00+03:00');
    const { lesson, globalId } = await recordedAbsence('2026-11-16', 1);
    const SUMMARY = `query($c: ID) { attendanceSummaryReport(classGroupId: $c, from: "2026-11-16", to: "2026-11-16") { rows { absences } } }`;
    const absences = async () => ok(await j.as(w.admin, SUMMARY, { c: toGlobalId('ClassGroup', w.class5a.id) }), 'attendanceSummaryReport')
      .rows.reduce((n: number, r: any) => n + r.absences, 0);
    const before = await absences();
    ok(await clear(w.teacher, { attendanceId: globalId, reason: 'Ошибка' }), 'clearAbsence');
    expect(await absences()).toBe(before - 1);
    const d = ok(await j.as(w.parent, `query($s: ID!) { diary(studentId: $s, from: "2026-11-16", to: "2026-11-16") {
      lessons { lesson { id } attendance { id } clearedAttendance { id cleared } } } }`, { s: sid() }), 'diary');
    expect(d[0].lessons.find((l: any) => l.lesson.id === toGlobalId('Lesson', lesson.id))).toMatchObject({ attendance: null, clearedAttendance: { id: globalId, cleared: true } });
    const list = ok(await j.as(w.parent, `query($s: ID!) { student(id: $s) { attendance(from: "2026-11-16", to: "2026-11-16") { edges { node { id } } } } }`, { s: sid() }), 'student');
    expect(list.attendance.edges).toEqual([]);
    const details = await j.as(w.parent, `query($id: ID!) { node(id: $id) { ... on Attendance { clearReason } } }`, { id: globalId });
    expect(errorCode(details)).toBe('FORBIDDEN');
    const staff = await j.as(w.classTeacher, `query($id: ID!) { node(id: $id) { ... on Attendance { cleared clearReason clearedBy { login } } } }`, { id: globalId });
    expect(staff.data?.node).toEqual({ cleared: true, clearReason: 'Ошибка', clearedBy: { login: w.teacher.user.login } });
  });
});

describe('live', () => {
  const EVENTS = `subscription($studentId: ID) { diaryEvents(studentId: $studentId) {
    type student { id } mark { id value retracted } attendance { id cleared } lesson { id } } }`;
  const clients: LiveClient[] = [];
  afterEach(async () => { await Promise.all(clients.splice(0).map((c) => c.close())); });
  async function connect(userId: string) {
    const client = new LiveClient(server.wsUrl, await server.token(userId));
    clients.push(client);
    await client.ready();
    return client;
  }

  it('delivers MARK_RETRACTED and ABSENCE_CLEARED to the parent\'s subscription, and to nobody else', async () => {
    const { globalId: markId, lesson } = await recordedMark('2026-11-20', '5', 1);
    const { globalId: attendanceId } = await recordedAbsence('2026-11-20', 1);
    const mine = (await connect(w.parent.user!.id)).subscribe(EVENTS, { studentId: sid() });
    const other = (await connect(w.otherParent.user!.id)).subscribe(EVENTS);
    await settle(200);
    ok(await retract(w.teacher, markId, 'Не тот ученик'), 'retractMark');
    ok(await clear(w.teacher, { attendanceId, reason: 'Ошибка' }), 'clearAbsence');
    await waitFor(() => mine.events.length === 2, 5_000, 'the two events');
    expect(mine.errors).toEqual([]);
    expect(mine.events[0]).toMatchObject({
      type: 'MARK_RETRACTED', student: { id: sid() }, mark: { id: markId, value: '5', retracted: true }, lesson: { id: toGlobalId('Lesson', lesson.id) },
    });
    expect(mine.events[1]).toMatchObject({ type: 'ABSENCE_CLEARED', student: { id: sid() }, attendance: { id: attendanceId, cleared: true } });
    await settle();
    expect(other.events).toEqual([]);
  });
});

