/**
 * Journal-report benchmark (not a test): every report of issue 4 part 8 (and the period-mark
 * sheet) asked on the demo school through the HTTP API, one request at a time, many runs each;
 * prints p50/p99/max per report against the 200 ms target.
 *
 *   npm run bench:reports                                   # embedded PostgreSQL, 300 runs per report
 *   BENCH_RUNS=1000 npm run bench:reports
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:reports   # a running server
 *
 * The server runs as a child process (dist/server/main.js) on a fresh database, which it
 * migrates and fills with the demo school as of APP_NOW (the autumn term: two quarters of marks).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../server/database';
import { PROJECT_ROOT } from '../server/paths';
import { openBenchDatabase } from './bench-database';

const APP_NOW = '2026-11-20T15:00:00+03:00';
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const WARMUP = Math.max(10, Math.floor(RUNS / 10));
const TARGET_MS = 200;

interface Case { name: string; login: string; query: string; variables: Record<string, string> }

async function main(): Promise<void> {
  const db = await openBenchDatabase(`sj_bench_reports_${process.pid}`);
  let server: ChildProcess | null = null;
  try {
    const port = await freePort();
    server = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'server', 'main.js')], {
      env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), APP_NOW, ACCESS_TOKEN_TTL_SECONDS: '3600' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    await waitForHealth(port);
    const url = `http://127.0.0.1:${port}/graphql`;
    const cases = await prepareCases(db.url);
    const tokens = new Map<string, string>();
    for (const login of new Set(cases.map((c) => c.login))) tokens.set(login, await signIn(url, login));

    const results: { name: string; login: string; p50: number; p99: number; max: number; bytes: number; cpuMs: number }[] = [];
    for (const c of cases) {
      const token = tokens.get(c.login)!;
      let bytes = 0;
      for (let i = 0; i < WARMUP; i++) bytes = (await ask(url, token, c)).length;
      const times: number[] = [];
      const cpuBefore = cpuMsOf(server.pid!);
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await ask(url, token, c);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
      const cpuMs = (cpuMsOf(server.pid!) - cpuBefore) / RUNS;
      results.push({ name: c.name, login: c.login, p50: at(0.5), p99: at(0.99), max: times[times.length - 1], bytes, cpuMs });
    }
    console.log(`\njournal reports on the demo school (APP_NOW ${APP_NOW}), ${RUNS} runs each after ${WARMUP} warm-up, one at a time`);
    console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
    console.log('report                          as            p50 ms   p99 ms   max ms   server CPU ms/req   answer KB   p99 < 200 ms');
    for (const r of results) {
      console.log(`${r.name.padEnd(32)}${r.login.padEnd(12)}${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${r.cpuMs.toFixed(1).padStart(19)} ${(r.bytes / 1024).toFixed(1).padStart(11)}   ${r.p99 < TARGET_MS ? 'yes' : 'NO'}`);
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

/** User + system CPU time of a process so far, from /proc (Linux), in ms; 0 elsewhere. */
function cpuMsOf(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

async function prepareCases(databaseUrl: string): Promise<Case[]> {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  const { rows: [ids] } = await pg.query(`select
      (select id from class_group where grade = 5 and letter = 'А') as c5a, (select id from class_group where grade = 5 and letter = 'Б') as c5b,
      (select id from study_period where ordinal = 1) as q1, (select id from study_period where ordinal = 2) as q2,
      (select s.id from student s join app_user u on u.id = s.user_id where u.login = 's.ivanov') as ivanov`);
  await pg.end();
  const term = { from: '2026-09-01', to: '2026-11-20' };
  return [
    { name: 'journalCompletenessReport', login: 'zavuch', variables: term, query: `query($from: Date!, $to: Date!) { journalCompletenessReport(from: $from, to: $to) {
        rows { classGroupName subjectName teacherName lessons missingTopic missingHomework missingAttendance complete incompleteLessons { lessonId date } } } }` },
    { name: 'journalCompletenessReport', login: 't.math', variables: term, query: `query($from: Date!, $to: Date!) { journalCompletenessReport(from: $from, to: $to) {
        rows { classGroupName subjectName lessons missingTopic missingHomework missingAttendance } } }` },
    { name: 'markTimelinessReport', login: 'director', variables: term, query: `query($from: Date!, $to: Date!) { markTimelinessReport(from: $from, to: $to) {
        marks lateMarks lateShare rows { teacherName subjectName marks lateMarks lateShare averageDelayDays } } }` },
    { name: 'studentAverageReport', login: 'zavuch', variables: { s: gid('Student', ids.ivanov) }, query: `query($s: ID!) { studentAverageReport(studentId: $s) {
        marks average weightedAverage trend periods { label marks average weightedAverage } weeks { label marks weightedAverage } } }` },
    { name: 'weightedAverageReport', login: 't.math', variables: { c: gid('ClassGroup', ids.c5a), p: gid('StudyPeriod', ids.q1) },
      query: `query($c: ID!, $p: ID!) { weightedAverageReport(classGroupId: $c, studyPeriodId: $p) { formula rows { studentName subjectName marks average weightedAverage } } }` },
    { name: 'reportCardReport', login: 'p.ivanova', variables: { s: gid('Student', ids.ivanov), p: gid('StudyPeriod', ids.q1) },
      query: `query($s: ID!, $p: ID!) { reportCardReport(studentId: $s, studyPeriodId: $p) {
        studentName classGroupName subjects { subjectName periodMark yearMark marks average weightedAverage } absences { absentLessons lateLessons illness excused unexcused unknown } } }` },
    { name: 'attendanceSummaryReport', login: 'admin', variables: term, query: `query($from: Date!, $to: Date!) { attendanceSummaryReport(from: $from, to: $to) {
        rows { classGroupName absences lates byReason { kind reason count } students { studentName absent late unexcused } } } }` },
    { name: 'atRiskReport', login: 'zavuch', variables: { p: gid('StudyPeriod', ids.q2) }, query: `query($p: ID!) { atRiskReport(studyPeriodId: $p) {
        students { studentName classGroupName subjects { subjectName hoursPerWeek marks required } } } }` },
    { name: 'schoolJournalAggregatesReport', login: 'coordinator', variables: term, query: `query($from: Date!, $to: Date!) { schoolJournalAggregatesReport(from: $from, to: $to) {
        schoolName lessons lessonsMissingTopic lessonsMissingHomework lessonsMissingAttendance marks lateMarks averageMark weightedAverageMark absences lates atRiskPairs atRiskStudents } }` },
    { name: 'periodResults CLASS', login: 'zavuch', variables: { p: gid('StudyPeriod', ids.q1) }, query: `query($p: ID) { periodResults(groupBy: CLASS, studyPeriodId: $p) {
        total { pupils attested excellent good oneFour satisfactory oneThree failing notAttested qualityPercent successPercent }
        groups { classGroupName classTeacherName pupils attested excellent good oneFour satisfactory oneThree failing notAttested missingMarks qualityPercent successPercent } } }` },
    { name: 'periodResults TEACHER', login: 't.math', variables: { p: gid('StudyPeriod', ids.q1) }, query: `query($p: ID) { periodResults(groupBy: TEACHER, studyPeriodId: $p) {
        groups { teacherName pupils excellent good satisfactory failing qualityPercent successPercent } } }` },
    { name: 'classPeriodResultsReport', login: 't.russian', variables: { c: gid('ClassGroup', ids.c5b), p: gid('StudyPeriod', ids.q1) },
      query: `query($c: ID!, $p: ID) { classPeriodResultsReport(classGroupId: $c, studyPeriodId: $p) { total { pupils qualityPercent successPercent }
        groups { subjectName pupils qualityPercent } pupils { studentName category marks { subjectName value } } } }` },
    { name: 'preliminaryClassReport', login: 't.math', variables: { c: gid('ClassGroup', ids.c5a), p: gid('StudyPeriod', ids.q2) },
      query: `query($c: ID!, $p: ID!) { preliminaryClassReport(classGroupId: $c, studyPeriodId: $p) { excellent good pupils { studentName category subjects { subjectName weightedAverage headingFor } } } }` },
    { name: 'yearReportCard', login: 'p.ivanova', variables: { s: gid('Student', ids.ivanov) },
      query: `query($s: ID!) { yearReportCard(studentId: $s) { periods { name } cards { subjects { subjectName periods { value } yearMark examMark finalMark } } } }` },
    { name: 'reportConstructor', login: 'admin', variables: term, query: `query($from: Date!, $to: Date!) { reportConstructor(from: $from, to: $to,
        dimensions: [CLASS, SUBJECT], measures: [COUNT, AVERAGE, WEIGHTED_AVERAGE, QUALITY, SUCCESS, ABSENCES], first: 100) {
        groupCount truncated rows { keys { label } count average weightedAverage qualityPercent successPercent absences { absent late } } } }` },
    { name: 'periodMarkSheet', login: 'zavuch', variables: { c: gid('ClassGroup', ids.c5b), p: gid('StudyPeriod', ids.q1) }, query: `query($c: ID!, $p: ID) { periodMarkSheet(classGroupId: $c, studyPeriodId: $p) {
        classGroupName students { studentId fullName } subjects { subjectId name } marks { periodMarkId kind value corrected studentId subjectId studyPeriodId } } }` },
  ];
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
