import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema, getMetadataStorage, type PubSub } from 'type-graphql';
import { permissions, RULES, SHIELD_OPTIONS } from '../../permissions';
import { Preauthorization } from '../../permissions/preauthorization';
import { RESOLVERS } from '../../resolvers';
import { PROJECT_ROOT } from '../paths';
import '../../schema/enums';
import { toSubgraphSchema } from './federation';
import { DateTimeScalar } from '../../schema/scalars';

/**
 * type-graphql wants a PubSub as soon as a subscription exists, even one with its own
 * `subscribe`. Ours all have one (the diary hub, server/diary-hub.ts): topics are not used.
 */
const NO_TOPICS: PubSub = {
  publish: () => {
    throw new Error('type-graphql topics are not used: diary events go through the outbox and the diary hub');
  },
  subscribe: () => {
    throw new Error('type-graphql topics are not used: subscriptions define their own subscribe');
  },
};

/**
 * No type-graphql middleware or @Authorized is used (permissions are graphql-shield's), so a
 * plain property field needs no resolver of type-graphql's: graphql-js reads the property
 * itself, as type-graphql's `simpleResolvers` option does per type. A field with a
 * @FieldResolver keeps it.
 */
function plainFieldsWithoutResolvers(): void {
  for (const type of getMetadataStorage().objectTypes) type.simpleResolvers ??= true;
}

/** The executable schema without the permission layer (for printing and the schema walk): a federation subgraph. */
export async function buildBareSchema(): Promise<GraphQLSchema> {
  plainFieldsWithoutResolvers();
  return toSubgraphSchema(await buildSchema({
    resolvers: RESOLVERS,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    pubSub: NO_TOPICS,
    emitSchemaFile: false,
  }));
}

/**
 * The schema the server runs: every field behind its graphql-shield rule, and the
 * preauthorization that lets an operation whose every rule already said yes skip shield's
 * per-field evaluation (permissions/preauthorization.ts; its Apollo plugin decides per request).
 */
export async function buildAppSchema(): Promise<{ schema: GraphQLSchema; preauthorization: Preauthorization }> {
  const bare = await buildBareSchema();
  const schema = applyMiddleware(bare, permissions);
  const preauthorization = new Preauthorization(schema, RULES, SHIELD_OPTIONS);
  preauthorization.install(bare);
  return { schema, preauthorization };
}

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');

/** Writes the SDL to schema/schema.graphql (committed; codegen reads it). */
export async function writeSchemaFile(file = SCHEMA_FILE): Promise<void> {
  const sdl = printSchema(lexicographicSortSchema(await buildBareSchema()));
  await fs.writeFile(file, `${sdl}\n`);
  console.log(`wrote ${file}`);
}
