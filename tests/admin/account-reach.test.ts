import { Guardian, Role, RoleGrant, User } from '../../entities';
import { PASSWORD, buildParent, buildStaff, buildStudent, buildWorld, type World } from '../support/factories';
import { TestServer, errorCode } from '../support/server';
import { adminActors, as, expectOk, expectRefused, gid, type AdminActors } from './support';

// Issue 12: managing an account hands over all it holds, so it is allowed only when every grant
// and card of the account lies within what the actor manages (permissions/account-reach.ts).

let server: TestServer;
let w: World;
let who: AdminActors;

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
  who = await adminActors(server.em(), w);
});
afterAll(async () => { await server.stop(); });

const ISSUE = `mutation($i: IssueCredentialsInput!) { issueCredentials(input: $i) { login startingPassword } }`;
const RESET = `mutation($i: AccountVersionInput!) { resetPassword(input: $i) { login startingPassword } }`;
const LOCK = `mutation($i: LockAccountInput!) { lockAccount(input: $i) { id locked } }`;
const UNLOCK = `mutation($i: AccountVersionInput!) { unlockAccount(input: $i) { id locked } }`;
const GRANT = `mutation($i: RoleGrantInput!) { grantRole(input: $i) { id } }`;
const REVOKE_ROLE = `mutation($i: RoleGrantInput!) { revokeRole(input: $i) { id } }`;
const LINK = `mutation($i: LinkGuardianInput!) { linkGuardian(input: $i) { id } }`;
const CARD = `query($id: ID!) { studentCard(id: $id) { fullName birthDate } }`;
const DIARY = `query($id: ID!) { diary(studentId: $id, from: "2026-11-16", to: "2026-11-20") { date } }`;

const version = async (userId: string) => (await server.em().findOneOrFail(User, userId)).version;
const passwordWorks = async (login: string) => !(await server.gql(
  `mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken } }`, { l: login, p: PASSWORD })).errors;

describe('a class teacher issues credentials only for a family account all of which is in their class', () => {
  it('refuses the account of a parent who also has a child in another class, and leaves the password alone', async () => {
    const { student: inOtherClass } = await buildStudent(server.em(), w.class1a);
    const { student: inMyClass } = await buildStudent(server.em(), w.class5a);
    const mother = await buildParent(server.em(), w.school, [inMyClass, inOtherClass]);
    const r = await expectRefused(server, who.classTeacher, ISSUE, { i: { guardianId: gid('Guardian', mother.guardian.id) } }, 'FORBIDDEN');
    expect(r.errors?.[0]?.extensions?.reason).toBe('ACCOUNT_BEYOND_REACH');
    expect(await passwordWorks(mother.user.login)).toBe(true);
    // The ADMIN of the school, who manages all of it, may.
    await expectOk(server, who.admin, ISSUE, { i: { guardianId: gid('Guardian', mother.guardian.id) } });
  });

  it('refuses a parent\'s account that also holds a staff role', async () => {
    const { student } = await buildStudent(server.em(), w.class5a);
    const father = await buildParent(server.em(), w.school, [student]);
    const em = server.em();
    em.create(RoleGrant, { user: father.user, role: Role.TEACHER, school: w.school });
    await em.flush();
    await expectRefused(server, who.classTeacher, ISSUE, { i: { guardianId: gid('Guardian', father.guardian.id) } }, 'FORBIDDEN');
    expect(await passwordWorks(father.user.login)).toBe(true);
  });

  it('refuses a parent whose account is also a parent in another school', async () => {
    const { student } = await buildStudent(server.em(), w.class5a);
    const parent = await buildParent(server.em(), w.school, [student]);
    const em = server.em();
    em.create(RoleGrant, { user: parent.user, role: Role.PARENT, school: w.otherSchool });
    await em.flush();
    await expectRefused(server, who.classTeacher, ISSUE, { i: { guardianId: gid('Guardian', parent.guardian.id) } }, 'FORBIDDEN');
  });

  it('still resets a parent whose every child is in the class', async () => {
    const { student } = await buildStudent(server.em(), w.class5a);
    const parent = await buildParent(server.em(), w.school, [student, w.classmate.student]);
    const reset = await expectOk(server, who.classTeacher, ISSUE, { i: { guardianId: gid('Guardian', parent.guardian.id) } });
    expect(reset.issueCredentials.login).toBe(parent.user.login);
    expect(await passwordWorks(parent.user.login)).toBe(false);
  });
});

describe('a class teacher links only guardians of their own class', () => {
  it('cannot pull another class\'s guardian into their class (answered as missing)', async () => {
    const { student } = await buildStudent(server.em(), w.class5a);
    const missing = await expectRefused(server, who.classTeacher, LINK,
      { i: { guardianId: gid('Guardian', w.otherParent.guardian.id), studentId: gid('Student', student.id) } }, 'NOT_FOUND');
    const nobody = await expectRefused(server, who.classTeacher, LINK,
      { i: { guardianId: gid('Guardian', '00000000-0000-4000-8000-000000000000'), studentId: gid('Student', student.id) } }, 'NOT_FOUND');
    expect(missing.errors).toEqual(nobody.errors);
    // The secretary links anyone of the school; a guardian of the class links for the class teacher too.
    await expectOk(server, who.secretary, LINK, { i: { guardianId: gid('Guardian', w.otherParent.guardian.id), studentId: gid('Student', student.id) } });
    await expectOk(server, who.classTeacher, LINK, { i: { guardianId: gid('Guardian', w.parent.guardian.id), studentId: gid('Student', student.id) } });
  });
});

describe('an ADMIN manages only accounts that lie wholly in their school', () => {
  it('cannot reset, lock, unlock or grant roles to another school\'s ADMIN who is also a parent here', async () => {
    const { student } = await buildStudent(server.em(), w.class5b);
    const otherAdmin = await buildStaff(server.em(), w.otherSchool, [Role.ADMIN]);
    const em = server.em();
    em.create(RoleGrant, { user: otherAdmin.user, role: Role.PARENT, school: w.school });
    await em.flush();
    const id = gid('User', otherAdmin.user.id);
    const v = await version(otherAdmin.user.id);
    await expectRefused(server, who.admin, RESET, { i: { userId: id, expectedVersion: v } }, 'FORBIDDEN');
    await expectRefused(server, who.admin, LOCK, { i: { userId: id, expectedVersion: v, reason: 'x' } }, 'FORBIDDEN');
    await expectRefused(server, who.admin, UNLOCK, { i: { userId: id, expectedVersion: v } }, 'FORBIDDEN');
    await expectRefused(server, who.admin, GRANT, { i: { userId: id, schoolId: gid('School', w.school.id), role: 'TEACHER' } }, 'FORBIDDEN');
    await expectRefused(server, who.admin, REVOKE_ROLE, { i: { userId: id, schoolId: gid('School', w.school.id), role: 'PARENT' } }, 'FORBIDDEN');
    expect(await passwordWorks(otherAdmin.user.login)).toBe(true);
    void student;
  });

  it('an account whose only tie here is a card (another school\'s teacher who is a guardian here) is beyond reach too', async () => {
    const teacher = await buildStaff(server.em(), w.otherSchool, [Role.TEACHER]);
    const em = server.em();
    em.create(Guardian, { school: w.school, user: teacher.user, lastName: 'Совместитель', firstName: 'Пётр' });
    await em.flush();
    const id = gid('User', teacher.user.id);
    await expectRefused(server, who.admin, RESET, { i: { userId: id, expectedVersion: await version(teacher.user.id) } }, 'FORBIDDEN');
    await expectRefused(server, who.admin, LOCK, { i: { userId: id, expectedVersion: await version(teacher.user.id) } }, 'FORBIDDEN');
    expect(await passwordWorks(teacher.user.login)).toBe(true);
  });
});

describe('access ends with the role that grants it', () => {
  it('a class teacher whose TEACHER role is revoked reads none of their class any more', async () => {
    const ct = await buildStaff(server.em(), w.school, [Role.TEACHER]);
    const em = server.em();
    const cls = w.class5b;
    await em.getConnection().execute('update class_group set class_teacher_id = ? where id = ?', [ct.employee.id, cls.id]);
    const id = gid('Student', w.otherStudent.student.id);
    expect((await as(server, ct.user.id, CARD, { id })).errors).toBeUndefined();
    expect((await as(server, ct.user.id, DIARY, { id })).errors).toBeUndefined();
    await expectOk(server, who.admin, REVOKE_ROLE, { i: { userId: gid('User', ct.user.id), schoolId: gid('School', w.school.id), role: 'TEACHER' } });
    // No roles left at all: every field is closed to them; with another role (say, a parent elsewhere), the class is still not theirs.
    em.create(RoleGrant, { user: ct.user, role: Role.PARENT, school: w.school });
    await em.flush();
    expect(errorCode(await as(server, ct.user.id, CARD, { id }))).toBe('NOT_FOUND');
    expect(errorCode(await as(server, ct.user.id, DIARY, { id }))).toBe('NOT_FOUND');
    await em.getConnection().execute('update class_group set class_teacher_id = null where id = ?', [cls.id]);
  });

  it('a dismissed employee keeps no staff role of that school: a director dismissed yesterday reads no student card', async () => {
    const director = await buildStaff(server.em(), w.school, [Role.DIRECTOR]);
    const id = gid('Student', w.student.student.id);
    expect((await as(server, director.user.id, CARD, { id })).errors).toBeUndefined();
    await server.em().getConnection().execute(`update employee set dismissed_on = '2026-11-19' where id = ?`, [director.employee.id]);
    expect(errorCode(await as(server, director.user.id, CARD, { id }))).toBe('NOT_FOUND');
    // A dismissal dated ahead has not happened yet.
    await server.em().getConnection().execute(`update employee set dismissed_on = '2026-12-31' where id = ?`, [director.employee.id]);
    expect((await as(server, director.user.id, CARD, { id })).errors).toBeUndefined();
  });

  it('a dismissed class teacher reads none of their class from the dismissal date on', async () => {
    const ct = await buildStaff(server.em(), w.school, [Role.TEACHER, Role.PARENT]);
    const em = server.em();
    await em.getConnection().execute('update class_group set class_teacher_id = ? where id = ?', [ct.employee.id, w.class5b.id]);
    const id = gid('Student', w.otherStudent.student.id);
    expect((await as(server, ct.user.id, DIARY, { id })).errors).toBeUndefined();
    await em.getConnection().execute(`update employee set dismissed_on = '2026-11-20' where id = ?`, [ct.employee.id]);
    expect(errorCode(await as(server, ct.user.id, DIARY, { id }))).toBe('NOT_FOUND');
    expect(errorCode(await as(server, ct.user.id, CARD, { id }))).toBe('NOT_FOUND');
    await em.getConnection().execute('update class_group set class_teacher_id = null where id = ?', [w.class5b.id]);
  });
});
