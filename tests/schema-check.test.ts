import fs from 'node:fs';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { buildSchema, getNullableType, type GraphQLFieldConfig, type GraphQLSchema } from 'graphql';
import { buildBareSchema, SCHEMA_FILE } from '../server/schema/build';
import { CONTRACT_FILE, checkSchema } from '../server/schema/check';

// `npm run schema:check`: breaking changes to the contract fail, elsewhere they are
// reported; a deprecation must carry its reason.

const committedSdl = fs.readFileSync(SCHEMA_FILE, 'utf8');
const committed = buildSchema(committedSdl, { assumeValidSDL: true });
const contract = buildSchema(fs.readFileSync(CONTRACT_FILE, 'utf8'));

/** The committed schema with one line replaced: a hypothetical next version of the code. */
function edited(from: RegExp, to: string): GraphQLSchema {
  expect(committedSdl).toMatch(from);
  return buildSchema(committedSdl.replace(from, to), { assumeValidSDL: true });
}

/** The committed schema with one object field changed (null: removed). */
function withField(typeName: string, fieldName: string, change: (c: GraphQLFieldConfig<unknown, unknown>) => GraphQLFieldConfig<unknown, unknown> | null) {
  return mapSchema(committed, {
    [MapperKind.OBJECT_FIELD]: (config, field, type) => (type === typeName && field === fieldName ? change(config) : config),
  });
}

it('passes the schema the code builds now', async () => {
  const result = await checkSchema(await buildBareSchema(), committed, contract);
  expect(result).toEqual({ contractBreaks: [], otherBreaks: [], deprecationsWithoutReason: [], ok: true });
});

it.each([
  ['a removed contract field', () => withField('Mark', 'value', () => null), 'Mark.value'],
  ['a removed contract mutation', () => withField('Mutation', 'recordMark', () => null), 'Mutation.recordMark'],
  ['a contract field made nullable', () => withField('Student', 'fullName', (c) => ({ ...c, type: getNullableType(c.type) })), 'Student.fullName'],
])('fails on %s', async (_what, next, where) => {
  const result = await checkSchema(next(), committed, contract);
  expect(result.ok).toBe(false);
  expect(result.contractBreaks.map((c) => c.path)).toContain(where);
});

it.each([
  ['a changed contract argument', /diary\(from: Date!, studentId: ID!, to: Date!\)/, 'diary(from: String!, studentId: ID!, to: Date!)', 'Query.diary'],
  ['a new required argument on a contract field', /diary\(from: Date!, studentId: ID!, to: Date!\)/, 'diary(from: Date!, studentId: ID!, to: Date!, page: Int!)', 'Query.diary'],
  ['a new required field in a contract input', /input RecordMarkInput \{\n/, 'input RecordMarkInput {\n  lessonNumber: Int!\n', 'RecordMarkInput'],
  ['a removed contract enum value', /^ {2}LATE\n/m, '', 'AttendanceKind'],
])('fails on %s', async (_what, from, to, where) => {
  const result = await checkSchema(edited(from, to), committed, contract);
  expect(result.ok).toBe(false);
  expect(result.contractBreaks.map((c) => c.path).join(' ')).toContain(where);
});

it('fails on a contract break even when schema.graphql was regenerated with it', async () => {
  const next = withField('Mark', 'value', () => null);
  const result = await checkSchema(next, next, contract);
  expect(result.ok).toBe(false);
  expect(result.contractBreaks.map((c) => c.path)).toContain('Mark.value');
});

it('reports, but allows, a breaking change outside the contract', async () => {
  const result = await checkSchema(withField('Mark', 'versions', () => null), committed, contract);
  expect(result.contractBreaks).toEqual([]);
  expect(result.otherBreaks.map((c) => c.path)).toEqual(['Mark.versions']);
  expect(result.ok).toBe(true);
});

it('fails on a deprecation without a reason, and passes one with a reason', async () => {
  const bare = await checkSchema(edited(/^ {2}versions: \[MarkVersion!\]!$/m, '  versions: [MarkVersion!]! @deprecated'), committed, contract);
  expect(bare.deprecationsWithoutReason).toEqual(['Mark.versions']);
  expect(bare.ok).toBe(false);
  const empty = await checkSchema(edited(/^ {2}LATE$/m, '  LATE @deprecated(reason: " ")'), committed, contract);
  expect(empty.deprecationsWithoutReason).toEqual(['AttendanceKind.LATE']);
  const explained = await checkSchema(
    edited(/^ {2}versions: \[MarkVersion!\]!$/m, '  versions: [MarkVersion!]! @deprecated(reason: "Use `history`; removed after 2027-06-01.")'),
    committed, contract,
  );
  expect(explained).toMatchObject({ deprecationsWithoutReason: [], ok: true });
});
