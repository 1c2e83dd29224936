/**
 * Import benchmark (issue 18; not a test): a dry run and an apply of a 1,000-pupil school with
 * 2,000 guardians and 44 classes, then of a school whose users.csv has about 20,000 rows, each
 * over HTTP the way a client does it (POST /uploads, then importRoster), in-process server on an
 * empty database. Printed: wall time, the process's peak RSS so far, SQL statements, rows.
 *
 *   npm run bench:import
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:import
 *   BENCH_RUNS=3 npm run bench:import     (runs of the 1,000-pupil school, each into a new school)
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { createApp } from '../server/app';
import { migrateAndSeed } from '../server/bootstrap';
import { ManualClock } from '../lib/clock';
import { ormConfig } from '../server/orm';
import { createSchool } from '../domain/region/school-creation';
import { toGlobalId } from '../schema/global-id';
import { generateOneRoster, THOUSAND_PUPIL_SCHOOL, type RosterSize } from '../seed/roster-files';
import { openBenchDatabase } from './bench-database';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TWENTY_THOUSAND_ROWS: RosterSize = { classes: 220, pupils: 6600, guardiansPerPupil: 2, subjectsPerClass: 8, prefix: 'x' };

const IMPORT = `mutation($s: ID!, $f: [ID!]!, $d: Boolean) { importRoster(schoolId: $s, files: $f, dryRun: $d) {
  applied rows { outcome } problems { file line message } credentials { login } } }`;

async function main(): Promise<void> {
  const db = await openBenchDatabase(`sj_bench_import_${process.pid}`);
  const orm = await MikroORM.init(ormConfig({ databaseUrl: db.url }));
  let statements = 0;
  orm.em.getConnection().getKnex().on('query', () => { statements += 1; });
  const clock = new ManualClock(new Date('2026-11-20T12:00:00+03:00'));
  await migrateAndSeed(orm, clock, { seed: false });
  const app = await createApp({ orm, clock, config: { jwtSecret: 'bench', accessTokenTtlSeconds: 3600, refreshTokenTtlSeconds: 3600, production: false, logLevel: 'warn' } });
  const port = await app.listen(0);
  const base = `http://127.0.0.1:${port}`;
  const idleRss = (process.memoryUsage().rss / 1048576).toFixed(0);

  const newSchool = async (name: string) => {
    const created = await createSchool(orm.em.fork(), { region: 'Область', municipality: 'Округ', school: name, admin: { login: `admin.${name.toLowerCase().replace(/[^a-z0-9]/g, '')}`, lastName: 'Админова', firstName: 'Анна' } }, clock.now());
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken } }', variables: { l: created.login, p: created.startingPassword } }) });
    const first = ((await res.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
    const changed = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${first}` }, body: JSON.stringify({ query: 'mutation($o: String!) { changePassword(oldPassword: $o, newPassword: "bench-password-42") }', variables: { o: created.startingPassword } }) });
    if (!changed.ok) throw new Error('changePassword failed');
    const again = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation($l: String!) { login(login: $l, password: "bench-password-42") { accessToken } }', variables: { l: created.login } }) });
    return { schoolId: toGlobalId('School', created.schoolId), token: ((await again.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken };
  };

  const measure = async (label: string, size: RosterSize) => {
    const files = generateOneRoster(size);
    const rows = files.reduce((n, f) => n + f.content.toString('utf8').split('\n').length - 2, 0);
    const usersRows = files.find((f) => f.name === 'users.csv')!.content.toString('utf8').split('\n').length - 2;
    const school = await newSchool(`${label}${size.prefix}`);
    const form = new FormData();
    for (const f of files) form.append('file', new Blob([f.content]), f.name);
    let t = performance.now();
    const up = await fetch(`${base}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${school.token}` }, body: form });
    const staged = ((await up.json()) as { files: { id: string }[] }).files.map((f) => f.id);
    const uploadMs = performance.now() - t;
    const out: Record<string, string> = { upload: `${uploadMs.toFixed(0)} ms` };
    for (const dryRun of [true, false]) {
      const before = statements;
      // Sampled while the request runs: the resident set and the V8 heap at their highest.
      const peak = { rss: 0, heap: 0, external: 0 };
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        peak.rss = Math.max(peak.rss, m.rss); peak.heap = Math.max(peak.heap, m.heapUsed); peak.external = Math.max(peak.external, m.external + m.arrayBuffers);
      }, 20);
      t = performance.now();
      const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${school.token}` }, body: JSON.stringify({ query: IMPORT, variables: { s: school.schoolId, f: staged, d: dryRun } }) });
      const body = (await res.json()) as { data?: { importRoster: { applied: boolean; rows: unknown[]; problems: unknown[]; credentials: unknown[] } }; errors?: unknown };
      const ms = performance.now() - t;
      clearInterval(sampler);
      if (!body.data || body.data.importRoster.problems.length) throw new Error(JSON.stringify(body.errors ?? body.data!.importRoster.problems.slice(0, 5)));
      const r = body.data.importRoster;
      const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
      out[dryRun ? 'dry run' : 'apply'] = `${(ms / 1000).toFixed(2)} s, ${statements - before} statements, ${r.rows.length} records${dryRun ? '' : `, ${r.credentials.length} accounts`}; `
        + `during it RSS ≤ ${mb(peak.rss)}, heap used ≤ ${mb(peak.heap)}, buffers ≤ ${mb(peak.external)}`;
    }
    out['peak RSS'] = `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (the process, server included; ${idleRss} MB before the first import)`;
    console.log(`${label}: ${rows} data rows in ${files.length} files (users.csv ${usersRows})`);
    for (const [k, v] of Object.entries(out)) console.log(`  ${k.padEnd(9)} ${v}`);
  };

  console.log(`import benchmark, node ${process.version}, in-process server, ${process.env.BENCH_DATABASE_URL ? 'server PostgreSQL' : 'embedded PostgreSQL'}`);
  for (let run = 1; run <= RUNS; run += 1) {
    await measure(`1,000 pupils, 2,000 guardians, 44 classes (run ${run})`, { ...THOUSAND_PUPIL_SCHOOL, prefix: `b${run}` });
  }
  await measure('20,000-row users.csv', TWENTY_THOUSAND_ROWS);
  await app.close();
  await orm.close(true);
  await db.close();
}

main().catch((e) => { console.error(e); process.exit(1); });
