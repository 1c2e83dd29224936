import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { PUBLIC_CODES } from '../lib/errors';
import type { AuthEvents } from '../domain/auth/auth-events';

/** Distinct operation names kept as labels; later ones count as "other" (a client picks the names). */
export const MAX_OPERATION_LABELS = 100;
/** Names longer than this are "other" too. */
const MAX_OPERATION_NAME_LENGTH = 64;

/** Outcomes a label may carry: OK, the contract's codes, the masked ones, and a few of the HTTP edge. */
const OUTCOMES = new Set<string>([
  'OK', ...PUBLIC_CODES, 'INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE', 'PAYLOAD_TOO_LARGE', 'ABORTED',
]);

/**
 * The label of an operation: its name once the document resolved (parsed, validated), "anonymous"
 * without one (or when it never resolved), and "other" past MAX_OPERATION_LABELS distinct names:
 * a label set a client cannot grow without bound.
 */
export class OperationLabels {
  private readonly known = new Set<string>();

  constructor(private readonly max = MAX_OPERATION_LABELS) {}

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.known.has(name)) return name;
    if (name.length > MAX_OPERATION_NAME_LENGTH || !/^[_A-Za-z][_0-9A-Za-z]*$/.test(name) || this.known.size >= this.max) return 'other';
    this.known.add(name);
    return name;
  }
}

export function outcomeLabel(code: string | null | undefined): string {
  if (!code) return 'OK';
  return OUTCOMES.has(code) ? code : 'OTHER';
}

/** What the gauges read at scrape time; set by the parts as the app is assembled. */
export interface MetricSources {
  /** knex's tarn pool. */
  pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number; numPendingCreates(): number };
  /** The newest position of diary_event (one statement per scrape). */
  newestOutboxPosition?: () => Promise<bigint>;
  /** The newest position this instance's hub has read and handed on. */
  deliveredOutboxPosition?: () => bigint;
  openSockets?: () => number;
  liveSubscriptions?: () => number;
}

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SQL_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5];

/**
 * The app's metrics, in a Registry of its own (not prom-client's global one: several servers in
 * one process, as in the tests, stay apart). No label carries a user id, a name or another
 * unbounded value: operations go through OperationLabels, outcomes through outcomeLabel.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly operations = new OperationLabels();
  readonly sources: MetricSources = {};

  readonly requests = new Counter({
    name: 'sj_graphql_requests_total', help: 'GraphQL requests over HTTP by operation and outcome (OK or the first error code)',
    labelNames: ['operation', 'outcome'] as const, registers: [this.registry],
  });
  readonly requestSeconds = new Histogram({
    name: 'sj_graphql_request_duration_seconds', help: 'Time from receiving a GraphQL request to the end of its answer',
    labelNames: ['operation'] as const, buckets: SECONDS_BUCKETS, registers: [this.registry],
  });
  readonly sqlStatements = new Counter({
    name: 'sj_sql_statements_total', help: 'SQL statements sent, by the operation that sent them ("background": the diary hub, sweeps)',
    labelNames: ['operation'] as const, registers: [this.registry],
  });
  readonly sqlSeconds = new Counter({
    name: 'sj_sql_seconds_total', help: 'Time spent in SQL statements (sent to answered), by operation',
    labelNames: ['operation'] as const, registers: [this.registry],
  });
  readonly sqlStatementSeconds = new Histogram({
    name: 'sj_sql_statement_duration_seconds', help: 'Duration of each SQL statement', buckets: SQL_BUCKETS, registers: [this.registry],
  });
  readonly liveDeliveries = new Counter({
    name: 'sj_live_deliveries_total', help: 'Diary events handed to live subscribers ("live" as they commit, "replay" from a cursor)',
    labelNames: ['kind'] as const, registers: [this.registry],
  });
  readonly liveDeliverySeconds = new Histogram({
    name: 'sj_live_delivery_duration_seconds', help: 'From the hub reading an event from the outbox to a subscriber taking it',
    labelNames: ['kind'] as const, buckets: SECONDS_BUCKETS, registers: [this.registry],
  });
  readonly signInFailures = new Counter({
    name: 'sj_sign_in_failures_total', help: 'Refused sign-ins: wrong_credentials (unknown login, wrong password, locked account alike) or throttled',
    labelNames: ['reason'] as const, registers: [this.registry],
  });
  readonly lockouts = new Counter({
    name: 'sj_lockouts_total', help: 'Lockouts begun, by key: account (a login), address (a client address), password (changePassword checks)',
    labelNames: ['scope'] as const, registers: [this.registry],
  });
  readonly idempotentReplays = new Counter({
    name: 'sj_idempotent_replays_total', help: 'Mutations answered from a stored Idempotency-Key answer (replayed) or refused for another body (conflict)',
    labelNames: ['outcome'] as const, registers: [this.registry],
  });

  readonly pushDeliveries = new Counter({
    name: 'sj_push_deliveries_total', help: 'Web Push messages the push service accepted (server/push/push-service.ts)', registers: [this.registry],
  });
  readonly pushFailures = new Counter({
    name: 'sj_push_failures_total',
    help: 'Web Push sends that failed: gone (404/410, subscription dropped), retry (429/5xx/network, tried again later), rejected (other 4xx)',
    labelNames: ['reason'] as const, registers: [this.registry],
  });
  readonly pushSkipped = new Counter({
    name: 'sj_push_skipped_total',
    help: 'Web Push deliveries not made: revoked (no longer may watch the pupil), preference, quiet (DROP), subscription_gone',
    labelNames: ['reason'] as const, registers: [this.registry],
  });

  /** One send's outcome (server/push/push-service.ts). */
  pushAttempted(outcome: 'sent' | 'gone' | 'retry' | 'rejected'): void {
    if (outcome === 'sent') this.pushDeliveries.inc();
    else this.pushFailures.inc({ reason: outcome });
  }

  constructor(options: { processMetrics?: boolean } = {}) {
    const sources = this.sources;
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'sj_' });
    new Gauge({
      name: 'sj_db_pool_connections', help: 'Pooled database connections of this instance: used, free, being created',
      labelNames: ['state'] as const, registers: [this.registry],
      collect() {
        const pool = sources.pool;
        if (!pool) return;
        this.set({ state: 'used' }, pool.numUsed());
        this.set({ state: 'free' }, pool.numFree());
        this.set({ state: 'creating' }, pool.numPendingCreates());
      },
    });
    new Gauge({
      name: 'sj_db_pool_waiting', help: 'Requests waiting for a pooled connection', registers: [this.registry],
      collect() { if (sources.pool) this.set(sources.pool.numPendingAcquires()); },
    });
    // One statement per scrape for both gauges: prom-client collects the metrics at once, so both share the statement in flight.
    let inFlight: Promise<bigint | null> | null = null;
    const newestPosition = (): Promise<bigint | null> => {
      if (!sources.newestOutboxPosition) return Promise.resolve(null);
      inFlight ??= sources.newestOutboxPosition().catch(() => null).finally(() => { inFlight = null; });
      return inFlight;
    };
    new Gauge({
      name: 'sj_outbox_delivered_position', help: 'The newest diary_event position this instance has read and handed to its subscribers',
      registers: [this.registry],
      collect() { if (sources.deliveredOutboxPosition) this.set(Number(sources.deliveredOutboxPosition())); },
    });
    new Gauge({
      name: 'sj_outbox_newest_position', help: 'The newest diary_event position in the database', registers: [this.registry],
      async collect() {
        const value = await newestPosition();
        if (value !== null) this.set(Number(value));
      },
    });
    new Gauge({
      name: 'sj_outbox_lag_events', help: 'Outbox events committed that this instance has not yet read (newest minus delivered position)',
      registers: [this.registry],
      async collect() {
        const value = await newestPosition();
        if (value === null || !sources.deliveredOutboxPosition) return;
        const lag = value - sources.deliveredOutboxPosition();
        this.set(Number(lag > 0n ? lag : 0n));
      },
    });
    new Gauge({
      name: 'sj_ws_sockets', help: 'Open graphql-ws sockets on this instance', registers: [this.registry],
      collect() { if (sources.openSockets) this.set(sources.openSockets()); },
    });
    new Gauge({
      name: 'sj_live_subscriptions', help: 'Live diary subscriptions on this instance', registers: [this.registry],
      collect() { if (sources.liveSubscriptions) this.set(sources.liveSubscriptions()); },
    });
  }

  /** What the domain's sign-in tells (domain/auth/auth-events.ts), counted here. */
  readonly authEvents: AuthEvents = {
    signInFailed: (reason) => this.signInFailures.inc({ reason }),
    lockedOut: (scope) => this.lockouts.inc({ scope }),
  };

  liveDelivered(kind: 'live' | 'replay', seconds: number): void {
    this.liveDeliveries.inc({ kind });
    this.liveDeliverySeconds.observe({ kind }, seconds);
  }
}

/**
 * GET /metrics on a port of its own (METRICS_PORT), never on the API's port, so a load balancer
 * in front of the API cannot expose it; with METRICS_TOKEN set it also wants
 * `Authorization: Bearer <token>` (401 without). Anything else on the port is 404.
 */
export function metricsServer(metrics: Metrics, token: string | undefined): http.Server {
  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  return http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    if (expected) {
      const given = Buffer.from(req.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('Unauthorized\n');
        return;
      }
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n'),
    );
  });
}
