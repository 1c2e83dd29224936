import { DEMO_LOGINS, DEMO_PASSWORD } from '../../seed/demo-school';
import { migrateAndSeed } from '../../server/bootstrap';
import { toGlobalId } from '../../schema/global-id';
import { TestServer, errorCode } from '../support/server';

// Every journal report on the demo school (CONTRACT.md): it shows something, each role gets
// its own reach, and the SQL statements per report stay fixed whatever the span.

let server: TestServer;
const tokens = new Map<string, string>();
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await TestServer.start('2026-11-20T12:00:00+03:00');
  await migrateAndSeed(server.orm, server.clock, { seed: true });
  for (const login of DEMO_LOGINS) {
    const r = await server.gql(`mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken } }`, { l: login, p: DEMO_PASSWORD });
    tokens.set(login, r.data!.login.accessToken);
  }
  const sql = (q: string) => server.em().getConnection().execute(q);
  const [row] = await sql(`select
      (select id from school) as school,
      (select id from class_group where grade = 5 and letter = 'А') as c5a, (select id from class_group where grade = 5 and letter = 'Б') as c5b,
      (select id from class_group where grade = 1) as c1a,
      (select id from study_period where ordinal = 1) as q1, (select id from study_period where ordinal = 2) as q2,
      (select s.id from student s join app_user u on u.id = s.user_id where u.login = 's.ivanov') as ivanov,
      (select s.id from student s join app_user u on u.id = s.user_id where u.login = 's.sidorov') as sidorov,
      (select id from subject where name = 'Математика') as math`);
  Object.assign(ids, {
    school: toGlobalId('School', row.school), c5a: toGlobalId('ClassGroup', row.c5a), c5b: toGlobalId('ClassGroup', row.c5b),
    c1a: toGlobalId('ClassGroup', row.c1a), q1: toGlobalId('StudyPeriod', row.q1), q2: toGlobalId('StudyPeriod', row.q2),
    ivanov: toGlobalId('Student', row.ivanov), sidorov: toGlobalId('Student', row.sidorov), math: toGlobalId('Subject', row.math),
  });
});
afterAll(async () => { await server.stop(); });

const as = async (login: string, query: string, variables: Record<string, unknown> = {}) => server.gql(query, variables, tokens.get(login));
const data = (r: Awaited<ReturnType<typeof as>>, field: string) => {
  expect(r.errors ?? []).toEqual([]);
  return r.data![field];
};

const REPORTS = {
  completeness: `query($from: Date!, $to: Date!, $c: ID) { journalCompletenessReport(from: $from, to: $to, classGroupId: $c) {
    schoolId rows { classGroupName subjectName teacherName lessons missingTopic missingHomework missingAttendance complete
      incompleteLessons { lessonId date number missingTopic missingHomework missingAttendance } } } }`,
  timeliness: `query($from: Date!, $to: Date!) { markTimelinessReport(from: $from, to: $to) {
    marks lateMarks lateShare rows { teacherName subjectName marks lateMarks lateShare averageDelayDays } } }`,
  average: `query($s: ID!, $sub: ID) { studentAverageReport(studentId: $s, subjectId: $sub) {
    studentName marks average weightedAverage trend periods { label marks average weightedAverage } weeks { label marks weightedAverage } } }`,
  weighted: `query($c: ID!, $p: ID!) { weightedAverageReport(classGroupId: $c, studyPeriodId: $p) {
    classGroupName formula rows { studentName subjectName marks average weightedAverage } } }`,
  reportCard: `query($s: ID!, $p: ID!) { reportCardReport(studentId: $s, studyPeriodId: $p) {
    studentName classGroupName studyPeriodName subjects { subjectName periodMark yearMark marks average weightedAverage }
    absences { absentLessons lateLessons illness excused unexcused unknown } } }`,
  attendance: `query($from: Date!, $to: Date!, $c: ID) { attendanceSummaryReport(from: $from, to: $to, classGroupId: $c) {
    rows { classGroupName absences lates byReason { kind reason count } students { studentName absent late unexcused } } } }`,
  atRisk: `query($p: ID!, $c: ID) { atRiskReport(studyPeriodId: $p, classGroupId: $c) {
    studyPeriodName students { studentName classGroupName subjects { subjectName hoursPerWeek marks required } } } }`,
  aggregates: `query($from: Date!, $to: Date!) { schoolJournalAggregatesReport(from: $from, to: $to) {
    schoolId schoolName lessons lessonsMissingTopic lessonsMissingHomework lessonsMissingAttendance marks lateMarks lateShare
    averageMark weightedAverageMark absences lates illness excused unexcused unknownReason atRiskStudyPeriodName atRiskPairs atRiskStudents } }`,
  sheet: `query($c: ID!, $p: ID) { periodMarkSheet(classGroupId: $c, studyPeriodId: $p) {
    classGroupName studyPeriodName students { studentId fullName } subjects { subjectId name }
    marks { periodMarkId kind value revision corrected studentId subjectId studyPeriodId } } }`,
};
const AUTUMN = { from: '2026-09-01', to: '2026-11-20' };

describe('each report shows something on the demo school', () => {
  it('journal completeness: lessons without homework, topic and attendance, each listed', async () => {
    const report = data(await as('zavuch', REPORTS.completeness, AUTUMN), 'journalCompletenessReport');
    const rows = report.rows as any[];
    expect(rows.find((r) => r.subjectName === 'История').missingHomework).toBeGreaterThan(5);
    expect(rows.find((r) => r.subjectName === 'Музыка' && r.classGroupName === '5Б').missingTopic).toBeGreaterThan(0);
    expect(rows.filter((r) => r.subjectName === 'География').every((r: any) => r.missingAttendance > 0)).toBe(true);
    expect(rows.find((r) => r.subjectName === 'Математика' && r.classGroupName === '5А')).toMatchObject({ missingTopic: 0, missingAttendance: 0 });
    for (const r of rows) {
      expect(r.incompleteLessons).toHaveLength(r.lessons - r.complete);
      expect(r.complete).toBeLessThanOrEqual(r.lessons);
    }
  });

  it('timeliness: late English and mathematics marks; the rest on time', async () => {
    const report = data(await as('director', REPORTS.timeliness, AUTUMN), 'markTimelinessReport');
    expect(report.lateMarks).toBeGreaterThan(0);
    const english = report.rows.find((r: any) => r.subjectName === 'Английский язык');
    expect(english.lateShare).toBeGreaterThan(0.1);
    expect(english.averageDelayDays).toBe(2);
    expect(report.rows.find((r: any) => r.subjectName === 'История').lateMarks).toBe(0);
  });

  it('student average: per quarter and per week, with a trend', async () => {
    const report = data(await as('zavuch', REPORTS.average, { s: ids.ivanov }), 'studentAverageReport');
    expect(report.studentName).toBe('Иванов Иван Сергеевич');
    expect(report.periods.map((p: any) => p.label)).toEqual(['1 четверть', '2 четверть', '3 четверть', '4 четверть']);
    expect(report.periods[0].marks).toBeGreaterThan(0);
    expect(report.periods[0].marks + report.periods[1].marks).toBe(report.marks);
    expect(report.weeks.length).toBeGreaterThan(8);
    expect(report.weeks.reduce((n: number, w: any) => n + w.marks, 0)).toBe(report.marks);
    expect(report.trend).not.toBeNull();
  });

  it('student average: a subject teacher (not the class teacher) reads their own subject\'s marks only', async () => {
    const own = data(await as('t.math', REPORTS.average, { s: ids.sidorov }), 'studentAverageReport');
    const all = data(await as('zavuch', REPORTS.average, { s: ids.sidorov }), 'studentAverageReport');
    const math = data(await as('zavuch', REPORTS.average, { s: ids.sidorov, sub: ids.math }), 'studentAverageReport');
    expect(own.marks).toBeGreaterThan(0);
    expect(own.marks).toBeLessThan(all.marks);
    expect(own).toMatchObject({ marks: math.marks, weightedAverage: math.weightedAverage, average: math.average });
  });

  it('weighted average per subject, with the formula', async () => {
    const report = data(await as('t.math', REPORTS.weighted, { c: ids.c5a, p: ids.q1 }), 'weightedAverageReport');
    expect(report.formula).toMatch(/Σ\(value × weight\) \/ Σ\(weight\)/);
    expect(report.rows.length).toBeGreaterThan(25 * 5);
    expect(report.rows.every((r: any) => r.weightedAverage >= 2 && r.weightedAverage <= 5)).toBe(true);
  });

  it('report card: first-quarter marks, averages and absences', async () => {
    const card = data(await as('p.ivanova', REPORTS.reportCard, { s: ids.ivanov, p: ids.q1 }), 'reportCardReport');
    expect(card).toMatchObject({ studentName: 'Иванов Иван Сергеевич', classGroupName: '5А', studyPeriodName: '1 четверть' });
    expect(card.subjects.length).toBeGreaterThan(8);
    expect(card.subjects.every((s: any) => /^[2-5]$|^н\/а$/.test(s.periodMark))).toBe(true);
    expect(card.subjects.some((s: any) => s.weightedAverage !== null)).toBe(true);
    expect(card.absences.absentLessons + card.absences.lateLessons).toBe(
      card.absences.illness + card.absences.excused + card.absences.unexcused + card.absences.unknown);
  });

  it('attendance summary per class, by reason', async () => {
    const report = data(await as('admin', REPORTS.attendance, AUTUMN), 'attendanceSummaryReport');
    expect(report.rows.map((r: any) => r.classGroupName)).toEqual(['1А', '5А', '5Б']);
    for (const r of report.rows) {
      expect(r.absences + r.lates).toBe(r.byReason.reduce((n: number, x: any) => n + x.count, 0));
      expect(r.students.reduce((n: number, s: any) => n + s.absent + s.late, 0)).toBe(r.absences + r.lates);
    }
  });

  it('at risk: the 5Б student with no biology mark in the first quarter, "н/а" on the sheet', async () => {
    const report = data(await as('zavuch', REPORTS.atRisk, { p: ids.q1 }), 'atRiskReport');
    const rows = (report.students as any[]).flatMap((s) => s.subjects.map((x: any) => ({ ...x, studentName: s.studentName, classGroupName: s.classGroupName })));
    const row = rows.find((r) => r.classGroupName === '5Б' && r.subjectName === 'Биология' && r.marks === 0);
    expect(row).toMatchObject({ hoursPerWeek: 1, required: 3 });
    expect(rows.every((r) => r.marks < r.required && r.classGroupName !== '1А')).toBe(true);
    expect(rows.every((r) => r.required === (r.hoursPerWeek >= 2 ? 5 : 3))).toBe(true);
    const sheet = data(await as('zavuch', REPORTS.sheet, { c: ids.c5b, p: ids.q1 }), 'periodMarkSheet');
    expect(sheet).toMatchObject({ classGroupName: '5Б', studyPeriodName: '1 четверть' });
    expect(sheet.students).toHaveLength(25);
    const student = sheet.students.find((s: any) => s.fullName === row.studentName);
    const biology = sheet.subjects.find((s: any) => s.name === 'Биология');
    expect(sheet.marks.find((m: any) => m.studentId === student.studentId && m.subjectId === biology.subjectId))
      .toMatchObject({ kind: 'PERIOD', value: 'н/а', studyPeriodId: ids.q1, revision: 1, corrected: false });
    // Every student has a first-quarter mark in every subject of the class.
    expect(sheet.marks).toHaveLength(25 * sheet.subjects.length);
  });

  it('coordinator: the same figures per school, no names', async () => {
    const [school] = data(await as('coordinator', REPORTS.aggregates, AUTUMN), 'schoolJournalAggregatesReport');
    expect(school.schoolId).toBe(ids.school);
    expect(school.lessonsMissingHomework).toBeGreaterThan(0);
    expect(school.lateMarks).toBeGreaterThan(0);
    expect(school.absences).toBeGreaterThan(0);
    expect(school.atRiskStudyPeriodName).toBe('2 четверть');
    expect(school.atRiskPairs).toBeGreaterThan(0);
    const staff = data(await as('zavuch', REPORTS.completeness, AUTUMN), 'journalCompletenessReport');
    expect(school.lessonsMissingHomework).toBe(staff.rows.reduce((n: number, r: any) => n + r.missingHomework, 0));
    expect(school.lessons).toBe(staff.rows.reduce((n: number, r: any) => n + r.lessons, 0));
    const timeliness = data(await as('zavuch', REPORTS.timeliness, AUTUMN), 'markTimelinessReport');
    expect(school.lateMarks).toBe(timeliness.lateMarks);
    // Names are not in the type at all.
    const named = await as('coordinator', `query { schoolJournalAggregatesReport(from: "2026-09-01", to: "2026-11-20") { studentName } }`);
    expect(errorCode(named)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('who reads what', () => {
  it('a teacher sees only their own subjects; the class teacher their whole class', async () => {
    const math = data(await as('t.math', REPORTS.completeness, AUTUMN), 'journalCompletenessReport');
    const subjects = new Set<string>(math.rows.map((r: any) => `${r.classGroupName} ${r.subjectName}`));
    // Mathematics in both classes, and every subject of 5А (their own class).
    expect(subjects.has('5Б Математика')).toBe(true);
    expect(subjects.has('5А История')).toBe(true);
    expect(subjects.has('5Б История')).toBe(false);
    expect([...subjects].some((s) => s.startsWith('1А'))).toBe(false);
    const atRisk = data(await as('t.russian', REPORTS.atRisk, { p: ids.q2 }), 'atRiskReport');
    expect(atRisk.students.length).toBeGreaterThan(0);
    expect(atRisk.students.every((s: any) => s.classGroupName === '5Б'
      || s.subjects.every((x: any) => ['Русский язык', 'Литература'].includes(x.subjectName)))).toBe(true);
  });

  it('families read their own report cards only; "not yours" answers like "missing"', async () => {
    expect(data(await as('s.ivanov', REPORTS.reportCard, { s: ids.ivanov, p: ids.q1 }), 'reportCardReport').studentName).toBe('Иванов Иван Сергеевич');
    const foreign = await as('p.ivanova', REPORTS.reportCard, { s: ids.sidorov, p: ids.q1 });
    const missing = await as('p.ivanova', REPORTS.reportCard, { s: toGlobalId('Student', '00000000-0000-4000-8000-000000000000'), p: ids.q1 });
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors).toEqual(missing.errors);
    for (const q of ['completeness', 'timeliness', 'attendance'] as const) {
      expect(errorCode(await as('s.ivanov', REPORTS[q], AUTUMN))).toBe('FORBIDDEN');
      expect(errorCode(await as('p.ivanova', REPORTS[q], AUTUMN))).toBe('FORBIDDEN');
    }
    expect(errorCode(await as('p.petrov', REPORTS.average, { s: ids.ivanov }))).toBe('FORBIDDEN');
  });

  it('the secretary and the coordinator get no school report with names', async () => {
    for (const login of ['secretary', 'coordinator']) {
      expect(errorCode(await as(login, REPORTS.completeness, AUTUMN))).toBe('FORBIDDEN');
      expect(errorCode(await as(login, REPORTS.reportCard, { s: ids.ivanov, p: ids.q1 }))).toBe('FORBIDDEN');
      expect(errorCode(await as(login, REPORTS.atRisk, { p: ids.q1 }))).toBe('FORBIDDEN');
    }
    expect(errorCode(await as('secretary', REPORTS.aggregates, AUTUMN))).toBe('FORBIDDEN');
  });

  it('a teacher asking about a class or student they do not teach gets NOT_FOUND', async () => {
    expect(errorCode(await as('t.math', REPORTS.weighted, { c: ids.c1a, p: ids.q1 }))).toBe('NOT_FOUND');
    expect(errorCode(await as('t.primary', REPORTS.reportCard, { s: ids.sidorov, p: ids.q1 }))).toBe('NOT_FOUND');
    expect(errorCode(await as('t.primary', REPORTS.sheet, { c: ids.c5a }))).toBe('NOT_FOUND');
  });

  it('bad spans and ids are BAD_USER_INPUT naming the field', async () => {
    const back = await as('zavuch', REPORTS.completeness, { from: '2026-11-20', to: '2026-09-01' });
    expect(back.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const long = await as('zavuch', REPORTS.timeliness, { from: '2025-09-01', to: '2026-11-20' });
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const wrongId = await as('zavuch', REPORTS.weighted, { c: ids.q1, p: ids.q1 });
    expect(wrongId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'classGroupId' });
  });
});

describe('SQL statements per report stay fixed, whatever the span', () => {
  async function statementsOf(login: string, query: string, variables: Record<string, unknown>) {
    const token = tokens.get(login);
    const first = await server.countStatements(() => server.gql(query, variables, token));
    const second = await server.countStatements(() => server.gql(query, variables, token));
    expect(first.result.errors ?? []).toEqual([]);
    return Math.min(first.statements, second.statements);
  }

  it.each([
    ['completeness', 'zavuch', 3], ['timeliness', 'zavuch', 3], ['attendance', 't.math', 3], ['aggregates', 'coordinator', 2],
  ] as const)('%s (%s): a week and a term cost the same, at most %d', async (report, login, most) => {
    const week = await statementsOf(login, REPORTS[report], { from: '2026-11-16', to: '2026-11-20' });
    const term = await statementsOf(login, REPORTS[report], AUTUMN);
    console.log(`${report}: ${term} SQL statements for a week and for a term`);
    expect(term).toBe(week);
    expect(term).toBeLessThanOrEqual(most);
  });

  it('a parent\'s children\'s period marks: two children cost what one does', async () => {
    const CHILDREN = `{ me { children { fullName periodMarks { kind value subject { name } studyPeriod { ordinal } } } } }`;
    const one = await statementsOf('p.petrov', CHILDREN, {});
    const two = await statementsOf('p.ivanova', CHILDREN, {});
    const children = data(await as('p.ivanova', CHILDREN), 'me').children;
    expect(children.flatMap((c: any) => c.periodMarks).length).toBeGreaterThan(5);
    console.log(`children's period marks: ${two} SQL statements for two children, ${one} for one`);
    expect(two).toBe(one);
  });

  it.each([
    ['average', 'zavuch', 4, { s: 'ivanov' }], ['weighted', 'zavuch', 3, { c: 'c5a', p: 'q1' }],
    ['reportCard', 'p.ivanova', 4, { s: 'ivanov', p: 'q1' }], ['atRisk', 'zavuch', 4, { p: 'q2' }],
    ['sheet', 'zavuch', 3, { c: 'c5b', p: 'q1' }],
  ] as const)('%s (%s): at most %i statements', async (report, login, most, vars) => {
    const variables = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, ids[v]]));
    const statements = await statementsOf(login, REPORTS[report], variables);
    console.log(`${report}: ${statements} SQL statements`);
    expect(statements).toBeLessThanOrEqual(most);
  });
});
