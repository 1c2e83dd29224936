import fs from 'node:fs/promises';
import path from 'node:path';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import {
  DEFAULT_DEPRECATION_REASON, buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema,
} from 'graphql';
import { PROJECT_ROOT } from '../paths';
import { buildBareSchema, SCHEMA_FILE } from './build';

/**
 * The breaking-change check (`npm run schema:check`). @graphql-inspector/core diffs the
 * schema the code builds against the committed schema/schema.graphql (or `--against FILE`,
 * e.g. main's) and against schema/contract.graphql. A breaking change to a type, field,
 * argument or enum value named in the contract fails; one elsewhere is only reported.
 * Every deprecation must say why (and what to use instead).
 */
export const CONTRACT_FILE = path.join(PROJECT_ROOT, 'schema', 'contract.graphql');

export interface SchemaCheck {
  /** Breaking changes to the contract: the check fails on any. */
  contractBreaks: Change[];
  /** Breaking changes outside the contract: allowed, reported. */
  otherBreaks: Change[];
  /** Deprecated fields, arguments and enum values with no reason: the check fails on any. */
  deprecationsWithoutReason: string[];
  ok: boolean;
}

/** The contract's coordinates: `Type`, `Type.field`, `Type.field.arg`, `Enum.VALUE`, `Input.field`. */
function contractCoordinates(contract: GraphQLSchema): Set<string> {
  const names = new Set<string>();
  for (const type of Object.values(contract.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    names.add(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        names.add(`${type.name}.${field.name}`);
        for (const arg of field.args) names.add(`${type.name}.${field.name}.${arg.name}`);
      }
    }
    if (isInputObjectType(type)) for (const field of Object.keys(type.getFields())) names.add(`${type.name}.${field}`);
    if (isEnumType(type)) for (const value of type.getValues()) names.add(`${type.name}.${value.name}`);
  }
  return names;
}

/** Does a breaking change touch the contract? Any breaking change to a contract input type does (a new required field). */
function touchesContract(change: Change, coordinates: Set<string>, contract: GraphQLSchema): boolean {
  const changePath = change.path ?? '';
  const [typeName, fieldName, argName] = changePath.split('.');
  if (!coordinates.has(typeName)) return false;
  if (fieldName === undefined || isInputObjectType(contract.getType(typeName))) return true;
  const field = `${typeName}.${fieldName}`;
  if (!coordinates.has(field)) return false;
  // A new required argument on a contract field breaks its callers, whatever its name.
  return argName === undefined || coordinates.has(`${field}.${argName}`) || change.type === 'FIELD_ARGUMENT_ADDED';
}

/** graphql-js fills in "No longer supported" for a bare `@deprecated`: that is no reason either. */
export function deprecationsWithoutReason(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (where: string, reason: string | null | undefined) => {
    if (reason !== undefined && reason !== null && (!reason.trim() || reason === DEFAULT_DEPRECATION_REASON)) missing.push(where);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.deprecationReason);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.deprecationReason);
      }
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.deprecationReason);
    if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.deprecationReason);
  }
  return missing;
}

export async function checkSchema(current: GraphQLSchema, committed: GraphQLSchema, contract: GraphQLSchema): Promise<SchemaCheck> {
  const coordinates = contractCoordinates(contract);
  const breaking = (changes: Change[]) => changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  const sinceCommitted = breaking(await diff(committed, current));
  // Against the contract itself too: a break committed together with its regenerated schema.graphql is still a break.
  const sinceContract = breaking(await diff(contract, current));
  const contractBreaks = [...sinceCommitted.filter((c) => touchesContract(c, coordinates, contract)), ...sinceContract];
  const unique = [...new Map(contractBreaks.map((c) => [`${c.type} ${c.path} ${c.message}`, c])).values()];
  const otherBreaks = sinceCommitted.filter((c) => !touchesContract(c, coordinates, contract));
  const undocumented = deprecationsWithoutReason(current);
  return { contractBreaks: unique, otherBreaks, deprecationsWithoutReason: undocumented, ok: unique.length === 0 && undocumented.length === 0 };
}

/** The script: prints what it found, resolves to the exit code. */
export async function runSchemaCheck(args: readonly string[]): Promise<number> {
  const against = args.includes('--against') ? path.resolve(args[args.indexOf('--against') + 1]) : SCHEMA_FILE;
  const read = async (file: string) => buildSchema(await fs.readFile(file, 'utf8'), { assumeValidSDL: true });
  const result = await checkSchema(await buildBareSchema(), await read(against), await read(CONTRACT_FILE));
  for (const c of result.contractBreaks) console.error(`BREAKS THE CONTRACT: ${c.message}`);
  for (const d of result.deprecationsWithoutReason) console.error(`DEPRECATED WITHOUT A REASON: ${d}`);
  for (const c of result.otherBreaks) console.warn(`breaking outside the contract (allowed, tell the clients): ${c.message}`);
  console.log(result.ok ? `schema check passed (against ${path.relative(PROJECT_ROOT, against)} and the contract)` : 'schema check FAILED');
  return result.ok ? 0 : 1;
}
