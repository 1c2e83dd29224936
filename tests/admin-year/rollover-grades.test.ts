import { AcademicYear, ClassGroup, EducationForm, Enrollment, MovementOrder, MovementOrderType } from '../../entities';
import { applyMovementOrder } from '../../domain/people/movement-book.service';
import { buildClass, buildStudent, buildWorld, type World } from '../support/factories';
import { TestServer } from '../support/server';
import { as, expectRefused, gid, ok } from './support';

// The rollover graduates only grades 9 and 11 and writes its orders through the movement book's
// own rules (domain/people/movement-book.service.ts): a 9th-grader graduates or continues into
// 10th, an 11th-grader graduates, nobody else; family education carries over into the new class.

let server: TestServer;
let w: World;
let class9: ClassGroup;
let class11: ClassGroup;
let ninthLeaving: Awaited<ReturnType<typeof buildStudent>>;
let ninthStaying: Awaited<ReturnType<typeof buildStudent>>;
let eleventh: Awaited<ReturnType<typeof buildStudent>>;
let familyPupil: Awaited<ReturnType<typeof buildStudent>>;

const PREVIEW = `query($i: RolloverInput!) { rolloverPreview(input: $i) { token canApply graduating
  students { student { id } decision toClassName orderNumber } } }`;
const APPLY = `mutation($i: ApplyRolloverInput!) { applyRollover(input: $i) { id name } }`;
let base: Record<string, unknown>;

beforeAll(async () => {
  server = await TestServer.start();
  const em = server.em();
  w = await buildWorld(em);
  const year = await em.findOneOrFail(AcademicYear, { school: w.school });
  class9 = await buildClass(em, w.school, { grade: 9, letter: 'А' });
  class11 = await buildClass(em, w.school, { grade: 11, letter: 'А' });
  ninthLeaving = await buildStudent(em, class9, { lastName: 'Уходящий' });
  ninthStaying = await buildStudent(em, class9, { lastName: 'Остающийся' });
  eleventh = await buildStudent(em, class11, { lastName: 'Выпускник' });
  familyPupil = await buildStudent(em, w.class5b, { lastName: 'Семейный' });
  await em.transactional((tx) => applyMovementOrder(tx, {
    schoolId: w.school.id, studentId: familyPupil.student.id, type: MovementOrderType.FAMILY_EDUCATION,
    number: '7-с', orderDate: '2026-11-10', effectiveOn: '2026-11-11',
  }, { userId: w.admin.user.id, ip: null, now: new Date() }));
  base = { yearId: gid('AcademicYear', year.id), name: '2027/2028', startsOn: '2027-09-01', endsOn: '2028-05-31', defaultDecision: 'PROMOTE' };
});
afterAll(async () => { await server.stop(); });

const decide = (student: { student: { id: string } }, decision: string) => ({ studentId: gid('Student', student.student.id), decision });

describe('graduation in the rollover', () => {
  it('refuses GRADUATE for a pupil outside grades 9 and 11, naming the decision, and changes nothing', async () => {
    for (const pupil of [w.student, w.firstGrader]) {
      const i = { ...base, decisions: [decide(eleventh, 'GRADUATE'), decide(pupil, 'GRADUATE')] };
      const r = await as(server, w.admin.user.id, PREVIEW, { i });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'GRADUATE_GRADE_ONLY', field: 'decisions.1.decision' });
      await expectRefused(server, w.admin.user.id, APPLY, { i: { ...i, token: 'any' } }, 'GRADUATE_GRADE_ONLY');
    }
  });

  it('by default graduates grade 11 and lets grade 9 continue into grade 10; a 9th-grader may graduate', async () => {
    const i = { ...base, decisions: [decide(ninthLeaving, 'GRADUATE')] };
    const preview = ok(await as(server, w.admin.user.id, PREVIEW, { i })).rolloverPreview;
    const line = (s: { student: { id: string } }) => preview.students.find((x: any) => x.student.id === gid('Student', s.student.id));
    expect(line(ninthLeaving)).toMatchObject({ decision: 'GRADUATE', toClassName: null });
    expect(line(ninthStaying)).toMatchObject({ decision: 'PROMOTE', toClassName: '10А' });
    expect(line(eleventh)).toMatchObject({ decision: 'GRADUATE', toClassName: null });
    expect(preview.graduating).toBe(2);

    ok(await as(server, w.admin.user.id, APPLY, { i: { ...i, token: preview.token } }));
    const em = server.em();
    const newYear = await em.findOneOrFail(AcademicYear, { school: w.school, name: '2027/2028' });
    const open = async (s: { student: { id: string } }) =>
      (await em.find(Enrollment, { student: s.student.id, endsOn: null }, { populate: ['classGroup'] })).map((e) => [e.classGroup.name, e.form]);
    expect(await open(ninthLeaving)).toEqual([]);
    expect(await open(eleventh)).toEqual([]);
    expect(await open(ninthStaying)).toEqual([['10А', EducationForm.IN_CLASS]]);
    // Family education is carried into the new class: still attached to the school.
    expect(await open(familyPupil)).toEqual([['6Б', EducationForm.FAMILY_EDUCATION]]);

    // The movement book wrote the orders: in the new year's book, each with its own audit entry.
    const orders = await em.find(MovementOrder, { year: newYear }, { orderBy: { number: 'asc' } });
    expect(orders).toHaveLength(preview.students.length);
    const audited = await em.getConnection().execute<{ n: number }[]>(
      `select count(*)::int as n from audit_entry where action = 'movement_order.create' and entity_id = any(?::uuid[])`, [`{${orders.map((o) => o.id).join(',')}}`]);
    expect(audited[0].n).toBe(orders.length);
  });
});
