import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { createApp } from './app';
import { migrateAndSeed } from './bootstrap';
import { SystemClock } from '../lib/clock';
import { loadConfig } from './config';
import { openDatabase } from './database';
import { ormConfig } from './orm';
import { createLogger, defaultLogLevel, describeFault, type Logger } from './logging';

/** What closing sockets, the pool and the embedded database may take after the HTTP drain. */
const CLOSE_AFTER_DRAIN_MS = 10_000;

async function step(log: Logger, what: string, work: () => Promise<unknown>): Promise<void> {
  const started = Date.now();
  await work().catch((error: unknown) => log.error({ fault: describeFault(error) }, `stopping ${what} failed`));
  if (process.env.LOG_SHUTDOWN === 'true') log.info({ stopped: what, ms: Date.now() - started }, `stopped ${what} in ${Date.now() - started} ms`);
}

/** One logger for the process: a setting read wrong (LOG_LEVEL) still gets its line. */
let log: Logger = createLogger('info');

/** `npm start`: database (embedded unless DATABASE_URL), migrations, demo data, then serve. */
async function main(): Promise<void> {
  const started = Date.now();
  log = createLogger(defaultLogLevel());
  const config = loadConfig();
  const clock = new SystemClock(config.appNow);
  const db = await openDatabase(config, log);
  // LOG_QUERIES: MikroORM's lines of each statement, as JSON lines of the same log.
  const queryLog = log.child({ component: 'sql' });
  const orm = await MikroORM.init(ormConfig({
    databaseUrl: db.url, logQueries: config.logQueries, queryLogger: (message) => queryLog.info(message), ...config.database,
    behindPgBouncer: config.pooler === 'pgbouncer',
  }));
  await migrateAndSeed(orm, clock, { seed: config.seedDemo, log });
  // DATABASE_READ_URL: report data from a streaming replica (no migrations there: it replays the primary's).
  const readOrm = config.databaseReadUrl ? await MikroORM.init(ormConfig({
    databaseUrl: config.databaseReadUrl, logQueries: config.logQueries, queryLogger: (message) => queryLog.info(message), ...config.database,
    behindPgBouncer: config.pooler === 'pgbouncer',
  })) : undefined;
  const app = await createApp({ orm, readOrm, clock, config, log });
  const port = await app.listen(config.port);
  log.info({ port, metricsPort: app.metricsPort ?? undefined, ms: Date.now() - started },
    `school-journal ready in ${Date.now() - started} ms: http://localhost:${port}/graphql` +
    `${config.databaseUrl ? '' : ' (embedded PostgreSQL in ' + config.dataDir + ')'}; clock at ${clock.now().toISOString()}` +
    `${app.metricsPort ? `; metrics on :${app.metricsPort}/metrics` : ''}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `${signal}: draining and stopping`);
    // Draining is bounded: whatever still hangs after this is cut off.
    const deadlineMs = config.shutdownGraceMs + CLOSE_AFTER_DRAIN_MS;
    setTimeout(() => {
      log.error({ stillOpen: process.getActiveResourcesInfo() }, `shutdown took over ${deadlineMs} ms; exiting anyway`);
      process.exit(1);
    }, deadlineMs).unref();
    // In this order: the database closes only once the requests accepted have answered (or the grace ran out).
    await step(log, 'HTTP (drained), sockets and hub', () => app.close());
    await step(log, 'database pool', () => orm.close());
    if (readOrm) await step(log, 'read replica pool', () => readOrm.close());
    await step(log, 'embedded database', () => db.close());
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  log.fatal({ fault: describeFault(error) }, 'failed to start');
  process.exit(1);
});
