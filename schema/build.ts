import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema, type PubSub } from 'type-graphql';
import { permissions } from '../permissions';
import { RESOLVERS } from '../resolvers';
import { PROJECT_ROOT } from '../server/paths';
import './enums';
import { toSubgraphSchema } from './federation';
import { DateTimeScalar } from './scalars';

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

/** The executable schema without the permission layer (for printing and the schema walk): a federation subgraph. */
export async function buildBareSchema(): Promise<GraphQLSchema> {
  return toSubgraphSchema(await buildSchema({
    resolvers: RESOLVERS,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    pubSub: NO_TOPICS,
    emitSchemaFile: false,
  }));
}

/** The schema the server runs: every field behind its graphql-shield rule. */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  return applyMiddleware(await buildBareSchema(), permissions);
}

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');

/** Writes the SDL to schema/schema.graphql (committed; codegen reads it). */
export async function writeSchemaFile(file = SCHEMA_FILE): Promise<void> {
  const sdl = printSchema(lexicographicSortSchema(await buildBareSchema()));
  await fs.writeFile(file, `${sdl}\n`);
  console.log(`wrote ${file}`);
}
