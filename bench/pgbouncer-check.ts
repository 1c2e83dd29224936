/**
 * PgBouncer check (issue 16; `npm run test:pgbouncer`, run by .ci/run after it installs Debian's
 * `pgbouncer`): the server behind a real PgBouncer 1.18 in transaction pooling mode, which keeps no
 * named prepared statements and refuses unknown startup parameters. With DB_POOLER=pgbouncer the
 * prepared reads are plain statements, no startup parameters are sent, and the live diary LISTENs
 * on DATABASE_DIRECT_URL. Checked: the demo loads through the pooler; 60 diary reads at once over a
 * pool of 2 server connections all answer right; a mark written through the pooler reaches a
 * parent's socket live; the mark's Web Push job is queued (pg-boss) and tried through the pooler. And the control: the same server without DB_POOLER fails against the pooler.
 * Everything on loopback, in a temporary folder; exits non-zero on any failure.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createECDH, randomBytes } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { freePort, startEmbeddedPostgres } from '../server/database';
import { PROJECT_ROOT } from '../server/paths';

const APP_NOW = '2026-11-20T12:00:00+03:00';
const failures: string[] = [];
const check = (ok: boolean, what: string) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failures.push(what); };

function pgbouncerBinary(): string {
  for (const p of ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer']) if (fs.existsSync(p)) return p;
  throw new Error('pgbouncer is not installed (apt-get install pgbouncer)');
}

/** PgBouncer refuses to run as root: run it as the `postgres` OS user then (the embedded database's). */
function asUnprivileged(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

async function waitFor(what: string, probe: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function startServer(env: Record<string, string>, log: string): ChildProcess {
  const out = fs.openSync(log, 'w');
  return spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/server/main.js')], { env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
}

async function gql(base: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-pgbouncer-'));
  fs.chmodSync(dir, 0o777);
  const db = await startEmbeddedPostgres(path.join(dir, 'pg'), 'school_journal');
  const direct = new URL(db.url);
  const bouncerPort = await freePort();
  // Two server connections for the whole app: every request shares them, one transaction at a time.
  fs.writeFileSync(path.join(dir, 'pgbouncer.ini'), [
    '[databases]',
    `school_journal = host=127.0.0.1 port=${direct.port} dbname=school_journal user=${direct.username} password=${decodeURIComponent(direct.password)}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1', `listen_port = ${bouncerPort}`, 'unix_socket_dir =',
    'auth_type = any', 'pool_mode = transaction', 'default_pool_size = 2', 'max_client_conn = 500',
    `logfile = ${path.join(dir, 'pgbouncer.log')}`, `pidfile = ${path.join(dir, 'pgbouncer.pid')}`,
    '',
  ].join('\n'));
  fs.chmodSync(path.join(dir, 'pgbouncer.ini'), 0o644);
  const [cmd, args] = asUnprivileged(pgbouncerBinary(), [path.join(dir, 'pgbouncer.ini')]);
  const bouncer = spawn(cmd, args, { stdio: 'ignore' });
  const pooled = `postgres://${direct.username}:${direct.password}@127.0.0.1:${bouncerPort}/school_journal`;
  const version = execFileSync(pgbouncerBinary(), ['--version']).toString().split('\n')[0];
  console.log(`${version}, transaction pooling, 2 server connections; PostgreSQL 127.0.0.1:${direct.port} (embedded)`);
  const servers: ChildProcess[] = [];
  try {
    await waitFor('pgbouncer', async () => { const { Client } = await import('pg'); const c = new Client({ connectionString: pooled }); await c.connect(); await c.end(); return true; }, 20_000);

    // The control first: without DB_POOLER the server's startup parameters are refused by the pooler.
    const controlPort = await freePort();
    const control = startServer({ DATABASE_URL: pooled, PORT: String(controlPort), APP_NOW, SEED_DEMO: 'true', JWT_SECRET: 'pgbouncer-check' }, path.join(dir, 'control.log'));
    servers.push(control);
    const controlExit = await new Promise<number | null>((resolve) => { control.on('exit', (code) => resolve(code)); setTimeout(() => resolve(null), 30_000); });
    const why = fs.readFileSync(path.join(dir, 'control.log'), 'utf8').match(/unsupported startup parameter[^\n"']*/)?.[0] ?? 'see control.log';
    check(controlExit !== null && controlExit !== 0, `without DB_POOLER the server does not start behind PgBouncer (exit ${controlExit}: ${why})`);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = startServer({
      DATABASE_URL: pooled, DATABASE_DIRECT_URL: db.url, DB_POOLER: 'pgbouncer', PORT: String(port), APP_NOW, SEED_DEMO: 'true',
      JWT_SECRET: 'pgbouncer-check', DB_POOL_MAX: '10',
    }, path.join(dir, 'server.log'));
    servers.push(server);
    await waitFor('the server', async () => (await fetch(`${base}/health`)).ok, 120_000);
    check(true, 'migrations and the demo school loaded through the pooler');

    const login = async (l: string) => (await gql(base, 'mutation($l: String!) { login(login: $l, password: "demo") { accessToken } }', { l })).data.login.accessToken as string;
    const parent = await login('p.ivanova');
    const me = await gql(base, '{ me { children { id classGroup { name } } } }', {}, parent);
    // Of her two children, the one in 5А (a first grader gets no marks).
    const child = me.data.me.children.find((c: any) => c.classGroup?.name === '5А').id as string;
    const DIARY = 'query($s: ID!) { diary(studentId: $s, from: "2026-11-16", to: "2026-11-20") { date lessons { lesson { id subject { name } } marks { value } } } }';
    const first = await gql(base, DIARY, { s: child }, parent);
    const reads = await Promise.all(Array.from({ length: 60 }, () => gql(base, DIARY, { s: child }, parent)));
    check(!first.errors && reads.every((r) => !r.errors && JSON.stringify(r.data) === JSON.stringify(first.data)),
      `60 diary reads at once over 2 server connections, each the same answer (${reads.filter((r) => r.errors).length} errors)`);

    // Live: the parent subscribes (LISTEN on the direct connection), a teacher writes a mark through the pooler.
    const lesson = first.data.diary.find((d: any) => d.date === '2026-11-20').lessons[0].lesson;
    const events: unknown[] = [];
    const ws = createClient({ url: `${base.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${parent}` }, retryAttempts: 0 });
    const unsubscribe = ws.subscribe({ query: 'subscription($s: ID!) { diaryEvents(studentId: $s) { type } }', variables: { s: child } }, {
      next: (e) => { events.push(e); }, error: (e) => { failures.push(`subscription error: ${JSON.stringify(e)}`); }, complete: () => {},
    });
    // Web Push through the pooler: the parent's browser (a push service that refuses connections) is queued a job.
    const registered = await gql(base, 'mutation($i: RegisterPushSubscriptionInput!) { registerPushSubscription(input: $i) { id } }', {
      i: { endpoint: 'https://127.0.0.1:9/pgbouncer-check', p256dh: createECDH('prime256v1').generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') },
    }, parent);
    await new Promise((r) => setTimeout(r, 1_000));
    const mark = await writeMarkAsTeacher(base, login, lesson.id, child);
    check(mark === null, `a mark written through the pooler${mark ? `: ${mark}` : ''}`);
    await waitFor('the live event', async () => events.length > 0, 15_000).catch(() => undefined);
    check(events.length > 0, 'the mark reached the parent\'s socket live (LISTEN on the direct connection)');
    const directClient = new Client({ connectionString: db.url });
    await directClient.connect();
    const pushJob = async () => (await directClient.query(`select state::text, retry_count from pgboss.job where name = 'web-push'`)).rows[0];
    await waitFor('the push job to be tried', async () => (await pushJob())?.state === 'retry', 20_000).catch(() => undefined);
    const job = await pushJob();
    await directClient.end();
    const serverLog = fs.readFileSync(path.join(dir, 'server.log'), 'utf8');
    check(!registered.errors && job?.state === 'retry' && !/"component":"push"/.test(serverLog),
      `Web Push through the pooler: subscription registered, the mark's job queued by pg-boss and tried (${job ? `${job.state}, ${job.retry_count} retries` : 'no job'}), no push faults logged`);
    unsubscribe();
    await ws.dispose();
  } catch (error) {
    failures.push(String(error));
    throw error;
  } finally {
    for (const s of servers) s.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1_500));
    bouncer.kill('SIGTERM');
    await db.close();
    if (failures.length === 0) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`logs kept in ${dir}`);
  }
}

/** The demo's lessons are taught by the demo teachers (password "demo"); the one teaching this lesson writes a mark. */
async function writeMarkAsTeacher(base: string, login: (l: string) => Promise<string>, lessonId: string, studentId: string): Promise<string | null> {
  const RECORD = 'mutation($i: RecordMarkInput!) { recordMark(input: $i) { id } }';
  let last = 'no demo teacher teaches the lesson';
  for (const teacher of ['t.math', 't.russian']) {
    const token = await login(teacher).catch(() => null);
    if (!token) continue;
    const r = await gql(base, RECORD, { i: { lessonId, studentId, value: '5', workTypeCode: 'ORAL' } }, token);
    if (!r.errors) return null;
    last = r.errors[0].message;
  }
  return last;
}

main().then(() => {
  console.log(failures.length ? `${failures.length} check(s) failed` : 'all checks passed');
  process.exit(failures.length ? 1 : 0);
}, (e) => { console.error(e); process.exit(1); });
