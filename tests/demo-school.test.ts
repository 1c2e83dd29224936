import { School } from '../entities';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../seed/demo-school';
import { migrateAndSeed } from '../server/bootstrap';
import { toGlobalId } from '../schema/global-id';
import { TestServer } from './support/server';

// The demo school of CONTRACT.md, loaded through the same path as `npm start`.

let server: TestServer;
const tokens = new Map<string, string>();

beforeAll(async () => {
  server = await TestServer.start('2026-11-20T12:00:00+03:00');
  await migrateAndSeed(server.orm, server.clock, { seed: true });
  for (const login of DEMO_LOGINS) {
    const r = await server.gql(`mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken } }`, { l: login, p: DEMO_PASSWORD });
    if (r.data?.login) tokens.set(login, r.data.login.accessToken);
  }
});
afterAll(async () => { await server.stop(); });

const EXPECTED_ROLES: Record<string, string> = {
  admin: 'ADMIN', director: 'DIRECTOR', zavuch: 'DEPUTY_ACADEMIC', secretary: 'SECRETARY', coordinator: 'MUNICIPAL_COORDINATOR',
  't.math': 'TEACHER', 't.russian': 'TEACHER', 't.primary': 'TEACHER',
  's.ivanov': 'STUDENT', 's.petrova': 'STUDENT', 's.sidorov': 'STUDENT', 's.ivanova': 'STUDENT',
  'p.ivanova': 'PARENT', 'p.petrov': 'PARENT', 'p.sidorova': 'PARENT',
};

const ME = `{ me { user { login } roles student { id fullName classGroup { name } } children { id fullName classGroup { name } } employee { fullName } } }`;
const DIARY = `query($s: ID!, $from: Date!, $to: Date!) { diary(studentId: $s, from: $from, to: $to) {
  date lessons { lesson { id number state topic homework subject { name } teacher { fullName } classGroup { name } }
                 marks { id value corrected comment createdAt workType { code weight } }
                 attendance { kind reason } } } }`;
const JOURNAL = `query($c: ID!, $s: ID!, $from: Date!, $to: Date!) { classJournal(classGroupId: $c, subjectId: $s, from: $from, to: $to) {
  lessons { id date number topic homework teacher { fullName } subject { name } }
  students { id fullName } marks { id value student { id } lesson { id } workType { code } } attendance { kind reason student { id } } } }`;

async function me(login: string) {
  const r = await server.gql(ME, {}, tokens.get(login));
  expect(r.errors).toBeUndefined();
  return r.data!.me;
}

it.each(DEMO_LOGINS.map((l) => [l]))('%s signs in with the demo password and holds its role', async (login) => {
  expect(tokens.has(login)).toBe(true);
  const viewer = await me(login);
  expect(viewer.user.login).toBe(login);
  expect(viewer.roles).toEqual([EXPECTED_ROLES[login]]);
});

it('ties each account as the contract lists', async () => {
  expect((await me('s.ivanov')).student.classGroup.name).toBe('5А');
  expect((await me('s.petrova')).student.classGroup.name).toBe('5А');
  expect((await me('s.sidorov')).student.classGroup.name).toBe('5Б');
  expect((await me('s.ivanova')).student.classGroup.name).toBe('1А');
  const ivanova = await me('p.ivanova');
  expect(ivanova.children.map((c: any) => c.classGroup.name).sort()).toEqual(['1А', '5А']);
  expect(ivanova.children.map((c: any) => c.id).sort()).toEqual(
    [(await me('s.ivanov')).student.id, (await me('s.ivanova')).student.id].sort());
  expect((await me('p.petrov')).children.map((c: any) => c.id)).toEqual([(await me('s.petrova')).student.id]);
  expect((await me('p.sidorova')).children.map((c: any) => c.id)).toEqual([(await me('s.sidorov')).student.id]);
  for (const staff of ['admin', 'director', 'zavuch', 'secretary', 't.math', 't.russian', 't.primary']) {
    expect((await me(staff)).employee).not.toBeNull();
  }
});

it('gives a parent a diary that is never empty: topics, homework, marks', async () => {
  const child = (await me('s.ivanov')).student.id;
  const r = await server.gql(DIARY, { s: child, from: '2026-11-09', to: '2026-11-20' }, tokens.get('p.ivanova'));
  expect(r.errors).toBeUndefined();
  const lessons = r.data!.diary.flatMap((d: any) => d.lessons);
  expect(lessons.length).toBeGreaterThan(40);
  expect(lessons.filter((l: any) => l.lesson.state === 'HELD').every((l: any) => l.lesson.topic)).toBe(true);
  expect(lessons.some((l: any) => l.lesson.homework)).toBe(true);
  expect(lessons.flatMap((l: any) => l.marks).length).toBeGreaterThan(3);
  expect(r.data!.diary.filter((d: any) => d.date === '2026-11-14' || d.date === '2026-11-15').every((d: any) => d.lessons.length === 0)).toBe(true);
});

it('keeps first grade free of marks, with attendance kept', async () => {
  const sister = (await me('s.ivanova')).student.id;
  const r = await server.gql(`query($s: ID!) { student(id: $s) { marks(first: 1) { totalCount } attendance(first: 5) { totalCount } } }`,
    { s: sister }, tokens.get('p.ivanova'));
  expect(r.errors).toBeUndefined();
  expect(r.data!.student.marks.totalCount).toBe(0);
  expect(r.data!.student.attendance.totalCount).toBeGreaterThan(0);
});

it('fills each class to 25 students and shows t.math the journal of 5А mathematics', async () => {
  const em = server.em();
  const classes = await em.getConnection().execute(
    // Open enrollments: the demo movement book also has students who came and went (seed/demo-people.ts).
    // In class: a pupil on family education stays attached to their class (enrollment.form) but does not fill it.
    `select c.grade || c.letter as name, count(e.id)::int as n from class_group c join enrollment e on e.class_group_id = c.id and e.ends_on is null and e.form = 'IN_CLASS' group by 1 order by 1`);
  expect(classes).toEqual([{ name: '1А', n: 25 }, { name: '5А', n: 25 }, { name: '5Б', n: 25 }]);
  const [ids] = await em.getConnection().execute(
    `select c.id as class_id, s.id as subject_id from class_group c, subject s where c.grade = 5 and c.letter = 'А' and s.name = 'Математика'`);
  const r = await server.gql(JOURNAL, { c: toGlobalId('ClassGroup', ids.class_id), s: toGlobalId('Subject', ids.subject_id), from: '2026-11-01', to: '2026-11-20' }, tokens.get('t.math'));
  expect(r.errors).toBeUndefined();
  expect(r.data!.classJournal.students).toHaveLength(25);
  expect(r.data!.classJournal.lessons.length).toBeGreaterThan(5);
  expect(r.data!.classJournal.marks.length).toBeGreaterThan(10);
});

describe('SQL statements per query stay fixed, whatever the amount of data', () => {
  /**
   * The statements of one read. The live-diary hub's 5-second outbox sweep runs on the same
   * pool and can land inside one measurement; it cannot land in two runs of a read in a row,
   * so the fewer of two counts is the read's own (a read's cost is the same on each run).
   */
  async function statementsOf(query: string, variables: Record<string, unknown>, token: string | undefined) {
    const first = await server.countStatements(() => server.gql(query, variables, token));
    const second = await server.countStatements(() => server.gql(query, variables, token));
    return { result: first.result, statements: Math.min(first.statements, second.statements) };
  }

  it('diary: a week and a month cost the same', async () => {
    const child = (await me('s.ivanov')).student.id;
    const token = tokens.get('p.ivanova');
    const week = await statementsOf(DIARY, { s: child, from: '2026-11-16', to: '2026-11-20' }, token);
    const month = await statementsOf(DIARY, { s: child, from: '2026-10-21', to: '2026-11-20' }, token);
    expect(week.result.errors).toBeUndefined();
    expect(month.result.errors).toBeUndefined();
    const monthLessons = month.result.data!.diary.flatMap((d: any) => d.lessons).length;
    expect(monthLessons).toBeGreaterThan(2 * week.result.data!.diary.flatMap((d: any) => d.lessons).length);
    expect(month.statements).toBe(week.statements);
    // viewer; row scope with the lessons, their marks and attendance (domain/journal/journal.queries.ts diaryOfStudent)
    expect(week.statements).toBeLessThanOrEqual(2);
    console.log(`diary: ${week.statements} SQL statements for a week and for a month (${monthLessons} lessons)`);
  });

  it('class journal: a week and a quarter cost the same', async () => {
    const em = server.em();
    const [ids] = await em.getConnection().execute(
      `select c.id as class_id, s.id as subject_id from class_group c, subject s where c.grade = 5 and c.letter = 'Б' and s.name = 'Математика'`);
    const vars = { c: toGlobalId('ClassGroup', ids.class_id), s: toGlobalId('Subject', ids.subject_id) };
    const token = tokens.get('t.math');
    const week = await statementsOf(JOURNAL, { ...vars, from: '2026-11-16', to: '2026-11-20' }, token);
    const quarter = await statementsOf(JOURNAL, { ...vars, from: '2026-09-01', to: '2026-11-20' }, token);
    expect(quarter.result.errors).toBeUndefined();
    expect(quarter.result.data!.classJournal.marks.length).toBeGreaterThan(100);
    expect(quarter.statements).toBe(week.statements);
    // viewer, row scope, lessons with their marks and attendance, students
    expect(week.statements).toBeLessThanOrEqual(4);
    console.log(`class journal: ${week.statements} SQL statements for a week and for a quarter (${quarter.result.data!.classJournal.marks.length} marks)`);
  });

  it('class journal with every mark\'s versions: the per-mark check of mark.readVersions is batched (a week and a quarter cost the same)', async () => {
    const em = server.em();
    const [ids] = await em.getConnection().execute(
      `select c.id as class_id, s.id as subject_id from class_group c, subject s where c.grade = 5 and c.letter = 'Б' and s.name = 'Математика'`);
    const vars = { c: toGlobalId('ClassGroup', ids.class_id), s: toGlobalId('Subject', ids.subject_id) };
    const Q = `query($c: ID!, $s: ID!, $from: Date!, $to: Date!) { classJournal(classGroupId: $c, subjectId: $s, from: $from, to: $to) { marks { id versions { revision } } } }`;
    const token = tokens.get('t.math');
    const week = await statementsOf(Q, { ...vars, from: '2026-11-16', to: '2026-11-20' }, token);
    const quarter = await statementsOf(Q, { ...vars, from: '2026-09-01', to: '2026-11-20' }, token);
    expect(quarter.result.errors).toBeUndefined();
    expect(new Set(quarter.result.data!.classJournal.marks.map((m: any) => m.id)).size).toBeGreaterThan(100);
    expect(quarter.statements).toBe(week.statements);
  });
});

it('loads the demo school only into an empty database', async () => {
  await migrateAndSeed(server.orm, server.clock, { seed: true });
  expect(await server.em().count(School, {})).toBe(1);
});
