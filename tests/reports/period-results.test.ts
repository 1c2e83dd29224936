import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AcademicYear, CurriculumComponent, CurriculumItem, PeriodMark, PeriodMarkKind, Role, RoleGrant, type Student, type StudyPeriod, type Subject, type User,
} from '../../entities';
import { toGlobalId } from '../../schema/global-id';
import { buildAssignment, buildClass, buildStaff, buildStudent, buildSubject, buildUser, type World } from '../support/factories';
import { errorCode, type TestServer } from '../support/server';
import { type Journal, ok, quarter, useJournalWorld } from '../journal-rules/support';

/**
 * Period results from the period marks (domain/reports/period-results.queries.ts), on a small
 * world whose figures are worked out by hand below. Today is 2026-11-20, inside the 2nd quarter
 * (2026-11-05 … 2026-12-28): the class lists are taken on 2026-11-20.
 *
 * 5А (class teacher `classTeacher`, who teaches it Russian; `teacher` teaches maths; `historian`
 * history), curriculum: maths, Russian, history. 2nd-quarter marks (maths, Russian, history):
 *   P1 Аверин   5 5 5        → EXCELLENT
 *   P2 Борисов  5 4 5        → GOOD, one 4
 *   P3 Васильев 4 4 5        → GOOD
 *   P4 Григорьев 3 4 5       → SATISFACTORY, one 3
 *   P5 Дмитриев 3 3 4        → SATISFACTORY
 *   P6 Егоров   2 4 н/а      → FAILING, with «н/а»
 *   P7 Жуков    – – –        → NOT_ATTESTED (3 missing marks)
 *   P8 Зайцев   5 5 –        → EXCELLENT (1 missing mark)
 *   P9 Ильин    2 – –        left on 2026-11-10: not in the list
 * 5А: pupils 8, attested 7, excellent 2, good 2 (oneFour 1), satisfactory 2 (oneThree 1),
 *     failing 1 (with «н/а» 1), not attested 1, missing 4;
 *     quality = (2 + 2) / 7 = 57.1 %, success = (7 − 1) / 7 = 85.7 %.
 * 5Б (curriculum: maths): `otherStudent` maths 4 → GOOD, one 4.
 * Parallel 5 = school (1А is first grade, no marks): pupils 9, attested 8, excellent 2, good 3
 *     (oneFour 2), satisfactory 2, failing 1; quality 5 / 8 = 62.5 %, success 7 / 8 = 87.5 %.
 * Per subject (school): maths 5,5,4,3,3,2,–,5 | 4 → pupils 9, attested 8, excellent 3, good 2,
 *     satisfactory 2 (oneThree 2), failing 1; quality 62.5, success 87.5.
 *   Russian 5,4,4,4,3,4,–,5 → pupils 8, attested 7, excellent 2, good 4, satisfactory 1; quality 85.7, success 100.
 *   history 5,5,5,5,4,н/а,–,– → pupils 8, attested 6, excellent 4, good 1, failing 1; quality 83.3, success 83.3.
 */

let server: TestServer;
let em: EntityManager;
let w: World;
let j: Journal;
let q2: StudyPeriod;
let history: Subject;
let historian: Awaited<ReturnType<typeof buildStaff>>;
let regional: User;
const pupils: Record<string, Student> = {};

async function periodMark(student: Student, subject: Subject, value: string, period: StudyPeriod | null, kind = PeriodMarkKind.PERIOD) {
  const year = await em.findOneOrFail(AcademicYear, { school: w.school });
  em.create(PeriodMark, {
    school: w.school, student, subject, year, kind, studyPeriod: period ?? undefined, value, revision: 1, createdBy: w.admin.user, createdAt: new Date(),
  });
  await em.flush();
}

useJournalWorld(async (world) => {
  ({ server, em, w, j } = world);
  q2 = await quarter(em, w, 2);
  history = await buildSubject(em, w.school, 'История');
  historian = await buildStaff(em, w.school, [Role.TEACHER]);
  await buildAssignment(em, historian.employee, w.class5a, history);
  const year = await em.findOneOrFail(AcademicYear, { school: w.school });
  for (const [classGroup, subject] of [[w.class5a, w.math], [w.class5a, w.russian], [w.class5a, history], [w.class5b, w.math]] as const) {
    em.create(CurriculumItem, { year, classGroup, subject, hoursPerWeek: '2.0', component: CurriculumComponent.COMPULSORY });
  }
  await em.flush();
  pupils.P1 = w.student.student;
  pupils.P2 = w.classmate.student;
  for (const [key, lastName] of [['P3', 'Васильев'], ['P4', 'Григорьев'], ['P5', 'Дмитриев'], ['P6', 'Егоров'], ['P7', 'Жуков'], ['P8', 'Зайцев']]) {
    pupils[key] = (await buildStudent(em, w.class5a, { lastName })).student;
  }
  pupils.P9 = (await buildStudent(em, w.class5a, { lastName: 'Ильин', endsOn: '2026-11-10' })).student;
  const marks: Record<string, (string | null)[]> = {
    P1: ['5', '5', '5'], P2: ['5', '4', '5'], P3: ['4', '4', '5'], P4: ['3', '4', '5'], P5: ['3', '3', '4'], P6: ['2', '4', 'н/а'],
    P7: [null, null, null], P8: ['5', '5', null], P9: ['2', null, null],
  };
  for (const [key, values] of Object.entries(marks)) {
    const subjects = [w.math, w.russian, history];
    for (let i = 0; i < 3; i++) if (values[i]) await periodMark(pupils[key], subjects[i], values[i]!, q2);
  }
  await periodMark(w.otherStudent.student, w.math, '4', q2);
  // Another period and a YEAR mark that must not count in the 2nd quarter.
  await periodMark(pupils.P1, w.math, '2', await quarter(em, w, 1));
  await periodMark(pupils.P1, w.math, '3', null, PeriodMarkKind.YEAR);
  regional = await buildUser(em, null);
  em.create(RoleGrant, { user: regional, role: Role.REGIONAL_COORDINATOR, region: w.school.municipality.region });
  await em.flush();
});

const COUNTS = 'pupils attested excellent good oneFour satisfactory oneThree failing notAttestedMark notAttested missingMarks qualityPercent successPercent';
const RESULTS = `schoolName studyPeriodName kind groupBy onDay qualityFormula successFormula total { ${COUNTS} }
  groups { grade classGroupName classTeacherName subjectName teacherId teacherName ${COUNTS} }
  pupils { studentName classGroupName category marks { subjectName value } }`;
const PERIOD_RESULTS = `query($g: ResultsGrouping!, $s: ID, $p: ID, $k: PeriodMarkKind, $c: ID) {
  periodResults(groupBy: $g, schoolId: $s, studyPeriodId: $p, kind: $k, classGroupId: $c) { ${RESULTS} } }`;
const gid = {
  school: (s: { id: string }) => toGlobalId('School', s.id),
  period: (p: { id: string }) => toGlobalId('StudyPeriod', p.id),
  class: (c: { id: string }) => toGlobalId('ClassGroup', c.id),
  student: (s: { id: string }) => toGlobalId('Student', s.id),
  employee: (e: { id: string }) => toGlobalId('Employee', e.id),
};
const results = async (who: any, groupBy: string, extra: Record<string, unknown> = {}) =>
  ok(await j.as(who, PERIOD_RESULTS, { g: groupBy, s: gid.school(w.school), p: gid.period(q2), ...extra }), 'periodResults');
const pick = (r: any) => {
  const { pupils: n, attested, excellent, good, oneFour, satisfactory, oneThree, failing, notAttestedMark, notAttested, missingMarks, qualityPercent, successPercent } = r;
  return { pupils: n, attested, excellent, good, oneFour, satisfactory, oneThree, failing, notAttestedMark, notAttested, missingMarks, qualityPercent, successPercent };
};

const CLASS_5A = {
  pupils: 8, attested: 7, excellent: 2, good: 2, oneFour: 1, satisfactory: 2, oneThree: 1, failing: 1, notAttestedMark: 1, notAttested: 1,
  missingMarks: 4, qualityPercent: 57.1, successPercent: 85.7,
};
const SCHOOL = {
  pupils: 9, attested: 8, excellent: 2, good: 3, oneFour: 2, satisfactory: 2, oneThree: 1, failing: 1, notAttestedMark: 1, notAttested: 1,
  missingMarks: 4, qualityPercent: 62.5, successPercent: 87.5,
};

describe('figures worked out by hand', () => {
  it('per class: the categories, quality and success of 5А and 5Б; the school total', async () => {
    const r = await results(w.deputy, 'CLASS');
    expect(r).toMatchObject({ studyPeriodName: '2 четверть', kind: 'PERIOD', groupBy: 'CLASS', onDay: '2026-11-20' });
    const [a, b] = r.groups;
    expect(a.classGroupName).toBe('5А');
    expect(a.classTeacherName).toMatch(/^Учитель-/);
    expect(pick(a)).toEqual(CLASS_5A);
    expect(b.classGroupName).toBe('5Б');
    expect(pick(b)).toEqual({ ...pick(b), pupils: 1, attested: 1, good: 1, oneFour: 1, qualityPercent: 100, successPercent: 100 });
    expect(r.groups).toHaveLength(2);
    expect(pick(r.total)).toEqual(SCHOOL);
    expect(r.pupils).toEqual([]);
  });

  it('per parallel and for the school: the same pupils, counted once', async () => {
    const parallel = await results(w.admin, 'PARALLEL');
    expect(parallel.groups).toHaveLength(1);
    expect(parallel.groups[0].grade).toBe(5);
    expect(pick(parallel.groups[0])).toEqual(SCHOOL);
    const school = await results(w.director, 'SCHOOL');
    expect(pick(school.groups[0])).toEqual(SCHOOL);
    expect(pick(school.total)).toEqual(SCHOOL);
  });

  it('per subject: each pupil by their one mark of the subject', async () => {
    const r = await results(w.admin, 'SUBJECT');
    const by = Object.fromEntries(r.groups.map((g: any) => [g.subjectName, pick(g)]));
    expect(by['Математика']).toEqual({
      pupils: 9, attested: 8, excellent: 3, good: 2, oneFour: 2, satisfactory: 2, oneThree: 2, failing: 1, notAttestedMark: 0, notAttested: 1,
      missingMarks: 1, qualityPercent: 62.5, successPercent: 87.5,
    });
    expect(by['Русский язык']).toEqual({
      pupils: 8, attested: 7, excellent: 2, good: 4, oneFour: 4, satisfactory: 1, oneThree: 1, failing: 0, notAttestedMark: 0, notAttested: 1,
      missingMarks: 1, qualityPercent: 85.7, successPercent: 100,
    });
    expect(by['История']).toEqual({
      pupils: 8, attested: 6, excellent: 4, good: 1, oneFour: 1, satisfactory: 0, oneThree: 0, failing: 1, notAttestedMark: 1, notAttested: 2,
      missingMarks: 2, qualityPercent: 83.3, successPercent: 83.3,
    });
    expect(pick(r.total)).toEqual(SCHOOL);
  });

  it('per teacher: the subjects each teaches, with their names', async () => {
    const r = await results(w.admin, 'TEACHER');
    const byTeacher = Object.fromEntries(r.groups.map((g: any) => [g.teacherId, g]));
    expect(pick(byTeacher[gid.employee(w.teacher.employee)])).toMatchObject({ pupils: 9, excellent: 3, qualityPercent: 62.5 });
    expect(pick(byTeacher[gid.employee(historian.employee)])).toMatchObject({ pupils: 8, attested: 6, qualityPercent: 83.3, successPercent: 83.3 });
    expect(byTeacher[gid.employee(w.classTeacher.employee)].teacherName).toMatch(/^Учитель-/);
  });

  it('the class report lists each pupil with their category and marks', async () => {
    const r = ok(await j.as(w.classTeacher, `query($c: ID!, $p: ID) { classPeriodResultsReport(classGroupId: $c, studyPeriodId: $p) { ${RESULTS} } }`,
      { c: gid.class(w.class5a), p: gid.period(q2) }), 'classPeriodResultsReport');
    const categories = Object.fromEntries(r.pupils.map((p: any) => [p.studentName.split(' ')[0], p.category]));
    expect(categories).toEqual({
      Аверин: 'EXCELLENT', Борисов: 'GOOD', Васильев: 'GOOD', Григорьев: 'SATISFACTORY', Дмитриев: 'SATISFACTORY', Егоров: 'FAILING',
      Жуков: 'NOT_ATTESTED', Зайцев: 'EXCELLENT',
    });
    const egorov = r.pupils.find((p: any) => p.studentName.startsWith('Егоров'));
    expect(egorov.marks).toEqual([{ subjectName: 'История', value: 'н/а' }, { subjectName: 'Математика', value: '2' }, { subjectName: 'Русский язык', value: '4' }]);
    expect(pick(r.total)).toEqual(CLASS_5A);
  });

  it('YEAR marks are their own results: only P1 has one (3)', async () => {
    const r = ok(await j.as(w.admin, PERIOD_RESULTS, { g: 'SCHOOL', s: gid.school(w.school), k: 'YEAR' }), 'periodResults');
    expect(r.studyPeriodName).toBeNull();
    expect(r.total).toMatchObject({ pupils: 9, attested: 1, satisfactory: 1, oneThree: 1, notAttested: 8, qualityPercent: 0, successPercent: 100 });
  });

  it('follows a corrected period mark at once (read from period_mark, no rollup to lag)', async () => {
    server.clock.set('2026-12-25T12:00:00+03:00');
    const corrected = ok(await j.as(w.teacher, `mutation($i: SetPeriodMarkInput!) { setPeriodMark(input: $i) { value revision } }`, {
      i: { studentId: gid.student(pupils.P6), subjectId: toGlobalId('Subject', w.math.id), kind: 'PERIOD', studyPeriodId: gid.period(q2), value: '3', reason: 'Пересдача', expectedRevision: 1 },
    }), 'setPeriodMark');
    expect(corrected).toEqual({ value: '3', revision: 2 });
    // P6 is now 3, 4, н/а: still failing by «н/а»; maths gains a 3 and loses its 2. On 2026-12-25 the list is the same.
    const r = await results(w.admin, 'SUBJECT');
    const math = r.groups.find((g: any) => g.subjectName === 'Математика');
    expect(pick(math)).toMatchObject({ satisfactory: 3, oneThree: 3, failing: 0, successPercent: 100 });
    expect(pick(r.total)).toMatchObject({ failing: 1, notAttestedMark: 1 });
    await em.getConnection().execute(`update period_mark set value = '2', revision = 1 where student_id = ? and subject_id = ? and kind = 'PERIOD' and study_period_id = ?`,
      [pupils.P6.id, w.math.id, q2.id]);
    await em.getConnection().execute(`delete from period_mark_version where revision = 2 and period_mark_id in (select id from period_mark where student_id = ?)`, [pupils.P6.id]);
  });
});

describe('who reads what', () => {
  it('a subject teacher: only their subject, per class', async () => {
    const r = await results(w.teacher, 'CLASS');
    expect(r.groups.map((g: any) => g.classGroupName)).toEqual(['5А', '5Б']);
    // 5А maths: 5,5,4,3,3,2,–,5 → excellent 3, good 1, satisfactory 2, failing 1 of 7 attested.
    expect(pick(r.groups[0])).toMatchObject({ pupils: 8, attested: 7, excellent: 3, good: 1, satisfactory: 2, failing: 1, qualityPercent: 57.1, successPercent: 85.7 });
  });

  it('a class teacher: every subject of their own class, nothing of another', async () => {
    const r = await results(w.classTeacher, 'CLASS');
    expect(r.groups.map((g: any) => g.classGroupName)).toEqual(['5А']);
    expect(pick(r.groups[0])).toEqual(CLASS_5A);
  });

  it('another school\'s admin: NOT_FOUND, as for a school that does not exist', async () => {
    const foreign = await j.as(w.otherAdmin, PERIOD_RESULTS, { g: 'SCHOOL', s: gid.school(w.school), p: gid.period(q2) });
    const missing = await j.as(w.otherAdmin, PERIOD_RESULTS, { g: 'SCHOOL', s: toGlobalId('School', '00000000-0000-4000-8000-000000000000'), p: gid.period(q2) });
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors?.[0].message).toBe(missing.errors?.[0].message);
    // Another school's period in one's own school: NOT_FOUND too.
    const theirs = await quarter(em, { ...w, school: w.otherSchool } as World, 2);
    expect(errorCode(await j.as(w.admin, PERIOD_RESULTS, { g: 'SCHOOL', s: gid.school(w.school), p: gid.period(theirs) }))).toBe('NOT_FOUND');
  });

  it('class reports: a teacher who does not lead the class, and a class teacher of another class, get NOT_FOUND', async () => {
    const query = `query($c: ID!, $p: ID) { classPeriodResultsReport(classGroupId: $c, studyPeriodId: $p) { total { pupils } } }`;
    expect(errorCode(await j.as(w.teacher, query, { c: gid.class(w.class5a), p: gid.period(q2) }))).toBe('NOT_FOUND');
    expect(errorCode(await j.as(w.classTeacher, query, { c: gid.class(w.class5b), p: gid.period(q2) }))).toBe('NOT_FOUND');
    expect(errorCode(await j.as(w.otherAdmin, query, { c: gid.class(w.class5a), p: gid.period(q2) }))).toBe('NOT_FOUND');
  });

  it('families, the secretary and DEPUTY_PASTORAL may not ask for period results at all: FORBIDDEN', async () => {
    const pastoral = await buildStaff(em, w.school, [Role.DEPUTY_PASTORAL]);
    for (const who of [w.student, w.parent, w.secretary, pastoral]) {
      expect(errorCode(await j.as(who, PERIOD_RESULTS, { g: 'SCHOOL', s: gid.school(w.school), p: gid.period(q2) }))).toBe('FORBIDDEN');
    }
  });

  it('coordinators: the school\'s aggregates without names; the teacher grouping and the class lists are refused', async () => {
    const r = await results(w.coordinator, 'CLASS');
    expect(pick(r.groups[0])).toEqual(CLASS_5A);
    expect(r.groups.every((g: any) => g.classTeacherName === null && g.teacherName === null)).toBe(true);
    expect(pick((await results(regional, 'SCHOOL')).total)).toEqual(SCHOOL);
    expect(errorCode(await j.as(w.coordinator, PERIOD_RESULTS, { g: 'TEACHER', s: gid.school(w.school), p: gid.period(q2) }))).toBe('FORBIDDEN');
    const summary = ok(await j.as(w.coordinator, `query($s: ID, $p: ID) { classTeachersSummaryReport(schoolId: $s, studyPeriodId: $p) {
      results { groups { classTeacherName pupils } } absences { classGroupId absentLessons } } }`, { s: gid.school(w.school), p: gid.period(q2) }),
    'classTeachersSummaryReport');
    expect(summary.results.groups.map((g: any) => g.classTeacherName)).toEqual([null, null]);
    const classReport = await j.as(w.coordinator, `query($c: ID!, $p: ID) { classPeriodResultsReport(classGroupId: $c, studyPeriodId: $p) { total { pupils } } }`,
      { c: gid.class(w.class5a), p: gid.period(q2) });
    expect(errorCode(classReport)).toBe('FORBIDDEN');
    // A coordinator of another municipality: NOT_FOUND.
    const elsewhere = await buildUser(em, w.otherSchool, { roles: [Role.MUNICIPAL_COORDINATOR] });
    expect(errorCode(await j.as(elsewhere, PERIOD_RESULTS, { g: 'SCHOOL', s: gid.school(w.school), p: gid.period(q2) }))).toBe('NOT_FOUND');
  });

  it('bad input: PERIOD without a period, YEAR with one', async () => {
    expect(errorCode(await j.as(w.admin, PERIOD_RESULTS, { g: 'SCHOOL', s: gid.school(w.school) }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await j.as(w.admin, PERIOD_RESULTS, { g: 'SCHOOL', s: gid.school(w.school), p: gid.period(q2), k: 'YEAR' }))).toBe('BAD_USER_INPUT');
  });
});

describe('statements', () => {
  const fewest = async (who: any, query: string, variables: Record<string, unknown>) => {
    const token = await server.token(who.user.id);
    // Of two runs, the fewer: the diary hub's sweep may land inside one of them.
    const a = await server.countStatements(() => server.gql(query, variables, token));
    const b = await server.countStatements(() => server.gql(query, variables, token));
    expect(a.result.errors).toBeUndefined();
    return Math.min(a.statements, b.statements);
  };
  const REPORTS: [string, string, () => Record<string, unknown>][] = [
    ['periodResults CLASS', PERIOD_RESULTS, () => ({ g: 'CLASS', s: gid.school(w.school), p: gid.period(q2) })],
    ['periodResults TEACHER', PERIOD_RESULTS, () => ({ g: 'TEACHER', s: gid.school(w.school), p: gid.period(q2) })],
    ['classTeachersSummaryReport', `query($s: ID, $p: ID) { classTeachersSummaryReport(schoolId: $s, studyPeriodId: $p) { results { total { pupils } groups { pupils } } absences { absentLessons } } }`,
      () => ({ s: gid.school(w.school), p: gid.period(q2) })],
    ['schoolPerformanceReport', `query($s: ID, $p: ID) { schoolPerformanceReport(schoolId: $s, studyPeriodId: $p) { total { pupils } groups { grade pupils } } }`,
      () => ({ s: gid.school(w.school), p: gid.period(q2) })],
    ['knowledgeQualityReport', `query($s: ID, $p: ID) { knowledgeQualityReport(schoolId: $s, studyPeriodId: $p) { groups { classGroupName subjectName qualityPercent } } }`,
      () => ({ s: gid.school(w.school), p: gid.period(q2) })],
    ['classPeriodResultsReport', `query($c: ID!, $p: ID) { classPeriodResultsReport(classGroupId: $c, studyPeriodId: $p) { total { pupils } pupils { studentName marks { value } } } }`,
      () => ({ c: gid.class(w.class5a), p: gid.period(q2) })],
    ['classTeacherPeriodReport', `query($c: ID!, $p: ID) { classTeacherPeriodReport(classGroupId: $c, studyPeriodId: $p) { results { total { pupils } } absences { absentLessons } pupilAbsences { studentId } } }`,
      () => ({ c: gid.class(w.class5a), p: gid.period(q2) })],
    ['preliminaryClassReport', `query($c: ID!, $p: ID!) { preliminaryClassReport(classGroupId: $c, studyPeriodId: $p) { pupils { category subjects { headingFor } } } }`,
      () => ({ c: gid.class(w.class5a), p: gid.period(q2) })],
    ['subjectTeacherReport', `query($t: ID, $p: ID) { subjectTeacherReport(teacherId: $t, studyPeriodId: $p) { results { total { pupils } } coverage { lessonsHeld } } }`,
      () => ({ t: gid.employee(w.teacher.employee), p: gid.period(q2) })],
    ['classMarkSheetReport', `query($c: ID!) { classMarkSheetReport(classGroupId: $c) { cards { subjects { periods { value } yearMark } } } }`,
      () => ({ c: gid.class(w.class5a) })],
  ];

  it('each period-results report costs at most 4 statements, the same for a school twice the size', async () => {
    const small: Record<string, number> = {};
    for (const [name, query, vars] of REPORTS) small[name] = await fewest(w.admin, query, vars());
    // Double the school: a new class of 20 pupils with three marks each, in the same statements.
    const big = await buildClass(em, w.school, { grade: 6, letter: 'В' });
    const year = await em.findOneOrFail(AcademicYear, { school: w.school });
    em.create(CurriculumItem, { year, classGroup: big, subject: w.math, hoursPerWeek: '1.0', component: CurriculumComponent.COMPULSORY });
    await em.flush();
    for (let i = 0; i < 20; i++) {
      const student = (await buildStudent(em, big)).student;
      await periodMark(student, w.math, String(2 + (i % 4)), q2);
    }
    for (const [name, query, vars] of REPORTS) {
      const n = await fewest(w.admin, query, vars());
      expect({ name, n }).toEqual({ name, n: small[name] });
      expect(n).toBeLessThanOrEqual(4);
    }
    const school = await results(w.admin, 'SCHOOL');
    expect(school.total.pupils).toBe(29);
  });
});
