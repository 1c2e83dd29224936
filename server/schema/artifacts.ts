import fs from 'node:fs/promises';
import path from 'node:path';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { Role } from '../../entities';
import { PROJECT_ROOT } from '../paths';
import { buildBareSchema, writeSchemaFile } from './build';
import { writeRoleSchemaFiles } from './role-schema';

/**
 * The committed, generated schema files (`npm run schema:print`; tests fail when one drifts):
 * schema/schema.graphql (everything), schema/subgraph.graphql (the federation SDL a gateway
 * composes, with the `@key`s), schema/roles/<ROLE>.graphql (what each role may use).
 */
export const SUBGRAPH_FILE = path.join(PROJECT_ROOT, 'schema', 'subgraph.graphql');

/** The SDL `_service { sdl }` answers. */
export async function subgraphSdl(schema: GraphQLSchema): Promise<string> {
  const result = await execute({ schema, document: parse('{ _service { sdl } }') });
  const sdl = (result.data as { _service: { sdl: string } } | null)?._service.sdl;
  if (!sdl) throw new Error(`_service answered no SDL: ${JSON.stringify(result.errors)}`);
  return `${sdl.trimEnd()}\n`;
}

/** `print-schema` writes every file; `print-schema --role PARENT` writes only that role's. */
export async function writeSchemaArtifacts(args: readonly string[]): Promise<void> {
  const roleArg = args.indexOf('--role');
  const schema = await buildBareSchema();
  if (roleArg >= 0) {
    const role = args[roleArg + 1] as Role;
    if (!Object.values(Role).includes(role)) throw new Error(`--role takes one of ${Object.values(Role).join(', ')}`);
    await writeRoleSchemaFiles(schema, [role]);
    return;
  }
  await writeSchemaFile();
  await fs.writeFile(SUBGRAPH_FILE, await subgraphSdl(schema));
  console.log(`wrote ${SUBGRAPH_FILE}`);
  await writeRoleSchemaFiles(schema);
}
