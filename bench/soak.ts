/**
 * Soak (issue 16; `npm run soak`, not a test): a mixed load on one server for a bounded time —
 * parents' diary weeks, the teacher's journal page, marks written, term reports, the timetable —
 * with SOAK_SOCKETS live-diary sockets open throughout. Reports throughput and p50/p99 per
 * operation, errors, the server's RSS over time, its live heap after a full collection once a
 * minute (through the server's inspector: RSS swings with the collector, the live heap is what a
 * leak would grow), and the live lag (a mark sent to its event on the first socket). Loopback only: its own embedded PostgreSQL
 * in a temporary folder, the server as a child process (dist/server/main.js) with the demo school.
 *
 *   npm run soak                                  # 30 minutes, 2,000 sockets, 16 HTTP clients
 *   SOAK_MINUTES=5 SOAK_SOCKETS=500 npm run soak
 *
 * Sockets close when their access token expires (an hour at most), so a soak is at most 55 minutes.
 * The demo school has seven family accounts: they hold the sockets (WS_MAX_SOCKETS_PER_USER is
 * raised for the run, the only setting that differs from `npm start`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { freePort, startEmbeddedPostgres } from '../server/database';
import { PROJECT_ROOT } from '../server/paths';

const MINUTES = Math.min(Math.max(Number(process.env.SOAK_MINUTES ?? 30), 1), 55);
const SOCKETS = Math.min(Number(process.env.SOAK_SOCKETS ?? 2000), 5000);
const CLIENTS = Math.min(Number(process.env.SOAK_CLIENTS ?? 16), 64);
const SAMPLE_MS = 10_000;
const HEAP_SAMPLE_MS = 60_000;
const FAMILIES = ['p.ivanova', 'p.petrov', 'p.sidorova', 's.ivanov', 's.petrova', 's.sidorov', 's.ivanova'];

interface Op { name: string; weight: number; run: () => Promise<void> }
const times = new Map<string, number[]>();
const errors = new Map<string, number>();
/** Failures by what they were: a GraphQL error's code, or the transport's failure. */
const failures = new Map<string, number>();
const record = (name: string, ms: number, ok: boolean, failure?: string) => {
  if (!times.has(name)) times.set(name, []);
  times.get(name)!.push(ms);
  if (!ok) errors.set(name, (errors.get(name) ?? 0) + 1);
  if (!ok && failure) failures.set(failure, (failures.get(failure) ?? 0) + 1);
};
const failureOf = (e: unknown): string => {
  const code = /"code":"([A-Z_]+)"/.exec(String((e as Error)?.message ?? e))?.[1];
  return code ?? `transport: ${String((e as Error)?.message ?? e).slice(0, 60)}`;
};
/**
 * The server's live heap, read through its inspector (the Chrome DevTools Protocol on loopback):
 * a full collection first, so what is measured is what survives, not garbage not yet collected.
 */
class HeapProbe {
  private nextId = 0;
  private readonly pending = new Map<number, (result: any) => void>();
  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
      if (message.id !== undefined) this.pending.get(message.id)?.(message.result);
      if (message.id !== undefined) this.pending.delete(message.id);
    });
  }

  static async connect(inspectPort: number): Promise<HeapProbe> {
    for (let i = 0; ; i += 1) {
      try {
        const [target] = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
        const socket = new WebSocket(target.webSocketDebuggerUrl);
        await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
        return new HeapProbe(socket);
      } catch (e) {
        if (i > 100) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  private call(method: string, params: Record<string, unknown> = {}): Promise<any> {
    const id = (this.nextId += 1);
    return new Promise((resolve) => { this.pending.set(id, resolve); this.socket.send(JSON.stringify({ id, method, params })); });
  }

  /** heapUsed after a full collection, in MB. */
  async liveHeapMb(): Promise<number> {
    await this.call('HeapProfiler.collectGarbage');
    const answer = await this.call('Runtime.evaluate', { expression: 'process.memoryUsage().heapUsed', returnByValue: true });
    return Number(answer.result.value) / 2 ** 20;
  }

  close(): void { this.socket.close(); }
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxx === 0 ? 0 : points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
}

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))] : NaN; };

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-soak-'));
  fs.chmodSync(dir, 0o777);
  const db = await startEmbeddedPostgres(path.join(dir, 'pg'), 'school_journal');
  const port = await freePort();
  const inspectPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--max-semi-space-size=64', `--inspect=127.0.0.1:${inspectPort}`, path.join(PROJECT_ROOT, 'dist/server/main.js')], {
    env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), SEED_DEMO: 'true', APP_NOW: '2026-11-20T10:00:00+03:00',
      ACCESS_TOKEN_TTL_SECONDS: '3600', WS_MAX_SOCKETS_PER_USER: String(Math.ceil(SOCKETS / FAMILIES.length) + 5), JWT_SECRET: 'soak' },
    stdio: ['ignore', fs.openSync(path.join(dir, 'server.log'), 'w'), fs.openSync(path.join(dir, 'server.log'), 'a')],
  });
  const sockets: Client[] = [];
  let probe: HeapProbe | undefined;
  try {
    for (let i = 0; i < 600 && !(await fetch(`${base}/health`).then((r) => r.ok, () => false)); i += 1) await new Promise((r) => setTimeout(r, 200));
    const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
      const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      return (await res.json()) as { data?: any; errors?: unknown[] };
    };
    const login = async (l: string) => {
      const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation($l: String!) { login(login: $l, password: "demo") { accessToken } }', variables: { l } }) });
      return ((await res.json()) as any).data.login.accessToken as string;
    };
    const families = await Promise.all(FAMILIES.map(async (l) => {
      const token = await login(l);
      const me = (await gql('{ me { student { id } children { id } } }', {}, token)).data.me;
      return { token, students: me.student ? [me.student.id] : me.children.map((c: any) => c.id) as string[] };
    }));
    const teacher = await login('t.math');
    const zavuch = await login('zavuch');
    const assignment = (await gql('{ teachingAssignments { classGroup { id name } subject { id } } }', {}, teacher)).data.teachingAssignments.find((a: any) => a.classGroup.name === '5А');
    const today = (await gql('query($c: ID!, $s: ID!) { classJournal(classGroupId: $c, subjectId: $s, from: "2026-11-20", to: "2026-11-20") { lessons { id } students { id } } }',
      { c: assignment.classGroup.id, s: assignment.subject.id }, teacher)).data.classJournal;

    // The sockets: spread over the family accounts, each watching its students.
    // A mark's event may reach a socket before its request is answered: both ends are kept by id.
    const sent = new Map<string, number>();
    const watched = new Set(families.flatMap((f) => f.students));
    const arrived = new Map<string, number>();
    let delivered = 0;
    let socketErrors = 0;
    let connected = 0;
    for (let i = 0; i < SOCKETS; i += 1) {
      const family = families[i % families.length];
      const client = createClient({
        url: `${base.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${family.token}` },
        retryAttempts: 3, lazy: false, onNonLazyError: () => { socketErrors += 1; }, on: { connected: () => { connected += 1; } },
      });
      client.subscribe({ query: 'subscription { diaryEvents { type mark { id } } }' }, {
        next: (e: any) => {
          delivered += 1;
          const id = e.data?.diaryEvents?.mark?.id;
          if (id && e.data.diaryEvents.type === 'MARK_ADDED' && !arrived.has(id)) arrived.set(id, performance.now());
        },
        error: () => { socketErrors += 1; }, complete: () => {},
      });
      sockets.push(client);
      // Opened in steps of 50, each step let connect before the next (a burst of thousands is not the load measured).
      if (i % 50 === 49) for (let k = 0; k < 50 && connected < i - 10; k += 1) await new Promise((r) => setTimeout(r, 20));
    }

    let n = 0;
    const ops: Op[] = [
      { name: 'diary week (parent)', weight: 50, run: async () => {
        const f = families[n % families.length];
        const r = await gql('query($s: ID!) { diary(studentId: $s, from: "2026-11-16", to: "2026-11-20") { date lessons { lesson { subject { name } topic homework } marks { value } attendance { kind } } } }', { s: f.students[n % f.students.length] }, f.token);
        if (r.errors) throw new Error(JSON.stringify(r.errors));
      } },
      { name: 'class journal, 4 weeks (teacher)', weight: 20, run: async () => {
        const r = await gql('query($c: ID!, $s: ID!) { classJournal(classGroupId: $c, subjectId: $s, from: "2026-10-26", to: "2026-11-20") { lessons { id date } marks { value } attendance { kind } } }', { c: assignment.classGroup.id, s: assignment.subject.id }, teacher);
        if (r.errors) throw new Error(JSON.stringify(r.errors));
      } },
      { name: 'recordMark (teacher)', weight: 15, run: async () => {
        const t0 = performance.now();
        const student = today.students[n % today.students.length].id as string;
        const r = await gql('mutation($i: RecordMarkInput!) { recordMark(input: $i) { id } }', { i: { lessonId: today.lessons[0].id, studentId: student, value: String(2 + (n % 4)), workTypeCode: 'ORAL' } }, teacher);
        if (r.errors) throw new Error(JSON.stringify(r.errors));
        if (watched.has(student)) sent.set(r.data.recordMark.id, t0);
      } },
      { name: 'class term report (deputy)', weight: 10, run: async () => {
        const r = await gql('query($c: ID!) { classTermReport(classGroupId: $c) { rows { average marksCount } } }', { c: assignment.classGroup.id }, zavuch);
        if (r.errors) throw new Error(JSON.stringify(r.errors));
      } },
      { name: 'timetable (parent)', weight: 5, run: async () => {
        const r = await gql('query($c: ID!) { timetable(classGroupId: $c) { weekday bellNumber subject { name } } }', { c: assignment.classGroup.id }, families[0].token);
        if (r.errors) throw new Error(JSON.stringify(r.errors));
      } },
    ];
    const wheel = ops.flatMap((o) => Array(o.weight).fill(o) as Op[]);

    const rss: { minute: number; mb: number }[] = [];
    const heap: { minute: number; mb: number }[] = [];
    probe = await HeapProbe.connect(inspectPort);
    const started = Date.now();
    const deadline = started + MINUTES * 60_000;
    const sampler = setInterval(() => {
      const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
      rss.push({ minute: (Date.now() - started) / 60_000, mb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024 });
    }, SAMPLE_MS);
    const heapSampler = setInterval(() => {
      const at = (Date.now() - started) / 60_000;
      void probe!.liveHeapMb().then((mb) => heap.push({ minute: at, mb }));
    }, HEAP_SAMPLE_MS);
    console.log(`soak: ${MINUTES} min, ${SOCKETS} sockets, ${CLIENTS} HTTP clients, demo school, node ${process.version}`);
    await Promise.all(Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < deadline) {
        n += 1;
        const op = wheel[Math.floor(Math.random() * wheel.length)];
        const t = performance.now();
        let ok = true;
        let failure: string | undefined;
        try { await op.run(); } catch (e) { ok = false; failure = failureOf(e); }
        record(op.name, performance.now() - t, ok, failure);
      }
    }));
    clearInterval(sampler);
    clearInterval(heapSampler);
    await new Promise((r) => setTimeout(r, 3_000));

    const seconds = (Date.now() - started) / 1000;
    const lags = [...sent].filter(([id]) => arrived.has(id)).map(([id, t0]) => arrived.get(id)! - t0);
    console.log(`\n${'operation'.padEnd(34)} ${'count'.padStart(8)} ${'per s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)}`);
    for (const [name, xs] of times) {
      console.log(`${name.padEnd(34)} ${String(xs.length).padStart(8)} ${(xs.length / seconds).toFixed(1).padStart(7)} ${pct(xs, 0.5).toFixed(1).padStart(8)} ${pct(xs, 0.99).toFixed(1).padStart(8)} ${String(errors.get(name) ?? 0).padStart(7)}`);
    }
    if (failures.size > 0) console.log(`\nfailures: ${[...failures].map(([what, n]) => `${what} ×${n}`).join(', ')}`);
    console.log(`\nsockets: ${SOCKETS} opened, ${connected} connections made (reconnects included), ${socketErrors} errors; events delivered ${delivered}; live lag (mark sent → its event on the first socket) p50 ${pct(lags, 0.5).toFixed(1)} ms, p99 ${pct(lags, 0.99).toFixed(1)} ms; ${lags.length} of the ${sent.size} marks on watched pupils arrived`);
    const third = Math.max(1, Math.floor(rss.length / 3));
    const avg = (xs: { mb: number }[]) => xs.reduce((s, x) => s + x.mb, 0) / Math.max(1, xs.length);
    console.log(`server RSS: first third ${avg(rss.slice(0, third)).toFixed(0)} MB, last third ${avg(rss.slice(-third)).toFixed(0)} MB, max ${Math.max(...rss.map((r) => r.mb)).toFixed(0)} MB`);
    console.log(`RSS over time (MB): ${rss.filter((_, i) => i % Math.max(1, Math.floor(rss.length / 12)) === 0).map((r) => `${r.minute.toFixed(1)}′ ${r.mb.toFixed(0)}`).join(', ')}`);
    // The first minutes fill caches and pools: the trend is read from the third minute on.
    const settled = heap.filter((h) => h.minute >= 3);
    const heapThird = Math.max(1, Math.floor(settled.length / 3));
    if (settled.length >= 3) {
      console.log(`server live heap after a full GC (from minute 3): first third ${avg(settled.slice(0, heapThird)).toFixed(1)} MB, last third ${avg(settled.slice(-heapThird)).toFixed(1)} MB, min ${Math.min(...settled.map((h) => h.mb)).toFixed(1)}, max ${Math.max(...settled.map((h) => h.mb)).toFixed(1)}, trend ${(slope(settled.map((h) => ({ x: h.minute, y: h.mb }))) * 60).toFixed(1)} MB per hour`);
      console.log(`live heap over time (MB): ${heap.filter((_, i) => i % Math.max(1, Math.floor(heap.length / 12)) === 0).map((h) => `${h.minute.toFixed(0)}′ ${h.mb.toFixed(1)}`).join(', ')}`);
    }
  } finally {
    probe?.close();
    await Promise.all(sockets.map((s) => s.dispose()));
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
