import type { EntityManager } from '@mikro-orm/postgresql';
import { publishDiaryEvents } from '../../domain/diary/diary-outbox';
import { Role, type Lesson, type Student } from '../../entities';
import { parseGlobalId, toGlobalId } from '../../schema/global-id';
import {
  buildAssignment, buildClass, buildLesson, buildParent, buildStaff, buildStudent, buildWorld, type World,
} from '../support/factories';
import { DIARY_EVENTS, LiveClient, settle, waitFor, type Stream } from '../support/live-client';
import { TestServer } from '../support/server';

/**
 * The live diary when things go wrong: clients that go away and come back, transactions
 * that commit out of id order, a LISTEN connection killed under the hub, an instance
 * stopped right after a commit, a burst of concurrent writes on two instances, shutdown.
 * Two real instances (a, b) on one real database; extra instances are started where a
 * test stops one. Every assertion is on the exact list of events, in order.
 */

let a: TestServer;
let b: TestServer;
let em: EntityManager;
let w: World;
const clients: LiveClient[] = [];

beforeAll(async () => {
  a = await TestServer.start();
  b = await TestServer.alongside(a);
  em = a.em();
  w = await buildWorld(em);
});
afterEach(async () => { await Promise.all(clients.splice(0).map((c) => c.close())); });
afterAll(async () => { await b.stop(); await a.stop(); });

// --- helpers -------------------------------------------------------------------------

const tokens = new Map<string, Promise<string>>();
/** One session per (instance, user): the same token for every call of a test. */
function tokenFor(server: TestServer, userId: string): Promise<string> {
  const key = `${server.url} ${userId}`;
  if (!tokens.has(key)) tokens.set(key, server.token(userId));
  return tokens.get(key)!;
}

async function connect(server: TestServer, userId: string): Promise<LiveClient> {
  const client = new LiveClient(server.wsUrl, await server.token(userId));
  clients.push(client);
  await client.ready();
  expect(client.closeCode).toBeNull();
  return client;
}

/** Subscribes and gives the server a moment to register the subscription with its hub. */
async function subscribe(client: LiveClient, vars: { studentId?: string; after?: string } = {}): Promise<Stream> {
  const stream = client.subscribe(DIARY_EVENTS, {
    ...(vars.studentId ? { studentId: toGlobalId('Student', vars.studentId) } : {}),
    ...(vars.after ? { after: vars.after } : {}),
  });
  await settle(250);
  return stream;
}

const RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id value } }`;
async function recordMark(
  server: TestServer, lesson: Lesson, studentId: string, value = '5', teacherUserId = w.teacher.user.id,
): Promise<{ id: string; value: string }> {
  const r = await server.gql(RECORD_MARK, {
    i: { lessonId: toGlobalId('Lesson', lesson.id), studentId: toGlobalId('Student', studentId), value, workTypeCode: 'ORAL' },
  }, await tokenFor(server, teacherUserId));
  expect(r.errors).toBeUndefined();
  return r.data!.recordMark;
}

function position(cursor: string): bigint {
  const match = /^diary:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new Error(`not a diary cursor: ${cursor}`);
  return BigInt(match[1]);
}

/** The mark ids of a stream's events, in the order they arrived (null for events without a mark). */
const markIds = (stream: Stream) => stream.events.map((e) => e.mark?.id ?? null);

function expectStrictlyIncreasing(stream: Stream): void {
  const positions = stream.events.map((e) => position(e.cursor));
  for (let i = 1; i < positions.length; i += 1) expect(positions[i] > positions[i - 1]).toBe(true);
}

async function newFamily(classGroup = w.class5a) {
  const child = (await buildStudent(em, classGroup)).student;
  const parent = await buildParent(em, w.school, [child]);
  return { child, parent: parent.user };
}

/** Reads until `ok` holds (or 8 s pass), and returns the last reading for the assertion. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const started = Date.now();
  let value = await read();
  while (!ok(value) && Date.now() - started < 8_000) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

/** The LISTEN connections of every hub on this test's database. */
async function listenerPids(): Promise<number[]> {
  const rows = await a.em().execute<{ pid: number }[]>(
    `select pid from pg_stat_activity where datname = current_database() and query ilike 'LISTEN%' order by pid`,
  );
  return rows.map((r) => Number(r.pid));
}

async function killListeners(): Promise<number[]> {
  const pids = await listenerPids();
  for (const pid of pids) await a.em().execute(`select pg_terminate_backend(?)`, [pid]);
  return pids;
}

// --- 1. resuming after a disconnect ----------------------------------------------------------

describe('a client that went away', () => {
  it('resumes from its last cursor on either instance: the missed events once each, in order, then live ones', async () => {
    const { child, parent } = await newFamily();

    const first = await connect(a, parent.id);
    const before = await subscribe(first);
    const m1 = await recordMark(b, w.lesson, child.id, '5');
    await waitFor(() => before.events.length === 1, 8_000, 'mark 1 on instance A');
    expect(markIds(before)).toEqual([m1.id]);
    const cursor1 = before.events[0].cursor as string;
    await first.close();

    // While the parent is away: two marks of their child and one of another family's child.
    const m2 = await recordMark(b, w.lesson, child.id, '4');
    const otherFamilys = await recordMark(b, w.lesson5b, w.otherStudent.student.id, '3');
    const m3 = await recordMark(a, w.lesson, child.id, '3');

    // Back on instance B (every student they may watch) and on instance A (this child only).
    const onB = await subscribe(await connect(b, parent.id), { after: cursor1 });
    const onA = await subscribe(await connect(a, parent.id), { studentId: child.id, after: cursor1 });
    await waitFor(() => onB.events.length >= 2 && onA.events.length >= 2, 8_000, 'the replay of marks 2 and 3');
    await settle();
    expect(markIds(onB)).toEqual([m2.id, m3.id]);
    expect(markIds(onA)).toEqual([m2.id, m3.id]);

    const m4 = await recordMark(b, w.lesson, child.id, '2');
    await waitFor(() => onB.events.length >= 3 && onA.events.length >= 3, 8_000, 'live mark 4');
    await settle();
    for (const stream of [onB, onA]) {
      expect(markIds(stream)).toEqual([m2.id, m3.id, m4.id]);
      expect(stream.events.map((e) => e.type)).toEqual(['MARK_ADDED', 'MARK_ADDED', 'MARK_ADDED']);
      expect(stream.events.every((e) => e.student.id === toGlobalId('Student', child.id))).toBe(true);
      expectStrictlyIncreasing(stream);
      expect(position(stream.events[0].cursor)).toBeGreaterThan(position(cursor1));
      expect(stream.errors).toEqual([]);
    }
    // The same event has the same cursor whichever instance delivered it.
    expect(onB.events.map((e) => e.cursor)).toEqual(onA.events.map((e) => e.cursor));
    expect(markIds(onB)).not.toContain(otherFamilys.id);

    // A batch about another family's child alone neither reaches the parent nor ends their child's stream.
    await recordMark(a, w.lesson5b, w.otherStudent.student.id, '5');
    await settle();
    const m5 = await recordMark(a, w.lesson, child.id, '5');
    await waitFor(() => onB.events.length >= 4 && onA.events.length >= 4, 8_000, 'mark 5');
    await settle();
    for (const stream of [onB, onA]) {
      expect(markIds(stream)).toEqual([m2.id, m3.id, m4.id, m5.id]);
      expect(stream.errors).toEqual([]);
    }
  });

  it('leaves nothing behind in the hubs when it goes, though no event came for it', async () => {
    await waitFor(() => a.app.services.hub.subscriberCount === 0 && b.app.services.hub.subscriberCount === 0, 8_000,
      'the subscriptions of earlier tests to end');
    const { child, parent } = await newFamily();
    const onA = await connect(a, parent.id);
    const onB = await connect(b, parent.id);
    await subscribe(onA);
    const one = await subscribe(onA, { studentId: child.id });
    await subscribe(onB, { studentId: child.id });
    expect([a.app.services.hub.subscriberCount, b.app.services.hub.subscriberCount]).toEqual([2, 1]);

    one.unsubscribe(); // graphql-ws "complete" for one operation
    await waitFor(() => a.app.services.hub.subscriberCount === 1, 8_000, 'the completed subscription to leave the hub');
    await onA.close(); // the socket goes
    await onB.close();
    await waitFor(() => a.app.services.hub.subscriberCount === 0 && b.app.services.hub.subscriberCount === 0, 8_000,
      'the closed sockets\' subscriptions to leave the hubs');
  });

  it('resuming from the newest event replays nothing and goes on with new events only', async () => {
    const { child, parent } = await newFamily();
    const first = await subscribe(await connect(a, parent.id));
    const m1 = await recordMark(a, w.lesson, child.id, '5');
    const m2 = await recordMark(b, w.lesson, child.id, '4');
    await waitFor(() => first.events.length >= 2, 8_000, 'marks 1 and 2');
    expect(markIds(first)).toEqual([m1.id, m2.id]);
    const newest = first.events[1].cursor as string;
    const [{ last }] = await a.em().execute<{ last: string }[]>(`select coalesce(max(position), 0)::text as last from diary_event`);
    expect(position(newest)).toBe(BigInt(last));
    first.unsubscribe();

    const onA = await subscribe(await connect(a, parent.id), { after: newest });
    const onB = await subscribe(await connect(b, parent.id), { studentId: child.id, after: newest });
    await settle();
    expect(onA.events).toEqual([]);
    expect(onB.events).toEqual([]);

    const m3 = await recordMark(b, w.lesson, child.id, '3');
    await waitFor(() => onA.events.length >= 1 && onB.events.length >= 1, 8_000, 'mark 3');
    await settle();
    expect(markIds(onA)).toEqual([m3.id]);
    expect(markIds(onB)).toEqual([m3.id]);
    expect(onA.errors).toEqual([]);
    expect(onB.errors).toEqual([]);
  });
});

/** The database id behind a Mark's global id (what the outbox stores). */
function fromMarkGlobalId(id: string): string {
  const parsed = parseGlobalId(id);
  if (parsed?.type !== 'Mark') throw new Error(`not a Mark id: ${id}`);
  return parsed.uuid;
}

// --- 2. transactions that commit out of id order -------------------------------------------------

describe('transactions that commit out of id order', () => {
  function deferred() {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => { resolve = r; });
    return { promise, resolve };
  }

  it('delivers in commit order: a slow transaction\'s lower-id event after the faster one, and to resuming clients too', async () => {
    const { child, parent } = await newFamily();
    const live = await subscribe(await connect(a, parent.id), { studentId: child.id });
    const liveOnB = await subscribe(await connect(b, parent.id));

    const inserted = deferred();
    const gate = deferred();
    const slow = b.em().transactional(async (tx) => {
      await tx.execute(
        `insert into diary_event (type, school_id, student_id, occurred_at) values ('MARK_ADDED', ?, ?, now())`,
        [w.school.id, child.id],
      );
      inserted.resolve();
      await gate.promise;
      await publishDiaryEvents(tx);
    });
    try {
      await inserted.promise;
      // Commits while the slow transaction is still open: it must not wait for it, and arrives first.
      const fast = await recordMark(a, w.lesson, child.id, '5');
      await waitFor(() => live.events.length >= 1 && liveOnB.events.length >= 1, 8_000, 'the fast mark');
      expect(markIds(live)).toEqual([fast.id]);
      const fastCursor = live.events[0].cursor as string;

      // A client resuming right after the fast event, while the slow one is still uncommitted.
      const resumed = await subscribe(await connect(b, parent.id), { studentId: child.id, after: fastCursor });

      gate.resolve();
      await slow;
      await waitFor(() => live.events.length >= 2 && liveOnB.events.length >= 2 && resumed.events.length >= 1, 8_000, 'the slow event');

      // Resuming after the fast event once the slow one has committed: the slow one, nothing else.
      const later = await subscribe(await connect(a, parent.id), { after: fastCursor });
      await waitFor(() => later.events.length >= 1, 8_000, 'the slow event replayed');
      await settle();

      const rows = await a.em().execute<{ id: string; position: string; mark_id: string | null }[]>(
        `select id::text, position::text, mark_id from diary_event where student_id = ? order by diary_event.id`, [child.id],
      );
      expect(rows).toHaveLength(2);
      const [slowRow, fastRow] = rows;
      expect(slowRow.mark_id).toBeNull(); // the slow row was inserted first: the lower id…
      expect(fastRow.mark_id).toBe(fromMarkGlobalId(fast.id));
      expect(BigInt(slowRow.position)).toBeGreaterThan(BigInt(fastRow.position)); // …but the later position
      const slowCursor = Buffer.from(`diary:${slowRow.position}`).toString('base64url');

      for (const stream of [live, liveOnB]) {
        expect(markIds(stream)).toEqual([fast.id, null]);
        expect(stream.events.map((e) => e.cursor)).toEqual([fastCursor, slowCursor]);
        expect(stream.events[1]).toMatchObject({ type: 'MARK_ADDED', mark: null, lesson: null, student: { id: toGlobalId('Student', child.id) } });
        expect(stream.errors).toEqual([]);
      }
      for (const stream of [resumed, later]) {
        expect(stream.events.map((e) => e.cursor)).toEqual([slowCursor]);
        expect(stream.errors).toEqual([]);
      }
    } finally {
      gate.resolve();
      await slow.catch(() => undefined);
    }
  });

  it('a transaction that has stamped its events holds back later writers until it commits, so positions follow commits', async () => {
    const { child, parent } = await newFamily();
    const live = await subscribe(await connect(b, parent.id), { studentId: child.id });

    const stamped = deferred();
    const gate = deferred();
    const slow = a.em().transactional(async (tx) => {
      await tx.execute(
        `insert into diary_event (type, school_id, student_id, occurred_at) values ('MARK_ADDED', ?, ?, now())`,
        [w.school.id, child.id],
      );
      await publishDiaryEvents(tx);
      stamped.resolve();
      await gate.promise;
    });
    try {
      await stamped.promise;
      let fastDone = false;
      const fastWrite = recordMark(b, w.lesson, child.id, '4').then((m) => { fastDone = true; return m; });
      await settle();
      expect(fastDone).toBe(false); // waits for the stamping lock
      expect(live.events).toEqual([]); // nothing of the open transaction is visible

      gate.resolve();
      await slow;
      const fast = await fastWrite;
      await waitFor(() => live.events.length >= 2, 8_000, 'both events');
      await settle();
      expect(markIds(live)).toEqual([null, fast.id]);
      expectStrictlyIncreasing(live);
      expect(live.errors).toEqual([]);
    } finally {
      gate.resolve();
      await slow.catch(() => undefined);
    }
  });
});

// --- 3. a killed LISTEN connection -----------------------------------------------------------------

describe('a LISTEN connection killed under the hub', () => {
  it('reconnects; marks written afterwards all arrive, once each', async () => {
    const { child, parent } = await newFamily();
    const onA = await subscribe(await connect(a, parent.id), { studentId: child.id });
    const onB = await subscribe(await connect(b, parent.id));

    const killed = await killListeners();
    expect(killed.length).toBeGreaterThanOrEqual(2); // one per instance
    const now = await eventually(listenerPids, (pids) => pids.length >= killed.length && pids.every((pid) => !killed.includes(pid)));
    expect(now.length).toBe(killed.length);
    expect(now.filter((pid) => killed.includes(pid))).toEqual([]);

    const written = [];
    for (const [i, server] of [a, b, a, b].entries()) written.push(await recordMark(server, w.lesson, child.id, String(5 - i)));
    await waitFor(() => onA.events.length >= 4 && onB.events.length >= 4, 8_000, 'the four marks');
    await settle();
    for (const stream of [onA, onB]) {
      expect(markIds(stream)).toEqual(written.map((m) => m.id));
      expectStrictlyIncreasing(stream);
      expect(stream.errors).toEqual([]);
    }
  });

  it('a mark committed while the listener is down arrives after the reconnect (catch-up), and so do later ones', async () => {
    const { child, parent } = await newFamily();
    const onA = await subscribe(await connect(a, parent.id), { studentId: child.id });
    const onB = await subscribe(await connect(b, parent.id), { studentId: child.id });

    // The NOTIFY of this commit reaches no hub: both listeners are gone.
    await killListeners();
    const whileDown = await recordMark(b, w.lesson, child.id, '5');
    await waitFor(() => onA.events.length >= 1 && onB.events.length >= 1, 8_000, 'the mark written while the listener was down');

    // Killed again right away (during or just after the reconnect), with a write in between.
    await killListeners();
    const second = await recordMark(a, w.lesson, child.id, '4');
    await killListeners();
    const third = await recordMark(b, w.lesson, child.id, '3');
    await waitFor(() => onA.events.length >= 3 && onB.events.length >= 3, 8_000, 'the marks written across repeated kills');

    // And the live path works again afterwards.
    const after = await recordMark(a, w.lesson, child.id, '2');
    await waitFor(() => onA.events.length >= 4 && onB.events.length >= 4, 8_000, 'a mark after the reconnect');
    await settle();
    for (const stream of [onA, onB]) {
      expect(markIds(stream)).toEqual([whileDown.id, second.id, third.id, after.id]);
      expectStrictlyIncreasing(stream);
      expect(stream.errors).toEqual([]);
    }
    expect((await listenerPids()).length).toBeGreaterThanOrEqual(2);
  });
});

// --- 4. an instance stopped right after a commit ----------------------------------------------------

describe('an instance stopped right after a commit', () => {
  it('loses nothing: the client resumes on the other instance with its last cursor and gets every committed event once', async () => {
    const { child, parent } = await newFamily();
    const doomed = await TestServer.alongside(a);
    let stopped = false;
    try {
      const client = await connect(doomed, parent.id);
      const onDoomed = await subscribe(client, { studentId: child.id });
      const watcherOnB = await subscribe(await connect(b, parent.id), { studentId: child.id });

      const m1 = await recordMark(doomed, w.lesson, child.id, '5');
      await waitFor(() => onDoomed.events.length >= 1, 8_000, 'mark 1 on the doomed instance');
      // Written through the doomed instance, committed, and the instance stops at once.
      const m2 = await recordMark(doomed, w.lesson, child.id, '4');
      const m3 = await recordMark(b, w.lesson, child.id, '3');
      await doomed.stop();
      stopped = true;
      expect(client.closeCode).toBe(1001);
      const seen = [...onDoomed.events];
      expect(seen.length).toBeGreaterThanOrEqual(1);

      // Meanwhile, more is written; the client comes back on instance B from the last event it saw.
      const m4 = await recordMark(a, w.lesson, child.id, '2');
      const resumed = await subscribe(await connect(b, parent.id), { studentId: child.id, after: seen[seen.length - 1].cursor });
      const m5 = await recordMark(b, w.lesson, child.id, '5');
      const all = () => [...seen, ...resumed.events];
      await waitFor(() => all().length >= 5, 8_000, 'every mark after the resume');
      await waitFor(() => watcherOnB.events.length >= 5, 8_000, 'every mark on the untouched instance');
      await settle();

      const expected = [m1.id, m2.id, m3.id, m4.id, m5.id];
      expect(all().map((e) => e.mark?.id)).toEqual(expected);
      expect(markIds(watcherOnB)).toEqual(expected);
      expect(all().map((e) => e.cursor)).toEqual(watcherOnB.events.map((e) => e.cursor));
      expect(resumed.errors).toEqual([]);
    } finally {
      if (!stopped) await doomed.stop();
    }
  });
});

// --- 5. a burst of concurrent writes on two instances ---------------------------------------------------

describe('a burst of concurrent writes', () => {
  /** A class of 8 students, its class teacher, a math teacher with 5 held lessons, a parent of the first student. */
  async function buildClassForBurst() {
    const classTeacher = await buildStaff(em, w.school, [Role.TEACHER]);
    const teacher = await buildStaff(em, w.school, [Role.TEACHER]);
    const classGroup = await buildClass(em, w.school, { grade: 6, classTeacher: classTeacher.employee });
    await buildAssignment(em, teacher.employee, classGroup, w.math);
    const students: Student[] = [];
    for (let i = 0; i < 8; i += 1) students.push((await buildStudent(em, classGroup)).student);
    const parent = (await buildParent(em, w.school, [students[0]])).user;
    const lessons: Lesson[] = [];
    for (const [date, number] of [['2026-11-20', 1], ['2026-11-20', 2], ['2026-11-20', 3], ['2026-11-20', 4], ['2026-11-18', 2]] as const) {
      lessons.push(await buildLesson(em, { classGroup, subject: w.math, teacher: teacher.employee, date, number }));
    }
    // Tokens first, so the writes themselves start together.
    await tokenFor(a, teacher.user.id);
    await tokenFor(b, teacher.user.id);
    const jobs = lessons.flatMap((lesson) => students.map((student) => ({ lesson, student })));
    expect(jobs).toHaveLength(40);
    /** 40 marks at once, every other one through each instance. */
    const burst = () => Promise.all(jobs.map(({ lesson, student }, i) =>
      recordMark(i % 2 === 0 ? a : b, lesson, student.id, String((i % 5) + 1), teacher.user.id)));
    return { classTeacher: classTeacher.user, students, parent, jobs, burst };
  }

  it('reaches the class teacher (40 events) and a parent (their child\'s) exactly once each, in strictly increasing position order', async () => {
    const { classTeacher, students, parent, jobs, burst } = await buildClassForBurst();
    const ct = await subscribe(await connect(a, classTeacher.id));
    const ctForOneChild = await subscribe(await connect(b, classTeacher.id), { studentId: students[3].id });
    const par = await subscribe(await connect(b, parent.id));

    const marks = await burst();
    const byStudent = (id: string) => marks.filter((_, i) => jobs[i].student.id === id).map((m) => m.id);

    await waitFor(() => ct.events.length >= 40, 8_000, '40 events for the class teacher');
    await waitFor(() => par.events.length >= 5 && ctForOneChild.events.length >= 5, 8_000, 'the parent\'s 5 events');
    await settle(800);

    expect(ct.events).toHaveLength(40);
    expect(new Set(markIds(ct))).toEqual(new Set(marks.map((m) => m.id)));
    expect(ct.events.every((e) => e.type === 'MARK_ADDED')).toBe(true);
    expectStrictlyIncreasing(ct);
    // Commit order as the database stamped it.
    const stamped = await a.em().execute<{ mark_id: string }[]>(
      `select mark_id from diary_event where student_id = any(?::uuid[]) order by position`, [`{${students.map((s) => s.id).join(',')}}`],
    );
    expect(markIds(ct).map((id) => fromMarkGlobalId(id!))).toEqual(stamped.map((r) => r.mark_id));

    expect(par.events).toHaveLength(5);
    expect(new Set(markIds(par))).toEqual(new Set(byStudent(students[0].id)));
    expectStrictlyIncreasing(par);
    expect(ctForOneChild.events).toHaveLength(5);
    expect(new Set(markIds(ctForOneChild))).toEqual(new Set(byStudent(students[3].id)));
    // Each stream is the class teacher's stream filtered: the same order, the same cursors.
    expect(par.events.map((e) => e.cursor)).toEqual(ct.events.filter((e) => e.student.id === toGlobalId('Student', students[0].id)).map((e) => e.cursor));
    for (const stream of [ct, par, ctForOneChild]) expect(stream.errors).toEqual([]);

    // Resuming from the middle on the other instance gives exactly the rest, in the same order.
    const resumed = await subscribe(await connect(b, classTeacher.id), { after: ct.events[19].cursor });
    await waitFor(() => resumed.events.length >= 20, 8_000, 'the second half replayed');
    await settle();
    expect(resumed.events.map((e) => e.cursor)).toEqual(ct.events.slice(20).map((e) => e.cursor));
  });

  it('clients that subscribe while the burst is being delivered get all of it, once each, and keep their streams', async () => {
    const { classTeacher, burst } = await buildClassForBurst();
    const ct = await subscribe(await connect(a, classTeacher.id));
    const [{ last }] = await a.em().execute<{ last: string }[]>(`select coalesce(max(position), 0)::text as last from diary_event`);
    const fromHere = Buffer.from(`diary:${last}`).toString('base64url');

    // Sockets open (each its own session) before the burst; their subscriptions start during it.
    const late = await Promise.all(Array.from({ length: 12 }, (_, i) => connect(i % 2 === 0 ? a : b, classTeacher.id)));
    const writing = burst();
    const streams: Stream[] = [];
    for (const [i, client] of late.entries()) {
      streams.push(client.subscribe(DIARY_EVENTS, i % 3 === 0 ? {} : { after: fromHere }));
      await new Promise((r) => setTimeout(r, 15));
    }
    const marks = await writing;
    await waitFor(() => ct.events.length >= 40, 8_000, 'the burst on the first stream');
    const replaying = streams.filter((_, i) => i % 3 !== 0);
    await waitFor(() => replaying.every((s) => s.events.length >= 40 || s.errors.length > 0), 8_000, 'the burst on every resuming stream');
    await settle(800);

    expect(new Set(markIds(ct))).toEqual(new Set(marks.map((m) => m.id)));
    for (const [i, stream] of streams.entries()) {
      expect({ i, errors: stream.errors, closeCode: late[i].closeCode }).toEqual({ i, errors: [], closeCode: null });
      expectStrictlyIncreasing(stream);
      if (i % 3 === 0) {
        // Live from whenever it started: a tail of the burst, the same cursors as the first stream's.
        const cursors = stream.events.map((e) => e.cursor);
        expect(cursors).toEqual(ct.events.slice(40 - cursors.length).map((e) => e.cursor));
      } else {
        expect(stream.events.map((e) => e.cursor)).toEqual(ct.events.map((e) => e.cursor));
      }
    }
  });
});

// --- 5b. a subscription that starts while a batch is being dispatched ------------------------------

describe('a subscription that starts while the hub is dispatching a batch', () => {
  it('is not taken for an ended session: it gets that batch and keeps its stream', async () => {
    await waitFor(() => a.app.services.hub.subscriberCount === 0 && b.app.services.hub.subscriberCount === 0, 8_000,
      'the subscriptions of earlier tests to end');
    const { child, parent } = await newFamily();
    const [{ last }] = await a.em().execute<{ last: string }[]>(`select coalesce(max(position), 0)::text as last from diary_event`);
    const cursorBefore = Buffer.from(`diary:${last}`).toString('base64url');
    // Sockets (each its own session) open before anything is held up.
    const sockets = await Promise.all([connect(a, parent.id), connect(a, parent.id), connect(b, parent.id), connect(b, parent.id)]);
    // One stream on each instance already running, so the hubs dispatch the event to somebody.
    const early = [await subscribe(await connect(a, parent.id)), await subscribe(await connect(b, parent.id))];
    const subscribersBefore = [a.app.services.hub.subscriberCount, b.app.services.hub.subscriberCount];

    // Hold up the hubs' authorization query (it reads enrollment; signing in and subscribing do not).
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((r) => { locked = r; });
    const released = new Promise<void>((r) => { release = r; });
    const locker = a.em().transactional(async (tx) => {
      await tx.execute(`lock table enrollment in access exclusive mode`);
      locked();
      await released;
    });
    let streams: Stream[] = [];
    try {
      await isLocked;
      await b.em().transactional(async (tx) => {
        await tx.execute(
          `insert into diary_event (type, school_id, student_id, occurred_at) values ('MARK_ADDED', ?, ?, now())`,
          [w.school.id, child.id],
        );
        await publishDiaryEvents(tx);
      });
      // Both hubs are now in the middle of dispatching that event, waiting on the lock.
      const waiting = await eventually(async () => (await b.em().execute<{ n: number }[]>(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query ilike '%enrollment%'`,
      ))[0].n, (n) => n >= 2);
      expect(waiting).toBeGreaterThanOrEqual(2);

      streams = sockets.map((socket, i) => socket.subscribe(DIARY_EVENTS, i % 2 === 0 ? {} : { after: cursorBefore }));
      await waitFor(() => a.app.services.hub.subscriberCount === subscribersBefore[0] + 2
        && b.app.services.hub.subscriberCount === subscribersBefore[1] + 2, 8_000, 'the subscriptions to reach the hubs');
    } finally {
      release();
      await locker;
    }

    await waitFor(() => streams.every((s) => s.events.length >= 1 || s.errors.length > 0), 8_000, 'the held-up event');
    const m = await recordMark(a, w.lesson, child.id, '4');
    await waitFor(() => streams.every((s) => s.events.length >= 2 || s.errors.length > 0), 8_000, 'a later mark');
    await settle();
    for (const [i, stream] of streams.entries()) {
      expect({ i, errors: stream.errors, closeCode: sockets[i].closeCode }).toEqual({ i, errors: [], closeCode: null });
      expect(markIds(stream)).toEqual([null, m.id]);
      expect(stream.events[0]).toMatchObject({ type: 'MARK_ADDED', student: { id: toGlobalId('Student', child.id) } });
    }
    for (const stream of early) {
      expect(stream.errors).toEqual([]);
      expect(markIds(stream)).toEqual([null, m.id]);
    }
  });
});

// --- 6. shutdown -------------------------------------------------------------------------------

describe('shutdown', () => {
  it('closes connected sockets with 1001 and stops the hub; the other instances go on', async () => {
    const { child, parent } = await newFamily();
    const closing = await TestServer.alongside(a);
    let appClosed = false;
    try {
      const listenersBefore = (await listenerPids()).length;
      const client = await connect(closing, parent.id);
      const stream = await subscribe(client, { studentId: child.id });
      const onA = await subscribe(await connect(a, parent.id), { studentId: child.id });
      expect(closing.app.services.hub.subscriberCount).toBe(1);

      const started = Date.now();
      await closing.app.close();
      appClosed = true;
      expect(Date.now() - started).toBeLessThan(5_000); // a connected client does not hold the shutdown up
      await waitFor(() => client.closeCode !== null, 8_000, 'the socket to close');
      expect(client.closeCode).toBe(1001);
      expect(closing.app.services.hub.subscriberCount).toBe(0);
      // Its LISTEN connection is gone; the other instances' stay.
      const listenersAfter = await eventually(async () => (await listenerPids()).length, (n) => n === listenersBefore - 1);
      expect(listenersAfter).toBe(listenersBefore - 1);

      const m = await recordMark(b, w.lesson, child.id, '5');
      await waitFor(() => onA.events.length >= 1, 8_000, 'the mark on instance A');
      await settle();
      expect(markIds(onA)).toEqual([m.id]);
      expect(onA.errors).toEqual([]);
      expect(stream.events).toEqual([]);
    } finally {
      if (!appClosed) await closing.app.close();
      await closing.orm.close(true);
    }
  });
});
