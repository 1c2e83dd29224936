import { randomBytes, randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { createApp, type RunningApp } from '../../server/app';
import { ManualClock } from '../../lib/clock';
import { ormConfig } from '../../server/orm';
import { toGlobalId } from '../../schema/global-id';
import { buildWorld, type World } from '../support/factories';
import { DIARY_EVENTS, LiveClient, waitFor } from '../support/live-client';
import { TEST_NOW, type GraphQLResponse } from '../support/server';
import { createTestDatabase } from '../support/database';

// Database faults while serving: killed backends, statement and pool timeouts, a database
// restart. The server stays up, fails the affected requests with SERVICE_UNAVAILABLE (no
// internals), and recovers by itself; shutdown drains in-flight requests.

const RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id } }`;

interface Served { orm: MikroORM; app: RunningApp; url: string; world: World; token: string; clock: ManualClock }

interface ServeOptions { statementTimeoutMs?: number; acquireTimeoutMs?: number; poolMax?: number; shutdownGraceMs?: number }

async function serve(databaseUrl: string, { shutdownGraceMs, ...database }: ServeOptions = {}): Promise<Served> {
  const orm = await MikroORM.init(ormConfig({ databaseUrl, poolMax: database.poolMax ?? 4, ...database }));
  await orm.getMigrator().up();
  const clock = new ManualClock(new Date(TEST_NOW));
  const app = await createApp({
    orm, clock, config: { jwtSecret: 'faults-test', accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600, production: false, shutdownGraceMs },
  });
  const port = await app.listen(0);
  const world = await buildWorld(orm.em.fork());
  const served: Served = { orm, app, url: `http://127.0.0.1:${port}`, world, token: '', clock };
  served.token = await app.services.signer.sign(world.teacher.user.id, await sessionFor(served, world.teacher.user.id), clock.now());
  return served;
}

async function stop(s: Served) {
  await s.app.close();
  await s.orm.close(true);
}

async function gql(s: Served, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; body: GraphQLResponse }> {
  const res = await fetch(`${s.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` }, body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLResponse };
}

const health = async (s: Served) => (await fetch(`${s.url}/health`)).status;
const markInput = (s: Served, comment: string) => ({
  lessonId: toGlobalId('Lesson', s.world.lesson.id), studentId: toGlobalId('Student', s.world.student.student.id), value: '5', workTypeCode: 'ORAL', comment,
});
const marksWith = async (s: Served, comment: string) =>
  Number((await s.orm.em.fork().getConnection().execute(`select count(*) as n from mark where comment = ?`, [comment]))[0].n);

/** A clean refusal: SERVICE_UNAVAILABLE and nothing about the database's insides. */
function expectUnavailable(body: GraphQLResponse) {
  expect(body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  expect(JSON.stringify(body)).not.toMatch(/stack|select |insert |mark_version|audit_entry|knex|pg_|ECONN|terminat/i);
}

async function admin(url: string) {
  const client = new Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  return client;
}

describe('on the shared test server', () => {
  let db: { url: string; drop(): Promise<void> };
  beforeAll(async () => { db = await createTestDatabase(); });
  afterAll(async () => { await db.drop(); });

  it('killed backends (pg_terminate_backend): the server stays up and serves on', async () => {
    const s = await serve(db.url);
    const killer = await admin(db.url);
    try {
      expect((await gql(s, `{ me { user { id } } }`)).body.errors).toBeUndefined();
      await killer.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
      // Every answer now is either served or a clean SERVICE_UNAVAILABLE; it serves again at once.
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push((await gql(s, `{ me { user { id } } }`)).body);
      for (const a of answers) if (a.errors) expectUnavailable(a);
      expect(answers.at(-1)!.errors).toBeUndefined();
      expect(await health(s)).toBe(200);
    } finally {
      await killer.end();
      await stop(s);
    }
  });

  it('a backend killed in the middle of a write: SERVICE_UNAVAILABLE, nothing half-written', async () => {
    const s = await serve(db.url);
    const blocker = await admin(db.url);
    const killer = await admin(db.url);
    try {
      // Hold the lesson row, so the write waits inside its transaction (it locks the lesson).
      await blocker.query('begin');
      await blocker.query(`select 1 from lesson where id = $1 for update`, [s.world.lesson.id]);
      const write = gql(s, `mutation($a: RecordAttendanceInput!) { recordAttendance(input: $a) { id } }`, {
        a: { lessonId: toGlobalId('Lesson', s.world.lesson.id), studentId: toGlobalId('Student', s.world.classmate.student.id), kind: 'ABSENT' },
      });
      let waiting: { pid: number }[] = [];
      const started = Date.now();
      while (!waiting.length && Date.now() - started < 5_000) {
        ({ rows: waiting } = await killer.query(`select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`));
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(waiting).toHaveLength(1);
      await killer.query(`select pg_terminate_backend($1)`, [waiting[0].pid]);
      const { body } = await write;
      expectUnavailable(body);
      await blocker.query('rollback');
      const [{ n }] = (await killer.query(`select count(*)::int as n from attendance where student_id = $1`, [s.world.classmate.student.id])).rows;
      expect(n).toBe(0);
      expect((await killer.query(`select count(*)::int as n from diary_event where student_id = $1`, [s.world.classmate.student.id])).rows[0].n).toBe(0);
      expect(await health(s)).toBe(200);
    } finally {
      await blocker.end();
      await killer.end();
      await stop(s);
    }
  });

  it('statement timeout: a write stuck on a lock is cancelled cleanly and leaves nothing', async () => {
    const s = await serve(db.url, { statementTimeoutMs: 500 });
    const blocker = await admin(db.url);
    try {
      await blocker.query('begin');
      await blocker.query(`select 1 from lesson where id = $1 for update`, [s.world.lesson.id]);
      const started = Date.now();
      const { body } = await gql(s, `mutation($a: RecordAttendanceInput!) { recordAttendance(input: $a) { id } }`, {
        a: { lessonId: toGlobalId('Lesson', s.world.lesson.id), studentId: toGlobalId('Student', s.world.student.student.id), kind: 'LATE' },
      });
      expect(Date.now() - started).toBeLessThan(5_000);
      expectUnavailable(body);
      await blocker.query('rollback');
      expect((await blocker.query(`select count(*)::int as n from attendance where student_id = $1`, [s.world.student.student.id])).rows[0].n).toBe(0);
    } finally {
      await blocker.end();
      await stop(s);
    }
  });

  it('pool acquire timeout: with every connection busy, a request fails after the timeout instead of waiting for ever', async () => {
    const s = await serve(db.url, { poolMax: 1, acquireTimeoutMs: 400 });
    const blocker = await admin(db.url);
    try {
      await blocker.query('begin');
      await blocker.query(`select 1 from lesson where id = $1 for update`, [s.world.lesson.id]);
      // Takes the only pooled connection and waits on the lock.
      const stuck = gql(s, RECORD_MARK, { i: markInput(s, 'pool-stuck') });
      await new Promise((r) => setTimeout(r, 200));
      const started = Date.now();
      const { body } = await gql(s, `{ me { user { id } } }`);
      expect(Date.now() - started).toBeLessThan(3_000);
      expectUnavailable(body);
      await blocker.query('rollback');
      expect((await stuck).body.errors).toBeUndefined();
      expect((await gql(s, `{ me { user { id } } }`)).body.errors).toBeUndefined();
    } finally {
      await blocker.end();
      await stop(s);
    }
  });

  it('shutdown drains: the writes accepted are answered and committed before the pool closes; later requests get 503', async () => {
    const s = await serve(db.url, { shutdownGraceMs: 15_000 });
    const blocker = await admin(db.url);
    const watcher = await admin(db.url);
    const WRITES = 3;
    let stopping: Promise<void> | undefined;
    try {
      // Hold the lesson row: each write is accepted and then waits inside its transaction.
      await blocker.query('begin');
      await blocker.query(`select 1 from lesson where id = $1 for update`, [s.world.lesson.id]);
      const writes = Array.from({ length: WRITES }, (_, i) => gql(s, RECORD_MARK, { i: markInput(s, `drained-${i}`) }));
      // Asked on a connection of its own: inside the blocker's transaction pg_stat_activity stays as first read.
      const lockWaiters = async () => (await watcher.query(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)).rows[0].n as number;
      for (const started = Date.now(); await lockWaiters() < WRITES && Date.now() - started < 5_000;) await new Promise((r) => setTimeout(r, 50));
      expect(await lockWaiters()).toBe(WRITES);

      // The stop as server/main.ts runs it at SIGTERM: the app, then the pool.
      const stopStarted = Date.now();
      stopping = (async () => { await s.app.close(); await s.orm.close(true); })();
      await new Promise((r) => setTimeout(r, 100));
      const late = await fetch(`${s.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
        body: JSON.stringify({ query: RECORD_MARK, variables: { i: markInput(s, 'late') } }),
      }).then(async (res) => ({ status: res.status, connection: res.headers.get('connection'), body: (await res.json()) as GraphQLResponse }),
        (error: unknown) => ({ status: 0, connection: null, body: { errors: [{ message: String(error) }] } as GraphQLResponse }));
      const lateHealth = await fetch(`${s.url}/health`).then((res) => res.status, () => 0);
      const lateSocket = new LiveClient(`${s.url.replace('http', 'ws')}/graphql`, s.token);
      await lateSocket.ready();

      // Held past 5 s: the drain has no fixed cut-off of its own below SHUTDOWN_GRACE_MS (Apollo's drain plugin cut at 5 s).
      await new Promise((r) => setTimeout(r, Math.max(0, 5_500 - (Date.now() - stopStarted))));
      await blocker.query('rollback');
      for (const { status, body } of await Promise.all(writes)) {
        expect(body.errors).toBeUndefined();
        expect(status).toBe(200);
        expect(body.data!.recordMark.id).toEqual(expect.any(String));
      }
      await stopping;
      const committed = await blocker.query(`select count(*)::int as n from mark where comment like 'drained-%'`);
      expect(committed.rows[0].n).toBe(WRITES);

      // What arrived after the stop began: a clean refusal, not run.
      expect(late).toMatchObject({ status: 503, connection: 'close' });
      expect(late.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(lateHealth).toBe(503);
      // A socket's upgrade is refused too (503), so the client never sees an acknowledged socket close at once.
      expect(lateSocket.closeCode).not.toBeNull();
      await lateSocket.close();
      expect((await blocker.query(`select count(*)::int as n from mark where comment = 'late'`)).rows[0].n).toBe(0);
      // And once stopped, nothing listens.
      await expect(fetch(`${s.url}/health`)).rejects.toThrow();
    } finally {
      await blocker.query('rollback').catch(() => undefined);
      await blocker.end();
      await watcher.end();
      if (!stopping) await stop(s);
      else await stopping.catch(() => undefined);
    }
  }, 30_000);
});

describe('a database restart while serving', () => {
  let pg: RestartablePostgres;
  let url: string;

  beforeAll(async () => {
    pg = await RestartablePostgres.start();
    url = pg.url;
  });
  afterAll(async () => { await pg.quit(); });

  it('the server stays up, answers SERVICE_UNAVAILABLE and a 503 health, then recovers by itself, live diary included', async () => {
    const s = await serve(url, { acquireTimeoutMs: 1_000 });
    const client = new LiveClient(`${s.url.replace('http', 'ws')}/graphql`, await s.app.services.signer.sign(
      s.world.parent.user.id, await sessionFor(s, s.world.parent.user.id), s.clock.now()));
    try {
      await client.ready();
      const stream = client.subscribe(DIARY_EVENTS);
      expect(await health(s)).toBe(200);
      expect((await gql(s, RECORD_MARK, { i: markInput(s, 'before') })).body.errors).toBeUndefined();
      await waitFor(() => stream.events.length === 1, 5_000, 'the first event');

      await pg.stop();
      expect(await health(s)).toBe(503);
      const during = [await gql(s, `{ me { user { id } } }`), await gql(s, RECORD_MARK, { i: markInput(s, 'during') })];
      for (const { body } of during) expectUnavailable(body);

      await pg.start();
      const started = Date.now();
      while (await health(s) !== 200) {
        if (Date.now() - started > 15_000) throw new Error('no recovery within 15 s');
        await new Promise((r) => setTimeout(r, 200));
      }
      let after = await gql(s, RECORD_MARK, { i: markInput(s, 'after') });
      // The first request after the restart may still meet one dead pooled connection.
      if (after.body.errors) { expectUnavailable(after.body); after = await gql(s, RECORD_MARK, { i: markInput(s, 'after') }); }
      expect(after.body.errors).toBeUndefined();
      expect(await marksWith(s, 'during')).toBe(0);
      expect(await marksWith(s, 'after')).toBe(1);
      // The diary hub listened again and caught up: the new mark reaches the parent's socket, which stayed open.
      await waitFor(() => stream.events.length === 2, 10_000, 'the event after the restart');
      expect(client.closeCode).toBeNull();
    } finally {
      await client.close();
      await stop(s);
    }
  });
});

/** A live session of the user (a refresh-token family), for signing access tokens without a login. */
async function sessionFor(s: Served, userId: string): Promise<string> {
  const sessionId = randomUUID();
  await s.orm.em.getConnection().execute(
    `insert into refresh_token (id, user_id, token_hash, family_id, created_at, expires_at) values (?, ?, ?, ?, ?, ?)`,
    [randomUUID(), userId, randomBytes(32).toString('hex'), sessionId, s.clock.now(), new Date(s.clock.now().getTime() + 3600_000)],
  );
  return sessionId;
}

/** tests/support/restartable-postgres.mjs in a child process: a database to stop and start. */
class RestartablePostgres {
  private constructor(private readonly child: ChildProcess, private readonly lines: AsyncIterator<string>, readonly url: string) {}

  static async start(): Promise<RestartablePostgres> {
    const child = spawn(process.execPath, [path.join(__dirname, '../support/restartable-postgres.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const first = (await lines.next()).value as string;
    if (!first?.startsWith('ready ')) throw new Error(`the database did not start: ${first}`);
    return new RestartablePostgres(child, lines, first.slice('ready '.length));
  }

  private async command(line: 'stop' | 'start', answer: string): Promise<void> {
    this.child.stdin!.write(`${line}\n`);
    const reply = (await this.lines.next()).value;
    if (reply !== answer) throw new Error(`expected "${answer}", got "${reply}"`);
  }

  stop() { return this.command('stop', 'stopped'); }
  start() { return this.command('start', 'started'); }

  async quit(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin!.write('quit\n');
    await exited;
  }
}
