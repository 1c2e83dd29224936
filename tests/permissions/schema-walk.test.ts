import { isObjectType, type GraphQLSchema } from 'graphql';
import { RULES } from '../../permissions';
import { buildBareSchema } from '../../server/schema/build';

// A diff in permissions/index.ts changes who can reach what: this walk makes sure
// no field, mutation or subscription slips into the schema without an explicit rule.

let schema: GraphQLSchema;
beforeAll(async () => { schema = await buildBareSchema(); });

function objectTypes(s: GraphQLSchema) {
  return Object.values(s.getTypeMap()).filter((t) => isObjectType(t) && !t.name.startsWith('__'));
}

it('gives every field of every object type (Query, Mutation, Subscription included) an explicit rule', () => {
  const rules = RULES as Record<string, Record<string, unknown>>;
  const missing: string[] = [];
  for (const type of objectTypes(schema)) {
    if (!isObjectType(type)) continue;
    for (const field of Object.keys(type.getFields())) {
      if (!rules[type.name] || rules[type.name][field] === undefined) missing.push(`${type.name}.${field}`);
    }
  }
  expect(missing).toEqual([]);
});

it('has no rule for a field that does not exist (a stale rule hides a renamed field)', () => {
  const stale: string[] = [];
  for (const [typeName, fields] of Object.entries(RULES as Record<string, Record<string, unknown>>)) {
    const type = schema.getType(typeName);
    if (!type || !isObjectType(type)) { stale.push(typeName); continue; }
    for (const field of Object.keys(fields)) if (!type.getFields()[field]) stale.push(`${typeName}.${field}`);
  }
  expect(stale).toEqual([]);
});

it('uses no wildcard rules', () => {
  for (const fields of Object.values(RULES as Record<string, Record<string, unknown>>)) {
    expect(Object.keys(fields)).not.toContain('*');
  }
});
