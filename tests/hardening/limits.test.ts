import { getIntrospectionQuery } from 'graphql';
import { toGlobalId } from '../../schema/global-id';
import { COST_BUDGETS, QUERY_LIMITS } from '../../server/limits';
import { buildWorld, type World } from '../support/factories';
import { LiveClient, waitFor } from '../support/live-client';
import { TestServer, errorCode, type GraphQLResponse } from '../support/server';

// Query limits, the same on HTTP and on sockets: document size, tokens, depth, aliases,
// directives, a cost budget per role; page sizes 1..100; no field suggestions in production.

let server: TestServer;
let production: TestServer;
let w: World;
let parentToken: string;
let directorToken: string;
const clients: LiveClient[] = [];

beforeAll(async () => {
  server = await TestServer.start();
  production = await TestServer.alongside(server, { config: { production: true } });
  w = await buildWorld(server.em());
  parentToken = await server.token(w.parent.user.id);
  directorToken = await server.token(w.director.user.id);
});
afterEach(async () => { await Promise.all(clients.splice(0).map((c) => c.close())); });
afterAll(async () => {
  await production.app.close();
  await production.orm.close(true);
  await server.stop();
});

const studentId = () => toGlobalId('Student', w.student.student.id);

/** The same document over a graphql-ws socket: the first error it gets, or its data. */
async function overSocket(on: TestServer, token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  const client = new LiveClient(on.wsUrl, token);
  clients.push(client);
  await client.ready();
  const stream = client.subscribe(query, variables);
  await waitFor(() => stream.errors.length > 0 || stream.events.length > 0 || stream.completed, 5_000, 'an answer');
  if (stream.errors.length) {
    const errors = stream.errors.flatMap((e) => (Array.isArray(e) ? e : [e])) as GraphQLResponse['errors'];
    return { errors };
  }
  return { data: stream.events[0] };
}

async function post(query: string, token?: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLResponse };
}

/** student → marks → edges → node → student … nested `levels` times. */
const nested = (levels: number): string => (levels === 0 ? 'id' : `student { marks(first: 1) { edges { node { ${nested(levels - 1)} } } } }`);
const deep = `query($s: ID!) { student(id: $s) { marks(first: 1) { edges { node { ${nested(2)} } } } } }`;
const aliases = `{ ${Array.from({ length: QUERY_LIMITS.aliases + 1 }, (_, i) => `a${i}: me { roles }`).join(' ')} }`;
const directives = `{ ${Array.from({ length: QUERY_LIMITS.directives + 1 }, () => '__typename @include(if: true)').join(' ')} }`;
const tokens = `{ me { user { ${'id '.repeat(QUERY_LIMITS.tokens)} } } }`;
const oversized = `# ${'x'.repeat(QUERY_LIMITS.documentChars)}\n{ __typename }`;
const marksPage = (first: number | string) => `query($s: ID!${first === '$n' ? ', $n: Int' : ''}) { student(id: $s) { marks(first: ${first}) { edges { node {
  lesson { subject { name } teacher { fullName } classGroup { name } } workType { code name } } } } } }`;

describe('document limits', () => {
  const cases: [string, string, string, string][] = [
    ['depth', deep, 'GRAPHQL_VALIDATION_FAILED', 'DEPTH'],
    ['aliases', aliases, 'GRAPHQL_VALIDATION_FAILED', 'ALIASES'],
    ['directives', directives, 'GRAPHQL_VALIDATION_FAILED', 'DIRECTIVES'],
    ['document size', oversized, 'GRAPHQL_VALIDATION_FAILED', 'DOCUMENT_SIZE'],
  ];

  it.each(cases)('%s: refused over HTTP with a 400, a stable code and the limit named, nothing internal', async (_name, query, code, limit) => {
    const { status, body } = await post(query, parentToken, { s: studentId() });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(errorCode(body)).toBe(code);
    expect(body.errors![0].extensions!.limit).toBe(limit);
    expect(JSON.stringify(body)).not.toMatch(/stack|Syntax Error|node_modules/i);
  });

  it.each(cases)('%s: refused the same way over a socket', async (_name, query, code, limit) => {
    const r = await overSocket(server, parentToken, query, { s: studentId() });
    expect(errorCode(r)).toBe(code);
    expect(r.errors![0].extensions!.limit).toBe(limit);
  });

  it('too many tokens: parsing stops, GRAPHQL_PARSE_FAILED on both paths', async () => {
    const http = await post(tokens, parentToken);
    expect(http.status).toBe(400);
    expect(errorCode(http.body)).toBe('GRAPHQL_PARSE_FAILED');
    expect(http.body.errors![0].message).toMatch(/more (than|that) \d+ tokens/);
    const ws = await overSocket(server, parentToken, tokens);
    expect(errorCode(ws)).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('just inside the limits is answered', async () => {
    const fits = `{ ${Array.from({ length: QUERY_LIMITS.aliases }, (_, i) => `a${i}: __typename @include(if: true)`).slice(0, QUERY_LIMITS.directives).join(' ')} }`;
    const { status, body } = await post(fits, parentToken);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data!)).toHaveLength(QUERY_LIMITS.directives);
  });

  it('introspection (GraphiQL, codegen) is not counted against depth or cost outside production', async () => {
    const { status, body } = await post(getIntrospectionQuery(), parentToken);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!.__schema.queryType.name).toBe('Query');
  });
});

describe('cost budget per role', () => {
  it('a parent may read a page of 50 marks with their lessons, not 100; the director may read 100', async () => {
    const small = await post(marksPage(50), parentToken, { s: studentId() });
    expect(small.body.errors).toBeUndefined();

    const big = await post(marksPage(100), parentToken, { s: studentId() });
    expect(big.status).toBe(400);
    expect(errorCode(big.body)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(big.body.errors![0].extensions!.limit).toBe('COST');
    expect(big.body.errors![0].message).toContain(`budget of ${COST_BUDGETS.family}`);

    const staff = await post(marksPage(100), directorToken, { s: studentId() });
    expect(staff.body.errors).toBeUndefined();
    expect(staff.body.data!.student.marks.edges).toEqual(expect.any(Array));
  });

  it('a page size sent as a variable costs the same as a literal one', async () => {
    const viaVariable = await post(marksPage('$n'), parentToken, { s: studentId(), n: 100 });
    expect(viaVariable.body.errors![0].extensions!.limit).toBe('COST');
    expect((await post(marksPage('$n'), parentToken, { s: studentId(), n: 50 })).body.errors).toBeUndefined();
  });

  it('an anonymous caller has the smallest budget', async () => {
    const r = await post(marksPage(10), undefined, { s: studentId() });
    expect(r.body.errors![0].extensions!.limit).toBe('COST');
    expect(r.body.errors![0].message).toContain(`budget of ${COST_BUDGETS.anonymous}`);
  });

  it('the same budget holds over a socket', async () => {
    const r = await overSocket(server, parentToken, marksPage(100), { s: studentId() });
    expect(r.errors![0].extensions!.limit).toBe('COST');
    const ok = await overSocket(server, parentToken, marksPage(50), { s: studentId() });
    expect(ok.errors).toBeUndefined();
  });
});

describe('page size', () => {
  it('first beyond 100 is BAD_USER_INPUT naming "first" over a socket too (not a cost refusal)', async () => {
    for (const first of [0, 101, 100000]) {
      const r = await overSocket(server, directorToken, marksPage(first), { s: studentId() });
      expect(errorCode(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.field).toBe('first');
    }
  });
});

describe('field suggestions', () => {
  const typo = `{ me { usr { id } } }`;

  it('are shown outside production, to help developers', async () => {
    const r = await server.gql(typo, {}, parentToken);
    expect(r.errors![0].message).toMatch(/Did you mean "user"\?/);
  });

  it('are hidden in production, over HTTP and over a socket', async () => {
    const token = await production.token(w.parent.user.id);
    const http = await production.gql(typo, {}, token);
    expect(errorCode(http)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(http.errors![0].message).toBe('Cannot query field "usr" on type "Viewer".');
    const ws = await overSocket(production, token, typo);
    expect(errorCode(ws)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(ws.errors![0].message).toBe('Cannot query field "usr" on type "Viewer".');
  });
});
