import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AbsenceReason, AttendanceKind, type ClassGroup, CurriculumComponent, CurriculumItem, LessonRecord, LessonState, Role, type StudyPeriod,
  type Subject,
} from '../../entities';
import { toGlobalId } from '../../schema/global-id';
import {
  buildAbsence, buildAssignment, buildClass, buildMark, buildStaff, buildStudent, buildSubject, buildUser, type World,
} from '../support/factories';
import type { TestServer } from '../support/server';
import { errorCode } from '../support/server';
import { type Journal, lessonOf, ok, query, quarter, useJournalWorld } from '../journal-rules/support';

/**
 * The journal reports' figures on rows built for each test (a class of its own, so the
 * figures are exact), and who may read them (DOMAIN.md, "reports"; domain/reports/report-span.ts).
 */

let server: TestServer;
let em: EntityManager;
let w: World;
let j: Journal;
let q2: StudyPeriod;
let music: Subject;

useJournalWorld(async (world) => {
  ({ server, em, w, j } = world);
  q2 = await quarter(em, w, 2);
  music = await buildSubject(em, w.school, 'Музыка');
});

let letters = 0;
async function freshClass(grade = 5, classTeacher = w.classTeacher.employee): Promise<ClassGroup> {
  const classGroup = await buildClass(em, w.school, { grade, letter: `Т${++letters}`, classTeacher });
  await buildAssignment(em, w.teacher.employee, classGroup, w.math);
  return classGroup;
}
const gid = toGlobalId;
const author = () => w.teacher.user;

const WEIGHTED = `query($c: ID!, $p: ID!) { weightedAverageReport(classGroupId: $c, studyPeriodId: $p) {
  formula rows { studentId subjectName marks average weightedAverage } } }`;
const CARD = `query($s: ID!, $p: ID!) { reportCardReport(studentId: $s, studyPeriodId: $p) {
  classGroupName subjects { subjectName periodMark marks average weightedAverage } absences { absentLessons lateLessons illness excused unexcused unknown } } }`;
const AVERAGE = `query($s: ID!) { studentAverageReport(studentId: $s) { marks average weightedAverage periods { label marks weightedAverage } weeks { label marks } } }`;
const TIMELINESS = `query($c: ID) { markTimelinessReport(from: "2026-11-01", to: "2026-11-20", classGroupId: $c) {
  marks lateMarks lateShare rows { teacherName subjectName marks lateMarks lateShare averageDelayDays } } }`;
const COMPLETENESS = `query($c: ID, $s: ID) { journalCompletenessReport(from: "2026-11-01", to: "2026-11-30", classGroupId: $c, schoolId: $s) {
  rows { subjectName lessons missingTopic missingHomework missingAttendance complete incompleteLessons { date missingTopic missingHomework missingAttendance } } } }`;
const ATTENDANCE = `query($c: ID) { attendanceSummaryReport(from: "2026-11-01", to: "2026-11-20", classGroupId: $c) {
  rows { classGroupName absences lates byReason { kind reason count } students { studentId absent late unexcused } } } }`;
const AT_RISK = `query($p: ID!, $c: ID) { atRiskReport(studyPeriodId: $p, classGroupId: $c) {
  students { studentId subjects { subjectName hoursPerWeek marks required } } } }`;
const AGGREGATES = `query { schoolJournalAggregatesReport(from: "2026-11-01", to: "2026-11-20") { schoolId lessons marks absences } }`;

describe('weighted average: Σ(value × weight) / Σ(weight) over the five-point marks', () => {
  it('weights a control work twice an oral answer, in the class report, the report card and the student\'s average', async () => {
    const c = await freshClass();
    const { student } = await buildStudent(em, c);
    const marks: [string, string, string][] = [['2026-11-16', '5', 'CONTROL'], ['2026-11-17', '3', 'ORAL'], ['2026-11-18', '4', 'INDEPENDENT']];
    for (const [date, value, workTypeCode] of marks) {
      const lesson = await lessonOf(em, w, { date, classGroup: c });
      await buildMark(em, { lesson, student, author: author(), value, workTypeCode });
    }
    // (5·2 + 3·1 + 4·1.5) / (2 + 1 + 1.5) = 19 / 4.5 = 4.22; plain: 12 / 3 = 4.
    const report = ok(await j.as(w.teacher, WEIGHTED, { c: gid('ClassGroup', c.id), p: gid('StudyPeriod', q2.id) }), 'weightedAverageReport');
    expect(report.rows).toEqual([{ studentId: gid('Student', student.id), subjectName: 'Математика', marks: 3, average: 4, weightedAverage: 4.22 }]);
    expect(report.formula).toContain('Σ(value × weight) / Σ(weight)');
    const card = ok(await j.as(w.deputy, CARD, { s: gid('Student', student.id), p: gid('StudyPeriod', q2.id) }), 'reportCardReport');
    expect(card.subjects).toEqual([{ subjectName: 'Математика', periodMark: null, marks: 3, average: 4, weightedAverage: 4.22 }]);
    const average = ok(await j.as(w.deputy, AVERAGE, { s: gid('Student', student.id) }), 'studentAverageReport');
    expect(average).toMatchObject({ marks: 3, average: 4, weightedAverage: 4.22 });
    expect(average.periods[1]).toEqual({ label: '2 четверть', marks: 3, weightedAverage: 4.22 });
    expect(average.weeks).toEqual([{ label: '2026-11-16', marks: 3 }]);
  });

  it('leaves pass/fail marks out of the averages but counts them on the report card', async () => {
    const c = await freshClass();
    const { student } = await buildStudent(em, c);
    const lesson = await lessonOf(em, w, { date: '2026-11-16', classGroup: c });
    await buildMark(em, { lesson, student, author: author(), value: 'зач' });
    await buildMark(em, { lesson, student, author: author(), value: '2' });
    const card = ok(await j.as(w.classTeacher, CARD, { s: gid('Student', student.id), p: gid('StudyPeriod', q2.id) }), 'reportCardReport');
    expect(card.subjects).toEqual([{ subjectName: 'Математика', periodMark: null, marks: 2, average: 2, weightedAverage: 2 }]);
  });
});

describe('timeliness', () => {
  it('a mark created after its lesson\'s day is late; the share and the delay per teacher and subject', async () => {
    const c = await freshClass();
    const { student } = await buildStudent(em, c);
    const onTime = await buildMark(em, { lesson: await lessonOf(em, w, { date: '2026-11-16', classGroup: c }), student, author: author() });
    const late = await buildMark(em, { lesson: await lessonOf(em, w, { date: '2026-11-17', classGroup: c }), student, author: author() });
    // Entered at 23:30 Moscow time of the lesson's day: still on time; two days later: late.
    await query(server, `update mark set created_at = '2026-11-16T23:30:00+03:00' where id = ?`, [onTime.id]);
    await query(server, `update mark set created_at = '2026-11-19T09:00:00+03:00' where id = ?`, [late.id]);
    const report = ok(await j.as(w.deputy, TIMELINESS, { c: gid('ClassGroup', c.id) }), 'markTimelinessReport');
    expect(report).toMatchObject({ marks: 2, lateMarks: 1, lateShare: 0.5 });
    expect(report.rows).toEqual([{
      teacherName: w.teacher.employee.fullName, subjectName: 'Математика', marks: 2, lateMarks: 1, lateShare: 0.5, averageDelayDays: 2,
    }]);
  });
});

describe('journal completeness', () => {
  it('counts held and past lessons without topic, homework or attendance; not cancelled or future ones', async () => {
    const c = await freshClass();
    const { student } = await buildStudent(em, c);
    const full = await lessonOf(em, w, { date: '2026-11-16', classGroup: c });
    em.create(LessonRecord, { lesson: full, topic: 'Дроби', homework: '№ 12', updatedBy: author(), updatedAt: new Date() });
    await buildAbsence(em, { lesson: full, student, author: author() });
    const topicOnly = await lessonOf(em, w, { date: '2026-11-17', classGroup: c });
    em.create(LessonRecord, { lesson: topicOnly, topic: 'Дроби', homework: '  ', updatedBy: author(), updatedAt: new Date() });
    topicOnly.attendanceTakenAt = new Date();
    await lessonOf(em, w, { date: '2026-11-18', classGroup: c, state: LessonState.SCHEDULED });
    await lessonOf(em, w, { date: '2026-11-19', classGroup: c, state: LessonState.CANCELLED });
    await lessonOf(em, w, { date: '2026-11-24', classGroup: c, state: LessonState.SCHEDULED });
    await em.flush();
    const report = ok(await j.as(w.teacher, COMPLETENESS, { c: gid('ClassGroup', c.id) }), 'journalCompletenessReport');
    expect(report.rows).toEqual([{
      subjectName: 'Математика', lessons: 3, missingTopic: 1, missingHomework: 2, missingAttendance: 1, complete: 1,
      incompleteLessons: [
        { date: '2026-11-17', missingTopic: false, missingHomework: true, missingAttendance: false },
        { date: '2026-11-18', missingTopic: true, missingHomework: true, missingAttendance: true },
      ],
    }]);
  });
});

describe('attendance summary', () => {
  it('counts absences and late arrivals by kind and reason, and per student', async () => {
    const c = await freshClass();
    const { student: a } = await buildStudent(em, c);
    const { student: b } = await buildStudent(em, c);
    const l1 = await lessonOf(em, w, { date: '2026-11-16', classGroup: c });
    const l2 = await lessonOf(em, w, { date: '2026-11-17', classGroup: c });
    const ill = await buildAbsence(em, { lesson: l1, student: a, author: author() });
    ill.reason = AbsenceReason.ILLNESS;
    await buildAbsence(em, { lesson: l2, student: a, author: author() });
    const late = await buildAbsence(em, { lesson: l2, student: b, author: author(), kind: AttendanceKind.LATE });
    late.reason = AbsenceReason.UNEXCUSED;
    await em.flush();
    const report = ok(await j.as(w.classTeacher, ATTENDANCE, { c: gid('ClassGroup', c.id) }), 'attendanceSummaryReport');
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({
      classGroupName: c.name, absences: 2, lates: 1,
      byReason: [
        // In the enums' order: ABSENT before LATE; UNKNOWN, ILLNESS, EXCUSED, UNEXCUSED.
        { kind: 'ABSENT', reason: 'UNKNOWN', count: 1 }, { kind: 'ABSENT', reason: 'ILLNESS', count: 1 }, { kind: 'LATE', reason: 'UNEXCUSED', count: 1 },
      ],
    });
    expect(report.rows[0].students).toEqual(expect.arrayContaining([
      { studentId: gid('Student', a.id), absent: 2, late: 0, unexcused: 0 },
      { studentId: gid('Student', b.id), absent: 0, late: 1, unexcused: 1 },
    ]));
    const card = ok(await j.as(w.parent, CARD, { s: gid('Student', w.student.student.id), p: gid('StudyPeriod', q2.id) }), 'reportCardReport');
    expect(card.classGroupName).toBe('5А');
    const ownCard = ok(await j.as(w.deputy, CARD, { s: gid('Student', a.id), p: gid('StudyPeriod', q2.id) }), 'reportCardReport');
    expect(ownCard.absences).toEqual({ absentLessons: 2, lateLessons: 0, illness: 1, excused: 0, unexcused: 0, unknown: 1 });
  });
});

describe('at risk of non-attestation (rule 7)', () => {
  it('3 marks for a 1-hour subject, 5 for a 2-hour one; first grade is never listed', async () => {
    const c = await freshClass();
    await buildAssignment(em, w.teacher.employee, c, music);
    const year = c.year;
    em.create(CurriculumItem, { year, classGroup: c, subject: w.math, hoursPerWeek: '2.0', component: CurriculumComponent.COMPULSORY });
    em.create(CurriculumItem, { year, classGroup: c, subject: music, hoursPerWeek: '1.0', component: CurriculumComponent.COMPULSORY });
    const first = await buildClass(em, w.school, { grade: 1, letter: `Т${++letters}` });
    em.create(CurriculumItem, { year, classGroup: first, subject: music, hoursPerWeek: '1.0', component: CurriculumComponent.COMPULSORY });
    await buildStudent(em, first);
    await em.flush();
    const { student: a } = await buildStudent(em, c);
    const { student: b } = await buildStudent(em, c);
    const give = async (student: typeof a, subject: Subject, n: number) => {
      for (let i = 0; i < n; i++) {
        const lesson = await lessonOf(em, w, { date: '2026-11-16', number: 1 + i, classGroup: c, subject });
        await buildMark(em, { lesson, student, author: author() });
      }
    };
    await give(a, w.math, 5);
    await give(a, music, 2);
    await give(b, w.math, 4);
    await give(b, music, 3);
    const forClass = async (classGroup: ClassGroup) =>
      ok(await j.as(w.deputy, AT_RISK, { p: gid('StudyPeriod', q2.id), c: gid('ClassGroup', classGroup.id) }), 'atRiskReport').students;
    const listed = await forClass(c);
    expect(listed).toHaveLength(2);
    expect(listed).toEqual(expect.arrayContaining([
      { studentId: gid('Student', a.id), subjects: [{ subjectName: 'Музыка', hoursPerWeek: 1, marks: 2, required: 3 }] },
      { studentId: gid('Student', b.id), subjects: [{ subjectName: 'Математика', hoursPerWeek: 2, marks: 4, required: 5 }] },
    ]));
    expect(await forClass(first)).toEqual([]);
  });
});

describe('who reads which report', () => {
  it('DEPUTY_PASTORAL reads the attendance summary and report cards, not the academic reports', async () => {
    const pastoral = await buildStaff(em, w.school, [Role.DEPUTY_PASTORAL]);
    ok(await j.as(pastoral, ATTENDANCE, {}), 'attendanceSummaryReport');
    ok(await j.as(pastoral, CARD, { s: gid('Student', w.student.student.id), p: gid('StudyPeriod', q2.id) }), 'reportCardReport');
    for (const q of [COMPLETENESS, TIMELINESS, AGGREGATES]) expect(errorCode(await j.as(pastoral, q, {}))).toBe('FORBIDDEN');
    expect(errorCode(await j.as(pastoral, AT_RISK, { p: gid('StudyPeriod', q2.id) }))).toBe('FORBIDDEN');
  });

  it('HR, the secretary, students and parents get no school report', async () => {
    for (const who of [w.hr, w.secretary, w.student, w.parent]) {
      for (const q of [COMPLETENESS, TIMELINESS, ATTENDANCE, AGGREGATES]) expect(errorCode(await j.as(who, q, {}))).toBe('FORBIDDEN');
    }
  });

  it('another school\'s staff get NOT_FOUND for this school, exactly like for a school that does not exist', async () => {
    const mine = await j.as(w.otherAdmin, COMPLETENESS, { s: gid('School', w.school.id) });
    const none = await j.as(w.otherAdmin, COMPLETENESS, { s: gid('School', '00000000-0000-4000-8000-000000000000') });
    expect(errorCode(mine)).toBe('NOT_FOUND');
    expect(mine.errors).toEqual(none.errors);
    expect(errorCode(await j.as(w.otherTeacher, CARD, { s: gid('Student', w.student.student.id), p: gid('StudyPeriod', q2.id) }))).toBe('NOT_FOUND');
    expect(errorCode(await j.as(w.otherParent, CARD, { s: gid('Student', w.student.student.id), p: gid('StudyPeriod', q2.id) }))).toBe('NOT_FOUND');
    // A study period of another school is as missing as the student.
    const [foreign] = await query(server, `select p.id from study_period p join academic_year y on y.id = p.year_id where y.school_id = ? limit 1`, [w.otherSchool.id]);
    expect(errorCode(await j.as(w.parent, CARD, { s: gid('Student', w.student.student.id), p: gid('StudyPeriod', foreign.id) }))).toBe('NOT_FOUND');
  });

  it('coordinators and the administration get per-school aggregates of their own schools only', async () => {
    const coordinator = ok(await j.as(w.coordinator, AGGREGATES), 'schoolJournalAggregatesReport');
    expect(coordinator.map((s: any) => s.schoolId)).toEqual([gid('School', w.school.id)]);
    const other = ok(await j.as(w.otherAdmin, AGGREGATES), 'schoolJournalAggregatesReport');
    expect(other.map((s: any) => s.schoolId)).toEqual([gid('School', w.otherSchool.id)]);
    expect(errorCode(await j.as(w.teacher, AGGREGATES))).toBe('FORBIDDEN');
    // A regional coordinator: every school of the region, and only those.
    const regional = await buildUser(em, null);
    const [region] = await query(server, 'select m.region_id from school s join municipality m on m.id = s.municipality_id where s.id = ?', [w.otherSchool.id]);
    await query(server, `insert into role_grant (id, user_id, role, region_id, granted_at) values (gen_random_uuid(), ?, 'REGIONAL_COORDINATOR', ?, now())`,
      [regional.id, region.region_id]);
    const figures = ok(await j.as(regional, AGGREGATES), 'schoolJournalAggregatesReport');
    expect(figures.map((s: any) => s.schoolId)).toEqual([gid('School', w.otherSchool.id)]);
  });

  it('a teacher who is also a deputy in another school names the school (BAD_USER_INPUT on schoolId otherwise)', async () => {
    const both = await buildStaff(em, w.school, [Role.TEACHER]);
    await query(server, `insert into role_grant (id, user_id, role, school_id, granted_at) values (gen_random_uuid(), ?, 'DEPUTY_ACADEMIC', ?, now())`,
      [both.user.id, w.otherSchool.id]);
    const r = await j.as(both, COMPLETENESS, {});
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'schoolId' });
    ok(await j.as(both, COMPLETENESS, { s: gid('School', w.school.id) }), 'journalCompletenessReport');
    ok(await j.as(both, COMPLETENESS, { s: gid('School', w.otherSchool.id) }), 'journalCompletenessReport');
  });

  it('a TEACHER grant without an employee card in that school reaches nothing there (the teacher\'s ties go through the card)', async () => {
    const teacher = await buildStaff(em, w.school, [Role.TEACHER]);
    await query(server, `insert into role_grant (id, user_id, role, school_id, granted_at) values (gen_random_uuid(), ?, 'TEACHER', ?, now())`,
      [teacher.user.id, w.otherSchool.id]);
    ok(await j.as(teacher, COMPLETENESS, {}), 'journalCompletenessReport');
    expect((await j.as(teacher, COMPLETENESS, { s: gid('School', w.otherSchool.id) })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('a substitute sees the lessons they stood in for, and nothing else of the class', async () => {
    const c = await freshClass();
    await lessonOf(em, w, { date: '2026-11-16', classGroup: c, substituteTeacher: w.substitute.employee });
    await lessonOf(em, w, { date: '2026-11-17', classGroup: c });
    const report = ok(await j.as(w.substitute, COMPLETENESS, { c: gid('ClassGroup', c.id) }), 'journalCompletenessReport');
    expect(report.rows).toEqual([expect.objectContaining({ lessons: 1, incompleteLessons: [expect.objectContaining({ date: '2026-11-16' })] })]);
    const teacher = ok(await j.as(w.teacher, COMPLETENESS, { c: gid('ClassGroup', c.id) }), 'journalCompletenessReport');
    expect(teacher.rows.reduce((n: number, r: any) => n + r.lessons, 0)).toBe(2);
  });
});
