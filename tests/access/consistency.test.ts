import { PeriodMark, PeriodMarkKind, Role, RoleGrant, StudyPeriod } from '../../entities';
import { toGlobalId } from '../../schema/global-id';
import {
  buildClass, buildMark, buildParent, buildStaff, buildStudent, buildWorld, currentYear, transfer, type World,
} from '../support/factories';
import { TestServer, errorCode } from '../support/server';

// Issue 12: the copies of one matrix cell gave different answers. Each read below now asks the
// same registry entry (permissions/), so the two ways to one row agree.

let server: TestServer;
let w: World;

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
});
afterAll(async () => { await server.stop(); });

async function as(userId: string, query: string, variables: Record<string, unknown> = {}) {
  return server.gql(query, variables, await server.token(userId));
}
const gid = toGlobalId;

describe('coordinators', () => {
  it('read the calendar of their schools by node as by academicYears, and no class teacher names', async () => {
    const r = await as(w.coordinator.id, `{ academicYears { id name classGroups { name classTeacher { fullName } } } }`);
    expect(r.errors).toBeUndefined();
    const years = r.data!.academicYears;
    expect(years.length).toBeGreaterThan(0);
    for (const year of years) {
      const node = await as(w.coordinator.id, `query($id: ID!) { node(id: $id) { id ... on AcademicYear { name } } }`, { id: year.id });
      expect(node.errors).toBeUndefined();
      expect(node.data!.node).toEqual({ id: year.id, name: year.name });
      for (const c of year.classGroups) expect(c.classTeacher).toBeNull();
    }
    // The school's own staff still see the class teacher.
    const staff = await as(w.teacher.user.id, `{ academicYears { classGroups { name classTeacher { fullName } } } }`);
    const names = staff.data!.academicYears.flatMap((y: any) => y.classGroups).filter((c: any) => c.classTeacher);
    expect(names.length).toBeGreaterThan(0);
  });
});

describe('period marks', () => {
  it('a subject teacher reads the same period marks by node as through Student.periodMarks: only their subjects', async () => {
    const em = server.em();
    const year = await currentYear(em, w.school);
    const q2 = await em.findOneOrFail(StudyPeriod, { year, ordinal: 2 });
    const row = (subject: typeof w.math) => em.create(PeriodMark, {
      school: w.school, student: w.student.student, subject, year, kind: PeriodMarkKind.PERIOD, studyPeriod: q2, value: '4', revision: 1,
      createdBy: w.classTeacher.user, createdAt: new Date(),
    });
    const maths = row(w.math);
    const russian = row(w.russian);
    await em.flush();
    const listed = await as(w.teacher.user.id, `query($id: ID!) { node(id: $id) { ... on Student { periodMarks { id subject { name } } } } }`,
      { id: gid('Student', w.student.student.id) });
    expect(listed.data!.node.periodMarks.map((m: any) => m.id)).toEqual([gid('PeriodMark', maths.id)]);
    const NODE = `query($id: ID!) { node(id: $id) { id } }`;
    expect((await as(w.teacher.user.id, NODE, { id: gid('PeriodMark', maths.id) })).data!.node).toEqual({ id: gid('PeriodMark', maths.id) });
    expect((await as(w.teacher.user.id, NODE, { id: gid('PeriodMark', russian.id) })).data!.node).toBeNull();
    // The class teacher reads both either way.
    expect((await as(w.classTeacher.user.id, NODE, { id: gid('PeriodMark', russian.id) })).data!.node).not.toBeNull();
  });
});

describe('enrollment dates', () => {
  it('a class teacher reads a student coming to their class only from the enrollment\'s first day', async () => {
    const em = server.em();
    const ct = await buildStaff(em, w.school, [Role.TEACHER]);
    const cls = await buildClass(em, w.school, { grade: 6, letter: 'А', classTeacher: ct.employee });
    const { student } = await buildStudent(em, cls, { startsOn: '2026-12-01' });
    const CARD = `query($id: ID!) { studentCard(id: $id) { fullName } }`;
    expect(errorCode(await as(ct.user.id, CARD, { id: gid('Student', student.id) }))).toBe('NOT_FOUND');
    server.clock.set('2026-12-01T10:00:00+03:00');
    try {
      expect((await as(ct.user.id, CARD, { id: gid('Student', student.id) })).errors).toBeUndefined();
    } finally {
      server.clock.set('2026-11-20T12:00:00+03:00');
    }
  });

  it('a pupil who moved to another class, and their parent, no longer read the old class\'s timetable and curriculum', async () => {
    const em = server.em();
    const { student, user } = await buildStudent(em, w.class5a, { withLogin: true });
    const parent = await buildParent(em, w.school, [student]);
    await transfer(em, student, w.class5a, w.class5b, { effectiveOn: '2026-11-10' });
    const Q = `query($c: ID!) { timetable(classGroupId: $c) { id } curriculum(classGroupId: $c) { id } }`;
    for (const viewer of [user!.id, parent.user.id]) {
      expect(errorCode(await as(viewer, Q, { c: gid('ClassGroup', w.class5a.id) }))).toBe('NOT_FOUND');
      expect((await as(viewer, Q, { c: gid('ClassGroup', w.class5b.id) })).errors).toBeUndefined();
    }
  });
});

describe('guardian cards', () => {
  it('a parent reads their own guardian card on the child\'s card, not the other parent\'s', async () => {
    const em = server.em();
    const { student } = await buildStudent(em, w.class5a);
    const mother = await buildParent(em, w.school, [student]);
    const father = await buildParent(em, w.school, [student]);
    const Q = `query($id: ID!) { studentCard(id: $id) { guardians { guardian { id phone address } } } }`;
    const seen = (await as(mother.user.id, Q, { id: gid('Student', student.id) })).data!.studentCard.guardians;
    expect(seen.map((g: any) => g.guardian.id)).toEqual([gid('Guardian', mother.guardian.id)]);
    const byClassTeacher = (await as(w.classTeacher.user.id, Q, { id: gid('Student', student.id) })).data!.studentCard.guardians;
    expect(byClassTeacher.map((g: any) => g.guardian.id).sort()).toEqual([gid('Guardian', mother.guardian.id), gid('Guardian', father.guardian.id)].sort());
  });
});

describe('mark versions', () => {
  it('a parent who is staff in another school does not read the correction history of their child\'s marks', async () => {
    const em = server.em();
    const parent = await buildParent(em, w.school, [w.student.student]);
    em.create(RoleGrant, { user: parent.user, role: Role.TEACHER, school: w.otherSchool });
    await em.flush();
    const mark = await buildMark(em, { lesson: w.lesson, student: w.student.student, author: w.teacher.user, value: '4' });
    const Q = `query($id: ID!) { node(id: $id) { ... on Mark { value versions { value } } } }`;
    const r = await as(parent.user.id, Q, { id: gid('Mark', mark.id) });
    expect(errorCode(r)).toBe('FORBIDDEN');
    expect(r.data?.node?.versions ?? null).toBeNull();
    const staff = await as(w.classTeacher.user.id, Q, { id: gid('Mark', mark.id) });
    expect(staff.errors).toBeUndefined();
    expect(staff.data!.node.versions.length).toBeGreaterThan(0);
  });
});
