import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { TokenSigner } from '../domain/auth.service';
import type { Preauthorization } from '../permissions/preauthorization';
import { buildAppSchema } from '../schema/build';
import type { Clock } from './clock';
import { DEFAULT_WS_MAX_SOCKETS_PER_USER, type AppConfig } from './config';
import { formatError } from './app-errors';
import { createContext, type AppServices, type RequestContext } from './context';
import { DiaryHub } from './diary-hub';
import { explorerRoutes } from './explorer';
import { RoleAwareIntrospection } from './introspection';
import { databaseAnswers } from './faults';
import { idempotencyPlugin } from './idempotency';
import { PARSE_OPTIONS, documentSizeGuard, queryCostPlugin } from './limits';
import { extraValidationRules } from './validation';
import { applyWebEdge, bodyErrors, jsonBody } from './web-edge';
import { attachSubscriptions } from './ws';

export interface AppOptions {
  orm: MikroORM;
  clock: Clock;
  config: Pick<AppConfig, 'jwtSecret' | 'accessTokenTtlSeconds' | 'refreshTokenTtlSeconds' | 'production'>
    & Partial<Pick<AppConfig, 'corsOrigins' | 'bodyLimitBytes' | 'trustProxy' | 'preauthorize' | 'wsMaxSocketsPerUser'>>;
}

export interface RunningApp {
  httpServer: http.Server;
  services: AppServices;
  /** Deciding operations' permissions up front (permissions/preauthorization.ts); tests switch it off to compare. */
  preauthorization: Preauthorization;
  listen(port: number): Promise<number>;
  close(): Promise<void>;
}

export async function createApp({ orm, clock, config }: AppOptions): Promise<RunningApp> {
  const { schema, preauthorization } = await buildAppSchema();
  preauthorization.enabled = config.preauthorize ?? true;
  const signer = await TokenSigner.create(orm.em.fork(), config.jwtSecret, config.accessTokenTtlSeconds);
  const hub = new DiaryHub({ databaseUrl: orm.config.get('clientUrl')!, em: orm.em, clock });
  await hub.start();
  const services: AppServices = {
    em: orm.em,
    clock,
    signer,
    auth: { accessTokenTtlSeconds: config.accessTokenTtlSeconds, refreshTokenTtlSeconds: config.refreshTokenTtlSeconds },
    hub,
  };

  const app = express();
  applyWebEdge(app, config);
  const httpServer = http.createServer(app);

  const introspection = new RoleAwareIntrospection(schema, config.production);
  const plugins: ApolloServerPlugin<RequestContext>[] = [
    ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 5_000 }),
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
    // server/main.ts handles SIGINT/SIGTERM: sockets first, then HTTP, then the database.
    stopOnTerminationSignals: false,
    plugins,
  });
  await apollo.start();

  app.get('/health', async (_req, res) => {
    if (await databaseAnswers(() => orm.em.getConnection().execute('select 1'))) res.json({ status: 'ok' });
    else res.status(503).json({ status: 'database unavailable' });
  });

  const subscriptions = attachSubscriptions(httpServer, schema, services, config.production, introspection,
    config.wsMaxSocketsPerUser ?? DEFAULT_WS_MAX_SOCKETS_PER_USER);

  app.use(explorerRoutes(config.production));
  app.use(
    '/graphql',
    jsonBody(config),
    documentSizeGuard,
    expressMiddleware(apollo, {
      context: ({ req }) => createContext(services, req.headers.authorization, req.ip ?? null),
    }),
  );
  app.use(bodyErrors(config));

  return {
    httpServer,
    services,
    preauthorization,
    listen: (port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, () => resolve((httpServer.address() as import('node:net').AddressInfo).port));
      }),
    close: async () => {
      // Sockets first (1001), then in-flight HTTP requests drain, then the hub stops listening.
      const log = (what: string) => { if (process.env.LOG_SHUTDOWN === 'true') console.log(`closed ${what}`); };
      await subscriptions.close();
      log('sockets');
      // Idle keep-alive connections have nothing to drain.
      httpServer.closeIdleConnections();
      await apollo.stop();
      log('apollo');
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      log('http');
      await hub.stop();
      log('hub');
    },
  };
}
