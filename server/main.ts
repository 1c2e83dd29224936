import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { createApp } from './app';
import { migrateAndSeed } from './bootstrap';
import { SystemClock } from './clock';
import { loadConfig } from './config';
import { openDatabase } from './database';
import { ormConfig } from './orm';

/** `npm start`: database (embedded unless DATABASE_URL), migrations, demo data, then serve. */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const clock = new SystemClock(config.appNow);
  const db = await openDatabase(config);
  const orm = await MikroORM.init(ormConfig({ databaseUrl: db.url, logQueries: config.logQueries }));
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
    await app.close().catch((e) => console.error(e));
    await orm.close().catch((e) => console.error(e));
    await db.close().catch((e) => console.error(e));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('failed to start:', error);
  process.exit(1);
});
