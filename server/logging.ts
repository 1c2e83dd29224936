import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The server's JSON lines (pino): LOG_LEVEL, `info` by default; under jest (NODE_ENV=test) `silent`
 * unless LOG_LEVEL says otherwise, so the tests' output stays clean (a test that reads the lines
 * passes a logger of its own with a destination it captures).
 */
export function defaultLogLevel(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const level = env.LOG_LEVEL?.trim().toLowerCase();
  if (level) {
    if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new Error(`LOG_LEVEL is one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
    return level as LogLevel;
  }
  return env.NODE_ENV === 'test' ? 'silent' : 'info';
}

/** A logger writing JSON lines to `destination` (stdout by default). Nothing in a line is a secret: callers log chosen fields only. */
export function createLogger(level: LogLevel = defaultLogLevel(), destination?: DestinationStream): Logger {
  const options = { level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

/** Fields a database driver error carries that name the schema, never a value. */
const SCHEMA_FIELDS = ['constraint', 'table', 'column', 'schema', 'routine'] as const;

/**
 * An error as a log line may carry it: for a database error the SQLSTATE, the names it involves and
 * PostgreSQL's message with quoted values blanked, never the statement (MikroORM's message starts with
 * it, parameters inlined) nor `detail` (`Key (login)=(…) already exists`); for anything else (a bug)
 * its name, message and stack.
 */
export function describeFault(error: unknown): Record<string, unknown> {
  const chain: Record<string, unknown>[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    chain.push(current as Record<string, unknown>);
    const e = current as { originalError?: unknown; cause?: unknown; thrownValue?: unknown; previous?: unknown };
    current = e.originalError ?? e.previous ?? e.cause ?? e.thrownValue;
  }
  const driver = [...chain].reverse().find((e) => typeof e.sqlState === 'string' || (typeof e.code === 'string' && typeof e.severity === 'string'));
  const deepest = chain[chain.length - 1] ?? {};
  if (driver || chain.some((e) => typeof e.sqlState === 'string')) {
    const source = driver ?? deepest;
    const described: Record<string, unknown> = {
      name: String(chain.find((e) => typeof e.sqlState === 'string')?.name ?? source.name ?? 'Error'),
      sqlState: source.sqlState ?? source.code,
      message: blankValues(pgMessage(source)),
    };
    for (const field of SCHEMA_FIELDS) if (typeof source[field] === 'string') described[field] = source[field];
    return described;
  }
  if (deepest instanceof Error) {
    const described: Record<string, unknown> = { name: deepest.name, message: deepest.message, stack: deepest.stack };
    if (typeof deepest.code === 'string') described.code = deepest.code;
    return described;
  }
  return { message: String(error) };
}

/** PostgreSQL's own message: knex prefixes it with the statement, parameters inlined (`<sql> - <message>`). */
function pgMessage(error: Record<string, unknown>): string {
  const message = typeof error.message === 'string' ? error.message : '';
  const cut = message.lastIndexOf(' - ');
  return cut >= 0 ? message.slice(cut + 3) : message;
}

/** Quoted literals out: `invalid input syntax for type uuid: "abc"` keeps its shape, not the value. */
export function blankValues(message: string): string {
  return message.replace(/'(?:[^']|'')*'/g, "'…'").replace(/: "[^"]*"$/g, ': "…"').replace(/=\(.*\)/g, '=(…)').slice(0, 500);
}
