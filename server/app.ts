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
import { createLogger, type Logger } from './logging';
import { Metrics, metricsServer } from './metrics';
import { RequestObserver } from './observe';
import { PushService } from './push/push-service';
import { loadVapidKeys } from './push/vapid';
import type https from 'node:https';
import { OAUTH_MOUNT, OAuthServer } from './oauth/oauth-server';
import { appAccessOf, appGate } from './oauth/api-gate';

export interface AppOptions {
  orm: MikroORM;
  /** The read replica's ORM (DATABASE_READ_URL): report data is read through it; the caller closes it. */
  readOrm?: MikroORM;
  clock: Clock;
  config: Pick<AppConfig, 'jwtSecret' | 'accessTokenTtlSeconds' | 'refreshTokenTtlSeconds' | 'production'>
    & Partial<Pick<AppConfig, 'corsOrigins' | 'bodyLimitBytes' | 'trustProxy' | 'preauthorize' | 'wsMaxSocketsPerUser' | 'shutdownGraceMs'
      | 'pooler' | 'directDatabaseUrl' | 'logLevel' | 'metricsPort' | 'metricsToken' | 'oauthIssuer'>>
    // Without it (the tests' servers), this instance queues and sends no pushes; the API to subscribe works.
    & Partial<Pick<AppConfig, 'push'>>
    // Without it (the tests' servers), no scheduled prune runs on this instance.
    & Partial<Pick<AppConfig, 'retention'>>;
  /** The JSON log (server/logging.ts); one at `config.logLevel` on stdout when unset. */
  log?: Logger;
  /** The agent Web Push sends through (tests: one trusting their loopback push service). */
  pushAgent?: https.Agent;
}

export interface RunningApp {
  httpServer: http.Server;
  /** The authorization server for third-party apps (server/oauth/), at /oauth. */
  oauth: OAuthServer;
  services: ServerServices;
  /** The scheduled retention prune (server/retention-schedule.ts); idle without `config.retention`. */
  retention: RetentionSchedule;
  /** Deciding operations' permissions up front (permissions/preauthorization.ts); tests switch it off to compare. */
  preauthorization: Preauthorization;
  metrics: Metrics;
  log: Logger;
  /** Web Push deliveries (server/push/push-service.ts), or null when `config.push.deliver` is off or unset. */
  push: PushService | null;
  /** The port GET /metrics answers on once listening (METRICS_PORT; 0 picks a free one), or null when off. */
  readonly metricsPort: number | null;
  listen(port: number): Promise<number>;
  /**
   * Stops gracefully: new requests get 503, the accepted ones finish (at most SHUTDOWN_GRACE_MS),
   * then the connections, the sockets (1001) and the hub close. The caller closes the pool after it.
   */
  close(): Promise<void>;
}

export async function createApp({ orm, readOrm, clock, config, log = createLogger(config.logLevel), pushAgent }: AppOptions): Promise<RunningApp> {
  const { schema, preauthorization } = await buildAppSchema();
  preauthorization.enabled = config.preauthorize ?? true;
  const signer = await TokenSigner.create(orm.em.fork(), config.jwtSecret, config.accessTokenTtlSeconds);
  preparedStatements.enabled = !config.pooler;
  // Metrics and logs (server/metrics.ts, server/observe.ts): this app's own registry and logger.
  const metrics = new Metrics();
  const observer = new RequestObserver(log, metrics);
  const knex = orm.em.getConnection().getKnex();
  observer.watchQueries(knex);
  metrics.sources.pool = (knex.client as { pool?: NonNullable<Metrics['sources']['pool']> }).pool;
  let push: PushService | null = null;
  const hub = new DiaryHub({
    databaseUrl: config.directDatabaseUrl ?? orm.config.get('clientUrl')!, em: orm.em, clock, log,
    onDelivered: (kind, seconds) => metrics.liveDelivered(kind, seconds),
    // Set once the push service exists (below): it reads the outbox as soon as a commit announces events.
    onOutboxNotified: () => push?.wake(),
  });
  await hub.start();
  // The prune's lock is a session's: past any pooler, like the hub's LISTEN.
  const retention = new RetentionSchedule({
    databaseUrl: config.directDatabaseUrl ?? orm.config.get('clientUrl')!, em: orm.em, clock, log,
    config: config.retention ?? { ...DEFAULT_RETENTION, intervalSeconds: 0 },
  });
  retention.start();
  metrics.sources.deliveredOutboxPosition = () => hub.lastPosition;
  metrics.sources.newestOutboxPosition = async () => {
    const rows = await orm.em.fork().execute<{ last: string }[]>(`select coalesce(max(position), 0)::text as last from diary_event`);
    return BigInt(rows[0].last);
  };
  metrics.sources.liveSubscriptions = () => hub.subscriberCount;
  // Web Push: the keys every instance shares; the queue and its workers only where deliveries are on.
  const vapid = await loadVapidKeys(orm.em.fork(), { publicKey: config.push?.vapidPublicKey, privateKey: config.push?.vapidPrivateKey });
  push = config.push?.deliver ? new PushService({
    databaseUrl: orm.config.get('clientUrl')!, em: orm.em, clock, vapid, config: config.push, log, agent: pushAgent,
    onAttempt: (outcome) => metrics.pushAttempted(outcome), onSkipped: (reason) => metrics.pushSkipped.inc({ reason }),
  }) : null;
  await push?.start();
  const services: ServerServices = {
    em: orm.em,
    clock,
    signer,
    auth: { accessTokenTtlSeconds: config.accessTokenTtlSeconds, refreshTokenTtlSeconds: config.refreshTokenTtlSeconds },
    hub,
    authEvents: metrics.authEvents,
    readEm: readOrm?.em,
    push: { publicKey: vapid.publicKey, production: config.production },
  };
  const oauth = await OAuthServer.create(orm.em, config.trustProxy !== undefined && config.trustProxy !== false);
  services.appTokens = oauth.tokens;

  const app = express();
  // First: every answer, a 503 of the drain or a 413 included, carries its request id and gets its log line.
  app.use(observer.start);
  applyWebEdge(app, config);
  // Before every route: during shutdown nothing new reaches the database.
  const drain = new RequestDrain();
  app.use(drain.gate);
  const httpServer = http.createServer(app);

  const introspection = new RoleAwareIntrospection(schema, config.production, observer.reportFault);
  const plugins: ApolloServerPlugin<RequestContext>[] = [
    introspection.plugin(),
    // Apollo turns on federated tracing for a subgraph: traces would hand any client resolver timings and raw errors.
    ApolloServerPluginInlineTraceDisabled(),
    // Apollo's landing pages load from a CDN; our explorer (server/explorer.ts) is bundled locally.
    ApolloServerPluginLandingPageDisabled(),
    queryCostPlugin(schema),
    idempotencyPlugin(schema, { reportFault: observer.reportFault, answeredFromKey: (outcome) => metrics.idempotentReplays.inc({ outcome }) }),
    observer.plugin(),
    // The default cache-control plugin wraps every field's resolver to compute HTTP cache hints;
    // no answer here is cacheable (all are per viewer), so it would only cost time on every field.
    ApolloServerPluginCacheControlDisabled(),
    // Last, once the other plugins have let the operation through.
    preauthorization.plugin(),
  ];
  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError: (formatted, error) => formatError(formatted, error, observer.reportFault),
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
    reportFault: observer.reportFault,
  });
  metrics.sources.openSockets = () => subscriptions.wss.clients.size;

  app.use(explorerRoutes(config.production, log));
  app.use(OAUTH_MOUNT, oauth.routes(services));
  app.use(uploadRoutes(services));
  app.use(downloadRoutes(services));
  app.use(
    '/graphql',
    jsonBody(config),
    documentSizeGuard,
    // An app's token: its rate limit and trusted documents (server/oauth/api-gate.ts), resolved once for the context.
    appGate({ em: orm.em, tokens: oauth.tokens, production: config.production }),
    observer.enter,
    drain.track(expressMiddleware(apollo, {
      context: ({ req, res }) => createContext(services, req.headers.authorization, req.ip ?? null, appAccessOf(res)),
    })),
  );
  app.use(bodyErrors(config, log));

  const metricsHttp = config.metricsPort !== undefined ? metricsServer(metrics, config.metricsToken) : null;
  let metricsPort: number | null = null;
  const listenOn = (server: http.Server, port: number) => new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve((server.address() as import('node:net').AddressInfo).port));
  });

  return {
    httpServer,
    oauth,
    services,
    retention,
    preauthorization,
    metrics,
    log,
    push,
    get metricsPort() { return metricsPort; },
    listen: async (port) => {
      const listening = await listenOn(httpServer, port);
      await oauth.start(config.oauthIssuer ?? `http://127.0.0.1:${listening}${OAUTH_MOUNT}`);
      if (metricsHttp) metricsPort = await listenOn(metricsHttp, config.metricsPort!);
      return listening;
    },
    close: async () => {
      const closedStep = (what: string) => { if (process.env.LOG_SHUTDOWN === 'true') log.info({ closed: what }, `closed ${what}`); };
      const graceMs = config.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
      const cut = await drain.drain(graceMs);
      if (cut > 0) log.warn({ cut, graceMs }, `shutdown: ${cut} request(s) still running after SHUTDOWN_GRACE_MS (${graceMs} ms); cutting them off`);
      closedStep('http requests');
      if (metricsHttp?.listening) { metricsHttp.closeAllConnections(); await new Promise<void>((resolve) => metricsHttp.close(() => resolve())); }
      // Only idle keep-alive connections are left (or requests past the grace): nothing more to wait for.
      const closed = httpServer.listening ? new Promise<void>((resolve) => httpServer.close(() => resolve())) : Promise.resolve();
      httpServer.closeAllConnections();
      // Sockets (1001) before waiting for `closed`: the server counts upgraded connections too.
      await subscriptions.close();
      closedStep('sockets');
      await closed;
      closedStep('http');
      await apollo.stop();
      closedStep('apollo');
      await retention.stop();
      closedStep('retention');
      await push?.stop();
      closedStep('push');
      await hub.stop();
      closedStep('hub');
    },
  };
}
