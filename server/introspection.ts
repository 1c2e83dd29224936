import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext, type GraphQLResponse } from '@apollo/server';
import {
  execute, GraphQLError, Kind, specifiedRules, validate, visit, type DocumentNode, type ExecutionResult, type GraphQLSchema,
} from 'graphql';
import { unauthenticated } from '../lib/errors';
import type { Viewer } from '../permissions/viewer';
import { RoleSchemas } from './schema/role-schema';
import { formatError, type FaultReporter } from './app-errors';
import type { RequestContext } from '../resolvers/context';
import { extraValidationRules } from './validation';

/**
 * Introspection answers with the part of the schema the caller's roles may use
 * (server/schema/role-schema.ts). An operation that introspects runs against that cut schema,
 * validation included, so a parent's explorer never even lists `classJournal`.
 * Anonymous callers get UNAUTHENTICATED in production; outside it they see the whole
 * schema (it is committed in schema/schema.graphql), so the explorer's docs work before signing in.
 */
export class RoleAwareIntrospection {
  private readonly schemas: RoleSchemas;

  constructor(private readonly schema: GraphQLSchema, private readonly production: boolean, private readonly report: FaultReporter) {
    this.schemas = new RoleSchemas(schema);
  }

  /** The schema an operation runs against: the caller's cut when it introspects, else the whole one. */
  async schemaFor(document: DocumentNode, viewer: Viewer | null): Promise<GraphQLSchema> {
    if (!introspects(document)) return this.schema;
    if (!viewer) {
      if (this.production) throw unauthenticated();
      return this.schema;
    }
    // An app's token sees what its scopes reach, within its user's family roles.
    return this.schemas.forRoles(viewer.roles, viewer.delegation?.scopes ?? null);
  }

  /** For Apollo (HTTP): runs introspecting operations on the caller's schema. */
  plugin(): ApolloServerPlugin<RequestContext> {
    const rules = [...specifiedRules, ...extraValidationRules(this.production)];
    return {
      requestDidStart: async () => ({
        responseForOperation: async (rc: GraphQLRequestContext<RequestContext>): Promise<GraphQLResponse | null> => {
          const document = rc.document!;
          let schema: GraphQLSchema;
          try {
            schema = await this.schemaFor(document, rc.contextValue.viewer);
          } catch (error) {
            return single({ errors: [error as GraphQLError] }, this.report);
          }
          if (schema === this.schema) return null;
          const errors = validate(schema, document, rules);
          if (errors.length > 0) {
            return single({ errors: errors.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED')) }, this.report, 400);
          }
          return single(await execute({
            schema, document, contextValue: rc.contextValue, variableValues: rc.request.variables, operationName: rc.request.operationName,
          }), this.report);
        },
      }),
    };
  }
}

/** Does the document ask for `__schema` or `__type` (anywhere, fragments included)? Kept per parsed document. */
export function introspects(document: DocumentNode): boolean {
  let known = INTROSPECTS.get(document);
  if (known === undefined) INTROSPECTS.set(document, (known = findsIntrospection(document)));
  return known;
}

const INTROSPECTS = new WeakMap<DocumentNode, boolean>();

function findsIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD]: (node) => {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code } });
}

/** A finished response, its errors masked as Apollo's formatError masks them (a plugin's answer skips it). */
function single(result: ExecutionResult, report: FaultReporter, status?: number): GraphQLResponse {
  const errors = result.errors?.map((e) => formatError(e.toJSON(), e, report));
  return {
    http: { status, headers: new HeaderMap() },
    body: { kind: 'single', singleResult: { ...result, errors } },
  };
}
