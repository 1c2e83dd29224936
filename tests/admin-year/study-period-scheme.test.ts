import { AcademicYear, Role, StudyPeriod, TimetableEntry } from '../../entities';
import { buildAssignment, buildClass, buildLesson, buildMark, buildStaff, buildStudent, buildWorld, currentYear, type World } from '../support/factories';
import { TestServer, errorCode } from '../support/server';
import { as, expectNotFoundLikeMissing, expectRefused, gid, ok, randomId } from './support';

// The study-period scheme per parallel (issue 18 part 1, 004 §4): grades 10–11 on half-years while
// 1–9 keep quarters. Every "period of a date for a class" is its grade's: the term report's rollup,
// period marks, the report card, the period-mark sheet, lessons generated from the timetable.

let server: TestServer;
let w: World;
let year: AcademicYear;
let yearId: string;
let class10: Awaited<ReturnType<typeof buildClass>>;
let senior: Awaited<ReturnType<typeof buildStudent>>;
let revokedAdmin: Awaited<ReturnType<typeof buildStaff>>;

const PERIODS = `mutation($i: SetStudyPeriodsInput!) { setStudyPeriods(input: $i) { version studyPeriods { name kind ordinal gradeFrom gradeTo } } }`;
const YEAR = `query($id: ID!) { node(id: $id) { ... on AcademicYear { version } } }`;
const CLASS_PERIODS = `query($y: ID!) { classGroups(yearId: $y) { name studyPeriods { id name kind } } }`;
const TERM = `query($c: ID!) { classTermReport(classGroupId: $c) { rows { studyPeriodName subjectName marksCount } } }`;
const SET_PERIOD_MARK = `mutation($i: SetPeriodMarkInput!) { setPeriodMark(input: $i) { id value studyPeriod { name } } }`;
const REPORT_CARD = `query($s: ID!, $p: ID!) { reportCardReport(studentId: $s, studyPeriodId: $p) { studyPeriodName classGroupName } }`;
const SHEET = `query($c: ID!, $p: ID) { periodMarkSheet(classGroupId: $c, studyPeriodId: $p) { studyPeriodName } }`;
const GENERATE = `mutation($i: GenerateLessonsInput!) { generateLessons(input: $i) { created } }`;

const HALF_YEARS = [
  { name: '1 полугодие', startsOn: '2026-09-01', endsOn: '2026-12-28' },
  { name: '2 полугодие', startsOn: '2027-01-12', endsOn: '2027-05-26' },
];

async function version(): Promise<number> {
  return ok(await as(server, w.admin.user.id, YEAR, { id: yearId })).node.version;
}

async function periodsOf(): Promise<Record<string, { id: string; name: string; kind: string }[]>> {
  const rows = ok(await as(server, w.admin.user.id, CLASS_PERIODS, { y: yearId })).classGroups;
  return Object.fromEntries(rows.map((c: any) => [c.name, c.studyPeriods]));
}

beforeAll(async () => {
  server = await TestServer.start();
  const em = server.em();
  w = await buildWorld(em);
  year = await currentYear(em, w.school);
  yearId = gid('AcademicYear', year.id);
  revokedAdmin = await buildStaff(em, w.school, [Role.ADMIN, Role.TEACHER]);
  await em.getConnection().execute(`delete from role_grant where user_id = ? and role = 'ADMIN'`, [revokedAdmin.user.id]);
  class10 = await buildClass(em, w.school, { grade: 10, letter: 'А' });
  await buildAssignment(em, w.teacher.employee, class10, w.math);
  senior = await buildStudent(em, class10, { withLogin: true, lastName: 'Старшов' });
  // October 28th lies in the autumn break of the quarters, inside the first half-year.
  const lesson = await buildLesson(em, { classGroup: class10, subject: w.math, teacher: w.teacher.employee, date: '2026-10-28', number: 3 });
  await buildMark(em, { lesson, student: senior.student, author: w.teacher.user, value: '5' });
  await buildMark(em, { lesson: w.lesson, student: w.student.student, author: w.teacher.user, value: '4' });
});
afterAll(async () => { await server.stop(); });

describe('setStudyPeriods for a range of grades', () => {
  it('is refused to the staff but ADMIN, to a revoked ADMIN, and is NOT_FOUND to another school', async () => {
    const i = { yearId, expectedVersion: await version(), kind: 'HALF_YEAR', periods: HALF_YEARS, grades: { from: 10, to: 11 } };
    for (const who of [w.director.user.id, w.deputy.user.id, w.teacher.user.id, revokedAdmin.user.id]) {
      await expectRefused(server, who, PERIODS, { i }, 'FORBIDDEN');
    }
    await expectNotFoundLikeMissing(server, w.otherAdmin.user.id, PERIODS, { i }, { i: { ...i, yearId: randomId('AcademicYear') } });
  });

  it.each([
    ['grades out of range', { grades: { from: 0, to: 11 } }, 'grades.from'],
    ['a reversed range', { grades: { from: 11, to: 10 } }, 'grades.to'],
  ])('refuses %s, naming the field', async (_what, change, field) => {
    const i = { yearId, expectedVersion: await version(), kind: 'HALF_YEAR', periods: HALF_YEARS, ...change };
    const r = await expectRefused(server, w.admin.user.id, PERIODS, { i }, 'BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe(field);
  });

  it('gives grades 10–11 half-years; grades 1–9 keep their quarters', async () => {
    const r = ok(await as(server, w.admin.user.id, PERIODS, {
      i: { yearId, expectedVersion: await version(), kind: 'HALF_YEAR', periods: HALF_YEARS, grades: { from: 10, to: 11 } },
    })).setStudyPeriods;
    expect(r.studyPeriods.map((p: any) => [p.name, p.gradeFrom, p.gradeTo])).toEqual([
      ['1 четверть', 1, 9], ['2 четверть', 1, 9], ['3 четверть', 1, 9], ['4 четверть', 1, 9],
      ['1 полугодие', 10, 11], ['2 полугодие', 10, 11],
    ]);
    const periods = await periodsOf();
    expect(periods['10А'].map((p) => p.name)).toEqual(['1 полугодие', '2 полугодие']);
    expect(periods['5А'].map((p) => p.name)).toEqual(['1 четверть', '2 четверть', '3 четверть', '4 четверть']);
  });

  it('refuses a range inside a wider scheme (a split), changing nothing', async () => {
    const r = await expectRefused(server, w.admin.user.id, PERIODS, {
      i: { yearId, expectedVersion: await version(), kind: 'HALF_YEAR', periods: HALF_YEARS, grades: { from: 3, to: 5 } },
    }, 'BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe('grades');
  });
});

describe('the period of a date for a class is its grade\'s', () => {
  it('the term report counts a 10th grade\'s marks by half-year, a 5th grade\'s by quarter', async () => {
    const term10 = ok(await as(server, w.admin.user.id, TERM, { c: gid('ClassGroup', class10.id) })).classTermReport.rows;
    expect(term10).toEqual([{ studyPeriodName: '1 полугодие', subjectName: 'Математика', marksCount: 1 }]);
    const term5 = ok(await as(server, w.admin.user.id, TERM, { c: gid('ClassGroup', w.class5a.id) })).classTermReport.rows;
    expect(term5).toEqual([{ studyPeriodName: '2 четверть', subjectName: 'Математика', marksCount: 1 }]);
  });

  it('period marks: a 10th grader gets a half-year mark, not a quarter one; a 5th grader a quarter mark, not a half-year one', async () => {
    const periods = await periodsOf();
    const [h1] = periods['10А'];
    const q2 = periods['5А'][1];
    const mark = (student: string, period: string) => ({
      i: { studentId: gid('Student', student), subjectId: gid('Subject', w.math.id), kind: 'PERIOD', studyPeriodId: period, value: '5' },
    });
    const wrong = await expectRefused(server, w.teacher.user.id, SET_PERIOD_MARK, mark(senior.student.id, q2.id), 'BAD_USER_INPUT');
    expect(wrong.errors![0].extensions!.field).toBe('studyPeriodId');
    await expectRefused(server, w.teacher.user.id, SET_PERIOD_MARK, mark(w.student.student.id, h1.id), 'BAD_USER_INPUT');
    expect(ok(await as(server, w.teacher.user.id, SET_PERIOD_MARK, mark(senior.student.id, h1.id))).setPeriodMark.studyPeriod.name).toBe('1 полугодие');
    expect(ok(await as(server, w.teacher.user.id, SET_PERIOD_MARK, mark(w.student.student.id, q2.id))).setPeriodMark.studyPeriod.name).toBe('2 четверть');
  });

  it('report cards and period-mark sheets are of the class\'s own periods', async () => {
    const periods = await periodsOf();
    const [h1] = periods['10А'];
    const q2 = periods['5А'][1];
    expect(ok(await as(server, w.admin.user.id, REPORT_CARD, { s: gid('Student', senior.student.id), p: h1.id })).reportCardReport)
      .toEqual({ studyPeriodName: '1 полугодие', classGroupName: '10А' });
    expect(errorCode(await as(server, w.admin.user.id, REPORT_CARD, { s: gid('Student', senior.student.id), p: q2.id }))).toBe('NOT_FOUND');
    expect(ok(await as(server, w.admin.user.id, REPORT_CARD, { s: gid('Student', w.student.student.id), p: q2.id })).reportCardReport.studyPeriodName).toBe('2 четверть');
    expect(errorCode(await as(server, w.admin.user.id, REPORT_CARD, { s: gid('Student', w.student.student.id), p: h1.id }))).toBe('NOT_FOUND');
    expect(ok(await as(server, w.admin.user.id, SHEET, { c: gid('ClassGroup', class10.id), p: h1.id })).periodMarkSheet.studyPeriodName).toBe('1 полугодие');
    expect(errorCode(await as(server, w.admin.user.id, SHEET, { c: gid('ClassGroup', class10.id), p: q2.id }))).toBe('NOT_FOUND');
  });

  it('lessons are generated inside the class\'s periods: the 10th grade studies through the quarters\' autumn break', async () => {
    const em = server.em();
    for (const classGroup of [class10, w.class5b]) {
      em.create(TimetableEntry, {
        year, classGroup, subject: w.math, teacher: w.substitute.employee, weekday: 2, bellNumber: 6, validFrom: '2026-09-01',
      });
    }
    await em.flush();
    const r = ok(await as(server, w.deputy.user.id, GENERATE, { i: { yearId, from: '2026-10-26', to: '2026-11-10' } })).generateLessons;
    // Tuesdays: October 27th (the break: 10А only), November 3rd (the break: 10А only), November 10th (both).
    expect(r.created).toBe(4);
    const dates = await em.getConnection().execute(
      `select c.grade, to_char(l.date, 'YYYY-MM-DD') as date from lesson l join class_group c on c.id = l.class_group_id
        where l.timetable_entry_id is not null order by c.grade, l.date`);
    expect(dates).toEqual([
      { grade: 5, date: '2026-11-10' },
      { grade: 10, date: '2026-10-27' }, { grade: 10, date: '2026-11-03' }, { grade: 10, date: '2026-11-10' },
    ]);
  });

  it('refuses to take grades 5–9 off a scheme their pupils already have period marks of', async () => {
    const r = await expectRefused(server, w.admin.user.id, PERIODS, {
      i: { yearId, expectedVersion: await version(), kind: 'HALF_YEAR', periods: HALF_YEARS, grades: { from: 5, to: 9 } },
    }, 'BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe('grades');
  });

  it('setting the same range again updates its periods in place: the period marks keep them', async () => {
    const before = await server.em().fork().find(StudyPeriod, { year, gradeFrom: 10 }, { orderBy: { ordinal: 'asc' } });
    ok(await as(server, w.admin.user.id, PERIODS, {
      i: {
        yearId, expectedVersion: await version(), kind: 'HALF_YEAR', grades: { from: 10, to: 11 },
        periods: [{ ...HALF_YEARS[0], name: 'I полугодие' }, HALF_YEARS[1]],
      },
    }));
    const after = await server.em().fork().find(StudyPeriod, { year, gradeFrom: 10 }, { orderBy: { ordinal: 'asc' } });
    expect(after.map((p) => p.id)).toEqual(before.map((p) => p.id));
    expect(after[0].name).toBe('I полугодие');
  });
});

describe('a year starts only with periods for every grade', () => {
  it('refuses ACTIVE while grades 1–9 have no periods', async () => {
    const created = ok(await as(server, w.admin.user.id,
      `mutation { createAcademicYear(input: { name: "2027/2028", startsOn: "2027-09-01", endsOn: "2028-05-26" }) { id version } }`)).createAcademicYear;
    ok(await as(server, w.admin.user.id, PERIODS, {
      i: {
        yearId: created.id, expectedVersion: created.version, kind: 'HALF_YEAR', grades: { from: 10, to: 11 },
        periods: [{ name: '1', startsOn: '2027-09-01', endsOn: '2027-12-28' }, { name: '2', startsOn: '2028-01-10', endsOn: '2028-05-26' }],
      },
    }));
    const v = ok(await as(server, w.admin.user.id, YEAR, { id: created.id })).node.version;
    const r = await expectRefused(server, w.admin.user.id,
      `mutation($i: SetAcademicYearStateInput!) { setAcademicYearState(input: $i) { state } }`,
      { i: { yearId: created.id, expectedVersion: v, state: 'ACTIVE' } }, 'BAD_USER_INPUT');
    expect(r.errors![0].message).toMatch(/every grade/);
  });
});
