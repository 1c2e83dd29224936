import { randomUUID } from 'node:crypto';
import { AbsenceReason, Attendance, LessonRecord, Mark, MarkVersion, PeriodMark, Role, StudyPeriod } from '../../entities';
import {
  buildAbsence, buildAssignment, buildClass, buildLesson, buildMark, buildStaff, buildSubject, buildStudent, currentYear,
} from '../support/factories';
import { TestServer, errorCode, type GraphQLResponse } from '../support/server';
import { actors, as, buildAccessWorld, counts, gid, journalState, randomId, type AccessWorld } from './access-support';

// Every journal write of the contract, role by role (DOMAIN.md access matrix). Every
// refusal is shown to leave every journal table (rows and their contents) as it was.

let server: TestServer;
let w: AccessWorld;
let who: Record<string, string | null>;
let standIn: Awaited<ReturnType<typeof buildStaff>>;
let substituted: Awaited<ReturnType<typeof buildLesson>>;
let quarter2: StudyPeriod;
let foreignStudent: Awaited<ReturnType<typeof buildStudent>>;

beforeAll(async () => {
  server = await TestServer.start();
  const em = server.em();
  w = await buildAccessWorld(em);
  who = actors(w);
  // `standIn` substitutes for `teacher` at one 5А math lesson today; `substitute` (substituteNoLessons) stands in nowhere.
  standIn = await buildStaff(em, w.school, [Role.TEACHER]);
  substituted = await buildLesson(em, {
    classGroup: w.class5a, subject: w.math, teacher: w.teacher.employee, substituteTeacher: standIn.employee, date: '2026-11-20', number: 3,
  });
  quarter2 = await em.findOneOrFail(StudyPeriod, { year: await currentYear(em, w.school), ordinal: 2 });
  const otherClass = await buildClass(em, w.otherSchool, { grade: 5 });
  foreignStudent = await buildStudent(em, otherClass);
});
afterAll(async () => { await server.stop(); });

const RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id value } }`;
const CORRECT_MARK = `mutation($i: CorrectMarkInput!) { correctMark(input: $i) { id value corrected } }`;
const RECORD_ATTENDANCE = `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id kind reason } }`;
const SET_REASON = `mutation($i: SetAbsenceReasonInput!) { setAbsenceReason(input: $i) { id reason } }`;
const SET_RECORD = `mutation($i: SetLessonRecordInput!) { setLessonRecord(input: $i) { id topic homework } }`;
const SET_PERIOD_MARK = `mutation($i: SetPeriodMarkInput!) { setPeriodMark(input: $i) { id value corrected } }`;

/** Callers whose role may not write the journal at all (shield: FORBIDDEN before any row is looked at). */
const NOT_WRITERS = [
  'parent', 'otherParent', 'student', 'otherStudent', 'secretary', 'hr', 'coordinator',
  'admin', 'director', 'deputyAcademic', 'deputyPastoral', 'otherSchoolAdmin', 'otherSchoolDeputy',
];
/** Teachers who cannot even read 5А's math lesson. */
const TEACHERS_WHO_CANNOT_SEE = ['unrelatedTeacher', 'substituteNoLessons', 'otherSchoolTeacher'];

/** Sends a write that must be refused with `code`, and proves nothing in the journal changed. */
async function expectRefused(userId: string | null, query: string, input: Record<string, unknown>, code: string): Promise<GraphQLResponse> {
  const before = await journalState(server);
  const r = await as(server, userId, query, { i: input });
  expect(errorCode(r)).toBe(code);
  expect(r.errors).toHaveLength(1);
  expect(r.data).toBeNull();
  expect(await journalState(server)).toEqual(before);
  return r;
}

/** A NOT_FOUND refusal must be the same answer as for an id that does not exist. */
async function expectNotFoundLikeMissing(userId: string | null, query: string, input: Record<string, unknown>, missing: Record<string, unknown>) {
  const refused = await expectRefused(userId, query, input, 'NOT_FOUND');
  const absent = await expectRefused(userId, query, missing, 'NOT_FOUND');
  expect(refused).toEqual(absent);
}

/** Runs an allowed write and returns how many rows each journal table grew by. */
async function growth(work: () => Promise<GraphQLResponse>): Promise<{ r: GraphQLResponse; delta: Record<string, number> }> {
  const before = counts(await journalState(server));
  const r = await work();
  const after = counts(await journalState(server));
  return { r, delta: Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]])) };
}

const NO_GROWTH = { mark: 0, mark_version: 0, attendance: 0, lesson_record: 0, lesson: 0, period_mark: 0, period_mark_version: 0, audit_entry: 0, diary_event: 0 };

describe('recordMark', () => {
  const input = () => ({
    lessonId: gid('Lesson', w.lesson.id), studentId: gid('Student', w.classmate.student.id), value: '4', workTypeCode: 'ORAL',
  });

  it('the lesson\'s teacher records it: one mark, one version, one audit entry, one diary event', async () => {
    const { student } = await buildStudent(server.em(), w.class5a);
    const { r, delta } = await growth(() => as(server, who.teacher, RECORD_MARK, { i: { ...input(), studentId: gid('Student', student.id) } }));
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordMark.value).toBe('4');
    expect(delta).toEqual({ ...NO_GROWTH, mark: 1, mark_version: 1, audit_entry: 1, diary_event: 1 });
  });

  it('the teacher standing in records a mark at the lesson they substitute', async () => {
    const { student } = await buildStudent(server.em(), w.class5a);
    const r = await as(server, standIn.user.id, RECORD_MARK,
      { i: { ...input(), lessonId: gid('Lesson', substituted.id), studentId: gid('Student', student.id) } });
    expect(r.errors).toBeUndefined();
    expect(await server.em().count(Mark, { student: student.id, lesson: substituted.id })).toBe(1);
  });

  it('standing in for one lesson opens no other lesson of that teacher: NOT_FOUND like a missing lesson', async () => {
    await expectNotFoundLikeMissing(standIn.user.id, RECORD_MARK, input(), { ...input(), lessonId: randomId('Lesson') });
  });

  it.each(NOT_WRITERS)('%s: FORBIDDEN by role, nothing written', async (actor) => {
    await expectRefused(who[actor], RECORD_MARK, input(), 'FORBIDDEN');
  });

  it('the class teacher of 5А reads the math lesson but may not write it: FORBIDDEN', async () => {
    await expectRefused(who.classTeacher, RECORD_MARK, input(), 'FORBIDDEN');
  });

  it.each(TEACHERS_WHO_CANNOT_SEE)('%s cannot see the lesson: NOT_FOUND like a missing lesson, nothing written', async (actor) => {
    await expectNotFoundLikeMissing(who[actor], RECORD_MARK, input(), { ...input(), lessonId: randomId('Lesson') });
  });

  it('the teacher cannot mark a student of another school in their own lesson: NOT_FOUND like a missing student', async () => {
    await expectNotFoundLikeMissing(who.teacher, RECORD_MARK,
      { ...input(), studentId: gid('Student', foreignStudent.student.id) }, { ...input(), studentId: randomId('Student') });
  });

  it('anonymous: UNAUTHENTICATED, nothing written', async () => {
    await expectRefused(null, RECORD_MARK, input(), 'UNAUTHENTICATED');
  });
});

describe('correctMark', () => {
  const input = (markId: string) => ({ markId: gid('Mark', markId), value: '3', reason: 'Ошибка при вводе' });

  it('the lesson\'s teacher corrects their own mark in the window', async () => {
    const mark = await buildMark(server.em(), { lesson: w.lesson, student: w.classmate.student, author: w.teacher.user, value: '5' });
    const { r, delta } = await growth(() => as(server, who.teacher, CORRECT_MARK, { i: input(mark.id) }));
    expect(r.errors).toBeUndefined();
    expect(r.data!.correctMark).toEqual({ id: gid('Mark', mark.id), value: '3', corrected: true });
    expect(delta).toEqual({ ...NO_GROWTH, mark_version: 1, audit_entry: 1, diary_event: 1 });
  });

  it('the academic deputy corrects any mark of the school, even long after the window closed', async () => {
    const em = server.em();
    const old = await buildLesson(em, { classGroup: w.class5a, subject: w.math, teacher: w.teacher.employee, date: '2026-10-06', number: 2 });
    const mark = await buildMark(em, { lesson: old, student: w.classmate.student, author: w.teacher.user, value: '2' });
    const r = await as(server, who.deputyAcademic, CORRECT_MARK, { i: input(mark.id) });
    expect(r.errors).toBeUndefined();
    expect(r.data!.correctMark).toEqual({ id: gid('Mark', mark.id), value: '3', corrected: true });
    const versions = await server.em().find(MarkVersion, { mark: mark.id }, { orderBy: { revision: 'asc' } });
    expect(versions.map((v) => [v.revision, v.value, v.createdBy.id])).toEqual([[1, '2', w.teacher.user.id], [2, '3', w.deputy.user.id]]);
    // The teacher, out of the window, is refused for the same mark.
    await expectRefused(who.teacher, CORRECT_MARK, { ...input(mark.id), value: '4' }, 'ENTRY_WINDOW_CLOSED');
  });

  it.each(NOT_WRITERS.filter((a) => a !== 'deputyAcademic' && a !== 'otherSchoolDeputy'))(
    '%s: FORBIDDEN by role, nothing written', async (actor) => {
      await expectRefused(who[actor], CORRECT_MARK, input(w.mathMark.id), 'FORBIDDEN');
    });

  it('the class teacher reads the math mark but may not correct it: FORBIDDEN', async () => {
    await expectRefused(who.classTeacher, CORRECT_MARK, input(w.mathMark.id), 'FORBIDDEN');
  });

  it('the math teacher cannot see the class teacher\'s Russian mark: NOT_FOUND like a missing mark', async () => {
    await expectNotFoundLikeMissing(who.teacher, CORRECT_MARK, input(w.russianMark.id), input(randomUUID()));
  });

  it.each([...TEACHERS_WHO_CANNOT_SEE, 'otherSchoolDeputy'])('%s: NOT_FOUND like a missing mark, nothing written', async (actor) => {
    await expectNotFoundLikeMissing(who[actor], CORRECT_MARK, input(w.mathMark.id), input(randomUUID()));
  });

  it('anonymous: UNAUTHENTICATED', async () => {
    await expectRefused(null, CORRECT_MARK, input(w.mathMark.id), 'UNAUTHENTICATED');
  });

  it('the refused corrections left the mark as it was', async () => {
    const mark = await server.em().findOneOrFail(Mark, w.mathMark.id);
    expect([mark.value, mark.revision]).toEqual(['5', 1]);
  });
});

describe('recordAttendance', () => {
  const input = (studentId = w.student.student.id) => ({ lessonId: gid('Lesson', w.lesson.id), studentId: gid('Student', studentId), kind: 'ABSENT' });

  it('the lesson\'s teacher records an absence', async () => {
    const { student } = await buildStudent(server.em(), w.class5a);
    const { r, delta } = await growth(() => as(server, who.teacher, RECORD_ATTENDANCE, { i: input(student.id) }));
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordAttendance).toMatchObject({ kind: 'ABSENT', reason: 'UNKNOWN' });
    expect(delta).toEqual({ ...NO_GROWTH, attendance: 1, audit_entry: 1, diary_event: 1 });
  });

  it('the teacher standing in records an absence at the lesson they substitute', async () => {
    const { student } = await buildStudent(server.em(), w.class5a);
    const r = await as(server, standIn.user.id, RECORD_ATTENDANCE, { i: { ...input(student.id), lessonId: gid('Lesson', substituted.id) } });
    expect(r.errors).toBeUndefined();
    expect(await server.em().count(Attendance, { student: student.id, lesson: substituted.id })).toBe(1);
  });

  it('the primary class teacher keeps attendance in first grade', async () => {
    const r = await as(server, who.unrelatedTeacher, RECORD_ATTENDANCE,
      { i: { lessonId: gid('Lesson', w.lesson1a.id), studentId: gid('Student', w.firstGrader.student.id), kind: 'LATE' } });
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordAttendance.kind).toBe('LATE');
  });

  it.each(NOT_WRITERS)('%s: FORBIDDEN by role, nothing written', async (actor) => {
    await expectRefused(who[actor], RECORD_ATTENDANCE, input(), 'FORBIDDEN');
  });

  it('the class teacher may not record attendance at another teacher\'s lesson: FORBIDDEN', async () => {
    await expectRefused(who.classTeacher, RECORD_ATTENDANCE, input(), 'FORBIDDEN');
  });

  it.each(TEACHERS_WHO_CANNOT_SEE)('%s: NOT_FOUND like a missing lesson, nothing written', async (actor) => {
    await expectNotFoundLikeMissing(who[actor], RECORD_ATTENDANCE, input(), { ...input(), lessonId: randomId('Lesson') });
  });

  it('anonymous: UNAUTHENTICATED', async () => {
    await expectRefused(null, RECORD_ATTENDANCE, input(), 'UNAUTHENTICATED');
  });
});

describe('setAbsenceReason', () => {
  const input = (attendanceId = w.mathAbsence.id) => ({ attendanceId: gid('Attendance', attendanceId), reason: 'ILLNESS', document: 'Справка №12' });

  it('the class teacher sets the reason for their class, even at another teacher\'s lesson', async () => {
    const absence = await buildAbsence(server.em(), { lesson: w.lesson, student: (await buildStudent(server.em(), w.class5a)).student, author: w.teacher.user });
    const { r, delta } = await growth(() => as(server, who.classTeacher, SET_REASON, { i: input(absence.id) }));
    expect(r.errors).toBeUndefined();
    expect(r.data!.setAbsenceReason).toEqual({ id: gid('Attendance', absence.id), reason: 'ILLNESS' });
    expect(delta).toEqual({ ...NO_GROWTH, audit_entry: 1, diary_event: 1 });
  });

  it('the lesson\'s own teacher, not the class teacher, is refused: FORBIDDEN', async () => {
    await expectRefused(who.teacher, SET_REASON, input(), 'FORBIDDEN');
  });

  it.each(NOT_WRITERS)('%s: FORBIDDEN by role, nothing written', async (actor) => {
    await expectRefused(who[actor], SET_REASON, input(), 'FORBIDDEN');
  });

  it.each(TEACHERS_WHO_CANNOT_SEE)('%s: NOT_FOUND like a missing absence, nothing written', async (actor) => {
    await expectNotFoundLikeMissing(who[actor], SET_REASON, input(), input(randomUUID()));
  });

  it('anonymous: UNAUTHENTICATED', async () => {
    await expectRefused(null, SET_REASON, input(), 'UNAUTHENTICATED');
  });

  it('the refused attempts left the absence as it was', async () => {
    const row = await server.em().findOneOrFail(Attendance, w.mathAbsence.id);
    expect([row.reason, row.document ?? null]).toEqual([AbsenceReason.UNKNOWN, null]);
  });
});

describe('setLessonRecord', () => {
  const input = (lessonId = w.lesson.id) => ({ lessonId: gid('Lesson', lessonId), topic: 'Обыкновенные дроби', homework: '№ 512, 513' });

  it('the lesson\'s teacher sets topic and homework; every student of the class is notified', async () => {
    const lesson = await buildLesson(server.em(), { classGroup: w.class5a, subject: w.math, teacher: w.teacher.employee, date: '2026-11-20', number: 5 });
    const enrolled = await server.em().getConnection().execute<{ n: string }[]>(
      `select count(*)::text as n from enrollment where class_group_id = ?`, [w.class5a.id]);
    const { r, delta } = await growth(() => as(server, who.teacher, SET_RECORD, { i: input(lesson.id) }));
    expect(r.errors).toBeUndefined();
    expect(r.data!.setLessonRecord).toEqual({ id: gid('Lesson', lesson.id), topic: 'Обыкновенные дроби', homework: '№ 512, 513' });
    expect(delta).toEqual({ ...NO_GROWTH, lesson_record: 1, audit_entry: 1, diary_event: Number(enrolled[0].n) });
  });

  it('the teacher standing in sets the record of the lesson they substitute', async () => {
    const r = await as(server, standIn.user.id, SET_RECORD, { i: input(substituted.id) });
    expect(r.errors).toBeUndefined();
    expect(await server.em().count(LessonRecord, { lesson: substituted.id })).toBe(1);
  });

  it.each(NOT_WRITERS)('%s: FORBIDDEN by role, nothing written', async (actor) => {
    await expectRefused(who[actor], SET_RECORD, input(), 'FORBIDDEN');
  });

  it('the class teacher may not write another teacher\'s lesson: FORBIDDEN', async () => {
    await expectRefused(who.classTeacher, SET_RECORD, input(), 'FORBIDDEN');
  });

  it.each(TEACHERS_WHO_CANNOT_SEE)('%s: NOT_FOUND like a missing lesson, nothing written', async (actor) => {
    await expectNotFoundLikeMissing(who[actor], SET_RECORD, input(), input(randomUUID()));
  });

  it('anonymous: UNAUTHENTICATED', async () => {
    await expectRefused(null, SET_RECORD, input(), 'UNAUTHENTICATED');
  });
});

describe('setPeriodMark', () => {
  const input = (studentId = w.student.student.id, subjectId = w.math.id) => ({
    studentId: gid('Student', studentId), subjectId: gid('Subject', subjectId), kind: 'PERIOD',
    studyPeriodId: gid('StudyPeriod', quarter2.id), value: '5',
  });

  it('the subject teacher sets a quarter mark', async () => {
    const { student } = await buildStudent(server.em(), w.class5a);
    const { r, delta } = await growth(() => as(server, who.teacher, SET_PERIOD_MARK, { i: input(student.id) }));
    expect(r.errors).toBeUndefined();
    expect(r.data!.setPeriodMark).toMatchObject({ value: '5', corrected: false });
    expect(delta).toEqual({ ...NO_GROWTH, period_mark: 1, period_mark_version: 1, audit_entry: 1 });
  });

  it('the academic deputy corrects an existing quarter mark but may not set a new one', async () => {
    const { student } = await buildStudent(server.em(), w.class5a);
    await expectRefused(who.deputyAcademic, SET_PERIOD_MARK, input(student.id), 'FORBIDDEN');
    const set = await as(server, who.teacher, SET_PERIOD_MARK, { i: { ...input(student.id), value: '4' } });
    expect(set.errors).toBeUndefined();
    const r = await as(server, who.deputyAcademic, SET_PERIOD_MARK, { i: { ...input(student.id), value: '5', reason: 'Апелляция' } });
    expect(r.errors).toBeUndefined();
    expect(r.data!.setPeriodMark).toMatchObject({ value: '5', corrected: true });
  });

  it('a primary-school class teacher sets period marks in every subject of their class', async () => {
    const em = server.em();
    const lead = await buildStaff(em, w.school, [Role.TEACHER]);
    const class3 = await buildClass(em, w.school, { grade: 3, letter: 'В', classTeacher: lead.employee });
    const { student } = await buildStudent(em, class3);
    const r = await as(server, lead.user.id, SET_PERIOD_MARK, { i: input(student.id, w.russian.id) });
    expect(r.errors).toBeUndefined();
    expect(await server.em().count(PeriodMark, { student: student.id, subject: w.russian.id })).toBe(1);
  });

  it('a grade-5 class teacher may not set a math quarter mark in their class: FORBIDDEN', async () => {
    await expectRefused(who.classTeacher, SET_PERIOD_MARK, input(), 'FORBIDDEN');
  });

  it('a teacher of the class in another subject may not set a math mark: FORBIDDEN', async () => {
    const em = server.em();
    const russianOnly = await buildStaff(em, w.school, [Role.TEACHER]);
    await buildAssignment(em, russianOnly.employee, w.class5a, w.russian);
    await expectRefused(russianOnly.user.id, SET_PERIOD_MARK, input(), 'FORBIDDEN');
  });

  it.each(NOT_WRITERS.filter((a) => a !== 'deputyAcademic' && a !== 'otherSchoolDeputy'))(
    '%s: FORBIDDEN by role, nothing written', async (actor) => {
      await expectRefused(who[actor], SET_PERIOD_MARK, input(), 'FORBIDDEN');
    });

  it.each([...TEACHERS_WHO_CANNOT_SEE, 'otherSchoolDeputy'])('%s: NOT_FOUND like a missing student, nothing written', async (actor) => {
    await expectNotFoundLikeMissing(who[actor], SET_PERIOD_MARK, input(), input(randomUUID()));
  });

  it('anonymous: UNAUTHENTICATED', async () => {
    await expectRefused(null, SET_PERIOD_MARK, input(), 'UNAUTHENTICATED');
  });
});

describe('another school\'s teacher with the same powers at home', () => {
  it('writes their own school\'s journal, but ours answers NOT_FOUND and stays untouched', async () => {
    const em = server.em();
    const subject = await buildSubject(em, w.otherSchool, 'Математика');
    const classGroup = await buildClass(em, w.otherSchool, { grade: 6 });
    await buildAssignment(em, w.otherTeacher.employee, classGroup, subject);
    const { student } = await buildStudent(em, classGroup);
    const home = await buildLesson(em, { classGroup, subject, teacher: w.otherTeacher.employee, date: '2026-11-20', number: 1 });
    const ok = await as(server, who.otherSchoolTeacher, RECORD_MARK, {
      i: { lessonId: gid('Lesson', home.id), studentId: gid('Student', student.id), value: '5', workTypeCode: 'ORAL' },
    });
    expect(ok.errors).toBeUndefined();
    await expectRefused(who.otherSchoolTeacher, RECORD_MARK, {
      lessonId: gid('Lesson', w.lesson5b.id), studentId: gid('Student', w.otherStudent.student.id), value: '5', workTypeCode: 'ORAL',
    }, 'NOT_FOUND');
    // Their own lesson with one of our students: the student is not theirs to see.
    await expectNotFoundLikeMissing(who.otherSchoolTeacher, RECORD_MARK,
      { lessonId: gid('Lesson', home.id), studentId: gid('Student', w.student.student.id), value: '5', workTypeCode: 'ORAL' },
      { lessonId: gid('Lesson', home.id), studentId: randomId('Student'), value: '5', workTypeCode: 'ORAL' });
  });
});
