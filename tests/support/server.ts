import { randomBytes, randomUUID } from 'node:crypto';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { createApp, type AppOptions, type RunningApp } from '../../server/app';
import { ManualClock } from '../../lib/clock';
import { ormConfig } from '../../server/orm';
import { createTestDatabase } from './database';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> & { code?: string } }[];
}

export interface TestServerOptions {
  accessTokenTtlSeconds?: number;
  production?: boolean;
  /** Settings of the web edge and the rest (CORS_ORIGINS, body limit, trust proxy, METRICS_PORT, …). */
  config?: Partial<AppOptions['config']>;
  /** The server's JSON log (tests/support/log-capture.ts reads it back); silent when unset. */
  log?: AppOptions['log'];
  /** The agent Web Push sends through (tests/push: one trusting the loopback push service's certificate). */
  pushAgent?: AppOptions['pushAgent'];
}

/** The hub's outbox pull (server/diary-hub.ts pullNewEvents) and its position report (diary_hub_instance). */
const HUB_BACKGROUND = /^select .* from diary_event where position > \S+ order by position limit|diary_hub_instance/s;

/** The default "now" of the tests: Friday 2026-11-20, 12:00 in Moscow. */
export const TEST_NOW = '2026-11-20T12:00:00+03:00';

/**
 * A real server on a real PostgreSQL database of its own, listening on a free port,
 * with a clock the test moves by hand. Tests talk to it over HTTP like any client.
 */
export class TestServer {
  private statements = 0;
  private readonly recorders = new Set<(sql: string) => void>();

  private constructor(
    readonly orm: MikroORM,
    readonly app: RunningApp,
    readonly clock: ManualClock,
    readonly url: string,
    readonly databaseUrl: string,
    private readonly dropDatabase: () => Promise<void>,
  ) {
    // Counts the SQL statements the server sends (see countStatements), but the live diary hub's own
    // background reads: its sweep runs every few seconds and after every commit's NOTIFY, whatever
    // the test is measuring, so counting them made statement-count tests flaky.
    orm.em.getConnection().getKnex().on('query', (query: { sql: string }) => {
      if (!HUB_BACKGROUND.test(query.sql)) this.statements += 1;
      for (const record of this.recorders) record(query.sql);
    });
  }

  /** A server on a fresh database of its own. */
  static async start(now: string = TEST_NOW, options: TestServerOptions = {}): Promise<TestServer> {
    const db = await createTestDatabase();
    return TestServer.launch(db.url, now, options, db.drop);
  }

  /** A second instance on the same database as `other` (each has its own pool, hub and clock). */
  static async alongside(other: TestServer, options: TestServerOptions = {}): Promise<TestServer> {
    return TestServer.launch(other.databaseUrl, other.clock.now().toISOString(), options, async () => {});
  }

  private static async launch(databaseUrl: string, now: string, options: TestServerOptions, drop: () => Promise<void>) {
    const orm = await MikroORM.init(ormConfig({ databaseUrl, poolMax: 5 }));
    await orm.getMigrator().up();
    const clock = new ManualClock(new Date(now));
    const app = await createApp({
      orm, clock,
      config: {
        jwtSecret: undefined, accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 900,
        refreshTokenTtlSeconds: 30 * 24 * 3600, production: options.production ?? false, logLevel: 'silent', ...options.config,
      },
      log: options.log,
      pushAgent: options.pushAgent,
    });
    const port = await app.listen(0);
    return new TestServer(orm, app, clock, `http://127.0.0.1:${port}`, databaseUrl, drop);
  }

  /** Where graphql-ws clients connect: the same port and path as HTTP. */
  get wsUrl(): string {
    return `${this.url.replace(/^http/, 'ws')}/graphql`;
  }

  /** A fresh EntityManager for arranging data and checking what was stored. */
  em(): EntityManager {
    return this.orm.em.fork();
  }

  /** A valid access token for a user, without a login round trip: a fresh session of their own. */
  async token(userId: string): Promise<string> {
    const sessionId = randomUUID();
    const now = this.clock.now();
    await this.orm.em.getConnection().execute(
      `insert into refresh_token (id, user_id, token_hash, family_id, created_at, expires_at) values (?, ?, ?, ?, ?, ?)`,
      [randomUUID(), userId, randomBytes(32).toString('hex'), sessionId, now, new Date(now.getTime() + 30 * 24 * 3600_000)],
    );
    return this.app.services.signer.sign(userId, sessionId, now);
  }

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  }

  /** Runs `work` and tells how many SQL statements the server sent meanwhile. */
  async countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const before = this.statements;
    const result = await work();
    return { result, statements: this.statements - before };
  }

  /**
   * Records, until `stop()`, the statements the server sends whose text matches: MikroORM inlines
   * the parameters, so each can be run again (under EXPLAIN, say) as it was.
   */
  recordStatements(match: RegExp): { statements: string[]; stop(): void } {
    const statements: string[] = [];
    const record = (sql: string) => { if (match.test(sql)) statements.push(sql); };
    this.recorders.add(record);
    return { statements, stop: () => { this.recorders.delete(record); } };
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.orm.close(true);
    await this.dropDatabase();
  }
}

/** The error code of the first error, or undefined. */
export function errorCode(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
