import type { EntityManager } from '@mikro-orm/postgresql';
import { AcademicYear, AcademicYearState, Role, type Student, StudyPeriod, StudyPeriodKind } from '../../entities';
import { toGlobalId } from '../../schema/global-id';
import { buildAssignment, buildClass, buildStaff, buildStudent, type World } from '../support/factories';
import type { TestServer } from '../support/server';
import { errorCode } from '../support/server';
import {
  type Journal, PERIOD_MARK_FIELDS, auditEntriesOf, expectRefused, failure, lessonOf, ok, query, quarter, useJournalWorld, uuidOf,
} from '../journal-rules/support';

/**
 * Rule 6 beyond the period marks of journal-rules/period-marks.test.ts: the windows of YEAR,
 * EXAM and FINAL marks (domain/journal/period-mark-windows.ts), a FINAL mark after the YEAR one,
 * optimistic locking of changes, the class's period-mark sheet, and the register marked called.
 */

let server: TestServer;
let em: EntityManager;
let w: World;
let j: Journal;
let q2: StudyPeriod;

useJournalWorld(async (world) => {
  ({ server, em, w, j } = world);
  q2 = await quarter(em, w, 2);
});

const SET = `mutation($i: SetPeriodMarkInput!) { setPeriodMark(input: $i) { ${PERIOD_MARK_FIELDS} } }`;
const freshStudent = async () => (await buildStudent(em, w.class5a)).student;
const yearly = (student: { id: string }, kind: 'PERIOD' | 'YEAR' | 'EXAM' | 'FINAL', value: string, extra: Record<string, unknown> = {}) => ({
  i: { studentId: toGlobalId('Student', student.id), subjectId: toGlobalId('Subject', w.math.id), kind, value, ...extra },
});

describe('YEAR, EXAM and FINAL windows', () => {
  it('a YEAR mark goes in from the last quarter\'s first day to the year\'s last day', async () => {
    const student = await freshStudent();
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.as(w.teacher, SET, yearly(student, 'YEAR', '5')));
    server.clock.set('2027-03-29T12:00:00+03:00');
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.as(w.teacher, SET, yearly(student, 'YEAR', '5')));
    server.clock.set('2027-05-26T18:00:00+03:00');
    expect(ok(await j.as(w.teacher, SET, yearly(student, 'YEAR', '4')), 'setPeriodMark')).toMatchObject({ kind: 'YEAR', value: '4', studyPeriod: null });
    server.clock.set('2027-05-27T09:00:00+03:00');
    const other = await freshStudent();
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.as(w.teacher, SET, yearly(other, 'YEAR', '4')));
  });

  it('EXAM and FINAL marks go in on into the exam season, 40 days after the year\'s end', async () => {
    // Exam marks only in grades 9 and 11.
    const class9 = await buildClass(em, w.school, { grade: 9, letter: 'Э' });
    await buildAssignment(em, w.teacher.employee, class9, w.math);
    const ninth = async () => (await buildStudent(em, class9)).student;
    const student = await ninth();
    server.clock.set('2027-05-20T12:00:00+03:00');
    ok(await j.as(w.teacher, SET, yearly(student, 'YEAR', '4')), 'setPeriodMark');
    server.clock.set('2027-07-05T12:00:00+03:00');
    expect(ok(await j.as(w.teacher, SET, yearly(student, 'EXAM', '5')), 'setPeriodMark').kind).toBe('EXAM');
    expect(ok(await j.as(w.teacher, SET, yearly(student, 'FINAL', '5')), 'setPeriodMark').kind).toBe('FINAL');
    server.clock.set('2027-07-06T12:00:00+03:00');
    const late = await ninth();
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.as(w.teacher, SET, yearly(late, 'EXAM', '5')));
  });

  it('an EXAM mark only in grades 9 and 11: EXAM_GRADE_ONLY for a 5th-grader, whoever sets it, nothing stored', async () => {
    const student = await freshStudent();
    server.clock.set('2027-06-20T12:00:00+03:00');
    await expectRefused(server, 'EXAM_GRADE_ONLY', () => j.as(w.teacher, SET, yearly(student, 'EXAM', '5')), 'kind');
    await expectRefused(server, 'EXAM_GRADE_ONLY', () => j.as(w.deputy, SET, yearly(student, 'EXAM', '5', { reason: 'x' })), 'kind');
  });

  it('a FINAL mark needs the YEAR mark first (BAD_USER_INPUT on kind, nothing stored)', async () => {
    const student = await freshStudent();
    server.clock.set('2027-05-25T12:00:00+03:00');
    await expectRefused(server, 'BAD_USER_INPUT', () => j.as(w.teacher, SET, yearly(student, 'FINAL', '5')), 'kind');
    ok(await j.as(w.teacher, SET, yearly(student, 'YEAR', '5')), 'setPeriodMark');
    ok(await j.as(w.teacher, SET, yearly(student, 'FINAL', '5')), 'setPeriodMark');
  });

  it('the deputy head corrects a YEAR mark after its window, with a reason, and enters a missing one with a reason', async () => {
    const student = await freshStudent();
    server.clock.set('2027-05-25T12:00:00+03:00');
    const mark = ok(await j.as(w.teacher, SET, yearly(student, 'YEAR', '3')), 'setPeriodMark');
    server.clock.set('2027-09-15T12:00:00+03:00');
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.as(w.teacher, SET, yearly(student, 'YEAR', '4', { reason: 'пересдача' })));
    await expectRefused(server, 'BAD_USER_INPUT', () => j.as(w.deputy, SET, yearly(student, 'YEAR', '4')), 'reason');
    const corrected = ok(await j.as(w.deputy, SET, yearly(student, 'YEAR', '4', { reason: 'Решение педсовета' })), 'setPeriodMark');
    expect(corrected).toMatchObject({ id: mark.id, value: '4', revision: 2, corrected: true });
    expect((await auditEntriesOf(server, uuidOf(mark.id))).map((a) => a.action)).toEqual(['period_mark.set', 'period_mark.correct']);
    // A missing YEAR mark after its deadline: the deputy head enters it, with a reason (issue 18 part 4); the teacher cannot.
    const other = await freshStudent();
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.as(w.teacher, SET, yearly(other, 'YEAR', '4', { reason: 'x' })));
    await expectRefused(server, 'BAD_USER_INPUT', () => j.as(w.deputy, SET, yearly(other, 'YEAR', '4')), 'reason');
    const late = ok(await j.as(w.deputy, SET, yearly(other, 'YEAR', '4', { reason: 'Решение педсовета' })), 'setPeriodMark');
    expect((await auditEntriesOf(server, uuidOf(late.id))).map((a) => a.action)).toEqual(['period_mark.set_late']);
  });
});

describe('a YEAR mark of a year that is over', () => {
  it('once the next year has begun, the deputy head names the old year to correct it', async () => {
    const student = await freshStudent();
    server.clock.set('2027-05-25T12:00:00+03:00');
    const mark = ok(await j.as(w.teacher, SET, yearly(student, 'YEAR', '3')), 'setPeriodMark');
    const [oldYear] = await query(server, 'select id from academic_year where school_id = ?', [w.school.id]);
    const next = em.create(AcademicYear, { school: w.school, name: '2027/2028', startsOn: '2027-09-01', endsOn: '2028-05-26', state: AcademicYearState.PLANNING });
    em.create(StudyPeriod, { year: next, kind: StudyPeriodKind.HALF_YEAR, ordinal: 1, name: '1 полугодие', startsOn: '2027-09-01', endsOn: '2027-12-28' });
    await em.flush();
    server.clock.set('2027-09-15T12:00:00+03:00');
    // Without the year, the latest one is meant, and the student is in no class of it yet.
    await expectRefused(server, 'NOT_ENROLLED', () => j.as(w.deputy, SET, yearly(student, 'YEAR', '4', { reason: 'Решение педсовета' })));
    const corrected = ok(await j.as(w.deputy, SET, yearly(student, 'YEAR', '4', {
      reason: 'Решение педсовета', academicYearId: toGlobalId('AcademicYear', oldYear.id),
    })), 'setPeriodMark');
    expect(corrected).toMatchObject({ id: mark.id, value: '4', revision: 2 });
    const foreign = await query(server, 'select id from academic_year where school_id = ?', [w.otherSchool.id]);
    await expectRefused(server, 'NOT_FOUND', () => j.as(w.deputy, SET, yearly(student, 'YEAR', '5', {
      reason: 'x', academicYearId: toGlobalId('AcademicYear', foreign[0].id),
    })));
    await expectRefused(server, 'BAD_USER_INPUT', () => j.as(w.deputy, SET, {
      i: { ...yearly(student, 'PERIOD', '5').i, studyPeriodId: toGlobalId('StudyPeriod', q2.id), academicYearId: toGlobalId('AcademicYear', oldYear.id) },
    }), 'academicYearId');
  });
});

describe('two people changing the same period mark', () => {
  it('a stale expectedRevision is CONFLICT and changes nothing; the current one goes through', async () => {
    const student = await freshStudent();
    const vars = (value: string, expectedRevision: number) => ({
      i: {
        studentId: toGlobalId('Student', student.id), subjectId: toGlobalId('Subject', w.math.id), kind: 'PERIOD',
        studyPeriodId: toGlobalId('StudyPeriod', q2.id), value, reason: 'исправление', expectedRevision,
      },
    });
    ok(await j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: q2, value: '3' }), 'setPeriodMark');
    ok(await j.as(w.teacher, SET, vars('4', 1)), 'setPeriodMark');
    await expectRefused(server, 'CONFLICT', () => j.as(w.deputy, SET, vars('5', 1)));
    expect(ok(await j.as(w.deputy, SET, vars('5', 2)), 'setPeriodMark')).toMatchObject({ value: '5', revision: 3 });
  });
});

describe('the period-mark sheet of a class', () => {
  const SHEET = `query($c: ID!, $p: ID) { periodMarkSheet(classGroupId: $c, studyPeriodId: $p) {
    classGroupName studyPeriodName students { studentId } subjects { subjectId name } marks { periodMarkId kind value studentId subjectId } } }`;
  const sheetOf = (who: Parameters<Journal['as']>[0], p: StudyPeriod | null = q2) =>
    j.as(who, SHEET, { c: toGlobalId('ClassGroup', w.class5a.id), ...(p ? { p: toGlobalId('StudyPeriod', p.id) } : {}) });

  let student: Student;
  beforeAll(async () => {
    student = await freshStudent();
    ok(await j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: q2, value: '4' }), 'setPeriodMark');
    ok(await j.setPeriodMark(w.classTeacher, { student, subject: w.russian, studyPeriod: q2, value: '5' }), 'setPeriodMark');
  });

  it('the class teacher and the administration (deputies included) read every subject', async () => {
    const pastoral = await buildStaff(em, w.school, [Role.DEPUTY_PASTORAL]);
    for (const who of [w.classTeacher, w.deputy, w.director, pastoral]) {
      const sheet = ok(await sheetOf(who), 'periodMarkSheet');
      expect(sheet).toMatchObject({ classGroupName: '5А', studyPeriodName: '2 четверть' });
      expect(sheet.subjects.map((s: any) => s.name)).toEqual(['Математика', 'Русский язык']);
      expect(sheet.students).toContainEqual({ studentId: toGlobalId('Student', student.id) });
      const own = sheet.marks.filter((m: any) => m.studentId === toGlobalId('Student', student.id));
      expect(own.map((m: any) => m.value).sort()).toEqual(['4', '5']);
      expect(own.every((m: any) => m.kind === 'PERIOD' && /^[A-Za-z0-9_-]+$/.test(m.periodMarkId))).toBe(true);
    }
  });

  it('a subject teacher reads their own subject only', async () => {
    const sheet = ok(await sheetOf(w.teacher), 'periodMarkSheet');
    expect(sheet.subjects.map((s: any) => s.name)).toEqual(['Математика']);
    expect(sheet.marks.length).toBeGreaterThan(0);
    expect(sheet.marks.every((m: any) => m.subjectId === toGlobalId('Subject', w.math.id))).toBe(true);
  });

  it('another teacher, another school\'s admin: NOT_FOUND like a missing class; families and the secretary: FORBIDDEN', async () => {
    const missing = await j.as(w.deputy, SHEET, { c: toGlobalId('ClassGroup', '00000000-0000-4000-8000-000000000000') });
    expect(errorCode(missing)).toBe('NOT_FOUND');
    for (const who of [w.substitute, w.otherAdmin, w.primaryTeacher]) {
      const r = await sheetOf(who);
      expect(failure(r)).toMatchObject({ code: 'NOT_FOUND' });
      expect(r.errors).toEqual(missing.errors);
    }
    for (const who of [w.parent, w.student, w.secretary, w.hr]) expect(errorCode(await sheetOf(who))).toBe('FORBIDDEN');
  });

  it('a study period of another year or school is NOT_FOUND; a malformed id BAD_USER_INPUT', async () => {
    const foreign = await query(server, `select p.id from study_period p join academic_year y on y.id = p.year_id where y.school_id = ? limit 1`, [w.otherSchool.id]);
    expect(errorCode(await j.as(w.deputy, SHEET, { c: toGlobalId('ClassGroup', w.class5a.id), p: toGlobalId('StudyPeriod', foreign[0].id) }))).toBe('NOT_FOUND');
    const bad = await j.as(w.deputy, SHEET, { c: 'nonsense' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'classGroupId' });
  });

  it('costs the same statements for a class of 2 and of 12 students', async () => {
    const small = await server.countStatements(async () => sheetOf(w.classTeacher, null));
    for (let i = 0; i < 10; i++) {
      const s = await freshStudent();
      ok(await j.setPeriodMark(w.teacher, { student: s, subject: w.math, studyPeriod: q2, value: '5' }), 'setPeriodMark');
    }
    const large = await server.countStatements(async () => sheetOf(w.classTeacher, null));
    expect(large.result.data!.periodMarkSheet.marks.length).toBeGreaterThan(small.result.data!.periodMarkSheet.marks.length + 9);
    expect(large.statements).toBe(small.statements);
  });
});

describe('the register marked called (markAttendanceTaken)', () => {
  const TAKEN = `mutation($i: MarkAttendanceTakenInput!) { markAttendanceTaken(input: $i) { id state } }`;
  const takenAt = async (lessonId: string) =>
    (await query(server, 'select attendance_taken_at, version from lesson where id = ?', [lessonId]))[0];

  it('the lesson\'s teacher marks it once, with an audit entry; the lesson\'s version stays', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-19', number: 3 });
    const before = await takenAt(lesson.id);
    expect(before.attendance_taken_at).toBeNull();
    expect(ok(await j.as(w.teacher, TAKEN, { i: { lessonId: toGlobalId('Lesson', lesson.id) } }), 'markAttendanceTaken').state).toBe('HELD');
    const after = await takenAt(lesson.id);
    expect(after.attendance_taken_at).not.toBeNull();
    expect(after.version).toBe(before.version);
    ok(await j.as(w.teacher, TAKEN, { i: { lessonId: toGlobalId('Lesson', lesson.id) } }), 'markAttendanceTaken');
    expect((await auditEntriesOf(server, lesson.id)).map((a) => a.action)).toEqual(['lesson.attendance_taken']);
  });

  it('a double submit marks it once, with one audit entry', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-19', number: 6 });
    const vars = { i: { lessonId: toGlobalId('Lesson', lesson.id) } };
    const answers = await Promise.all([j.as(w.teacher, TAKEN, vars), j.as(w.teacher, TAKEN, vars), j.as(w.teacher, TAKEN, vars)]);
    for (const a of answers) ok(a, 'markAttendanceTaken');
    expect((await auditEntriesOf(server, lesson.id)).map((a) => a.action)).toEqual(['lesson.attendance_taken']);
  });

  it('refuses others, late entries and bad ids, changing nothing', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-19', number: 4 });
    const vars = { i: { lessonId: toGlobalId('Lesson', lesson.id) } };
    await expectRefused(server, 'FORBIDDEN', () => j.as(w.classTeacher, TAKEN, vars));
    await expectRefused(server, 'NOT_FOUND', () => j.as(w.otherTeacher, TAKEN, vars));
    await expectRefused(server, 'FORBIDDEN', () => j.as(w.deputy, TAKEN, vars));
    await expectRefused(server, 'FORBIDDEN', () => j.as(w.parent, TAKEN, vars));
    await expectRefused(server, 'BAD_USER_INPUT', () => j.as(w.teacher, TAKEN, { i: { lessonId: 'x' } }), 'lessonId');
    server.clock.set('2026-11-23T12:00:00+03:00');
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.as(w.teacher, TAKEN, vars));
    expect((await takenAt(lesson.id)).attendance_taken_at).toBeNull();
  });

  it('takes the lesson off the completeness report\'s "missing attendance"', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-18', number: 5, classGroup: w.class5b });
    const REPORT = `query($c: ID) { journalCompletenessReport(from: "2026-11-18", to: "2026-11-18", classGroupId: $c) {
      rows { incompleteLessons { lessonId missingAttendance } } } }`;
    const vars = { c: toGlobalId('ClassGroup', w.class5b.id) };
    const missing = async () => ok(await j.as(w.teacher, REPORT, vars), 'journalCompletenessReport').rows
      .flatMap((r: any) => r.incompleteLessons).find((l: any) => l.lessonId === toGlobalId('Lesson', lesson.id))?.missingAttendance;
    expect(await missing()).toBe(true);
    ok(await j.as(w.teacher, TAKEN, { i: { lessonId: toGlobalId('Lesson', lesson.id) } }), 'markAttendanceTaken');
    // Still incomplete (no topic or homework), but the register is called.
    expect(await missing()).toBe(false);
  });
});
