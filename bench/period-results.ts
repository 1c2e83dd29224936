/**
 * Period-results benchmark (not a test): the period-results reports (issue 13) on a region of
 * generated schools (bench/generate.ts: 1,000 pupils and 44 classes each), with every pupil's
 * period marks of quarters 1–3 and the year, asked through the HTTP API of a server process,
 * one request at a time; prints p50/p99/max per report against the 200 ms target.
 *
 *   npm run bench:period-results                      # 20 schools, 200 runs per report
 *   BENCH_SCHOOLS=200 BENCH_RUNS=300 npm run bench:period-results
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:period-results
 *
 * The reports read `period_mark` directly (no rollup): a school is ~1,000 pupils × ~10 subjects
 * per period, found through the pupils' enrollments, so the other schools only deepen the indexes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { freePort } from '../server/database';
import { ormConfig } from '../server/orm';
import { PROJECT_ROOT } from '../server/paths';
import { openBenchDatabase } from './bench-database';
import { BENCH_NOW, BENCH_PASSWORD, generate, schoolPrefix } from './generate';

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 20);
/**
 * Region-sized `period_mark` without generating whole schools: this many schools' worth of extra
 * period marks (~9,000 per period per school, of pupils and years no real school has; written with
 * foreign keys unchecked), so the indexes are as deep as at region scale. 180 + 20 = 200 schools.
 */
const PAD_SCHOOLS = Number(process.env.BENCH_PAD_SCHOOLS ?? 0);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = Math.max(10, Math.floor(RUNS / 10));
const TARGET_MS = 200;
const log = (line: string) => console.log(`[period-results] ${line}`);

interface Case { name: string; login: string; query: string; variables: Record<string, string> }

/**
 * Every pupil of grades 2–11 gets a period mark in each curriculum subject for quarters 1–3 and a
 * YEAR mark, deterministic by a hash: 5 (25 %), 4 (40 %), 3 (28 %), 2 (5 %), «н/а» (2 %).
 */
async function addPeriodMarks(pg: Client): Promise<number> {
  await pg.query('begin');
  await pg.query('set local session_replication_role = replica');
  const value = (salt: string) => {
    const h = `(abs(hashtext(e.student_id::text || ci.subject_id::text || ${salt})) % 100)`;
    return `(case when ${h} < 25 then '5' when ${h} < 65 then '4' when ${h} < 93 then '3' when ${h} < 98 then '2' else 'н/а' end)`;
  };
  const { rowCount: periods } = await pg.query(
    `insert into period_mark (id, school_id, student_id, subject_id, year_id, kind, study_period_id, value, revision, created_by_id, created_at)
     select gen_random_uuid(), c.school_id, e.student_id, ci.subject_id, c.year_id, 'PERIOD', p.id, ${value('p.ordinal::text')}, 1,
            (select id from app_user where login = 'bench.region'), p.ends_on::timestamptz
       from class_group c join enrollment e on e.class_group_id = c.id and e.ends_on is null
       join curriculum_item ci on ci.class_group_id = c.id
       join study_period p on p.year_id = c.year_id and c.grade between p.grade_from and p.grade_to and p.ordinal <= 3
      where c.grade > 1
     on conflict do nothing`);
  const { rowCount: years } = await pg.query(
    `insert into period_mark (id, school_id, student_id, subject_id, year_id, kind, study_period_id, value, revision, created_by_id, created_at)
     select gen_random_uuid(), c.school_id, e.student_id, ci.subject_id, c.year_id, 'YEAR', null, ${value("'Y'")}, 1,
            (select id from app_user where login = 'bench.region'), now()
       from class_group c join enrollment e on e.class_group_id = c.id and e.ends_on is null
       join curriculum_item ci on ci.class_group_id = c.id
      where c.grade > 1
     on conflict do nothing`);
  let padded = 0;
  if (PAD_SCHOOLS > 0) {
    const { rowCount } = await pg.query(
      `insert into period_mark (id, school_id, student_id, subject_id, year_id, kind, study_period_id, value, revision, created_by_id, created_at)
       select gen_random_uuid(), sc.school, md5(sc.school::text || pupil)::uuid, sj.subject, sc.year, k.kind::period_mark_kind, k.period,
              (array['5', '4', '4', '3', '3', '2'])[1 + (pupil + sj.n) % 6], 1, (select id from app_user where login = 'bench.region'), now()
         from (select gen_random_uuid() as school, gen_random_uuid() as year, array[gen_random_uuid(), gen_random_uuid(), gen_random_uuid()] as periods
                 from generate_series(1, $1::int)) sc
         cross join generate_series(1, 900) pupil
         cross join (select n, gen_random_uuid() as subject from generate_series(1, 10) n) sj
         cross join lateral (select 'PERIOD' as kind, sc.periods[q] as period from generate_series(1, 3) q union all select 'YEAR', null) k`,
      [PAD_SCHOOLS]);
    padded = rowCount ?? 0;
  }
  await pg.query('commit');
  await pg.query('analyze period_mark');
  log(`padding: ${padded} period marks of ${PAD_SCHOOLS} schools that are not there`);
  return (periods ?? 0) + (years ?? 0);
}

async function main(): Promise<void> {
  const db = await openBenchDatabase(`sj_bench_period_${process.pid}`);
  let server: ChildProcess | null = null;
  try {
    const orm = await MikroORM.init(ormConfig({ databaseUrl: db.url, poolMax: 2 }));
    await orm.getMigrator().up();
    await orm.close(true);
    const pg = new Client({ connectionString: db.url });
    pg.on('error', () => {});
    await pg.connect();
    await pg.query('set synchronous_commit = off');
    const argon2 = await import('argon2');
    const started = Date.now();
    const generated = await generate(pg, { schools: SCHOOLS, passwordHash: await argon2.hash(BENCH_PASSWORD), log, trustedBulkLoad: true });
    const periodMarks = await addPeriodMarks(pg);
    log(`data: ${JSON.stringify(generated.counts)}, period marks ${periodMarks} (${Math.round((Date.now() - started) / 1000)} s)`);
    const cases = await prepareCases(pg);
    await pg.end();

    const port = await freePort();
    server = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'server', 'main.js')], {
      env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), APP_NOW: BENCH_NOW, ACCESS_TOKEN_TTL_SECONDS: '3600', SEED_DEMO: 'false' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    await waitForHealth(port);
    const url = `http://127.0.0.1:${port}/graphql`;
    const tokens = new Map<string, string>();
    for (const login of new Set(cases.map((c) => c.login))) tokens.set(login, await signIn(url, login));

    const results: { name: string; login: string; p50: number; p99: number; max: number; bytes: number }[] = [];
    for (const c of cases) {
      const token = tokens.get(c.login)!;
      let bytes = 0;
      for (let i = 0; i < WARMUP; i++) bytes = (await ask(url, token, c)).length;
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await ask(url, token, c);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
      results.push({ name: c.name, login: c.login, p50: at(0.5), p99: at(0.99), max: times[times.length - 1], bytes });
    }
    console.log(`\nperiod results on school ${schoolPrefix(Math.ceil(SCHOOLS / 2))} of ${SCHOOLS} (${periodMarks} period marks in all), ${RUNS} runs each after ${WARMUP} warm-up, one at a time`);
    console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
    console.log('report                              as                 p50 ms   p99 ms   max ms   answer KB   p99 < 200 ms');
    for (const r of results) {
      console.log(`${r.name.padEnd(36)}${r.login.padEnd(18)}${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${(r.bytes / 1024).toFixed(1).padStart(11)}   ${r.p99 < TARGET_MS ? 'yes' : 'NO'}`);
    }
    if (results.some((r) => r.p99 >= TARGET_MS)) process.exitCode = 1;
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

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

async function prepareCases(pg: Client): Promise<Case[]> {
  const prefix = schoolPrefix(Math.ceil(SCHOOLS / 2));
  const { rows: [ids] } = await pg.query(
    `select s.id as school, (select p.id from study_period p join academic_year y on y.id = p.year_id where y.school_id = s.id and p.ordinal = 3
                              and p.grade_from <= 5 and p.grade_to >= 5 limit 1) as q3,
            (select c.id from class_group c where c.school_id = s.id and c.grade = 7 order by c.letter limit 1) as class7,
            (select e.id from employee e join app_user u on u.id = e.user_id where u.login = $1 || '.t1') as teacher
       from school s where s.name = $2`, [prefix, `Бенчмарк-школа ${prefix}`]);
  const coordinator = `bench.m${Math.ceil(Math.ceil(SCHOOLS / 2) / 10)}.coordinator`;
  const school = { s: gid('School', ids.school), p: gid('StudyPeriod', ids.q3) };
  const COUNTS = 'pupils attested excellent good oneFour satisfactory oneThree failing notAttestedMark notAttested missingMarks qualityPercent successPercent';
  const GROUPS = `total { ${COUNTS} } groups { grade classGroupName classTeacherName subjectName teacherName ${COUNTS} }`;
  const results = (groupBy: string) => `query($s: ID, $p: ID) { periodResults(groupBy: ${groupBy}, schoolId: $s, studyPeriodId: $p) { ${GROUPS} } }`;
  return [
    { name: 'periodResults CLASS', login: `${prefix}.zavuch`, variables: school, query: results('CLASS') },
    { name: 'periodResults CLASS_SUBJECT', login: `${prefix}.zavuch`, variables: school, query: results('CLASS_SUBJECT') },
    { name: 'periodResults TEACHER', login: `${prefix}.director`, variables: school, query: results('TEACHER') },
    { name: 'periodResults SCHOOL', login: coordinator, variables: school, query: results('SCHOOL') },
    { name: 'periodResults YEAR × PARALLEL', login: `${prefix}.admin`, variables: { s: school.s },
      query: `query($s: ID) { periodResults(groupBy: PARALLEL, kind: YEAR, schoolId: $s) { ${GROUPS} } }` },
    { name: 'classTeachersSummaryReport', login: `${prefix}.zavuch`, variables: school,
      query: `query($s: ID, $p: ID) { classTeachersSummaryReport(schoolId: $s, studyPeriodId: $p) { results { ${GROUPS} } absences { classGroupId absentLessons illness unexcused } } }` },
    { name: 'classPeriodResultsReport', login: `${prefix}.zavuch`, variables: { c: gid('ClassGroup', ids.class7), p: school.p },
      query: `query($c: ID!, $p: ID) { classPeriodResultsReport(classGroupId: $c, studyPeriodId: $p) { ${GROUPS} pupils { studentName category marks { subjectName value } } } }` },
    { name: 'subjectTeacherReport', login: `${prefix}.zavuch`, variables: { t: gid('Employee', ids.teacher), p: school.p },
      query: `query($t: ID, $p: ID) { subjectTeacherReport(teacherId: $t, studyPeriodId: $p) { teacherName results { ${GROUPS} } coverage { classGroupName plannedHours lessonsHeld coveragePercent } } }` },
    { name: 'classMarkSheetReport', login: `${prefix}.zavuch`, variables: { c: gid('ClassGroup', ids.class7) },
      query: `query($c: ID!) { classMarkSheetReport(classGroupId: $c) { periods { name } cards { studentName subjects { subjectName periods { value } yearMark } } } }` },
    { name: 'reportConstructor CLASS × SUBJECT', login: `${prefix}.admin`, variables: { s: school.s },
      query: `query($s: ID) { reportConstructor(schoolId: $s, from: "2027-01-12", to: "2027-03-19", dimensions: [CLASS, SUBJECT], measures: [COUNT, WEIGHTED_AVERAGE, QUALITY, ABSENCES], first: 100) {
        groupCount truncated rows { keys { label } count weightedAverage qualityPercent absences { absent } } } }` },
  ];
}

async function ask(url: string, token: string, c: Case): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: c.query, variables: c.variables }),
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) throw new Error(`${c.name} as ${c.login}: ${text.slice(0, 300)}`);
  return text;
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
