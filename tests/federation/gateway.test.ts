import { randomUUID } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { actors, buildAccessWorld, type AccessWorld } from '../access/access-support';
import { TestServer } from '../support/server';
import { toGlobalId } from '../../schema/global-id';
import { FEDERATION_LINK } from '../../server/schema/federation';

// The journal as one subgraph of a larger graph: composed with a small "library"
// subgraph that extends Student, behind @apollo/gateway, queried across both.

/** A second subgraph: library cards for students, and lookups that hand references back to the journal. */
const LIBRARY_SDL = `${FEDERATION_LINK}
  type Student @key(fields: "id") {
    id: ID!
    libraryCard: String!
  }
  type Mark @key(fields: "id", resolvable: false) {
    id: ID!
  }
  type Query {
    featuredStudent(id: ID!): Student
    featuredMark(id: ID!): Mark
  }
`;

const libraryCard = (id: string) => `LIB-${id.slice(-6)}`;

let journal: TestServer;
let library: ApolloServer;
let libraryUrl: string;
let gateway: ApolloServer<{ authorization?: string }>;
let w: AccessWorld;
let parentToken: string;

beforeAll(async () => {
  journal = await TestServer.start();
  w = await buildAccessWorld(journal.em());
  parentToken = await journal.token(actors(w).parent!);
  const adminToken = await journal.token(actors(w).admin!);

  library = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(LIBRARY_SDL),
      resolvers: {
        Query: { featuredStudent: (_: unknown, { id }: { id: string }) => ({ id }), featuredMark: (_: unknown, { id }: { id: string }) => ({ id }) },
        Student: { __resolveReference: (ref: { id: string }) => ref, libraryCard: (s: { id: string }) => libraryCard(s.id) },
      } as never,
    }),
  });
  libraryUrl = (await startStandaloneServer(library, { listen: { port: 0, host: '127.0.0.1' } })).url;

  // The journal's part comes from its own `_service` (what a gateway's composition step reads).
  const sdl = (await journal.gql('{ _service { sdl } }', {}, adminToken)).data!._service.sdl as string;
  const composed = composeServices([
    { name: 'journal', typeDefs: parse(sdl), url: `${journal.url}/graphql` },
    { name: 'library', typeDefs: parse(LIBRARY_SDL), url: libraryUrl },
  ]);
  expect(composed.errors ?? []).toEqual([]);

  gateway = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl: composed.supergraphSdl!,
      // Every subgraph request carries the caller's own token: the journal applies its rules to them.
      buildService: ({ url }) => new RemoteGraphQLDataSource<{ authorization?: string }>({
        url,
        willSendRequest({ request, context }) {
          if (context.authorization) request.http!.headers.set('authorization', context.authorization);
        },
      }),
    }),
  });
  await gateway.start();
});

afterAll(async () => {
  await gateway?.stop();
  await library?.stop();
  await journal.stop();
});

async function viaGateway(query: string, variables: Record<string, unknown> = {}, token = parentToken) {
  const response = await gateway.executeOperation({ query, variables }, { contextValue: { authorization: `Bearer ${token}` } });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

it('answers a query that spans both subgraphs', async () => {
  const r = await viaGateway('{ me { children { id fullName classGroup { name } libraryCard } } }');
  expect(r.errors).toBeUndefined();
  const child = r.data!.me.children[0];
  expect(r.data!.me.children).toHaveLength(1);
  expect(child).toEqual({ id: toGlobalId('Student', w.student.student.id), fullName: expect.any(String), classGroup: { name: '5А' }, libraryCard: libraryCard(child.id) });
});

it('resolves the library\'s references to the parent\'s own child and mark through the journal', async () => {
  const student = await viaGateway('query($id: ID!) { featuredStudent(id: $id) { fullName libraryCard } }', { id: toGlobalId('Student', w.student.student.id) });
  expect(student.errors).toBeUndefined();
  expect(student.data!.featuredStudent.fullName).toEqual(expect.any(String));
  const mark = await viaGateway('query($id: ID!) { featuredMark(id: $id) { value } }', { id: toGlobalId('Mark', w.mathMark.id) });
  expect(mark).toEqual({ data: { featuredMark: { value: '5' } } });
});

it('gives a parent another family\'s student and mark exactly as it gives missing ones', async () => {
  const studentQuery = 'query($id: ID!) { featuredStudent(id: $id) { fullName classGroup { name } } }';
  const foreignStudent = await viaGateway(studentQuery, { id: toGlobalId('Student', w.otherStudent.student.id) });
  const missingStudent = await viaGateway(studentQuery, { id: toGlobalId('Student', randomUUID()) });
  expect(foreignStudent).toEqual(missingStudent);
  expect(JSON.stringify(foreignStudent)).not.toContain('5Б');

  const markQuery = 'query($id: ID!) { featuredMark(id: $id) { value student { fullName } } }';
  const foreignMark = await viaGateway(markQuery, { id: toGlobalId('Mark', w.otherMark.id) });
  const missingMark = await viaGateway(markQuery, { id: toGlobalId('Mark', randomUUID()) });
  expect(foreignMark).toEqual(missingMark);
  expect(foreignMark.data?.featuredMark?.value ?? null).toBeNull();
});

it('lets the other family\'s parent read what is theirs through the same gateway', async () => {
  const otherParentToken = await journal.token(actors(w).otherParent!);
  const r = await viaGateway('query($id: ID!) { featuredMark(id: $id) { value } }', { id: toGlobalId('Mark', w.otherMark.id) }, otherParentToken);
  expect(r).toEqual({ data: { featuredMark: { value: '4' } } });
});
