import { AcademicYear, LessonState, Role, StudyPeriod } from '../../entities';
import { buildAbsence, buildLesson, buildMark, buildStaff, buildWorld, currentYear, type World } from '../support/factories';
import { TestServer } from '../support/server';
import { as, expectRefused, gid, ok } from './support';

// Rule 9: a CLOSED year is read-only. Every write below would succeed in an ACTIVE year (the
// same inputs are valid: teacher's own lesson, inside the entry window); once the year is
// closed each is refused with FORBIDDEN, reason YEAR_CLOSED, and nothing changes.

let server: TestServer;
let w: World;
let year: AcademicYear;
let ids: Record<string, string>;

beforeAll(async () => {
  server = await TestServer.start();
  const em = server.em();
  w = await buildWorld(em);
  year = await currentYear(em, w.school);
  const mark = await buildMark(em, { lesson: w.lesson, student: w.student.student, author: w.teacher.user, value: '4' });
  const absence = await buildAbsence(em, { lesson: w.lesson, student: w.classmate.student, author: w.teacher.user });
  const later = await buildLesson(em, { classGroup: w.class5a, subject: w.math, teacher: w.teacher.employee, date: '2026-11-27', state: LessonState.SCHEDULED });
  const quarter2 = await em.findOneOrFail(StudyPeriod, { year, ordinal: 2 });
  ids = {
    lesson: gid('Lesson', w.lesson.id), student: gid('Student', w.student.student.id), mark: gid('Mark', mark.id),
    absence: gid('Attendance', absence.id), quarter2: gid('StudyPeriod', quarter2.id), math: gid('Subject', w.math.id),
    class5a: gid('ClassGroup', w.class5a.id), later: gid('Lesson', later.id), laterVersion: String(later.version),
    teacher: gid('Employee', w.teacher.employee.id),
  };
  const admin = await buildStaff(em, w.school, [Role.ADMIN]);
  ok(await as(server, admin.user.id, `mutation($i: SetAcademicYearStateInput!) { setAcademicYearState(input: $i) { state } }`,
    { i: { yearId: gid('AcademicYear', year.id), expectedVersion: year.version, state: 'CLOSED' } }));
});
afterAll(async () => { await server.stop(); });

const cases: [string, () => string, string, () => Record<string, unknown>][] = [
  ['recordMark', () => w.teacher.user.id, `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id } }`,
    () => ({ lessonId: ids.lesson, studentId: ids.student, value: '5', workTypeCode: 'ORAL' })],
  ['correctMark', () => w.teacher.user.id, `mutation($i: CorrectMarkInput!) { correctMark(input: $i) { id } }`,
    () => ({ markId: ids.mark, value: '5', reason: 'ошибка' })],
  ['recordAttendance', () => w.teacher.user.id, `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id } }`,
    () => ({ lessonId: ids.lesson, studentId: ids.student, kind: 'LATE' })],
  ['setAbsenceReason', () => w.classTeacher.user.id, `mutation($i: SetAbsenceReasonInput!) { setAbsenceReason(input: $i) { id } }`,
    () => ({ attendanceId: ids.absence, reason: 'ILLNESS' })],
  ['setLessonRecord', () => w.teacher.user.id, `mutation($i: SetLessonRecordInput!) { setLessonRecord(input: $i) { id } }`,
    () => ({ lessonId: ids.lesson, topic: 'Дроби' })],
  ['setPeriodMark', () => w.teacher.user.id, `mutation($i: SetPeriodMarkInput!) { setPeriodMark(input: $i) { id } }`,
    () => ({ studentId: ids.student, subjectId: ids.math, kind: 'PERIOD', studyPeriodId: ids.quarter2, value: '4' })],
  ['createCurriculumItem', () => w.deputy.user.id, `mutation($i: CreateCurriculumItemInput!) { createCurriculumItem(input: $i) { id } }`,
    () => ({ classGroupId: ids.class5a, subjectId: ids.math, hoursPerWeek: '5', component: 'COMPULSORY' })],
  ['createTeachingAssignment', () => w.deputy.user.id, `mutation($i: CreateTeachingAssignmentInput!) { createTeachingAssignment(input: $i) { id } }`,
    () => ({ classGroupId: ids.class5a, subjectId: ids.math, teacherId: gid('Employee', w.substitute.employee.id) })],
  ['addThematicPlanItem', () => w.teacher.user.id, `mutation($i: AddThematicPlanItemInput!) { addThematicPlanItem(input: $i) { id } }`,
    () => ({ classGroupId: ids.class5a, subjectId: ids.math, topic: 'Дроби', hours: 2 })],
  ['cancelLesson', () => w.deputy.user.id, `mutation($i: CancelLessonInput!) { cancelLesson(input: $i) { id } }`,
    () => ({ lessonId: ids.later, expectedVersion: Number(ids.laterVersion), reason: 'карантин' })],
  ['substituteLesson', () => w.deputy.user.id, `mutation($i: SubstituteLessonInput!) { substituteLesson(input: $i) { id } }`,
    () => ({ lessonId: ids.later, expectedVersion: Number(ids.laterVersion), substituteTeacherId: gid('Employee', w.substitute.employee.id) })],
  ['generateLessons', () => w.deputy.user.id, `mutation($i: GenerateLessonsInput!) { generateLessons(input: $i) { created } }`,
    () => ({ yearId: gid('AcademicYear', year.id) })],
];

it.each(cases)('refuses %s in a closed year: FORBIDDEN, reason YEAR_CLOSED, nothing changed', async (_name, user, query, input) => {
  const r = await expectRefused(server, user(), query, { i: input() }, 'FORBIDDEN');
  expect(r.errors![0].extensions!.reason).toBe('YEAR_CLOSED');
});

it('still lets everyone read the closed year\'s journal', async () => {
  const r = ok(await as(server, w.teacher.user.id, `query($c: ID!, $s: ID!) { classJournal(classGroupId: $c, subjectId: $s, from: "2026-11-20", to: "2026-11-20") { marks { value } } }`,
    { c: ids.class5a, s: ids.math }));
  expect(r.classJournal.marks).toEqual([{ value: '4' }]);
});
