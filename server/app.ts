import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { TokenSigner } from '../domain/auth/auth.service';
import type { Preauthorization } from '../permissions/preauthorization';
import { buildAppSchema } from './schema/build';
import type { Clock } from '../lib/clock';
import { DEFAULT_SHUTDOWN_GRACE_MS, DEFAULT_WS_MAX_SOCKETS_PER_USER, type AppConfig } from './config';
import { formatError } from './app-errors';
import type { RequestContext } from '../resolvers/context';
import { createContext, type ServerServices } from './context';
import { DiaryHub } from './diary-hub';
import { RequestDrain } from './drain';
import { explorerRoutes } from './explorer';
import { RoleAwareIntrospection } from './introspection';
import { databaseAnswers } from './faults';
import { idempotencyPlugin } from './idempotency';
import { PARSE_OPTIONS, documentSizeGuard, queryCostPlugin } from './limits';
import { extraValidationRules } from './validation';
import { applyWebEdge, bodyErrors, jsonBody } from './web-edge';
import { attachSubscriptions } from './ws';
import { uploadRoutes } from './uploads';
import { downloadRoutes } from './downloads';
import { preparedStatements } from '../lib/prepared-read';
import { RetentionSchedule } from './retention-schedule';
import { DEFAULT_RETENTION } from '../domain/ops/retention';

export interface AppOptions {
  orm: MikroORM;
  clock: Clock;
  config: Pick<AppConfig, 'jwtSecret' | 'accessTokenTtlSeconds' | 'refreshTokenTtlSeconds' | 'production'>
    & Partial<Pick<AppConfig, 'corsOrigins' | 'bodyLimitBytes' | 'trustProxy' | 'preauthorize' | 'wsMaxSocketsPerUser' | 'shutdownGraceMs' | 'pooler' | 'directDatabaseUrl'>>
    // Without it (the tests' servers), no scheduled prune runs on this instance.
    & Partial<Pick<AppConfig, 'retention'>>;
}

export interface RunningApp {
  httpServer: http.Server;
  services: ServerServices;
  /** The scheduled retention prune (server/retention-schedule.ts); idle without `config.retention`. */
  retention: RetentionSchedule;
  /** Deciding operations' permissions up front (permissions/preauthorization.ts); tests switch it off to compare. */
  preauthorization: Preauthorization;
  listen(port: number): Promise<number>;
  /**
   * Stops gracefully: new requests get 503, the accepted ones finish (at most SHUTDOWN_GRACE_MS),
   * then the connections, the sockets (1001) and the hub close. The caller closes the pool after it.
   */
  close(): Promise<void>;
}

export async function createApp({ orm, clock, config }: AppOptions): Promise<RunningApp> {
  const { schema, preauthorization } = await buildAppSchema();
  preauthorization.enabled = config.preauthorize ?? true;
  const signer = await TokenSigner.create(orm.em.fork(), config.jwtSecret, config.accessTokenTtlSeconds);
  preparedStatements.enabled = !config.pooler;
  const hub = new DiaryHub({ databaseUrl: config.directDatabaseUrl ?? orm.config.get('clientUrl')!, em: orm.em, clock });
  await hub.start();
  // The prune's lock is a session's: past any pooler, like the hub's LISTEN.
  const retention = new RetentionSchedule({
    databaseUrl: config.directDatabaseUrl ?? orm.config.get('clientUrl')!, em: orm.em, clock,
    config: config.retention ?? { ...DEFAULT_RETENTION, intervalSeconds: 0 },
  });
  retention.start();
  const services: ServerServices = {
    em: orm.em,
    clock,
    signer,
    auth: { accessTokenTtlSeconds: config.accessTokenTtlSeconds, refreshTokenTtlSeconds: config.refreshTokenTtlSeconds },
    hub,
  };

  const app = express();
  applyWebEdge(app, config);
  // Before every route: during shutdown nothing new reaches the database.
  const drain = new RequestDrain();
  app.use(drain.gate);
  const httpServer = http.createServer(app);

  const introspection = new RoleAwareIntrospection(schema, config.production);
  const plugins: ApolloServerPlugin<RequestContext>[] = [
    introspection.plugin(),
    // Apollo turns on federated tracing for a subgraph: traces would hand any client resolver timings and raw errors.
    ApolloServerPluginInlineTraceDisabled(),
    // Apollo's landing pages load from a CDN; our explorer (server/explorer.ts) is bundled locally.
    ApolloServerPluginLandingPageDisabled(),
    queryCostPlugin(schema), idempotencyPlugin(schema),
    // The default cache-control plugin wraps every field's resolver to compute HTTP cache hints;
    // no answer here is cacheable (all are per viewer), so it would only cost time on every field.
    ApolloServerPluginCacheControlDisabled(),
    // Last, once the other plugins have let the operation through.
    preauthorization.plugin(),
  ];
  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // Role-aware, and refused to anonymous callers in production: server/introspection.ts.
    introspection: true,
    validationRules: extraValidationRules(config.production),
    parseOptions: PARSE_OPTIONS,
    // No "Did you mean …?" in production: it describes the schema.
    hideSchemaDetailsFromClientErrors: config.production,
    csrfPrevention: true,
    // server/main.ts handles SIGINT/SIGTERM: HTTP drained (server/drain.ts), then sockets, then the database.
    stopOnTerminationSignals: false,
    plugins,
  });
  await apollo.start();

  app.get('/health', async (_req, res) => {
    if (await databaseAnswers(() => orm.em.getConnection().execute('select 1'))) res.json({ status: 'ok' });
    else res.status(503).json({ status: 'database unavailable' });
  });

  const subscriptions = attachSubscriptions(httpServer, schema, services, config.production, introspection, {
    maxSocketsPerUser: config.wsMaxSocketsPerUser ?? DEFAULT_WS_MAX_SOCKETS_PER_USER,
    accepting: () => drain.accepting,
  });

  app.use(explorerRoutes(config.production));
  app.use(uploadRoutes(services));
  app.use(downloadRoutes(services));
  app.use(
    '/graphql',
    jsonBody(config),
    documentSizeGuard,
    drain.track(expressMiddleware(apollo, {
      context: ({ req }) => createContext(services, req.headers.authorization, req.ip ?? null),
    })),
  );
  app.use(bodyErrors(config));

  return {
    httpServer,
    services,
    retention,
    preauthorization,
    listen: (port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, () => resolve((httpServer.address() as import('node:net').AddressInfo).port));
      }),
    close: async () => {
      const log = (what: string) => { if (process.env.LOG_SHUTDOWN === 'true') console.log(`closed ${what}`); };
      const graceMs = config.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
      const cut = await drain.drain(graceMs);
      if (cut > 0) console.error(`shutdown: ${cut} request(s) still running after SHUTDOWN_GRACE_MS (${graceMs} ms); cutting them off`);
      log('http requests');
      // Only idle keep-alive connections are left (or requests past the grace): nothing more to wait for.
      const closed = httpServer.listening ? new Promise<void>((resolve) => httpServer.close(() => resolve())) : Promise.resolve();
      httpServer.closeAllConnections();
      // Sockets (1001) before waiting for `closed`: the server counts upgraded connections too.
      await subscriptions.close();
      log('sockets');
      await closed;
      log('http');
      await apollo.stop();
      log('apollo');
      await retention.stop();
      log('retention');
      await hub.stop();
      log('hub');
    },
  };
}
