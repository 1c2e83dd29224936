import { DEFAULT_RETENTION, type RetentionPeriods } from '../domain/ops/retention';
import { defaultLogLevel, type LogLevel } from './logging';

/** Every setting the server reads, in one place (documented in README.md). */
export interface AppConfig {
  port: number;
  /** When unset, an embedded PostgreSQL is started with its data in `dataDir`. */
  databaseUrl?: string;
  /** A streaming replica of DATABASE_URL for report data (DATABASE_READ_URL); reports read the primary when unset. */
  databaseReadUrl?: string;
  dataDir: string;
  /** The server's clock starts at this instant when set (the demo and the tests use it). */
  appNow?: Date;
  /** Secret for signing access tokens; when unset one is generated and kept in the database. */
  jwtSecret?: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Load the demo school when the database is empty. */
  seedDemo: boolean;
  production: boolean;
  logQueries: boolean;
  /** Browser origins allowed cross-origin (CORS_ORIGINS, comma-separated); none when unset. */
  corsOrigins: string[];
  /** Largest request body in bytes (BODY_LIMIT_BYTES). */
  bodyLimitBytes: number;
  /** Express "trust proxy" (TRUST_PROXY): a hop count, addresses, or true; unset trusts no proxy. */
  trustProxy?: string | number | boolean;
  /** Decide each operation's permissions once, up front (PREAUTHORIZE; permissions/preauthorization.ts). */
  preauthorize: boolean;
  /** Open graphql-ws sockets one user may have on one instance (WS_MAX_SOCKETS_PER_USER); one more is closed with 4429. */
  wsMaxSocketsPerUser: number;
  /** How long a stop waits for the requests already accepted to answer (SHUTDOWN_GRACE_MS). */
  shutdownGraceMs: number;
  /**
   * `pgbouncer` (DB_POOLER) when DATABASE_URL is a PgBouncer in transaction pooling mode: no named
   * prepared statements and no startup parameters (set the timeouts on the database role instead),
   * and the live diary's LISTEN on DATABASE_DIRECT_URL, a session of its own past the pooler.
   */
  pooler: 'pgbouncer' | null;
  /** A direct connection to PostgreSQL for LISTEN (DATABASE_DIRECT_URL); DATABASE_URL when unset. */
  directDatabaseUrl?: string;
  /** The JSON log lines' level (LOG_LEVEL: info by default). */
  logLevel: LogLevel;
  /** GET /metrics is served on this port only, never the API's (METRICS_PORT); off when unset. */
  metricsPort?: number;
  /** With it, /metrics also wants `Authorization: Bearer <METRICS_TOKEN>`. */
  metricsToken?: string;
  /** Database pool and timeouts (DB_POOL_MAX, DB_STATEMENT_TIMEOUT_MS, DB_ACQUIRE_TIMEOUT_MS). */
  database: { poolMax: number; statementTimeoutMs: number; acquireTimeoutMs: number };
  /**
   * The OAuth authorization server's issuer (OAUTH_ISSUER), its public URL ending in `/oauth`
   * (server/oauth/); `http://127.0.0.1:<port>/oauth` when unset (development and tests only).
   */
  oauthIssuer?: string;
  /** What is pruned when (RETENTION_*, domain/ops/retention.ts); `intervalSeconds` 0: no scheduled prune on this instance. */
  retention: RetentionConfig;
  /** Web Push (server/push/): VAPID_*, PUSH_*. */
  push: PushConfig;
}

export interface PushConfig {
  /** This instance queues and sends pushes (PUSH_DELIVERY, on unless "off"); the API to subscribe works either way. */
  deliver: boolean;
  /** VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY (base64url, as `npx web-push generate-vapid-keys` prints); both or neither: unset, one pair is generated into the database. */
  vapidPublicKey?: string;
  vapidPrivateKey?: string;
  /** VAPID_SUBJECT: a mailto: or https: contact the push services may reach the operator at. */
  subject: string;
  /** How often an instance looks for new outbox events to push (PUSH_POLL_MS, 1000). */
  pollIntervalMs: number;
  /** Sending attempts after the first for a 429/5xx/network failure (PUSH_RETRY_LIMIT, 8), and the first wait (PUSH_RETRY_DELAY_SECONDS, 30), doubling. */
  retryLimit: number;
  retryDelaySeconds: number;
}

export const DEFAULT_PUSH: PushConfig = {
  deliver: true, subject: 'mailto:admin@school-journal.invalid', pollIntervalMs: 1000, retryLimit: 8, retryDelaySeconds: 30,
};

export interface RetentionConfig extends RetentionPeriods {
  /** How often this instance prunes (RETENTION_INTERVAL_SECONDS; the first run a minute after start at the latest). */
  intervalSeconds: number;
}

export const DEFAULT_RETENTION_INTERVAL_SECONDS = 3600;

/** Access tokens stay short: a stolen one is worth little, and a locked account's sockets close soon anyway. */
export const MAX_ACCESS_TOKEN_TTL_SECONDS = 3600;

/** A family's phones, tablets and browser tabs fit; a script opening sockets in a loop does not. */
export const DEFAULT_WS_MAX_SOCKETS_PER_USER = 20;

/** As long as a statement may run (DB_STATEMENT_TIMEOUT_MS, 15 s): a write under way is let finish. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 15_000;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const appNow = env.APP_NOW ? new Date(env.APP_NOW) : undefined;
  if (appNow && Number.isNaN(appNow.getTime())) {
    throw new Error(`APP_NOW is not an ISO date-time: ${env.APP_NOW}`);
  }
  return {
    port: intOr(env.PORT, 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    dataDir: env.DATA_DIR || '.data',
    appNow,
    jwtSecret: env.JWT_SECRET || undefined,
    accessTokenTtlSeconds: accessTokenTtl(env.ACCESS_TOKEN_TTL_SECONDS),
    refreshTokenTtlSeconds: intOr(env.REFRESH_TOKEN_TTL_SECONDS, 30 * 24 * 3600),
    seedDemo: env.SEED_DEMO !== 'false',
    production: env.NODE_ENV === 'production',
    logQueries: env.LOG_QUERIES === 'true',
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    bodyLimitBytes: intOr(env.BODY_LIMIT_BYTES, 256 * 1024),
    trustProxy: trustProxy(env.TRUST_PROXY),
    preauthorize: env.PREAUTHORIZE !== 'false',
    wsMaxSocketsPerUser: intOr(env.WS_MAX_SOCKETS_PER_USER, DEFAULT_WS_MAX_SOCKETS_PER_USER),
    shutdownGraceMs: intOr(env.SHUTDOWN_GRACE_MS, DEFAULT_SHUTDOWN_GRACE_MS),
    pooler: pooler(env.DB_POOLER, env.DATABASE_DIRECT_URL),
    directDatabaseUrl: env.DATABASE_DIRECT_URL || undefined,
    logLevel: defaultLogLevel(env),
    metricsPort: env.METRICS_PORT ? intOr(env.METRICS_PORT, 0) : undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
    oauthIssuer: env.OAUTH_ISSUER || undefined,
    database: {
      poolMax: intOr(env.DB_POOL_MAX, 10),
      statementTimeoutMs: intOr(env.DB_STATEMENT_TIMEOUT_MS, 15_000),
      acquireTimeoutMs: intOr(env.DB_ACQUIRE_TIMEOUT_MS, 10_000),
    },
    retention: {
      intervalSeconds: countOr(env.RETENTION_INTERVAL_SECONDS, DEFAULT_RETENTION_INTERVAL_SECONDS),
      outboxDays: intOr(env.RETENTION_OUTBOX_DAYS, DEFAULT_RETENTION.outboxDays),
      idempotencyGraceHours: countOr(env.RETENTION_IDEMPOTENCY_GRACE_HOURS, DEFAULT_RETENTION.idempotencyGraceHours),
      loginCounterGraceMinutes: countOr(env.RETENTION_LOGIN_COUNTER_GRACE_MINUTES, DEFAULT_RETENTION.loginCounterGraceMinutes),
      sessionGraceDays: countOr(env.RETENTION_SESSION_GRACE_DAYS, DEFAULT_RETENTION.sessionGraceDays),
      messagesDays: intOr(env.RETENTION_MESSAGES_DAYS, DEFAULT_RETENTION.messagesDays),
      absenceNoteScanDays: intOr(env.RETENTION_ABSENCE_NOTE_SCAN_DAYS, DEFAULT_RETENTION.absenceNoteScanDays),
      batchSize: intOr(env.RETENTION_BATCH_SIZE, DEFAULT_RETENTION.batchSize),
    },
    push: {
      deliver: env.PUSH_DELIVERY !== 'off',
      vapidPublicKey: env.VAPID_PUBLIC_KEY || undefined,
      vapidPrivateKey: env.VAPID_PRIVATE_KEY || undefined,
      subject: vapidSubject(env.VAPID_SUBJECT),
      pollIntervalMs: intOr(env.PUSH_POLL_MS, DEFAULT_PUSH.pollIntervalMs),
      retryLimit: countOr(env.PUSH_RETRY_LIMIT, DEFAULT_PUSH.retryLimit),
      retryDelaySeconds: intOr(env.PUSH_RETRY_DELAY_SECONDS, DEFAULT_PUSH.retryDelaySeconds),
    },
  };
}

function pooler(value: string | undefined, directUrl: string | undefined): 'pgbouncer' | null {
  if (!value) return null;
  if (value !== 'pgbouncer') throw new Error(`DB_POOLER is "pgbouncer" or unset (got "${value}")`);
  // LISTEN through a transaction-mode pooler hears nothing once its server connection is handed on.
  if (!directUrl) throw new Error('DB_POOLER=pgbouncer needs DATABASE_DIRECT_URL: the live diary LISTENs on a direct connection');
  return 'pgbouncer';
}

function vapidSubject(value: string | undefined): string {
  if (!value) return DEFAULT_PUSH.subject;
  if (!/^(mailto:|https:\/\/)/.test(value)) throw new Error(`VAPID_SUBJECT is a mailto: or https: URL (got "${value}")`);
  return value;
}

function accessTokenTtl(value: string | undefined): number {
  const ttl = intOr(value, 15 * 60);
  if (ttl > MAX_ACCESS_TOKEN_TTL_SECONDS) {
    throw new Error(`ACCESS_TOKEN_TTL_SECONDS is at most ${MAX_ACCESS_TOKEN_TTL_SECONDS} (got ${ttl}): refresh tokens keep sessions long`);
  }
  return ttl;
}

function trustProxy(value: string | undefined): string | number | boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

function intOr(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive integer, got "${value}"`);
  return n;
}

/** A whole number, 0 allowed. */
function countOr(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`expected a whole number (0 or more), got "${value}"`);
  return n;
}
