import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { createApp } from './app';
import { migrateAndSeed } from './bootstrap';
import { SystemClock } from '../lib/clock';
import { loadConfig } from './config';
import { openDatabase } from './database';
import { ormConfig } from './orm';

/** What closing sockets, the pool and the embedded database may take after the HTTP drain. */
const CLOSE_AFTER_DRAIN_MS = 10_000;

async function step(what: string, work: () => Promise<unknown>): Promise<void> {
  const started = Date.now();
  await work().catch((error: unknown) => console.error(`stopping ${what} failed:`, error));
  if (process.env.LOG_SHUTDOWN === 'true') console.log(`stopped ${what} in ${Date.now() - started} ms`);
}

/** `npm start`: database (embedded unless DATABASE_URL), migrations, demo data, then serve. */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const clock = new SystemClock(config.appNow);
  const db = await openDatabase(config);
  const orm = await MikroORM.init(ormConfig({ databaseUrl: db.url, logQueries: config.logQueries, ...config.database, behindPgBouncer: config.pooler === 'pgbouncer' }));
  await migrateAndSeed(orm, clock, { seed: config.seedDemo });
  const app = await createApp({ orm, clock, config });
  const port = await app.listen(config.port);
  console.log(`school-journal ready in ${Date.now() - started} ms: http://localhost:${port}/graphql` +
    `${config.databaseUrl ? '' : ' (embedded PostgreSQL in ' + config.dataDir + ')'}; clock at ${clock.now().toISOString()}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining and stopping`);
    // Draining is bounded: whatever still hangs after this is cut off.
    const deadlineMs = config.shutdownGraceMs + CLOSE_AFTER_DRAIN_MS;
    setTimeout(() => {
      console.error(`shutdown took over ${deadlineMs} ms; exiting anyway; still open:`, process.getActiveResourcesInfo().join(', '));
      process.exit(1);
    }, deadlineMs).unref();
    // In this order: the database closes only once the requests accepted have answered (or the grace ran out).
    await step('HTTP (drained), sockets and hub', () => app.close());
    await step('database pool', () => orm.close());
    await step('embedded database', () => db.close());
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('failed to start:', error);
  process.exit(1);
});
