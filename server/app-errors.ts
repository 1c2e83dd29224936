import type { GraphQLFormattedError } from 'graphql';
import { PUBLIC_CODES } from '../domain/errors';

/**
 * Only errors meant for clients keep their message: anything unexpected (a bug,
 * a database error) becomes a bare INTERNAL_SERVER_ERROR with no stack, SQL or table name.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  if (PUBLIC_CODES.has(code)) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  console.error('[graphql] unexpected error', error);
  return { message: 'Internal server error.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
