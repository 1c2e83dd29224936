import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { actors, buildAccessWorld, type AccessWorld } from '../access/access-support';
import { buildLesson, buildMark } from '../support/factories';
import { TestServer, errorCode } from '../support/server';
import { toGlobalId, type NodeTypeName } from '../../schema/global-id';

// `_entities` is how a gateway fetches our objects for other subgraphs. It must answer
// exactly as `node(id:)` does for every caller: same objects, same nulls, same errors.

let server: TestServer;
let w: AccessWorld;
const tokens: Record<string, string | undefined> = {};
beforeAll(async () => {
  server = await TestServer.start();
  w = await buildAccessWorld(server.em());
  for (const [name, userId] of Object.entries(actors(w))) tokens[name] = userId ? await server.token(userId) : undefined;
});
afterAll(async () => { await server.stop(); });

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Node { id } } }`;

function objects(): [string, NodeTypeName, string][] {
  return [
    ['own child\'s mark', 'Mark', w.mathMark.id],
    ['own child\'s Russian mark', 'Mark', w.russianMark.id],
    ['other family\'s mark', 'Mark', w.otherMark.id],
    ['student', 'Student', w.student.student.id],
    ['other family\'s student', 'Student', w.otherStudent.student.id],
    ['first grader', 'Student', w.firstGrader.student.id],
    ['5А lesson', 'Lesson', w.lesson.id],
    ['5Б lesson', 'Lesson', w.lesson5b.id],
    ['class', 'ClassGroup', w.class5a.id],
    ['subject', 'Subject', w.math.id],
    ['employee', 'Employee', w.teacher.employee.id],
    ['school', 'School', w.school.id],
    ['other school', 'School', w.otherSchool.id],
    ['other school\'s employee', 'Employee', w.otherTeacher.employee.id],
    ['missing mark', 'Mark', randomUUID()],
  ];
}

it('answers every caller for every object exactly as node(id:) does', async () => {
  const differences: string[] = [];
  let visible = 0;
  let hidden = 0;
  const objs = objects();
  const representations = objs.map(([, type, uuid]) => ({ __typename: type, id: toGlobalId(type, uuid) }));
  // One request per caller for each way in: every object as an aliased node(id:), and all of them in one _entities.
  const nodes = `query(${objs.map((_, i) => `$id${i}: ID!`).join(', ')}) { ${objs.map((_, i) => `n${i}: node(id: $id${i}) { __typename id }`).join(' ')} }`;
  const nodeVariables = Object.fromEntries(representations.map((r, i) => [`id${i}`, r.id]));
  for (const [actor, token] of Object.entries(tokens)) {
    const viaNode = await server.gql(nodes, nodeVariables, token);
    const viaEntities = await server.gql(ENTITIES, { r: representations }, token);
    objs.forEach(([what], i) => {
      const nodeAnswer = {
        value: viaNode.data?.[`n${i}`] ?? null,
        code: viaNode.errors?.find((e) => e.path?.[0] === `n${i}`)?.extensions?.code,
      };
      const entitiesAnswer = {
        value: viaEntities.data?._entities?.[i] ?? null,
        code: viaEntities.errors?.find((e) => e.path?.[0] === '_entities' && (e.path.length === 1 || e.path[1] === i))?.extensions?.code,
      };
      if (JSON.stringify(nodeAnswer) !== JSON.stringify(entitiesAnswer)) {
        differences.push(`${actor} / ${what}: node ${JSON.stringify(nodeAnswer)} vs _entities ${JSON.stringify(entitiesAnswer)}`);
      }
      if (nodeAnswer.value) visible += 1; else hidden += 1;
    });
  }
  expect(differences).toEqual([]);
  // The comparison means something only if both outcomes occur, and the refusals too.
  expect(visible).toBeGreaterThan(20);
  expect(hidden).toBeGreaterThan(20);
});

describe('a parent through _entities', () => {
  it('reads their own child\'s mark', async () => {
    const r = await server.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Mark { value student { fullName } } } }`,
      { r: [{ __typename: 'Mark', id: toGlobalId('Mark', w.mathMark.id) }] }, tokens.parent);
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities).toEqual([{ value: '5', student: { fullName: expect.any(String) } }]);
  });

  it('gets another family\'s mark and student exactly like missing ones: null, no error', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Mark { value } ... on Student { fullName } } }`;
    const foreign = await server.gql(query, {
      r: [{ __typename: 'Mark', id: toGlobalId('Mark', w.otherMark.id) }, { __typename: 'Student', id: toGlobalId('Student', w.otherStudent.student.id) }],
    }, tokens.parent);
    const missing = await server.gql(query, {
      r: [{ __typename: 'Mark', id: toGlobalId('Mark', randomUUID()) }, { __typename: 'Student', id: toGlobalId('Student', randomUUID()) }],
    }, tokens.parent);
    expect(foreign).toEqual({ data: { _entities: [null, null] } });
    expect(foreign).toEqual(missing);
  });

  it('cannot dress one type\'s id up as another, nor pass a raw uuid', async () => {
    const r = await server.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Mark { value } ... on Student { fullName } } }`, {
      r: [
        { __typename: 'Student', id: toGlobalId('Mark', w.mathMark.id) },
        { __typename: 'Mark', id: w.mathMark.id },
        { __typename: 'Student', fullName: 'forged' },
      ],
    }, tokens.parent);
    expect(r).toEqual({ data: { _entities: [null, null, null] } });
  });

  it('is refused a staff-only field of a visible mark, as through node', async () => {
    const viaEntities = await server.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Mark { versions { value } } } }`,
      { r: [{ __typename: 'Mark', id: toGlobalId('Mark', w.mathMark.id) }] }, tokens.parent);
    const viaNode = await server.gql(`query($id: ID!) { node(id: $id) { ... on Mark { versions { value } } } }`,
      { id: toGlobalId('Mark', w.mathMark.id) }, tokens.parent);
    expect(errorCode(viaEntities)).toBe('FORBIDDEN');
    expect(errorCode(viaNode)).toBe('FORBIDDEN');
  });
});

it('refuses anonymous callers (UNAUTHENTICATED), as node does', async () => {
  const r = await server.gql(ENTITIES, { r: [{ __typename: 'School', id: toGlobalId('School', w.school.id) }] });
  expect(errorCode(r)).toBe('UNAUTHENTICATED');
  expect(r.data).toBeNull();
});

it('resolves a batch of references with a fixed number of statements, whatever its size', async () => {
  // Six marks of three students at six lessons, read by their teacher (whose access is checked per lesson).
  const em = server.em();
  const marks: { id: string }[] = [];
  const pupils = [w.student.student, w.classmate.student, w.otherStudent.student];
  for (let i = 0; i < 6; i += 1) {
    const pupil = pupils[i % 3];
    const lesson = await buildLesson(em, {
      classGroup: pupil === w.otherStudent.student ? w.class5b : w.class5a, subject: w.math, teacher: w.teacher.employee,
      date: '2026-11-18', number: 1 + i,
    });
    marks.push(await buildMark(em, { lesson, student: pupil, author: w.teacher.user, value: String(1 + (i % 5)) }));
  }
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Mark { value } } }`;
  const rep = (id: string) => ({ __typename: 'Mark', id: toGlobalId('Mark', id) });
  // The fewest of three runs: the diary hub's background reads (after the tokens' sessions were made) may land in a window.
  const fewest = async (representations: object[]) => {
    let least = Infinity;
    for (let run = 0; run < 3; run += 1) {
      const { result, statements } = await server.countStatements(() => server.gql(query, { r: representations }, tokens.teacher));
      expect(result.data!._entities.map((m: { value: string } | null) => m?.value)).toEqual(representations.map(() => expect.any(String)));
      least = Math.min(least, statements);
    }
    return least;
  };
  const one = await fewest([rep(marks[0].id)]);
  const six = await fewest(marks.map((m) => rep(m.id)));
  expect(six).toBe(one);
});

describe('_service', () => {
  it('gives an administrator the subgraph SDL with a @key on every entity type, as committed in schema/subgraph.graphql', async () => {
    const r = await server.gql('{ _service { sdl } }', {}, tokens.admin);
    expect(r.errors).toBeUndefined();
    const sdl: string = r.data!._service.sdl;
    for (const type of ['School', 'ClassGroup', 'Student', 'Employee', 'Subject', 'Lesson', 'Mark']) {
      expect(sdl).toMatch(new RegExp(`type ${type} implements Node\\s+@key\\(fields: "id"\\)`));
    }
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'subgraph.graphql'), 'utf8');
    expect(`${sdl.trimEnd()}\n`).toBe(committed);
  });

  it('is refused to everyone else', async () => {
    expect(errorCode(await server.gql('{ _service { sdl } }', {}, tokens.parent))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql('{ _service { sdl } }', {}, tokens.teacher))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql('{ _service { sdl } }'))).toBe('UNAUTHENTICATED');
  });
});

it('hands out no federated trace (it would carry resolver timings and unmasked errors)', async () => {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-federation-include-trace': 'ftv1', authorization: `Bearer ${tokens.parent}` },
    body: JSON.stringify({ query: '{ me { roles } }' }),
  });
  const body = (await res.json()) as { data?: unknown; extensions?: Record<string, unknown> };
  expect(body.data).toEqual({ me: { roles: ['PARENT'] } });
  expect(body.extensions?.ftv1).toBeUndefined();
});
