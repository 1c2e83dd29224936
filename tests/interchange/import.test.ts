import { randomUUID } from 'node:crypto';
import iconv from 'iconv-lite';
import yazl from 'yazl';
import argon2 from 'argon2';
import { Role } from '../../entities';
import { isLightHash } from '../../domain/auth/auth.service';
import { fromGlobalId, toGlobalId } from '../../schema/global-id';
import type { CreatedSchool } from '../../domain/region/school-creation';
import { generateOneRoster } from '../../seed/roster-files';
import { buildStaff } from '../support/factories';
import { TestServer } from '../support/server';
import { csv, fixtureSet, importedState, newSchool, rowsOf, upload, withFile } from './support';

// Import with a dry run (issue 18 part 2): the sample files of fixtures/import, into schools made
// the way the region's operator makes one (npm run school:create). Every refusal leaves the school
// as it was: the tables an import writes are counted before and after.

type Files = { name: string; content: Buffer }[];
type Report = {
  format: string; dryRun: boolean; applied: boolean;
  files: { name: string; encoding: string; rows: number; created: number; updated: number; unchanged: number; problems: number }[];
  rows: { file: string; line: number; kind: string; sourcedId: string; outcome: string }[];
  problems: { file: string; line: number; column: string | null; message: string }[];
  warnings: { file: string; line: number; column: string | null; message: string }[];
  credentials: { sourcedId: string; name: string; login: string; startingPassword: string }[];
};

let server: TestServer;

beforeAll(async () => { server = await TestServer.start(); });
afterAll(async () => { await server.stop(); });

const IMPORT = `mutation($s: ID!, $f: [ID!]!, $d: Boolean) { importRoster(schoolId: $s, files: $f, dryRun: $d) {
  format dryRun applied files { name encoding rows created updated unchanged problems }
  rows { file line kind sourcedId outcome } problems { file line column message } warnings { file line column message }
  credentials { sourcedId name login startingPassword } } }`;

async function stage(userId: string, files: Files): Promise<string[]> {
  const staged = await upload(server, await server.token(userId), files);
  expect(staged.status).toBe(201);
  return staged.body.files!.map((f) => f.id);
}

async function runImport(school: CreatedSchool, files: Files, dryRun: boolean, userId = school.adminUserId) {
  // Staged by the school's ADMIN; `userId` is who asks for the import.
  const ids = await stage(school.adminUserId, files);
  return server.gql<{ importRoster: Report }>(IMPORT, { s: toGlobalId('School', school.schoolId), f: ids, d: dryRun }, await server.token(userId));
}

async function imported(school: CreatedSchool, files: Files, dryRun: boolean): Promise<Report> {
  const r = await runImport(school, files, dryRun);
  expect(r.errors).toBeUndefined();
  return r.data!.importRoster;
}

/** Rewrites a file of the set: `change` gets the header and the rows (cells by column name). */
function edited(set: Files, name: string, change: (rows: Record<string, string>[]) => Record<string, string>[]): Files {
  const [header, ...rows] = rowsOf(set, name);
  const records = change(rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))));
  return withFile(set, csv(name, [header, ...records.map((r) => header.map((h) => r[h] ?? ''))]));
}

/** Logins are one namespace for the region: a set applied in one school of this file gets its own. */
const ownLogins = (set: Files, tag: string) => edited(set, 'users.csv', (rows) => rows.map((r) => (r.username ? { ...r, username: `${r.username}.${tag}` } : r)));

/** Expects the import refused with a problem at the file, line and column, and the school unchanged. */
async function expectProblem(files: Files, at: { file: string; line?: number; column?: string; message: RegExp }) {
  const school = await newSchool(server, `Школа ${Math.random()}`);
  const before = await importedState(server, school.schoolId);
  const report = await imported(school, files, false);
  expect(report.applied).toBe(false);
  expect(report.credentials).toEqual([]);
  expect(report.problems).toEqual(expect.arrayContaining([expect.objectContaining({
    file: at.file, ...(at.line ? { line: at.line } : {}), ...(at.column ? { column: at.column } : {}), message: expect.stringMatching(at.message),
  })]));
  // Only the problem the test made: the sample's own rows are sound (no other school holds their logins).
  expect(report.problems.filter((p) => !at.message.test(p.message))).toEqual([]);
  expect(await importedState(server, school.schoolId)).toEqual(before);
  return report;
}

describe('the OneRoster sample, dry run, apply, re-import', () => {
  let school: CreatedSchool;
  let applied: Report;
  const sample = () => ownLogins(fixtureSet('oneroster'), 'a');

  beforeAll(async () => { school = await newSchool(server, 'МБОУ СОШ № 7'); });

  let stagedIds: string[];
  const run = async (dryRun: boolean) => {
    const r = await server.gql<{ importRoster: Report }>(IMPORT, { s: toGlobalId('School', school.schoolId), f: stagedIds, d: dryRun }, await server.token(school.adminUserId));
    expect(r.errors).toBeUndefined();
    return r.data!.importRoster;
  };

  it('a dry run answers per file and row what would be done, and writes nothing', async () => {
    const before = await importedState(server, school.schoolId);
    stagedIds = await stage(school.adminUserId, sample());
    const report = await run(true);
    expect(report).toMatchObject({ format: 'ONEROSTER', dryRun: true, applied: false, problems: [], credentials: [] });
    expect(report.files.find((f) => f.name === 'enrollments.csv')).toMatchObject({ encoding: 'utf-8', rows: 9, created: 9, problems: 0 });
    expect(report.rows).toContainEqual({ file: 'users.csv', line: 5, kind: 'STUDENT', sourcedId: 'st-1', outcome: 'CREATED' });
    expect(report.rows).toContainEqual({ file: 'enrollments.csv', line: 6, kind: 'CLASS_TEACHER', sourcedId: 'k-5a', outcome: 'CREATED' });
    // A pupil's birth date without a recorded consent is read but left out, and said so (004 §6.1).
    expect(report.warnings).toContainEqual(expect.objectContaining({ file: 'users.csv', line: 6, column: 'birthDate' }));
    expect(await importedState(server, school.schoolId)).toEqual(before);
  });

  it('apply writes it all in one go: enrollments as ENROLL orders, accounts with starting passwords shown once', async () => {
    // The files the dry run read are the ones applied.
    applied = await run(false);
    expect(applied).toMatchObject({ applied: true, problems: [] });
    const state = await importedState(server, school.schoolId);
    expect(state).toMatchObject({ students: 4, guardians: 3, employees: 4, guardianships: 4, classes: 2, enrollments: 4, orders: 4, subjects: 2, curriculum: 3, assignments: 3, years: 1 });
    const conn = server.em().getConnection();
    const orders = await conn.execute<{ type: string; number: string; student: string }[]>(
      `select o.type, o.number, s.last_name student from movement_order o join student s on s.id = o.student_id where o.school_id = ? order by o.number`, [school.schoolId]);
    expect(orders.map((o) => o.type)).toEqual(['ENROLL', 'ENROLL', 'ENROLL', 'ENROLL']);
    expect(orders.map((o) => o.number).sort()).toEqual(['И-1', 'И-2', 'И-3', 'И-4']);
    // Each enrollment is opened by its order, none written as a bare row.
    const enrollments = await conn.execute<{ n: string }[]>(
      `select count(*) n from enrollment e join movement_order o on o.id = e.opened_by_id and o.type = 'ENROLL' and o.student_id = e.student_id and o.to_class_id = e.class_group_id where o.school_id = ?`, [school.schoolId]);
    expect(Number(enrollments[0].n)).toBe(4);
    // Ten new accounts (every person of the files), each password answered once and stored only hashed.
    expect(applied.credentials).toHaveLength(10);
    const ivanova = applied.credentials.find((c) => c.login === 'ivanova.ma.a')!;
    expect(ivanova).toMatchObject({ sourcedId: 't-ivanova', name: 'Иванова Мария Александровна' });
    const [user] = await conn.execute<{ password_hash: string; must_change_password: boolean }[]>('select password_hash, must_change_password from app_user where login = ?', ['ivanova.ma.a']);
    expect(user.password_hash).not.toContain(ivanova.startingPassword);
    expect(await argon2.verify(user.password_hash, ivanova.startingPassword)).toBe(true);
    expect(user.must_change_password).toBe(true);
    // Hashed light for speed (70 random bits need no memory-hard cost), so login spends a full-cost verify besides: no faster answer tells a fresh account.
    expect(isLightHash(user.password_hash)).toBe(true);
    expect(isLightHash(await argon2.hash('chosen-by-a-person'))).toBe(false);
    const [entry] = await conn.execute<{ n: string }[]>(`select count(*) n from audit_entry where school_id = ? and action = 'interchange.import'`, [school.schoolId]);
    expect(Number(entry.n)).toBe(1);
    // Applied staged files are gone.
    const [left] = await conn.execute<{ n: string }[]>('select count(*) n from staged_file where id = any(?::uuid[])', [`{${stagedIds.map((id) => fromGlobalId(id, 'StagedFile', 'files')).join(',')}}`]);
    expect(Number(left.n)).toBe(0);
    const replay = await server.gql(IMPORT, { s: toGlobalId('School', school.schoolId), f: stagedIds, d: false }, await server.token(school.adminUserId));
    expect(replay.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('the imported class teacher signs in with the starting password and leads the class', async () => {
    const ivanova = applied.credentials.find((c) => c.login === 'ivanova.ma.a')!;
    const login = await server.gql(`mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken } }`, { l: ivanova.login, p: ivanova.startingPassword });
    expect(login.errors).toBeUndefined();
    const [row] = await server.em().getConnection().execute<{ led: string }[]>(
      `select c.grade || c.letter led from class_group c join employee e on e.id = c.class_teacher_id join app_user u on u.id = e.user_id where u.login = 'ivanova.ma.a'`);
    expect(row.led).toBe('5А');
  });

  it('re-importing the same files changes nothing and issues no password', async () => {
    const before = await importedState(server, school.schoolId);
    const again = await imported(school, sample(), false);
    expect(again.problems).toEqual([]);
    expect(again.rows.filter((r) => r.outcome !== 'UNCHANGED')).toEqual([]);
    expect(again.credentials).toEqual([]);
    // Only the audit log grows: the import itself is recorded.
    expect(await importedState(server, school.schoolId)).toEqual({ ...before, audit: before.audit + 1 });
  });

  it('a pupil added to the files later is enrolled by the next order of the book', async () => {
    let files = edited(sample(), 'users.csv', (rows) => [...rows, { ...rows.find((r) => r.sourcedId === 'st-4')!, sourcedId: 'st-5', username: 'popov.m.a', givenName: 'Михаил', familyName: 'Попов', middleName: 'Андреевич', agentSourcedIds: 'g-3' }]);
    files = edited(files, 'roles.csv', (rows) => [...rows, { ...rows.find((r) => r.userSourcedId === 'st-4')!, sourcedId: 'st-5-student', userSourcedId: 'st-5' }]);
    files = edited(files, 'enrollments.csv', (rows) => [...rows, { ...rows.find((r) => r.sourcedId === 'e-4')!, sourcedId: 'e-5', userSourcedId: 'st-5', beginDate: '2026-11-20' }]);
    const report = await imported(school, files, false);
    expect(report.problems).toEqual([]);
    expect(report.rows.filter((r) => r.outcome !== 'UNCHANGED').map((r) => `${r.kind} ${r.sourcedId}`).sort()).toEqual(['ACCOUNT st-5', 'ENROLLMENT e-5', 'GUARDIANSHIP g-3|st-5', 'STUDENT st-5'].sort());
    const [order] = await server.em().getConnection().execute<{ number: string; effective_on: string }[]>(
      `select o.number, to_char(o.effective_on, 'YYYY-MM-DD') effective_on from movement_order o join student s on s.id = o.student_id where s.school_id = ? and s.first_name = 'Михаил'`, [school.schoolId]);
    expect(order).toEqual({ number: 'И-5', effective_on: '2026-11-20' });
  });

  it('a changed name in the files is an UPDATED row, matched by its sourcedId', async () => {
    const files = edited(sample(), 'users.csv', (rows) => rows.map((r) => (r.sourcedId === 'st-4' ? { ...r, givenName: 'Валерия' } : r)));
    const report = await imported(school, files, false);
    expect(report.rows).toContainEqual(expect.objectContaining({ kind: 'STUDENT', sourcedId: 'st-4', outcome: 'UPDATED' }));
    const [row] = await server.em().getConnection().execute<{ first_name: string }[]>('select first_name from student where school_id = ? and last_name = ?', [school.schoolId, 'Попова']);
    expect(row.first_name).toBe('Валерия');
  });
});

describe('one person with several cards (a teacher who is also a parent)', () => {
  const withParentTeacher = (set: Files) => {
    let files = edited(set, 'users.csv', (rows) => [...rows, { ...rows.find((r) => r.sourcedId === 'g-3')!, sourcedId: 'g-4', username: 'petrov.sn', givenName: 'Сергей', familyName: 'Петров', middleName: 'Николаевич', agentSourcedIds: 'st-3', 'metadata.relation': 'st-3:отец' }]);
    files = edited(files, 'roles.csv', (rows) => [...rows, { ...rows.find((r) => r.userSourcedId === 'g-3')!, sourcedId: 'g-4-guardian', userSourcedId: 'g-4' }]);
    return files;
  };
  const accountOf = async (schoolId: string, login: string) => {
    const [row] = await server.em().getConnection().execute<{ cards: string[]; roles: string[] }[]>(
      `select array(select 'employee' from employee where user_id = u.id and school_id = ? union all select 'guardian' from guardian where user_id = u.id and school_id = ? order by 1) cards,
              array(select role::text from role_grant where user_id = u.id order by 1) roles from app_user u where u.login = ?`, [schoolId, schoolId, login]);
    return row;
  };

  it('two rows with one login are one account with both cards and both roles', async () => {
    const school = await newSchool(server, 'Школа семейная');
    const files = ownLogins(withParentTeacher(fixtureSet('oneroster')), 'f1');
    const report = await imported(school, files, false);
    expect(report.problems).toEqual([]);
    expect(report.credentials.filter((c) => c.login === 'petrov.sn.f1')).toHaveLength(1);
    expect(await accountOf(school.schoolId, 'petrov.sn.f1')).toEqual({ cards: ['employee', 'guardian'], roles: ['PARENT', 'TEACHER'] });
    const again = await imported(school, files, false);
    expect(again.rows.filter((r) => r.outcome !== 'UNCHANGED')).toEqual([]);
  });

  it('a parent card added later joins the teacher\'s account', async () => {
    const school = await newSchool(server, 'Школа семейная 2');
    await imported(school, ownLogins(fixtureSet('oneroster'), 'f2'), false);
    const report = await imported(school, ownLogins(withParentTeacher(fixtureSet('oneroster')), 'f2'), false);
    expect(report.problems).toEqual([]);
    expect(report.credentials).toEqual([]);
    expect(await accountOf(school.schoolId, 'petrov.sn.f2')).toEqual({ cards: ['employee', 'guardian'], roles: ['PARENT', 'TEACHER'] });
  });

  it('a pupil never shares a login', async () => {
    const files = edited(fixtureSet('oneroster'), 'users.csv', (rows) => rows.map((r) => (r.sourcedId === 'st-1' ? { ...r, username: 'smirnova.op' } : r)));
    await expectProblem(files, { file: 'users.csv', line: 9, column: 'username', message: /given twice/ });
  });
});

describe('study periods per parallel (004 §4)', () => {
  const SESSIONS = ['sourcedId', 'status', 'dateLastModified', 'title', 'type', 'startDate', 'endDate', 'parentSourcedId', 'schoolYear', 'metadata.grades'];
  const withSchemes = (halfYearGrades: string) => withFile(ownLogins(fixtureSet('oneroster'), `p${halfYearGrades}`), csv('academicSessions.csv', [SESSIONS,
    ['y2027', 'active', '', '2026/2027', 'schoolYear', '2026-09-01', '2027-05-31', '', '2027', ''],
    ['q1', 'active', '', '1 четверть', 'gradingPeriod', '2026-09-01', '2026-10-25', 'y2027', '2027', '01-09'],
    ['q2', 'active', '', '2 четверть', 'gradingPeriod', '2026-11-05', '2026-12-28', 'y2027', '2027', '01-09'],
    ['q3', 'active', '', '3 четверть', 'gradingPeriod', '2027-01-12', '2027-03-22', 'y2027', '2027', '01-09'],
    ['q4', 'active', '', '4 четверть', 'gradingPeriod', '2027-04-01', '2027-05-31', 'y2027', '2027', '01-09'],
    ['h1', 'active', '', '1 полугодие', 'semester', '2026-09-01', '2026-12-28', 'y2027', '2027', halfYearGrades],
    ['h2', 'active', '', '2 полугодие', 'semester', '2027-01-12', '2027-05-31', 'y2027', '2027', halfYearGrades],
  ]));

  it('quarters for 1–9 and half-years for 10–11, each numbered in its own scheme', async () => {
    const school = await newSchool(server, 'Лицей');
    const report = await imported(school, withSchemes('10-11'), false);
    expect(report.problems).toEqual([]);
    const periods = await server.em().getConnection().execute<{ name: string; kind: string; ordinal: number; grade_from: number; grade_to: number }[]>(
      `select p.name, p.kind, p.ordinal, p.grade_from, p.grade_to from study_period p join academic_year y on y.id = p.year_id where y.school_id = ? order by p.grade_from, p.ordinal`, [school.schoolId]);
    expect(periods.map((p) => `${p.grade_from}-${p.grade_to} ${p.kind} ${p.ordinal}`)).toEqual([
      '1-9 QUARTER 1', '1-9 QUARTER 2', '1-9 QUARTER 3', '1-9 QUARTER 4', '10-11 HALF_YEAR 1', '10-11 HALF_YEAR 2',
    ]);
    const again = await imported(school, withSchemes('10-11'), true);
    expect(again.rows.filter((r) => r.kind === 'STUDY_PERIOD').every((r) => r.outcome === 'UNCHANGED')).toBe(true);
    // The export's columns (metadata.gradeFrom, metadata.gradeTo) say the same.
    const [header, ...rows] = rowsOf(withSchemes('10-11'), 'academicSessions.csv');
    const asExported = withFile(withSchemes('10-11'), csv('academicSessions.csv', [[...header.slice(0, -1), 'metadata.gradeFrom', 'metadata.gradeTo'],
      ...rows.map((r) => { const g = r.at(-1)!; return [...r.slice(0, -1), g ? String(Number(g.split('-')[0])) : '', g ? String(Number(g.split('-')[1])) : '']; })]));
    const same = await imported(school, asExported, true);
    expect(same.problems).toEqual([]);
    expect(same.rows.filter((r) => r.kind === 'STUDY_PERIOD').every((r) => r.outcome === 'UNCHANGED')).toBe(true);
  });

  it('overlapping schemes are a problem, and nothing is written', async () => {
    await expectProblem(withSchemes('09-11'), { file: 'academicSessions.csv', line: 7, column: 'metadata.grades', message: /overlap/ });
  });
});

describe('the spreadsheet set', () => {
  it('reads Windows-1251 files with ";" into the school\'s current year', async () => {
    const school = await newSchool(server, 'Гимназия № 2');
    const year = await server.gql(`mutation($i: CreateAcademicYearInput!) { createAcademicYear(input: $i) { id } }`,
      { i: { name: '2026/2027', startsOn: '2026-09-01', endsOn: '2027-05-31' } }, await server.token(school.adminUserId));
    expect(year.errors).toBeUndefined();
    const files = fixtureSet('spreadsheet').map((f) => ({ name: f.name, content: iconv.encode(f.content.toString('utf8'), 'win1251') }));
    const report = await imported(school, files, false);
    expect(report.problems).toEqual([]);
    expect(report.format).toBe('SPREADSHEET');
    expect(report.files.every((f) => f.encoding === 'windows-1251')).toBe(true);
    const conn = server.em().getConnection();
    const pupils = await conn.execute<{ name: string; cls: string }[]>(
      `select s.last_name || ' ' || s.first_name as name, c.grade || c.letter cls from student s join enrollment e on e.student_id = s.id join class_group c on c.id = e.class_group_id where s.school_id = ? order by 1`, [school.schoolId]);
    expect(pupils).toEqual([{ name: 'Лебедева Софья', cls: '7В' }, { name: 'Морозов Артём', cls: '5А' }]);
    const [volkov] = await conn.execute<{ roles: string[] }[]>(
      `select array(select g.role::text from role_grant g where g.user_id = e.user_id order by 1) roles from employee e where e.school_id = ? and e.last_name = 'Волков'`, [school.schoolId]);
    expect(volkov.roles).toEqual(['DEPUTY_ACADEMIC', 'TEACHER']);
  });
});

describe('bad input gets its problem at file, line and column, and writes nothing', () => {
  const set = () => fixtureSet('oneroster');

  it('two people with one login', async () => {
    const files = edited(set(), 'users.csv', (rows) => rows.map((r) => (r.sourcedId === 'st-2' ? { ...r, username: 'smirnov.d' } : r)));
    await expectProblem(files, { file: 'users.csv', line: 6, column: 'username', message: /smirnov\.d/ });
  });

  it('a login another school\'s account holds', async () => {
    const other = await newSchool(server, 'Соседняя школа');
    const files = edited(set(), 'users.csv', (rows) => rows.map((r) => (r.sourcedId === 'st-2' ? { ...r, username: other.login } : r)));
    await expectProblem(files, { file: 'users.csv', line: 6, column: 'username', message: /taken|занят/i });
  });

  it('an unknown class', async () => {
    const files = edited(set(), 'enrollments.csv', (rows) => rows.map((r) => (r.sourcedId === 'e-2' ? { ...r, classSourcedId: 'k-9z' } : r)));
    await expectProblem(files, { file: 'enrollments.csv', line: 3, column: 'classSourcedId', message: /k-9z/ });
  });

  it('a pupil in two classes at once', async () => {
    const files = edited(set(), 'enrollments.csv', (rows) => [...rows, { ...rows[0], sourcedId: 'e-1b', classSourcedId: 'k-6b' }]);
    await expectProblem(files, { file: 'enrollments.csv', line: 11, message: /two classes|already/i });
  });

  it('a guardian without a pupil', async () => {
    const files = edited(set(), 'users.csv', (rows) => rows.map((r) => (r.sourcedId === 'g-3' || r.sourcedId === 'st-4' ? { ...r, agentSourcedIds: '', 'metadata.relation': '' } : r)));
    await expectProblem(files, { file: 'users.csv', line: 11, message: /guardian|pupil/i });
  });

  it('a CSV formula in a name', async () => {
    const files = edited(set(), 'users.csv', (rows) => rows.map((r) => (r.sourcedId === 'st-3' ? { ...r, familyName: '=HYPERLINK("http://evil.example","x")' } : r)));
    await expectProblem(files, { file: 'users.csv', line: 7, column: 'familyName', message: /./ });
  });

  it('a coordinator\'s role named in a file is no grant', async () => {
    const files = edited(set(), 'roles.csv', (rows) => rows.map((r) => (r.userSourcedId === 't-orlova' ? { ...r, 'metadata.role': 'REGIONAL_COORDINATOR' } : r)));
    await expectProblem(files, { file: 'roles.csv', line: 4, column: 'metadata.role', message: /not a role of a school|has no role/ });
  });

  it('a birth date that is no date', async () => {
    const files = edited(set(), 'demographics.csv', (rows) => rows.map((r) => (r.sourcedId === 'st-1' ? { ...r, birthDate: '31.02.2015' } : r)));
    await expectProblem(files, { file: 'demographics.csv', line: 2, column: 'birthDate', message: /./ });
  });

  it('a closed class of the school is not reopened by an import', async () => {
    const school = await newSchool(server, 'Школа с закрытым классом');
    await imported(school, ownLogins(set(), 'cl'), false);
    const token = await server.token(school.adminUserId);
    const years = await server.gql(`{ academicYears { id } }`, {}, token);
    const made = await server.gql(`mutation($i: CreateClassInput!) { createClass(input: $i) { id } }`, { i: { yearId: years.data!.academicYears[0].id, grade: 7, letter: 'Ж' } }, token);
    expect((await server.gql(`mutation($i: CloseClassInput!) { closeClass(input: $i) { closedAt } }`, { i: { classId: made.data!.createClass.id } }, token)).errors).toBeUndefined();
    const files = edited(ownLogins(set(), 'cl'), 'classes.csv', (rows) => [...rows, { ...rows[0], sourcedId: 'k-7zh', title: '7Ж', classCode: '7Ж', grades: '07' }]);
    const before = await importedState(server, school.schoolId);
    const report = await imported(school, files, false);
    expect(report.problems).toEqual([expect.objectContaining({ file: 'classes.csv', line: 7, column: 'title', message: expect.stringMatching(/7Ж is closed/) })]);
    expect(await importedState(server, school.schoolId)).toEqual(before);
  });

  it('a binary file is IMPORT_INVALID, and nothing is written', async () => {
    const school = await newSchool(server, 'Школа двоичная');
    const before = await importedState(server, school.schoolId);
    const r = await runImport(school, withFile(set(), { name: 'users.csv', content: Buffer.from([0x50, 0x4b, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x01]) }), false);
    expect(r.errors?.[0].extensions?.code).toBe('IMPORT_INVALID');
    expect(JSON.stringify(r.errors)).not.toMatch(/select|insert|stack|node_modules/i);
    expect(await importedState(server, school.schoolId)).toEqual(before);
  });

  it('a 30 MB file is refused at the upload with 413 FILE_TOO_LARGE, and nothing is staged', async () => {
    const school = await newSchool(server, 'Школа большая');
    const big = Buffer.alloc(30 * 1024 * 1024, 'a,b,c\n');
    const r = await upload(server, await server.token(school.adminUserId), [{ name: 'users.csv', content: big }]);
    expect(r.status).toBe(413);
    expect(r.body.errors?.[0].extensions.code).toBe('FILE_TOO_LARGE');
    const [left] = await server.em().getConnection().execute<{ n: string }[]>('select count(*) n from staged_file where uploaded_by_id = ?', [school.adminUserId]);
    expect(Number(left.n)).toBe(0);
  });

  it('a file in UTF-16 (as Excel\'s "Unicode text" saves it) is IMPORT_INVALID, naming the file', async () => {
    const school = await newSchool(server, 'Школа юникодная');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixtureSet('oneroster').find((f) => f.name === 'users.csv')!.content.toString('utf8'), 'utf16le')]);
    const r = await runImport(school, withFile(set(), { name: 'users.csv', content: utf16 }), true);
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'IMPORT_INVALID', file: 'users.csv' } });
  });

  it('the spreadsheet set in KOI8-R is not taken for Windows-1251: its headers do not read, and nothing is written', async () => {
    const school = await newSchool(server, 'Школа кои');
    const files = fixtureSet('spreadsheet').map((f) => ({ name: f.name, content: iconv.encode(f.content.toString('utf8'), 'koi8-r') }));
    const before = await importedState(server, school.schoolId);
    const r = await runImport(school, files, false);
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'IMPORT_INVALID', file: 'classes.csv', line: 1, column: 'класс' } });
    expect(r.errors![0].message).toMatch(/another encoding/);
    expect(await importedState(server, school.schoolId)).toEqual(before);
  });

  it('one account keeps at most 64 MB staged at once: uploads in a loop are refused with 413', async () => {
    const school = await newSchool(server, 'Школа загрузок');
    const token = await server.token(school.adminUserId);
    const chunk = [{ name: 'users.csv', content: Buffer.alloc(15 * 1024 * 1024, 'a,b\n') }];
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await upload(server, token, chunk)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 413]);
    const [{ mb }] = await server.em().getConnection().execute<{ mb: string }[]>('select sum(size) / 1048576 as mb from staged_file where uploaded_by_id = ?', [school.adminUserId]);
    expect(Number(mb)).toBe(60);
  });

  it('a zip whose CSV inflates past 16 MB is FILE_TOO_LARGE before it is inflated (a zip bomb)', async () => {
    const school = await newSchool(server, 'Школа архивная');
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.alloc(40 * 1024 * 1024, 'a,b,c\n'), 'users.csv');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    const bomb = Buffer.concat(chunks);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = await runImport(school, [{ name: 'school.zip', content: bomb }], true);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FILE_TOO_LARGE', file: 'users.csv' });
  });

  it('files of no known format', async () => {
    const school = await newSchool(server, 'Школа неизвестная');
    const r = await runImport(school, [csv('pupils.csv', [['a', 'b'], ['1', '2']])], true);
    expect(r.errors?.[0].extensions?.code).toBe('IMPORT_INVALID');
  });
});

describe('who may import', () => {
  let school: CreatedSchool;
  let other: CreatedSchool;

  beforeAll(async () => {
    school = await newSchool(server, 'Школа доступа');
    other = await newSchool(server, 'Чужая школа');
  });

  it('a teacher of the school may not stage or import', async () => {
    const em = server.em();
    const schoolRow = await em.findOneOrFail('School', { id: school.schoolId });
    const teacher = await buildStaff(em, schoolRow as never, [Role.TEACHER]);
    const r = await upload(server, await server.token(teacher.user.id), fixtureSet('oneroster'));
    expect(r.status).toBe(403);
    const ids = await stage(school.adminUserId, fixtureSet('oneroster'));
    const answer = await server.gql(IMPORT, { s: toGlobalId('School', school.schoolId), f: ids, d: true }, await server.token(teacher.user.id));
    expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('another school\'s ADMIN gets NOT_FOUND, as for a school that does not exist', async () => {
    const before = await importedState(server, school.schoolId);
    const ids = await stage(other.adminUserId, fixtureSet('oneroster'));
    const answer = await server.gql(IMPORT, { s: toGlobalId('School', school.schoolId), f: ids, d: false }, await server.token(other.adminUserId));
    expect(answer.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const missing = await server.gql(IMPORT, { s: toGlobalId('School', '00000000-0000-4000-8000-000000000000'), f: ids, d: false }, await server.token(other.adminUserId));
    expect(missing.errors?.[0]).toMatchObject({ message: answer.errors![0].message, extensions: { code: 'NOT_FOUND' } });
    expect(await importedState(server, school.schoolId)).toEqual(before);
  });

  it('someone else\'s staged files are NOT_FOUND', async () => {
    const ids = await stage(other.adminUserId, fixtureSet('oneroster'));
    const answer = await server.gql(IMPORT, { s: toGlobalId('School', school.schoolId), f: ids, d: true }, await server.token(school.adminUserId));
    expect(answer.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('an ADMIN whose role was revoked is refused, even with files staged before', async () => {
    const em = server.em();
    const schoolRow = await em.findOneOrFail('School', { id: school.schoolId });
    const admin = await buildStaff(em, schoolRow as never, [Role.ADMIN, Role.TEACHER]);
    const ids = await stage(admin.user.id, fixtureSet('oneroster'));
    await em.getConnection().execute(`delete from role_grant where user_id = ? and role = 'ADMIN'`, [admin.user.id]);
    const before = await importedState(server, school.schoolId);
    const answer = await server.gql(IMPORT, { s: toGlobalId('School', school.schoolId), f: ids, d: false }, await server.token(admin.user.id));
    expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await importedState(server, school.schoolId)).toEqual(before);
  });

  it('refuses an Idempotency-Key on a request that asks for the starting passwords (never stored, never replayed)', async () => {
    const ids = await stage(school.adminUserId, fixtureSet('oneroster'));
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.token(school.adminUserId)}`, 'idempotency-key': randomUUID() },
      body: JSON.stringify({ query: IMPORT, variables: { s: toGlobalId('School', school.schoolId), f: ids, d: false } }),
    });
    const body = await res.json() as { errors?: { extensions: Record<string, unknown> }[] };
    expect(body.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' }));
    const [{ n }] = await server.em().getConnection().execute<{ n: string }[]>('select count(*) n from student where school_id = ?', [school.schoolId]);
    expect(Number(n)).toBe(0);
  });

  it('an ADMIN still on the starting password may not stage files', async () => {
    const fresh = await newSchool(server, 'Школа новая', { passwordChanged: false });
    const r = await upload(server, await server.token(fresh.adminUserId), fixtureSet('oneroster'));
    expect(r.status).toBe(403);
    expect(r.body.errors?.[0].extensions.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});

describe('statements grow with batches, not rows', () => {
  it('a school of 60 pupils costs the statements of a school of 5, dry run and apply', async () => {
    const cost = async (size: Parameters<typeof generateOneRoster>[0]) => {
      const school = await newSchool(server, `Школа ${size.prefix}`);
      const token = await server.token(school.adminUserId);
      const ids = await stage(school.adminUserId, generateOneRoster(size));
      // The statements naming the school: the import's own, not the background work (outbox, sessions) running meanwhile.
      const go = async (d: boolean) => {
        const recorded = server.recordStatements(new RegExp(school.schoolId));
        const result = await server.gql<{ importRoster: Report }>(IMPORT, { s: toGlobalId('School', school.schoolId), f: ids, d }, token);
        recorded.stop();
        return { result, statements: recorded.statements.length };
      };
      const dry = await go(true);
      const apply = await go(false);
      expect(apply.result.data?.importRoster).toMatchObject({ applied: true, problems: [] });
      expect(apply.statements).toBeGreaterThan(20);
      return { dry: dry.statements, apply: apply.statements, credentials: apply.result.data!.importRoster.credentials.length };
    };
    const small = await cost({ classes: 2, pupils: 5, guardiansPerPupil: 1, subjectsPerClass: 2, prefix: 'sa' });
    const large = await cost({ classes: 8, pupils: 60, guardiansPerPupil: 2, subjectsPerClass: 3, prefix: 'sb' });
    expect(large.credentials).toBe(60 + 120 + 8 + 2 * 3);
    expect(large.dry).toBe(small.dry);
    expect(large.apply).toBe(small.apply);
  });
});
