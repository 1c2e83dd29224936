import fs from 'node:fs';
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, type IntrospectionQuery } from 'graphql';
import { Role } from '../entities';
import { roleSchemaFile } from '../server/schema/role-schema';
import { PASSWORD, buildWorld, type World } from './support/factories';
import { LiveClient, waitFor } from './support/live-client';
import { TestServer, errorCode } from './support/server';

// Introspection answers with the part of the schema the caller's roles may use, over HTTP
// and graphql-ws alike; anonymous introspection is off in production.

const FIELDS_OF_QUERY = '{ __schema { queryType { fields { name } } } }';
const queryFields = (r: { data?: any }) => (r.data?.__schema.queryType.fields as { name: string }[]).map((f) => f.name);

describe('outside production', () => {
  let server: TestServer;
  let w: World;
  beforeAll(async () => { server = await TestServer.start(); w = await buildWorld(server.em()); });
  afterAll(async () => { await server.stop(); });

  it.each([
    ['parent', Role.PARENT], ['student', Role.STUDENT], ['teacher', Role.TEACHER], ['admin', Role.ADMIN],
  ] as const)('gives a %s exactly the committed schema/roles/%s.graphql', async (who, role) => {
    const userId = who === 'student' ? w.student.user!.id : w[who].user.id;
    const r = await server.gql(getIntrospectionQuery(), {}, await server.token(userId));
    expect(r.errors).toBeUndefined();
    const sdl = `${printSchema(lexicographicSortSchema(buildClientSchema(r.data as IntrospectionQuery)))}\n`;
    expect(sdl).toBe(fs.readFileSync(roleSchemaFile(role), 'utf8'));
  });

  it('shows a parent the diary but not the class journal; a teacher both', async () => {
    const parent = await server.gql(FIELDS_OF_QUERY, {}, await server.token(w.parent.user.id));
    expect(queryFields(parent)).toContain('diary');
    expect(queryFields(parent)).not.toContain('classJournal');
    const teacher = await server.gql(FIELDS_OF_QUERY, {}, await server.token(w.teacher.user.id));
    expect(queryFields(teacher)).toEqual(expect.arrayContaining(['diary', 'classJournal']));
  });

  it('answers __type for a type outside the role\'s part with null', async () => {
    const query = '{ __type(name: "MarkVersion") { name } }';
    expect((await server.gql(query, {}, await server.token(w.parent.user.id))).data).toEqual({ __type: null });
    expect((await server.gql(query, {}, await server.token(w.teacher.user.id))).data).toEqual({ __type: { name: 'MarkVersion' } });
  });

  it('refuses an introspecting operation that also uses a field outside the role\'s part', async () => {
    const r = await server.gql(`{ __schema { queryType { name } } classJournal(classGroupId: "x", subjectId: "y", from: "2026-11-16", to: "2026-11-20") { lessons { id } } }`,
      {}, await server.token(w.parent.user.id));
    expect(errorCode(r)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.data).toBeUndefined();
  });

  it('still answers the rest of an introspecting operation', async () => {
    const r = await server.gql('{ __schema { queryType { name } } me { roles } }', {}, await server.token(w.parent.user.id));
    expect(r).toEqual({ data: { __schema: { queryType: { name: 'Query' } }, me: { roles: ['PARENT'] } } });
  });

  it('shows an anonymous caller the whole schema (the explorer before signing in; it is committed anyway)', async () => {
    const r = await server.gql(FIELDS_OF_QUERY);
    expect(queryFields(r)).toEqual(expect.arrayContaining(['classJournal', 'diary', '_service']));
  });

  it('answers introspection over graphql-ws with the viewer\'s part too', async () => {
    const client = new LiveClient(server.wsUrl, await server.token(w.parent.user.id));
    try {
      await client.ready();
      const stream = client.subscribe(FIELDS_OF_QUERY);
      await waitFor(() => stream.completed || stream.errors.length > 0, 5_000, 'the introspection answer');
      expect(stream.errors).toEqual([]);
      const names = (stream.events[0].__schema.queryType.fields as { name: string }[]).map((f) => f.name);
      expect(names).toContain('diary');
      expect(names).not.toContain('classJournal');
    } finally {
      await client.close();
    }
  });
});

describe('in production', () => {
  let server: TestServer;
  let w: World;
  beforeAll(async () => { server = await TestServer.start(undefined, { production: true }); w = await buildWorld(server.em()); });
  afterAll(async () => { await server.stop(); });

  it('refuses anonymous introspection', async () => {
    for (const query of [FIELDS_OF_QUERY, '{ __type(name: "Query") { name } }', getIntrospectionQuery()]) {
      const r = await server.gql(query);
      expect(errorCode(r)).toBe('UNAUTHENTICATED');
      expect(r.data).toBeUndefined();
    }
  });

  it('still lets an anonymous caller sign in', async () => {
    const r = await server.gql('mutation($l: String!, $p: String!) { login(login: $l, password: $p) { user { login } } }',
      { l: w.parent.user.login, p: PASSWORD });
    expect(r).toEqual({ data: { login: { user: { login: w.parent.user.login } } } });
  });

  it('answers a signed-in caller with their part of the schema', async () => {
    const r = await server.gql(FIELDS_OF_QUERY, {}, await server.token(w.parent.user.id));
    expect(queryFields(r)).toContain('diary');
    expect(queryFields(r)).not.toContain('classJournal');
  });
});
