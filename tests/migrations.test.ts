import { TestServer } from './support/server';

// The schema comes from the committed migrations only (never schema sync): after
// applying them, MikroORM must find nothing to change. A failure here means an
// entity changed without its migration.

let server: TestServer;
beforeAll(async () => { server = await TestServer.start(); });
afterAll(async () => { await server.stop(); });

it('leaves nothing for the entities to add or change', async () => {
  const diff = await server.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
  expect(diff.trim()).toBe('');
});

it('migrates down and up again cleanly', async () => {
  const migrator = server.orm.getMigrator();
  await migrator.down({ to: 0 });
  expect(await migrator.getExecutedMigrations()).toHaveLength(0);
  await migrator.up();
  expect(await migrator.getPendingMigrations()).toHaveLength(0);
});
