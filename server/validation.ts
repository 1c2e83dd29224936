import type { ValidationRule } from 'graphql';
import { limitRules } from './limits';

/**
 * Validation rules added to graphql-js's own, for HTTP (Apollo) and WebSocket
 * (graphql-ws) alike: the socket path skips Apollo, so it must not skip these.
 * Introspection is not banned here: it answers with the caller's part of the schema and
 * is refused to anonymous callers in production (server/introspection.ts).
 * The query limits (depth, aliases, directives) are graphql-armor's, see limits.ts.
 */
export function extraValidationRules(_production: boolean): ValidationRule[] {
  return limitRules();
}
