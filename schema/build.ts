import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema } from 'type-graphql';
import { permissions } from '../permissions';
import { RESOLVERS } from '../resolvers';
import { PROJECT_ROOT } from '../server/paths';
import './enums';
import { DateTimeScalar } from './scalars';

/** The executable schema without the permission layer (for printing and the schema walk). */
export async function buildBareSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    emitSchemaFile: false,
  });
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
