import { CurriculumItem, Role, Subgroup, ThematicPlanItem } from '../../entities';
import { buildStaff, buildSubject, buildWorld, type World } from '../support/factories';
import { TestServer } from '../support/server';
import { as, expectNotFoundLikeMissing, expectRefused, gid, ok, randomId } from './support';

// Curriculum (issue 4 part 5): DEPUTY_ACADEMIC writes; teachers read their own, the class
// teacher their class, students and parents their own class; the thematic plan is the teacher's.

let server: TestServer;
let w: World;
let ids: Record<string, string>;
let otherDeputy: Awaited<ReturnType<typeof buildStaff>>;
let pastoral: Awaited<ReturnType<typeof buildStaff>>;

beforeAll(async () => {
  server = await TestServer.start();
  const em = server.em();
  w = await buildWorld(em);
  otherDeputy = await buildStaff(em, w.otherSchool, [Role.DEPUTY_ACADEMIC]);
  pastoral = await buildStaff(em, w.school, [Role.DEPUTY_PASTORAL]);
  const foreignSubject = await buildSubject(em, w.otherSchool, 'Математика');
  ids = {
    class5a: gid('ClassGroup', w.class5a.id), class5b: gid('ClassGroup', w.class5b.id), math: gid('Subject', w.math.id),
    russian: gid('Subject', w.russian.id), foreignSubject: gid('Subject', foreignSubject.id),
    student: gid('Student', w.student.student.id), classmate: gid('Student', w.classmate.student.id),
    otherStudent: gid('Student', w.otherStudent.student.id), substitute: gid('Employee', w.substitute.employee.id),
    otherTeacher: gid('Employee', w.otherTeacher.employee.id), teacher: gid('Employee', w.teacher.employee.id),
  };
});
afterAll(async () => { await server.stop(); });

const CREATE_ITEM = `mutation($i: CreateCurriculumItemInput!) { createCurriculumItem(input: $i) { id hoursPerWeek component version subject { name } classGroup { name } } }`;
const UPDATE_ITEM = `mutation($i: UpdateCurriculumItemInput!) { updateCurriculumItem(input: $i) { id hoursPerWeek version } }`;
const CURRICULUM = `query($c: ID!) { curriculum(classGroupId: $c) { subject { name } hoursPerWeek } }`;
const CREATE_SUBGROUP = `mutation($i: CreateSubgroupInput!) { createSubgroup(input: $i) { id name version members { id } } }`;
const UPDATE_SUBGROUP = `mutation($i: UpdateSubgroupInput!) { updateSubgroup(input: $i) { id version members { id } } }`;
const SUBGROUPS = `query($c: ID!) { subgroups(classGroupId: $c) { id name members { id } } }`;
const CREATE_ASSIGNMENT = `mutation($i: CreateTeachingAssignmentInput!) { createTeachingAssignment(input: $i) { id teacher { id } subgroup { id } version } }`;
const ASSIGNMENTS = `query($c: ID) { teachingAssignments(classGroupId: $c) { teacher { id } subject { name } classGroup { name } } }`;
const ADD_PLAN = `mutation($i: AddThematicPlanItemInput!) { addThematicPlanItem(input: $i) { id ordinal topic version } }`;
const UPDATE_PLAN = `mutation($i: UpdateThematicPlanItemInput!) { updateThematicPlanItem(input: $i) { id ordinal topic version } }`;
const DELETE_PLAN = `mutation($i: DeleteInput!) { deleteThematicPlanItem(input: $i) { ordinal topic } }`;
const PLAN = `query($c: ID!, $s: ID!) { thematicPlan(classGroupId: $c, subjectId: $s) { ordinal topic hours teacher { id } } }`;

describe('curriculum items', () => {
  it('lets the deputy head add a subject to a class\'s curriculum', async () => {
    const r = ok(await as(server, w.deputy.user.id, CREATE_ITEM, { i: { classGroupId: ids.class5a, subjectId: ids.math, hoursPerWeek: '5', component: 'COMPULSORY' } }));
    expect(r.createCurriculumItem).toMatchObject({ hoursPerWeek: '5.0', component: 'COMPULSORY', version: 1, subject: { name: 'Математика' }, classGroup: { name: '5А' } });
    const item = await server.em().findOneOrFail(CurriculumItem, { classGroup: w.class5a.id });
    expect(item.year.id).toBe(w.class5a.year.id);
  });

  it.each(['admin', 'director', 'teacher', 'classTeacher', 'secretary', 'hr'] as const)('refuses %s (FORBIDDEN), changing nothing', async (who) => {
    await expectRefused(server, w[who].user.id, CREATE_ITEM, { i: { classGroupId: ids.class5a, subjectId: ids.russian, hoursPerWeek: '5', component: 'COMPULSORY' } }, 'FORBIDDEN');
  });

  it('answers another school\'s deputy head like a missing class', async () => {
    const i = { classGroupId: ids.class5a, subjectId: ids.russian, hoursPerWeek: '5', component: 'COMPULSORY' };
    await expectNotFoundLikeMissing(server, otherDeputy.user.id, CREATE_ITEM, { i }, { i: { ...i, classGroupId: randomId('ClassGroup') } });
  });

  it.each([
    ['no hours', { hoursPerWeek: '0' }, 'hoursPerWeek'],
    ['hours that are not a number', { hoursPerWeek: 'two' }, 'hoursPerWeek'],
    ['a subject of another school', { subjectId: 'foreignSubject' }, 'subjectId'],
    ['a subject the class already has', { subjectId: 'math' }, 'subjectId'],
  ])('refuses %s, naming the field', async (_what, change, field) => {
    const i = { classGroupId: ids.class5a, subjectId: ids.russian, hoursPerWeek: '4', component: 'COMPULSORY', ...change };
    if ('subjectId' in change) i.subjectId = ids[change.subjectId as string];
    const r = await expectRefused(server, w.deputy.user.id, CREATE_ITEM, { i }, 'BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe(field);
  });

  it('changes the hours with the version it saw; a stale one is CONFLICT', async () => {
    const item = await server.em().findOneOrFail(CurriculumItem, { classGroup: w.class5a.id });
    const itemId = gid('CurriculumItem', item.id);
    expect(ok(await as(server, w.deputy.user.id, UPDATE_ITEM, { i: { itemId, expectedVersion: 1, hoursPerWeek: '4.5' } })).updateCurriculumItem)
      .toMatchObject({ hoursPerWeek: '4.5', version: 2 });
    await expectRefused(server, w.deputy.user.id, UPDATE_ITEM, { i: { itemId, expectedVersion: 1, hoursPerWeek: '3' } }, 'CONFLICT');
  });

  it('is read by the class\'s teachers, students and parents, and the administration; not by others', async () => {
    for (const user of [w.deputy.user.id, w.director.user.id, pastoral.user.id, w.teacher.user.id, w.classTeacher.user.id, w.student.user!.id, w.parent.user.id]) {
      expect(ok(await as(server, user, CURRICULUM, { c: ids.class5a })).curriculum).toEqual([{ subject: { name: 'Математика' }, hoursPerWeek: '4.5' }]);
    }
    for (const user of [w.otherStudent.user!.id, w.otherParent.user.id, w.primaryTeacher.user.id, w.otherAdmin.user.id]) {
      await expectNotFoundLikeMissing(server, user, CURRICULUM, { c: ids.class5a }, { c: randomId('ClassGroup') });
    }
    await expectRefused(server, w.secretary.user.id, CURRICULUM, { c: ids.class5a }, 'FORBIDDEN');
    await expectRefused(server, w.hr.user.id, CURRICULUM, { c: ids.class5a }, 'FORBIDDEN');
  });
});

describe('subgroups and teaching assignments', () => {
  let subgroupId: string;

  it('makes a subgroup of students enrolled in the class', async () => {
    const r = ok(await as(server, w.deputy.user.id, CREATE_SUBGROUP, { i: { classGroupId: ids.class5a, subjectId: ids.russian, name: 'Группа 1', studentIds: [ids.student, ids.classmate] } }));
    subgroupId = r.createSubgroup.id;
    expect(r.createSubgroup.members.map((m: any) => m.id).sort()).toEqual([ids.student, ids.classmate].sort());
  });

  it('refuses a member from another class, naming them', async () => {
    const r = await expectRefused(server, w.deputy.user.id, CREATE_SUBGROUP, { i: { classGroupId: ids.class5a, subjectId: ids.russian, name: 'Группа 2', studentIds: [ids.student, ids.otherStudent] } }, 'BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe('studentIds.1');
  });

  it('assigns a teacher of the school to the subgroup, not one of another school', async () => {
    const r = ok(await as(server, w.deputy.user.id, CREATE_ASSIGNMENT, { i: { teacherId: ids.substitute, classGroupId: ids.class5a, subjectId: ids.russian, subgroupId } }));
    expect(r.createTeachingAssignment).toMatchObject({ teacher: { id: ids.substitute }, subgroup: { id: subgroupId } });
    const foreign = await expectRefused(server, w.deputy.user.id, CREATE_ASSIGNMENT, { i: { teacherId: ids.otherTeacher, classGroupId: ids.class5a, subjectId: ids.russian } }, 'BAD_USER_INPUT');
    expect(foreign.errors![0].extensions!.field).toBe('teacherId');
    await expectRefused(server, w.teacher.user.id, CREATE_ASSIGNMENT, { i: { teacherId: ids.teacher, classGroupId: ids.class5a, subjectId: ids.russian } }, 'FORBIDDEN');
  });

  it('shows the members to the class teacher and the subgroup\'s teacher; a student sees only themself', async () => {
    for (const user of [w.classTeacher.user.id, w.substitute.user.id, w.deputy.user.id]) {
      const [sg] = ok(await as(server, user, SUBGROUPS, { c: ids.class5a })).subgroups;
      expect(sg.members.map((m: any) => m.id).sort()).toEqual([ids.student, ids.classmate].sort());
    }
    expect(ok(await as(server, w.student.user!.id, SUBGROUPS, { c: ids.class5a })).subgroups).toEqual([{ id: subgroupId, name: 'Группа 1', members: [{ id: ids.student }] }]);
    expect(ok(await as(server, w.parent.user.id, SUBGROUPS, { c: ids.class5a })).subgroups[0].members).toEqual([{ id: ids.student }]);
    // The maths teacher teaches 5А, but not this Russian subgroup.
    expect(ok(await as(server, w.teacher.user.id, SUBGROUPS, { c: ids.class5a })).subgroups).toEqual([]);
  });

  it('changes the members with the subgroup\'s version; a stale one is CONFLICT', async () => {
    const r = ok(await as(server, w.deputy.user.id, UPDATE_SUBGROUP, { i: { subgroupId, expectedVersion: 1, studentIds: [ids.student] } }));
    expect(r.updateSubgroup).toMatchObject({ version: 2, members: [{ id: ids.student }] });
    await expectRefused(server, w.deputy.user.id, UPDATE_SUBGROUP, { i: { subgroupId, expectedVersion: 1, studentIds: [ids.classmate] } }, 'CONFLICT');
    expect((await server.em().findOneOrFail(Subgroup, { classGroup: w.class5a.id })).version).toBe(2);
  });

  it('lists a teacher\'s own assignments; in a class they only teach, only theirs', async () => {
    const own = ok(await as(server, w.teacher.user.id, ASSIGNMENTS, { c: null })).teachingAssignments;
    expect(own.map((a: any) => a.classGroup.name).sort()).toEqual(['5А', '5Б']);
    const inClass = ok(await as(server, w.teacher.user.id, ASSIGNMENTS, { c: ids.class5a })).teachingAssignments;
    expect(inClass).toEqual([{ teacher: { id: ids.teacher }, subject: { name: 'Математика' }, classGroup: { name: '5А' } }]);
    const all = ok(await as(server, w.classTeacher.user.id, ASSIGNMENTS, { c: ids.class5a })).teachingAssignments;
    expect(all).toHaveLength(3);
  });
});

describe('the thematic plan', () => {
  const add = (topic: string, position?: number) =>
    as(server, w.teacher.user.id, ADD_PLAN, { i: { classGroupId: ids.class5a, subjectId: ids.math, topic, hours: 2, position } });
  const plan = async (user = w.teacher.user.id) => ok(await as(server, user, PLAN, { c: ids.class5a, s: ids.math })).thematicPlan;

  it('keeps the ordinals dense through appends, an insert, a move and a delete', async () => {
    for (const topic of ['Натуральные числа', 'Дроби', 'Проценты']) ok(await add(topic));
    ok(await add('Повторение', 1));
    expect((await plan()).map((p: any) => [p.ordinal, p.topic])).toEqual([[1, 'Повторение'], [2, 'Натуральные числа'], [3, 'Дроби'], [4, 'Проценты']]);
    const percent = await server.em().findOneOrFail(ThematicPlanItem, { topic: 'Проценты' });
    ok(await as(server, w.teacher.user.id, UPDATE_PLAN, { i: { itemId: gid('ThematicPlanItem', percent.id), expectedVersion: percent.version, position: 2 } }));
    expect((await plan()).map((p: any) => p.topic)).toEqual(['Повторение', 'Проценты', 'Натуральные числа', 'Дроби']);
    const natural = await server.em().findOneOrFail(ThematicPlanItem, { topic: 'Натуральные числа' });
    const rest = ok(await as(server, w.teacher.user.id, DELETE_PLAN, { i: { id: gid('ThematicPlanItem', natural.id), expectedVersion: natural.version } })).deleteThematicPlanItem;
    expect(rest.map((p: any) => [p.ordinal, p.topic])).toEqual([[1, 'Повторение'], [2, 'Проценты'], [3, 'Дроби']]);
    expect((await plan()).map((p: any) => p.ordinal)).toEqual([1, 2, 3]);
  });

  it('refuses a position past the end and a stale version', async () => {
    const r = await expectRefused(server, w.teacher.user.id, ADD_PLAN, { i: { classGroupId: ids.class5a, subjectId: ids.math, topic: 'x', hours: 1, position: 9 } }, 'BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe('position');
    const item = await server.em().findOneOrFail(ThematicPlanItem, { topic: 'Дроби' });
    await expectRefused(server, w.teacher.user.id, UPDATE_PLAN, { i: { itemId: gid('ThematicPlanItem', item.id), expectedVersion: item.version - 1, topic: 'x' } }, 'CONFLICT');
  });

  it('is written only by the teacher assigned to the subject in the class', async () => {
    await expectRefused(server, w.classTeacher.user.id, ADD_PLAN, { i: { classGroupId: ids.class5a, subjectId: ids.math, topic: 'x', hours: 1 } }, 'FORBIDDEN');
    await expectRefused(server, w.deputy.user.id, ADD_PLAN, { i: { classGroupId: ids.class5a, subjectId: ids.math, topic: 'x', hours: 1 } }, 'FORBIDDEN');
    const item = await server.em().findOneOrFail(ThematicPlanItem, { topic: 'Дроби' });
    await expectRefused(server, w.classTeacher.user.id, UPDATE_PLAN, { i: { itemId: gid('ThematicPlanItem', item.id), expectedVersion: item.version, topic: 'x' } }, 'NOT_FOUND');
  });

  it('is read by the administration; another teacher sees nothing of it; the pastoral deputy and families not at all', async () => {
    for (const user of [w.deputy.user.id, w.director.user.id, w.admin.user.id]) expect(await plan(user)).toHaveLength(3);
    expect(await plan(w.classTeacher.user.id)).toEqual([]);
    for (const user of [pastoral.user.id, w.student.user!.id, w.parent.user.id]) {
      await expectRefused(server, user, PLAN, { c: ids.class5a, s: ids.math }, 'FORBIDDEN');
    }
  });
});
