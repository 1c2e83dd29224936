import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../entities';
import { toGlobalId } from '../../schema/global-id';
import { buildStaff, type World } from '../support/factories';
import { TestServer, errorCode } from '../support/server';
import { Journal, auditEntriesOf, expectRefused, lessonOf, ok, query, useJournalWorld, uuidOf } from './support';

/**
 * Late-entry permits (issue 18 part 4; 004 §8.6): the deputy head lets a teacher write the journal
 * of their own lessons of given past days after the entry window, with a reason, until an end date.
 * The writes made under a permit name it, and the timeliness report counts them apart.
 */

let server: TestServer;
let em: EntityManager;
let w: World;
let j: Journal;
let otherDeputy: Awaited<ReturnType<typeof buildStaff>>;

useJournalWorld(async (world) => {
  ({ server, em, w, j } = world);
  otherDeputy = await buildStaff(em, w.otherSchool, [Role.DEPUTY_ACADEMIC]);
});

type Who = { user?: { id: string } | null } | { id: string };
const FIELDS = 'id teacher { id } daysFrom daysTo reason validUntil grantedBy { login } grantedAt revokedAt active';
const GRANT = `mutation($i: GrantLateEntryPermitInput!) { grantLateEntryPermit(input: $i) { ${FIELDS} } }`;
const REVOKE = `mutation($i: RevokeLateEntryPermitInput!) { revokeLateEntryPermit(input: $i) { ${FIELDS} } }`;
const LIST = `query($t: ID, $a: Boolean) { lateEntryPermits(teacherId: $t, activeOnly: $a) { id teacher { id } active } }`;
const teacherId = (who: { employee: { id: string } }) => toGlobalId('Employee', who.employee.id);

function grant(who: Who, o: { teacher?: { employee: { id: string } }; daysFrom?: string; daysTo?: string; reason?: string; validUntil?: string } = {}) {
  return j.as(who, GRANT, {
    i: {
      teacherId: teacherId(o.teacher ?? w.teacher), daysFrom: o.daysFrom ?? '2026-11-10', daysTo: o.daysTo ?? '2026-11-11',
      reason: o.reason ?? 'Больничный учителя 10–11 ноября', validUntil: o.validUntil ?? '2026-11-22',
    },
  });
}
const permitRows = async () => (await query(server, 'select count(*)::int as n, max(revoked_at) as r from late_entry_permit'))[0];

/** A refusal of a permit write: the error, and neither the permits nor any journal table changed. */
async function refusedGrant(code: string, work: () => ReturnType<typeof grant>, field?: string) {
  const before = await permitRows();
  await expectRefused(server, code, work, field);
  expect(await permitRows()).toEqual(before);
}

describe('grantLateEntryPermit and revokeLateEntryPermit', () => {
  it('lets the deputy head grant a permit, with an audit entry', async () => {
    const permit = ok(await grant(w.deputy, { teacher: w.substitute }), 'grantLateEntryPermit');
    expect(permit).toMatchObject({
      teacher: { id: teacherId(w.substitute) }, daysFrom: '2026-11-10', daysTo: '2026-11-11', validUntil: '2026-11-22',
      reason: 'Больничный учителя 10–11 ноября', grantedBy: { login: w.deputy.user.login }, revokedAt: null, active: true,
    });
    const [entry] = await auditEntriesOf(server, uuidOf(permit.id));
    expect(entry).toMatchObject({ action: 'late_entry_permit.grant', actor_id: w.deputy.user.id, school_id: w.school.id });
    expect(entry.after).toMatchObject({ teacherId: w.substitute.employee.id, daysFrom: '2026-11-10', daysTo: '2026-11-11' });
  });

  it('refuses everybody else, bad days and a missing reason, changing nothing', async () => {
    for (const who of [w.teacher, w.admin, w.director, w.parent, w.student]) await refusedGrant('FORBIDDEN', () => grant(who as Who));
    await refusedGrant('NOT_FOUND', () => grant(otherDeputy));
    await refusedGrant('BAD_USER_INPUT', () => grant(w.deputy, { reason: '  ' }), 'reason');
    await refusedGrant('BAD_USER_INPUT', () => grant(w.deputy, { daysTo: '2026-11-20' }), 'daysTo');
    await refusedGrant('BAD_USER_INPUT', () => grant(w.deputy, { daysFrom: '2026-11-12', daysTo: '2026-11-11' }), 'daysTo');
    await refusedGrant('BAD_USER_INPUT', () => grant(w.deputy, { validUntil: '2026-11-19' }), 'validUntil');
    await refusedGrant('BAD_USER_INPUT', () => grant(w.deputy, { validUntil: '2027-01-30' }), 'validUntil');
  });

  it('revokes once; only the deputy head of the school', async () => {
    const permit = ok(await grant(w.deputy, { teacher: w.substitute }), 'grantLateEntryPermit');
    await expectRefused(server, 'FORBIDDEN', () => j.as(w.teacher, REVOKE, { i: { permitId: permit.id } }));
    await expectRefused(server, 'NOT_FOUND', () => j.as(otherDeputy, REVOKE, { i: { permitId: permit.id } }));
    const revoked = ok(await j.as(w.deputy, REVOKE, { i: { permitId: permit.id } }), 'revokeLateEntryPermit');
    expect(revoked).toMatchObject({ id: permit.id, active: false });
    expect(revoked.revokedAt).toBeTruthy();
    await expectRefused(server, 'CONFLICT', () => j.as(w.deputy, REVOKE, { i: { permitId: permit.id } }));
    expect((await auditEntriesOf(server, uuidOf(permit.id))).map((e) => e.action)).toEqual(['late_entry_permit.grant', 'late_entry_permit.revoke']);
  });
});

describe('what a permit opens', () => {
  it('lets the teacher write exactly those days\' lessons while it is valid, marking each write; then the window is closed again', async () => {
    const covered = await lessonOf(em, w, { date: '2026-11-10', number: 2 });
    const alsoCovered = await lessonOf(em, w, { date: '2026-11-11', number: 2 });
    const before = await lessonOf(em, w, { date: '2026-11-09', number: 2 });
    const othersLesson = await lessonOf(em, w, { date: '2026-11-10', number: 3, subject: w.russian, teacher: w.classTeacher.employee });
    // Without a permit: closed.
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.recordMark(w.teacher, { lesson: covered, student: w.student.student, value: '5' }));
    const permit = ok(await grant(w.deputy, { validUntil: '2026-11-21' }), 'grantLateEntryPermit');
    const permitId = uuidOf(permit.id);

    const mark = ok(await j.recordMark(w.teacher, { lesson: covered, student: w.student.student, value: '5' }), 'recordMark');
    const absence = ok(await j.recordAttendance(w.teacher, { lesson: alsoCovered, student: w.classmate.student }), 'recordAttendance');
    ok(await j.setLessonRecord(w.teacher, { lesson: alsoCovered, topic: 'Дроби', homework: '№ 12' }), 'setLessonRecord');
    expect((await query(server, 'select entered_under_permit_id as p from mark where id = ?', [uuidOf(mark.id)]))[0].p).toBe(permitId);
    expect((await query(server, 'select entered_under_permit_id as p from attendance where id = ?', [uuidOf(absence.id)]))[0].p).toBe(permitId);
    expect((await query(server, 'select entered_under_permit_id as p from lesson_record where lesson_id = ?', [alsoCovered.id]))[0].p).toBe(permitId);
    expect((await auditEntriesOf(server, uuidOf(mark.id)))[0].after).toMatchObject({ underPermitId: permitId });
    // Its own corrections go through the permit too.
    ok(await j.correctMark(w.teacher, { mark: mark.id, value: '4', reason: 'Опечатка' }), 'correctMark');

    // Not the day before, not another teacher's lesson of those days.
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.recordMark(w.teacher, { lesson: before, student: w.student.student, value: '5' }));
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.recordMark(w.classTeacher, { lesson: othersLesson, student: w.student.student, value: '5' }));

    // On its last day still; the day after, closed.
    server.clock.set('2026-11-21T23:30:00+03:00');
    ok(await j.recordMark(w.teacher, { lesson: covered, student: w.classmate.student, value: '3' }), 'recordMark');
    server.clock.set('2026-11-22T00:10:00+03:00');
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.recordMark(w.teacher, { lesson: alsoCovered, student: w.student.student, value: '5' }));
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.correctMark(w.teacher, { mark: mark.id, value: '5', reason: 'Опечатка' }));
  });

  it('stops at once when revoked', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-12', number: 4 });
    const permit = ok(await grant(w.deputy, { daysFrom: '2026-11-12', daysTo: '2026-11-12' }), 'grantLateEntryPermit');
    ok(await j.recordAttendance(w.teacher, { lesson, student: w.student.student }), 'recordAttendance');
    ok(await j.as(w.deputy, REVOKE, { i: { permitId: permit.id } }), 'revokeLateEntryPermit');
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.recordAttendance(w.teacher, { lesson, student: w.classmate.student }));
  });

  it('counts the marks entered under a permit apart in the timeliness report', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-02', number: 5 });
    const late = await lessonOf(em, w, { date: '2026-11-03', number: 5 });
    const REPORT = `query($c: ID) { markTimelinessReport(classGroupId: $c, from: "2026-11-02", to: "2026-11-03") {
      marks lateMarks underPermit rows { teacherId marks lateMarks underPermit } } }`;
    ok(await grant(w.deputy, { daysFrom: '2026-11-02', daysTo: '2026-11-02' }), 'grantLateEntryPermit');
    ok(await j.recordMark(w.teacher, { lesson, student: w.student.student, value: '5' }), 'recordMark');
    // A late mark without a permit: entered two days after its lesson, inside the window.
    server.clock.set('2026-11-05T10:00:00+03:00');
    ok(await j.recordMark(w.teacher, { lesson: late, student: w.student.student, value: '4' }), 'recordMark');
    server.clock.set('2026-11-20T12:00:00+03:00');
    const report = ok(await j.as(w.deputy, REPORT, { c: toGlobalId('ClassGroup', w.class5a.id) }), 'markTimelinessReport');
    expect(report).toMatchObject({ marks: 2, lateMarks: 1, underPermit: 1 });
    expect(report.rows).toEqual([{ teacherId: teacherId(w.teacher), marks: 2, lateMarks: 1, underPermit: 1 }]);
  });
});

describe('lateEntryPermits', () => {
  it('shows the school\'s permits to its administration and a teacher their own only', async () => {
    const mine = ok(await grant(w.deputy, { reason: 'Для списка' }), 'grantLateEntryPermit');
    const theirs = ok(await grant(w.deputy, { teacher: w.classTeacher, reason: 'Для списка' }), 'grantLateEntryPermit');
    for (const who of [w.deputy, w.director, w.admin]) {
      const ids = ok(await j.as(who, LIST), 'lateEntryPermits').map((p: any) => p.id);
      expect(ids).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    }
    const own = ok(await j.as(w.teacher, LIST), 'lateEntryPermits');
    expect(own.map((p: any) => p.id)).toContain(mine.id);
    expect(own.every((p: any) => p.teacher.id === teacherId(w.teacher))).toBe(true);
    expect((await j.as(w.teacher, LIST, { t: teacherId(w.classTeacher) })).data?.lateEntryPermits).toEqual([]);
    for (const who of [w.parent, w.student, w.secretary]) expect(errorCode(await j.as(who as Who, LIST))).toBe('FORBIDDEN');
    expect(errorCode(await j.as(otherDeputy, `query($s: ID) { lateEntryPermits(schoolId: $s) { id } }`, { s: toGlobalId('School', w.school.id) }))).toBe('NOT_FOUND');
  });
});
