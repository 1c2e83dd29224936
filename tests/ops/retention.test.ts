import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { OUTBOX_WATERMARK_KEY } from '../../domain/diary/diary-outbox';
import {
  DEFAULT_RETENTION, RETENTION_LOCK_KEY, pruneExclusively, pruneExpired, type PruneSettings,
} from '../../domain/ops/retention';
import type { Lesson } from '../../entities';
import { encodeDiaryCursor } from '../../resolvers/diary/diary-events.resolver';
import { IDEMPOTENCY_TTL_HOURS } from '../../server/idempotency';
import { DEFAULT_RETENTION_INTERVAL_SECONDS, loadConfig } from '../../server/config';
import { toGlobalId } from '../../schema/global-id';
import { buildWorld, type World } from '../support/factories';
import { DIARY_EVENTS, LiveClient, settle, waitFor, type Stream } from '../support/live-client';
import { TEST_NOW, TestServer } from '../support/server';

// Retention (domain/ops/retention.ts): the outbox pruned after its period, never above what a live
// instance has read; a cursor below the watermark refused with CURSOR_EXPIRED (never silence);
// idempotency records, login counters and ended sessions pruned; bounded batches; one instance at a
// time; the journal never touched.

let server: TestServer;
let w: World;
const clients: LiveClient[] = [];

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  server.clock.set(TEST_NOW);
});
afterAll(async () => { await server.stop(); });

const gid = toGlobalId;
const DAY = 24 * 3600_000;
const HOUR = 3600_000;
const sql = <T = any>(query: string, params: unknown[] = []) => server.em().getConnection().execute<T[]>(query, params);
const settings = (overrides: Partial<PruneSettings> = {}): PruneSettings => ({
  ...DEFAULT_RETENTION, idempotencyTtlHours: IDEMPOTENCY_TTL_HOURS, batchSize: 100, ...overrides,
});
const prune = (overrides: Partial<PruneSettings> = {}) => pruneExpired(server.em(), server.clock.now(), settings(overrides));
const ago = (ms: number) => new Date(server.clock.now().getTime() - ms);

async function watermark(): Promise<bigint> {
  const [row] = await sql<{ value: string }>(`select value from app_setting where key = ?`, [OUTBOX_WATERMARK_KEY]);
  return BigInt(row.value);
}

/** The newest position of the outbox (after a prune that emptied it, the watermark). */
async function lastPosition(): Promise<bigint> {
  const [{ last }] = await sql<{ last: string }>(
    `select greatest(coalesce(max(position), 0), (select value::bigint from app_setting where key = ?))::text as last from diary_event`,
    [OUTBOX_WATERMARK_KEY],
  );
  return BigInt(last);
}

/** `count` stamped events of the student, as committed at `at` (a long history, quickly); answers their positions' range. */
async function history(studentId: string, count: number, at: Date): Promise<{ first: bigint; last: bigint }> {
  const rows = await sql<{ position: string }>(
    `insert into diary_event (type, school_id, student_id, lesson_id, occurred_at, position)
     select 'LESSON_RECORD_SET', ?, ?, ?, ?, nextval('diary_event_position_seq') from generate_series(1, ?) returning position::text`,
    [w.school.id, studentId, w.lesson.id, at, count],
  );
  await sql(`select pg_notify('diary_events', '')`);
  const positions = rows.map((r) => BigInt(r.position)).sort((a, b) => (a < b ? -1 : 1));
  return { first: positions[0], last: positions[positions.length - 1] };
}

/** The hub has read every committed event and recorded so (the prune's floor). */
async function hubCaughtUp(): Promise<void> {
  const last = await lastPosition();
  await waitFor(() => server.app.services.hub.lastPosition >= last, 8_000, 'the hub to read the outbox');
  await server.app.services.hub.reportPosition();
}

async function connect(userId: string): Promise<LiveClient> {
  const client = new LiveClient(server.wsUrl, await server.token(userId));
  clients.push(client);
  await client.ready();
  expect(client.closeCode).toBeNull();
  return client;
}

const codes = (stream: Stream): string[] => stream.errors.flatMap((e) => (Array.isArray(e) ? e : [e]))
  .map((e: any) => e?.extensions?.code ?? 'unknown');
const messages = (stream: Stream): string[] => stream.errors.flatMap((e) => (Array.isArray(e) ? e : [e])).map((e: any) => e?.message ?? '');

const RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id } }`;
async function recordMark(lesson: Lesson, studentId: string): Promise<string> {
  const r = await server.gql(RECORD_MARK, {
    i: { lessonId: gid('Lesson', lesson.id), studentId: gid('Student', studentId), value: '4', workTypeCode: 'ORAL' },
  }, await server.token(w.teacher.user.id));
  expect(r.errors).toBeUndefined();
  return r.data!.recordMark.id;
}

describe('the diary outbox', () => {
  it('prunes events older than the period in bounded batches, keeps the newer ones, and moves the watermark to the last pruned', async () => {
    const old = await history(w.student.student.id, 250, ago(40 * DAY));
    const recent = await history(w.student.student.id, 5, ago(2 * DAY));
    await hubCaughtUp();

    const deletes = server.recordStatements(/delete from diary_event/);
    const report = await prune();
    deletes.stop();

    expect(report.outbox.deleted).toBeGreaterThanOrEqual(250);
    expect(report.outbox.largestBatch).toBeLessThanOrEqual(100);
    expect(deletes.statements.length).toBe(report.outbox.batches);
    expect(report.outbox.batches).toBeGreaterThanOrEqual(3);
    expect(await watermark()).toBe(old.last);
    expect(report.outbox.prunedThrough).toBe(old.last.toString());
    const [{ kept, below }] = await sql<{ kept: number; below: number }>(
      `select count(*) filter (where position between ? and ?)::int as kept, count(*) filter (where position <= ?)::int as below from diary_event`,
      [recent.first.toString(), recent.last.toString(), old.last.toString()],
    );
    expect(kept).toBe(5);
    expect(below).toBe(0);

    // Nothing more is due: a second run deletes nothing and leaves the watermark.
    const again = await prune();
    expect(again.outbox.deleted).toBe(0);
    expect(await watermark()).toBe(old.last);
    // The outbox's order is the commit order, and its times follow it: the next tests' old events
    // come after these recent ones only in this test's make-believe, so the recent ones go.
    await sql(`delete from diary_event where position > ?`, [old.last.toString()]);
  });

  it('never prunes above the lowest position a live instance has read; a stale instance does not hold it back and is removed', async () => {
    const older = await history(w.student.student.id, 20, ago(40 * DAY));
    await hubCaughtUp();
    // Another instance, alive, that has read only half of them.
    const behind = randomUUID();
    const halfway = older.first + 9n;
    await sql(`insert into diary_hub_instance (id, last_position, seen_at) values (?, ?, now())`, [behind, halfway.toString()]);
    const first = await prune();
    expect(await watermark()).toBe(halfway);
    expect(first.outbox.deleted).toBe(10);
    const [{ left }] = await sql<{ left: number }>(`select count(*)::int as left from diary_event where position between ? and ?`, [older.first.toString(), older.last.toString()]);
    expect(left).toBe(10);

    // The instance went away without a word (its row is not refreshed any more).
    await sql(`update diary_hub_instance set seen_at = now() - interval '1 hour' where id = ?`, [behind]);
    const second = await prune();
    expect(await watermark()).toBe(older.last);
    expect(second.staleHubInstances).toBe(1);
    expect(await sql(`select 1 from diary_hub_instance where id = ?`, [behind])).toHaveLength(0);
    // This server's own hub is still registered, with what it has read.
    const [own] = await sql<{ last_position: string }>(`select last_position::text from diary_hub_instance where id = ?`, [server.app.services.hub.instanceId]);
    expect(BigInt(own.last_position)).toBeGreaterThanOrEqual(older.last);
  });
});

describe('resuming the live diary after a prune', () => {
  it('a cursor below the watermark is refused at subscribe time with CURSOR_EXPIRED, telling the client to re-read and subscribe without `after`', async () => {
    const pruned = await history(w.student.student.id, 3, ago(40 * DAY));
    await hubCaughtUp();
    await prune();
    expect(await watermark()).toBeGreaterThanOrEqual(pruned.last);

    const client = await connect(w.parent.user.id);
    const expired = client.subscribe(DIARY_EVENTS, { after: encodeDiaryCursor(pruned.first) });
    const explicit = client.subscribe(DIARY_EVENTS, { after: encodeDiaryCursor(pruned.first), studentId: gid('Student', w.student.student.id) });
    await waitFor(() => expired.errors.length > 0 && explicit.errors.length > 0, 5_000, 'the refusals');
    for (const s of [expired, explicit]) {
      expect(codes(s)).toEqual(['CURSOR_EXPIRED']);
      expect(messages(s)[0]).toMatch(/re-read the diary/i);
      expect(messages(s)[0]).toMatch(/without `after`/);
      expect(s.events).toEqual([]);
    }
  });

  it('a replay the prune overtakes ends with CURSOR_EXPIRED, not with a silently shorter history', async () => {
    const hub = server.app.services.hub;
    const from = await lastPosition();
    await history(w.student.student.id, 1_200, ago(40 * DAY)); // three batches of 500
    await hubCaughtUp();
    const batches = hub.replayBatches({ userId: w.parent.user.id, sessionId: randomUUID(), studentId: null }, from, await lastPosition());
    const first = await batches.next();
    expect(first.done).toBe(false);
    expect((first.value as unknown[]).length).toBe(500);
    // Meanwhile the outbox is pruned past the replay's cursor.
    await prune({ batchSize: 1_000 });
    expect(await watermark()).toBeGreaterThan(from + 500n);
    await expect(batches.next()).rejects.toMatchObject({ extensions: { code: 'CURSOR_EXPIRED' } });
  });

  it('a cursor at or above the watermark still replays what came after it, and live delivery goes on', async () => {
    await history(w.student.student.id, 3, ago(40 * DAY));
    await hubCaughtUp();
    await prune();
    const through = await watermark();
    const mark = await recordMark(w.lesson, w.student.student.id);
    await hubCaughtUp();

    const client = await connect(w.parent.user.id);
    const resumed = client.subscribe(DIARY_EVENTS, { after: encodeDiaryCursor(through) });
    const live = client.subscribe(DIARY_EVENTS, {});
    await waitFor(() => resumed.events.length >= 1, 5_000, 'the replay');
    expect(resumed.events.map((e) => e.mark?.id)).toEqual([mark]);
    await settle(200);
    const next = await recordMark(w.lesson, w.student.student.id);
    await waitFor(() => live.events.length >= 1 && resumed.events.length >= 2, 5_000, 'the live mark');
    expect(live.events.map((e) => e.mark?.id)).toEqual([next]);
    expect(resumed.events.map((e) => e.mark?.id)).toEqual([mark, next]);
    expect([...resumed.errors, ...live.errors]).toEqual([]);
  });
});

describe('idempotency records, login counters and sessions', () => {
  it('deletes idempotency records a grace past their TTL, and keeps the younger ones', async () => {
    const user = w.teacher.user.id;
    const insert = (key: string, at: Date) => sql(
      `insert into idempotency_record (id, user_id, key, fingerprint, response, created_at) values (gen_random_uuid(), ?, ?, 'f', '{}'::jsonb, ?)`,
      [user, key, at],
    );
    await insert('long-gone', ago((IDEMPOTENCY_TTL_HOURS + DEFAULT_RETENTION.idempotencyGraceHours + 1) * HOUR));
    await insert('expired-in-grace', ago((IDEMPOTENCY_TTL_HOURS + 1) * HOUR));
    await insert('live', ago(HOUR));
    const report = await prune();
    expect(report.idempotencyRecords.deleted).toBe(1);
    const keys = (await sql<{ key: string }>(`select key from idempotency_record where user_id = ? order by key`, [user])).map((r) => r.key);
    expect(keys).toEqual(['expired-in-grace', 'live']);
  });

  it('deletes login counters whose window and lockout ended over the grace ago, and keeps counters in use and lockouts', async () => {
    const insert = (key: string, windowStarted: Date, lockedUntil: Date | null) => sql(
      `insert into login_throttle (key, attempts, window_started_at, locked_until) values (?, 3, ?, ?)`, [key, windowStarted, lockedUntil],
    );
    await insert('account:gone', ago(3 * HOUR), null);
    await insert('account:lockout-long-over', ago(4 * HOUR), ago(3 * HOUR));
    await insert('account:lockout-just-over', ago(40 * 60_000), ago(20 * 60_000));
    await insert('account:locked', ago(10 * 60_000), new Date(server.clock.now().getTime() + 5 * 60_000));
    await insert('address:counting', ago(5 * 60_000), null);
    const report = await prune();
    expect(report.loginCounters.deleted).toBe(2);
    const keys = (await sql<{ key: string }>(`select key from login_throttle order by key`)).map((r) => r.key);
    expect(keys).toEqual(['account:locked', 'account:lockout-just-over', 'address:counting']);
  });

  it('deletes refresh tokens that stopped working over the grace ago; a live session keeps its token and its recently rotated ones', async () => {
    const user = w.student.user!.id;
    const token = (family: string, created: Date, expires: Date, revoked: Date | null) => sql(
      `insert into refresh_token (id, user_id, token_hash, family_id, created_at, expires_at, revoked_at) values (?, ?, ?, ?, ?, ?, ?)`,
      [randomUUID(), user, randomBytes(32).toString('hex'), family, created, expires, revoked],
    );
    const expired = randomUUID();
    await token(expired, ago(40 * DAY), ago(10 * DAY), ago(39 * DAY));
    await token(expired, ago(39 * DAY), ago(9 * DAY), null);
    const loggedOut = randomUUID();
    await token(loggedOut, ago(20 * DAY), new Date(server.clock.now().getTime() + 10 * DAY), ago(19 * DAY));
    const recentlyEnded = randomUUID();
    await token(recentlyEnded, ago(5 * DAY), new Date(server.clock.now().getTime() + 25 * DAY), ago(2 * DAY));
    const live = randomUUID();
    await token(live, ago(20 * DAY), new Date(server.clock.now().getTime() + 10 * DAY), ago(19 * DAY)); // rotated long ago
    await token(live, ago(19 * DAY), new Date(server.clock.now().getTime() + 11 * DAY), ago(3 * DAY)); // rotated lately: reuse still caught
    await token(live, ago(3 * DAY), new Date(server.clock.now().getTime() + 27 * DAY), null);

    const deletes = server.recordStatements(/delete from refresh_token/);
    const report = await prune();
    deletes.stop();
    expect(report.sessions.deleted).toBe(4);
    expect(deletes.statements).toHaveLength(1);
    const left = await sql<{ family_id: string; n: number }>(
      `select family_id, count(*)::int as n from refresh_token where family_id = any(?::uuid[]) group by family_id`,
      [`{${[expired, loggedOut, recentlyEnded, live].join(',')}}`],
    );
    expect(Object.fromEntries(left.map((r) => [r.family_id, r.n]))).toEqual({ [recentlyEnded]: 1, [live]: 2 });
  });

  it('a backlog goes in batches of at most batchSize rows, one statement each', async () => {
    await sql(
      `insert into idempotency_record (id, user_id, key, fingerprint, response, created_at)
       select gen_random_uuid(), ?, 'bulk-' || i, 'f', '{}'::jsonb, ? from generate_series(1, 250) i`,
      [w.director.user.id, ago(10 * DAY)],
    );
    const deletes = server.recordStatements(/delete from idempotency_record/);
    const report = await prune({ batchSize: 100 });
    deletes.stop();
    expect(report.idempotencyRecords).toEqual({ deleted: 250, batches: 3, largestBatch: 100 });
    expect(deletes.statements).toHaveLength(3);
    expect(deletes.statements.every((s) => /limit 100/.test(s))).toBe(true);
  });
});

describe('one instance at a time', () => {
  it('skips the run while another instance holds the lock, and runs once it is released', async () => {
    await sql(
      `insert into idempotency_record (id, user_id, key, fingerprint, response, created_at) values (gen_random_uuid(), ?, 'locked-out', 'f', '{}'::jsonb, ?)`,
      [w.director.user.id, ago(10 * DAY)],
    );
    const other = new Client({ connectionString: server.databaseUrl });
    await other.connect();
    try {
      const { rows } = await other.query('select pg_try_advisory_lock($1) as held', [RETENTION_LOCK_KEY]);
      expect(rows[0].held).toBe(true);
      const skipped = await pruneExclusively(server.databaseUrl, server.em(), server.clock.now(), settings());
      expect(skipped).toEqual({ ran: false, reason: 'ANOTHER_INSTANCE_IS_PRUNING' });
      expect(await sql(`select 1 from idempotency_record where key = 'locked-out'`)).toHaveLength(1);
      // Two at once on this side: never both.
      await other.query('select pg_advisory_unlock($1)', [RETENTION_LOCK_KEY]);
      const outcomes = await Promise.all([
        pruneExclusively(server.databaseUrl, server.em(), server.clock.now(), settings()),
        pruneExclusively(server.databaseUrl, server.em(), server.clock.now(), settings()),
      ]);
      expect(outcomes.some((o) => o.ran)).toBe(true);
      const deleted = outcomes.reduce((n, o) => n + (o.ran ? o.report.idempotencyRecords.deleted : 0), 0);
      expect(deleted).toBe(1);
      expect(await sql(`select 1 from idempotency_record where key = 'locked-out'`)).toHaveLength(0);
    } finally {
      await other.end();
    }
  });

  it('the server prunes on its schedule (RETENTION_INTERVAL_SECONDS) and stops with it', async () => {
    const scheduled = await TestServer.alongside(server, { config: { retention: { ...DEFAULT_RETENTION, intervalSeconds: 1 } } });
    try {
      await sql(
        `insert into idempotency_record (id, user_id, key, fingerprint, response, created_at) values (gen_random_uuid(), ?, 'scheduled', 'f', '{}'::jsonb, ?)`,
        [w.director.user.id, ago(10 * DAY)],
      );
      let gone = false;
      const started = Date.now();
      while (!gone && Date.now() - started < 8_000) {
        gone = (await sql(`select 1 from idempotency_record where key = 'scheduled'`)).length === 0;
        if (!gone) await settle(100);
      }
      expect(gone).toBe(true);
    } finally {
      await scheduled.app.close();
      await scheduled.orm.close(true);
    }
    // Closed: its hub's row is gone too (the prune does not wait for a stopped instance).
    expect(await sql(`select 1 from diary_hub_instance where id = ?`, [scheduled.app.services.hub.instanceId])).toHaveLength(0);
  });
});

describe('the journal is kept', () => {
  const JOURNAL_TABLES = [
    'mark', 'mark_version', 'attendance', 'lesson', 'lesson_record', 'period_mark', 'movement_order', 'enrollment',
    'audit_entry', 'personal_data_access', 'student', 'guardian', 'employee', 'academic_year',
  ];
  async function journalState(): Promise<Record<string, string>> {
    const state: Record<string, string> = {};
    for (const table of JOURNAL_TABLES) {
      const [row] = await sql<{ count: string; hash: string | null }>(
        `select count(*)::text as count, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from "${table}" t`,
      );
      state[table] = `${row.count}:${row.hash ?? ''}`;
    }
    return state;
  }

  it('years later, every operational row due is pruned and not one row of the journal, the audit log or the access log changed', async () => {
    await recordMark(w.lesson, w.classmate.student.id);
    await hubCaughtUp();
    const [{ marks }] = await sql<{ marks: number }>(`select count(*)::int as marks from mark`);
    expect(marks).toBeGreaterThan(0);
    const before = await journalState();

    server.clock.set('2029-06-01T12:00:00+03:00');
    await prune({ batchSize: 1_000 });

    expect(await journalState()).toEqual(before);
    const [{ events }] = await sql<{ events: number }>(`select count(*)::int as events from diary_event`);
    expect(events).toBe(0);
  });
});

describe('the settings', () => {
  it('documents its defaults, takes RETENTION_* and 0 (no schedule, no grace), and refuses nonsense', () => {
    expect(loadConfig({}).retention).toEqual({ ...DEFAULT_RETENTION, intervalSeconds: DEFAULT_RETENTION_INTERVAL_SECONDS });
    expect(DEFAULT_RETENTION).toEqual({
      outboxDays: 30, idempotencyGraceHours: 24, loginCounterGraceMinutes: 60, sessionGraceDays: 7, messagesDays: 1_095, absenceNoteScanDays: 365, batchSize: 1_000,
    });
    expect(loadConfig({
      RETENTION_INTERVAL_SECONDS: '0', RETENTION_OUTBOX_DAYS: '14', RETENTION_IDEMPOTENCY_GRACE_HOURS: '0',
      RETENTION_LOGIN_COUNTER_GRACE_MINUTES: '5', RETENTION_SESSION_GRACE_DAYS: '1', RETENTION_BATCH_SIZE: '200',
      RETENTION_MESSAGES_DAYS: '365', RETENTION_ABSENCE_NOTE_SCAN_DAYS: '30',
    }).retention).toEqual({
      intervalSeconds: 0, outboxDays: 14, idempotencyGraceHours: 0, loginCounterGraceMinutes: 5, sessionGraceDays: 1, batchSize: 200,
      messagesDays: 365, absenceNoteScanDays: 30,
    });
    expect(() => loadConfig({ RETENTION_OUTBOX_DAYS: '0' })).toThrow();
    expect(() => loadConfig({ RETENTION_SESSION_GRACE_DAYS: '-1' })).toThrow();
    expect(() => loadConfig({ RETENTION_BATCH_SIZE: 'many' })).toThrow();
  });
});
