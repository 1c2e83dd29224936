import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../schema/global-id';
import { buildWorld, type World } from '../support/factories';
import { DIARY_EVENTS, LiveClient, settle, waitFor } from '../support/live-client';
import { TestServer } from '../support/server';

// Issue 16 part 5: any number of stateless instances on one PostgreSQL. Three here, as behind a
// load balancer that sends each request anywhere: the live diary, an idempotent retry and a
// revoked session each behave the same whichever instance a request meets.

let a: TestServer;
let b: TestServer;
let c: TestServer;
let w: World;
const clients: LiveClient[] = [];

beforeAll(async () => {
  a = await TestServer.start();
  b = await TestServer.alongside(a);
  c = await TestServer.alongside(a);
  w = await buildWorld(a.em());
});
afterEach(async () => { await Promise.all(clients.splice(0).map((x) => x.close())); });
afterAll(async () => { await c.stop(); await b.stop(); await a.stop(); });

const RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id value } }`;
const markInput = (value: string) => ({ i: { lessonId: toGlobalId('Lesson', w.lesson.id), studentId: toGlobalId('Student', w.student.student.id), value, workTypeCode: 'ORAL' } });

async function connect(server: TestServer, userId: string): Promise<LiveClient> {
  const client = new LiveClient(server.wsUrl, await server.token(userId));
  clients.push(client);
  await client.ready();
  return client;
}

it('a mark written on B reaches the parent\'s sockets on A and on C, each once', async () => {
  const onA = (await connect(a, w.parent.user.id)).subscribe(DIARY_EVENTS, { studentId: toGlobalId('Student', w.student.student.id) });
  const onC = (await connect(c, w.parent.user.id)).subscribe(DIARY_EVENTS, { studentId: toGlobalId('Student', w.student.student.id) });
  await settle(200);
  const r = await b.gql(RECORD_MARK, markInput('4'), await b.token(w.teacher.user.id));
  expect(r.errors).toBeUndefined();
  await waitFor(() => onA.events.length === 1 && onC.events.length === 1, 5_000, 'the mark on A and C');
  await settle();
  expect(onA.events.map((e: any) => e.mark.id)).toEqual([r.data!.recordMark.id]);
  expect(onC.events.map((e: any) => e.mark.id)).toEqual([r.data!.recordMark.id]);
});

it('a retry with the same Idempotency-Key on another instance replays the answer, writing once', async () => {
  const key = randomUUID();
  const token = await a.token(w.teacher.user.id);
  const send = (server: TestServer) => fetch(`${server.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: JSON.stringify({ query: RECORD_MARK, variables: markInput('3') }),
  });
  const first = await send(a);
  const again = await send(c);
  const [one, two] = [await first.json(), await again.json()] as { data: { recordMark: { id: string } } }[];
  expect(two.data.recordMark.id).toBe(one.data.recordMark.id);
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  const [{ n }] = await a.em().getConnection().execute<{ n: string }[]>(`select count(*) n from mark where comment is null and value = '3' and student_id = ?`, [w.student.student.id]);
  expect(Number(n)).toBe(1);
});

it('a session ended on one instance is ended on all', async () => {
  const login = await a.gql(`mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken refreshToken } }`, { l: w.parent.user.login, p: 'correct-horse-1' });
  const { accessToken, refreshToken } = login.data!.login;
  expect((await b.gql('{ me { roles } }', {}, accessToken)).errors).toBeUndefined();
  const out = await b.gql(`mutation($r: String!) { logout(refreshToken: $r) }`, { r: refreshToken }, accessToken);
  expect(out.errors).toBeUndefined();
  for (const server of [a, c]) {
    const r = await server.gql('{ me { roles } }', {}, accessToken);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }
});
