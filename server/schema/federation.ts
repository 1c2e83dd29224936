import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { Kind, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { createResolversMap } from 'type-graphql';
import { ENTITY_REFERENCE_RESOLVERS, prefetchEntities } from '../../resolvers/entities';

/**
 * Apollo Federation 2: the server's schema is a subgraph. Types marked with `@key`
 * (schema/entity-key.ts) are entities other subgraphs can reference and extend;
 * `_service` gives the subgraph SDL to composition and `_entities` resolves references.
 *
 * `_entities` is no side door: every reference goes through the same row scope as
 * `node(id:)` (resolvers/entities.ts), and the permission layer wraps the entity
 * types' fields and `_entities` itself like any other field (permissions/federation.rules.ts).
 */
export const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

/** The subgraph SDL of a type-graphql schema (printSchema would drop the `@key` directives). */
export function subgraphTypeDefs(schema: GraphQLSchema): DocumentNode {
  return parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
}

/** The names of the object types declared with `@key`. */
export function entityTypeNames(typeDefs: DocumentNode): string[] {
  return typeDefs.definitions
    .filter((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.directives?.some((x) => x.name.value === 'key'))
    .map((d) => (d as { name: { value: string } }).name.value);
}

/** Rebuilds a type-graphql schema as a federation subgraph, keeping every resolver. */
export function toSubgraphSchema(schema: GraphQLSchema): GraphQLSchema {
  const typeDefs = subgraphTypeDefs(schema);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const typeName of entityTypeNames(typeDefs)) {
    // Without its own resolver an entity would be served as the raw representation the caller sent.
    const reference = (ENTITY_REFERENCE_RESOLVERS as Record<string, { __resolveReference: unknown }>)[typeName];
    if (!reference) throw new Error(`${typeName} has @key but no reference resolver in resolvers/entities.ts`);
    resolvers[typeName] = { ...resolvers[typeName], ...reference } as GraphQLResolverMap<unknown>[string];
  }
  const subgraph = buildSubgraphSchema({ typeDefs, resolvers });
  // One batch of access checks for all references of a request, instead of one per reference.
  const entities = subgraph.getQueryType()!.getFields()._entities;
  const resolveEntities = entities.resolve!;
  entities.resolve = async (source, args, ctx, info) => {
    await prefetchEntities(ctx, args.representations);
    return resolveEntities(source, args, ctx, info);
  };
  return subgraph;
}
