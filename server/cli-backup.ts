import path from 'node:path';
import { parseArgs } from 'node:util';
import { MikroORM } from '@mikro-orm/postgresql';
import { backupDump, backupPhysical, readManifest, restoreDump, restorePhysical } from './backup';
import type { AppConfig } from './config';
import { openDatabase, startEmbeddedPostgres } from './database';
import { ormConfig } from './orm';

type BackupConfig = Pick<AppConfig, 'databaseUrl' | 'directDatabaseUrl' | 'dataDir'>;

/**
 * The configured server, past any pooler: pg_dump sets session parameters before its snapshot's
 * transaction, which a transaction-mode PgBouncer may hand to another server connection.
 */
function serverUrl(config: BackupConfig): string | undefined {
  return config.databaseUrl ? config.directDatabaseUrl ?? config.databaseUrl : undefined;
}

/**
 * `backup [DIR]` and `restore DIR [--into DATA_DIR|URL] [--no-start]` (server/cli.ts,
 * `npm run db:backup` / `db:restore`; README "Backups"). The backup directory defaults to
 * `<DATA_DIR>/backups/<UTC time>`.
 */
export async function backupCommand(config: BackupConfig, args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const target = positionals[0] ?? path.join(config.dataDir, 'backups', new Date().toISOString().replace(/[:.]/g, '-'));
  const url = serverUrl(config);
  if (url) {
    const { target: dir, bytes } = await backupDump(url, target);
    console.log(`backup (pg_dump, ${bytes} bytes) written to ${dir}`);
    return;
  }
  // Joins the embedded server running on the data (npm start), or starts it for the backup.
  const db = await openDatabase(config);
  try {
    const superuserUrl = new URL(db.url);
    superuserUrl.pathname = '/postgres';
    const result = await backupPhysical({ databaseDir: path.resolve(config.dataDir, 'pg'), superuserUrl: superuserUrl.toString(), target });
    console.log(`backup (physical, WAL ${result.startLsn} to ${result.stopLsn}, ${result.walFiles} WAL files) written to ${result.target}`);
  } finally {
    await db.close();
  }
}

export async function restoreCommand(config: BackupConfig, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, options: { into: { type: 'string' }, 'no-start': { type: 'boolean', default: false } },
  });
  const backupDir = positionals[0];
  if (!backupDir) throw new Error('restore needs the backup directory: restore <dir> [--into <data dir or database url>] [--no-start]');
  const manifest = await readManifest(backupDir);
  if (manifest.kind === 'dump') {
    const url = values.into ?? serverUrl(config);
    if (!url) throw new Error('this backup is a pg_dump: give the database to restore into with --into <url> or DATABASE_URL');
    await restoreDump(backupDir, url);
    console.log(`restored the dump of "${manifest.database}" (${manifest.createdAt}) into ${new URL(url).pathname.slice(1)}`);
    await reportMigrations(url);
    return;
  }
  const databaseDir = path.resolve(values.into ?? path.join(config.dataDir, 'pg'));
  await restorePhysical(backupDir, databaseDir);
  console.log(`restored the physical backup of ${manifest.createdAt} (WAL to ${manifest.stopLsn}) into ${databaseDir}`);
  if (values['no-start']) return;
  // Started once here, PostgreSQL replays the backup's WAL; then it is stopped cleanly.
  const db = await startEmbeddedPostgres(databaseDir);
  try {
    await reportMigrations(db.url);
  } finally {
    await db.close();
  }
}

async function reportMigrations(url: string): Promise<void> {
  const orm = await MikroORM.init(ormConfig({ databaseUrl: url }));
  try {
    const pending = await orm.getMigrator().getPendingMigrations();
    console.log(pending.length === 0 ? 'the database starts, its migrations are up to date'
      : `the database starts; ${pending.length} migrations are pending (npm run db:migrate, or they apply at start)`);
  } finally {
    await orm.close();
  }
}
