import { buildWorld, type World } from '../support/factories';
import { TestServer } from '../support/server';
import { toGlobalId } from '../../schema/global-id';
import { weekAcknowledgementsOf } from '../../domain/messages/acknowledgements.service';
import { caller, sid } from './support';

// Acknowledgement of the week (issue 15 part 3): a parent confirms per child and week; the class
// teacher gets the typed report of who has and has not. Today is Friday 2026-11-20.

let server: TestServer;
let w: World;
let as: ReturnType<typeof caller>;

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
  as = caller(server);
});
afterAll(async () => { await server.stop(); });

const ACK = `mutation($s: ID!, $week: Date!) { acknowledgeWeek(studentId: $s, weekStartsOn: $week) { guardianName acknowledgedAt } }`;
const REPORT = `query($c: ID!, $week: Date!) { classWeekAcknowledgements(classGroupId: $c, weekStartsOn: $week) { student { id } studentName acknowledged acknowledgements { guardianName } } }`;
const WEEK = '2026-11-16';

it('a parent acknowledges their child\'s week once; the class teacher sees who has and has not', async () => {
  const first = await as(w.parent.user).ok(ACK, { s: sid(w.student.student), week: WEEK });
  expect(first).toHaveLength(1);
  const again = await as(w.parent.user).ok(ACK, { s: sid(w.student.student), week: WEEK });
  expect(again).toEqual(first);

  const report = await as(w.classTeacher.user).ok(REPORT, { c: toGlobalId('ClassGroup', w.class5a.id), week: WEEK });
  const byStudent = new Map(report.map((r: any) => [r.student.id, r.acknowledged]));
  expect(byStudent.get(sid(w.student.student))).toBe(true);
  expect(byStudent.get(sid(w.classmate.student))).toBe(false);
  expect(report).toHaveLength(2);
  // For the printed weekly diary: a domain read by student and week.
  const printed = await weekAcknowledgementsOf(server.em(), w.student.student.id, WEEK);
  expect(printed.map((a) => a.guardianId)).toEqual([w.parent.guardian.id]);
});

it('refuses what is not the parent\'s, a week not begun and a day that is no Monday, writing nothing', async () => {
  const count = async () => Number((await server.em().getConnection().execute(`select count(*)::int as n from week_acknowledgement`))[0].n);
  const before = await count();
  expect(await as(w.parent.user).code(ACK, { s: sid(w.otherStudent.student), week: WEEK })).toBe('NOT_FOUND');
  expect(await as(w.parent.user).code(ACK, { s: sid(w.student.student), week: '2026-11-23' })).toBe('BAD_USER_INPUT');
  expect(await as(w.parent.user).code(ACK, { s: sid(w.student.student), week: '2026-11-17' })).toBe('BAD_USER_INPUT');
  expect(await as(w.student.user!).code(ACK, { s: sid(w.student.student), week: WEEK })).toBe('FORBIDDEN');
  expect(await as(w.classTeacher.user).code(ACK, { s: sid(w.student.student), week: WEEK })).toBe('FORBIDDEN');
  expect(await count()).toBe(before);
});

it('the report is the class teacher\'s (and the administration\'s) only', async () => {
  expect(await as(w.classTeacher.user).code(REPORT, { c: toGlobalId('ClassGroup', w.class5b.id), week: WEEK })).toBe('NOT_FOUND');
  expect(await as(w.teacher.user).code(REPORT, { c: toGlobalId('ClassGroup', w.class5a.id), week: WEEK })).toBe('NOT_FOUND');
  expect(await as(w.otherAdmin.user).code(REPORT, { c: toGlobalId('ClassGroup', w.class5a.id), week: WEEK })).toBe('NOT_FOUND');
  expect(await as(w.parent.user).code(REPORT, { c: toGlobalId('ClassGroup', w.class5a.id), week: WEEK })).toBe('FORBIDDEN');
  expect(await as(w.director.user).ok(REPORT, { c: toGlobalId('ClassGroup', w.class5a.id), week: WEEK })).toHaveLength(2);
});
