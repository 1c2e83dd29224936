import type { MikroORM } from '@mikro-orm/postgresql';
import { School } from '../entities';
import { hashPassword } from '../domain/auth/auth.service';
import { seedDemoSchool } from '../seed/demo-school';
import { localDate, type Clock } from '../lib/clock';
import type { Logger } from './logging';

/** Applies the committed migrations, then loads the demo school when the database holds no school. */
export async function migrateAndSeed(orm: MikroORM, clock: Clock, options: { seed: boolean; force?: boolean; log?: Logger }): Promise<void> {
  await orm.getMigrator().up();
  if (!options.seed) return;
  const em = orm.em.fork();
  if (!options.force && (await em.count(School, {})) > 0) return;
  const started = Date.now();
  const passwordHash = await hashPassword('demo');
  await em.transactional((tx) => seedDemoSchool(tx, { today: localDate(clock.now(), 'Europe/Moscow'), passwordHash }));
  const message = `demo school loaded in ${Date.now() - started} ms`;
  if (options.log) options.log.info({ ms: Date.now() - started }, message);
  else console.log(message);
}
