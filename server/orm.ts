import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/core';
import path from 'node:path';
import { ALL_ENTITIES } from '../entities';
import { MIGRATIONS } from '../migrations';
import { PROJECT_ROOT } from './paths';

export interface OrmOptions {
  databaseUrl: string;
  logQueries?: boolean;
  /** Where LOG_QUERIES's lines go (the server's JSON log); MikroORM's console logger when unset. */
  queryLogger?: (message: string) => void;
  poolMax?: number;
  /** A statement running longer is cancelled (57014 → SERVICE_UNAVAILABLE). */
  statementTimeoutMs?: number;
  /** Waiting longer for a free pooled connection (or for a new one to connect) fails the request. */
  acquireTimeoutMs?: number;
  /** Behind PgBouncer (transaction pooling), which refuses startup parameters: the role's settings apply instead. */
  behindPgBouncer?: boolean;
}

/** Defaults of the database timeouts (README: DB_STATEMENT_TIMEOUT_MS, DB_ACQUIRE_TIMEOUT_MS, DB_POOL_MAX). */
export const DATABASE_TIMEOUTS = { statementTimeoutMs: 15_000, acquireTimeoutMs: 10_000, idleInTransactionMs: 60_000 } as const;

/** MikroORM configuration: explicit entity list, committed migrations, never schema sync. */
export function ormConfig({
  databaseUrl, logQueries = false, queryLogger, poolMax = 10,
  statementTimeoutMs = DATABASE_TIMEOUTS.statementTimeoutMs, acquireTimeoutMs = DATABASE_TIMEOUTS.acquireTimeoutMs,
  behindPgBouncer = false,
}: OrmOptions) {
  const sessionSettings = behindPgBouncer ? {} : {
    statement_timeout: statementTimeoutMs,
    // A request that hangs inside a transaction does not hold its locks for ever.
    idle_in_transaction_session_timeout: DATABASE_TIMEOUTS.idleInTransactionMs,
    // Only the named prepared statements (lib/prepared-read.ts) have cached plans. Left to
    // itself PostgreSQL re-plans the diary's statement for every request (its estimate for a
    // generic plan of a date range is pessimistic), and planning cost more than running it.
    options: '-c plan_cache_mode=force_generic_plan',
  };
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl: databaseUrl,
    entities: ALL_ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    // Every request and every subscription event works on its own fork.
    allowGlobalContext: false,
    // Batches Reference.load() and collection loads of one tick into one query.
    dataloader: true,
    forceUtcTimezone: true,
    // A dead pooled connection (database restarted, backend killed) is dropped by knex's error
    // handler and replaced on the next acquire; nothing here waits forever.
    pool: { min: 0, max: poolMax, acquireTimeoutMillis: acquireTimeoutMs },
    driverOptions: {
      connection: { connectionTimeoutMillis: acquireTimeoutMs, ...sessionSettings },
    },
    debug: logQueries,
    ...(queryLogger ? { logger: queryLogger, colors: false } : {}),
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      // The list is imported, not globbed, so the same code runs from ts (tests) and js (dist).
      migrationsList: MIGRATIONS,
      path: path.join(PROJECT_ROOT, 'migrations'),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      silent: true,
    },
  });
}
