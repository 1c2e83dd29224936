import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { writeSchemaArtifacts } from './schema/artifacts';
import { runSchemaCheck } from './schema/check';
import { migrateAndSeed } from './bootstrap';
import { loadConfig } from './config';
import { openDatabase } from './database';
import { ormConfig } from './orm';
import { SystemClock } from '../lib/clock';
import { createSchoolCommand, importCommand } from './cli-interchange';
import { exportCommand } from './cli-export';
import { backupCommand, restoreCommand } from './cli-backup';
import { pruneCommand } from './cli-prune';
import { registerAppCommand, registerDocumentsCommand } from './cli-apps';

/** Maintenance commands: `node dist/server/cli.js <migrate|seed|school:create …|app:register …|app:document …|import …|export …|prune|migration:create|print-schema [--role ROLE]|check-schema [--against FILE]|backup [DIR]|restore DIR [--into …]>`. */
async function main(command: string | undefined, args: string[]): Promise<void> {
  const config = loadConfig();
  if (command === 'print-schema') {
    await writeSchemaArtifacts(args);
    return;
  }
  if (command === 'check-schema') {
    process.exitCode = await runSchemaCheck(args);
    return;
  }
  if (command === 'backup') {
    await backupCommand(config, args);
    return;
  }
  if (command === 'restore') {
    await restoreCommand(config, args);
    return;
  }
  const db = await openDatabase(config);
  const orm = await MikroORM.init(ormConfig({ databaseUrl: db.url, logQueries: config.logQueries, behindPgBouncer: config.pooler === 'pgbouncer' }));
  try {
    switch (command) {
      case 'migrate':
        await orm.getMigrator().up();
        break;
      case 'seed': {
        await migrateAndSeed(orm, new SystemClock(config.appNow), { seed: true, force: true });
        break;
      }
      case 'school:create':
        await orm.getMigrator().up();
        await createSchoolCommand(orm, new SystemClock(config.appNow), args);
        break;
      case 'app:register':
        await orm.getMigrator().up();
        await registerAppCommand(orm, new SystemClock(config.appNow), args);
        break;
      case 'app:document':
        await orm.getMigrator().up();
        await registerDocumentsCommand(orm, new SystemClock(config.appNow), args);
        break;
      case 'import':
        await importCommand(orm, new SystemClock(config.appNow), args);
        break;
      case 'export':
        await exportCommand(orm, new SystemClock(config.appNow), args);
        break;
      case 'prune':
        await orm.getMigrator().up();
        process.exitCode = await pruneCommand(orm, config.directDatabaseUrl ?? db.url, new SystemClock(config.appNow), config.retention);
        break;
      case 'migration:create': {
        // Diffs the entities against a database migrated to the latest; add the new file to migrations/index.ts.
        const result = await orm.getMigrator().createMigration();
        console.log(result.fileName || 'no changes');
        break;
      }
      default:
        throw new Error(`unknown command "${command}": use migrate, seed, school:create, app:register, app:document, import, export, prune, migration:create, print-schema, check-schema, backup or restore`);
    }
  } finally {
    await orm.close();
    await db.close();
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
