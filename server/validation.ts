import { NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';

/**
 * Validation rules added to graphql-js's own, for HTTP (Apollo) and WebSocket
 * (graphql-ws) alike: the socket path skips Apollo, so it must not skip these.
 */
export function extraValidationRules(production: boolean): ValidationRule[] {
  return production ? [NoSchemaIntrospectionCustomRule] : [];
}
