import { AcademicYear, ClassGroup, Role, RoleGrant, SchoolEvent } from '../../entities';
import { buildClass, buildParent, buildStaff, buildStudent, buildWorld, enroll, type World } from '../support/factories';
import { TestServer } from '../support/server';
import { as, dataState, expectNotFoundLikeMissing, expectRefused, gid, ok, randomId } from './support';

// School and class events (004 §7.2–7.3; DOMAIN.md matrix row "school and class events"): the
// deputy heads write the school's, a class teacher their class's; everyone of the school reads
// them but HR; a student and their parents see the school's events and their own class's only.
// They show beside the timetable (schoolEvents) and in the diary (DiaryDay.events).

let server: TestServer;
let w: World;
let pastoral: Awaited<ReturnType<typeof buildStaff>>;
let otherDeputy: Awaited<ReturnType<typeof buildStaff>>;
let otherClass: ClassGroup;
let assembly: { id: string; version: number };
let trip5a: { id: string; version: number };
let meeting5b: { id: string; version: number };

const FIELDS = 'id title description place startsOn endsOn startsAt endsAt cancelled cancelReason version classGroup { name }';
const CREATE = `mutation($i: CreateSchoolEventInput!) { createSchoolEvent(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($i: UpdateSchoolEventInput!) { updateSchoolEvent(input: $i) { ${FIELDS} } }`;
const CANCEL = `mutation($i: CancelSchoolEventInput!) { cancelSchoolEvent(input: $i) { ${FIELDS} } }`;
const LIST = `query($c: ID, $s: ID, $from: Date!, $to: Date!) { schoolEvents(classGroupId: $c, schoolId: $s, from: $from, to: $to) { title classGroup { name } cancelled } }`;
const DIARY = `query($s: ID!, $from: Date!, $to: Date!) { diary(studentId: $s, from: $from, to: $to) { date lessons { lesson { id } } events { title startsAt classGroup { name } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on SchoolEvent { title } } }`;

const school = () => gid('School', w.school.id);
const cls = (c: ClassGroup) => gid('ClassGroup', c.id);
const range = { from: '2026-11-01', to: '2026-11-30' };
const titles = (r: any) => r.schoolEvents.map((e: any) => e.title).sort();

beforeAll(async () => {
  server = await TestServer.start();
  const em = server.em();
  w = await buildWorld(em);
  pastoral = await buildStaff(em, w.school, [Role.DEPUTY_PASTORAL]);
  otherDeputy = await buildStaff(em, w.otherSchool, [Role.DEPUTY_ACADEMIC]);
  otherClass = await buildClass(em, w.otherSchool, { grade: 5, letter: 'А' });
});
afterAll(async () => { await server.stop(); });

describe('writing events', () => {
  it('the deputy heads write the school\'s events, with an audit entry', async () => {
    const r = ok(await as(server, w.deputy.user.id, CREATE, { i: {
      title: '  Линейка ', startsOn: '2026-11-18', startsAt: '08:15', endsAt: '08:40', place: 'Актовый зал', description: 'Для всех классов',
    } })).createSchoolEvent;
    expect(r).toMatchObject({ title: 'Линейка', startsOn: '2026-11-18', endsOn: '2026-11-18', startsAt: '08:15', endsAt: '08:40', classGroup: null, cancelled: false });
    assembly = r;
    const byPastoral = ok(await as(server, pastoral.user.id, CREATE, { i: { schoolId: school(), title: 'День здоровья', startsOn: '2026-11-26', endsOn: '2026-11-27' } }));
    expect(byPastoral.createSchoolEvent.endsOn).toBe('2026-11-27');
    const [entry] = await server.em().getConnection().execute(`select action, actor_id, school_id from audit_entry where entity_id = ?`, [fromGid(r.id)]);
    expect(entry).toEqual({ action: 'school_event.create', actor_id: w.deputy.user.id, school_id: w.school.id });
  });

  it('nobody else writes a school event; another school\'s deputy is told it does not exist', async () => {
    const i = { schoolId: school(), title: 'Концерт', startsOn: '2026-11-19' };
    for (const user of [w.admin, w.director, w.teacher, w.classTeacher, w.secretary]) {
      await expectRefused(server, user.user.id, CREATE, { i }, 'FORBIDDEN');
    }
    for (const user of [w.hr.user.id, w.student.user!.id, w.parent.user.id]) await expectRefused(server, user, CREATE, { i }, 'FORBIDDEN');
    await expectNotFoundLikeMissing(server, otherDeputy.user.id, CREATE, { i }, { i: { ...i, schoolId: randomId('School') } });
  });

  it('a class teacher writes their own class\'s events, not another class\'s; the deputy heads any class\'s', async () => {
    trip5a = ok(await as(server, w.classTeacher.user.id, CREATE, { i: {
      classGroupId: cls(w.class5a), title: 'Экскурсия в музей', startsOn: '2026-11-19', startsAt: '14:00',
    } })).createSchoolEvent;
    expect(trip5a).toMatchObject({ classGroup: { name: '5А' }, startsAt: '14:00', endsAt: null });
    await expectRefused(server, w.classTeacher.user.id, CREATE, { i: { classGroupId: cls(w.class5b), title: 'Чужое', startsOn: '2026-11-19' } }, 'FORBIDDEN');
    await expectRefused(server, w.teacher.user.id, CREATE, { i: { classGroupId: cls(w.class5a), title: 'Не классный', startsOn: '2026-11-19' } }, 'FORBIDDEN');
    meeting5b = ok(await as(server, pastoral.user.id, CREATE, { i: { classGroupId: cls(w.class5b), title: 'Родительское собрание 5Б', startsOn: '2026-11-19', startsAt: '18:00' } })).createSchoolEvent;
    // A class of another school answers like a missing class, for a deputy and for a class teacher alike.
    for (const user of [w.deputy.user.id, w.classTeacher.user.id]) {
      await expectNotFoundLikeMissing(server, user, CREATE, { i: { classGroupId: cls(otherClass), title: 'x', startsOn: '2026-11-19' } },
        { i: { classGroupId: randomId('ClassGroup'), title: 'x', startsOn: '2026-11-19' } });
    }
  });

  it('refuses a bad shape, naming the field, and changes nothing', async () => {
    const base = { schoolId: school(), title: 'Событие', startsOn: '2026-11-19' };
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '   ' }, 'title'], [{ title: 'x'.repeat(201) }, 'title'], [{ endsOn: '2026-11-18' }, 'endsOn'],
      [{ startsAt: '25:00' }, 'startsAt'], [{ startsAt: '9:00' }, 'startsAt'], [{ startsAt: '10:00', endsAt: '09:00' }, 'endsAt'],
      [{ endsAt: '09:00' }, 'startsAt'], [{ startsOn: '2027-07-01' }, 'startsOn'], [{ startsOn: '2027-05-20', endsOn: '2027-06-15' }, 'startsOn'],
      [{ startsOn: '2026-11-19', endsOn: '2027-03-01' }, 'endsOn'], [{ place: 'x'.repeat(201) }, 'place'],
    ];
    for (const [extra, field] of cases) {
      const r = await expectRefused(server, w.deputy.user.id, CREATE, { i: { ...base, ...extra } }, 'BAD_USER_INPUT');
      expect(r.errors![0].extensions!.field).toBe(field);
    }
    const r = await as(server, w.deputy.user.id, CREATE, { i: { ...base, startsOn: '2026-02-30' } });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('changes an event with the version seen (CONFLICT when stale), audited; the class teacher only their class\'s', async () => {
    const moved = ok(await as(server, w.classTeacher.user.id, UPDATE, { i: {
      eventId: trip5a.id, expectedVersion: trip5a.version, startsOn: '2026-11-20', place: 'Краеведческий музей',
    } })).updateSchoolEvent;
    expect(moved).toMatchObject({ startsOn: '2026-11-20', endsOn: '2026-11-20', place: 'Краеведческий музей', startsAt: '14:00' });
    expect(moved.version).toBe(trip5a.version + 1);
    await expectRefused(server, w.classTeacher.user.id, UPDATE, { i: { eventId: trip5a.id, expectedVersion: trip5a.version, title: 'Старая версия' } }, 'CONFLICT');
    trip5a = moved;
    // The school's event and another class's are the deputies' to change.
    await expectRefused(server, w.classTeacher.user.id, UPDATE, { i: { eventId: assembly.id, expectedVersion: assembly.version, title: 'x' } }, 'FORBIDDEN');
    await expectRefused(server, w.classTeacher.user.id, UPDATE, { i: { eventId: meeting5b.id, expectedVersion: meeting5b.version, title: 'x' } }, 'FORBIDDEN');
    await expectRefused(server, w.deputy.user.id, UPDATE, { i: { eventId: assembly.id, expectedVersion: assembly.version, endsOn: '2026-11-17' } }, 'BAD_USER_INPUT');
    await expectNotFoundLikeMissing(server, otherDeputy.user.id, UPDATE, { i: { eventId: assembly.id, expectedVersion: assembly.version, title: 'x' } },
      { i: { eventId: randomId('SchoolEvent'), expectedVersion: 1, title: 'x' } });
    const [entry] = await server.em().getConnection().execute(`select before, after from audit_entry where entity_id = ? and action = 'school_event.update'`, [fromGid(trip5a.id)]);
    expect(entry.before).toMatchObject({ startsOn: '2026-11-19', place: null });
    expect(entry.after).toMatchObject({ startsOn: '2026-11-20', place: 'Краеведческий музей' });
  });

  it('cancels an event with a reason; it stays, marked, and cannot be changed or cancelled again', async () => {
    const reason = { eventId: meeting5b.id, expectedVersion: meeting5b.version };
    await expectRefused(server, pastoral.user.id, CANCEL, { i: { ...reason, reason: ' ' } }, 'BAD_USER_INPUT');
    const cancelled = ok(await as(server, w.deputy.user.id, CANCEL, { i: { ...reason, reason: 'Карантин' } })).cancelSchoolEvent;
    expect(cancelled).toMatchObject({ cancelled: true, cancelReason: 'Карантин' });
    await expectRefused(server, w.deputy.user.id, CANCEL, { i: { eventId: meeting5b.id, expectedVersion: cancelled.version, reason: 'ещё раз' } }, 'BAD_USER_INPUT');
    await expectRefused(server, w.deputy.user.id, UPDATE, { i: { eventId: meeting5b.id, expectedVersion: cancelled.version, title: 'x' } }, 'BAD_USER_INPUT');
    expect(await server.em().count(SchoolEvent, { id: fromGid(meeting5b.id), cancelledAt: { $ne: null } })).toBe(1);
  });

  it('a class teacher who no longer leads the class, or no longer holds the role, writes its events no more', async () => {
    const em = server.em();
    const former = await buildStaff(em, w.school, [Role.TEACHER]);
    const cls9 = await buildClass(em, w.school, { grade: 9, letter: 'Я', classTeacher: former.employee });
    const i = { classGroupId: cls(cls9), title: 'Классный час', startsOn: '2026-11-23' };
    const made = ok(await as(server, former.user.id, CREATE, { i })).createSchoolEvent;
    await em.nativeDelete(RoleGrant, { user: former.user.id, role: Role.TEACHER });
    // The role revoked: refused, and nothing changes.
    await expectRefused(server, former.user.id, UPDATE, { i: { eventId: made.id, expectedVersion: made.version, title: 'x' } }, 'FORBIDDEN');
    await em.nativeUpdate(ClassGroup, { id: cls9.id }, { classTeacher: null });
    await expectRefused(server, w.classTeacher.user.id, CREATE, { i }, 'FORBIDDEN');
  });

  it('a closed year\'s events are read-only', async () => {
    const em = server.em();
    const past = em.create(AcademicYear, { school: w.school, name: '2025/2026', startsOn: '2025-09-01', endsOn: '2026-05-26', state: 'CLOSED' as never });
    await em.flush();
    const r = await expectRefused(server, w.deputy.user.id, CREATE, { i: { schoolId: school(), title: 'Прошлое', startsOn: '2026-02-10' } }, 'FORBIDDEN');
    expect(r.errors![0].extensions!.reason).toBe('YEAR_CLOSED');
    await em.nativeDelete(AcademicYear, { id: past.id });
  });
});

describe('reading events', () => {
  it('the school\'s staff read every event of the school; HR and another school do not', async () => {
    for (const user of [w.admin, w.director, w.deputy, pastoral, w.teacher, w.secretary]) {
      const r = ok(await as(server, user.user.id, LIST, range));
      expect(titles(r)).toEqual(['День здоровья', 'Классный час', 'Линейка', 'Родительское собрание 5Б', 'Экскурсия в музей']);
    }
    expect((await as(server, w.hr.user.id, LIST, range)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await expectNotFoundLikeMissing(server, otherDeputy.user.id, LIST, { ...range, s: school() }, { ...range, s: randomId('School') });
  });

  it('a student and their parents see the school\'s events and their own class\'s, never another class\'s', async () => {
    for (const user of [w.student.user!.id, w.parent.user.id]) {
      const r = ok(await as(server, user, LIST, { ...range, c: cls(w.class5a) }));
      expect(titles(r)).toEqual(['День здоровья', 'Линейка', 'Экскурсия в музей']);
      await expectNotFoundLikeMissing(server, user, LIST, { ...range, c: cls(w.class5b) }, { ...range, c: randomId('ClassGroup') });
      // Not the school-wide list (every class's events), and not another class's event by id.
      expect((await as(server, user, LIST, range)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(ok(await as(server, user, NODE, { id: meeting5b.id })).node).toBeNull();
      expect(ok(await as(server, user, NODE, { id: trip5a.id })).node).toEqual({ id: trip5a.id, title: 'Экскурсия в музей' });
      expect(ok(await as(server, user, NODE, { id: assembly.id })).node.title).toBe('Линейка');
    }
    // The other family sees 5Б's (cancelled) meeting and not 5А's trip.
    const other = ok(await as(server, w.otherParent.user.id, LIST, { ...range, c: cls(w.class5b) }));
    expect(other.schoolEvents.map((e: any) => [e.title, e.cancelled])).toEqual([
      ['Линейка', false], ['Родительское собрание 5Б', true], ['День здоровья', false],
    ]);
    expect(ok(await as(server, w.otherParent.user.id, NODE, { id: trip5a.id })).node).toBeNull();
    expect(ok(await as(server, otherDeputy.user.id, NODE, { id: assembly.id })).node).toBeNull();
  });

  it('refuses a span longer than a year', async () => {
    const r = await as(server, w.deputy.user.id, LIST, { from: '2026-09-01', to: '2027-09-02' });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});

describe('events in the diary', () => {
  const week = { from: '2026-11-16', to: '2026-11-20' };
  const eventsByDay = (r: any) => Object.fromEntries(r.diary.filter((d: any) => d.events.length > 0).map((d: any) => [d.date, d.events.map((e: any) => e.title)]));

  it('shows the student\'s school and class events on their days, to the student, the parents and the class teacher', async () => {
    for (const user of [w.student.user!.id, w.parent.user.id, w.classTeacher.user.id]) {
      const r = ok(await as(server, user, DIARY, { s: gid('Student', w.student.student.id), ...week }));
      expect(eventsByDay(r)).toEqual({ '2026-11-18': ['Линейка'], '2026-11-20': ['Экскурсия в музей'] });
    }
    const other = ok(await as(server, w.otherParent.user.id, DIARY, { s: gid('Student', w.otherStudent.student.id), ...week }));
    expect(eventsByDay(other)).toEqual({ '2026-11-18': ['Линейка'], '2026-11-19': ['Родительское собрание 5Б'] });
  });

  it('a class event shows only on the days the student was in that class', async () => {
    const em = server.em();
    const mover = await buildStudent(em, w.class5b, { endsOn: '2026-11-18' });
    // 5Б to 18 November, 5А from the 19th.
    await enroll(em, mover.student, w.class5a, { startsOn: '2026-11-19' });
    const parent = await buildParent(em, w.school, [mover.student]);
    const r = ok(await as(server, parent.user.id, DIARY, { s: gid('Student', mover.student.id), ...week }));
    expect(eventsByDay(r)).toEqual({ '2026-11-18': ['Линейка'], '2026-11-20': ['Экскурсия в музей'] });
  });

  it('costs at most two statements more than the diary without events (the events, their classes), the same for 3 days and a month of them', async () => {
    const em = server.em();
    for (let d = 1; d <= 28; d += 1) {
      const day = `2026-10-${String(d).padStart(2, '0')}`;
      em.create(SchoolEvent, { school: w.school, year: await em.findOneOrFail(AcademicYear, { school: w.school }), classGroup: d % 2 ? w.class5a : undefined,
        title: `Событие ${d}`, startsOn: day, endsOn: day, createdBy: w.deputy.user, createdAt: new Date() });
    }
    await em.flush();
    const token = await server.token(w.parent.user.id);
    const count = async (query: string, vars: Record<string, unknown>) => {
      const a = await server.countStatements(() => server.gql(query, vars, token));
      const b = await server.countStatements(() => server.gql(query, vars, token));
      expect(a.result.errors).toBeUndefined();
      return Math.min(a.statements, b.statements);
    };
    const s = gid('Student', w.student.student.id);
    const plain = `query($s: ID!, $from: Date!, $to: Date!) { diary(studentId: $s, from: $from, to: $to) { date lessons { lesson { id } } } }`;
    const base = await count(plain, { s, from: '2026-10-01', to: '2026-10-31' });
    const withEventsDays = await count(DIARY, { s, from: '2026-10-01', to: '2026-10-03' });
    const withEventsMonth = await count(DIARY, { s, from: '2026-10-01', to: '2026-10-31' });
    expect(withEventsMonth).toBeLessThanOrEqual(base + 2);
    expect(withEventsMonth).toBe(withEventsDays);
    // A week whose lessons already brought the class: the events' one statement only.
    expect(await count(DIARY, { s, ...week })).toBe((await count(plain, { s, ...week })) + 1);
    const month = ok(await as(server, w.parent.user.id, DIARY, { s, from: '2026-10-01', to: '2026-10-31' }));
    expect(month.diary.flatMap((d: any) => d.events)).toHaveLength(28);
  });

  it('a refused diary read shows no events either (another family\'s child)', async () => {
    const before = await dataState(server);
    const r = await as(server, w.otherParent.user.id, DIARY, { s: gid('Student', w.student.student.id), ...week });
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(r.data ?? null).toBeNull();
    expect(await dataState(server)).toEqual(before);
  });
});

function fromGid(id: string): string {
  return Buffer.from(id, 'base64url').toString('utf8').split(':')[1];
}
