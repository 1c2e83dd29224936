import { MovementOrderType } from '../../entities';
import { PASSWORD, buildStudent, buildWorld, type World } from '../support/factories';
import { TestServer, errorCode } from '../support/server';
import { adminActors, as, expectOk, gid, type AdminActors } from './support';
import { User } from '../../entities';

let server: TestServer;
let w: World;
let who: AdminActors;

const ORDER = `mutation($i: CreateMovementOrderInput!) { createMovementOrder(input: $i) { id } }`;

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
  who = await adminActors(server.em(), w);
  // 5А: Аверин, Борисов + 3; one of them moves to 5Б on 2026-11-16, one leaves on 2026-11-18.
  const extra = [];
  for (let i = 0; i < 3; i += 1) extra.push((await buildStudent(server.em(), w.class5a)).student);
  const order = (studentId: string, type: MovementOrderType, effectiveOn: string, number: string, toClass?: string) =>
    expectOk(server, who.secretary, ORDER, {
      i: { studentId: gid('Student', studentId), type, number, orderDate: effectiveOn, effectiveOn, toClassId: toClass ? gid('ClassGroup', toClass) : null },
    });
  await order(extra[0].id, MovementOrderType.TRANSFER_CLASS, '2026-11-16', '10-п', w.class5b.id);
  await order(extra[1].id, MovementOrderType.WITHDRAW, '2026-11-18', '11-в');
});
afterAll(async () => { await server.stop(); });

const FILL = `query($d: Date, $n: Int) { classFillReport(date: $d, norm: $n) {
  date norm students capacity grades { grade classes students norm } classes { classGroup { name } students norm vacancies fillPercent } } }`;
const MOVEMENT = `{ movementSummaryReport(from: "2026-11-01", to: "2026-11-30") {
  arrivals departures byType { type count } classes { classGroup { name } arrivals departures } } }`;
const ACTIVITY = `{ userActivityReport(from: "2026-11-16", to: "2026-11-22") {
  users { user { login } fullName roles logins writes lastLoginAt } roles { role users activeUsers logins writes } weeks { weekStart activeUsers logins writes } } }`;

describe('classFillReport', () => {
  it('counts the students enrolled on the date per class and grade against the norm', async () => {
    const data = await expectOk(server, who.secretary, FILL, { d: '2026-11-20', n: 4 });
    const r = data.classFillReport;
    const byName = Object.fromEntries(r.classes.map((c: any) => [c.classGroup.name, c]));
    expect(byName['5А']).toEqual({ classGroup: { name: '5А' }, students: 3, norm: 4, vacancies: 1, fillPercent: 75 });
    expect(byName['5Б'].students).toBe(2);
    expect(byName['1А'].students).toBe(1);
    expect(r.grades).toEqual([{ grade: 1, classes: 1, students: 1, norm: 4 }, { grade: 5, classes: 2, students: 5, norm: 8 }]);
    expect({ students: r.students, capacity: r.capacity }).toEqual({ students: 6, capacity: 12 });
    const before = await expectOk(server, who.director, FILL, { d: '2026-11-10' });
    expect(before.classFillReport.norm).toBe(25);
    expect(before.classFillReport.students).toBe(7);
    const bad = await as(server, who.admin, FILL, { n: 0 });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'norm' });
  });

  it('is refused to teachers, families, HR; coordinators get it per school, by grade, without classes', async () => {
    for (const role of ['teacher', 'classTeacher', 'hr', 'parent', 'student', 'coordinator'] as const) {
      expect(errorCode(await as(server, who[role], FILL))).toBe('FORBIDDEN');
    }
    const BY_SCHOOL = `{ classFillBySchoolReport(date: "2026-11-20") { school { id name } students grades { grade students } } }`;
    const data = await expectOk(server, who.coordinator, BY_SCHOOL);
    expect(data.classFillBySchoolReport).toEqual([
      { school: { id: gid('School', w.school.id), name: w.school.name }, students: 6, grades: [{ grade: 1, students: 1 }, { grade: 5, students: 5 }] },
    ]);
    for (const role of ['admin', 'secretary'] as const) expect(errorCode(await as(server, who[role], BY_SCHOOL))).toBe('FORBIDDEN');
    const schema = await as(server, who.coordinator, `{ __type(name: "SchoolClassFill") { fields { name } } }`);
    expect(schema.data!.__type.fields.map((f: any) => f.name)).not.toContain('classes');
  });
});

describe('movementSummaryReport', () => {
  it('counts orders by type, arrivals and departures per class, in the span', async () => {
    const data = await expectOk(server, who.deputyAcademic, MOVEMENT);
    const r = data.movementSummaryReport;
    expect(r.byType).toEqual([{ type: 'WITHDRAW', count: 1 }, { type: 'TRANSFER_CLASS', count: 1 }].sort((a, b) => a.type.localeCompare(b.type)));
    expect(r.classes).toEqual([
      { classGroup: { name: '5А' }, arrivals: 0, departures: 2 },
      { classGroup: { name: '5Б' }, arrivals: 1, departures: 0 },
    ]);
    expect({ arrivals: r.arrivals, departures: r.departures }).toEqual({ arrivals: 0, departures: 1 });
    const september = await expectOk(server, who.secretary, `{ movementSummaryReport(from: "2026-09-01", to: "2026-09-30") { arrivals byType { type count } } }`);
    expect(september.movementSummaryReport.arrivals).toBe(7);
    const bad = await as(server, who.admin, `{ movementSummaryReport(from: "2026-09-01", to: "2028-09-30") { arrivals } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('coordinators get per-school counts only; other roles are refused', async () => {
    const data = await expectOk(server, who.coordinator, `{ movementSummaryBySchoolReport(from: "2026-11-01", to: "2026-11-30") { school { name } arrivals departures byType { type count } } }`);
    expect(data.movementSummaryBySchoolReport).toEqual([
      { school: { name: w.school.name }, arrivals: 0, departures: 1, byType: expect.arrayContaining([{ type: 'WITHDRAW', count: 1 }]) },
    ]);
    for (const role of ['teacher', 'hr', 'parent', 'coordinator'] as const) expect(errorCode(await as(server, who[role], MOVEMENT))).toBe('FORBIDDEN');
  });
});

describe('userActivityReport', () => {
  it('counts logins and writes per account, role and week', async () => {
    const teacherLogin = (await server.em().findOneOrFail(User, who.teacher)).login;
    server.clock.set(new Date('2026-11-17T09:00:00+03:00'));
    expect((await server.gql(`mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken } }`, { l: teacherLogin, p: PASSWORD })).errors).toBeUndefined();
    server.clock.set(new Date('2026-11-20T12:00:00+03:00'));
    expect((await server.gql(`mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken } }`, { l: teacherLogin, p: PASSWORD })).errors).toBeUndefined();
    const r = (await expectOk(server, who.admin, ACTIVITY)).userActivityReport;
    const teacher = r.users.find((u: any) => u.user.login === teacherLogin);
    expect(teacher).toMatchObject({ roles: ['TEACHER'], logins: 2, writes: 0, lastLoginAt: '2026-11-20T09:00:00.000Z' });
    expect(teacher.fullName).toMatch(/^Учитель-/);
    const secretary = r.users.find((u: any) => u.roles.includes('SECRETARY'));
    expect(secretary.writes).toBe(2);
    expect(r.roles.find((x: any) => x.role === 'SECRETARY')).toMatchObject({ users: 1, activeUsers: 1, writes: 2 });
    expect(r.roles.find((x: any) => x.role === 'TEACHER')).toMatchObject({ activeUsers: 1, logins: 2 });
    expect(r.weeks).toEqual([{ weekStart: '2026-11-16', activeUsers: 2, logins: 2, writes: 2 }]);

    const hr = (await expectOk(server, who.hr, ACTIVITY)).userActivityReport;
    expect(hr.users.every((u: any) => !u.roles.includes('STUDENT') && !u.roles.includes('PARENT'))).toBe(true);
    for (const role of ['teacher', 'secretary', 'parent', 'coordinator'] as const) expect(errorCode(await as(server, who[role], ACTIVITY))).toBe('FORBIDDEN');

    const bySchool = await expectOk(server, who.coordinator, `{ userActivityBySchoolReport(from: "2026-11-16", to: "2026-11-22") { school { name } roles { role activeUsers logins writes } weeks { weekStart logins } } }`);
    expect(bySchool.userActivityBySchoolReport[0].weeks).toEqual([{ weekStart: '2026-11-16', logins: 2 }]);
    const schema = await as(server, who.coordinator, `{ __type(name: "SchoolUserActivity") { fields { name } } }`);
    expect(schema.data!.__type.fields.map((f: any) => f.name)).not.toContain('users');
  });
});
