import {
  AcademicYear, AcademicYearState, ClassGroup, CurriculumComponent, CurriculumItem, Enrollment, MovementOrder,
  Role, Subgroup, SubgroupMember, TeachingAssignment,
} from '../../entities';
import {
  buildAssignment, buildClass, buildStaff, buildStudent, buildSubgroup, buildWorld, currentYear, type World,
} from '../support/factories';
import { TestServer } from '../support/server';
import { as, expectNotFoundLikeMissing, expectRefused, gid, ok, randomId } from './support';

// The year rollover of rule 9: a preview that changes nothing, and an apply step that does
// exactly what the preview said, in one transaction, refused when the data changed since.

let server: TestServer;
let w: World;
let year: AcademicYear;
let graduate: Awaited<ReturnType<typeof buildStudent>>;
let class11: ClassGroup;
let subgroupId: string;

const PREVIEW = `query($i: RolloverInput!) { rolloverPreview(input: $i) {
  token canApply promoted promotedConditionally repeating graduating curriculumItems teachingAssignments subgroups
  classes { name grade fromClass { name } classTeacher { id } students }
  students { student { id } fromClass { name } decision toClassName orderNumber }
  undecided { id } } }`;
const APPLY = `mutation($i: ApplyRolloverInput!) { applyRollover(input: $i) { id name state previousYear { id } classGroups { name promotedFrom { id } } } }`;

const NEW_YEAR = { name: '2027/2028', startsOn: '2027-09-01', endsOn: '2028-05-31' };
let base: Record<string, unknown>;

beforeAll(async () => {
  server = await TestServer.start();
  const em = server.em();
  w = await buildWorld(em);
  year = await currentYear(em, w.school);
  class11 = await buildClass(em, w.school, { grade: 11, letter: 'А' });
  graduate = await buildStudent(em, class11, { lastName: 'Выпускник' });
  em.create(CurriculumItem, { year, classGroup: w.class5a, subject: w.math, hoursPerWeek: '5.0', component: CurriculumComponent.COMPULSORY });
  await em.flush();
  const subgroup = await buildSubgroup(em, w.class5a, w.russian, [w.student.student, w.classmate.student]);
  subgroupId = subgroup.id;
  await buildAssignment(em, w.substitute.employee, w.class5a, w.russian, subgroup);
  // A dismissed teacher's assignment is not copied.
  const gone = await buildStaff(em, w.school, [Role.TEACHER]);
  gone.employee.dismissedOn = '2026-10-01';
  await buildAssignment(em, gone.employee, w.class5b, w.russian);
  base = { yearId: gid('AcademicYear', year.id), ...NEW_YEAR };
});
afterAll(async () => { await server.stop(); });

const decisions = () => [
  { studentId: gid('Student', w.otherStudent.student.id), decision: 'REPEAT_YEAR' },
  { studentId: gid('Student', w.classmate.student.id), decision: 'PROMOTE_CONDITIONAL' },
];

describe('the preview', () => {
  it('lists every student without a decision as undecided and cannot be applied', async () => {
    const r = ok(await as(server, w.admin.user.id, PREVIEW, { i: base })).rolloverPreview;
    expect(r.canApply).toBe(false);
    expect(r.undecided).toHaveLength(5);
    const refused = await expectRefused(server, w.admin.user.id, APPLY, { i: { ...base, token: r.token } }, 'BAD_USER_INPUT');
    expect(refused.errors![0].extensions!.field).toBe('decisions');
  });

  it('shows what would be promoted, kept, graduated and copied', async () => {
    const r = ok(await as(server, w.admin.user.id, PREVIEW, { i: { ...base, decisions: decisions(), defaultDecision: 'PROMOTE' } })).rolloverPreview;
    expect(r).toMatchObject({
      canApply: true, promoted: 2, promotedConditionally: 1, repeating: 1, graduating: 1,
      curriculumItems: 1, teachingAssignments: 5, subgroups: 1, undecided: [],
    });
    expect(r.classes.map((c: any) => [c.name, c.fromClass?.name ?? null, c.students])).toEqual([
      ['2А', '1А', 1], ['5Б', null, 1], ['6А', '5А', 2], ['6Б', '5Б', 0],
    ]);
    expect(r.classes.find((c: any) => c.name === '6А').classTeacher.id).toBe(gid('Employee', w.classTeacher.employee.id));
    const line = (studentId: string) => r.students.find((s: any) => s.student.id === gid('Student', studentId));
    expect(line(w.otherStudent.student.id)).toMatchObject({ decision: 'REPEAT_YEAR', toClassName: '5Б', fromClass: { name: '5Б' } });
    expect(line(graduate.student.id)).toMatchObject({ decision: 'GRADUATE', toClassName: null });
    expect(line(w.student.student.id)).toMatchObject({ decision: 'PROMOTE', toClassName: '6А' });
    expect(r.students.map((s: any) => s.orderNumber)).toEqual(['1-п', '2-п', '3-п', '4-п', '5-п']);
  });

  it('refuses a promotion out of the last grade, naming the decision', async () => {
    const i = { ...base, decisions: [{ studentId: gid('Student', graduate.student.id), decision: 'PROMOTE' }] };
    const r = await expectRefused(server, w.admin.user.id, PREVIEW, { i }, 'BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe('decisions.0.decision');
  });

  it('refuses a new year that does not start after the old one', async () => {
    const r = await expectRefused(server, w.admin.user.id, PREVIEW, { i: { ...base, startsOn: '2027-05-01' } }, 'BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe('startsOn');
  });

  it('is read by the director and the deputy head, not by teachers, students or another school', async () => {
    for (const user of [w.director.user.id, w.deputy.user.id]) ok(await as(server, user, PREVIEW, { i: base }));
    for (const user of [w.teacher.user.id, w.secretary.user.id, w.hr.user.id, w.student.user!.id, w.parent.user.id]) {
      await expectRefused(server, user, PREVIEW, { i: base }, 'FORBIDDEN');
    }
    await expectNotFoundLikeMissing(server, w.otherAdmin.user.id, PREVIEW, { i: base }, { i: { ...base, yearId: randomId('AcademicYear') } });
  });
});

describe('applying it', () => {
  it('is the ADMIN\'s alone', async () => {
    const { token } = ok(await as(server, w.admin.user.id, PREVIEW, { i: { ...base, decisions: decisions(), defaultDecision: 'PROMOTE' } })).rolloverPreview;
    for (const user of [w.director.user.id, w.deputy.user.id, w.teacher.user.id]) {
      await expectRefused(server, user, APPLY, { i: { ...base, decisions: decisions(), defaultDecision: 'PROMOTE', token } }, 'FORBIDDEN');
    }
  });

  it('refuses a stale preview (someone enrolled meanwhile) with CONFLICT, changing nothing', async () => {
    const i = { ...base, decisions: decisions(), defaultDecision: 'PROMOTE' };
    const { token } = ok(await as(server, w.admin.user.id, PREVIEW, { i })).rolloverPreview;
    const late = await buildStudent(server.em(), w.class5b, { lastName: 'Новенький' });
    await expectRefused(server, w.admin.user.id, APPLY, { i: { ...i, token } }, 'CONFLICT');
    const again = ok(await as(server, w.admin.user.id, PREVIEW, { i })).rolloverPreview;
    expect(again.token).not.toBe(token);
    expect(again.students.map((s: any) => s.student.id)).toContain(gid('Student', late.student.id));
  });

  it('does exactly what the preview said, in one go', async () => {
    const em = server.em();
    const i = { ...base, decisions: decisions(), defaultDecision: 'PROMOTE' };
    const preview = ok(await as(server, w.admin.user.id, PREVIEW, { i })).rolloverPreview;
    const applied = ok(await as(server, w.admin.user.id, APPLY, { i: { ...i, token: preview.token } })).applyRollover;
    expect(applied).toMatchObject({ name: '2027/2028', state: 'PLANNING', previousYear: { id: gid('AcademicYear', year.id) } });
    expect(applied.classGroups.map((c: any) => c.name)).toEqual(preview.classes.map((c: any) => c.name));
    const newYear = await em.findOneOrFail(AcademicYear, { school: w.school, name: '2027/2028' });
    expect(newYear.state).toBe(AcademicYearState.PLANNING);

    // The movement book: one order per student, effective on the new year's first day.
    const orders = await em.find(MovementOrder, { year: newYear }, { orderBy: { number: 'asc' } });
    expect(orders.map((o) => [o.number, o.type, o.effectiveOn])).toEqual(preview.students.map((s: any) => [s.orderNumber, s.decision, '2027-09-01']));
    for (const s of preview.students) {
      const enrollments = await em.find(Enrollment, { student: fromGid(s.student.id) }, { populate: ['classGroup'], orderBy: { startsOn: 'asc' } });
      const old = enrollments.find((e) => e.classGroup.year.id === year.id)!;
      expect(old.endsOn).toBe('2027-08-31');
      const next = enrollments.find((e) => e.classGroup.year.id === newYear.id);
      expect(next ? [next.classGroup.name, next.startsOn, next.endsOn ?? null] : null)
        .toEqual(s.toClassName ? [s.toClassName, '2027-09-01', null] : null);
      expect(old.closedBy!.id).toBe(next ? next.openedBy.id : orders.find((o) => o.student.id === old.student.id)!.id);
    }

    // The copies, for editing: curriculum, assignments (the dismissed teacher's left out), the subgroup with its members.
    const six = await em.findOneOrFail(ClassGroup, { year: newYear, grade: 6, letter: 'А' });
    expect(six.promotedFrom!.id).toBe(w.class5a.id);
    expect(six.classTeacher!.id).toBe(w.classTeacher.employee.id);
    expect(await em.find(CurriculumItem, { classGroup: six })).toEqual([expect.objectContaining({ hoursPerWeek: '5.0', year: expect.objectContaining({ id: newYear.id }) })]);
    expect(await em.count(TeachingAssignment, { year: newYear })).toBe(5);
    const [copy] = await em.find(Subgroup, { classGroup: six });
    expect(copy.subject.id).toBe(w.russian.id);
    const members = await em.find(SubgroupMember, { subgroup: copy });
    expect(members.map((m) => m.student.id).sort()).toEqual([w.student.student.id, w.classmate.student.id].sort());
    const subgroupAssignment = await em.findOneOrFail(TeachingAssignment, { year: newYear, subgroup: { $ne: null } });
    expect(subgroupAssignment.subgroup!.id).toBe(copy.id);
    expect(await em.count(Subgroup, { id: subgroupId })).toBe(1);
    const repeaters = await em.findOneOrFail(ClassGroup, { year: newYear, grade: 5, letter: 'Б' });
    expect(repeaters.promotedFrom ?? null).toBeNull();
    const audit = await em.getConnection().execute(`select after from audit_entry where action = 'year.rollover'`);
    expect(audit).toHaveLength(1);
  });

  it('cannot roll the same year over twice', async () => {
    const r = await expectRefused(server, w.admin.user.id, PREVIEW, { i: { ...base, name: '2028/2029', startsOn: '2028-09-01', endsOn: '2029-05-31' } }, 'CONFLICT');
    expect(r.errors![0].message).toContain('2027/2028');
  });
});

function fromGid(id: string): string {
  return Buffer.from(id, 'base64url').toString('utf8').split(':')[1];
}

