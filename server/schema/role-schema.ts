import fs from 'node:fs/promises';
import path from 'node:path';
import { MapperKind, mapSchema, pruneSchema } from '@graphql-tools/utils';
import { GraphQLSchema, isObjectType, lexicographicSortSchema, printSchema, specifiedDirectives } from 'graphql';
import { Role } from '../../entities';
import { Viewer } from '../../permissions/viewer';
import { RULES } from '../../permissions';
import { PROJECT_ROOT } from '../paths';

/**
 * The part of the schema a set of roles may use, derived from the graphql-shield rules
 * themselves: every field's rule is evaluated with a synthetic viewer holding those
 * roles, and the fields it refuses are left out (types nothing reaches any more go too).
 * This works because the rules are context-only by design (permissions/rules.ts);
 * row scoping, which needs real rows, is not a question of the schema's shape.
 * A field without a rule is denied, as the permission layer's fallback denies it.
 */

/** What every graphql-shield rule (plain or logic) has: the call the permission layer makes per field. */
interface EvaluableRule { resolve(parent: object, args: object, ctx: object, info: never, options: never): Promise<unknown> }
type RuleMap = Record<string, Record<string, EvaluableRule>>;

/** What shield passes to a rule besides the context; the rules read only `debug` (errors mean "no"). */
const SHIELD_OPTIONS = { debug: false, allowExternalErrors: true } as never;

/** A viewer with the roles (and, for an app's token, the granted scopes) and nothing else: enough for context-only rules. */
function syntheticViewer(roles: readonly Role[], appScopes: readonly string[] | null): Viewer {
  const grants = roles.map((role) => ({ role, schoolId: 'synthetic', municipalityId: 'synthetic', regionId: 'synthetic' }));
  const delegation = appScopes ? { clientId: 'synthetic', grantId: 'synthetic', studentIds: [], scopes: appScopes } : null;
  return new Viewer('synthetic', 'synthetic', `synthetic:${roles.join('+')}`, false, grants, 'synthetic', 'synthetic', 'synthetic',
    null, null, null, delegation);
}

/** Type name → the names of its fields the roles (with an app's token: and its scopes) may use. */
export async function visibleFields(schema: GraphQLSchema, roles: readonly Role[], rules: RuleMap = RULES, appScopes: readonly string[] | null = null) {
  const ctx = { viewer: syntheticViewer(roles, appScopes), _shield: { cache: {} } };
  const visible = new Map<string, Set<string>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const fields = new Set<string>();
    for (const field of Object.keys(type.getFields())) {
      const rule = rules[type.name]?.[field];
      if (rule && (await rule.resolve({}, {}, ctx, {} as never, SHIELD_OPTIONS)) === true) fields.add(field);
    }
    visible.set(type.name, fields);
  }
  return visible;
}

/** The schema cut down to what the roles may use; resolvers (and the permission layer) are kept. */
export async function schemaForRoles(schema: GraphQLSchema, roles: readonly Role[], appScopes: readonly string[] | null = null): Promise<GraphQLSchema> {
  const visible = await visibleFields(schema, roles, RULES, appScopes);
  const cut = mapSchema(schema, {
    [MapperKind.OBJECT_TYPE]: (type) => (visible.get(type.name)?.size ? type : null),
    [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => (visible.get(typeName)?.has(fieldName) ? config : null),
  });
  // The federation directives (@key, @link, …) are the gateway's business, not a client's.
  return pruneSchema(new GraphQLSchema({ ...cut.toConfig(), directives: specifiedDirectives }));
}

/** One cut schema per set of roles, built on first use. */
export class RoleSchemas {
  private readonly cache = new Map<string, Promise<GraphQLSchema>>();

  constructor(private readonly schema: GraphQLSchema) {}

  forRoles(roles: readonly Role[], appScopes: readonly string[] | null = null): Promise<GraphQLSchema> {
    const rolesKey = [...new Set(roles)].sort().join(',');
    const scopes = appScopes ? [...new Set(appScopes)].sort() : null;
    const key = scopes ? `${rolesKey}|app:${scopes.join(',')}` : rolesKey;
    let schema = this.cache.get(key);
    if (!schema) {
      schema = schemaForRoles(this.schema, rolesKey ? (rolesKey.split(',') as Role[]) : [], scopes);
      this.cache.set(key, schema);
    }
    return schema;
  }
}

export const ROLE_SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema', 'roles');

/** The SDL a role sees, as committed in schema/roles/<ROLE>.graphql. */
export async function printRoleSchema(schema: GraphQLSchema, role: Role): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await schemaForRoles(schema, [role])))}\n`;
}

export function roleSchemaFile(role: Role): string {
  return path.join(ROLE_SCHEMA_DIR, `${role}.graphql`);
}

/** Writes schema/roles/<ROLE>.graphql for the given roles (every role when none is named). */
export async function writeRoleSchemaFiles(schema: GraphQLSchema, roles: readonly Role[] = Object.values(Role)): Promise<void> {
  await fs.mkdir(ROLE_SCHEMA_DIR, { recursive: true });
  for (const role of roles) {
    await fs.writeFile(roleSchemaFile(role), await printRoleSchema(schema, role));
    console.log(`wrote ${roleSchemaFile(role)}`);
  }
}
