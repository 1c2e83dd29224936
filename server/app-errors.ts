import { OptimisticLockError } from '@mikro-orm/core';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, PUBLIC_CODES } from '../lib/errors';
import { UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './faults';

/** An error the operators must hear of: logged by the reporter (server/observe.ts), one line each. */
export type Fault = 'database unavailable' | 'unexpected error';
export type FaultReporter = (fault: Fault, error: unknown) => void;

/**
 * Only errors meant for clients keep their message: a database that is down or too slow is
 * SERVICE_UNAVAILABLE (server/faults.ts); anything else unexpected (a bug, a database error)
 * becomes a bare INTERNAL_SERVER_ERROR with no stack, SQL or table name. Both faults go to `report`
 * (the log), the client's own errors do not.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, report: FaultReporter): GraphQLFormattedError {
  // A versioned row changed since the client read it (em.lock OPTIMISTIC, or the flush's
  // `where version = …`): the one place MikroORM's error becomes the contract's CONFLICT.
  if (originalOf(error) instanceof OptimisticLockError) {
    return {
      message: 'Someone changed this meanwhile; reload it and try again.', locations: formatted.locations, path: formatted.path,
      extensions: { code: ErrorCode.CONFLICT },
    };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (PUBLIC_CODES.has(code)) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  if (isDatabaseUnavailable(error)) {
    report('database unavailable', error);
    return { message: UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  report('unexpected error', error);
  return { message: 'Internal server error.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function originalOf(error: unknown): unknown {
  let current = error as { originalError?: unknown } | undefined;
  while (current?.originalError) current = current.originalError as { originalError?: unknown };
  return current;
}
