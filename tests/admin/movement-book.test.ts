import { randomUUID } from 'node:crypto';
import { ClassGroup, Enrollment, MovementOrder, MovementOrderType, Student } from '../../entities';
import { applyMovementOrders } from '../../domain/people/movement-book.service';
import { buildClass, buildStudent, buildWorld, type World } from '../support/factories';
import { TestServer } from '../support/server';
import { adminActors, as, expectOk, expectRefused, gid, nextYearClass, type AdminActors } from './support';

let server: TestServer;
let w: World;
let who: AdminActors;
let class9: ClassGroup;
let class6next: ClassGroup;
let class5next: ClassGroup;
let foreignClass: ClassGroup;

beforeAll(async () => {
  server = await TestServer.start();
  const em = server.em();
  w = await buildWorld(em);
  who = await adminActors(em, w);
  class9 = await buildClass(em, w.school, { grade: 9, letter: 'А' });
  foreignClass = await buildClass(em, w.otherSchool, { grade: 5 });
  class6next = await nextYearClass(em, w.school, 6);
  class5next = await nextYearClass(em, w.school, 5, 'В');
});
afterAll(async () => { await server.stop(); });

const CREATE = `mutation($i: CreateMovementOrderInput!) {
  createMovementOrder(input: $i) { id number type orderDate effectiveOn fromClass { name } toClass { name } student { fullName } } }`;
const HISTORY = `query($id: ID!) { studentMovementHistory(studentId: $id) { type number effectiveOn fromClass { name } toClass { name } } }`;

let n = 0;
const number = () => `${++n}-т`;

async function freshStudent(cls: ClassGroup = w.class5a): Promise<Student> {
  return (await buildStudent(server.em(), cls)).student;
}

function input(student: Student, type: MovementOrderType, effectiveOn: string, toClass?: ClassGroup, extra: Record<string, unknown> = {}) {
  return {
    i: {
      studentId: gid('Student', student.id), type, number: number(), orderDate: '2026-11-20', effectiveOn,
      toClassId: toClass ? gid('ClassGroup', toClass.id) : null, ...extra,
    },
  };
}

async function enrollments(student: Student) {
  const rows = await server.em().find(Enrollment, { student }, { orderBy: { startsOn: 'asc' }, populate: ['classGroup'] });
  return rows.map((e) => ({ class: e.classGroup.name, startsOn: e.startsOn, endsOn: e.endsOn ?? null, closedBy: e.closedBy?.id ?? null, openedBy: e.openedBy.id }));
}

describe('each order type and its effect on enrollments', () => {
  it('TRANSFER_CLASS closes the open enrollment the day before and opens one in the other class, with an audit entry', async () => {
    const s = await freshStudent();
    const data = await expectOk(server, who.secretary, CREATE, input(s, MovementOrderType.TRANSFER_CLASS, '2026-11-23', w.class5b, { basis: 'заявление родителя' }));
    expect(data.createMovementOrder).toMatchObject({ type: 'TRANSFER_CLASS', fromClass: { name: '5А' }, toClass: { name: '5Б' }, effectiveOn: '2026-11-23' });
    const orderId = (await server.em().findOneOrFail(MovementOrder, { student: s, type: MovementOrderType.TRANSFER_CLASS })).id;
    expect(await enrollments(s)).toEqual([
      expect.objectContaining({ class: '5А', startsOn: '2026-09-01', endsOn: '2026-11-22', closedBy: orderId }),
      expect.objectContaining({ class: '5Б', startsOn: '2026-11-23', endsOn: null, openedBy: orderId }),
    ]);
    const [entry] = await server.em().getConnection().execute(`select action, actor_id, school_id from audit_entry where entity_id = ?`, [orderId]);
    expect(entry).toEqual({ action: 'movement_order.create', actor_id: who.secretary, school_id: w.school.id });
  });

  it('WITHDRAW closes the enrollment and opens none; a later ENROLL opens a new one', async () => {
    const s = await freshStudent();
    await expectOk(server, who.deputyAcademic, CREATE, input(s, MovementOrderType.WITHDRAW, '2026-12-01'));
    expect(await enrollments(s)).toEqual([expect.objectContaining({ class: '5А', endsOn: '2026-11-30' })]);
    await expectOk(server, who.admin, CREATE, input(s, MovementOrderType.ENROLL, '2027-01-12', w.class5b));
    expect((await enrollments(s)).map((e) => [e.class, e.startsOn, e.endsOn])).toEqual([['5А', '2026-09-01', '2026-11-30'], ['5Б', '2027-01-12', null]]);
  });

  it('FAMILY_EDUCATION keeps the pupil attached to the class for attestation; ENROLL brings them back to class, WITHDRAW ends it', async () => {
    const s = await freshStudent();
    await expectOk(server, who.deputyAcademic, CREATE, input(s, MovementOrderType.FAMILY_EDUCATION, '2026-12-01'));
    const forms = async () => (await server.em().find(Enrollment, { student: s }, { orderBy: { startsOn: 'asc' }, populate: ['classGroup'] }))
      .map((e) => [e.classGroup.name, e.startsOn, e.endsOn ?? null, e.form]);
    expect(await forms()).toEqual([['5А', '2026-09-01', '2026-11-30', 'IN_CLASS'], ['5А', '2026-12-01', null, 'FAMILY_EDUCATION']]);
    // Already on family education: a second order is refused; a transfer keeps the form.
    await expectRefused(server, who.secretary, CREATE, input(s, MovementOrderType.FAMILY_EDUCATION, '2026-12-10'), 'BAD_USER_INPUT', 'type');
    await expectOk(server, who.secretary, CREATE, input(s, MovementOrderType.TRANSFER_CLASS, '2026-12-15', w.class5b));
    expect((await forms()).at(-1)).toEqual(['5Б', '2026-12-15', null, 'FAMILY_EDUCATION']);
    // Back to class: ENROLL ends the attachment the day before (not before it began).
    await expectRefused(server, who.admin, CREATE, input(s, MovementOrderType.ENROLL, '2026-12-15', w.class5a), 'BAD_USER_INPUT', 'effectiveOn');
    await expectOk(server, who.admin, CREATE, input(s, MovementOrderType.ENROLL, '2027-01-12', w.class5a));
    expect((await forms()).slice(-2)).toEqual([['5Б', '2026-12-15', '2027-01-11', 'FAMILY_EDUCATION'], ['5А', '2027-01-12', null, 'IN_CLASS']]);

    const t = await freshStudent();
    await expectOk(server, who.deputyAcademic, CREATE, input(t, MovementOrderType.FAMILY_EDUCATION, '2026-12-01'));
    await expectOk(server, who.secretary, CREATE, input(t, MovementOrderType.WITHDRAW, '2027-02-01'));
    expect((await forms()).length).toBe(4);
    expect(await server.em().count(Enrollment, { student: t, endsOn: null })).toBe(0);
  });

  it('PROMOTE and PROMOTE_CONDITIONAL go to grade + 1 of a later year; DEBT_CLEARED needs a conditional promotion and changes no enrollment', async () => {
    const s = await freshStudent();
    await expectRefused(server, who.secretary, CREATE, input(s, MovementOrderType.DEBT_CLEARED, '2026-12-01'), 'BAD_USER_INPUT', 'type');
    await expectRefused(server, who.secretary, CREATE, input(s, MovementOrderType.PROMOTE, '2027-09-01', class5next), 'BAD_USER_INPUT', 'toClassId');
    await expectRefused(server, who.secretary, CREATE, input(s, MovementOrderType.PROMOTE, '2026-12-01', w.class5b), 'BAD_USER_INPUT', 'toClassId');
    await expectOk(server, who.secretary, CREATE, input(s, MovementOrderType.PROMOTE_CONDITIONAL, '2027-09-01', class6next));
    const before = await enrollments(s);
    expect(before.map((e) => [e.class, e.endsOn])).toEqual([['5А', '2027-08-31'], ['6А', null]]);
    await expectOk(server, who.secretary, CREATE, input(s, MovementOrderType.DEBT_CLEARED, '2027-10-01'));
    expect(await enrollments(s)).toEqual(before);
    await expectRefused(server, who.secretary, CREATE, input(s, MovementOrderType.DEBT_CLEARED, '2027-10-02'), 'BAD_USER_INPUT', 'type');

    const p = await freshStudent();
    await expectOk(server, who.secretary, CREATE, input(p, MovementOrderType.PROMOTE, '2027-09-01', class6next));
    expect((await enrollments(p)).map((e) => e.class)).toEqual(['5А', '6А']);
  });

  it('REPEAT_YEAR keeps the grade in a later year; GRADUATE leaves from grade 9 or 11 only', async () => {
    const r = await freshStudent();
    await expectRefused(server, who.secretary, CREATE, input(r, MovementOrderType.REPEAT_YEAR, '2027-09-01', class6next), 'BAD_USER_INPUT', 'toClassId');
    await expectOk(server, who.secretary, CREATE, input(r, MovementOrderType.REPEAT_YEAR, '2027-09-01', class5next));
    expect((await enrollments(r)).map((e) => [e.class, e.endsOn])).toEqual([['5А', '2027-08-31'], ['5В', null]]);

    const fifth = await freshStudent();
    const refused = await expectRefused(server, who.secretary, CREATE, input(fifth, MovementOrderType.GRADUATE, '2027-06-01'), 'GRADUATE_GRADE_ONLY', 'type');
    expect(refused.errors![0].message).toContain('9 and 11');
    const ninth = await freshStudent(class9);
    await expectOk(server, who.secretary, CREATE, input(ninth, MovementOrderType.GRADUATE, '2027-06-01'));
    expect(await enrollments(ninth)).toEqual([expect.objectContaining({ class: '9А', endsOn: '2027-05-31' })]);
  });

  it('the movement history lists every order of the student, oldest first', async () => {
    const s = await freshStudent();
    await expectOk(server, who.secretary, CREATE, input(s, MovementOrderType.TRANSFER_CLASS, '2026-11-25', w.class5b));
    await expectOk(server, who.secretary, CREATE, input(s, MovementOrderType.WITHDRAW, '2026-12-10'));
    const data = await expectOk(server, who.director, HISTORY, { id: gid('Student', s.id) });
    expect(data.studentMovementHistory.map((o: any) => [o.type, o.effectiveOn, o.fromClass?.name ?? null, o.toClass?.name ?? null])).toEqual([
      ['ENROLL', '2026-09-01', null, '5А'], ['TRANSFER_CLASS', '2026-11-25', '5А', '5Б'], ['WITHDRAW', '2026-12-10', '5Б', null],
    ]);
  });
});

describe('validation: refused orders change nothing', () => {
  it('no transfer or withdrawal of a student who is not enrolled', async () => {
    const s = await freshStudent();
    await expectOk(server, who.secretary, CREATE, input(s, MovementOrderType.WITHDRAW, '2026-11-21'));
    await expectRefused(server, who.secretary, CREATE, input(s, MovementOrderType.TRANSFER_CLASS, '2026-12-01', w.class5b), 'BAD_USER_INPUT', 'studentId');
    await expectRefused(server, who.secretary, CREATE, input(s, MovementOrderType.WITHDRAW, '2026-12-01'), 'BAD_USER_INPUT', 'studentId');
  });

  it('no enrollment overlapping another, nor a second one while enrolled', async () => {
    const s = await freshStudent();
    await expectRefused(server, who.secretary, CREATE, input(s, MovementOrderType.ENROLL, '2026-12-01', w.class5b), 'BAD_USER_INPUT', 'effectiveOn');
    await expectOk(server, who.secretary, CREATE, input(s, MovementOrderType.WITHDRAW, '2026-12-01'));
    // Enrolled until 2026-11-30: an ENROLL from 2026-11-15 would overlap it.
    await expectRefused(server, who.secretary, CREATE, input(s, MovementOrderType.ENROLL, '2026-11-15', w.class5b), 'BAD_USER_INPUT', 'effectiveOn');
  });

  it('the target class must be of the same school (else it is missing), another class, of the same year for a transfer, within its year', async () => {
    const s = await freshStudent();
    const foreign = await expectRefused(server, who.secretary, CREATE, input(s, MovementOrderType.TRANSFER_CLASS, '2026-12-01', foreignClass), 'NOT_FOUND');
    const missing = await expectRefused(server, who.secretary, CREATE, {
      i: { ...input(s, MovementOrderType.TRANSFER_CLASS, '2026-12-01').i, toClassId: gid('ClassGroup', randomUUID()) },
    }, 'NOT_FOUND');
    expect(foreign.errors).toEqual(missing.errors);
    await expectRefused(server, who.secretary, CREATE, input(s, MovementOrderType.TRANSFER_CLASS, '2026-12-01', w.class5a), 'BAD_USER_INPUT', 'toClassId');
    await expectRefused(server, who.secretary, CREATE, input(s, MovementOrderType.TRANSFER_CLASS, '2027-09-01', class6next), 'BAD_USER_INPUT', 'toClassId');
    await expectRefused(server, who.secretary, CREATE, input(s, MovementOrderType.TRANSFER_CLASS, '2027-07-01', w.class5b), 'BAD_USER_INPUT', 'effectiveOn');
    await expectRefused(server, who.secretary, CREATE, input(s, MovementOrderType.TRANSFER_CLASS, '2026-12-01'), 'BAD_USER_INPUT', 'toClassId');
    await expectRefused(server, who.secretary, CREATE, input(s, MovementOrderType.WITHDRAW, '2026-12-01', w.class5b), 'BAD_USER_INPUT', 'toClassId');
    await expectRefused(server, who.secretary, CREATE, input(s, MovementOrderType.WITHDRAW, '2026-09-01'), 'BAD_USER_INPUT', 'effectiveOn');
  });

  it('a number is unique in the year\'s book, and required; dates must be dates', async () => {
    const s = await freshStudent();
    const first = input(s, MovementOrderType.TRANSFER_CLASS, '2026-12-01', w.class5b);
    await expectOk(server, who.secretary, CREATE, first);
    const t = await freshStudent();
    await expectRefused(server, who.secretary, CREATE, { i: { ...input(t, MovementOrderType.WITHDRAW, '2026-12-01').i, number: first.i.number } }, 'BAD_USER_INPUT', 'number');
    await expectRefused(server, who.secretary, CREATE, { i: { ...input(t, MovementOrderType.WITHDRAW, '2026-12-01').i, number: '  ' } }, 'BAD_USER_INPUT', 'number');
    await expectRefused(server, who.secretary, CREATE, { i: { ...input(t, MovementOrderType.WITHDRAW, '2026-12-01').i, basis: 'x'.repeat(1001) } }, 'BAD_USER_INPUT', 'basis');
    const r = await as(server, who.secretary, CREATE, { i: { ...input(t, MovementOrderType.WITHDRAW, '2026-12-01').i, effectiveOn: '2026-02-30' } });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('two orders for one student at once: one applies, the other is judged against it, never two open enrollments', async () => {
    const s = await freshStudent();
    const token = await server.token(who.secretary);
    const [a, b] = await Promise.all([
      server.gql(CREATE, input(s, MovementOrderType.TRANSFER_CLASS, '2026-12-01', w.class5b), token),
      server.gql(CREATE, input(s, MovementOrderType.TRANSFER_CLASS, '2026-12-01', w.class5b), token),
    ]);
    expect([a, b].filter((r) => !r.errors)).toHaveLength(1);
    // The second sees the 5Б enrollment the first opened from that very day.
    expect([a, b].find((r) => r.errors)!.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveOn' });
    expect((await enrollments(s)).map((e) => [e.class, e.endsOn])).toEqual([['5А', '2026-11-30'], ['5Б', null]]);
  });

  it('there is no mutation that edits an enrollment: only orders change them', async () => {
    const r = await as(server, who.admin, `{ __schema { mutationType { fields { name } } } }`);
    const names: string[] = r.data!.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(names).toContain('createMovementOrder');
    expect(names.filter((name) => /enrol/i.test(name))).toEqual([]);
  });
});

describe('who writes and reads the book', () => {
  it('ADMIN, DEPUTY_ACADEMIC and SECRETARY write it; every other role is refused and nothing changes', async () => {
    const s = await freshStudent();
    for (const role of ['director', 'deputyPastoral', 'teacher', 'classTeacher', 'hr', 'student', 'parent', 'coordinator', 'noRoles'] as const) {
      await expectRefused(server, who[role], CREATE, input(s, MovementOrderType.TRANSFER_CLASS, '2026-12-01', w.class5b), 'FORBIDDEN');
    }
    await expectRefused(server, null, CREATE, input(s, MovementOrderType.TRANSFER_CLASS, '2026-12-01', w.class5b), 'UNAUTHENTICATED');
  });

  it('another school\'s writer gets NOT_FOUND for the student, exactly like a missing one', async () => {
    const s = await freshStudent();
    const refused = await expectRefused(server, who.otherSchoolSecretary, CREATE, input(s, MovementOrderType.WITHDRAW, '2026-12-01'), 'NOT_FOUND');
    const missing = await expectRefused(server, who.otherSchoolSecretary, CREATE, {
      i: { ...input(s, MovementOrderType.WITHDRAW, '2026-12-01').i, studentId: gid('Student', randomUUID()) },
    }, 'NOT_FOUND');
    expect(refused.errors).toEqual(missing.errors);
  });

  it('the class teacher reads their own class\'s orders and history; not another class\'s, not the whole book', async () => {
    const s = await freshStudent();
    await expectOk(server, who.secretary, CREATE, input(s, MovementOrderType.TRANSFER_CLASS, '2026-11-24', w.class5b));
    const ORDERS = `query($c: ID) { movementOrders(from: "2026-08-01", to: "2026-12-31", classGroupId: $c) { totalCount edges { node { id student { fullName } type } } } }`;
    const own = await expectOk(server, who.classTeacher, ORDERS, { c: gid('ClassGroup', w.class5a.id) });
    expect(own.movementOrders.edges.map((e: any) => e.node.type)).toContain('TRANSFER_CLASS');
    expect(own.movementOrders.totalCount).toBeGreaterThan(1);
    const id = own.movementOrders.edges[0].node.id;
    expect((await expectOk(server, who.classTeacher, `query($id: ID!) { node(id: $id) { id } }`, { id })).node).toEqual({ id });
    for (const c of [w.class5b.id, randomUUID()]) {
      const r = await as(server, who.classTeacher, ORDERS, { c: gid('ClassGroup', c) });
      expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect((await as(server, who.classTeacher, ORDERS, {})).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await as(server, who.classTeacher, HISTORY, { id: gid('Student', s.id) })).errors).toBeUndefined();
    const other = await freshStudent(w.class5b);
    const notTheirs = await as(server, who.classTeacher, HISTORY, { id: gid('Student', other.id) });
    const missing = await as(server, who.classTeacher, HISTORY, { id: gid('Student', randomUUID()) });
    expect(notTheirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(notTheirs.errors).toEqual(missing.errors);
    expect((await as(server, who.primaryTeacher, `query($id: ID!) { node(id: $id) { id } }`, { id })).data?.node).toBeNull();
  });

  it('the administration and the secretary read the whole book, filtered by type; others are refused', async () => {
    const ORDERS = `{ movementOrders(from: "2026-08-01", to: "2027-12-31", type: ENROLL, first: 100) { totalCount edges { node { type } } } }`;
    for (const role of ['admin', 'director', 'deputyAcademic', 'secretary'] as const) {
      const data = await expectOk(server, who[role], ORDERS);
      expect(data.movementOrders.totalCount).toBeGreaterThan(0);
      expect(new Set(data.movementOrders.edges.map((e: any) => e.node.type))).toEqual(new Set(['ENROLL']));
    }
    for (const role of ['hr', 'parent', 'student', 'coordinator', 'deputyPastoral'] as const) {
      expect((await as(server, who[role], ORDERS)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await as(server, who.otherSchoolSecretary, `{ movementOrders(from: "2026-08-01", to: "2027-12-31") { totalCount } }`)).data?.movementOrders.totalCount).toBe(0);
  });
});

describe('applyMovementOrders (the domain function the rollover calls)', () => {
  it('applies many orders in one transaction, and none when one is refused', async () => {
    const a = await freshStudent();
    const b = await freshStudent();
    const em = server.em();
    const at = { userId: who.admin, ip: null, now: new Date() };
    const cmd = (s: Student, num: string) => ({
      schoolId: w.school.id, studentId: s.id, type: MovementOrderType.PROMOTE, number: num, orderDate: '2027-05-26',
      effectiveOn: '2027-09-01', toClassId: class6next.id,
    });
    await expect(em.transactional((tx) => applyMovementOrders(tx, [cmd(a, 'bulk-1'), { ...cmd(b, 'bulk-2'), toClassId: class5next.id }], at)))
      .rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'toClassId' } });
    expect((await enrollments(a)).map((e) => e.class)).toEqual(['5А']);
    const orders = await server.em().transactional((tx) => applyMovementOrders(tx, [cmd(a, 'bulk-1'), cmd(b, 'bulk-2')], at));
    expect(orders.map((o) => o.type)).toEqual(['PROMOTE', 'PROMOTE']);
    expect((await enrollments(b)).map((e) => [e.class, e.endsOn])).toEqual([['5А', '2027-08-31'], ['6А', null]]);
  });
});
