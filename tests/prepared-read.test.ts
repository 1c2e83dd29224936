import { MikroORM } from '@mikro-orm/postgresql';
import { preparedRead, preparedStatements } from '../lib/prepared-read';
import { loadConfig } from '../server/config';
import { ormConfig } from '../server/orm';
import { createTestDatabase } from './support/database';

// lib/prepared-read.ts: hot reads as named prepared statements on the ORM's pool, with one
// connection here so every call meets the statements the previous ones prepared.

let orm: MikroORM;
let drop: () => Promise<void>;

beforeAll(async () => {
  const db = await createTestDatabase();
  drop = db.drop;
  orm = await MikroORM.init(ormConfig({ databaseUrl: db.url, poolMax: 1 }));
  await orm.em.getConnection().execute(`create table prepared_probe (id int primary key, name text)`);
  await orm.em.getConnection().execute(`insert into prepared_probe values (1, 'one'), (2, 'two')`);
});
afterAll(async () => {
  await orm.close(true);
  await drop();
});

const PROBE = `select p.* from prepared_probe p where p.id = any(?::int[]) and (?::text is null or p.name = ?) order by p.id`;

it('binds knex-style placeholders in order and answers like em.execute', async () => {
  const em = orm.em.fork();
  const viaExecute = await em.getConnection().execute(PROBE, ['{1,2}', null, null]);
  expect(await preparedRead(em, PROBE, ['{1,2}', null, null])).toEqual(viaExecute);
  expect(await preparedRead(em, PROBE, ['{1,2}', 'two', 'two'])).toEqual([{ id: 2, name: 'two' }]);
});

it('runs as a named statement, planned once for the connection', async () => {
  const em = orm.em.fork();
  await preparedRead(em, PROBE, ['{1}', null, null]);
  const prepared = await preparedRead<{ statement: string }[]>(em, `select statement from pg_prepared_statements where statement like ?`, ['%prepared_probe%']);
  expect(prepared.map((p) => p.statement)).toEqual([PROBE.replace(/\?/g, (() => { let n = 0; return () => `$${(n += 1)}`; })())]);
});

it('inside a transaction runs on the transaction, and sees its uncommitted rows', async () => {
  await orm.em.fork().transactional(async (tem) => {
    await tem.execute(`insert into prepared_probe values (3, 'three')`);
    expect(await preparedRead(tem, PROBE, ['{3}', null, null])).toEqual([{ id: 3, name: 'three' }]);
    await tem.execute(`delete from prepared_probe where id = 3`);
  });
  expect(await preparedRead(orm.em.fork(), PROBE, ['{3}', null, null])).toEqual([]);
});

it('a table changed under a prepared `select p.*` (a migration meanwhile): prepared afresh, new columns included', async () => {
  const em = orm.em.fork();
  expect(await preparedRead(em, PROBE, ['{1}', null, null])).toEqual([{ id: 1, name: 'one' }]);
  await em.getConnection().execute(`alter table prepared_probe add column note text default 'n'`);
  expect(await preparedRead(em, PROBE, ['{1}', null, null])).toEqual([{ id: 1, name: 'one', note: 'n' }]);
  expect(await preparedRead(em, PROBE, ['{2}', null, null])).toEqual([{ id: 2, name: 'two', note: 'n' }]);
});

it('a failing statement is an error, and the connection goes on serving', async () => {
  const em = orm.em.fork();
  await expect(preparedRead(em, `select 1 / (? - 1) as x`, [1])).rejects.toMatchObject({ code: '22012' });
  expect(await preparedRead(em, `select 1 / (? - 1) as x`, [2])).toEqual([{ x: 1 }]);
});

it('switched off (DB_POOLER=pgbouncer) runs as a plain statement: nothing is prepared on the connection', async () => {
  const em = orm.em.fork();
  await em.getConnection().execute('deallocate all');
  preparedStatements.enabled = false;
  try {
    expect(await preparedRead(em, PROBE, ['{2}', null, null])).toEqual([expect.objectContaining({ id: 2, name: 'two' })]);
    const prepared = await em.getConnection().execute<{ n: string }[]>(`select count(*) n from pg_prepared_statements`);
    expect(Number(prepared[0].n)).toBe(0);
  } finally {
    preparedStatements.enabled = true;
  }
});

it('DB_POOLER=pgbouncer needs DATABASE_DIRECT_URL (LISTEN past the pooler), and only "pgbouncer" is a pooler', () => {
  expect(() => loadConfig({ DB_POOLER: 'pgbouncer' })).toThrow(/DATABASE_DIRECT_URL/);
  expect(() => loadConfig({ DB_POOLER: 'odyssey', DATABASE_DIRECT_URL: 'postgres://x' })).toThrow(/pgbouncer/);
  expect(loadConfig({ DB_POOLER: 'pgbouncer', DATABASE_DIRECT_URL: 'postgres://db/x' })).toMatchObject({ pooler: 'pgbouncer', directDatabaseUrl: 'postgres://db/x' });
  expect(loadConfig({}).pooler).toBeNull();
});
