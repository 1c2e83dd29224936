import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, lexicographicSortSchema, printSchema,
  type GraphQLSchema,
} from 'graphql';
import { Role } from '../entities';
import { subgraphSdl } from '../server/schema/artifacts';
import { buildBareSchema } from '../server/schema/build';
import { printRoleSchema, roleSchemaFile } from '../server/schema/role-schema';

let actual: GraphQLSchema;
beforeAll(async () => { actual = await buildBareSchema(); });

const contract = buildSchema(fs.readFileSync(path.join(__dirname, '..', 'schema', 'contract.graphql'), 'utf8'));

describe('the schema keeps the public contract (CONTRACT.md)', () => {
  const types = Object.values(contract.getTypeMap()).filter((t) => !t.name.startsWith('__'));

  it.each(types.map((t) => [t.name, t]))('%s is there, unchanged', (_name, expected) => {
    const found = actual.getType(expected.name);
    expect(found?.constructor.name).toBe(expected.constructor.name);
    if ((isObjectType(expected) || isInterfaceType(expected)) && (isObjectType(found) || isInterfaceType(found))) {
      expect(found.getInterfaces().map((i) => i.name)).toEqual(expect.arrayContaining(expected.getInterfaces().map((i) => i.name)));
      for (const field of Object.values(expected.getFields())) {
        const mine = found.getFields()[field.name];
        expect(`${field.name}: ${mine?.type.toString()}`).toBe(`${field.name}: ${field.type.toString()}`);
        for (const arg of field.args) {
          expect(`${field.name}(${arg.name}: ${mine.args.find((a) => a.name === arg.name)?.type.toString()})`)
            .toBe(`${field.name}(${arg.name}: ${arg.type.toString()})`);
        }
        // Arguments the contract lacks must be optional, or old clients break.
        for (const extra of mine.args.filter((a) => !field.args.some((b) => b.name === a.name))) {
          expect(`${field.name}(${extra.name}: ${extra.type.toString()})`).not.toMatch(/!\)$/);
        }
      }
    }
    if (isInputObjectType(expected) && isInputObjectType(found)) {
      for (const field of Object.values(expected.getFields())) {
        expect(`${field.name}: ${found.getFields()[field.name]?.type.toString()}`).toBe(`${field.name}: ${field.type.toString()}`);
      }
      for (const extra of Object.values(found.getFields()).filter((f) => !expected.getFields()[f.name])) {
        expect(`${extra.name}: ${extra.type.toString()}`).not.toMatch(/!$/);
      }
    }
    if (isEnumType(expected) && isEnumType(found)) {
      expect(found.getValues().map((v) => v.name)).toEqual(expect.arrayContaining(expected.getValues().map((v) => v.name)));
    }
  });
});

it('schema/schema.graphql is the schema the code builds (run `npm run schema:print` after a change)', () => {
  const committed = fs.readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8');
  expect(committed).toBe(`${printSchema(lexicographicSortSchema(actual))}\n`);
});

it('schema/subgraph.graphql is the SDL `_service` answers (run `npm run schema:print` after a change)', async () => {
  const committed = fs.readFileSync(path.join(__dirname, '..', 'schema', 'subgraph.graphql'), 'utf8');
  expect(committed).toBe(await subgraphSdl(actual));
});

it.each(Object.values(Role))('schema/roles/%s.graphql is what that role may use (run `npm run schema:print` after a change)', async (role) => {
  expect(fs.readFileSync(roleSchemaFile(role), 'utf8')).toBe(await printRoleSchema(actual, role));
});
