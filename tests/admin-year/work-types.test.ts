import { Mark, Role, StudyPeriod, WorkType } from '../../entities';
import { buildMark, buildStaff, buildWorld, currentYear, type World } from '../support/factories';
import { TestServer, errorCode } from '../support/server';
import { as, expectNotFoundLikeMissing, expectRefused, gid, ok, randomId } from './support';

// Work types per school (issue 18 part 1): ADMIN creates, re-weights, retires and deletes them
// (never one with marks). A weight change shows at once in the averages and the term report
// (mark_rollup, rebuilt in the writing transaction); a retired type takes no new marks.

let server: TestServer;
let w: World;
let revokedAdmin: Awaited<ReturnType<typeof buildStaff>>;
let q2: string;

beforeAll(async () => {
  server = await TestServer.start();
  const em = server.em();
  w = await buildWorld(em);
  revokedAdmin = await buildStaff(em, w.school, [Role.ADMIN, Role.TEACHER]);
  await em.getConnection().execute(`delete from role_grant where user_id = ? and role = 'ADMIN'`, [revokedAdmin.user.id]);
  // 5А's mathematics: a 5 for an oral answer (weight 1) and a 3 for a control work (weight 2): weighted (5 + 6) / 3.
  await buildMark(em, { lesson: w.lesson, student: w.student.student, author: w.teacher.user, value: '5', workTypeCode: 'ORAL' });
  await buildMark(em, { lesson: w.lesson, student: w.student.student, author: w.teacher.user, value: '3', workTypeCode: 'CONTROL' });
  q2 = gid('StudyPeriod', (await em.findOneOrFail(StudyPeriod, { year: await currentYear(em, w.school), ordinal: 2 })).id);
});
afterAll(async () => { await server.stop(); });

const WORK_TYPES = `{ workTypes { id code name weight retiredAt } }`;
const CREATE = `mutation($i: CreateWorkTypeInput!) { createWorkType(input: $i) { id code name weight retiredAt } }`;
const UPDATE = `mutation($i: UpdateWorkTypeInput!) { updateWorkType(input: $i) { id code name weight } }`;
const RETIRE = `mutation($id: ID!) { retireWorkType(workTypeId: $id) { id retiredAt } }`;
const DELETE = `mutation($id: ID!) { deleteWorkType(workTypeId: $id) }`;
const RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id } }`;
const TERM = `query($c: ID!) { classTermReport(classGroupId: $c) { rows { studyPeriodName subjectName weightedAverage marksCount } } }`;
const WEIGHTED = `query($c: ID!, $p: ID!) { weightedAverageReport(classGroupId: $c, studyPeriodId: $p) { rows { studentId weightedAverage marks } } }`;

const typeId = async (code: string, school = w.school) => gid('WorkType', (await server.em().findOneOrFail(WorkType, { school, code })).id);
const workTypeRows = async () => server.em().getConnection().execute(`select id, code, name, weight::text, retired_at from work_type order by id`);

/** As expectRefused, and the work types are unchanged too. */
async function refused(userId: string, query: string, variables: Record<string, unknown>, code: string) {
  const before = await workTypeRows();
  const r = await expectRefused(server, userId, query, variables, code);
  expect(await workTypeRows()).toEqual(before);
  return r;
}

async function averages() {
  const term = ok(await as(server, w.admin.user.id, TERM, { c: gid('ClassGroup', w.class5a.id) })).classTermReport.rows
    .find((r: any) => r.subjectName === 'Математика' && r.studyPeriodName === '2 четверть');
  const weighted = ok(await as(server, w.admin.user.id, WEIGHTED, { c: gid('ClassGroup', w.class5a.id), p: q2 })).weightedAverageReport.rows
    .find((r: any) => r.studentId === gid('Student', w.student.student.id) && r.marks > 0);
  return { term: term.weightedAverage, student: weighted.weightedAverage };
}

describe('createWorkType', () => {
  it('lets ADMIN add a work type; the school\'s users read it with its id', async () => {
    const r = ok(await as(server, w.admin.user.id, CREATE, { i: { code: 'essay', name: 'Сочинение', weight: 1.25 } }));
    expect(r.createWorkType).toMatchObject({ code: 'ESSAY', name: 'Сочинение', weight: 1.25, retiredAt: null });
    for (const who of [w.teacher.user.id, w.student.user!.id, w.parent.user.id]) {
      expect(ok(await as(server, who, WORK_TYPES)).workTypes.map((t: any) => t.code)).toContain('ESSAY');
    }
    // Another school's list is its own.
    expect(ok(await as(server, w.otherAdmin.user.id, WORK_TYPES)).workTypes.map((t: any) => t.code)).not.toContain('ESSAY');
    expect(errorCode(await as(server, w.hr.user.id, WORK_TYPES))).toBe('FORBIDDEN');
  });

  it('answers WORK_TYPE_EXISTS for a code the school has', async () => {
    await refused(w.admin.user.id, CREATE, { i: { code: 'ORAL', name: 'Ещё устный', weight: 1 } }, 'WORK_TYPE_EXISTS');
  });

  it.each([
    ['weight 0', { weight: 0 }, 'weight'],
    ['weight 11', { weight: 11 }, 'weight'],
    ['thousandths', { weight: 1.234 }, 'weight'],
    ['a Cyrillic code', { code: 'КР' }, 'code'],
    ['a code starting with a digit', { code: '1A' }, 'code'],
    ['no name', { name: '  ' }, 'name'],
  ])('refuses %s, naming the field', async (_what, change, field) => {
    const r = await refused(w.admin.user.id, CREATE, { i: { code: 'PROJECT', name: 'Проект', weight: 1.5, ...change } }, 'BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe(field);
  });

  it.each(['director', 'deputy', 'teacher', 'secretary'] as const)('refuses %s (FORBIDDEN)', async (who) => {
    await refused(w[who].user.id, CREATE, { i: { code: 'PROJECT', name: 'Проект', weight: 1.5 } }, 'FORBIDDEN');
  });

  it('refuses an ADMIN whose role was revoked', async () => {
    await refused(revokedAdmin.user.id, CREATE, { i: { code: 'PROJECT', name: 'Проект', weight: 1.5 } }, 'FORBIDDEN');
  });
});

describe('a changed weight', () => {
  it('changes the weighted averages and the term report at once', async () => {
    expect(await averages()).toEqual({ term: 3.67, student: 3.67 });
    const control = await typeId('CONTROL');
    ok(await as(server, w.admin.user.id, UPDATE, { i: { workTypeId: control, weight: 1 } }));
    expect(await averages()).toEqual({ term: 4, student: 4 });
    ok(await as(server, w.admin.user.id, UPDATE, { i: { workTypeId: control, weight: 3, name: 'Контрольная' } }));
    expect(await averages()).toEqual({ term: 3.5, student: 3.5 });
    // The rollup equals a fresh computation.
    const [row] = await server.em().getConnection().execute(
      `select weighted_sum::float as ws, weight_sum::float as w from mark_rollup where class_group_id = ? and subject_id = ?`, [w.class5a.id, w.math.id]);
    expect(row).toEqual({ ws: 5 + 9, w: 4 });
  });

  it('is refused to others, and another school\'s ADMIN finds no such work type', async () => {
    const control = await typeId('CONTROL');
    for (const who of [w.director.user.id, w.deputy.user.id, w.teacher.user.id, revokedAdmin.user.id]) {
      await refused(who, UPDATE, { i: { workTypeId: control, weight: 5 } }, 'FORBIDDEN');
    }
    await expectNotFoundLikeMissing(server, w.otherAdmin.user.id, UPDATE, { i: { workTypeId: control, weight: 5 } },
      { i: { workTypeId: randomId('WorkType'), weight: 5 } });
    expect(await averages()).toEqual({ term: 3.5, student: 3.5 });
  });
});

describe('retire and delete', () => {
  it('a retired work type takes no new marks; the marks it has stay, with their weight', async () => {
    const control = await typeId('CONTROL');
    const mark = (code: string) => as(server, w.teacher.user.id, RECORD_MARK, {
      i: { lessonId: gid('Lesson', w.lesson.id), studentId: gid('Student', w.classmate.student.id), value: '4', workTypeCode: code },
    });
    await refused(w.director.user.id, RETIRE, { id: control }, 'FORBIDDEN');
    await expectNotFoundLikeMissing(server, w.otherAdmin.user.id, RETIRE, { id: control }, { id: randomId('WorkType') });
    expect(ok(await as(server, w.admin.user.id, RETIRE, { id: control })).retireWorkType.retiredAt).toBe('2026-11-20T09:00:00.000Z');
    const r = await refused(w.teacher.user.id, RECORD_MARK, {
      i: { lessonId: gid('Lesson', w.lesson.id), studentId: gid('Student', w.classmate.student.id), value: '4', workTypeCode: 'CONTROL' },
    }, 'WORK_TYPE_RETIRED');
    expect(r.errors![0].extensions!.field).toBe('workTypeCode');
    ok(await mark('ORAL'));
    expect(await server.em().count(Mark, { workType: { code: 'CONTROL', school: w.school } })).toBe(1);
    // The class's term average takes the classmate's new 4 (weight 1): (5 + 3·3 + 4) / 5; the student's stays.
    expect(await averages()).toEqual({ term: 3.6, student: 3.5 });
    await refused(w.admin.user.id, RETIRE, { id: control }, 'BAD_USER_INPUT');
  });

  it('never deletes a work type that has marks (WORK_TYPE_IN_USE); an unused one goes', async () => {
    const r = await refused(w.admin.user.id, DELETE, { id: await typeId('ORAL') }, 'WORK_TYPE_IN_USE');
    expect(r.errors![0].extensions!.count).toBeGreaterThan(0);
    const essay = await typeId('ESSAY');
    await refused(w.director.user.id, DELETE, { id: essay }, 'FORBIDDEN');
    await expectNotFoundLikeMissing(server, w.otherAdmin.user.id, DELETE, { id: essay }, { id: randomId('WorkType') });
    expect(ok(await as(server, w.admin.user.id, DELETE, { id: essay })).deleteWorkType).toBe(essay);
    expect(ok(await as(server, w.admin.user.id, WORK_TYPES)).workTypes.map((t: any) => t.code)).not.toContain('ESSAY');
  });
});
