import { AuditEntry, Employee, Guardian, PersonalDataConsent, Role, RoleGrant, Student, type School } from '../../entities';
import {
  buildClass, buildParent, buildSchool, buildStaff, buildStudent, buildWorld, type World,
} from '../support/factories';
import { TestServer, errorCode } from '../support/server';
import { adminActors, as, expectOk, expectRefused, gid, type AdminActors } from './support';

// Personal data as the regulation keeps it (004 §3.1, §6.1): the access log read by the
// school's heads, consents enforced on every write of a card's personal fields, the cards
// lacking a consent, employee consents read with the card.

let server: TestServer;
let w: World;
let who: AdminActors;

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
  who = await adminActors(server.em(), w);
});
afterAll(async () => { await server.stop(); });

const CARD = `query($id: ID!) { studentCard(id: $id) { id fullName guardians { guardian { fullName } } } }`;
const LOG = `query($s: ID, $f: PersonalDataLogFilterInput, $first: Int, $after: String) {
  personalDataLog(schoolId: $s, filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { at reader { id login } readerName cardKind cardId subjectName what } } } }`;
const LACKING = `query($s: ID, $f: CardsLackingConsentFilterInput, $first: Int, $after: String) {
  cardsLackingConsent(schoolId: $s, filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { kind cardId fullName holdsPersonalData lastWithdrawnOn } } } }`;
const CREATE_STUDENT = `mutation($i: CreateStudentInput!) { createStudent(input: $i) { id birthDate personalDataConsentAt consents { givenByName givenByRelation } } }`;
const UPDATE_STUDENT = `mutation($i: UpdateStudentCardInput!) { updateStudentCard(input: $i) { id address birthDate version } }`;
const CREATE_GUARDIAN = `mutation($i: CreateGuardianInput!) { createGuardian(input: $i) { id phone personalDataConsentAt consents { givenByName } } }`;
const CREATE_EMPLOYEE = `mutation($i: CreateEmployeeInput!) { createEmployee(input: $i) { id phone position personalDataConsentAt version } }`;
const UPDATE_EMPLOYEE = `mutation($i: UpdateEmployeeCardInput!) { updateEmployeeCard(input: $i) { id email version personalDataConsentAt } }`;
const CONSENT = `mutation($i: RecordConsentInput!) { recordConsent(input: $i) { id } }`;
const WITHDRAW = `mutation($i: WithdrawConsentInput!) { withdrawConsent(input: $i) { id withdrawnOn } }`;

type LogNode = { at: string; reader: { id: string; login: string }; readerName: string | null; cardKind: string; cardId: string; subjectName: string | null; what: string };
const nodes = (data: any, field: string) => data[field].edges.map((e: any) => e.node);

describe('the personal-data access log', () => {
  let school: School;
  let heads: { admin: string; director: string; secretary: string; classTeacher: string; teacher: string; deputy: string; pastoral: string; hr: string };
  let students: Student[];
  let guardian: Guardian;

  beforeAll(async () => {
    const em = server.em();
    school = await buildSchool(em);
    const [admin, director, secretary, classTeacher, teacher, deputy, pastoral, hr] = await Promise.all(
      [Role.ADMIN, Role.DIRECTOR, Role.SECRETARY, Role.TEACHER, Role.TEACHER, Role.DEPUTY_ACADEMIC, Role.DEPUTY_PASTORAL, Role.HR]
        .map(async (r) => buildStaff(em, school, [r])),
    );
    heads = {
      admin: admin.user.id, director: director.user.id, secretary: secretary.user.id, classTeacher: classTeacher.user.id,
      teacher: teacher.user.id, deputy: deputy.user.id, pastoral: pastoral.user.id, hr: hr.user.id,
    };
    const cls = await buildClass(em, school, { classTeacher: classTeacher.employee });
    students = [];
    for (let i = 0; i < 3; i += 1) students.push((await buildStudent(em, cls, { lastName: `Читаемый-${i}` })).student);
    guardian = (await buildParent(em, school, [students[0]])).guardian;
    // The reads, a day apart: the secretary reads student 0 (and their guardian with it), the class teacher 0 and 1, the admin 2.
    server.clock.set('2026-11-16T09:00:00Z');
    await expectOk(server, heads.secretary, CARD, { id: gid('Student', students[0].id) });
    server.clock.set('2026-11-17T09:00:00Z');
    await expectOk(server, heads.classTeacher, CARD, { id: gid('Student', students[0].id) });
    await expectOk(server, heads.classTeacher, `query($c: ID!) { studentCards(classGroupId: $c) { id } }`, { c: gid('ClassGroup', cls.id) });
    server.clock.set('2026-11-18T09:00:00Z');
    await expectOk(server, heads.admin, CARD, { id: gid('Student', students[2].id) });
    server.clock.set('2026-11-20T09:00:00Z');
  });

  it('ADMIN and DIRECTOR read who read whose card, when and through what, newest first', async () => {
    for (const head of [heads.admin, heads.director]) {
      const data = await expectOk(server, head, LOG);
      const log: LogNode[] = nodes(data, 'personalDataLog');
      expect(data.personalDataLog.totalCount).toBe(log.length);
      // Newest first; a card read logs the student's card, then the guardian cards read with it (a later batch, so listed before it).
      const g = guardian.fullName;
      expect(log.map((r) => [r.reader.id, r.cardKind, r.subjectName, r.what])).toEqual([
        [gid('User', heads.admin), 'STUDENT', 'Читаемый-2 Иван', 'studentCard'],
        ...[2, 1, 0].map((i) => [gid('User', heads.classTeacher), 'STUDENT', `Читаемый-${i} Иван`, 'studentCards']),
        [gid('User', heads.classTeacher), 'GUARDIAN', g, 'studentCard'],
        [gid('User', heads.classTeacher), 'STUDENT', 'Читаемый-0 Иван', 'studentCard'],
        [gid('User', heads.secretary), 'GUARDIAN', g, 'studentCard'],
        [gid('User', heads.secretary), 'STUDENT', 'Читаемый-0 Иван', 'studentCard'],
      ]);
      expect(log[0].readerName).toMatch(/^Учитель-/);
      expect(log[0].at).toBe('2026-11-18T09:00:00.000Z');
      expect(log[0].cardId).toBe(gid('Student', students[2].id));
    }
  });

  it('filters by reader, by card, by dates; combined', async () => {
    const byReader: LogNode[] = nodes(await expectOk(server, heads.admin, LOG, { f: { readerId: gid('User', heads.secretary) } }), 'personalDataLog');
    expect(byReader.map((r) => r.cardKind).sort()).toEqual(['GUARDIAN', 'STUDENT']);
    const byCard: LogNode[] = nodes(await expectOk(server, heads.admin, LOG, { f: { cardId: gid('Student', students[0].id) } }), 'personalDataLog');
    expect(byCard.map((r) => [r.reader.id, r.what])).toEqual([
      [gid('User', heads.classTeacher), 'studentCards'], [gid('User', heads.classTeacher), 'studentCard'], [gid('User', heads.secretary), 'studentCard'],
    ]);
    const byGuardian: LogNode[] = nodes(await expectOk(server, heads.admin, LOG, { f: { cardId: gid('Guardian', guardian.id) } }), 'personalDataLog');
    expect(byGuardian.map((r) => r.reader.id)).toEqual([gid('User', heads.classTeacher), gid('User', heads.secretary)]);
    const span: LogNode[] = nodes(await expectOk(server, heads.admin, LOG, { f: { from: '2026-11-17T00:00:00Z', to: '2026-11-18T00:00:00Z' } }), 'personalDataLog');
    expect(span.every((r) => r.reader.id === gid('User', heads.classTeacher))).toBe(true);
    expect(span).toHaveLength(5);
    const both: LogNode[] = nodes(await expectOk(server, heads.director, LOG, {
      f: { cardId: gid('Student', students[0].id), from: '2026-11-17T00:00:00Z', readerId: gid('User', heads.classTeacher) },
    }), 'personalDataLog');
    expect(both).toHaveLength(2);
    expect(errorCode(await as(server, heads.admin, LOG, { f: { from: '2026-11-18T00:00:00Z', to: '2026-11-17T00:00:00Z' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await as(server, heads.admin, LOG, { f: { cardId: gid('ClassGroup', students[0].id) } }))).toBe('BAD_USER_INPUT');
  });

  it('pages Relay-style, one statement a page whatever its size (past the end too)', async () => {
    const token = await server.token(heads.admin);
    const page1 = await server.countStatements(() => server.gql(LOG, { first: 2 }, token));
    expect(page1.result.data!.personalDataLog.pageInfo.hasNextPage).toBe(true);
    const total = page1.result.data!.personalDataLog.totalCount;
    const page2 = await server.gql(LOG, { first: 2, after: page1.result.data!.personalDataLog.pageInfo.endCursor }, token);
    const all = await server.countStatements(() => server.gql(LOG, { first: 100 }, token));
    const flat = nodes(all.result.data, 'personalDataLog');
    expect([...nodes(page1.result.data, 'personalDataLog'), ...nodes(page2.data, 'personalDataLog')]).toEqual(flat.slice(0, 4));
    expect(all.statements).toBe(page1.statements);
    const past = await server.countStatements(() => server.gql(LOG, { first: 2, after: Buffer.from('pos:500').toString('base64url') }, token));
    expect(past.result.data!.personalDataLog).toMatchObject({ totalCount: total, edges: [], pageInfo: { hasNextPage: false } });
    expect(past.statements).toBe(page1.statements);
    // The statement that reads the page: one, whatever it holds.
    const rec = server.recordStatements(/personal_data_access/);
    await server.gql(LOG, { first: 100 }, token);
    rec.stop();
    expect(rec.statements).toHaveLength(1);
    // Reading the log is not a read of a card: it logs nothing.
    expect(nodes((await server.gql(LOG, { first: 100 }, token)).data, 'personalDataLog')).toHaveLength(flat.length);
  });

  it('is refused to everyone else: the rest of the staff, the families, another school, a revoked ADMIN', async () => {
    for (const other of [heads.secretary, heads.classTeacher, heads.teacher, heads.deputy, heads.pastoral, heads.hr, who.parent, who.student, who.coordinator]) {
      expect(errorCode(await as(server, other, LOG))).toBe('FORBIDDEN');
    }
    // Another school's ADMIN: our school is missing to them, and their own log holds none of our reads.
    expect(errorCode(await as(server, who.otherSchoolAdmin, LOG, { s: gid('School', school.id) }))).toBe('NOT_FOUND');
    const theirs = await expectOk(server, who.otherSchoolAdmin, LOG, { f: { cardId: gid('Student', students[0].id) } });
    expect(theirs.personalDataLog.totalCount).toBe(0);
    expect(nodes(await expectOk(server, who.otherSchoolAdmin, LOG), 'personalDataLog')).toEqual([]);
    // An ADMIN of the world's school is not one of this school.
    expect(errorCode(await as(server, who.admin, LOG, { s: gid('School', school.id) }))).toBe('NOT_FOUND');
    // A revoked ADMIN: once the grant is gone, refused at once (a second role elsewhere keeps them signed in, not reading).
    const em = server.em();
    const revoked = await buildStaff(em, school, [Role.ADMIN, Role.TEACHER]);
    const token = await server.token(revoked.user.id);
    expect((await server.gql(LOG, {}, token)).errors).toBeUndefined();
    await em.nativeDelete(RoleGrant, { user: revoked.user.id, role: Role.ADMIN });
    expect(errorCode(await server.gql(LOG, {}, token))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(LOG, { s: gid('School', school.id) }, token))).toBe('FORBIDDEN');
  });
});

describe('consents enforced on every write of a card\'s personal fields (004 §6.1)', () => {
  it('a student card without a consent takes no personal field; clearing one needs none; a consent in force lets it in, withdrawing stops it', async () => {
    const em = server.em();
    const student = em.create(Student, { school: w.school, lastName: 'Несогласный', firstName: 'Олег', address: 'старый адрес' });
    await em.flush();
    const id = gid('Student', student.id);
    const refused = await expectRefused(server, who.secretary, UPDATE_STUDENT, { i: { studentId: id, expectedVersion: 1, birthDate: '2015-04-01' } }, 'CONSENT_REQUIRED');
    expect(refused.errors![0].extensions).toMatchObject({ fields: ['birthDate'], consent: { card: 'STUDENT', cardId: id, givenBy: 'LEGAL_REPRESENTATIVE' } });
    expect(refused.errors![0].message).toMatch(/parent or legal representative/);
    // The class teacher is refused alike (they do not hold the student's own class here: NOT_FOUND comes first).
    await expectRefused(server, who.classTeacher, UPDATE_STUDENT, { i: { studentId: id, expectedVersion: 1, birthDate: '2015-04-01' } }, 'NOT_FOUND');
    // Validation before the consent rule; the unchanged value needs nothing; clearing needs no consent.
    await expectRefused(server, who.secretary, UPDATE_STUDENT, { i: { studentId: id, expectedVersion: 1, birthDate: '2030-01-01' } }, 'BAD_USER_INPUT', 'birthDate');
    await expectOk(server, who.secretary, UPDATE_STUDENT, { i: { studentId: id, expectedVersion: 1, address: 'старый адрес', lastName: 'Несогласный' } });
    const cleared = (await expectOk(server, who.secretary, UPDATE_STUDENT, { i: { studentId: id, expectedVersion: 1, address: null } })).updateStudentCard;
    expect(cleared).toMatchObject({ address: null, version: 2 });
    // A minor's consent is their parent's or legal representative's, not their own.
    await expectRefused(server, who.secretary, CONSENT, { i: { studentId: id, givenByName: 'Несогласный Олег', givenByRelation: 'сам', givenOn: '2026-11-19' } }, 'BAD_USER_INPUT', 'givenByRelation');
    await expectRefused(server, who.secretary, CONSENT, { i: { studentId: id, givenByName: 'Несогласная Мария', givenOn: '2026-11-19' } }, 'BAD_USER_INPUT', 'givenByRelation');
    const consent = (await expectOk(server, who.secretary, CONSENT, { i: { studentId: id, givenByName: 'Несогласная Мария', givenByRelation: 'мать', givenOn: '2026-11-19' } })).recordConsent;
    const ok = (await expectOk(server, who.secretary, UPDATE_STUDENT, { i: { studentId: id, expectedVersion: 2, birthDate: '2015-04-01', address: 'ул. Мира, 2' } })).updateStudentCard;
    expect(ok).toMatchObject({ birthDate: '2015-04-01', address: 'ул. Мира, 2', version: 3 });
    await expectOk(server, who.secretary, WITHDRAW, { i: { consentId: consent.id, withdrawnOn: '2026-11-20' } });
    await expectRefused(server, who.secretary, UPDATE_STUDENT, { i: { studentId: id, expectedVersion: 3, address: 'ул. Мира, 3' } }, 'CONSENT_REQUIRED');
  });

  it('an adult student gives their own consent', async () => {
    const em = server.em();
    const student = em.create(Student, { school: w.school, lastName: 'Взрослый', firstName: 'Пётр', birthDate: '2007-05-01' });
    await em.flush();
    const id = gid('Student', student.id);
    const refused = await expectRefused(server, who.secretary, UPDATE_STUDENT, { i: { studentId: id, expectedVersion: 1, address: 'x' } }, 'CONSENT_REQUIRED');
    expect(refused.errors![0].extensions).toMatchObject({ consent: { givenBy: 'SUBJECT' } });
    await expectOk(server, who.secretary, CONSENT, { i: { studentId: id, givenByName: 'Взрослый Пётр', givenByRelation: 'сам', givenOn: '2026-11-19' } });
    await expectOk(server, who.secretary, UPDATE_STUDENT, { i: { studentId: id, expectedVersion: 1, address: 'x' } });
  });

  it('new cards: the consent comes with them, in the same transaction, or only the name goes in', async () => {
    const consent = { givenByName: 'Мамина Ольга', givenByRelation: 'мать', givenOn: '2026-11-20', document: 'заявление №7' };
    await expectRefused(server, who.secretary, CREATE_STUDENT, { i: { lastName: 'Новенький', firstName: 'Ян', birthDate: '2016-01-01' } }, 'CONSENT_REQUIRED');
    await expectRefused(server, who.secretary, CREATE_STUDENT, { i: { lastName: 'Новенький', firstName: 'Ян', birthDate: '2016-01-01', consent: { ...consent, givenByRelation: 'сам' } } }, 'BAD_USER_INPUT', 'givenByRelation');
    await expectRefused(server, who.secretary, CREATE_STUDENT, { i: { lastName: 'Новенький', firstName: 'Ян', birthDate: '2016-01-01', consent: { ...consent, givenOn: '2026-12-01' } } }, 'BAD_USER_INPUT', 'givenOn');
    await expectRefused(server, who.secretary, CREATE_STUDENT, { i: { lastName: 'Новенький', firstName: 'Ян', birthDate: '2016-01-01', consent: { ...consent, givenByName: ' ' } } }, 'BAD_USER_INPUT', 'givenByName');
    const created = (await expectOk(server, who.secretary, CREATE_STUDENT, { i: { lastName: 'Новенький', firstName: 'Ян', birthDate: '2016-01-01', consent } })).createStudent;
    expect(created).toMatchObject({ birthDate: '2016-01-01', consents: [{ givenByName: 'Мамина Ольга', givenByRelation: 'мать' }] });
    expect(created.personalDataConsentAt).toBe(server.clock.now().toISOString());
    const em = server.em();
    const studentId = (await em.findOneOrFail(Student, { lastName: 'Новенький' })).id;
    expect(await em.count(AuditEntry, { entityType: 'PersonalDataConsent', action: 'consent.record', after: { $ne: null } })).toBeGreaterThan(0);
    expect(await em.count(PersonalDataConsent, { student: studentId, document: 'заявление №7' })).toBe(1);

    const g = await expectRefused(server, who.secretary, CREATE_GUARDIAN, { i: { lastName: 'Папин', firstName: 'Иван', phone: '+7 900 000-00-01' } }, 'CONSENT_REQUIRED');
    expect(g.errors![0].extensions).toMatchObject({ fields: ['phone'], consent: { card: 'GUARDIAN', cardId: null, givenBy: 'SUBJECT' } });
    const guardian = (await expectOk(server, who.secretary, CREATE_GUARDIAN, {
      i: { lastName: 'Папин', firstName: 'Иван', phone: '+7 900 000-00-01', consent: { givenByName: 'Папин Иван', givenByRelation: 'сам', givenOn: '2026-11-20' } },
    })).createGuardian;
    expect(guardian).toMatchObject({ phone: '+7 900 000-00-01', consents: [{ givenByName: 'Папин Иван' }] });
    expect(guardian.personalDataConsentAt).not.toBeNull();
  });

  it('employee cards: phone and e-mail need the employee\'s consent, position and dates do not', async () => {
    const e = await expectRefused(server, who.hr, CREATE_EMPLOYEE, { i: { lastName: 'Кадров', firstName: 'Ян', phone: '+7 900 000-00-02' } }, 'CONSENT_REQUIRED');
    expect(e.errors![0].extensions).toMatchObject({ fields: ['phone'], consent: { card: 'EMPLOYEE', givenBy: 'SUBJECT' } });
    const plain = (await expectOk(server, who.hr, CREATE_EMPLOYEE, { i: { lastName: 'Кадров', firstName: 'Ян', position: 'учитель', hiredOn: '2026-09-01' } })).createEmployee;
    expect(plain).toMatchObject({ position: 'учитель', personalDataConsentAt: null });
    await expectRefused(server, who.secretary, UPDATE_EMPLOYEE, { i: { employeeId: plain.id, expectedVersion: plain.version, email: 'k@example.ru' } }, 'CONSENT_REQUIRED');
    const consent = (await expectOk(server, who.secretary, CONSENT, { i: { employeeId: plain.id, givenByName: 'Кадров Ян', givenByRelation: 'сам', givenOn: '2026-11-20' } })).recordConsent;
    const updated = (await expectOk(server, who.secretary, UPDATE_EMPLOYEE, { i: { employeeId: plain.id, expectedVersion: plain.version, email: 'k@example.ru' } })).updateEmployeeCard;
    expect(updated.email).toBe('k@example.ru');
    expect(updated.personalDataConsentAt).not.toBeNull();
    await expectOk(server, who.hr, WITHDRAW, { i: { consentId: consent.id, withdrawnOn: '2026-11-20' } });
    const card = await server.em().findOneOrFail(Employee, { lastName: 'Кадров' });
    expect(card.personalDataConsentAt ?? null).toBeNull();
    await expectRefused(server, who.hr, UPDATE_EMPLOYEE, { i: { employeeId: plain.id, expectedVersion: card.version, email: 'k2@example.ru' } }, 'CONSENT_REQUIRED');
    const withConsent = (await expectOk(server, who.hr, CREATE_EMPLOYEE, {
      i: { lastName: 'Кадрова', firstName: 'Яна', phone: '+7 900 000-00-03', consent: { givenByName: 'Кадрова Яна', givenOn: '2026-11-20' } },
    })).createEmployee;
    expect(withConsent.phone).toBe('+7 900 000-00-03');
  });
});

describe('the cards lacking a consent', () => {
  let school: School;
  let staff: { admin: string; director: string; secretary: string; hr: string; teacher: string; deputy: string; pastoral: string };
  let bare: { covered: Student; withData: Student; nameOnly: Student; guardian: Guardian; withdrawnGuardian: Guardian };

  beforeAll(async () => {
    const em = server.em();
    school = await buildSchool(em);
    const built = await Promise.all(
      [Role.ADMIN, Role.DIRECTOR, Role.SECRETARY, Role.HR, Role.TEACHER, Role.DEPUTY_ACADEMIC, Role.DEPUTY_PASTORAL].map(async (r) => buildStaff(em, school, [r])),
    );
    const [admin, director, secretary, hr, teacher, deputy, pastoral] = built.map((b) => b.user.id);
    staff = { admin, director, secretary, hr, teacher, deputy, pastoral };
    // Every staff card but the director's has a consent in force; the director's holds a phone.
    for (const b of built) {
      if (b.user.id === director) b.employee.phone = '+7 900 000-00-09';
      else b.employee.personalDataConsentAt = new Date();
    }
    const covered = em.create(Student, { school, lastName: 'А-согласие', firstName: 'Есть', birthDate: '2015-01-01', personalDataConsentAt: new Date() });
    const withData = em.create(Student, { school, lastName: 'Б-данные', firstName: 'Без', birthDate: '2015-01-01' });
    const nameOnly = em.create(Student, { school, lastName: 'В-имя', firstName: 'Только' });
    const guardian = em.create(Guardian, { school, lastName: 'Г-родитель', firstName: 'Без' });
    const withdrawnGuardian = em.create(Guardian, { school, lastName: 'Д-отозвал', firstName: 'Он', phone: '+7 900 000-00-08' });
    em.create(PersonalDataConsent, {
      school, guardian: withdrawnGuardian, givenByName: 'Д-отозвал Он', givenOn: '2026-09-01', withdrawnOn: '2026-10-01',
      recordedBy: secretary, createdAt: new Date('2026-09-01T09:00:00Z'),
    });
    await em.flush();
    bare = { covered, withData, nameOnly, guardian, withdrawnGuardian };
  });

  type Row = { kind: string; cardId: string; fullName: string; holdsPersonalData: boolean; lastWithdrawnOn: string | null };

  it('lists the school\'s students, guardians and employees without a consent in force, those holding data first', async () => {
    for (const reader of [staff.admin, staff.director, staff.secretary]) {
      const data = await expectOk(server, reader, LACKING);
      const rows: Row[] = nodes(data, 'cardsLackingConsent');
      expect(rows.map((r) => [r.kind, r.fullName.split(' ')[0], r.holdsPersonalData, r.lastWithdrawnOn])).toEqual([
        ['STUDENT', 'Б-данные', true, null],
        ['GUARDIAN', 'Д-отозвал', true, '2026-10-01'],
        ['EMPLOYEE', expect.stringMatching(/^Учитель-/), true, null],
        ['STUDENT', 'В-имя', false, null],
        ['GUARDIAN', 'Г-родитель', false, null],
      ]);
      expect(rows[0].cardId).toBe(gid('Student', bare.withData.id));
      expect(rows[1].cardId).toBe(gid('Guardian', bare.withdrawnGuardian.id));
      expect(data.cardsLackingConsent.totalCount).toBe(5);
    }
    const held: Row[] = nodes(await expectOk(server, staff.admin, LACKING, { f: { holdingPersonalDataOnly: true } }), 'cardsLackingConsent');
    expect(held).toHaveLength(3);
    const guardians: Row[] = nodes(await expectOk(server, staff.admin, LACKING, { f: { kinds: ['GUARDIAN'] } }), 'cardsLackingConsent');
    expect(guardians.map((r) => r.kind)).toEqual(['GUARDIAN', 'GUARDIAN']);
  });

  it('HR reads the employees\' part only; the rest of the staff and other schools nothing', async () => {
    const hr: Row[] = nodes(await expectOk(server, staff.hr, LACKING), 'cardsLackingConsent');
    expect(hr.map((r) => r.kind)).toEqual(['EMPLOYEE']);
    expect(errorCode(await as(server, staff.hr, LACKING, { f: { kinds: ['STUDENT', 'EMPLOYEE'] } }))).toBe('FORBIDDEN');
    for (const other of [staff.teacher, staff.deputy, staff.pastoral, who.parent, who.student, who.coordinator]) {
      expect(errorCode(await as(server, other, LACKING))).toBe('FORBIDDEN');
    }
    expect(errorCode(await as(server, who.otherSchoolAdmin, LACKING, { s: gid('School', school.id) }))).toBe('NOT_FOUND');
    expect(errorCode(await as(server, who.secretary, LACKING, { s: gid('School', school.id) }))).toBe('NOT_FOUND');
    const theirs: Row[] = nodes(await expectOk(server, who.otherSchoolAdmin, LACKING, { first: 100 }), 'cardsLackingConsent');
    expect(theirs.some((r) => r.fullName.startsWith('Б-данные'))).toBe(false);
  });

  it('pages; one statement a page; a recorded consent takes the card off the list', async () => {
    const token = await server.token(staff.secretary);
    const p1 = await server.countStatements(() => server.gql(LACKING, { first: 2 }, token));
    const p2 = await server.countStatements(() => server.gql(LACKING, { first: 2, after: p1.result.data!.cardsLackingConsent.pageInfo.endCursor }, token));
    const all = await server.gql(LACKING, { first: 100 }, token);
    expect([...nodes(p1.result.data, 'cardsLackingConsent'), ...nodes(p2.result.data, 'cardsLackingConsent')]).toEqual(nodes(all.data, 'cardsLackingConsent').slice(0, 4));
    expect(p2.statements).toBe(p1.statements);
    const rec = server.recordStatements(/personal_data_consent/);
    await server.gql(LACKING, { first: 100 }, token);
    rec.stop();
    expect(rec.statements).toHaveLength(1);
    await expectOk(server, staff.secretary, CONSENT, { i: { studentId: gid('Student', bare.withData.id), givenByName: 'Мать', givenByRelation: 'мать', givenOn: '2026-11-20' } });
    const after: Row[] = nodes(await expectOk(server, staff.secretary, LACKING), 'cardsLackingConsent');
    expect(after.map((r) => r.cardId)).not.toContain(gid('Student', bare.withData.id));
    expect(after).toHaveLength(4);
  });
});

describe('employee consents', () => {
  it('are read with the card by its readers (ADMIN, DIRECTOR, DEP_ACAD, DEP_PAST, SECRETARY, HR), by no one else', async () => {
    await expectOk(server, who.hr, CONSENT, { i: { employeeId: gid('Employee', w.teacher.employee.id), givenByName: 'Учитель', givenByRelation: 'сам', givenOn: '2026-09-01', document: 'согласие №3' } });
    const LIST = `{ employeeCards { id personalDataConsentAt consents { givenByName givenOn document withdrawnOn } } }`;
    for (const role of ['admin', 'director', 'deputyAcademic', 'deputyPastoral', 'secretary', 'hr'] as const) {
      const cards = (await expectOk(server, who[role], LIST)).employeeCards;
      const teacher = cards.find((c: any) => c.id === gid('Employee', w.teacher.employee.id));
      expect(teacher.consents).toEqual([{ givenByName: 'Учитель', givenOn: '2026-09-01', document: 'согласие №3', withdrawnOn: null }]);
      expect(teacher.personalDataConsentAt).not.toBeNull();
    }
    for (const role of ['teacher', 'classTeacher', 'parent', 'student', 'coordinator'] as const) {
      expect(errorCode(await as(server, who[role], LIST))).toBe('FORBIDDEN');
    }
    expect((await expectOk(server, who.otherSchoolAdmin, LIST)).employeeCards.map((c: any) => c.id)).not.toContain(gid('Employee', w.teacher.employee.id));
  });
});

describe('employee cards in the access log', () => {
  it('a read of the employee cards is logged per card, one\'s own card not', async () => {
    const em = server.em();
    const school = await buildSchool(em);
    const [admin, hr, teacher] = await Promise.all([Role.ADMIN, Role.HR, Role.TEACHER].map((r) => buildStaff(em, school, [r])));
    const listed = await server.countStatements(() => expectOk(server, hr.user.id, `{ employeeCards { id } }`));
    expect(listed.result.employeeCards).toHaveLength(3);
    const log: LogNode[] = nodes(await expectOk(server, admin.user.id, LOG, { f: { readerId: gid('User', hr.user.id) } }), 'personalDataLog');
    expect(log.map((l) => [l.cardKind, l.cardId, l.what]).sort()).toEqual([
      ['EMPLOYEE', gid('Employee', admin.employee.id), 'employeeCards'], ['EMPLOYEE', gid('Employee', teacher.employee.id), 'employeeCards'],
    ].sort());
    // The whole list is logged in one statement, however many cards.
    const more = await Promise.all([1, 2, 3].map(() => buildStaff(em, school, [Role.TEACHER])));
    expect(more).toHaveLength(3);
    const again = await server.countStatements(() => expectOk(server, hr.user.id, `{ employeeCards { id } }`));
    expect(again.statements).toBe(listed.statements);
  });
});
