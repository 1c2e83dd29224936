import { isObjectType, type GraphQLSchema } from 'graphql';
import { allow, deny } from 'graphql-shield';
import { Role } from '../../entities';
import { Viewer } from '../../permissions/viewer';
import { RULES } from '../../permissions';
import { buildBareSchema } from '../../server/schema/build';
import { schemaForRoles, visibleFields } from '../../server/schema/role-schema';

// Each role's schema is derived from the shield rules: these tests pin what that
// derivation means, so a rule change shows up as a schema change and nothing else.

let schema: GraphQLSchema;
beforeAll(async () => { schema = await buildBareSchema(); });

const fieldsOf = (s: GraphQLSchema, type: string) => {
  const t = s.getType(type);
  return t && isObjectType(t) ? Object.keys(t.getFields()).sort() : [];
};

describe.each([Role.PARENT, Role.STUDENT])('%s', (role) => {
  it('sees the diary and their own reads, not the class journal, the teachers\' writes or mark history', async () => {
    const s = await schemaForRoles(schema, [role]);
    expect(fieldsOf(s, 'Query')).toEqual(expect.arrayContaining(['me', 'node', 'student', 'diary', 'academicYears', 'workTypes', '_entities']));
    expect(fieldsOf(s, 'Query')).not.toContain('classJournal');
    expect(fieldsOf(s, 'Query')).not.toContain('_service');
    expect(fieldsOf(s, 'Mutation')).toEqual(expect.arrayContaining(['login', 'refreshSession', 'logout', 'changePassword']));
    for (const write of ['recordMark', 'correctMark', 'recordAttendance', 'setAbsenceReason', 'setLessonRecord', 'setPeriodMark']) {
      expect(fieldsOf(s, 'Mutation')).not.toContain(write);
    }
    // inboxEvents: their messages, announcements and absence notes (issue 15).
    expect(fieldsOf(s, 'Subscription')).toEqual(['diaryEvents', 'inboxEvents']);
    expect(fieldsOf(s, 'Mark')).not.toContain('versions');
    // Types nothing visible reaches are gone with their fields.
    expect(s.getType('MarkVersion')).toBeUndefined();
    expect(s.getType('ClassJournal')).toBeUndefined();
    expect(s.getType('RecordMarkInput')).toBeUndefined();
  });
});

it('gives a teacher the journal and its writes', async () => {
  const s = await schemaForRoles(schema, [Role.TEACHER]);
  expect(fieldsOf(s, 'Query')).toContain('classJournal');
  expect(fieldsOf(s, 'Mutation')).toEqual(expect.arrayContaining(['recordMark', 'correctMark', 'setLessonRecord']));
  expect(fieldsOf(s, 'Mark')).toContain('versions');
  expect(s.getType('RecordMarkInput')).toBeDefined();
});

it('gives an administrator every read, the mark history and the subgraph SDL', async () => {
  const s = await schemaForRoles(schema, [Role.ADMIN]);
  expect(fieldsOf(s, 'Query')).toEqual(expect.arrayContaining(['classJournal', '_service']));
  expect(fieldsOf(s, 'MarkVersion')).toEqual(fieldsOf(schema, 'MarkVersion'));
});

it('gives several roles the union of what each may use', async () => {
  const both = await schemaForRoles(schema, [Role.PARENT, Role.TEACHER]);
  const teacher = await schemaForRoles(schema, [Role.TEACHER]);
  const parent = await schemaForRoles(schema, [Role.PARENT]);
  // A parent writes a little too (issue 15: «ознакомлен», absence notes; issue 14: revoking an app): the union of both, nothing more.
  expect(fieldsOf(both, 'Mutation')).toEqual([...new Set([...fieldsOf(teacher, 'Mutation'), ...fieldsOf(parent, 'Mutation')])].sort());
  expect(fieldsOf(parent, 'Mutation')).toEqual(expect.arrayContaining(['acknowledgeWeek', 'revokeApp']));
  expect(fieldsOf(both, 'Query')).toContain('diary');
});

it('shows a role exactly the fields whose rule lets that role through, for every role and every type it keeps', async () => {
  const rules = RULES as unknown as Record<string, Record<string, { resolve: (...a: unknown[]) => Promise<unknown> }>>;
  const wrong: string[] = [];
  for (const role of Object.values(Role)) {
    const s = await schemaForRoles(schema, [role]);
    // The rule evaluated the way shield evaluates it at run time, for a viewer of that role.
    const viewer = new Viewer('u', 's', 'x', false, [{ role, schoolId: 'x', municipalityId: null, regionId: null }], 'e', 's', 'g');
    for (const type of Object.values(s.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of fieldsOf(schema, type.name)) {
        const allowed = (await rules[type.name][field].resolve({}, {}, { viewer, _shield: { cache: {} } }, {}, { debug: false })) === true;
        if (allowed !== field in type.getFields()) wrong.push(`${role} ${type.name}.${field}: rule ${allowed}, schema ${!allowed}`);
      }
    }
  }
  expect(wrong).toEqual([]);
});

it('hides a field with no rule, and a field whose rule denies, whatever the role', async () => {
  const rules = { Query: { me: allow, diary: deny }, Viewer: { roles: allow } } as never;
  const visible = await visibleFields(schema, [Role.ADMIN], rules);
  expect([...visible.get('Query')!]).toEqual(['me']);
  expect([...visible.get('Viewer')!]).toEqual(['roles']);
  expect([...visible.get('Mark')!]).toEqual([]);
});
