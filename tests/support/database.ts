import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL server of this test run (embedded, or TEST_DATABASE_URL). */
function serverUrl(): string {
  const url = process.env.SJ_TEST_SERVER_URL;
  if (!url) throw new Error('SJ_TEST_SERVER_URL is not set: run the tests through jest (tests/support/global-setup.mjs).');
  return url;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database for one test file, so files never see each other's rows. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sj_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    url: withDatabase(serverUrl(), name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
