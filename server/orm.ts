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
  poolMax?: number;
}

/** MikroORM configuration: explicit entity list, committed migrations, never schema sync. */
export function ormConfig({ databaseUrl, logQueries = false, poolMax = 10 }: OrmOptions) {
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
    pool: { min: 0, max: poolMax, acquireTimeoutMillis: 10_000 },
    driverOptions: { connection: { statement_timeout: 15_000, connectionTimeoutMillis: 10_000 } },
    debug: logQueries,
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
