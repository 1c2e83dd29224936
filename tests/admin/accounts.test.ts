import { randomUUID } from 'node:crypto';
import { Employee, Role, RoleGrant, Student, User } from '../../entities';
import { PASSWORD, buildParent, buildStaff, buildStudent, buildUser, buildWorld, type World } from '../support/factories';
import { TestServer, errorCode } from '../support/server';
import { adminActors, as, expectOk, expectRefused, gid, peopleState, type AdminActors } from './support';

let server: TestServer;
let w: World;
let who: AdminActors;

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
  who = await adminActors(server.em(), w);
});
afterAll(async () => { await server.stop(); });

const CREATE = `mutation($i: CreateAccountInput!) { createAccount(input: $i) { login startingPassword account { id login mustChangePassword version roles { role school { name } } } } }`;
const GRANT = `mutation($i: RoleGrantInput!) { grantRole(input: $i) { id roles { role } } }`;
const REVOKE = `mutation($i: RoleGrantInput!) { revokeRole(input: $i) { id roles { role } } }`;
const LOCK = `mutation($i: LockAccountInput!) { lockAccount(input: $i) { id locked lockedReason version } }`;
const UNLOCK = `mutation($i: AccountVersionInput!) { unlockAccount(input: $i) { id locked version } }`;
const RESET = `mutation($i: AccountVersionInput!) { resetPassword(input: $i) { login startingPassword account { mustChangePassword } } }`;
const ISSUE = `mutation($i: IssueCredentialsInput!) { issueCredentials(input: $i) { login startingPassword account { id login mustChangePassword roles { role } } } }`;
const LOGIN = `mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken refreshToken } }`;

async function login(name: string, password: string) {
  return server.gql(LOGIN, { l: name, p: password });
}
async function version(userId: string): Promise<number> {
  return (await server.em().findOneOrFail(User, userId)).version;
}
let n = 0;
const newLogin = () => `new.user${++n}`;

describe('createAccount', () => {
  it('the ADMIN creates an account with a starting password shown once, stored only as a hash and never in the audit log', async () => {
    const data = await expectOk(server, who.admin, CREATE, { i: { login: 'New.Teacher', roles: ['TEACHER', 'PARENT'] } });
    const issued = data.createAccount;
    expect(issued.login).toBe('new.teacher');
    expect(issued.startingPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(issued.account).toMatchObject({ login: 'new.teacher', mustChangePassword: true });
    expect(issued.account.roles.map((r: any) => r.role).sort()).toEqual(['PARENT', 'TEACHER']);
    const [row] = await server.em().getConnection().execute(`select password_hash from app_user where login = 'new.teacher'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const [leak] = await server.em().getConnection().execute(
      `select count(*)::int as n from audit_entry where coalesce(before::text, '') || coalesce(after::text, '') like ?`, [`%${issued.startingPassword}%`],
    );
    expect(leak.n).toBe(0);

    // The starting password works once, for changePassword only.
    const session = await login('new.teacher', issued.startingPassword);
    expect(session.errors).toBeUndefined();
    const token = session.data!.login.accessToken;
    expect(errorCode(await server.gql(`{ me { roles } }`, {}, token))).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await server.gql(`mutation($o: String!) { changePassword(oldPassword: $o, newPassword: "a-new-password-1") }`, { o: issued.startingPassword }, token);
    expect(changed.errors).toBeUndefined();
    expect((await server.gql(`{ me { roles } }`, {}, token)).data!.me.roles.sort()).toEqual(['PARENT', 'TEACHER']);
  });

  it('refuses an Idempotency-Key: the answer holds a starting password, which is never stored', async () => {
    const token = await server.token(who.admin);
    const before = await peopleState(server);
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': 'create-1' },
      body: JSON.stringify({ query: CREATE, variables: { i: { login: newLogin(), roles: ['TEACHER'] } } }),
    });
    const r = (await res.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(await peopleState(server)).toEqual(before);
    const [stored] = await server.em().getConnection().execute(`select count(*)::int as n from idempotency_record`);
    expect(stored.n).toBe(0);
  });

  it('links the account to a card of the school; a card of another school is missing, a card with an account is refused', async () => {
    const em = server.em();
    const employee = em.create(Employee, { school: w.school, lastName: 'Новикова', firstName: 'Елена' });
    const foreign = em.create(Employee, { school: w.otherSchool, lastName: 'Чужая', firstName: 'Анна' });
    await em.flush();
    const login1 = newLogin();
    const data = await expectOk(server, who.admin, CREATE, { i: { login: login1, roles: ['TEACHER'], employeeId: gid('Employee', employee.id) } });
    expect((await server.em().findOneOrFail(Employee, employee.id)).user?.id).toBe(
      (await server.em().findOneOrFail(User, { login: login1 })).id,
    );
    expect(data.createAccount.login).toBe(login1);
    await expectRefused(server, who.admin, CREATE, { i: { login: newLogin(), roles: ['TEACHER'], employeeId: gid('Employee', foreign.id) } }, 'NOT_FOUND');
    await expectRefused(server, who.admin, CREATE, { i: { login: newLogin(), roles: ['TEACHER'], employeeId: gid('Employee', employee.id) } }, 'BAD_USER_INPUT', 'employeeId');
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    await expectRefused(server, who.admin, CREATE, { i: { login: 'admin-taken', roles: [] } }, 'BAD_USER_INPUT', 'roles');
    await expectRefused(server, who.admin, CREATE, { i: { login: newLogin(), roles: ['MUNICIPAL_COORDINATOR'] } }, 'BAD_USER_INPUT', 'roles');
    await expectRefused(server, who.admin, CREATE, { i: { login: 'a b', roles: ['TEACHER'] } }, 'BAD_USER_INPUT', 'login');
    const taken = (await server.em().findOneOrFail(User, who.teacher)).login;
    await expectRefused(server, who.admin, CREATE, { i: { login: taken, roles: ['TEACHER'] } }, 'BAD_USER_INPUT', 'login');
    await expectRefused(server, who.admin, CREATE, { i: { login: newLogin(), roles: ['TEACHER'], schoolId: 'nonsense' } }, 'BAD_USER_INPUT', 'schoolId');
  });

  it('only the ADMIN, and only in their own school', async () => {
    for (const role of ['director', 'deputyAcademic', 'secretary', 'hr', 'teacher', 'classTeacher', 'parent', 'student', 'coordinator'] as const) {
      await expectRefused(server, who[role], CREATE, { i: { login: newLogin(), roles: ['TEACHER'] } }, 'FORBIDDEN');
    }
    const foreign = await expectRefused(server, who.otherSchoolAdmin, CREATE, { i: { login: newLogin(), roles: ['TEACHER'], schoolId: gid('School', w.school.id) } }, 'NOT_FOUND');
    const missing = await expectRefused(server, who.otherSchoolAdmin, CREATE, { i: { login: newLogin(), roles: ['TEACHER'], schoolId: gid('School', randomUUID()) } }, 'NOT_FOUND');
    expect(foreign.errors).toEqual(missing.errors);
  });
});

describe('grantRole and revokeRole', () => {
  it('grants and revokes school roles of the admin\'s school, never beyond it', async () => {
    const user = await buildUser(server.em(), w.school, { roles: [Role.TEACHER] });
    const granted = await expectOk(server, who.admin, GRANT, { i: { userId: gid('User', user.id), role: 'SECRETARY' } });
    expect(granted.grantRole.roles.map((r: any) => r.role).sort()).toEqual(['SECRETARY', 'TEACHER']);
    const grant = await server.em().findOneOrFail(RoleGrant, { user: user.id, role: Role.SECRETARY });
    expect(grant.grantedBy?.id).toBe(who.admin);
    await expectRefused(server, who.admin, GRANT, { i: { userId: gid('User', user.id), role: 'SECRETARY' } }, 'BAD_USER_INPUT', 'role');
    await expectRefused(server, who.admin, GRANT, { i: { userId: gid('User', user.id), role: 'REGIONAL_COORDINATOR' } }, 'BAD_USER_INPUT', 'role');
    const revoked = await expectOk(server, who.admin, REVOKE, { i: { userId: gid('User', user.id), role: 'TEACHER' } });
    expect(revoked.revokeRole.roles.map((r: any) => r.role)).toEqual(['SECRETARY']);
    await expectRefused(server, who.admin, REVOKE, { i: { userId: gid('User', user.id), role: 'TEACHER' } }, 'BAD_USER_INPUT', 'role');
    await expectRefused(server, who.admin, REVOKE, { i: { userId: gid('User', who.admin), role: 'ADMIN' } }, 'BAD_USER_INPUT', 'role');
  });

  it('an account of another school is missing to this admin; other roles are refused', async () => {
    const foreign = await buildUser(server.em(), w.otherSchool, { roles: [Role.TEACHER] });
    const refused = await expectRefused(server, who.admin, GRANT, { i: { userId: gid('User', foreign.id), role: 'TEACHER' } }, 'NOT_FOUND');
    const missing = await expectRefused(server, who.admin, GRANT, { i: { userId: gid('User', randomUUID()), role: 'TEACHER' } }, 'NOT_FOUND');
    expect(refused.errors).toEqual(missing.errors);
    for (const role of ['director', 'secretary', 'classTeacher', 'hr'] as const) {
      await expectRefused(server, who[role], GRANT, { i: { userId: gid('User', who.teacher), role: 'ADMIN' } }, 'FORBIDDEN');
      await expectRefused(server, who[role], REVOKE, { i: { userId: gid('User', who.teacher), role: 'TEACHER' } }, 'FORBIDDEN');
    }
  });
});

describe('lockAccount and unlockAccount', () => {
  it('locking ends every session at once (refresh and access tokens), refuses logins; unlocking lets the account in again', async () => {
    const { user } = await buildStaff(server.em(), w.school, [Role.TEACHER]);
    const session = (await login(user.login, PASSWORD)).data!.login;
    expect(errorCode(await server.gql(`{ me { roles } }`, {}, session.accessToken))).toBeUndefined();

    const locked = await expectOk(server, who.admin, LOCK, { i: { userId: gid('User', user.id), reason: 'увольнение', expectedVersion: await version(user.id) } });
    expect(locked.lockAccount).toMatchObject({ locked: true, lockedReason: 'увольнение' });
    expect(errorCode(await server.gql(`{ me { roles } }`, {}, session.accessToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await server.gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, { t: session.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await login(user.login, PASSWORD))).toBe('UNAUTHENTICATED');
    const [alive] = await server.em().getConnection().execute(`select count(*)::int as n from refresh_token where user_id = ? and revoked_at is null`, [user.id]);
    expect(alive.n).toBe(0);

    await expectRefused(server, who.admin, LOCK, { i: { userId: gid('User', user.id), expectedVersion: await version(user.id) } }, 'BAD_USER_INPUT', 'userId');
    await expectOk(server, who.admin, UNLOCK, { i: { userId: gid('User', user.id), expectedVersion: await version(user.id) } });
    expect((await login(user.login, PASSWORD)).errors).toBeUndefined();
  });

  it('a stale expectedVersion answers CONFLICT and changes nothing; an admin cannot lock themself', async () => {
    const { user } = await buildStaff(server.em(), w.school, [Role.TEACHER]);
    const seen = await version(user.id);
    await expectOk(server, who.admin, GRANT, { i: { userId: gid('User', user.id), role: 'HR' } });
    await expectOk(server, who.admin, LOCK, { i: { userId: gid('User', user.id), expectedVersion: seen } });
    const current = await version(user.id);
    await expectRefused(server, who.admin, UNLOCK, { i: { userId: gid('User', user.id), expectedVersion: current - 1 } }, 'CONFLICT');
    await expectRefused(server, who.admin, LOCK, { i: { userId: gid('User', who.admin), expectedVersion: await version(who.admin) } }, 'BAD_USER_INPUT', 'userId');
  });

  it('two admins editing one account with the same version: one wins, the other gets CONFLICT', async () => {
    const { user } = await buildStaff(server.em(), w.school, [Role.TEACHER]);
    const second = await buildStaff(server.em(), w.school, [Role.ADMIN]);
    const seen = await version(user.id);
    const [t1, t2] = [await server.token(who.admin), await server.token(second.user.id)];
    const [a, b] = await Promise.all([
      server.gql(LOCK, { i: { userId: gid('User', user.id), reason: 'a', expectedVersion: seen } }, t1),
      server.gql(RESET, { i: { userId: gid('User', user.id), expectedVersion: seen } }, t2),
    ]);
    const codes = [a, b].map((r) => errorCode(r) ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    expect(await version(user.id)).toBe(seen + 1);
  });

  it('refused for every other role, and for another school\'s admin as if the account were missing', async () => {
    const target = gid('User', who.teacher);
    const v = await version(who.teacher);
    for (const role of ['director', 'deputyAcademic', 'secretary', 'classTeacher', 'parent'] as const) {
      await expectRefused(server, who[role], LOCK, { i: { userId: target, expectedVersion: v } }, 'FORBIDDEN');
    }
    await expectRefused(server, who.otherSchoolAdmin, LOCK, { i: { userId: target, expectedVersion: v } }, 'NOT_FOUND');
  });
});

describe('resetPassword', () => {
  it('issues a new starting password: the old one stops working, every session ends, the change is forced', async () => {
    const { user } = await buildStaff(server.em(), w.school, [Role.TEACHER]);
    const session = (await login(user.login, PASSWORD)).data!.login;
    const data = await expectOk(server, who.admin, RESET, { i: { userId: gid('User', user.id), expectedVersion: await version(user.id) } });
    expect(data.resetPassword).toMatchObject({ login: user.login, account: { mustChangePassword: true } });
    expect(errorCode(await server.gql(`{ me { roles } }`, {}, session.accessToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await login(user.login, PASSWORD))).toBe('UNAUTHENTICATED');
    expect((await login(user.login, data.resetPassword.startingPassword)).errors).toBeUndefined();
    await expectRefused(server, who.admin, RESET, { i: { userId: gid('User', user.id), expectedVersion: 1 } }, 'CONFLICT');
    await expectRefused(server, who.classTeacher, RESET, { i: { userId: gid('User', user.id), expectedVersion: await version(user.id) } }, 'FORBIDDEN');
  });
});

describe('issueCredentials (004 §3.2.3)', () => {
  it('the class teacher issues an account to a student of their class, and resets a parent\'s', async () => {
    const { student } = await buildStudent(server.em(), w.class5a, { lastName: 'Ёжиков' });
    const issued = await expectOk(server, who.classTeacher, ISSUE, { i: { studentId: gid('Student', student.id) } });
    expect(issued.issueCredentials.login).toMatch(/^s\.ezhikov\d*$/);
    expect(issued.issueCredentials.account).toMatchObject({ mustChangePassword: true, roles: [{ role: 'STUDENT' }] });
    expect((await server.em().findOneOrFail(Student, student.id)).user?.id).toBeDefined();
    expect((await login(issued.issueCredentials.login, issued.issueCredentials.startingPassword)).errors).toBeUndefined();

    const parent = await buildParent(server.em(), w.school, [student]);
    const parentLogin = parent.user.login;
    const reset = await expectOk(server, who.classTeacher, ISSUE, { i: { guardianId: gid('Guardian', parent.guardian.id) } });
    expect(reset.issueCredentials.login).toBe(parentLogin);
    expect(errorCode(await login(parentLogin, PASSWORD))).toBe('UNAUTHENTICATED');
  });

  it('nobody else\'s: another class\'s student or parent is missing to the class teacher; plain teachers likewise', async () => {
    const other = gid('Student', w.otherStudent.student.id);
    const refused = await expectRefused(server, who.classTeacher, ISSUE, { i: { studentId: other } }, 'NOT_FOUND');
    const missing = await expectRefused(server, who.classTeacher, ISSUE, { i: { studentId: gid('Student', randomUUID()) } }, 'NOT_FOUND');
    expect(refused.errors).toEqual(missing.errors);
    await expectRefused(server, who.classTeacher, ISSUE, { i: { guardianId: gid('Guardian', w.otherParent.guardian.id) } }, 'NOT_FOUND');
    await expectRefused(server, who.teacher, ISSUE, { i: { studentId: gid('Student', w.classmate.student.id) } }, 'NOT_FOUND');
    for (const role of ['secretary', 'director', 'parent', 'hr'] as const) {
      await expectRefused(server, who[role], ISSUE, { i: { studentId: gid('Student', w.classmate.student.id) } }, 'FORBIDDEN');
    }
    await expectRefused(server, who.classTeacher, ISSUE, { i: {} }, 'BAD_USER_INPUT', 'studentId');
    await expectRefused(server, who.classTeacher, ISSUE, { i: { studentId: gid('Student', w.student.student.id), login: 'another.login' } }, 'BAD_USER_INPUT', 'login');
  });
});

describe('accounts', () => {
  it('lists the school\'s accounts to ADMIN and DIRECTOR only, never another school\'s', async () => {
    const Q = `query($s: String) { accounts(search: $s, first: 100) { totalCount edges { node { login locked roles { role } } } } }`;
    const all = await expectOk(server, who.director, Q);
    const logins = all.accounts.edges.map((e: any) => e.node.login);
    expect(logins).toContain((await server.em().findOneOrFail(User, who.teacher)).login);
    expect(logins).not.toContain((await server.em().findOneOrFail(User, who.otherSchoolAdmin)).login);
    expect(all.accounts.totalCount).toBe(logins.length);
    const some = await expectOk(server, who.admin, Q, { s: 'new.' });
    expect(some.accounts.edges.every((e: any) => e.node.login.startsWith('new.'))).toBe(true);
    for (const role of ['secretary', 'deputyAcademic', 'teacher', 'parent', 'coordinator'] as const) {
      expect(errorCode(await as(server, who[role], Q))).toBe('FORBIDDEN');
    }
  });
});
