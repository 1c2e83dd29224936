import { randomUUID } from 'node:crypto';
import { RoleGrant, Role, User } from '../../entities';
import { toGlobalId } from '../../schema/global-id';
import { buildLesson, buildStaff, buildUser } from '../support/factories';
import { errorCode, type TestServer } from '../support/server';
import { Journal, ok, useJournalWorld, type JournalWorld } from '../journal-rules/support';

// Term reports (per subject × study period: counts, averages, quality and success) read from
// the mark_rollup the database keeps: they must equal a fresh computation over the marks after
// every kind of change, and follow the access matrix (administration: whole school; class
// teacher: own class; coordinators: their schools, per school only).

let server: TestServer;
let w: JournalWorld['w'];
let j: Journal;
let regional: User;
useJournalWorld(async (world) => {
  ({ server, w, j } = world);
  const em = world.em;
  regional = await buildUser(em, null);
  em.create(RoleGrant, { user: regional, role: Role.REGIONAL_COORDINATOR, region: w.school.municipality.region });
  await em.flush();
});

const ROW = `subjectId subjectName studyPeriodId studyPeriodName studyPeriodOrdinal academicYearName marksCount gradedCount
             average weightedAverage qualityPercent successPercent`;
const CLASS_REPORT = `query($c: ID!) { classTermReport(classGroupId: $c) { schoolId schoolName classGroupName rows { ${ROW} } } }`;
const SCHOOL_REPORT = `query($s: ID) { schoolTermReport(schoolId: $s) { schoolId schoolName classGroupName rows { ${ROW} } } }`;
const classId = (c: { id: string }) => toGlobalId('ClassGroup', c.id);
const schoolId = (s: { id: string }) => toGlobalId('School', s.id);

/** The report computed from scratch over the marks, in the API's shape (for comparison with the rollup). */
async function expected(where: 'class' | 'school', id: string) {
  const rows = await server.em().getConnection().execute(
    `select l.subject_id, sp.id as study_period_id, count(*)::int as marks_count, count(v.n)::int as graded,
            round(avg(v.n), 2)::float as average, round(sum(v.n * wt.weight) / nullif(sum(wt.weight) filter (where v.n is not null), 0), 2)::float as weighted,
            round(100.0 * count(*) filter (where v.n >= 4) / nullif(count(v.n), 0), 1)::float as quality,
            round(100.0 * count(*) filter (where v.n >= 3) / nullif(count(v.n), 0), 1)::float as success
       from mark m join lesson l on l.id = m.lesson_id join class_group c on c.id = l.class_group_id
       join study_period sp on sp.year_id = c.year_id and l.date between sp.starts_on and sp.ends_on
       join work_type wt on wt.id = m.work_type_id
       cross join lateral (select case when m.value in ('1','2','3','4','5') then m.value::int end as n) v
      where ${where === 'class' ? 'l.class_group_id' : 'l.school_id'} = ?
      group by l.subject_id, sp.id`, [id]);
  return rows.map((r: any) => ({
    subjectId: toGlobalId('Subject', r.subject_id), studyPeriodId: toGlobalId('StudyPeriod', r.study_period_id),
    marksCount: r.marks_count, gradedCount: r.graded, average: r.average, weightedAverage: r.weighted,
    qualityPercent: r.quality, successPercent: r.success,
  })).sort(bySubjectAndPeriod);
}

function bySubjectAndPeriod(a: { subjectId: string; studyPeriodId: string }, b: { subjectId: string; studyPeriodId: string }) {
  return `${a.subjectId}${a.studyPeriodId}`.localeCompare(`${b.subjectId}${b.studyPeriodId}`);
}

const numbers = (rows: any[]) => rows.map(({ subjectId, studyPeriodId, marksCount, gradedCount, average, weightedAverage, qualityPercent, successPercent }) =>
  ({ subjectId, studyPeriodId, marksCount, gradedCount, average, weightedAverage, qualityPercent, successPercent })).sort(bySubjectAndPeriod);

async function classReport(who: { user?: { id: string } | null } | { id: string }, classGroup: { id: string }) {
  return ok(await j.as(who, CLASS_REPORT, { c: classId(classGroup) }), 'classTermReport');
}

describe('figures', () => {
  it('sums the marks per subject and study period, with averages, weighted average and the two shares', async () => {
    ok(await j.recordMark(w.teacher, { lesson: w.lesson, student: w.student.student, value: '5', workTypeCode: 'CONTROL' }), 'recordMark');
    ok(await j.recordMark(w.teacher, { lesson: w.lesson, student: w.classmate.student, value: '3' }), 'recordMark');
    ok(await j.recordMark(w.teacher, { lesson: w.lesson, student: w.classmate.student, value: '2', workTypeCode: 'HOMEWORK' }), 'recordMark');
    const report = await classReport(w.admin, w.class5a);
    expect(report.classGroupName).toBe('5А');
    expect(report.schoolId).toBe(schoolId(w.school));
    const math = report.rows.find((r: any) => r.subjectName === 'Математика');
    // 5×2 + 3×1 + 2×1 over weights 2 + 1 + 1
    expect(math).toMatchObject({
      studyPeriodName: '2 четверть', studyPeriodOrdinal: 2, academicYearName: '2026/2027', marksCount: 3, gradedCount: 3,
      average: 3.33, weightedAverage: 3.75, qualityPercent: 33.3, successPercent: 66.7,
    });
    expect(numbers(report.rows)).toEqual(await expected('class', w.class5a.id));
  });

  it('follows corrections, moved lessons, re-weighted work types and changed periods', async () => {
    const mark = ok(await j.recordMark(w.teacher, { lesson: w.lesson, student: w.student.student, value: '4' }), 'recordMark');
    ok(await j.correctMark(w.teacher, { mark: mark.id, value: '2', reason: 'Ошибка при вводе', expectedRevision: 1 }), 'correctMark');
    expect(numbers((await classReport(w.admin, w.class5a)).rows)).toEqual(await expected('class', w.class5a.id));

    const em = server.em();
    const autumn = await buildLesson(em, { classGroup: w.class5a, subject: w.math, teacher: w.teacher.employee, date: '2026-11-19', number: 5 });
    ok(await j.recordMark(w.teacher, { lesson: autumn, student: w.student.student, value: '5' }), 'recordMark');
    const sql = em.getConnection();
    await sql.execute(`update lesson set date = '2026-10-01' where id = ?`, [autumn.id]);
    let report = await classReport(w.admin, w.class5a);
    expect(report.rows.map((r: any) => r.studyPeriodOrdinal)).toContain(1);
    expect(numbers(report.rows)).toEqual(await expected('class', w.class5a.id));

    await sql.execute(`update work_type set weight = 3 where school_id = ? and code = 'ORAL'`, [w.school.id]);
    expect(numbers((await classReport(w.admin, w.class5a)).rows)).toEqual(await expected('class', w.class5a.id));

    // The first quarter ends earlier: the moved lesson falls outside every period.
    await sql.execute(`update study_period set ends_on = '2026-09-30' where ordinal = 1 and year_id in (select id from academic_year where school_id = ?)`, [w.school.id]);
    report = await classReport(w.admin, w.class5a);
    expect(report.rows.map((r: any) => r.studyPeriodOrdinal)).not.toContain(1);
    expect(numbers(report.rows)).toEqual(await expected('class', w.class5a.id));

    await sql.execute(`delete from mark_version where mark_id in (select id from mark where lesson_id = ?)`, [autumn.id]);
    await sql.execute(`delete from mark where lesson_id = ?`, [autumn.id]);
    expect(numbers((await classReport(w.admin, w.class5a)).rows)).toEqual(await expected('class', w.class5a.id));
  });

  it('adds up every class of the school in the school report', async () => {
    ok(await j.recordMark(w.teacher, { lesson: w.lesson5b, student: w.otherStudent.student, value: '4' }), 'recordMark');
    const report = ok(await j.as(w.admin, SCHOOL_REPORT, {}), 'schoolTermReport');
    expect(report.classGroupName).toBeNull();
    expect(numbers(report.rows)).toEqual(await expected('school', w.school.id));
    const classes = [await classReport(w.admin, w.class5a), await classReport(w.admin, w.class5b)];
    const mathCount = (rows: any[]) => rows.filter((r) => r.subjectName === 'Математика').reduce((n, r) => n + r.marksCount, 0);
    expect(mathCount(report.rows)).toBe(mathCount(classes[0].rows) + mathCount(classes[1].rows));
  });

  it('costs the same few SQL statements for a class and for a school', async () => {
    const token = await server.token(w.admin.user.id);
    // Of two runs, the fewer: the diary hub's 5-second sweep may land inside one of them.
    const fewest = async (query: string, variables: Record<string, unknown>) => {
      const [a, b] = [await server.countStatements(() => server.gql(query, variables, token)), await server.countStatements(() => server.gql(query, variables, token))];
      return b.statements < a.statements ? b : a;
    };
    const forClass = await fewest(CLASS_REPORT, { c: classId(w.class5a) });
    const forSchool = await fewest(SCHOOL_REPORT, {});
    expect(forClass.result.errors).toBeUndefined();
    expect(forSchool.result.errors).toBeUndefined();
    // viewer, the class or school with what access needs, the rollup rows
    expect(forClass.statements).toBe(3);
    expect(forSchool.statements).toBe(3);
  });
});

describe('who may read it', () => {
  it.each([
    ['admin'], ['director'], ['deputy'], ['classTeacher'],
  ] as const)('the class report of 5А: %s may', async (who) => {
    const r = await j.as(w[who], CLASS_REPORT, { c: classId(w.class5a) });
    expect(r.errors).toBeUndefined();
    expect(r.data!.classTermReport.classGroupName).toBe('5А');
  });

  it.each([
    // a teacher of 5А who does not lead it, the class teacher of another class, another school's administration
    ['teacher', 'NOT_FOUND'], ['primaryTeacher', 'NOT_FOUND'], ['otherAdmin', 'NOT_FOUND'],
    ['secretary', 'FORBIDDEN'], ['hr', 'FORBIDDEN'], ['student', 'FORBIDDEN'], ['parent', 'FORBIDDEN'], ['coordinator', 'FORBIDDEN'],
  ] as const)('the class report of 5А: %s may not (%s)', async (who, code) => {
    const r = await j.as(w[who], CLASS_REPORT, { c: classId(w.class5a) });
    expect(errorCode(r)).toBe(code);
    expect(r.data?.classTermReport ?? null).toBeNull();
  });

  it('answers a class that is not yours exactly like one that does not exist', async () => {
    const missing = await j.as(w.otherAdmin, CLASS_REPORT, { c: toGlobalId('ClassGroup', randomUUID()) });
    const foreign = await j.as(w.otherAdmin, CLASS_REPORT, { c: classId(w.class5a) });
    expect(foreign.errors![0].message).toBe(missing.errors![0].message);
    expect(errorCode(foreign)).toBe(errorCode(missing));
  });

  it.each([['admin'], ['director'], ['deputy']] as const)('the school report: %s may, without naming the school', async (who) => {
    const r = await j.as(w[who], SCHOOL_REPORT, {});
    expect(r.errors).toBeUndefined();
    expect(r.data!.schoolTermReport.schoolId).toBe(schoolId(w.school));
  });

  it('the school report: the municipal and the regional coordinator may, for a school under them', async () => {
    for (const who of [w.coordinator, regional]) {
      const r = await j.as(who, SCHOOL_REPORT, { s: schoolId(w.school) });
      expect(r.errors).toBeUndefined();
      expect(r.data!.schoolTermReport.rows.length).toBeGreaterThan(0);
    }
  });

  it('the school report: coordinators of elsewhere and other schools\' administrations get NOT_FOUND, as for a missing school', async () => {
    const missing = await j.as(w.coordinator, SCHOOL_REPORT, { s: toGlobalId('School', randomUUID()) });
    expect(errorCode(missing)).toBe('NOT_FOUND');
    for (const [who, school] of [[w.coordinator, w.otherSchool], [regional, w.otherSchool], [w.otherAdmin, w.school]] as const) {
      const r = await j.as(who, SCHOOL_REPORT, { s: schoolId(school) });
      expect(errorCode(r)).toBe('NOT_FOUND');
      expect(r.errors![0].message).toBe(missing.errors![0].message);
    }
  });

  it.each([
    ['classTeacher'], ['teacher'], ['secretary'], ['student'], ['parent'], ['pastoral'],
  ] as const)('the school report: %s may not (FORBIDDEN)', async (who) => {
    const member = who === 'pastoral' ? await pastoralDeputy() : w[who];
    const r = await j.as(member, SCHOOL_REPORT, { s: schoolId(w.school) });
    expect(errorCode(r)).toBe('FORBIDDEN');
  });

  it('asks a coordinator to name the school, and refuses an id of another type', async () => {
    expect(errorCode(await j.as(w.coordinator, SCHOOL_REPORT, {}))).toBe('BAD_USER_INPUT');
    const r = await j.as(w.admin, SCHOOL_REPORT, { s: classId(w.class5a) });
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe('schoolId');
  });
});

const pastoralDeputy = () => buildStaff(server.em(), w.school, [Role.DEPUTY_PASTORAL]);
