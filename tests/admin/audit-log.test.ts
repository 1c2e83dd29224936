import { AuditEntry, Role, School, User } from '../../entities';
import { buildStaff, buildWorld, type World } from '../support/factories';
import { TestServer, errorCode } from '../support/server';
import { adminActors, as, expectOk, gid, type AdminActors } from './support';

let server: TestServer;
let w: World;
let who: AdminActors;

/** Entries of both schools: journal ones (Mark), account ones (User), at known times. */
beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
  who = await adminActors(server.em(), w);
  const em = server.em();
  const entry = (school: School, actor: string, action: string, entityType: string, entityId: string, at: string) =>
    em.create(AuditEntry, { school, actor: em.getReference(User, actor), action, entityType, entityId, at: new Date(at), after: { note: action } });
  entry(w.school, who.teacher, 'mark.record', 'Mark', w.lesson.id, '2026-11-16T09:00:00Z');
  entry(w.school, who.teacher, 'mark.correct', 'Mark', w.lesson.id, '2026-11-17T09:00:00Z');
  entry(w.school, who.classTeacher, 'attendance.record', 'Attendance', w.lesson5b.id, '2026-11-18T09:00:00Z');
  entry(w.school, who.admin, 'account.lock', 'User', who.teacher, '2026-11-18T10:00:00Z');
  entry(w.school, who.secretary, 'movement_order.create', 'MovementOrder', w.class5a.id, '2026-11-19T10:00:00Z');
  entry(w.otherSchool, who.otherSchoolAdmin, 'account.lock', 'User', who.otherSchoolAdmin, '2026-11-18T10:00:00Z');
  await em.flush();
});
afterAll(async () => { await server.stop(); });

const LOG = `query($f: AuditLogFilterInput, $first: Int, $after: String) {
  auditLog(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { at action entityType entityId actor { login } after } } } }`;

const actions = (data: any) => data.auditLog.edges.map((e: any) => e.node.action);

it('ADMIN and DIRECTOR read the whole log of their own school, newest first', async () => {
  for (const role of ['admin', 'director'] as const) {
    const data = await expectOk(server, who[role], LOG, { f: { to: '2026-11-20T00:00:00Z' } });
    expect(actions(data)).toEqual(['movement_order.create', 'account.lock', 'attendance.record', 'mark.correct', 'mark.record']);
    expect(data.auditLog.edges[0].node.after).toEqual({ note: 'movement_order.create' });
  }
});

it('DEPUTY_ACADEMIC reads the journal\'s entries only', async () => {
  const data = await expectOk(server, who.deputyAcademic, LOG, { f: { to: '2026-11-20T00:00:00Z' } });
  expect(actions(data)).toEqual(['attendance.record', 'mark.correct', 'mark.record']);
  const accounts = await expectOk(server, who.deputyAcademic, LOG, { f: { entityType: 'User' } });
  expect(accounts.auditLog.totalCount).toBe(0);
});

it('filters by actor, entity (type and id) and time', async () => {
  const byActor = await expectOk(server, who.admin, LOG, { f: { actorId: gid('User', who.teacher) } });
  expect(actions(byActor)).toEqual(['mark.correct', 'mark.record']);
  const byEntity = await expectOk(server, who.admin, LOG, { f: { entityType: 'User', entityId: gid('User', who.teacher) } });
  expect(actions(byEntity)).toEqual(['account.lock']);
  expect(byEntity.auditLog.edges[0].node.entityId).toBe(gid('User', who.teacher));
  const byTime = await expectOk(server, who.admin, LOG, { f: { from: '2026-11-17T00:00:00Z', to: '2026-11-18T09:30:00Z' } });
  expect(actions(byTime)).toEqual(['attendance.record', 'mark.correct']);
  const bad = await as(server, who.admin, LOG, { f: { from: '2026-11-18T00:00:00Z', to: '2026-11-17T00:00:00Z' } });
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  const badId = await as(server, who.admin, LOG, { f: { actorId: 'nonsense' } });
  expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actorId' });
});

it('pages as a Relay connection, first at most 100', async () => {
  const page1 = await expectOk(server, who.admin, LOG, { f: { to: '2026-11-20T00:00:00Z' }, first: 2 });
  expect(actions(page1)).toEqual(['movement_order.create', 'account.lock']);
  expect(page1.auditLog.pageInfo.hasNextPage).toBe(true);
  const page2 = await expectOk(server, who.admin, LOG, { f: { to: '2026-11-20T00:00:00Z' }, first: 2, after: page1.auditLog.pageInfo.endCursor });
  expect(actions(page2)).toEqual(['attendance.record', 'mark.correct']);
  const tooMany = await as(server, who.admin, LOG, { first: 101 });
  expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
});

it('own school only: another school\'s id answers as missing', async () => {
  const other = await as(server, who.admin, `query($s: ID) { auditLog(schoolId: $s) { totalCount } }`, { s: gid('School', w.otherSchool.id) });
  expect(errorCode(other)).toBe('NOT_FOUND');
  const theirs = await expectOk(server, who.otherSchoolAdmin, LOG, {});
  expect(actions(theirs)).toEqual(['account.lock']);
});

it('is refused to every other role', async () => {
  const hrAdmin = await buildStaff(server.em(), w.school, [Role.HR]);
  for (const userId of [who.deputyPastoral, who.teacher, who.classTeacher, who.secretary, who.hr, who.student, who.parent, who.coordinator, hrAdmin.user.id]) {
    expect(errorCode(await as(server, userId, LOG))).toBe('FORBIDDEN');
  }
  expect(errorCode(await server.gql(LOG))).toBe('UNAUTHENTICATED');
});
