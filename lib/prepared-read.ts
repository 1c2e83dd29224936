import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A hot read as a named prepared statement: PostgreSQL parses and plans it once per pooled
 * connection and then only binds and executes it. Planning the diary's statement took longer
 * than running it (about 3 of 5 ms of database CPU per request), and knex, which MikroORM
 * runs raw SQL through, has no prepared statements. So the statement goes to a connection of
 * the same pool (knex's), through node-postgres's own `{ name, text, values }` query.
 *
 * Inside a transaction the read must see the transaction's writes: it then runs on the
 * transaction's connection as an ordinary statement.
 *
 * `sql` is written as for `em.execute`: knex's `?` placeholders, bound in order (none of these
 * statements uses PostgreSQL's `?` operators).
 */
/** Off behind PgBouncer in transaction mode (DB_POOLER), where a named statement would meet another server connection. */
export const preparedStatements = { enabled: true };

export async function preparedRead<Rows = any[]>(em: EntityManager, sql: string, values: readonly unknown[]): Promise<Rows> {
  if (!preparedStatements.enabled || em.isInTransaction()) return (await em.execute(sql, [...values])) as Rows;
  const knex = em.getConnection().getKnex();
  const client = (await knex.client.acquireConnection()) as PgClient;
  try {
    // Knex's 'query' event, as for its own statements: whatever counts or traces them sees these too.
    knex.client.emit('query', { method: 'raw', sql, bindings: values, prepared: true });
    return (await runPrepared(client, sql, values)) as Rows;
  } finally {
    await knex.client.releaseConnection(client);
  }
}

async function runPrepared(client: PgClient, sql: string, values: readonly unknown[]): Promise<unknown[]> {
  const statement = prepared(sql);
  try {
    return (await client.query({ name: statement.name, text: statement.text, values: [...values] })).rows;
  } catch (error) {
    // A migration changed a table under a prepared `select t.*` ("cached plan must not change
    // result type"): prepare it afresh under a new name, once.
    if ((error as { code?: string }).code !== '0A000') throw error;
    STATEMENTS.delete(sql);
    generation += 1;
    const fresh = prepared(sql);
    return (await client.query({ name: fresh.name, text: fresh.text, values: [...values] })).rows;
  }
}

interface PgClient { query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> }

const STATEMENTS = new Map<string, { name: string; text: string }>();
let generation = 0;

/** The statement in PostgreSQL's `$n` form, with one name per text (node-postgres refuses one name for two texts). */
function prepared(sql: string): { name: string; text: string } {
  let statement = STATEMENTS.get(sql);
  if (!statement) {
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${(n += 1)}`);
    statement = { name: `sj_${generation}_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text };
    STATEMENTS.set(sql, statement);
  }
  return statement;
}
