/** Every setting the server reads, in one place (documented in README.md). */
export interface AppConfig {
  port: number;
  /** When unset, an embedded PostgreSQL is started with its data in `dataDir`. */
  databaseUrl?: string;
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
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const appNow = env.APP_NOW ? new Date(env.APP_NOW) : undefined;
  if (appNow && Number.isNaN(appNow.getTime())) {
    throw new Error(`APP_NOW is not an ISO date-time: ${env.APP_NOW}`);
  }
  return {
    port: intOr(env.PORT, 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || '.data',
    appNow,
    jwtSecret: env.JWT_SECRET || undefined,
    accessTokenTtlSeconds: intOr(env.ACCESS_TOKEN_TTL_SECONDS, 15 * 60),
    refreshTokenTtlSeconds: intOr(env.REFRESH_TOKEN_TTL_SECONDS, 30 * 24 * 3600),
    seedDemo: env.SEED_DEMO !== 'false',
    production: env.NODE_ENV === 'production',
    logQueries: env.LOG_QUERIES === 'true',
  };
}

function intOr(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive integer, got "${value}"`);
  return n;
}
