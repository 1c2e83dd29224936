/**
 * School-year benchmark (not a test): the demo school, in-process server, each operation
 * timed over HTTP (median and p95 of BENCH_RUNS runs, the rollover apply once).
 *
 *   npm run bench:school-year
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:school-year
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { createApp } from '../server/app';
import { migrateAndSeed } from '../server/bootstrap';
import { ManualClock } from '../lib/clock';
import { startEmbeddedPostgres, type DatabaseHandle } from '../server/database';
import { ormConfig } from '../server/orm';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

async function openDatabase(): Promise<DatabaseHandle> {
  const name = `sj_bench_year_${process.pid}`;
  const base = process.env.BENCH_DATABASE_URL;
  if (base) {
    const run = async (sql: string) => { const c = new Client({ connectionString: base }); await c.connect(); await c.query(sql); await c.end(); };
    await run(`create database "${name}"`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    return { url: url.toString(), close: () => run(`drop database if exists "${name}" with (force)`) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sj-bench-year-'));
  fs.chmodSync(dir, 0o755);
  const handle = await startEmbeddedPostgres(path.join(dir, 'pg'), name);
  return { url: handle.url, close: async () => { await handle.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

async function main(): Promise<void> {
  const db = await openDatabase();
  const orm = await MikroORM.init(ormConfig({ databaseUrl: db.url }));
  const clock = new ManualClock(new Date('2026-11-20T12:00:00+03:00'));
  await migrateAndSeed(orm, clock, { seed: true });
  const app = await createApp({ orm, clock, config: { jwtSecret: 'bench', accessTokenTtlSeconds: 3600, refreshTokenTtlSeconds: 3600, production: false, logLevel: 'warn' } });
  const port = await app.listen(0);
  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const login = async (l: string) => (await gql(`mutation($l: String!) { login(login: $l, password: "demo") { accessToken } }`, { l })).login.accessToken as string;
  const [admin, zavuch, student] = [await login('admin'), await login('zavuch'), await login('s.ivanov')];
  const me = await gql('{ me { student { classGroup { id } } } academicYears { id } }', {}, student);
  const classId = me.me.student.classGroup.id;
  const yearId = me.academicYears[0].id;
  const rollover = { yearId, name: '2027/2028', startsOn: '2027-09-01', endsOn: '2028-05-31', defaultDecision: 'PROMOTE' };

  const ops: [string, () => Promise<unknown>][] = [
    ['academicYears with the calendar (student)', () => gql('{ academicYears { name studyPeriods { name } holidays { name } movedWorkingDays { workDate } classGroups { name } } }', {}, student)],
    ['timetable of 5А (student)', () => gql(`query($c: ID!) { timetable(classGroupId: $c) { weekday bellNumber subject { name } teacher { fullName } room { name } } }`, { c: classId }, student)],
    ['rolloverPreview, 75 students (admin)', () => gql(`query($i: RolloverInput!) { rolloverPreview(input: $i) { token promoted classes { name } students { student { fullName } decision } } }`, { i: rollover }, admin)],
    ['generateLessons, whole year, no change (zavuch)', () => gql(`mutation($i: GenerateLessonsInput!) { generateLessons(input: $i) { kept } }`, { i: { yearId } }, zavuch)],
  ];
  console.log(`school-year benchmark, demo school, ${RUNS} runs each (ms)`);
  for (const [name, op] of ops) {
    await op();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await op();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(52)} median ${times[Math.floor(RUNS / 2)].toFixed(1).padStart(7)}  p95 ${times[Math.floor(RUNS * 0.95) - 1].toFixed(1).padStart(7)}`);
  }
  const preview = await gql(`query($i: RolloverInput!) { rolloverPreview(input: $i) { token } }`, { i: rollover }, admin);
  const t = performance.now();
  await gql(`mutation($i: ApplyRolloverInput!) { applyRollover(input: $i) { id } }`, { i: { ...rollover, token: preview.rolloverPreview.token } }, admin);
  console.log(`${'applyRollover, 75 students, once (admin)'.padEnd(52)} ${(performance.now() - t).toFixed(1).padStart(14)}`);
  await app.close();
  await orm.close(true);
  await db.close();
}

main().catch((error) => { console.error(error); process.exit(1); });
