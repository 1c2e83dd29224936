import { rule } from 'graphql-shield';
import { getMetadataStorage } from 'type-graphql';
import { buildBareSchema } from '../../server/schema/build';
import { RULES } from '../../permissions';
import { isContextOnly } from '../../permissions/preauthorization';
import { and, isAuthenticated } from '../../permissions/rules';
import { TestServer, type GraphQLResponse } from '../support/server';
import { actors, as, buildAccessWorld, gid, type AccessWorld } from '../access/access-support';

// An operation whose every field's rule says yes for the viewer runs without graphql-shield's
// per-field middleware (permissions/preauthorization.ts). It must answer exactly as shield
// would, and anything shield would refuse must still go through shield.

let server: TestServer;
let w: AccessWorld;
let who: Record<string, string | null>;

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildAccessWorld(server.em());
  who = actors(w);
});
afterAll(async () => { await server.stop(); });

const DIARY = `query($s: ID!) { diary(studentId: $s, from: "2026-11-16", to: "2026-11-22") {
  date lessons { lesson { id number state topic homework subject { id name } teacher { id fullName } classGroup { id name } }
                 marks { id value corrected comment createdAt workType { code name weight } } attendance { id kind reason } } } }`;
const JOURNAL = `query($c: ID!, $s: ID!) { classJournal(classGroupId: $c, subjectId: $s, from: "2026-11-16", to: "2026-11-22") {
  lessons { id date topic teacher { fullName } } students { id fullName } marks { id value student { id } lesson { id } }
  attendance { kind student { id } } } }`;
const ME = `{ me { user { id login } roles student { id fullName } children { id fullName } employee { id fullName } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id __typename ... on Mark { value lesson { date } } } }`;
const WITH_VERSIONS = `query($s: ID!) { diary(studentId: $s, from: "2026-11-16", to: "2026-11-22") {
  date lessons { marks { id value versions { revision value } } } } }`;

/** The answer, and whether it ran preauthorized, with the fast path on; then the answer with it off. */
async function bothWays(userId: string | null, query: string, variables: Record<string, unknown>) {
  const p = server.app.preauthorization;
  const before = p.stats.preauthorized;
  const fast = await as(server, userId, query, variables);
  const preauthorized = p.stats.preauthorized > before;
  p.enabled = false;
  try {
    const shielded = await as(server, userId, query, variables);
    return { fast, shielded, preauthorized };
  } finally {
    p.enabled = true;
  }
}

const hasData = (r: GraphQLResponse) => r.data !== null && r.data !== undefined;

describe('an operation every rule allows', () => {
  it.each([
    ['parent', 'diary'], ['student', 'diary'], ['classTeacher', 'diary'], ['teacher', 'diary'], ['director', 'diary'],
  ])('%s reading the %s: the same answer as through graphql-shield, without it', async (actor) => {
    const { fast, shielded, preauthorized } = await bothWays(who[actor], DIARY, { s: gid('Student', w.student.student.id) });
    expect(preauthorized).toBe(true);
    expect(fast).toEqual(shielded);
    expect(fast.errors).toBeUndefined();
    expect(fast.data!.diary).toHaveLength(7);
  });

  it('the class journal, me and node: the same answers', async () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ['teacher', JOURNAL, { c: gid('ClassGroup', w.class5a.id), s: gid('Subject', w.math.id) }],
      ['parent', ME, {}],
      ['teacher', ME, {}],
      ['parent', NODE, { id: gid('Mark', w.mathMark.id) }],
      // Refused by row scoping (not by a rule): still preauthorized, and the same NOT_FOUND-like answer.
      ['otherParent', NODE, { id: gid('Mark', w.mathMark.id) }],
      ['otherParent', DIARY, { s: gid('Student', w.student.student.id) }],
    ];
    for (const [actor, query, variables] of cases) {
      const { fast, shielded, preauthorized } = await bothWays(who[actor], query, variables);
      expect({ actor, query, preauthorized }).toEqual({ actor, query, preauthorized: true });
      expect(fast).toEqual(shielded);
    }
  });
});

describe('an operation with a field a rule refuses', () => {
  it('a parent asking for mark versions: run through graphql-shield, refused at that field, the rest answered', async () => {
    const { fast, shielded, preauthorized } = await bothWays(who.parent, WITH_VERSIONS, { s: gid('Student', w.student.student.id) });
    expect(preauthorized).toBe(false);
    expect(fast).toEqual(shielded);
    expect(fast.errors?.map((e) => [e.extensions?.code, e.path?.at(-1)])).toContainEqual(['FORBIDDEN', 'versions']);
  });

  it('an anonymous caller: run through graphql-shield, UNAUTHENTICATED as before', async () => {
    const { fast, shielded, preauthorized } = await bothWays(null, DIARY, { s: gid('Student', w.student.student.id) });
    expect(preauthorized).toBe(false);
    expect(fast).toEqual(shielded);
    expect(hasData(fast)).toBe(false);
    expect(fast.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('staff asking for mark versions: allowed, so preauthorized', async () => {
    const { fast, shielded, preauthorized } = await bothWays(who.classTeacher, WITH_VERSIONS, { s: gid('Student', w.student.student.id) });
    expect(preauthorized).toBe(true);
    expect(fast).toEqual(shielded);
    expect(fast.errors).toBeUndefined();
  });
});

describe('which rules can be decided up front', () => {
  it('context-cached rules and their and/or; not a rule that reads the parent or the arguments', () => {
    expect(isContextOnly(isAuthenticated as never)).toBe(true);
    const strict = rule('readsArgs', { cache: 'strict' })(() => true);
    const uncached = rule('noCache', { cache: 'no_cache' })(() => true);
    expect(isContextOnly(strict as never)).toBe(false);
    expect(isContextOnly(uncached as never)).toBe(false);
    expect(isContextOnly(and(isAuthenticated, strict) as never)).toBe(false);
  });

  it('every rule of the schema is context-only, so no operation is left to the slow path by its rules alone', () => {
    const notDecidable: string[] = [];
    for (const [type, fields] of Object.entries(RULES)) {
      for (const [field, r] of Object.entries(fields as Record<string, unknown>)) {
        if (!isContextOnly(r as never)) notDecidable.push(`${type}.${field}`);
      }
    }
    expect(notDecidable).toEqual([]);
  });
});

describe('what the schema build assumes (server/schema/build.ts)', () => {
  it('no type-graphql middleware or @Authorized anywhere, so plain fields can do without type-graphql resolvers', async () => {
    await buildBareSchema();
    const storage = getMetadataStorage();
    expect(storage.middlewares).toEqual([]);
    expect(storage.authorizedFields).toEqual([]);
    expect(storage.authorizedResolver).toEqual([]);
    expect(storage.objectTypes.filter((t) => t.simpleResolvers !== true).map((t) => t.name)).toEqual([]);
  });
});
