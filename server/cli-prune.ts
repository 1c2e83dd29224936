import type { MikroORM } from '@mikro-orm/postgresql';
import { pruneExclusively } from '../domain/ops/retention';
import type { Clock } from '../lib/clock';
import type { RetentionConfig } from './config';
import { pruneSettings } from './retention-schedule';

/**
 * `npm run db:prune`: one retention prune now, with the RETENTION_* settings, beside running
 * servers or not (the same lock as their schedule: if one of them is pruning, this says so and
 * exits 3). Prints what it deleted, per table, as JSON. Answers the exit code.
 */
export async function pruneCommand(orm: MikroORM, databaseUrl: string, clock: Clock, config: RetentionConfig): Promise<number> {
  const outcome = await pruneExclusively(databaseUrl, orm.em.fork(), clock.now(), pruneSettings(config));
  if (!outcome.ran) {
    console.error('another instance is pruning right now; nothing done (run again later)');
    return 3;
  }
  console.log(JSON.stringify(outcome.report, null, 2));
  return 0;
}
