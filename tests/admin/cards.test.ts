import { randomUUID } from 'node:crypto';
import { Guardian, PersonalDataAccess, Student } from '../../entities';
import { normalizeSnils } from '../../domain/people/cards.service';
import { buildParent, buildStudent, buildWorld, type World } from '../support/factories';
import { TestServer, errorCode } from '../support/server';
import { adminActors, as, expectOk, expectRefused, gid, type AdminActors } from './support';

let server: TestServer;
let w: World;
let who: AdminActors;

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
  who = await adminActors(server.em(), w);
});
afterAll(async () => { await server.stop(); });

const CARD = `query($id: ID!) { studentCard(id: $id) { id fullName birthDate snils address version personalDataConsentAt
  guardians { relation guardian { id fullName phone } } consents { givenByName withdrawnOn } } }`;
const CARDS = `query($c: ID!) { studentCards(classGroupId: $c) { id fullName address guardians { guardian { fullName phone } } } }`;
const CREATE_STUDENT = `mutation($i: CreateStudentInput!) { createStudent(input: $i) { id fullName snils email version } }`;
const UPDATE_STUDENT = `mutation($i: UpdateStudentCardInput!) { updateStudentCard(input: $i) { id address phone version } }`;
const CREATE_GUARDIAN = `mutation($i: CreateGuardianInput!) { createGuardian(input: $i) { id fullName version } }`;
const UPDATE_GUARDIAN = `mutation($i: UpdateGuardianCardInput!) { updateGuardianCard(input: $i) { id phone version } }`;
const LINK = `mutation($i: LinkGuardianInput!) { linkGuardian(input: $i) { id relation guardian { fullName } } }`;
const REVOKE = `mutation($i: RevokeGuardianshipInput!) { revokeGuardianship(input: $i) { id revokedAt } }`;
const CONSENT = `mutation($i: RecordConsentInput!) { recordConsent(input: $i) { id givenByName givenOn } }`;
const WITHDRAW = `mutation($i: WithdrawConsentInput!) { withdrawConsent(input: $i) { id withdrawnOn } }`;
const CREATE_EMPLOYEE = `mutation($i: CreateEmployeeInput!) { createEmployee(input: $i) { id fullName position version } }`;
const UPDATE_EMPLOYEE = `mutation($i: UpdateEmployeeCardInput!) { updateEmployeeCard(input: $i) { id position version } }`;

async function logged(cardId: string): Promise<PersonalDataAccess[]> {
  return server.em().find(PersonalDataAccess, { cardId }, { orderBy: { id: 'asc' } });
}

describe('reading a student\'s card', () => {
  it('follows the access matrix: own, own children, own class, the card keepers, the administration', async () => {
    const id = gid('Student', w.student.student.id);
    for (const role of ['student', 'parent', 'classTeacher', 'secretary', 'admin', 'director', 'deputyAcademic', 'deputyPastoral'] as const) {
      const data = await expectOk(server, who[role], CARD, { id });
      expect(data.studentCard.id).toBe(id);
    }
  });

  it('teachers who only teach the student see names, not the card; everyone else gets NOT_FOUND as for a missing card', async () => {
    const id = gid('Student', w.student.student.id);
    expect(errorCode(await as(server, who.teacher, CARD, { id }))).toBe('FORBIDDEN');
    const missing = await as(server, who.primaryTeacher, CARD, { id: gid('Student', randomUUID()) });
    for (const role of ['primaryTeacher', 'hr', 'coordinator', 'otherSchoolAdmin', 'noRoles'] as const) {
      const r = await as(server, who[role], CARD, { id });
      expect(r.errors).toEqual(missing.errors);
      expect(r.data).toBeNull();
    }
    const otherParent = await buildParent(server.em(), w.school, [w.otherStudent.student]);
    expect((await as(server, otherParent.user.id, CARD, { id })).errors).toEqual(missing.errors);
  });

  it('every staff read is logged (card and guardian cards read with it); the family\'s own reads are not', async () => {
    const { student } = await buildStudent(server.em(), w.class5a);
    const parent = await buildParent(server.em(), w.school, [student]);
    await expectOk(server, who.secretary, CARD, { id: gid('Student', student.id) });
    expect((await logged(student.id)).map((r) => [r.actor.id, r.cardKind, r.what])).toEqual([[who.secretary, 'STUDENT', 'studentCard']]);
    expect((await logged(parent.guardian.id)).map((r) => [r.actor.id, r.cardKind])).toEqual([[who.secretary, 'GUARDIAN']]);
    await expectOk(server, parent.user.id, CARD, { id: gid('Student', student.id) });
    expect(await logged(student.id)).toHaveLength(1);
    const denied = await as(server, who.teacher, CARD, { id: gid('Student', student.id) });
    expect(errorCode(denied)).toBe('FORBIDDEN');
    expect(await logged(student.id)).toHaveLength(1);
  });

  it('a class\'s cards cost the same statements for 2 or 12 students, and log one row per card in one insert', async () => {
    const em = server.em();
    const token = await server.token(who.secretary);
    const read = (c: string) => server.countStatements(() => server.gql(CARDS, { c }, token));
    const small = await read(gid('ClassGroup', w.class5b.id));
    for (let i = 0; i < 10; i += 1) {
      const { student } = await buildStudent(em, w.class5b);
      await buildParent(em, w.school, [student]);
    }
    const before = await em.count(PersonalDataAccess, {});
    const big = await read(gid('ClassGroup', w.class5b.id));
    expect(big.result.errors).toBeUndefined();
    const cards = big.result.data!.studentCards.length;
    expect(cards).toBeGreaterThanOrEqual(11);
    expect(big.statements).toBe(small.statements);
    const guardians = big.result.data!.studentCards.reduce((n: number, c: any) => n + c.guardians.length, 0);
    expect(await server.em().count(PersonalDataAccess, {})).toBe(before + cards + guardians);
    expect(errorCode(await as(server, who.teacher, CARDS, { c: gid('ClassGroup', w.class5b.id) }))).toBe('FORBIDDEN');
    expect(errorCode(await as(server, who.otherSchoolAdmin, CARDS, { c: gid('ClassGroup', w.class5b.id) }))).toBe('NOT_FOUND');
  });
});

describe('writing student and guardian cards', () => {
  it('the secretary creates a student card; bad fields are named; the class teacher may not create', async () => {
    const consent = { givenByName: 'Новая Анна', givenByRelation: 'мать', givenOn: '2026-11-01' };
    const data = await expectOk(server, who.secretary, CREATE_STUDENT, { i: { lastName: 'Новый', firstName: 'Пётр', snils: '112-233-445 95', email: 'p@example.ru', consent } });
    expect(data.createStudent).toMatchObject({ fullName: 'Новый Пётр', snils: '11223344595', version: 1 });
    // Beyond the name, a card's fields need a consent (004 §6.1): refused without one, and nothing is written.
    const refused = await expectRefused(server, who.secretary, CREATE_STUDENT, { i: { lastName: 'Новый', firstName: 'Пётр', email: 'p@example.ru' } }, 'CONSENT_REQUIRED');
    expect(refused.errors![0].extensions).toMatchObject({ fields: ['email'], consent: { card: 'STUDENT', givenBy: 'LEGAL_REPRESENTATIVE' } });
    expect((await expectOk(server, who.secretary, CREATE_STUDENT, { i: { lastName: 'Новый', firstName: 'Павел' } })).createStudent.version).toBe(1);
    await expectRefused(server, who.secretary, CREATE_STUDENT, { i: { lastName: 'Новый', firstName: 'Пётр', snils: '11223344594' } }, 'BAD_USER_INPUT', 'snils');
    await expectRefused(server, who.secretary, CREATE_STUDENT, { i: { lastName: ' ', firstName: 'Пётр' } }, 'BAD_USER_INPUT', 'lastName');
    await expectRefused(server, who.secretary, CREATE_STUDENT, { i: { lastName: 'Новый' } }, 'BAD_USER_INPUT', 'firstName');
    await expectRefused(server, who.secretary, CREATE_STUDENT, { i: { lastName: 'Н', firstName: 'П', email: 'nope' } }, 'BAD_USER_INPUT', 'email');
    await expectRefused(server, who.secretary, CREATE_STUDENT, { i: { lastName: 'Н', firstName: 'П', birthDate: '2030-01-01' } }, 'BAD_USER_INPUT', 'birthDate');
    for (const role of ['classTeacher', 'admin', 'director', 'hr', 'parent'] as const) {
      await expectRefused(server, who[role], CREATE_STUDENT, { i: { lastName: 'Н', firstName: 'П' } }, 'FORBIDDEN');
    }
    await expectRefused(server, who.otherSchoolSecretary, CREATE_STUDENT, { i: { lastName: 'Н', firstName: 'П', schoolId: gid('School', w.school.id) } }, 'NOT_FOUND');
  });

  it('the class teacher maintains their own class\'s cards; another class\'s is missing; a stale version is a CONFLICT', async () => {
    const s = w.classmate.student;
    const v = (await server.em().findOneOrFail(Student, s.id)).version;
    const data = await expectOk(server, who.classTeacher, UPDATE_STUDENT, { i: { studentId: gid('Student', s.id), expectedVersion: v, address: 'ул. Ленина, 1' } });
    expect(data.updateStudentCard).toMatchObject({ address: 'ул. Ленина, 1', version: v + 1 });
    await expectRefused(server, who.secretary, UPDATE_STUDENT, { i: { studentId: gid('Student', s.id), expectedVersion: v, phone: '+7 900 000-00-00' } }, 'CONFLICT');
    const cleared = await expectOk(server, who.secretary, UPDATE_STUDENT, { i: { studentId: gid('Student', s.id), expectedVersion: v + 1, address: null } });
    expect(cleared.updateStudentCard.address).toBeNull();
    const other = { studentId: gid('Student', w.otherStudent.student.id), expectedVersion: 1, address: 'x' };
    const refused = await expectRefused(server, who.classTeacher, UPDATE_STUDENT, { i: other }, 'NOT_FOUND');
    const missing = await expectRefused(server, who.classTeacher, UPDATE_STUDENT, { i: { ...other, studentId: gid('Student', randomUUID()) } }, 'NOT_FOUND');
    expect(refused.errors).toEqual(missing.errors);
    await expectRefused(server, who.teacher, UPDATE_STUDENT, { i: { ...other, studentId: gid('Student', s.id) } }, 'NOT_FOUND');
    await expectRefused(server, who.hr, UPDATE_STUDENT, { i: { ...other, studentId: gid('Student', s.id) } }, 'FORBIDDEN');
  });

  it('the secretary creates a guardian and links them; revoking ends the parent\'s access at once', async () => {
    const { student } = await buildStudent(server.em(), w.class5a);
    const g = (await expectOk(server, who.secretary, CREATE_GUARDIAN, { i: { lastName: 'Мамина', firstName: 'Ольга' } })).createGuardian;
    const link = (await expectOk(server, who.secretary, LINK, { i: { guardianId: g.id, studentId: gid('Student', student.id), relation: 'мать' } })).linkGuardian;
    expect(link).toMatchObject({ relation: 'мать', guardian: { fullName: 'Мамина Ольга' } });
    await expectRefused(server, who.secretary, LINK, { i: { guardianId: g.id, studentId: gid('Student', student.id) } }, 'BAD_USER_INPUT', 'guardianId');
    const parent = await buildParent(server.em(), w.school, [student]);
    expect((await as(server, parent.user.id, CARD, { id: gid('Student', student.id) })).errors).toBeUndefined();
    const links = (await expectOk(server, who.secretary, CARD, { id: gid('Student', student.id) })).studentCard.guardians;
    expect(links).toHaveLength(2);
    const theirs = parent.guardianships[0].id;
    await expectOk(server, who.classTeacher, REVOKE, { i: { guardianshipId: gid('Guardianship', theirs) } });
    expect(errorCode(await as(server, parent.user.id, CARD, { id: gid('Student', student.id) }))).toBe('NOT_FOUND');
    await expectRefused(server, who.secretary, REVOKE, { i: { guardianshipId: gid('Guardianship', theirs) } }, 'BAD_USER_INPUT', 'guardianshipId');
    await expectRefused(server, who.teacher, REVOKE, { i: { guardianshipId: link.id } }, 'NOT_FOUND');
    await expectRefused(server, who.parent, LINK, { i: { guardianId: g.id, studentId: gid('Student', student.id) } }, 'FORBIDDEN');
    const foreignGuardian = await buildParent(server.em(), w.otherSchool, []);
    await expectRefused(server, who.secretary, LINK, { i: { guardianId: gid('Guardian', foreignGuardian.guardian.id), studentId: gid('Student', student.id) } }, 'NOT_FOUND');
  });

  it('guardian cards: their own class\'s for the class teacher, CONFLICT on a stale version', async () => {
    await expectRefused(server, who.classTeacher, UPDATE_GUARDIAN, {
      i: { guardianId: gid('Guardian', w.parent.guardian.id), expectedVersion: 1, phone: '+7 900 111-22-33' },
    }, 'CONSENT_REQUIRED');
    await expectOk(server, who.classTeacher, CONSENT, { i: { guardianId: gid('Guardian', w.parent.guardian.id), givenByName: 'сама', givenByRelation: 'сам', givenOn: '2026-11-01' } });
    const guardian = await server.em().findOneOrFail(Guardian, w.parent.guardian.id);
    const data = await expectOk(server, who.classTeacher, UPDATE_GUARDIAN, { i: { guardianId: gid('Guardian', guardian.id), expectedVersion: guardian.version, phone: '+7 900 111-22-33' } });
    expect(data.updateGuardianCard.phone).toBe('+7 900 111-22-33');
    await expectRefused(server, who.classTeacher, UPDATE_GUARDIAN, { i: { guardianId: gid('Guardian', guardian.id), expectedVersion: guardian.version, phone: '+7 1' } }, 'CONFLICT');
    await expectRefused(server, who.classTeacher, UPDATE_GUARDIAN, { i: { guardianId: gid('Guardian', w.otherParent.guardian.id), expectedVersion: 1, phone: '+7 900 111-22-33' } }, 'NOT_FOUND');
    const read = await expectOk(server, who.classTeacher, `query($id: ID!) { guardianCard(id: $id) { fullName phone } }`, { id: gid('Guardian', guardian.id) });
    expect(read.guardianCard.phone).toBe('+7 900 111-22-33');
    expect(errorCode(await as(server, who.classTeacher, `query($id: ID!) { guardianCard(id: $id) { fullName } }`, { id: gid('Guardian', w.otherParent.guardian.id) }))).toBe('NOT_FOUND');
  });
});

describe('consents to personal-data processing', () => {
  it('recording one marks the card; withdrawing the last clears it; neither bumps the card\'s version', async () => {
    const em = server.em();
    const student = em.create(Student, { school: w.school, lastName: 'Согласнов', firstName: 'Иван' });
    await em.flush();
    const consent = (await expectOk(server, who.secretary, CONSENT, {
      i: { studentId: gid('Student', student.id), givenByName: 'Согласнова Мария', givenByRelation: 'мать', givenOn: '2026-11-19', document: 'заявление №1' },
    })).recordConsent;
    const marked = await server.em().findOneOrFail(Student, student.id);
    expect(marked.personalDataConsentAt).toBeInstanceOf(Date);
    expect(marked.version).toBe(student.version);
    await expectRefused(server, who.secretary, WITHDRAW, { i: { consentId: consent.id, withdrawnOn: '2026-11-01' } }, 'BAD_USER_INPUT', 'withdrawnOn');
    await expectOk(server, who.secretary, WITHDRAW, { i: { consentId: consent.id, withdrawnOn: '2026-11-20' } });
    const cleared = await server.em().findOneOrFail(Student, student.id);
    expect(cleared.personalDataConsentAt ?? null).toBeNull();
    expect(cleared.version).toBe(student.version);
    await expectRefused(server, who.secretary, WITHDRAW, { i: { consentId: consent.id, withdrawnOn: '2026-11-20' } }, 'BAD_USER_INPUT', 'consentId');
  });

  it('validates, and is refused to those who may not write the card', async () => {
    const id = gid('Student', w.student.student.id);
    await expectRefused(server, who.secretary, CONSENT, { i: { givenByName: 'X', givenOn: '2026-11-01' } }, 'BAD_USER_INPUT', 'studentId');
    await expectRefused(server, who.secretary, CONSENT, { i: { studentId: id, givenByName: ' ', givenOn: '2026-11-01' } }, 'BAD_USER_INPUT', 'givenByName');
    await expectRefused(server, who.secretary, CONSENT, { i: { studentId: id, givenByName: 'X', givenOn: '2027-01-01' } }, 'BAD_USER_INPUT', 'givenOn');
    await expectRefused(server, who.teacher, CONSENT, { i: { studentId: id, givenByName: 'X', givenOn: '2026-11-01' } }, 'NOT_FOUND');
    await expectRefused(server, who.hr, CONSENT, { i: { studentId: id, givenByName: 'X', givenOn: '2026-11-01' } }, 'NOT_FOUND');
    await expectRefused(server, who.parent, CONSENT, { i: { studentId: id, givenByName: 'X', givenOn: '2026-11-01' } }, 'FORBIDDEN');
    await expectOk(server, who.hr, CONSENT, { i: { employeeId: gid('Employee', w.teacher.employee.id), givenByName: 'сам', givenOn: '2026-09-01' } });
  });
});

describe('employee cards', () => {
  it('HR and the secretary write them, the administration reads them, teachers see names only', async () => {
    const created = (await expectOk(server, who.hr, CREATE_EMPLOYEE, { i: { lastName: 'Кадрова', firstName: 'Нина', position: 'учитель', hiredOn: '2026-08-25' } })).createEmployee;
    const updated = await expectOk(server, who.secretary, UPDATE_EMPLOYEE, { i: { employeeId: created.id, expectedVersion: created.version, position: 'завуч' } });
    expect(updated.updateEmployeeCard).toMatchObject({ position: 'завуч', version: created.version + 1 });
    await expectRefused(server, who.hr, UPDATE_EMPLOYEE, { i: { employeeId: created.id, expectedVersion: created.version, position: 'x' } }, 'CONFLICT');
    await expectRefused(server, who.hr, UPDATE_EMPLOYEE, { i: { employeeId: created.id, expectedVersion: created.version + 1, dismissedOn: '2026-01-01' } }, 'BAD_USER_INPUT', 'dismissedOn');
    await expectRefused(server, who.otherSchoolSecretary, UPDATE_EMPLOYEE, { i: { employeeId: created.id, expectedVersion: created.version + 1, position: 'x' } }, 'NOT_FOUND');
    for (const role of ['teacher', 'admin', 'director', 'parent'] as const) {
      await expectRefused(server, who[role], CREATE_EMPLOYEE, { i: { lastName: 'К', firstName: 'Н' } }, 'FORBIDDEN');
    }
    const LIST = `{ employeeCards { fullName position phone } }`;
    for (const role of ['admin', 'director', 'deputyAcademic', 'deputyPastoral', 'hr', 'secretary'] as const) {
      expect((await expectOk(server, who[role], LIST)).employeeCards.map((e: any) => e.fullName)).toContain('Кадрова Нина');
    }
    for (const role of ['teacher', 'parent', 'student', 'coordinator'] as const) expect(errorCode(await as(server, who[role], LIST))).toBe('FORBIDDEN');
  });
});

it('СНИЛС checksums', () => {
  expect(normalizeSnils('112-233-445 95')).toBe('11223344595');
  expect(normalizeSnils('11223344596')).toBeNull();
  expect(normalizeSnils('1234')).toBeNull();
});
