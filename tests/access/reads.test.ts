import { Role } from '../../entities';
import { buildParent, buildStaff } from '../support/factories';
import { TestServer, errorCode, type GraphQLResponse } from '../support/server';
import { actors, as, buildAccessWorld, gid, randomId, type AccessWorld } from './access-support';

// Reads of the public contract, role by role, per the access matrix of DOMAIN.md.
// One world for the whole file: nothing here writes.

let server: TestServer;
let w: AccessWorld;
let who: Record<string, string | null>;

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildAccessWorld(server.em());
  who = actors(w);
});
afterAll(async () => { await server.stop(); });

const STUDENT = `query($id: ID!) { student(id: $id) { id fullName classGroup { name } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id __typename } }`;
const DIARY = `query($s: ID!) { diary(studentId: $s, from: "2026-11-16", to: "2026-11-22") {
  date lessons { lesson { id subject { name } } marks { id value } attendance { id kind } } } }`;
const MARKS = `query($id: ID!) { student(id: $id) { id marks(first: 100) { totalCount edges { node { id value } } } } }`;
const ATTENDANCE = `query($id: ID!) { student(id: $id) { id attendance(first: 100) { totalCount edges { node { id kind } } } } }`;
const ME = `{ me { user { id login } roles student { id fullName } children { id fullName } employee { id fullName } } }`;

/** Everyone who may not see `w.student` at all. */
const STRANGERS = [
  'unrelatedTeacher', 'substituteNoLessons', 'hr', 'otherStudent', 'otherParent', 'coordinator',
  'otherSchoolAdmin', 'otherSchoolTeacher', 'otherSchoolDeputy',
];
/** Everyone who reads the whole record of `w.student`. */
const FULL_READERS = ['admin', 'director', 'deputyAcademic', 'deputyPastoral', 'classTeacher', 'student', 'parent'];

/** A refusal must be the very same answer as for an id that does not exist. */
async function expectLooksMissing(userId: string | null, query: string, vars: Record<string, unknown>, missingVars: Record<string, unknown>) {
  const refused = await as(server, userId, query, vars);
  const missing = await as(server, userId, query, missingVars);
  expect(refused).toEqual(missing);
  return refused;
}

function ids<T extends { id: string }>(rows: T[]): string[] {
  return rows.map((r) => r.id).sort();
}

describe('student(id)', () => {
  it.each([...FULL_READERS, 'teacher', 'secretary'])('%s reads the card', async (actor) => {
    const r = await as(server, who[actor], STUDENT, { id: gid('Student', w.student.student.id) });
    expect(r.errors).toBeUndefined();
    expect(r.data!.student).toEqual({ id: gid('Student', w.student.student.id), fullName: expect.stringContaining('Аверин'), classGroup: { name: '5А' } });
  });

  it.each(STRANGERS)('%s gets NOT_FOUND, the same answer as for an id that does not exist', async (actor) => {
    const r = await expectLooksMissing(who[actor], STUDENT,
      { id: gid('Student', w.student.student.id) }, { id: randomId('Student') });
    expect(errorCode(r)).toBe('NOT_FOUND');
    expect(r.data).toEqual({ student: null });
  });

  it('anonymous gets UNAUTHENTICATED and no data', async () => {
    const r = await as(server, null, STUDENT, { id: gid('Student', w.student.student.id) });
    expect(errorCode(r)).toBe('UNAUTHENTICATED');
    expect(r.data?.student ?? null).toBeNull();
  });

  it('another family\'s child and a random id give deep-equal answers (message, extensions, path, data)', async () => {
    const refused = await as(server, who.parent, STUDENT, { id: gid('Student', w.otherStudent.student.id) });
    const missing = await as(server, who.parent, STUDENT, { id: randomId('Student') });
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors).toEqual(missing.errors);
    expect(refused.data).toEqual(missing.data);
    expect(refused.errors![0].extensions).toEqual({ code: 'NOT_FOUND' });
  });
});

describe('node(id)', () => {
  const NODE_STUDENT_READERS = [...FULL_READERS, 'teacher', 'secretary'];

  it.each(NODE_STUDENT_READERS)('%s resolves the student node', async (actor) => {
    const r = await as(server, who[actor], NODE, { id: gid('Student', w.student.student.id) });
    expect(r.errors).toBeUndefined();
    expect(r.data!.node).toEqual({ id: gid('Student', w.student.student.id), __typename: 'Student' });
  });

  it.each(STRANGERS)('%s gets null for the student node, exactly as for a missing id', async (actor) => {
    const r = await expectLooksMissing(who[actor], NODE, { id: gid('Student', w.student.student.id) }, { id: randomId('Student') });
    expect(r).toEqual({ data: { node: null } });
  });

  it('another family\'s child and a random id: both null, no errors', async () => {
    const refused = await as(server, who.parent, NODE, { id: gid('Student', w.otherStudent.student.id) });
    const missing = await as(server, who.parent, NODE, { id: randomId('Student') });
    expect(refused).toEqual({ data: { node: null } });
    expect(refused).toEqual(missing);
  });

  // The Russian mark of `student` is in a lesson `teacher` does not teach.
  it.each([
    ...FULL_READERS.map((a) => [a, true] as const),
    ['teacher', false], ['secretary', false], ['hr', false], ['unrelatedTeacher', false], ['otherParent', false],
    ['otherStudent', false], ['coordinator', false], ['otherSchoolAdmin', false],
  ] as [string, boolean][])('Mark node of a Russian mark for %s: visible=%s', async (actor, visible) => {
    const r = await as(server, who[actor], NODE, { id: gid('Mark', w.russianMark.id) });
    expect(r.errors).toBeUndefined();
    if (visible) expect(r.data!.node).toEqual({ id: gid('Mark', w.russianMark.id), __typename: 'Mark' });
    else expect(r).toEqual(await as(server, who[actor], NODE, { id: randomId('Mark') }));
  });

  it.each([
    ['teacher', true], ['classTeacher', true], ['student', true], ['parent', true], ['admin', true],
    ['secretary', false], ['hr', false], ['otherParent', false], ['unrelatedTeacher', false], ['otherSchoolTeacher', false],
  ] as const)('Mark node of a math mark for %s: visible=%s', async (actor, visible) => {
    const r = await as(server, who[actor], NODE, { id: gid('Mark', w.mathMark.id) });
    expect(r.errors).toBeUndefined();
    expect(r.data!.node).toEqual(visible ? { id: gid('Mark', w.mathMark.id), __typename: 'Mark' } : null);
  });

  it.each([
    ['classTeacher', true], ['student', true], ['parent', true], ['admin', true], ['deputyPastoral', true],
    ['teacher', false], ['secretary', false], ['hr', false], ['otherParent', false], ['otherStudent', false],
    ['unrelatedTeacher', false], ['coordinator', false], ['otherSchoolAdmin', false],
  ] as const)('Lesson node of 5А Russian for %s: visible=%s', async (actor, visible) => {
    const r = await as(server, who[actor], NODE, { id: gid('Lesson', w.russianLesson.id) });
    expect(r.errors).toBeUndefined();
    if (visible) expect(r.data!.node).toEqual({ id: gid('Lesson', w.russianLesson.id), __typename: 'Lesson' });
    else expect(r).toEqual(await as(server, who[actor], NODE, { id: randomId('Lesson') }));
  });

  it.each([
    ['classTeacher', true], ['parent', true], ['deputyAcademic', true],
    ['teacher', false], ['secretary', false], ['otherParent', false], ['otherSchoolDeputy', false],
  ] as const)('Attendance node of a Russian absence for %s: visible=%s', async (actor, visible) => {
    const r = await as(server, who[actor], NODE, { id: gid('Attendance', w.russianAbsence.id) });
    expect(r.errors).toBeUndefined();
    expect(r.data!.node).toEqual(visible ? { id: gid('Attendance', w.russianAbsence.id), __typename: 'Attendance' } : null);
  });

  it('anonymous gets UNAUTHENTICATED', async () => {
    const r = await as(server, null, NODE, { id: gid('Student', w.student.student.id) });
    expect(errorCode(r)).toBe('UNAUTHENTICATED');
  });
});

describe('diary', () => {
  const vars = () => ({ s: gid('Student', w.student.student.id) });
  type Day = { date: string; lessons: { lesson: { id: string; subject: { name: string } }; marks: { id: string; value: string }[]; attendance: { id: string; kind: string } | null }[] };
  const lessonsOf = (r: GraphQLResponse) => (r.data!.diary as Day[]).flatMap((d) => d.lessons.map((l) => ({ date: d.date, ...l })));

  it.each(FULL_READERS)('%s sees every lesson of the week with marks and attendance', async (actor) => {
    const r = await as(server, who[actor], DIARY, vars());
    expect(r.errors).toBeUndefined();
    expect(r.data!.diary).toHaveLength(7);
    expect(lessonsOf(r)).toEqual([
      {
        date: '2026-11-19', lesson: { id: gid('Lesson', w.russianLesson.id), subject: { name: 'Русский язык' } },
        marks: [{ id: gid('Mark', w.russianMark.id), value: '3' }],
        attendance: { id: gid('Attendance', w.russianAbsence.id), kind: 'ABSENT' },
      },
      {
        date: '2026-11-20', lesson: { id: gid('Lesson', w.lesson.id), subject: { name: 'Математика' } },
        marks: [{ id: gid('Mark', w.mathMark.id), value: '5' }],
        attendance: { id: gid('Attendance', w.mathLate.id), kind: 'LATE' },
      },
    ]);
  });

  it('a subject teacher who is not the class teacher sees only their own lessons', async () => {
    const r = await as(server, who.teacher, DIARY, vars());
    expect(r.errors).toBeUndefined();
    const lessons = lessonsOf(r);
    expect(lessons.map((l) => l.lesson.id)).toEqual([gid('Lesson', w.lesson.id)]);
    expect(lessons[0].marks).toEqual([{ id: gid('Mark', w.mathMark.id), value: '5' }]);
    // The class teacher's Russian lesson, its mark and the absence there are not in the answer at all.
    const text = JSON.stringify(r);
    expect(text).not.toContain(gid('Lesson', w.russianLesson.id));
    expect(text).not.toContain(gid('Mark', w.russianMark.id));
    expect(text).not.toContain(gid('Attendance', w.russianAbsence.id));
    expect(text).not.toContain('Русский язык');
  });

  it.each(['secretary', ...STRANGERS])('%s gets NOT_FOUND, identical to a missing student', async (actor) => {
    const r = await expectLooksMissing(who[actor], DIARY, vars(), { s: randomId('Student') });
    expect(errorCode(r)).toBe('NOT_FOUND');
    expect(r.data).toBeNull();
  });

  it('another family\'s child and a random id give deep-equal answers', async () => {
    const refused = await as(server, who.parent, DIARY, { s: gid('Student', w.otherStudent.student.id) });
    const missing = await as(server, who.parent, DIARY, { s: randomId('Student') });
    expect(errorCode(refused)).toBe('NOT_FOUND');
    expect(refused.errors).toEqual(missing.errors);
    expect(refused.data).toEqual(missing.data);
  });

  it('anonymous gets UNAUTHENTICATED', async () => {
    expect(errorCode(await as(server, null, DIARY, vars()))).toBe('UNAUTHENTICATED');
  });
});

describe('Student.marks and Student.attendance', () => {
  const vars = () => ({ id: gid('Student', w.student.student.id) });

  it.each(FULL_READERS)('%s reads all marks and all attendance', async (actor) => {
    const m = await as(server, who[actor], MARKS, vars());
    expect(m.errors).toBeUndefined();
    expect(m.data!.student.marks.totalCount).toBe(2);
    expect(ids(m.data!.student.marks.edges.map((e: any) => e.node))).toEqual(ids([{ id: gid('Mark', w.mathMark.id) }, { id: gid('Mark', w.russianMark.id) }]));
    const a = await as(server, who[actor], ATTENDANCE, vars());
    expect(a.errors).toBeUndefined();
    expect(ids(a.data!.student.attendance.edges.map((e: any) => e.node)))
      .toEqual(ids([{ id: gid('Attendance', w.mathLate.id) }, { id: gid('Attendance', w.russianAbsence.id) }]));
    expect(a.data!.student.attendance.totalCount).toBe(2);
  });

  it('a subject teacher reads the marks and attendance of their own lessons only', async () => {
    const m = await as(server, who.teacher, MARKS, vars());
    expect(m.errors).toBeUndefined();
    expect(m.data!.student.marks).toEqual({ totalCount: 1, edges: [{ node: { id: gid('Mark', w.mathMark.id), value: '5' } }] });
    const a = await as(server, who.teacher, ATTENDANCE, vars());
    expect(a.errors).toBeUndefined();
    expect(a.data!.student.attendance).toEqual({ totalCount: 1, edges: [{ node: { id: gid('Attendance', w.mathLate.id), kind: 'LATE' } }] });
  });

  it.each([['marks', MARKS], ['attendance', ATTENDANCE]])('the secretary (card only) gets FORBIDDEN on Student.%s', async (field, query) => {
    const r = await as(server, who.secretary, query, vars());
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(r.errors![0].path).toEqual(['student', field]);
    expect(JSON.stringify(r)).not.toContain(gid('Mark', w.mathMark.id));
    // …while the card itself is there for her.
    const card = await as(server, who.secretary, STUDENT, vars());
    expect(card.data!.student.id).toBe(gid('Student', w.student.student.id));
  });

  it.each(STRANGERS)('%s gets NOT_FOUND for the student, as for a missing one', async (actor) => {
    const r = await expectLooksMissing(who[actor], MARKS, vars(), { id: randomId('Student') });
    expect(errorCode(r)).toBe('NOT_FOUND');
  });

  it('me.student.marks of the student is their own full record', async () => {
    const r = await as(server, who.student, `{ me { student { marks { totalCount } attendance { totalCount } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.me.student).toEqual({ marks: { totalCount: 2 }, attendance: { totalCount: 2 } });
  });

  it('a parent reads the marks of own children through me.children, nobody else\'s', async () => {
    const r = await as(server, who.otherParent, `{ me { children { id marks { edges { node { id value } } } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.me.children).toEqual([{
      id: gid('Student', w.otherStudent.student.id), marks: { edges: [{ node: { id: gid('Mark', w.otherMark.id), value: '4' } }] },
    }]);
  });
});

describe('me', () => {
  it('staff: roles and the employee card', async () => {
    const r = await as(server, who.teacher, ME);
    expect(r.errors).toBeUndefined();
    expect(r.data!.me).toEqual({
      user: { id: gid('User', w.teacher.user.id), login: w.teacher.user.login },
      roles: ['TEACHER'], student: null, children: [],
      employee: { id: gid('Employee', w.teacher.employee.id), fullName: expect.stringContaining('Учитель-') },
    });
  });

  it.each([
    ['admin', 'ADMIN'], ['director', 'DIRECTOR'], ['deputyAcademic', 'DEPUTY_ACADEMIC'], ['deputyPastoral', 'DEPUTY_PASTORAL'],
    ['secretary', 'SECRETARY'], ['hr', 'HR'],
  ])('%s has role %s and an employee card', async (actor, role) => {
    const r = await as(server, who[actor], ME);
    expect(r.errors).toBeUndefined();
    expect(r.data!.me.roles).toEqual([role]);
    expect(r.data!.me.employee).not.toBeNull();
    expect(r.data!.me.student).toBeNull();
    expect(r.data!.me.children).toEqual([]);
  });

  it('student: role STUDENT and their own card', async () => {
    const r = await as(server, who.student, ME);
    expect(r.errors).toBeUndefined();
    expect(r.data!.me).toMatchObject({
      roles: ['STUDENT'], children: [], employee: null,
      student: { id: gid('Student', w.student.student.id), fullName: expect.stringContaining('Аверин') },
    });
  });

  it('parent: role PARENT and exactly their children', async () => {
    const r = await as(server, who.parent, ME);
    expect(r.errors).toBeUndefined();
    expect(r.data!.me).toMatchObject({ roles: ['PARENT'], student: null, employee: null });
    expect(r.data!.me.children.map((c: { id: string }) => c.id)).toEqual([gid('Student', w.student.student.id)]);
  });

  it('coordinator: role only, no cards', async () => {
    const r = await as(server, who.coordinator, ME);
    expect(r.errors).toBeUndefined();
    expect(r.data!.me).toMatchObject({ roles: ['MUNICIPAL_COORDINATOR'], student: null, children: [], employee: null });
  });

  it('one person with several roles: a teacher who is also a parent sees both', async () => {
    const em = server.em();
    const both = await buildStaff(em, w.school, [Role.TEACHER, Role.PARENT]);
    const guardianCard = await buildParent(em, w.school, [w.classmate.student]);
    await em.getConnection().execute(`update guardian set user_id = ? where id = ?`, [both.user.id, guardianCard.guardian.id]);
    const r = await as(server, both.user.id, ME);
    expect(r.errors).toBeUndefined();
    expect([...r.data!.me.roles].sort()).toEqual(['PARENT', 'TEACHER']);
    expect(r.data!.me.employee.id).toBe(gid('Employee', both.employee.id));
    expect(r.data!.me.children.map((c: { id: string }) => c.id)).toEqual([gid('Student', w.classmate.student.id)]);
  });

  it('anonymous and a garbage token get UNAUTHENTICATED', async () => {
    expect(errorCode(await server.gql(ME))).toBe('UNAUTHENTICATED');
    expect(errorCode(await server.gql(ME, {}, 'not-a-token'))).toBe('UNAUTHENTICATED');
  });
});

describe('academicYears and workTypes', () => {
  const YEARS = `{ academicYears { id name state studyPeriods { ordinal } } }`;
  const WORK_TYPES = `{ workTypes { code weight } }`;
  let yearId: string;
  let otherYearId: string;
  beforeAll(async () => {
    const em = server.em();
    const [row] = await em.getConnection().execute<{ id: string }[]>(`select id from academic_year where school_id = ?`, [w.school.id]);
    const [other] = await em.getConnection().execute<{ id: string }[]>(`select id from academic_year where school_id = ?`, [w.otherSchool.id]);
    yearId = gid('AcademicYear', row.id);
    otherYearId = gid('AcademicYear', other.id);
  });

  it.each([
    'admin', 'director', 'deputyAcademic', 'deputyPastoral', 'teacher', 'classTeacher', 'secretary', 'hr',
    'student', 'otherStudent', 'parent', 'otherParent', 'coordinator',
  ])('%s reads the school calendar', async (actor) => {
    const r = await as(server, who[actor], YEARS);
    expect(r.errors).toBeUndefined();
    expect(r.data!.academicYears).toEqual([{ id: yearId, name: '2026/2027', state: 'ACTIVE', studyPeriods: [1, 2, 3, 4].map((ordinal) => ({ ordinal })) }]);
  });

  it.each(['otherSchoolAdmin', 'otherSchoolTeacher'])('%s reads only their own school\'s calendar', async (actor) => {
    const r = await as(server, who[actor], YEARS);
    expect(r.errors).toBeUndefined();
    expect(r.data!.academicYears.map((y: { id: string }) => y.id)).toEqual([otherYearId]);
  });

  it.each(['admin', 'teacher', 'student', 'parent', 'secretary', 'otherSchoolTeacher'])('%s reads the work types with weights', async (actor) => {
    const r = await as(server, who[actor], WORK_TYPES);
    expect(r.errors).toBeUndefined();
    expect(r.data!.workTypes).toEqual([
      { code: 'HOMEWORK', weight: 1 }, { code: 'ORAL', weight: 1 }, { code: 'INDEPENDENT', weight: 1.5 }, { code: 'LAB', weight: 1.5 },
      { code: 'PRACTICAL', weight: 1.5 }, { code: 'TEST', weight: 1.5 }, { code: 'CONTROL', weight: 2 },
    ]);
  });

  it.each([['academicYears', YEARS], ['workTypes', WORK_TYPES]])('anonymous gets UNAUTHENTICATED for %s', async (_name, query) => {
    expect(errorCode(await server.gql(query))).toBe('UNAUTHENTICATED');
  });
});
