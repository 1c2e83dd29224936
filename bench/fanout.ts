/**
 * Live-diary fan-out benchmark (not a test): many graphql-ws sockets on one server
 * instance, marks written through the HTTP API at a steady rate, and for each step:
 * deliveries per second, commit-to-client latency p50/p99, server CPU microseconds per
 * delivery, server memory per socket, and lost/duplicate deliveries.
 *
 *   npm run bench:fanout                       # 1000, 2000, 4000 sockets, 20 s each; 1000 deliveries/s at 4000
 *                                              # (smaller steps keep the same marks/s, so fewer deliveries/s)
 *   BENCH_SOCKETS=4000 BENCH_RATE=1000 BENCH_SECONDS=30 npm run bench:fanout
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:fanout   # a running server
 *   BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench:fanout      # profile the server
 *
 * The server runs as a child process (dist/server/main.js) so its CPU and memory are its
 * own; the sockets live in this process. Everything talks over loopback only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import WebSocket from 'ws';
import { freePort } from '../server/database';
import { PROJECT_ROOT } from '../server/paths';
import { openBenchDatabase } from './bench-database';

const APP_NOW = '2026-11-20T15:00:00+03:00';
const JWT_SECRET = 'fan-out-benchmark-secret-not-for-production';
const SOCKET_STEPS = (process.env.BENCH_SOCKETS ?? '1000,2000,4000').split(',').map(Number);
const TARGET_DELIVERIES_PER_SECOND = Number(process.env.BENCH_RATE ?? 1000);
const STEADY_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SUBSCRIPTION = 'subscription { diaryEvents { cursor type mark { id value workType { code } } lesson { date } } }';

interface Write { markId: string; studentId: string; sentAt: number; answeredAt: number }
interface StepResult {
  sockets: number; seconds: number; marks: number; marksPerSecond: number; expected: number; delivered: number; lost: number; duplicates: number;
  deliveriesPerSecond: number; p50FromCommitMs: number; p99FromCommitMs: number; p99FromSendMs: number;
  serverCpuUsPerDelivery: number; memoryPerSocketKb: number; serverRssMb: number;
}

async function main(): Promise<void> {
  const maxSockets = Math.max(...SOCKET_STEPS);
  const db = await openBenchDatabase(`sj_bench_${process.pid}`);
  let server: ChildProcess | null = null;
  try {
    const results: StepResult[] = [];
    let world: World | null = null;
    // Each step on a fresh server process (same database), so its memory and CPU are its own.
    for (const sockets of SOCKET_STEPS) {
      const port = await freePort();
      server = startServer(db.url, port);
      await waitForHealth(port);
      if (!world) {
        const pg = new Client({ connectionString: db.url });
        pg.on('error', () => {});
        await pg.connect();
        world = await prepareWorld(pg, maxSockets);
        await pg.end();
      }
      results.push(await runStep(server, port, world, sockets));
      await stopServer(server);
      server = null;
    }
    report(results);
  } catch (error) {
    console.error('benchmark failed:', error);
    process.exitCode = 1;
  } finally {
    if (server) await stopServer(server);
    await db.close();
  }
}

async function stopServer(server: ChildProcess): Promise<void> {
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}

// --- setup ---------------------------------------------------------------------------


function startServer(databaseUrl: string, port: number): ChildProcess {
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(PROJECT_ROOT, 'dist', 'server', 'main.js')], {
    env: { ...process.env, LOG_SHUTDOWN: 'true', DATABASE_URL: databaseUrl, PORT: String(port), APP_NOW, JWT_SECRET, ACCESS_TOKEN_TTL_SECONDS: '3600' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

async function waitForHealth(port: number): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

interface World {
  /** Per bench parent: its token and the student it watches. */
  parents: { token: string; studentId: string }[];
  teacherToken: string;
  /** Lessons of t.math that accept marks now, with the students enrolled in them. */
  targets: { lessonId: string; studentIds: string[] }[];
}

/** Parents for every socket, each the guardian of one 5th-grade student, with a live session and a token. */
async function prepareWorld(pg: Client, count: number): Promise<World> {
  const { rows: [school] } = await pg.query(`select id from school limit 1`);
  const { rows: students } = await pg.query(
    `select s.id from student s join enrollment e on e.student_id = s.id join class_group c on c.id = e.class_group_id
      where c.grade = 5 order by s.id`);
  await pg.query('begin');
  await pg.query(
    `insert into app_user (id, login, password_hash, must_change_password, locked, created_at)
     select gen_random_uuid(), 'bench.parent.' || g, (select password_hash from app_user where login = 'admin'), false, false, now()
       from generate_series(1, $1) g`, [count]);
  await pg.query(
    `insert into role_grant (id, user_id, role, school_id, granted_at)
     select gen_random_uuid(), u.id, 'PARENT', $1, now() from app_user u where u.login like 'bench.parent.%'`, [school.id]);
  await pg.query(
    `insert into guardian (id, school_id, user_id, last_name, first_name)
     select gen_random_uuid(), $1, u.id, 'Родитель', u.login from app_user u where u.login like 'bench.parent.%'`, [school.id]);
  await pg.query(
    `insert into guardianship (id, guardian_id, student_id, created_at)
     select gen_random_uuid(), g.id, ($1::uuid[])[1 + (substring(u.login from 14)::int % array_length($1::uuid[], 1))], now()
       from guardian g join app_user u on u.id = g.user_id where u.login like 'bench.parent.%'`, [students.map((s) => s.id)]);
  await pg.query(
    `insert into refresh_token (id, user_id, token_hash, family_id, created_at, expires_at)
     select gen_random_uuid(), u.id, md5(random()::text || u.id::text) || md5(u.id::text), gen_random_uuid(), now(), now() + interval '10 years'
       from app_user u where u.login like 'bench.parent.%' or u.login = 't.math'`);
  await pg.query('commit');

  const { rows } = await pg.query(
    `select u.login, u.id as user_id, rt.family_id, gs.student_id from app_user u
       join refresh_token rt on rt.user_id = u.id
       join guardian g on g.user_id = u.id join guardianship gs on gs.guardian_id = g.id
      where u.login like 'bench.parent.%' order by substring(u.login from 14)::int`);
  const { SignJWT } = await import('jose');
  const key = new TextEncoder().encode(JWT_SECRET);
  const iat = Math.floor(new Date(APP_NOW).getTime() / 1000) - 60;
  const sign = (userId: string, sid: string) => new SignJWT({ sid }).setProtectedHeader({ alg: 'HS256' }).setSubject(userId)
    .setIssuer('school-journal').setIssuedAt(iat).setExpirationTime(iat + 36_000).sign(key);
  const parents = await Promise.all(rows.map(async (r) => ({ token: await sign(r.user_id, r.family_id), studentId: r.student_id })));
  const { rows: [teacher] } = await pg.query(
    `select u.id, rt.family_id from app_user u join refresh_token rt on rt.user_id = u.id where u.login = 't.math' order by rt.created_at desc limit 1`);

  const { rows: lessons } = await pg.query(
    `select l.id as lesson_id, array_agg(e.student_id) as student_ids
       from lesson l join subject sj on sj.id = l.subject_id and sj.name = 'Математика'
       join enrollment e on e.class_group_id = l.class_group_id
      where l.date between '2026-11-18' and '2026-11-20' and l.state <> 'CANCELLED'
        and l.teacher_id = (select e2.id from employee e2 join app_user u2 on u2.id = e2.user_id where u2.login = 't.math')
        and (l.date < '2026-11-20' or l.number <= 6)
      group by l.id`);
  return {
    parents,
    teacherToken: await sign(teacher.id, teacher.family_id),
    targets: lessons.map((l) => ({ lessonId: l.lesson_id, studentIds: l.student_ids })),
  };
}

// --- one step --------------------------------------------------------------------------

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

async function runStep(server: ChildProcess, port: number, world: World, socketCount: number): Promise<StepResult> {
  const rssBefore = rssKb(server.pid!);
  const watchers = new Map<string, number>();
  const arrivals: { socket: number; markId: string; at: number }[] = [];
  const sockets = await openSockets(port, world.parents.slice(0, socketCount), (socket, markId) =>
    arrivals.push({ socket, markId, at: performance.now() }));
  for (const p of world.parents.slice(0, socketCount)) watchers.set(p.studentId, (watchers.get(p.studentId) ?? 0) + 1);
  await new Promise((r) => setTimeout(r, 1_500));
  const rssAfter = rssKb(server.pid!);

  // Only students someone watches, so every write is delivered.
  const targets = world.targets.map((t) => ({ ...t, studentIds: t.studentIds.filter((s) => watchers.has(s)) }))
    .filter((t) => t.studentIds.length > 0);
  const meanWatchers = socketCount / watchers.size;
  // The target applies to the largest step; smaller steps keep the same write rate, so each
  // step measures fan-out (more sockets per event), not write throughput.
  const deliveriesPerSecond = (TARGET_DELIVERIES_PER_SECOND * socketCount) / Math.max(...SOCKET_STEPS);
  const marksPerSecond = deliveriesPerSecond / meanWatchers;
  const writes: Write[] = [];
  const cpuBefore = cpuUs(server.pid!);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; performance.now() - started < STEADY_SECONDS * 1000; i += 1) {
    const due = started + (i * 1000) / marksPerSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const target = targets[i % targets.length];
    const studentId = target.studentIds[Math.floor(i / targets.length) % target.studentIds.length];
    inFlight.push(writeMark(port, world.teacherToken, target.lessonId, studentId, i).then((w) => { if (w) writes.push(w); }));
  }
  await Promise.all(inFlight);
  await new Promise((r) => setTimeout(r, 2_000)); // stragglers
  const cpuAfter = cpuUs(server.pid!);
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(sockets.map((s) => new Promise<void>((resolve) => { s.once('close', () => resolve()); s.close(); })));

  const byMark = new Map(writes.map((w) => [w.markId, w]));
  const seen = new Set<string>();
  let duplicates = 0;
  const fromCommit: number[] = [];
  const fromSend: number[] = [];
  for (const a of arrivals) {
    const key = `${a.socket}:${a.markId}`;
    if (seen.has(key)) { duplicates += 1; continue; }
    seen.add(key);
    const w = byMark.get(a.markId);
    if (!w) continue;
    // The commit happens before the HTTP answer leaves; an event can even arrive first.
    fromCommit.push(Math.max(0, a.at - w.answeredAt));
    fromSend.push(a.at - w.sentAt);
  }
  const expected = writes.reduce((n, w) => n + (watchers.get(w.studentId) ?? 0), 0);
  const delivered = seen.size;
  return {
    sockets: socketCount, seconds: Math.round(elapsed), marks: writes.length, expected, delivered,
    lost: expected - delivered, duplicates,
    deliveriesPerSecond: Math.round(delivered / STEADY_SECONDS),
    marksPerSecond: Math.round((writes.length / STEADY_SECONDS) * 10) / 10,
    p50FromCommitMs: percentile(fromCommit, 50), p99FromCommitMs: percentile(fromCommit, 99), p99FromSendMs: percentile(fromSend, 99),
    serverCpuUsPerDelivery: Math.round((cpuAfter - cpuBefore) / Math.max(1, delivered)),
    memoryPerSocketKb: Math.round(((rssAfter - rssBefore) / socketCount) * 10) / 10,
    serverRssMb: Math.round(rssAfter / 1024),
  };
}

async function writeMark(port: number, token: string, lessonId: string, studentId: string, i: number): Promise<Write | null> {
  const sentAt = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'mutation($i: RecordMarkInput!) { recordMark(input: $i) { id } }',
      variables: { i: { lessonId: globalId('Lesson', lessonId), studentId: globalId('Student', studentId), value: String(3 + (i % 3)), workTypeCode: 'ORAL' } },
    }),
  });
  const answeredAt = performance.now();
  const body = (await res.json()) as { data?: { recordMark: { id: string } }; errors?: unknown[] };
  if (!body.data) {
    console.error('write refused', JSON.stringify(body.errors));
    return null;
  }
  return { markId: body.data.recordMark.id, studentId, sentAt, answeredAt };
}

/** Raw graphql-ws protocol, to keep 4,000 clients light. */
async function openSockets(port: number, parents: { token: string }[], onMark: (socket: number, markId: string) => void): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  const batch = 200;
  for (let start = 0; start < parents.length; start += batch) {
    const opened = parents.slice(start, start + batch).map((parent, j) => new Promise<WebSocket>((resolve, reject) => {
      const index = start + j;
      const ws = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
      ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${parent.token}` } })));
      ws.on('message', (raw) => {
        const message = JSON.parse(raw.toString());
        if (message.type === 'connection_ack') {
          ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION } }));
          resolve(ws);
        } else if (message.type === 'next' && message.payload.data) {
          onMark(index, message.payload.data.diaryEvents.mark?.id);
        } else if (message.type === 'error') {
          console.error('subscription error', JSON.stringify(message.payload));
        }
      });
      ws.on('close', (code) => { if (code !== 1000 && code !== 1005) reject(new Error(`socket closed ${code}`)); });
      ws.on('error', reject);
    }));
    sockets.push(...(await Promise.all(opened)));
  }
  return sockets;
}

// --- measuring ---------------------------------------------------------------------------

function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

/** User + system CPU time of a process, in microseconds. */
function cpuUs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks / 100) * 1e6;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((x, y) => x - y);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}

function report(results: StepResult[]): void {
  const header = '| sockets | marks/s | marks written | deliveries expected | delivered | lost | duplicates | deliveries/s | latency p50 from commit (ms) | p99 from commit (ms) | p99 from request sent (ms) | server CPU µs/delivery | memory/socket (KB) | server RSS (MB) |';
  const line = '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|';
  const rows = results.map((r) => `| ${r.sockets} | ${r.marksPerSecond} | ${r.marks} | ${r.expected} | ${r.delivered} | ${r.lost} | ${r.duplicates} | ${r.deliveriesPerSecond} | ${r.p50FromCommitMs} | ${r.p99FromCommitMs} | ${r.p99FromSendMs} | ${r.serverCpuUsPerDelivery} | ${r.memoryPerSocketKb} | ${r.serverRssMb} |`);
  console.log(`\nfan-out: target ${TARGET_DELIVERIES_PER_SECOND} deliveries/s for ${STEADY_SECONDS} s per step, node ${process.version}, ${os.cpus().length} cores\n`);
  console.log([header, line, ...rows].join('\n'));
  console.log(`\n${JSON.stringify(results)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
