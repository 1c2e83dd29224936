import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type DatabaseHandle } from '../server/database';

/**
 * A throwaway database for one benchmark run: a new database `name` on BENCH_DATABASE_URL's
 * server when it is set (dropped at close), else an embedded PostgreSQL in a temporary folder.
 */
export async function openBenchDatabase(name: string): Promise<DatabaseHandle> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (serverUrl) {
    const run = async (sql: string) => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await run(`create database "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return { url: url.toString(), close: () => run(`drop database if exists "${name}" with (force)`) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'school-journal-bench-'));
  fs.chmodSync(dir, 0o777);
  const handle = await startEmbeddedPostgres(path.join(dir, 'pg'), name);
  return { url: handle.url, close: async () => { await handle.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}
