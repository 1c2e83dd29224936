/**
 * The administration's reports on the demo school (not a test): each report and the audit
 * log asked through the real HTTP API (token, permission layer, viewer, row scope), warmed
 * up, then timed end to end. Target (issue 4): every report under 200 ms.
 *
 *   npm run bench:admin-reports                 # 30 timed runs each
 *   BENCH_RUNS=100 npm run bench:admin-reports
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:admin-reports   # a running server
 *
 * The server runs in this process on an embedded PostgreSQL (or a fresh database on
 * BENCH_DATABASE_URL), with the demo school loaded for APP_NOW 2026-11-20.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { createApp } from '../server/app';
import { migrateAndSeed } from '../server/bootstrap';
import { ManualClock } from '../lib/clock';
import { ormConfig } from '../server/orm';
import { openBenchDatabase } from './bench-database';

const APP_NOW = '2026-11-20T15:00:00+03:00';
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 5;

const REPORTS: { name: string; login: string; query: string }[] = [
  // Baseline: what any signed-in request costs here (token, viewer, shield), for comparison.
  { name: 'baseline: me', login: 'admin', query: `{ me { roles } }` },
  { name: 'classFillReport', login: 'admin', query: `{ classFillReport { students capacity grades { grade classes students norm } classes { classGroup { name classTeacher { fullName } } students norm vacancies fillPercent } } }` },
  { name: 'movementSummaryReport (a quarter)', login: 'secretary', query: `{ movementSummaryReport(from: "2026-09-01", to: "2026-11-30") { arrivals departures byType { type count } classes { classGroup { name } arrivals departures } } }` },
  { name: 'userActivityReport (a week)', login: 'admin', query: `{ userActivityReport(from: "2026-11-16", to: "2026-11-22") { users { user { login } fullName roles logins writes lastLoginAt } roles { role users activeUsers logins writes } weeks { weekStart activeUsers logins writes } } }` },
  { name: 'userActivityReport (a quarter)', login: 'director', query: `{ userActivityReport(from: "2026-09-01", to: "2026-11-30") { users { user { login } fullName roles logins writes } roles { role users activeUsers logins writes } weeks { weekStart activeUsers logins writes } } }` },
  { name: 'classFillBySchoolReport', login: 'coordinator', query: `{ classFillBySchoolReport { school { name } students capacity grades { grade students } } }` },
  { name: 'movementSummaryBySchoolReport', login: 'coordinator', query: `{ movementSummaryBySchoolReport(from: "2026-09-01", to: "2026-11-30") { school { name } arrivals departures byType { type count } } }` },
  { name: 'userActivityBySchoolReport', login: 'coordinator', query: `{ userActivityBySchoolReport(from: "2026-09-01", to: "2026-11-30") { school { name } roles { role activeUsers logins writes } weeks { weekStart logins writes } } }` },
  { name: 'auditLog (totalCount only)', login: 'admin', query: `{ auditLog(first: 100) { totalCount } }` },
  { name: 'auditLog (first 100)', login: 'admin', query: `{ auditLog(first: 100) { totalCount edges { node { at action entityType entityId actor { login } after } } } }` },
  { name: 'auditLog (deputy, journal only)', login: 'zavuch', query: `{ auditLog(first: 100, filter: { from: "2026-11-01T00:00:00Z" }) { totalCount edges { node { at action entityId } } } }` },
];


const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main(): Promise<void> {
  const db = await openBenchDatabase(`admin_reports_bench_${process.pid}`);
  const orm = await MikroORM.init(ormConfig({ databaseUrl: db.url }));
  const clock = new ManualClock(new Date(APP_NOW));
  await migrateAndSeed(orm, clock, { seed: true });
  const app = await createApp({
    orm, clock, config: { jwtSecret: 'admin-reports-bench', accessTokenTtlSeconds: 36_000, refreshTokenTtlSeconds: 86_400, production: false, logLevel: 'warn' },
  });
  const port = await app.listen(0);
  const gql = async (query: string, token?: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: unknown[] };
  };
  const tokens = new Map<string, string>();
  for (const login of new Set(REPORTS.map((r) => r.login))) {
    const r = await gql(`mutation($l: String!) { login(login: $l, password: "demo") { accessToken } }`, undefined, { l: login });
    tokens.set(login, r.data.login.accessToken);
  }
  const [counts] = await orm.em.getConnection().execute(
    `select (select count(*) from movement_order)::int as orders, (select count(*) from audit_entry)::int as audit,
            (select count(*) from enrollment)::int as enrollments, (select count(*) from app_user)::int as users`,
  );
  console.log(`demo school: ${counts.orders} orders, ${counts.enrollments} enrollments, ${counts.users} accounts, ${counts.audit} audit entries`);
  console.log(`${RUNS} timed runs after ${WARMUP} warm-up runs, HTTP end to end, ms\n`);
  console.log('| report | viewer | p50 | p95 | max |');
  console.log('|---|---|---|---|---|');
  let worst = 0;
  for (const report of REPORTS) {
    const token = tokens.get(report.login)!;
    const first = await gql(report.query, token);
    if (first.errors) throw new Error(`${report.name}: ${JSON.stringify(first.errors)}`);
    for (let i = 0; i < WARMUP; i += 1) await gql(report.query, token);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const started = process.hrtime.bigint();
      await gql(report.query, token);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    times.sort((a, b) => a - b);
    worst = Math.max(worst, percentile(times, 95));
    console.log(`| ${report.name} | ${report.login} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${times.at(-1)!.toFixed(1)} |`);
  }
  console.log(`\nworst p95: ${worst.toFixed(1)} ms (target: under 200 ms)`);
  await app.close();
  await orm.close(true);
  await db.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
