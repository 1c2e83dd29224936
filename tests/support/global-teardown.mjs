import fs from 'node:fs/promises';

export default async function globalTeardown() {
  const embedded = globalThis.__EMBEDDED_PG__;
  if (!embedded) return;
  await embedded.pg.stop();
  await fs.rm(embedded.databaseDir, { recursive: true, force: true });
}
