import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../resolvers/context';
import { describeFault, type Logger } from './logging';
import { outcomeLabel, type Metrics } from './metrics';
import type { Fault, FaultReporter } from './app-errors';

export const REQUEST_ID_HEADER = 'x-request-id';
/** An incoming request id is kept when it looks like one (a proxy's or a client's); anything else is replaced. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** One HTTP request as the logs and metrics see it. */
export interface RequestObservation {
  requestId: string;
  started: bigint;
  /** Set once a GraphQL request reached Apollo. */
  graphql: boolean;
  /** The operation's name once its document resolved (null: anonymous, or it never resolved). */
  operation: string | null;
  userId: string | null;
  /** Apollo's response object: read when the answer has gone, after every plugin (idempotency) had its say. */
  response?: GraphQLResponse;
  sqlStatements: number;
  sqlSeconds: number;
}

/** Status codes of answers that never reached Apollo (body limit, bad JSON, the drain), as outcomes. */
const STATUS_OUTCOMES: Record<number, string> = { 400: 'BAD_REQUEST', 413: 'PAYLOAD_TOO_LARGE', 503: 'SERVICE_UNAVAILABLE' };

/**
 * Follows each HTTP request: gives it a request id (kept from `x-request-id` when sane, else a new
 * uuid; the answer carries it back), attributes its SQL statements to it (knex's query events fire
 * inside the request's async context: AsyncLocalStorage), and when the answer has gone writes one
 * log line (id, method, path without its query string or tokens, status, operation, viewer's user
 * id, duration, outcome, SQL) and counts it in the metrics. Never a name, a token, a password or
 * the variables.
 */
export class RequestObserver {
  private readonly storage = new AsyncLocalStorage<RequestObservation>();

  constructor(private readonly log: Logger, private readonly metrics: Metrics) {}

  current(): RequestObservation | undefined {
    return this.storage.getStore();
  }

  /** First of all middleware: the id, the header, and the line when the answer has gone. */
  readonly start: RequestHandler = (req, res, next) => {
    const incoming = req.headers[REQUEST_ID_HEADER];
    const requestId = typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const observation: RequestObservation = {
      requestId, started: process.hrtime.bigint(), graphql: false, operation: null, userId: null, sqlStatements: 0, sqlSeconds: 0,
    };
    res.locals.observation = observation;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    // Read now: a mounted router (app.use('/graphql', …)) rewrites req.url on the way.
    const { method, path } = req;
    res.once('close', () => this.finish(observation, method, path, res.statusCode, res.writableFinished));
    this.storage.run(observation, next);
  };

  /**
   * Enters the request's observation again just before Apollo: the body parser's stream callbacks
   * run outside the async context the first middleware entered.
   */
  readonly enter: RequestHandler = (_req, res, next) => {
    const observation = res.locals.observation as RequestObservation | undefined;
    if (observation) this.storage.run(observation, next);
    else next();
  };

  plugin(): ApolloServerPlugin<RequestContext> {
    const storage = this.storage;
    return {
      async requestDidStart({ contextValue }) {
        const observation = storage.getStore();
        if (!observation) return undefined;
        observation.graphql = true;
        observation.userId = contextValue.viewer?.userId ?? null;
        return {
          async didResolveOperation(rc) { observation.operation = rc.operationName ?? null; },
          async willSendResponse(rc) { observation.response = rc.response; },
        };
      },
    };
  }

  /** Counts and times every statement of the ORM's knex, for the request it belongs to (or "background"). */
  watchQueries(knex: Knex): void {
    const started = new Map<string, { at: bigint; observation: RequestObservation | undefined }>();
    knex.on('query', (query: { __knexQueryUid?: string }) => {
      if (!query.__knexQueryUid) return;
      // Bounded: a statement whose end was never reported does not stay for ever.
      if (started.size > 10_000) started.clear();
      started.set(query.__knexQueryUid, { at: process.hrtime.bigint(), observation: this.storage.getStore() });
    });
    const ended = (_result: unknown, query: { __knexQueryUid?: string }) => {
      const entry = query?.__knexQueryUid ? started.get(query.__knexQueryUid) : undefined;
      if (!entry) return;
      started.delete(query.__knexQueryUid!);
      const seconds = Number(process.hrtime.bigint() - entry.at) / 1e9;
      this.metrics.sqlStatementSeconds.observe(seconds);
      if (entry.observation) {
        entry.observation.sqlStatements += 1;
        entry.observation.sqlSeconds += seconds;
      } else {
        this.metrics.sqlStatements.inc({ operation: 'background' });
        this.metrics.sqlSeconds.inc({ operation: 'background' }, seconds);
      }
    };
    knex.on('query-response', ended);
    knex.on('query-error', ended);
  }

  /** formatError's faults, one line each, with the request they happened in. */
  readonly reportFault: FaultReporter = (fault: Fault, error: unknown) => {
    const observation = this.current();
    this.log.error({
      requestId: observation?.requestId, operation: observation?.operation ?? undefined, fault: describeFault(error),
    }, fault);
  };

  private finish(observation: RequestObservation, method: string, path: string, status: number, finished: boolean): void {
    const seconds = Number(process.hrtime.bigint() - observation.started) / 1e9;
    const body = observation.response?.body;
    const firstCode = body?.kind === 'single' ? body.singleResult.errors?.[0]?.extensions?.code : undefined;
    const outcome = !finished ? 'ABORTED'
      : observation.response ? (typeof firstCode === 'string' ? firstCode : 'OK')
        : status < 400 ? 'OK' : (STATUS_OUTCOMES[status] ?? `HTTP_${status}`);
    // Apollo's, or refused before reaching it (body limit, bad JSON, the drain); not the explorer's page (GET).
    const isGraphQL = observation.graphql || (path === '/graphql' && method === 'POST');
    if (isGraphQL) {
      const operation = this.metrics.operations.label(observation.operation);
      this.metrics.requests.inc({ operation, outcome: outcomeLabel(outcome) });
      this.metrics.requestSeconds.observe({ operation }, seconds);
      this.metrics.sqlStatements.inc({ operation }, observation.sqlStatements);
      this.metrics.sqlSeconds.inc({ operation }, observation.sqlSeconds);
    }
    const line = {
      requestId: observation.requestId, method, path: loggedPath(path), status, outcome,
      operation: observation.operation ?? undefined, userId: observation.userId ?? undefined,
      durationMs: Math.round(seconds * 1e4) / 10,
      sql: { statements: observation.sqlStatements, ms: Math.round(observation.sqlSeconds * 1e4) / 10 },
    };
    // Health checks come every few seconds from every balancer: kept out of the info level.
    if (path === '/health') this.log.debug(line, 'request');
    else this.log.info(line, 'request');
  }
}

/** The path as logged: its first segment only (a download's path carries its one-time token). */
function loggedPath(path: string): string {
  const [, first, ...rest] = path.split('/');
  return `/${first ?? ''}${rest.length ? '/…' : ''}`;
}
