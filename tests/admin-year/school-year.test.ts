import { AcademicYear, AcademicYearState, Holiday, MovedWorkingDay, Role, StudyPeriod } from '../../entities';
import { buildSchool, buildStaff, buildWorld, currentYear, type World } from '../support/factories';
import { TestServer, errorCode } from '../support/server';
import { as, expectNotFoundLikeMissing, expectRefused, gid, ok, randomId } from './support';

// The school year (issue 4 part 4): ADMIN writes, every member of the school reads the calendar.

let server: TestServer;
let w: World;
let year: AcademicYear;

beforeAll(async () => {
  server = await TestServer.start();
  const em = server.em();
  w = await buildWorld(em);
  year = await currentYear(em, w.school);
});
afterAll(async () => { await server.stop(); });

const CREATE = `mutation($i: CreateAcademicYearInput!) { createAcademicYear(input: $i) { id name state version startsOn endsOn } }`;
const UPDATE = `mutation($i: UpdateAcademicYearInput!) { updateAcademicYear(input: $i) { id name version } }`;
const STATE = `mutation($i: SetAcademicYearStateInput!) { setAcademicYearState(input: $i) { id state closedAt version } }`;
const PERIODS = `mutation($i: SetStudyPeriodsInput!) { setStudyPeriods(input: $i) { id version studyPeriods { name kind ordinal startsOn endsOn } } }`;
const HOLIDAY = `mutation($i: SaveHolidayInput!) { saveHoliday(input: $i) { id name startsOn endsOn version } }`;
const DELETE_HOLIDAY = `mutation($i: DeleteInput!) { deleteHoliday(input: $i) { id version holidays { name } } }`;
const MOVED = `mutation($i: SaveMovedWorkingDayInput!) { saveMovedWorkingDay(input: $i) { id workDate dayOffDate note version } }`;
const CALENDAR = `{ academicYears { id name state version holidays { id name } movedWorkingDays { workDate dayOffDate } studyPeriods { name kind } } }`;

async function yearVersion(id: string): Promise<number> {
  return (await server.em().findOneOrFail(AcademicYear, id)).version;
}

const newYear = { name: '2027/2028', startsOn: '2027-09-01', endsOn: '2028-05-26' };

describe('creating and editing a year', () => {
  it('lets the ADMIN create a PLANNING year in their school, with an audit entry', async () => {
    const r = ok(await as(server, w.admin.user.id, CREATE, { i: newYear }));
    expect(r.createAcademicYear).toMatchObject({ ...newYear, state: 'PLANNING', version: 1 });
    const audit = await server.em().getConnection().execute(`select action from audit_entry where action = 'year.create'`);
    expect(audit).toHaveLength(1);
  });

  it.each(['director', 'deputy', 'teacher', 'secretary', 'hr'] as const)('refuses %s (FORBIDDEN), changing nothing', async (who) => {
    await expectRefused(server, w[who].user.id, CREATE, { i: { ...newYear, name: '2030/2031', startsOn: '2030-09-01', endsOn: '2031-05-26' } }, 'FORBIDDEN');
  });

  it('refuses students, parents and anonymous callers', async () => {
    const i = { ...newYear, name: '2030/2031', startsOn: '2030-09-01', endsOn: '2031-05-26' };
    await expectRefused(server, w.student.user!.id, CREATE, { i }, 'FORBIDDEN');
    await expectRefused(server, w.parent.user.id, CREATE, { i }, 'FORBIDDEN');
    await expectRefused(server, null, CREATE, { i }, 'UNAUTHENTICATED');
  });

  it('takes the school by id when given; another school answers like a missing one', async () => {
    const i = { ...newYear, name: '2031/2032', startsOn: '2031-09-01', endsOn: '2032-05-26' };
    await expectNotFoundLikeMissing(server, w.admin.user.id, CREATE, { i: { ...i, schoolId: gid('School', w.otherSchool.id) } }, { i: { ...i, schoolId: randomId('School') } });
    const bad = await expectRefused(server, w.admin.user.id, CREATE, { i: { ...i, schoolId: 'nonsense' } }, 'BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.field).toBe('schoolId');
  });

  it('names the bad field: overlapping years, a duplicate name, dates the wrong way round', async () => {
    const overlap = await expectRefused(server, w.admin.user.id, CREATE, { i: { name: 'X', startsOn: '2027-05-01', endsOn: '2027-12-01' } }, 'BAD_USER_INPUT');
    expect(overlap.errors![0].extensions!.field).toBe('startsOn');
    const dup = await expectRefused(server, w.admin.user.id, CREATE, { i: { ...newYear, startsOn: '2031-09-01', endsOn: '2032-05-01' } }, 'BAD_USER_INPUT');
    expect(dup.errors![0].extensions!.field).toBe('name');
    const reversed = await expectRefused(server, w.admin.user.id, CREATE, { i: { name: 'Y', startsOn: '2032-09-01', endsOn: '2032-05-01' } }, 'BAD_USER_INPUT');
    expect(reversed.errors![0].extensions!.field).toBe('endsOn');
  });

  it('renames a year with the version it saw; a stale version is CONFLICT and changes nothing', async () => {
    const planned = await server.em().findOneOrFail(AcademicYear, { school: w.school, name: newYear.name });
    const r = ok(await as(server, w.admin.user.id, UPDATE, { i: { yearId: gid('AcademicYear', planned.id), expectedVersion: planned.version, name: '2027-2028' } }));
    expect(r.updateAcademicYear).toMatchObject({ name: '2027-2028', version: planned.version + 1 });
    await expectRefused(server, w.admin.user.id, UPDATE, { i: { yearId: gid('AcademicYear', planned.id), expectedVersion: planned.version, name: 'stale' } }, 'CONFLICT');
  });

  it('answers another school\'s admin exactly like a missing year', async () => {
    await expectNotFoundLikeMissing(server, w.otherAdmin.user.id, UPDATE,
      { i: { yearId: gid('AcademicYear', year.id), expectedVersion: year.version, name: 'mine' } },
      { i: { yearId: randomId('AcademicYear'), expectedVersion: year.version, name: 'mine' } });
  });
});

describe('study periods, holidays and moved working days', () => {
  let planned: AcademicYear;
  beforeAll(async () => {
    planned = await server.em().findOneOrFail(AcademicYear, { school: w.school, startsOn: newYear.startsOn });
  });

  const trimesters = [
    { name: '1 триместр', startsOn: '2027-09-01', endsOn: '2027-11-30' },
    { name: '2 триместр', startsOn: '2027-12-06', endsOn: '2028-02-28' },
    { name: '3 триместр', startsOn: '2028-03-06', endsOn: '2028-05-26' },
  ];

  it('sets trimesters from the first day to the last; the year\'s version moves', async () => {
    const version = await yearVersion(planned.id);
    const r = ok(await as(server, w.admin.user.id, PERIODS, { i: { yearId: gid('AcademicYear', planned.id), expectedVersion: version, kind: 'TRIMESTER', periods: trimesters } }));
    expect(r.setStudyPeriods.studyPeriods.map((p: any) => [p.ordinal, p.kind, p.startsOn])).toEqual([
      [1, 'TRIMESTER', '2027-09-01'], [2, 'TRIMESTER', '2027-12-06'], [3, 'TRIMESTER', '2028-03-06'],
    ]);
    expect(r.setStudyPeriods.version).toBe(version + 1);
  });

  it.each([
    ['overlapping periods', [trimesters[0], { ...trimesters[1], startsOn: '2027-11-30' }, trimesters[2]], 'periods.1.startsOn'],
    ['a gap before the first', [{ ...trimesters[0], startsOn: '2027-09-02' }, trimesters[1], trimesters[2]], 'periods.0.startsOn'],
    ['the last ending early', [trimesters[0], trimesters[1], { ...trimesters[2], endsOn: '2028-05-20' }], 'periods.2.endsOn'],
    ['two trimesters', [trimesters[0], trimesters[1]], 'periods'],
    ['an empty name', [{ ...trimesters[0], name: ' ' }, trimesters[1], trimesters[2]], 'periods.0.name'],
  ])('refuses %s, naming the field', async (_what, periods, field) => {
    const i = { yearId: gid('AcademicYear', planned.id), expectedVersion: await yearVersion(planned.id), kind: 'TRIMESTER', periods };
    const r = await expectRefused(server, w.admin.user.id, PERIODS, { i }, 'BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe(field);
  });

  it('refuses a stale year version (CONFLICT)', async () => {
    const i = { yearId: gid('AcademicYear', planned.id), expectedVersion: (await yearVersion(planned.id)) - 1, kind: 'TRIMESTER', periods: trimesters };
    await expectRefused(server, w.admin.user.id, PERIODS, { i }, 'CONFLICT');
  });

  it('adds, changes and deletes a holiday; a stale holiday version is CONFLICT', async () => {
    const added = ok(await as(server, w.admin.user.id, HOLIDAY, { i: { yearId: gid('AcademicYear', planned.id), name: 'Осенние каникулы', startsOn: '2027-10-25', endsOn: '2027-11-02' } }));
    const id = added.saveHoliday.id;
    const changed = ok(await as(server, w.admin.user.id, HOLIDAY, { i: { holidayId: id, expectedVersion: 1, name: 'Осенние каникулы', startsOn: '2027-10-25', endsOn: '2027-11-03' } }));
    expect(changed.saveHoliday).toMatchObject({ endsOn: '2027-11-03', version: 2 });
    await expectRefused(server, w.admin.user.id, HOLIDAY, { i: { holidayId: id, expectedVersion: 1, name: 'x', startsOn: '2027-10-25', endsOn: '2027-11-03' } }, 'CONFLICT');
    const outside = await expectRefused(server, w.admin.user.id, HOLIDAY, { i: { yearId: gid('AcademicYear', planned.id), name: 'x', startsOn: '2028-06-01', endsOn: '2028-06-02' } }, 'BAD_USER_INPUT');
    expect(outside.errors![0].extensions!.field).toBe('startsOn');
    await expectRefused(server, w.director.user.id, DELETE_HOLIDAY, { i: { id, expectedVersion: 2 } }, 'FORBIDDEN');
    ok(await as(server, w.admin.user.id, DELETE_HOLIDAY, { i: { id, expectedVersion: 2 } }));
    expect(await server.em().count(Holiday, { year: planned.id })).toBe(0);
  });

  it('records a moved working day, refusing a date moved twice', async () => {
    const r = ok(await as(server, w.admin.user.id, MOVED, { i: { yearId: gid('AcademicYear', planned.id), workDate: '2027-11-06', dayOffDate: '2027-11-05', note: 'перенос' } }));
    expect(r.saveMovedWorkingDay).toMatchObject({ workDate: '2027-11-06', dayOffDate: '2027-11-05', version: 1 });
    const twice = await expectRefused(server, w.admin.user.id, MOVED, { i: { yearId: gid('AcademicYear', planned.id), workDate: '2027-11-13', dayOffDate: '2027-11-05' } }, 'BAD_USER_INPUT');
    expect(twice.errors![0].extensions!.field).toBe('dayOffDate');
    await expectRefused(server, w.deputy.user.id, MOVED, { i: { yearId: gid('AcademicYear', planned.id), workDate: '2027-11-20', dayOffDate: '2027-11-19' } }, 'FORBIDDEN');
    expect(await server.em().count(MovedWorkingDay, { year: planned.id })).toBe(1);
  });

  it('shows the calendar to students and parents of the school, not to another school', async () => {
    for (const user of [w.student.user!.id, w.parent.user.id, w.teacher.user.id, w.hr.user.id]) {
      const years = ok(await as(server, user, CALENDAR)).academicYears;
      const next = years.find((y: any) => y.id === gid('AcademicYear', planned.id));
      expect(next.movedWorkingDays).toEqual([{ workDate: '2027-11-06', dayOffDate: '2027-11-05' }]);
      expect(next.studyPeriods.map((p: any) => p.kind)).toEqual(['TRIMESTER', 'TRIMESTER', 'TRIMESTER']);
    }
    const foreign = ok(await as(server, w.otherAdmin.user.id, CALENDAR)).academicYears;
    expect(foreign.map((y: any) => y.id)).not.toContain(gid('AcademicYear', planned.id));
  });
});

describe('PLANNING → ACTIVE → CLOSED', () => {
  it('keeps one ACTIVE year per school and only moves forward', async () => {
    const planned = await server.em().findOneOrFail(AcademicYear, { school: w.school, startsOn: newYear.startsOn });
    const id = gid('AcademicYear', planned.id);
    const v = await yearVersion(planned.id);
    const twoActive = await expectRefused(server, w.admin.user.id, STATE, { i: { yearId: id, expectedVersion: v, state: 'ACTIVE' } }, 'CONFLICT');
    expect(twoActive.errors![0].message).toContain('2026/2027');
    const backwards = await expectRefused(server, w.admin.user.id, STATE, { i: { yearId: gid('AcademicYear', year.id), expectedVersion: await yearVersion(year.id), state: 'PLANNING' } }, 'BAD_USER_INPUT');
    expect(backwards.errors![0].extensions!.field).toBe('state');
    const skip = await expectRefused(server, w.admin.user.id, STATE, { i: { yearId: id, expectedVersion: v, state: 'CLOSED' } }, 'BAD_USER_INPUT');
    expect(skip.errors![0].extensions!.field).toBe('state');
    await expectRefused(server, w.director.user.id, STATE, { i: { yearId: id, expectedVersion: v, state: 'ACTIVE' } }, 'FORBIDDEN');
  });

  it('closes a year (closedAt on the server clock) and then refuses every calendar edit of it', async () => {
    // A school of its own, so closing its year leaves the other tests' year alone.
    const em = server.em();
    const school = await buildSchool(em);
    const admin = await buildStaff(em, school, [Role.ADMIN]);
    const y = await currentYear(em, school);
    const closed = ok(await as(server, admin.user.id, STATE, { i: { yearId: gid('AcademicYear', y.id), expectedVersion: y.version, state: 'CLOSED' } }));
    expect(closed.setAcademicYearState).toMatchObject({ state: 'CLOSED', closedAt: server.clock.now().toISOString() });
    const v = await yearVersion(y.id);
    const r = await expectRefused(server, admin.user.id, HOLIDAY, { i: { yearId: gid('AcademicYear', y.id), name: 'x', startsOn: '2026-12-01', endsOn: '2026-12-02' } }, 'FORBIDDEN');
    expect(r.errors![0].extensions!.reason).toBe('YEAR_CLOSED');
    const periods = await em.find(StudyPeriod, { year: y }, { orderBy: { ordinal: 'asc' } });
    const again = await expectRefused(server, admin.user.id, PERIODS, {
      i: { yearId: gid('AcademicYear', y.id), expectedVersion: v, kind: 'QUARTER', periods: periods.map((p) => ({ name: p.name, startsOn: p.startsOn, endsOn: p.endsOn })) },
    }, 'FORBIDDEN');
    expect(again.errors![0].extensions!.reason).toBe('YEAR_CLOSED');
    expect((await server.em().findOneOrFail(AcademicYear, y.id)).state).toBe(AcademicYearState.CLOSED);
    expect(errorCode(await as(server, admin.user.id, STATE, { i: { yearId: gid('AcademicYear', y.id), expectedVersion: v, state: 'ACTIVE' } }))).toBe('BAD_USER_INPUT');
  });
});

describe('reading the calendar', () => {
  it('costs the same statements for one year as for several (periods, holidays, moved days batched per kind)', async () => {
    const statementsFor = async () => {
      // The fewest of two runs: the live-diary hub's periodic sweep may land in one.
      const runs = [await server.countStatements(() => as(server, w.otherAdmin.user.id, CALENDAR)), await server.countStatements(() => as(server, w.otherAdmin.user.id, CALENDAR))];
      for (const r of runs) expect(r.result.errors).toBeUndefined();
      return { years: runs[0].result.data!.academicYears.length as number, statements: Math.min(...runs.map((r) => r.statements)) };
    };
    const one = await statementsFor();
    const em = server.em();
    for (const [name, startsOn, endsOn] of [['2033/2034', '2033-09-01', '2034-05-26'], ['2034/2035', '2034-09-01', '2035-05-26']]) {
      const y = em.create(AcademicYear, { school: w.otherSchool, name, startsOn, endsOn, state: AcademicYearState.PLANNING });
      em.create(StudyPeriod, { year: y, name: 'I', kind: 'QUARTER' as never, ordinal: 1, startsOn, endsOn: startsOn });
      em.create(Holiday, { year: y, name: 'Осенние', startsOn, endsOn: startsOn });
    }
    await em.flush();
    const three = await statementsFor();
    expect(three.years).toBe(one.years + 2);
    expect(three.statements).toBe(one.statements);
  });
});
