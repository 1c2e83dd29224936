import { ClassGroup, EducationForm, Enrollment, PeriodMark, StudyPeriod } from '../../entities';
import { buildAssignment, buildClass, buildParent, buildStudent, buildWorld, type World } from '../support/factories';
import { TestServer } from '../support/server';
import { as, gid, ok } from './support';

// Family education keeps the pupil attached to the school (004 §10; DOMAIN.md "Data in and out"):
// the FAMILY_EDUCATION order opens an attachment to the class the pupil leaves. The pupil stays
// listed under the school and the class (as on family education), gets period marks from the
// school's teachers, keeps the diary for the family, and is not counted in the class fill.

let server: TestServer;
let w: World;
let class9: ClassGroup;
let pupil: Awaited<ReturnType<typeof buildStudent>>;
let classmate: Awaited<ReturnType<typeof buildStudent>>;
let parent: Awaited<ReturnType<typeof buildParent>>;

const CREATE = `mutation($i: CreateMovementOrderInput!) { createMovementOrder(input: $i) { id type } }`;
const STUDENT = `query($id: ID!) { student(id: $id) { fullName educationForm classGroup { name } } }`;
const FILL = `query($s: ID!) { classFillReport(schoolId: $s, date: "2026-11-20") { students classes { classGroup { name } students } } }`;
const SET = `mutation($i: SetPeriodMarkInput!) { setPeriodMark(input: $i) { value kind } }`;

beforeAll(async () => {
  server = await TestServer.start();
  const em = server.em();
  w = await buildWorld(em);
  class9 = await buildClass(em, w.school, { grade: 9, letter: 'А' });
  await buildAssignment(em, w.teacher.employee, class9, w.math);
  pupil = await buildStudent(em, class9, { withLogin: true, lastName: 'Домашний' });
  classmate = await buildStudent(em, class9, { lastName: 'Очный' });
  parent = await buildParent(em, w.school, [pupil.student]);
  ok(await as(server, w.secretary.user.id, CREATE, { i: {
    studentId: gid('Student', pupil.student.id), type: 'FAMILY_EDUCATION', number: '12-с', orderDate: '2026-11-09', effectiveOn: '2026-11-10',
    basis: 'заявление родителей',
  } }));
});
afterAll(async () => { await server.stop(); });

it('the pupil stays attached to the class, listed as on family education', async () => {
  const open = await server.em().find(Enrollment, { student: pupil.student.id, endsOn: null }, { populate: ['classGroup'] });
  expect(open.map((e) => [e.classGroup.name, e.form])).toEqual([['9А', EducationForm.FAMILY_EDUCATION]]);
  for (const user of [w.admin.user.id, w.secretary.user.id, parent.user.id, pupil.user!.id]) {
    expect(ok(await as(server, user, STUDENT, { id: gid('Student', pupil.student.id) })).student)
      .toMatchObject({ educationForm: 'FAMILY_EDUCATION', classGroup: { name: '9А' } });
  }
  expect(ok(await as(server, w.admin.user.id, STUDENT, { id: gid('Student', classmate.student.id) })).student.educationForm).toBe('IN_CLASS');
});

it('is not counted in the class fill', async () => {
  const fill = ok(await as(server, w.admin.user.id, FILL, { s: gid('School', w.school.id) })).classFillReport;
  expect(fill.classes.find((c: any) => c.classGroup.name === '9А').students).toBe(1);
});

it('gets period marks from the school\'s teachers, and an exam mark is allowed in grade 9', async () => {
  const q2 = await server.em().findOneOrFail(StudyPeriod, { year: class9.year, ordinal: 2 });
  const i = { studentId: gid('Student', pupil.student.id), subjectId: gid('Subject', w.math.id), kind: 'PERIOD', value: '4', studyPeriodId: gid('StudyPeriod', q2.id) };
  server.clock.set('2026-12-20T12:00:00+03:00');
  expect(ok(await as(server, w.teacher.user.id, SET, { i })).setPeriodMark).toEqual({ value: '4', kind: 'PERIOD' });
  server.clock.set('2027-06-20T12:00:00+03:00');
  const exam = { studentId: i.studentId, subjectId: i.subjectId, kind: 'EXAM', value: '5' };
  expect(ok(await as(server, w.teacher.user.id, SET, { i: exam })).setPeriodMark).toEqual({ value: '5', kind: 'EXAM' });
  expect(await server.em().count(PeriodMark, { student: pupil.student.id })).toBe(2);
});
