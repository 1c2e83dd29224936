import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import {
  GraphQLError, Kind, validate, visit,
  type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule,
} from 'graphql';
import { isStaffOrCoordinator } from '../permissions/registry';
import type { Viewer } from '../permissions/viewer';
import { MAX_PAGE_SIZE } from '../resolvers/pagination';
import type { RequestContext } from '../resolvers/context';

/**
 * Limits of one GraphQL document, the same on HTTP (Apollo) and on sockets (graphql-ws).
 * Sized so the largest real client query (a class journal with nested lessons, marks and
 * students; GraphiQL's introspection) fits with room to spare.
 */
export const QUERY_LIMITS = {
  /** Characters of the query text. */
  documentChars: 20_000,
  /** Lexical tokens (graphql-js stops parsing beyond it). */
  tokens: 3_000,
  /** Field nesting; introspection (__schema) is not counted. */
  depth: 10,
  /** Aliased fields in one operation (fragments included). */
  aliases: 15,
  /** Directives in one operation. */
  directives: 10,
} as const;

/**
 * What one operation may cost (graphql-armor's estimate: objects 2, scalars 1, ×1.5 per level,
 * ×`first` for connections), by the widest role the caller holds. Anonymous callers only sign in.
 */
export const COST_BUDGETS = {
  anonymous: 500,
  /** Students and parents: a diary or a page of marks. */
  family: 10_000,
  /** Staff: class journals, reports. */
  staff: 50_000,
} as const;

/** Which limit refused the document: `extensions.limit`, next to the stable code. */
export type LimitName = 'DOCUMENT_SIZE' | 'TOKENS' | 'DEPTH' | 'ALIASES' | 'DIRECTIVES' | 'COST';

/** A refusal with a stable code (GRAPHQL_VALIDATION_FAILED) and which limit it was. */
export function limitError(limit: LimitName, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit } });
}

/** Thrown from an Apollo hook: answered with a 400 like Apollo's own validation errors (Apollo drops `http`). */
function asBadRequest(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400, headers: new HeaderMap() } } });
}

/** graphql-armor throws "Syntax Error: …" by default: report our own error instead, and go on validating. */
const reportAs = (limit: LimitName): GraphQLArmorRejectCallback[] => [
  (context: ValidationContext | null, error: GraphQLError) => {
    context?.reportError(limitError(limit, error.message.replace(/^Syntax Error: /, '')));
  },
];

/** Depth, aliases and directives (graphql-armor), plus introspection off in production. */
export function limitRules(): ValidationRule[] {
  return [
    maxDepthRule({ n: QUERY_LIMITS.depth, ignoreIntrospection: true, propagateOnRejection: false, onReject: reportAs('DEPTH') }),
    maxAliasesRule({ n: QUERY_LIMITS.aliases, propagateOnRejection: false, onReject: reportAs('ALIASES') }),
    maxDirectivesRule({ n: QUERY_LIMITS.directives, propagateOnRejection: false, onReject: reportAs('DIRECTIVES') }),
  ];
}

/** graphql-js's own parser limit: it stops lexing past this many tokens. */
export const PARSE_OPTIONS = { maxTokens: QUERY_LIMITS.tokens } as const;

/** Refuses an oversized query text before it is parsed. */
export function documentSizeError(query: unknown): GraphQLError | null {
  if (typeof query === 'string' && query.length > QUERY_LIMITS.documentChars) {
    return limitError('DOCUMENT_SIZE', `The query is longer than ${QUERY_LIMITS.documentChars} characters.`);
  }
  return null;
}

export function costBudget(viewer: Viewer | null): number {
  if (!viewer) return COST_BUDGETS.anonymous;
  if (isStaffOrCoordinator(viewer)) return COST_BUDGETS.staff;
  return COST_BUDGETS.family;
}

/**
 * The operation's cost against the caller's budget. `first: $var` is read from the variables,
 * so a page size sent as a variable costs what it would as a literal (armor reads literals only).
 * The answer depends only on the document, the budget and those page-size variables, so it is
 * kept per parsed document (Apollo reuses one per query text) for each of their combinations.
 */
export function costErrors(
  schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | null | undefined, viewer: Viewer | null,
): readonly GraphQLError[] {
  const maxCost = costBudget(viewer);
  let known = COSTS.get(document);
  if (!known) COSTS.set(document, (known = { pageVariables: pageSizeVariables(document), answers: new Map() }));
  const key = JSON.stringify([maxCost, ...known.pageVariables.map((name) => variables?.[name] ?? null)]);
  let errors = known.answers.get(key);
  if (!errors) {
    errors = computeCostErrors(schema, document, variables, maxCost);
    // Bounded: page sizes are small integers, but a client could send many.
    if (known.answers.size >= 64) known.answers.clear();
    known.answers.set(key, errors);
  }
  return errors;
}

const COSTS = new WeakMap<DocumentNode, { pageVariables: string[]; answers: Map<string, readonly GraphQLError[]> }>();

const isPageSize = (name: string) => name === 'first' || name === 'last';

/** The variables the document passes as `first`/`last`. */
function pageSizeVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (isPageSize(node.name.value) && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names].sort();
}

function computeCostErrors(
  schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | null | undefined, maxCost: number,
): readonly GraphQLError[] {
  const inlined = visit(document, {
    Argument(node) {
      if (!isPageSize(node.name.value)) return undefined;
      const value = node.value.kind === Kind.VARIABLE ? variables?.[node.value.name.value]
        : node.value.kind === Kind.INT ? Number(node.value.value) : undefined;
      if (typeof value !== 'number' || !Number.isInteger(value)) return undefined;
      // A page beyond the maximum is refused by the resolver with BAD_USER_INPUT naming "first": cost it as the maximum.
      return { ...node, value: { kind: Kind.INT, value: String(Math.min(Math.max(value, 1), MAX_PAGE_SIZE)) } };
    },
  });
  return validate(schema, inlined, [
    costLimitRule({
      maxCost, ignoreIntrospection: true, propagateOnRejection: false,
      onReject: [(context, error) => context?.reportError(limitError('COST', costMessage(error.message, maxCost)))],
    }),
  ], { maxErrors: 1 });
}

function costMessage(armorMessage: string, maxCost: number): string {
  const found = /found ([\d.]+)/.exec(armorMessage)?.[1];
  return `The query costs ${found ? Math.ceil(Number(found)) : 'more than'} against a budget of ${maxCost}; ask for fewer fields or smaller pages.`;
}

/** Field suggestions ("Did you mean …?") describe the schema: hidden in production. */
export function withoutSuggestions(error: GraphQLError): GraphQLError {
  error.message = error.message.replace(/ ?Did you mean(.+?)\?$/, '');
  return error;
}

/** The cost limit, once the viewer and the variables are known (Apollo has no option for it). */
export function queryCostPlugin(schema: GraphQLSchema): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue }) {
          const [tooCostly] = costErrors(schema, document, request.variables, contextValue.viewer);
          if (tooCostly) throw asBadRequest(tooCostly);
        },
      };
    },
  };
}

/**
 * Refuses an oversized query text before Apollo parses it (Apollo's hooks cannot refuse a source
 * cleanly): 400 with the same error shape as the other limits.
 */
export const documentSizeGuard: RequestHandler = (req, res, next) => {
  const body = req.body as { query?: unknown } | undefined;
  const tooLong = documentSizeError(body?.query) ?? documentSizeError(req.query?.query);
  if (!tooLong) return next();
  res.status(400).json({ errors: [{ message: tooLong.message, extensions: tooLong.extensions }] });
};
