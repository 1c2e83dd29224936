/**
 * Documents benchmark (not a test; issue 13's Speed paragraph): on the benchmark's school (1,000
 * pupils, 44 classes, a full year: bench/generate.ts), through the HTTP API as a client would
 * (the mutation, then GET of the one-time link, the file read to its last byte):
 *   - a pupil's diary of a week as PDF (target < 300 ms),
 *   - the class journal of a class × subject for the whole year as PDF (target < 2 s),
 *   - the whole school's year archive (zip of every class journal as PDF and the year's rows as
 *     CSV and JSON), with the server's peak RSS (target < 400 MB) — the year is closed first.
 * Pages per second from the documents' own page counts (issued_document.pages).
 *
 *   npm run bench:documents
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:documents
 *   BENCH_RUNS=30 (diary runs; journals run a third as many)
 *
 * The server runs as a child process (dist/server/main.js), so its RSS is the API's alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { freePort } from '../server/database';
import { ormConfig } from '../server/orm';
import { PROJECT_ROOT } from '../server/paths';
import { openBenchDatabase } from './bench-database';
import { BENCH_NOW, BENCH_PASSWORD, generate, schoolPrefix } from './generate';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function main(): Promise<void> {
  const db = await openBenchDatabase(`sj_bench_documents_${process.pid}`);
  let server: ChildProcess | null = null;
  try {
    const orm = await MikroORM.init(ormConfig({ databaseUrl: db.url, poolMax: 2 }));
    await orm.getMigrator().up();
    await orm.close(true);
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const argon2 = await import('argon2');
    log('generating the benchmark school');
    await generate(pg, { schools: 1, passwordHash: await argon2.hash(BENCH_PASSWORD), log });

    const port = await freePort();
    server = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'server', 'main.js')], {
      env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), APP_NOW: BENCH_NOW, ACCESS_TOKEN_TTL_SECONDS: '3600', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    await waitForHealth(port);
    const base = `http://127.0.0.1:${port}`;
    const token = await signIn(`${base}/graphql`, `${schoolPrefix(1)}.admin`);
    const ask = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }),
      });
      const body = await response.json() as { data?: Record<string, { url: string }>; errors?: unknown };
      if (!body.data) throw new Error(JSON.stringify(body.errors));
      return Object.values(body.data)[0].url;
    };
    /** Asks, fetches to the last byte; answers ms and bytes. */
    const make = async (query: string, variables: Record<string, unknown>) => {
      const started = performance.now();
      const url = await ask(query, variables);
      const response = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`download ${response.status}`);
      let bytes = 0;
      for await (const chunk of response.body!) bytes += (chunk as Uint8Array).length;
      return { ms: performance.now() - started, bytes };
    };
    const pagesOfLast = async () => Number((await pg.query(`select pages from issued_document order by made_at desc, completed_at desc nulls last limit 1`)).rows[0].pages);

    const students = (await pg.query(`select s.id from student s join enrollment e on e.student_id = s.id join class_group c on c.id = e.class_group_id
                                       where c.grade >= 5 order by s.id limit 200`)).rows.map((r) => r.id as string);
    // The fullest class × subject of the year: the most lessons.
    const [journal] = (await pg.query(`select l.class_group_id, l.subject_id, count(*)::int as lessons, c.grade || c.letter as class, sj.name as subject,
                                             (select count(*)::int from enrollment e where e.class_group_id = l.class_group_id) as pupils
                                        from lesson l join class_group c on c.id = l.class_group_id join subject sj on sj.id = l.subject_id
                                       group by 1, 2, c.grade, c.letter, sj.name order by 3 desc, 1, 2 limit 1`)).rows;

    const DIARY = `mutation($s: ID!, $w: Date!) { requestDiaryWeekDocument(studentId: $s, week: $w) { url } }`;
    const JOURNAL = `mutation($c: ID!, $s: ID!) { requestClassJournalDocument(classGroupId: $c, subjectId: $s) { url } }`;
    const ARCHIVE = `mutation($y: ID!) { requestYearArchive(yearId: $y) { url } }`;

    const summary = (times: number[]) => {
      times.sort((a, b) => a - b);
      return { p50: times[Math.floor(times.length / 2)], max: times[times.length - 1] };
    };
    // Warm-up: JIT, pools, the parsed fonts.
    for (let i = 0; i < 5; i += 1) await make(DIARY, { s: gid('Student', students[i]), w: '2027-05-17' });
    const diaryTimes: number[] = [];
    let diaryPages = 0;
    for (let i = 0; i < RUNS; i += 1) {
      diaryTimes.push((await make(DIARY, { s: gid('Student', students[(i * 7) % students.length]), w: '2027-05-17' })).ms);
      diaryPages = await pagesOfLast();
    }
    const diary = summary(diaryTimes);
    log(`diary week: p50 ${diary.p50.toFixed(0)} ms, max ${diary.max.toFixed(0)} ms, ${diaryPages} pages`);

    await make(JOURNAL, { c: gid('ClassGroup', journal.class_group_id), s: gid('Subject', journal.subject_id) });
    const journalTimes: number[] = [];
    let journalPages = 0;
    let journalBytes = 0;
    for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 3)); i += 1) {
      const r = await make(JOURNAL, { c: gid('ClassGroup', journal.class_group_id), s: gid('Subject', journal.subject_id) });
      journalTimes.push(r.ms);
      journalBytes = r.bytes;
      journalPages = await pagesOfLast();
    }
    const year = summary(journalTimes);
    log(`class journal ${journal.class} ${journal.subject} (${journal.lessons} lessons, ${journal.pupils} pupils): p50 ${year.p50.toFixed(0)} ms, max ${year.max.toFixed(0)} ms, ${journalPages} pages, ${(journalBytes / 1024).toFixed(0)} KB`);

    const [{ id: yearId }] = (await pg.query(`select id from academic_year order by starts_on limit 1`)).rows;
    await pg.query(`update academic_year set state = 'CLOSED', closed_at = '2027-06-30T12:00:00Z' where id = $1`, [yearId]);
    const rssBefore = memoryOf(server.pid!).rss;
    resetPeak(server.pid!);
    const archiveRun = await make(ARCHIVE, { y: gid('AcademicYear', yearId) });
    const { peak } = memoryOf(server.pid!);
    const archivePages = await pagesOfLast();
    const counts = (await pg.query(`select (select count(*) from mark)::int as marks, (select count(*) from lesson)::int as lessons,
                                           (select count(distinct (class_group_id, subject_id)) from lesson)::int as journals`)).rows[0];
    log(`year archive: ${(archiveRun.ms / 1000).toFixed(1)} s, ${(archiveRun.bytes / 1024 / 1024).toFixed(1)} MB, ${counts.journals} journals, ${archivePages} pages, `
      + `server RSS ${rssBefore} MB before, peak ${peak} MB`);

    const lines = [
      `documents on the benchmark school (1,000 pupils, ${counts.lessons} lessons, ${counts.marks} marks), ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`,
      `document                                   p50 ms    max ms   pages   pages/s   target`,
      `diary of a week (${RUNS} runs)                  ${diary.p50.toFixed(0).padStart(7)} ${diary.max.toFixed(0).padStart(9)} ${String(diaryPages).padStart(7)} ${(diaryPages / (diary.p50 / 1000)).toFixed(1).padStart(9)}   < 300 ms: ${diary.p50 < 300 ? 'yes' : 'NO'}`,
      `class journal, year (${journal.class} ${journal.subject})`.padEnd(43) + `${year.p50.toFixed(0).padStart(7)} ${year.max.toFixed(0).padStart(9)} ${String(journalPages).padStart(7)} ${(journalPages / (year.p50 / 1000)).toFixed(1).padStart(9)}   < 2 s: ${year.p50 < 2000 ? 'yes' : 'NO'}`,
      `year archive (${counts.journals} journals, ${(archiveRun.bytes / 1024 / 1024).toFixed(1)} MB)`.padEnd(43) + `${archiveRun.ms.toFixed(0).padStart(7)} ${''.padStart(9)} ${String(archivePages).padStart(7)} ${(archivePages / (archiveRun.ms / 1000)).toFixed(1).padStart(9)}   peak RSS ${peak} MB (< 400: ${peak < 400 ? 'yes' : 'NO'})`,
    ];
    console.log(`\n${lines.join('\n')}`);
    await pg.end();
  } catch (error) {
    console.error('benchmark failed:', error);
    process.exitCode = 1;
  } finally {
    if (server) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await db.close();
  }
}

/** The process's resident set and its peak since the last reset, in MB (Linux /proc). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/** Resets VmHWM to the current RSS (clear_refs 5), so the peak is the archive's. */
function resetPeak(pid: number): void {
  try { fs.writeFileSync(`/proc/${pid}/clear_refs`, '5'); } catch { /* the peak then includes what came before */ }
}

async function signIn(url: string, login: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($l: String!) { login(login: $l, password: "demo") { accessToken } }', variables: { l: login } }),
  });
  const body = await response.json() as { data?: { login: { accessToken: string } } };
  if (!body.data) throw new Error(`could not sign in as ${login}: ${JSON.stringify(body)}`);
  return body.data.login.accessToken;
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

void main();
