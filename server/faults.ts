/**
 * Database faults a client should see as "try again" (SERVICE_UNAVAILABLE), never as a bug:
 * the database restarting or unreachable, a backend killed, the pool empty for too long, a
 * statement or lock wait over its timeout. Everything else unexpected stays INTERNAL_SERVER_ERROR.
 */

/** SQLSTATEs: connection exceptions (08…), shutdown / cannot connect (57P0x), too many connections, timeouts. */
const UNAVAILABLE_SQLSTATES = /^(08\d{3}|57P0[1-4]|53300|57014|55P03|25P03)$/;
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /Timeout acquiring a connection/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection/i,
  /Client was closed and is not queryable/i,
  /Unable to acquire a connection/i,
  // When a wrapper kept only the message (Apollo's ensureError of a value from another realm).
  /\b(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT)\b/,
];
const UNAVAILABLE_NAMES = new Set(['ConnectionException', 'LockWaitTimeoutException', 'KnexTimeoutError', 'TimeoutError']);

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; sqlState?: unknown; name?: unknown; message?: unknown; originalError?: unknown; cause?: unknown; thrownValue?: unknown };
    const code = typeof e.sqlState === 'string' ? e.sqlState : typeof e.code === 'string' ? e.code : '';
    if (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_NODE_CODES.has(code)) return true;
    if (typeof e.name === 'string' && UNAVAILABLE_NAMES.has(e.name)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((m) => m.test(e.message as string))) return true;
    // graphql-js wraps a thrown non-Error (an error from another realm, too) as `thrownValue`.
    current = e.originalError ?? e.cause ?? e.thrownValue;
  }
  return false;
}

export const UNAVAILABLE_MESSAGE = 'The service is briefly unavailable; nothing was changed by this request, try again shortly.';

/** GET /health: 200 when the database answers within `timeoutMs`, else 503 (never hangs on a dead pool). */
export async function databaseAnswers(ping: () => Promise<unknown>, timeoutMs = 3_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); });
  try {
    return await Promise.race([ping().then(() => true as const, () => false as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
