import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AcademicYear, AcademicYearState, AttendanceKind, ClassGroup, CurriculumComponent, CurriculumItem, LessonState, MovementOrderType, PeriodMark, PeriodMarkKind,
  Role, type StudyPeriod, StudyPeriod as StudyPeriodEntity, StudyPeriodKind, type Student, type Subject, TeachingAssignment, ThematicPlanItem,
} from '../../entities';
import { toGlobalId } from '../../schema/global-id';
import { buildAbsence, buildClass, buildLesson, buildMark, buildStaff, buildStudent, transfer, type World } from '../support/factories';
import { errorCode, type TestServer } from '../support/server';
import { type Journal, ok, quarter, useJournalWorld } from '../journal-rules/support';

/**
 * The §11 reports beyond the period-results counts (domain/reports/regulation-reports.queries.ts,
 * year-card.queries.ts, year-transition.queries.ts, report-constructor.queries.ts), figures by
 * hand. Today is 2026-11-20 (2nd quarter, 2026-11-05 … 2026-12-28).
 *
 * 5А maths marks in the 2nd quarter (weights: ORAL 1, HOMEWORK 1, CONTROL 2):
 *   Аверин (student): 5 CONTROL on 11-20, 4 ORAL on 11-18 → weighted (10 + 4) / 3 = 4.67 → heading for 5
 *   Борисов (classmate): 4 ORAL on 11-20, 3 HOMEWORK on 11-18 → (4 + 3) / 2 = 3.5 → heading for 4 (half up)
 * and 5Б maths: otherStudent 2 ORAL on 11-20 (another class: not in 5А's reports).
 * Absences: Борисов absent on 11-18 (reason UNKNOWN), Аверин late on 11-20.
 */

let server: TestServer;
let em: EntityManager;
let w: World;
let j: Journal;
let q1: StudyPeriod;
let q2: StudyPeriod;

const gid = {
  school: (s: { id: string }) => toGlobalId('School', s.id),
  period: (p: { id: string }) => toGlobalId('StudyPeriod', p.id),
  class: (c: { id: string }) => toGlobalId('ClassGroup', c.id),
  student: (s: { id: string }) => toGlobalId('Student', s.id),
  employee: (e: { id: string }) => toGlobalId('Employee', e.id),
};

async function periodMark(student: Student, subject: Subject, value: string, period: StudyPeriod | null, kind = PeriodMarkKind.PERIOD) {
  const year = await em.findOneOrFail(AcademicYear, { school: w.school });
  em.create(PeriodMark, { school: w.school, student, subject, year, kind, studyPeriod: period ?? undefined, value, revision: 1, createdBy: w.admin.user, createdAt: new Date() });
  await em.flush();
}

useJournalWorld(async (world) => {
  ({ server, em, w, j } = world);
  q1 = await quarter(em, w, 1);
  q2 = await quarter(em, w, 2);
  const year = await em.findOneOrFail(AcademicYear, { school: w.school });
  em.create(CurriculumItem, { year, classGroup: w.class5a, subject: w.math, hoursPerWeek: '2.0', component: CurriculumComponent.COMPULSORY });
  em.create(CurriculumItem, { year, classGroup: w.class5a, subject: w.russian, hoursPerWeek: '2.0', component: CurriculumComponent.COMPULSORY });
  await em.flush();
  const earlier = await buildLesson(em, { classGroup: w.class5a, subject: w.math, teacher: w.teacher.employee, date: '2026-11-18', number: 2 });
  await buildLesson(em, { classGroup: w.class5a, subject: w.math, teacher: w.teacher.employee, date: '2026-11-19', number: 2, state: LessonState.CANCELLED });
  const author = w.teacher.user;
  await buildMark(em, { lesson: w.lesson, student: w.student.student, author, value: '5', workTypeCode: 'CONTROL' });
  await buildMark(em, { lesson: earlier, student: w.student.student, author, value: '4', workTypeCode: 'ORAL' });
  await buildMark(em, { lesson: w.lesson, student: w.classmate.student, author, value: '4', workTypeCode: 'ORAL' });
  await buildMark(em, { lesson: earlier, student: w.classmate.student, author, value: '3', workTypeCode: 'HOMEWORK' });
  await buildMark(em, { lesson: w.lesson5b, student: w.otherStudent.student, author, value: '2', workTypeCode: 'ORAL' });
  await buildAbsence(em, { lesson: earlier, student: w.classmate.student, author });
  await buildAbsence(em, { lesson: w.lesson, student: w.student.student, author, kind: AttendanceKind.LATE });
  // The thematic plan of maths in 5А: 2 h on 11-10 and 2 h on 11-15 (up to today), 3 h on 12-01, and 1 h in the 1st quarter.
  for (const [ordinal, hours, plannedOn] of [[1, 1, '2026-10-01'], [2, 2, '2026-11-10'], [3, 2, '2026-11-15'], [4, 3, '2026-12-01']] as const) {
    em.create(ThematicPlanItem, { teacher: w.teacher.employee, classGroup: w.class5a, subject: w.math, ordinal, topic: `Тема ${ordinal}`, hours, plannedOn });
  }
  await em.flush();
  // Period marks for the year card: Аверин maths Q1 4, Q2 5, YEAR 5; Russian Q1 3.
  await periodMark(w.student.student, w.math, '4', q1);
  await periodMark(w.student.student, w.math, '5', q2);
  await periodMark(w.student.student, w.math, '5', null, PeriodMarkKind.YEAR);
  await periodMark(w.student.student, w.russian, '3', q1);
});

describe('«Предварительный отчёт классного руководителя»', () => {
  const QUERY = `query($c: ID!, $p: ID!) { preliminaryClassReport(classGroupId: $c, studyPeriodId: $p) {
    classGroupName studyPeriodName onDay formula excellent good satisfactory failing notAttested
    pupils { studentName category subjects { subjectName marks weightedAverage headingFor } } } }`;

  it('the weighted average of the period so far and the mark it heads for, per pupil and subject', async () => {
    const r = ok(await j.as(w.classTeacher, QUERY, { c: gid.class(w.class5a), p: gid.period(q2) }), 'preliminaryClassReport');
    expect(r).toMatchObject({ classGroupName: '5А', studyPeriodName: '2 четверть', onDay: '2026-11-20', excellent: 1, good: 1, notAttested: 0 });
    const [averin, borisov] = r.pupils;
    expect(averin.studentName).toMatch(/^Аверин/);
    expect(averin.category).toBe('EXCELLENT');
    expect(averin.subjects).toEqual([
      { subjectName: 'Математика', marks: 2, weightedAverage: 4.67, headingFor: '5' },
      { subjectName: 'Русский язык', marks: 0, weightedAverage: null, headingFor: null },
    ]);
    expect(borisov.category).toBe('GOOD');
    expect(borisov.subjects[0]).toEqual({ subjectName: 'Математика', marks: 2, weightedAverage: 3.5, headingFor: '4' });
  });

  it('a subject teacher who does not lead 5А: NOT_FOUND; a parent: FORBIDDEN', async () => {
    expect(errorCode(await j.as(w.teacher, QUERY, { c: gid.class(w.class5a), p: gid.period(q2) }))).toBe('NOT_FOUND');
    expect(errorCode(await j.as(w.parent, QUERY, { c: gid.class(w.class5a), p: gid.period(q2) }))).toBe('FORBIDDEN');
  });
});

describe('«Отчёт учителя-предметника»', () => {
  const QUERY = `query($t: ID, $p: ID) { subjectTeacherReport(teacherId: $t, studyPeriodId: $p) { teacherName
    results { groups { classGroupName subjectName pupils } }
    coverage { classGroupName subjectName plannedHours plannedHoursToDate lessonsHeld coveragePercent } } }`;

  it('program coverage: lessons held against the thematic plan\'s hours of the period', async () => {
    const r = ok(await j.as(w.teacher, QUERY, { p: gid.period(q2) }), 'subjectTeacherReport');
    // Planned in the 2nd quarter: 2 + 2 + 3 = 7 h; up to 11-20: 4 h. Held: 11-18 and 11-20 (11-19 cancelled) = 2 → 50 %.
    expect(r.coverage).toEqual([
      { classGroupName: '5А', subjectName: 'Математика', plannedHours: 7, plannedHoursToDate: 4, lessonsHeld: 2, coveragePercent: 50 },
      { classGroupName: '5Б', subjectName: 'Математика', plannedHours: 0, plannedHoursToDate: 0, lessonsHeld: 1, coveragePercent: null },
    ]);
    // Their own class × subjects with pupils to attest: 5А maths (2 pupils on the list); 5Б has no maths in its curriculum here and no period mark.
    expect(r.results.groups.map((g: any) => [g.classGroupName, g.subjectName, g.pupils])).toEqual([['5А', 'Математика', 2]]);
  });

  it('the deputy reads any teacher\'s; a teacher another\'s: NOT_FOUND', async () => {
    const r = ok(await j.as(w.deputy, QUERY, { t: gid.employee(w.teacher.employee), p: gid.period(q2) }), 'subjectTeacherReport');
    expect(r.coverage).toHaveLength(2);
    expect(errorCode(await j.as(w.teacher, QUERY, { t: gid.employee(w.classTeacher.employee), p: gid.period(q2) }))).toBe('NOT_FOUND');
    expect(errorCode(await j.as(w.otherAdmin, QUERY, { t: gid.employee(w.teacher.employee), p: gid.period(q2) }))).toBe('NOT_FOUND');
  });
});

describe('the year report card and «Сводная ведомость учёта успеваемости»', () => {
  const CARD = `query($s: ID!) { yearReportCard(studentId: $s) { academicYearName periods { name ordinal }
    cards { studentName classGroupName subjects { subjectName periods { value } yearMark examMark finalMark } } } }`;

  it('every period at once, with the year mark, for the pupil and the parent', async () => {
    for (const who of [w.student, w.parent]) {
      const r = ok(await j.as(who, CARD, { s: gid.student(w.student.student) }), 'yearReportCard');
      expect(r.academicYearName).toBe('2026/2027');
      expect(r.periods.map((p: any) => p.ordinal)).toEqual([1, 2, 3, 4]);
      expect(r.cards[0].classGroupName).toBe('5А');
      expect(r.cards[0].subjects).toEqual([
        { subjectName: 'Математика', periods: [{ value: '4' }, { value: '5' }, { value: null }, { value: null }], yearMark: '5', examMark: null, finalMark: null },
        { subjectName: 'Русский язык', periods: [{ value: '3' }, { value: null }, { value: null }, { value: null }], yearMark: null, examMark: null, finalMark: null },
      ]);
    }
  });

  it('a subject teacher sees their subject only; another family: NOT_FOUND', async () => {
    const r = ok(await j.as(w.teacher, CARD, { s: gid.student(w.student.student) }), 'yearReportCard');
    expect(r.cards[0].subjects.map((s: any) => s.subjectName)).toEqual(['Математика']);
    expect(errorCode(await j.as(w.otherParent, CARD, { s: gid.student(w.student.student) }))).toBe('NOT_FOUND');
    expect(errorCode(await j.as(w.otherAdmin, CARD, { s: gid.student(w.student.student) }))).toBe('NOT_FOUND');
  });

  it('the class sheet: each pupil of 5А, for its class teacher', async () => {
    const r = ok(await j.as(w.classTeacher, `query($c: ID!) { classMarkSheetReport(classGroupId: $c) { classGroupName
      cards { studentName subjects { subjectName periods { value } yearMark } } } }`, { c: gid.class(w.class5a) }), 'classMarkSheetReport');
    expect(r.classGroupName).toBe('5А');
    expect(r.cards).toHaveLength(2);
    expect(r.cards[0].subjects[0]).toEqual({ subjectName: 'Математика', periods: [{ value: '4' }, { value: '5' }, { value: null }, { value: null }], yearMark: '5' });
    expect(r.cards[1].subjects.every((s: any) => s.yearMark === null)).toBe(true);
    expect(errorCode(await j.as(w.classTeacher, `query($c: ID!) { classMarkSheetReport(classGroupId: $c) { classGroupName } }`, { c: gid.class(w.class5b) })))
      .toBe('NOT_FOUND');
  });
});

describe('«Отчёт об успеваемости и посещаемости ученика»', () => {
  const QUERY = `query($s: ID!, $p: ID!) { studentProgressReport(studentId: $s, studyPeriodId: $p) {
    card { studentName subjects { subjectName periodMark weightedAverage } absences { absentLessons lateLessons unknown } }
    marks { date value workTypeName weight } } }`;

  it('the period\'s marks, averages and absences of the pupil', async () => {
    const r = ok(await j.as(w.parent, QUERY, { s: gid.student(w.student.student), p: gid.period(q2) }), 'studentProgressReport');
    expect(r.marks).toEqual([
      { date: '2026-11-18', value: '4', workTypeName: 'Устный ответ', weight: 1 },
      { date: '2026-11-20', value: '5', workTypeName: 'Контрольная работа', weight: 2 },
    ]);
    expect(r.card.subjects.find((s: any) => s.subjectName === 'Математика')).toMatchObject({ periodMark: '5', weightedAverage: 4.67 });
    expect(r.card.absences).toMatchObject({ absentLessons: 0, lateLessons: 1 });
    expect(errorCode(await j.as(w.otherParent, QUERY, { s: gid.student(w.student.student), p: gid.period(q2) }))).toBe('NOT_FOUND');
  });
});

describe('«Сводный отчёт классного руководителя» and «Отчёт классного руководителя за учебный период»: absences', () => {
  it('per class and per pupil in the period', async () => {
    const summary = ok(await j.as(w.admin, `query($p: ID) { classTeachersSummaryReport(studyPeriodId: $p) { absences { classGroupId absentLessons lateLessons unknown } } }`,
      { p: gid.period(q2) }), 'classTeachersSummaryReport');
    expect(summary.absences).toEqual([{ classGroupId: gid.class(w.class5a), absentLessons: 1, lateLessons: 1, unknown: 2 }]);
    const report = ok(await j.as(w.classTeacher, `query($c: ID!, $p: ID) { classTeacherPeriodReport(classGroupId: $c, studyPeriodId: $p) {
      absences { absentLessons lateLessons } pupilAbsences { studentId absentLessons lateLessons } } }`, { c: gid.class(w.class5a), p: gid.period(q2) }),
    'classTeacherPeriodReport');
    expect(report.absences).toEqual({ absentLessons: 1, lateLessons: 1 });
    expect(report.pupilAbsences).toEqual(expect.arrayContaining([
      { studentId: gid.student(w.classmate.student), absentLessons: 1, lateLessons: 0 },
      { studentId: gid.student(w.student.student), absentLessons: 0, lateLessons: 1 },
    ]));
  });
});

describe('«Состояние перехода на следующий учебный год»', () => {
  const QUERY = `query($s: ID) { yearTransitionReport(schoolId: $s) { schoolName currentYearName nextYearName nextYearState nextYearStudyPeriods
    nextYearClasses nextYearClassesContinued nextYearClassesWithoutClassTeacher nextYearCurriculumItems nextYearTeachingAssignments
    pupils promoted repeating graduated undecided completed } }`;

  it('counts the next year\'s setup and the pupils\' orders, for the admin and the coordinator (no names)', async () => {
    const before = ok(await j.as(w.admin, QUERY, {}), 'yearTransitionReport');
    // 5А 2, 5Б 1, 1А 1 pupils; no next year yet.
    expect(before).toEqual([expect.objectContaining({ currentYearName: '2026/2027', nextYearName: null, nextYearClasses: 0, pupils: 4, undecided: 4, completed: false })]);
    const year = await em.findOneOrFail(AcademicYear, { school: w.school });
    const next = em.create(AcademicYear, { school: w.school, name: '2027/2028', startsOn: '2027-09-01', endsOn: '2028-05-26', state: AcademicYearState.PLANNING, previousYear: year });
    em.create(StudyPeriodEntity, { year: next, kind: StudyPeriodKind.HALF_YEAR, ordinal: 1, name: '1 полугодие', startsOn: '2027-09-01', endsOn: '2027-12-28' });
    const six = em.create(ClassGroup, { school: w.school, year: next, grade: 6, letter: 'А', promotedFrom: w.class5a, classTeacher: w.classTeacher.employee });
    em.create(ClassGroup, { school: w.school, year: next, grade: 1, letter: 'А' });
    em.create(CurriculumItem, { year: next, classGroup: six, subject: w.math, hoursPerWeek: '5.0', component: CurriculumComponent.COMPULSORY });
    em.create(TeachingAssignment, { teacher: w.teacher.employee, classGroup: six, year: next, subject: w.math });
    await em.flush();
    await transfer(em, w.student.student, w.class5a, six, { effectiveOn: '2027-09-01', type: MovementOrderType.PROMOTE });
    const after = ok(await j.as(w.coordinator, QUERY, { s: gid.school(w.school) }), 'yearTransitionReport');
    expect(after).toEqual([expect.objectContaining({
      nextYearName: '2027/2028', nextYearState: 'PLANNING', nextYearStudyPeriods: 1, nextYearClasses: 2, nextYearClassesContinued: 1,
      nextYearClassesWithoutClassTeacher: 1, nextYearCurriculumItems: 1, nextYearTeachingAssignments: 1, pupils: 4, promoted: 1, undecided: 3, completed: false,
    })]);
    expect(errorCode(await j.as(w.otherAdmin, QUERY, { s: gid.school(w.school) }))).toBe('NOT_FOUND');
    expect(errorCode(await j.as(w.teacher, QUERY, { s: gid.school(w.school) }))).toBe('FORBIDDEN');
  });
});

describe('«Конструктор отчетов» (004 §11.6)', () => {
  const QUERY = `query($d: [ConstructorDimension!]!, $m: [ConstructorMeasure!]!, $first: Int, $s: ID) {
    reportConstructor(from: "2026-11-01", to: "2026-11-30", dimensions: $d, measures: $m, first: $first, schoolId: $s) {
      dimensions measures groupCount truncated
      rows { keys { dimension id label } count average weightedAverage qualityPercent successPercent absences { absent late unknown } } } }`;

  it('marks per class × subject: count, average, weighted average, quality, success', async () => {
    const r = ok(await j.as(w.deputy, QUERY, { d: ['CLASS', 'SUBJECT'], m: ['COUNT', 'AVERAGE', 'WEIGHTED_AVERAGE', 'QUALITY', 'SUCCESS'] }), 'reportConstructor');
    // 5А maths: 5 (×2), 4, 4, 3 → average 16 / 4 = 4, weighted 21 / 5 = 4.2, quality 3 / 4 = 75 %, success 100 %; 5Б: one 2.
    expect(r.rows).toEqual([
      { keys: [{ dimension: 'CLASS', id: gid.class(w.class5a), label: '5А' }, { dimension: 'SUBJECT', id: toGlobalId('Subject', w.math.id), label: 'Математика' }],
        count: 4, average: 4, weightedAverage: 4.2, qualityPercent: 75, successPercent: 100, absences: null },
      { keys: [{ dimension: 'CLASS', id: gid.class(w.class5b), label: '5Б' }, { dimension: 'SUBJECT', id: toGlobalId('Subject', w.math.id), label: 'Математика' }],
        count: 1, average: 2, weightedAverage: 2, qualityPercent: 0, successPercent: 0, absences: null },
    ]);
    expect(r).toMatchObject({ groupCount: 2, truncated: false });
  });

  it('absences by class and week; work types bounded by first', async () => {
    const absences = ok(await j.as(w.secretary, QUERY, { d: ['CLASS', 'WEEK'], m: ['ABSENCES'] }), 'reportConstructor');
    expect(absences.rows).toEqual([{
      keys: [{ dimension: 'CLASS', id: gid.class(w.class5a), label: '5А' }, { dimension: 'WEEK', id: '2026-11-16', label: '2026-11-16' }],
      count: null, average: null, weightedAverage: null, qualityPercent: null, successPercent: null, absences: { absent: 1, late: 1, unknown: 2 },
    }]);
    const byType = ok(await j.as(w.hr, QUERY, { d: ['WORK_TYPE'], m: ['COUNT'], first: 2 }), 'reportConstructor');
    // ORAL 3, CONTROL 1, HOMEWORK 1: three groups, two shown.
    expect(byType).toMatchObject({ groupCount: 3, truncated: true });
    expect(byType.rows).toHaveLength(2);
  });

  it('refusals: teachers FORBIDDEN, another school NOT_FOUND, bounds BAD_USER_INPUT; nothing above the cost budget', async () => {
    expect(errorCode(await j.as(w.teacher, QUERY, { d: ['CLASS'], m: ['COUNT'] }))).toBe('FORBIDDEN');
    expect(errorCode(await j.as(w.director, QUERY, { d: ['CLASS'], m: ['COUNT'] }))).toBe('FORBIDDEN');
    expect(errorCode(await j.as(w.otherAdmin, QUERY, { d: ['CLASS'], m: ['COUNT'], s: gid.school(w.school) }))).toBe('NOT_FOUND');
    expect(errorCode(await j.as(w.admin, QUERY, { d: ['CLASS'], m: ['COUNT'], first: 101 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await j.as(w.admin, QUERY, { d: ['CLASS', 'SUBJECT', 'WEEK', 'TEACHER'], m: ['COUNT'] }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await j.as(w.admin, QUERY, { d: ['WORK_TYPE'], m: ['ABSENCES'] }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await j.as(w.admin, QUERY, { d: ['CLASS'], m: [] }))).toBe('BAD_USER_INPUT');
    const long = await j.as(w.admin, `{ reportConstructor(from: "2026-01-01", to: "2027-05-01", dimensions: [CLASS], measures: [COUNT]) { groupCount } }`);
    expect(errorCode(long)).toBe('BAD_USER_INPUT');
    // The cost limit prices the rows by `first`: ten aliased constructors of 100 rows exceed the staff budget.
    const many = Array.from({ length: 10 }, (_, i) => `r${i}: reportConstructor(from: "2026-11-01", to: "2026-11-30", dimensions: [CLASS], measures: [COUNT], first: 100) {
      rows { keys { dimension id label } count average weightedAverage qualityPercent successPercent absences { absent late illness excused unexcused unknown } } }`).join('\n');
    const costly = await j.as(w.admin, `{ ${many} }`);
    expect(costly.errors?.[0].extensions?.limit).toBe('COST');
  });

  it('two statements whatever the school\'s size: the viewer and the report', async () => {
    const token = await server.token(w.admin.user.id);
    const run = () => server.countStatements(() => server.gql(QUERY, { d: ['CLASS', 'SUBJECT'], m: ['COUNT', 'ABSENCES'] }, token));
    const [a, b] = [await run(), await run()];
    expect(a.result.errors).toBeUndefined();
    expect(Math.min(a.statements, b.statements)).toBe(2);
    const bigger = await buildClass(em, w.school, { grade: 7, letter: 'Г' });
    for (let i = 0; i < 10; i++) {
      const lesson = await buildLesson(em, { classGroup: bigger, subject: w.math, teacher: w.teacher.employee, date: '2026-11-1' + (i % 9), number: 1 + (i % 7) });
      const student = (await buildStudent(em, bigger)).student;
      await buildMark(em, { lesson, student, author: w.teacher.user, value: '4' });
    }
    const [c, d] = [await run(), await run()];
    expect(Math.min(c.statements, d.statements)).toBe(2);
  });
});

describe('the year transition of a school not one\'s own', () => {
  it('the academic administration of another school: NOT_FOUND', async () => {
    const staffElsewhere = await buildStaff(em, w.otherSchool, [Role.DEPUTY_ACADEMIC]);
    expect(errorCode(await j.as(staffElsewhere, `query($s: ID) { yearTransitionReport(schoolId: $s) { pupils } }`, { s: gid.school(w.school) }))).toBe('NOT_FOUND');
  });
});
