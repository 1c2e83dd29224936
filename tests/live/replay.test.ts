import { AcademicYear, AcademicYearState, type Lesson } from '../../entities';
import { encodeDiaryCursor } from '../../resolvers/diary/diary-events.resolver';
import { toGlobalId } from '../../schema/global-id';
import { buildLesson, buildParent, buildWorld, transfer, type World } from '../support/factories';
import { DIARY_EVENTS, LiveClient, settle, waitFor, type Stream } from '../support/live-client';
import { TEST_NOW, TestServer } from '../support/server';

// Resuming the live diary (`after`): what a viewer replays is bounded to their own students,
// read through the (student_id, position) index, reaching back no further than their tie
// to the student, in batches read as the client takes them, and not at all once it is gone.

let server: TestServer;
let w: World;
let x: World;
const clients: LiveClient[] = [];

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
  x = await buildWorld(server.em()); // another school
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  server.clock.set(TEST_NOW);
});
afterAll(async () => { await server.stop(); });

const gid = toGlobalId;
const sql = <T = any>(query: string, params: unknown[] = []) => server.em().getConnection().execute<T[]>(query, params);

async function connect(userId: string): Promise<LiveClient> {
  const client = new LiveClient(server.wsUrl, await server.token(userId));
  clients.push(client);
  await client.ready();
  expect(client.closeCode).toBeNull();
  return client;
}

/** A cursor before every event written from now on. */
async function cursorNow(): Promise<string> {
  const [{ last }] = await sql<{ last: string }>(`select coalesce(max(position), 0)::text as last from diary_event`);
  return encodeDiaryCursor(BigInt(last));
}

/** Waits until the hub has read every committed event, so a resume replays them (rather than getting them live). */
async function hubCaughtUp(): Promise<void> {
  const [{ last }] = await sql<{ last: string }>(`select coalesce(max(position), 0)::text as last from diary_event`);
  await waitFor(() => server.app.services.hub.lastPosition >= BigInt(last), 8_000, 'the hub to read the outbox');
}

const RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id } }`;
async function recordMark(world: World, lesson: Lesson, studentId: string, teacherUserId = world.teacher.user.id): Promise<string> {
  const r = await server.gql(RECORD_MARK, {
    i: { lessonId: gid('Lesson', lesson.id), studentId: gid('Student', studentId), value: '4', workTypeCode: 'ORAL' },
  }, await server.token(teacherUserId));
  expect(r.errors).toBeUndefined();
  return r.data!.recordMark.id;
}

/** `count` lesson-record events of one student, stamped like committed ones (a long history, quickly). */
async function history(world: World, studentId: string, count: number): Promise<void> {
  await sql(
    `insert into diary_event (type, school_id, student_id, lesson_id, occurred_at, position)
     select 'LESSON_RECORD_SET', ?, ?, ?, ?, nextval('diary_event_position_seq') from generate_series(1, ?)`,
    [world.school.id, studentId, world.lesson.id, server.clock.now(), count],
  );
  await sql(`analyze diary_event`);
  await sql(`select pg_notify('diary_events', '')`);
}

/** Rows of diary_event a statement reads (kept or filtered out), by running it again under EXPLAIN ANALYZE. */
async function outboxRowsRead(statement: string): Promise<number> {
  const [row] = await sql<{ 'QUERY PLAN': any[] }>(`explain (analyze, format json) ${statement}`);
  let rows = 0;
  const walk = (node: any) => {
    if (node['Relation Name'] === 'diary_event') {
      rows += (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) * node['Actual Loops'];
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(row['QUERY PLAN'][0].Plan);
  return rows;
}

/** Statements reading a range of the outbox (a replay's; the hub's live reads have no upper bound). */
const REPLAY_READ = /from diary_event[\s\S]*position <= /;

const markIds = (stream: Stream) => stream.events.filter((e) => e.mark).map((e) => e.mark.id);

describe('bounded to the viewer\'s own students', () => {
  it('a parent resuming without studentId replays their children\'s events only, reading no other family\'s or school\'s rows', async () => {
    const em = server.em();
    const parent = await buildParent(em, w.school, [w.student.student, w.classmate.student]);
    const before = await cursorNow();
    const own = [await recordMark(w, w.lesson, w.student.student.id), await recordMark(w, w.lesson, w.classmate.student.id)];
    await recordMark(w, w.lesson5b, w.otherStudent.student.id); // another family of the school
    await recordMark(x, x.lesson, x.student.student.id); // another school
    await history(x, x.student.student.id, 2_000); // and its long history
    await hubCaughtUp();

    const reads = server.recordStatements(REPLAY_READ);
    const stream = (await connect(parent.user.id)).subscribe(DIARY_EVENTS, { after: before });
    await waitFor(() => stream.events.length >= 2, 5_000, 'the children\'s marks');
    await settle();
    reads.stop();

    expect(markIds(stream)).toEqual(own);
    expect(stream.events.map((e) => e.student.id)).toEqual([gid('Student', w.student.student.id), gid('Student', w.classmate.student.id)]);
    expect(stream.errors).toEqual([]);
    // What the server read to answer: the two children's rows, nothing of the 2 002 others'.
    expect(reads.statements.length).toBeGreaterThan(0);
    let read = 0;
    for (const statement of reads.statements) read += await outboxRowsRead(statement);
    expect(read).toBe(2);
  });
});

describe('reaching back no further than the tie', () => {
  it('a guardian linked today replays nothing from before the link; a parent linked in September replays both', async () => {
    const v = await buildWorld(server.em());
    const before = await cursorNow();
    const earlier = await recordMark(v, v.lesson, v.student.student.id);
    server.clock.set('2026-11-20T12:30:00+03:00');
    const newcomer = await buildParent(server.em(), v.school, [v.student.student], { linkedAt: server.clock.now() });
    server.clock.set('2026-11-20T12:45:00+03:00');
    const later = await recordMark(v, v.lesson, v.student.student.id);
    await hubCaughtUp();

    const fresh = (await connect(newcomer.user.id)).subscribe(DIARY_EVENTS, { after: before });
    const explicit = (await connect(newcomer.user.id)).subscribe(DIARY_EVENTS, { after: before, studentId: gid('Student', v.student.student.id) });
    const longtime = (await connect(v.parent.user.id)).subscribe(DIARY_EVENTS, { after: before });
    await waitFor(() => fresh.events.length >= 1 && explicit.events.length >= 1 && longtime.events.length >= 2, 5_000, 'the replays');
    await settle();
    expect(markIds(fresh)).toEqual([later]);
    expect(markIds(explicit)).toEqual([later]);
    expect(markIds(longtime)).toEqual([earlier, later]);
    for (const s of [fresh, explicit, longtime]) expect(s.errors).toEqual([]);
  });

  it('a class teacher replays a transferred student\'s events from the day they joined the class, not from the class before', async () => {
    const v = await buildWorld(server.em());
    const em = server.em();
    const moving = v.otherStudent.student; // in 5Б, which has no class teacher
    const lesson5bYesterday = await buildLesson(em, { classGroup: v.class5b, subject: v.math, teacher: v.teacher.employee, date: '2026-11-19' });
    const before = await cursorNow();
    server.clock.set('2026-11-19T12:00:00+03:00');
    const in5b = await recordMark(v, lesson5bYesterday, moving.id);
    await transfer(em, moving, v.class5b, v.class5a, { effectiveOn: '2026-11-20' });
    server.clock.set(TEST_NOW);
    const in5a = await recordMark(v, v.lesson, moving.id);
    await hubCaughtUp();

    const classTeacher = (await connect(v.classTeacher.user.id)).subscribe(DIARY_EVENTS, { after: before });
    const parent = (await connect(v.otherParent.user.id)).subscribe(DIARY_EVENTS, { after: before });
    await waitFor(() => classTeacher.events.length >= 1 && parent.events.length >= 2, 5_000, 'the replays');
    await settle();
    expect(markIds(classTeacher)).toEqual([in5a]);
    expect(markIds(parent)).toEqual([in5b, in5a]);
  });

  it('a student replays their current academic year only: once the next year has begun, last year\'s events are not replayed', async () => {
    const v = await buildWorld(server.em());
    const before = await cursorNow();
    const mark = await recordMark(v, v.lesson, v.student.student.id);
    await hubCaughtUp();
    const thisYear = (await connect(v.student.user!.id)).subscribe(DIARY_EVENTS, { after: before });
    await waitFor(() => thisYear.events.length >= 1, 5_000, 'the replay within the year');
    expect(markIds(thisYear)).toEqual([mark]);

    const em = server.em();
    em.create(AcademicYear, { school: v.school, name: '2027/2028', startsOn: '2027-09-01', endsOn: '2028-05-26', state: AcademicYearState.PLANNING });
    await em.flush();
    server.clock.set('2027-09-02T12:00:00+03:00');
    const nextYear = (await connect(v.student.user!.id)).subscribe(DIARY_EVENTS, { after: before });
    // The class teacher's tie (the enrollment, still open) is not the student's: they still replay it.
    const classTeacher = (await connect(v.classTeacher.user.id)).subscribe(DIARY_EVENTS, { after: before });
    await waitFor(() => classTeacher.events.length >= 1, 5_000, 'the class teacher\'s replay');
    await settle();
    expect(nextYear.events).toEqual([]);
    expect(nextYear.errors).toEqual([]);
    expect(markIds(classTeacher)).toEqual([mark]);
  });
});

describe('a replay the client leaves', () => {
  it('closing the socket mid-replay stops the reading: a long history is not read to its end', async () => {
    const v = await buildWorld(server.em());
    const before = await cursorNow();
    await history(v, v.student.student.id, 10_000); // twenty batches of 500
    await hubCaughtUp();

    const reads = server.recordStatements(REPLAY_READ);
    const client = await connect(v.parent.user.id);
    const stream = client.subscribe(DIARY_EVENTS, { after: before });
    await waitFor(() => stream.events.length >= 1, 8_000, 'the first replayed event');
    await client.close();
    await waitFor(() => server.app.services.hub.subscriberCount === 0, 5_000, 'the subscription to leave the hub');
    const whenGone = reads.statements.length;
    await settle(1_000);
    reads.stop();

    expect(stream.events.length).toBeLessThan(10_000);
    // Batches are read as the client takes them, so only the few it took before it went; none after
    // (but the one perhaps starting as the socket closed).
    expect(reads.statements.length).toBeGreaterThanOrEqual(1);
    expect(reads.statements.length).toBeLessThan(20);
    expect(reads.statements.length - whenGone).toBeLessThanOrEqual(1);
  });
});
