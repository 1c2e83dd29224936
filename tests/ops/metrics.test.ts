import { Role } from '../../entities';
import { toGlobalId } from '../../schema/global-id';
import { MAX_OPERATION_LABELS, OperationLabels, outcomeLabel } from '../../server/metrics';
import { PASSWORD, buildStaff, buildWorld, type World } from '../support/factories';
import { DIARY_EVENTS, LiveClient, settle, waitFor } from '../support/live-client';
import { TestServer, errorCode } from '../support/server';

// GET /metrics (server/metrics.ts): on METRICS_PORT only, behind METRICS_TOKEN; the counters move
// with what the server does, and no label carries a user id, a login or another unbounded value.

const TOKEN = 'scrape-secret-for-tests';
let server: TestServer;
let w: World;

beforeAll(async () => {
  server = await TestServer.start(undefined, { config: { metricsPort: 0, metricsToken: TOKEN } });
  w = await buildWorld(server.em());
});
afterAll(async () => { await server.stop(); });

const metricsUrl = () => `http://127.0.0.1:${server.app.metricsPort}/metrics`;

async function scrape(): Promise<string> {
  const res = await fetch(metricsUrl(), { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
}

/** One sample of the text format: `name{a="b",…} value`; 0 when the series does not exist yet. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const found = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(m[3]);
  }
  return 0;
}

/** Every label value of the scrape. */
function labelValues(text: string): string[] {
  return text.split('\n').filter((l) => !l.startsWith('#')).flatMap((l) => [...l.matchAll(/\w+="((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]));
}

async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { data?: any; errors?: any[] } };
}

const RECORD_MARK = `mutation RecordMark($i: RecordMarkInput!) { recordMark(input: $i) { id } }`;
const markInput = (lessonId: string, value = '5') => ({
  lessonId, studentId: toGlobalId('Student', w.student.student.id), value, workTypeCode: 'ORAL',
});

describe('who may read /metrics', () => {
  it('is not on the API port: 404 there, whatever the token', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });

  it('wants the bearer token on its own port: 401 without or with a wrong one; nothing else is served there', async () => {
    expect((await fetch(metricsUrl())).status).toBe(401);
    expect((await fetch(metricsUrl(), { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await fetch(metricsUrl(), { headers: { authorization: TOKEN } })).status).toBe(401);
    const other = await fetch(metricsUrl().replace('/metrics', '/graphql'), { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(other.status).toBe(404);
    const ok = await fetch(metricsUrl(), { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('is off without METRICS_PORT: no port, and the API port answers 404', async () => {
    const plain = await TestServer.alongside(server);
    try {
      expect(plain.app.metricsPort).toBeNull();
      expect((await fetch(`${plain.url}/metrics`)).status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});

describe('the counters', () => {
  it('a query: its request by operation and outcome, its latency and its SQL statements', async () => {
    const token = await server.token(w.teacher.user.id);
    const before = await scrape();
    const r = await post(`query TeacherMe { me { user { id } } }`, {}, { authorization: `Bearer ${token}` });
    expect(r.body.errors).toBeUndefined();
    const after = await scrape();
    const labels = { operation: 'TeacherMe', outcome: 'OK' };
    expect(sample(after, 'sj_graphql_requests_total', labels) - sample(before, 'sj_graphql_requests_total', labels)).toBe(1);
    expect(sample(after, 'sj_graphql_request_duration_seconds_count', { operation: 'TeacherMe' })
      - sample(before, 'sj_graphql_request_duration_seconds_count', { operation: 'TeacherMe' })).toBe(1);
    // The viewer's session and user were read for it: its statements are counted under its name.
    expect(sample(after, 'sj_sql_statements_total', { operation: 'TeacherMe' }) - sample(before, 'sj_sql_statements_total', { operation: 'TeacherMe' }))
      .toBeGreaterThanOrEqual(1);
    expect(sample(after, 'sj_sql_seconds_total', { operation: 'TeacherMe' })).toBeGreaterThan(0);
    expect(sample(after, 'sj_sql_statement_duration_seconds_count')).toBeGreaterThan(sample(before, 'sj_sql_statement_duration_seconds_count'));
    // An unnamed operation is "anonymous".
    await post(`{ me { user { id } } }`, {}, { authorization: `Bearer ${token}` });
    expect(sample(await scrape(), 'sj_graphql_requests_total', { operation: 'anonymous', outcome: 'OK' })).toBeGreaterThanOrEqual(1);
  });

  it('a mutation error is counted with its code; the refused write changed nothing', async () => {
    const token = await server.token(w.teacher.user.id);
    const labels = { operation: 'RecordMark', outcome: 'BAD_USER_INPUT' };
    const before = await scrape();
    const marks = async () => Number((await server.em().getConnection().execute(`select count(*) as n from mark`))[0].n);
    const marksBefore = await marks();
    const r = await post(RECORD_MARK, { i: markInput('not-a-lesson-id') }, { authorization: `Bearer ${token}` });
    expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const after = await scrape();
    expect(sample(after, 'sj_graphql_requests_total', labels) - sample(before, 'sj_graphql_requests_total', labels)).toBe(1);
    expect(await marks()).toBe(marksBefore);
  });

  it('failed sign-ins and a lockout; the login is in no label', async () => {
    const { user } = await buildStaff(server.em(), w.school, [Role.TEACHER]);
    const LOGIN = `mutation SignIn($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken } }`;
    const before = await scrape();
    const wrong = await server.gql(LOGIN, { l: user.login, p: 'not-the-password' });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    let after = await scrape();
    expect(sample(after, 'sj_sign_in_failures_total', { reason: 'wrong_credentials' })
      - sample(before, 'sj_sign_in_failures_total', { reason: 'wrong_credentials' })).toBe(1);
    expect(sample(after, 'sj_graphql_requests_total', { operation: 'SignIn', outcome: 'UNAUTHENTICATED' })).toBe(1);

    // Four more wrong passwords lock the account out; the next attempt is throttled.
    for (let i = 0; i < 4; i++) await server.gql(LOGIN, { l: user.login, p: 'not-the-password' });
    const throttled = await server.gql(LOGIN, { l: user.login, p: PASSWORD });
    expect(errorCode(throttled)).toBe('TOO_MANY_ATTEMPTS');
    after = await scrape();
    expect(sample(after, 'sj_lockouts_total', { scope: 'account' }) - sample(before, 'sj_lockouts_total', { scope: 'account' })).toBe(1);
    expect(sample(after, 'sj_sign_in_failures_total', { reason: 'throttled' }) - sample(before, 'sj_sign_in_failures_total', { reason: 'throttled' })).toBe(1);
    expect(sample(after, 'sj_graphql_requests_total', { operation: 'SignIn', outcome: 'TOO_MANY_ATTEMPTS' })).toBe(1);
    expect(labelValues(after).some((v) => v.includes(user.login) || v.includes(user.id))).toBe(false);
  });

  it('an idempotent replay is counted', async () => {
    const token = await server.token(w.teacher.user.id);
    const headers = { authorization: `Bearer ${token}`, 'idempotency-key': 'metrics-replay-1' };
    const input = { i: markInput(toGlobalId('Lesson', w.lesson.id), '4') };
    const sqlBefore = sample(await scrape(), 'sj_sql_statements_total', { operation: 'RecordMark' });
    const { result: first, statements } = await server.countStatements(() => post(RECORD_MARK, input, headers));
    expect(first.body.errors).toBeUndefined();
    const before = await scrape();
    // The write's statements, in its transaction too, are the operation's (the hub's reading of the new event is "background").
    const sqlOfWrite = sample(before, 'sj_sql_statements_total', { operation: 'RecordMark' }) - sqlBefore;
    expect(sqlOfWrite).toBeGreaterThanOrEqual(5);
    expect(sqlOfWrite).toBeLessThanOrEqual(statements);
    const again = await post(RECORD_MARK, input, headers);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const after = await scrape();
    expect(sample(after, 'sj_idempotent_replays_total', { outcome: 'replayed' }) - sample(before, 'sj_idempotent_replays_total', { outcome: 'replayed' })).toBe(1);
  });

  it('the pool, the outbox lag, sockets, subscriptions and live deliveries', async () => {
    let text = await scrape();
    expect(text).toMatch(/^sj_db_pool_connections\{state="used"\} \d+$/m);
    expect(text).toMatch(/^sj_db_pool_waiting \d+$/m);
    expect(text).toMatch(/^sj_process_resident_memory_bytes \d+/m);

    const client = new LiveClient(server.wsUrl, await server.token(w.parent.user.id));
    try {
      await client.ready();
      const stream = client.subscribe(DIARY_EVENTS);
      await waitFor(() => server.app.services.hub.subscriberCount === 1, 5_000, 'the subscription');
      text = await scrape();
      expect(sample(text, 'sj_ws_sockets')).toBe(1);
      expect(sample(text, 'sj_live_subscriptions')).toBe(1);
      const delivered = sample(text, 'sj_live_deliveries_total', { kind: 'live' });

      const token = await server.token(w.teacher.user.id);
      const r = await post(RECORD_MARK, { i: markInput(toGlobalId('Lesson', w.lesson.id), '3') }, { authorization: `Bearer ${token}` });
      expect(r.body.errors).toBeUndefined();
      await waitFor(() => stream.events.length === 1, 5_000, 'the mark for the parent');
      await settle(50);
      text = await scrape();
      expect(sample(text, 'sj_live_deliveries_total', { kind: 'live' }) - delivered).toBe(1);
      expect(sample(text, 'sj_live_delivery_duration_seconds_count', { kind: 'live' })).toBeGreaterThanOrEqual(1);
      // The hub has read everything committed: newest = delivered, no lag.
      const newest = sample(text, 'sj_outbox_newest_position');
      expect(newest).toBeGreaterThan(0);
      expect(sample(text, 'sj_outbox_delivered_position')).toBe(newest);
      expect(sample(text, 'sj_outbox_lag_events')).toBe(0);
    } finally {
      await client.close();
    }
  });

  it('no label value is a user id, a login, a token or a name of the world', async () => {
    const text = await scrape();
    const people = [w.teacher, w.parent, w.admin, w.classTeacher];
    const forbidden = people.flatMap((p) => [p.user.id, p.user.login]);
    const values = labelValues(text);
    expect(values.length).toBeGreaterThan(10);
    for (const value of values) {
      for (const f of forbidden) expect(value).not.toContain(f);
      expect(value).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
      expect(value).not.toMatch(/[А-Яа-яЁё]/);
    }
  });

  it('each server has its own registry: a second instance in this process counts only its own requests', async () => {
    const other = await TestServer.alongside(server, { config: { metricsPort: 0 } });
    try {
      const res = await fetch(`http://127.0.0.1:${other.app.metricsPort}/metrics`);
      const text = await res.text();
      expect(sample(text, 'sj_graphql_requests_total', { operation: 'TeacherMe', outcome: 'OK' })).toBe(0);
      expect(sample(await scrape(), 'sj_graphql_requests_total', { operation: 'TeacherMe', outcome: 'OK' })).toBeGreaterThan(0);
    } finally {
      await other.stop();
    }
  });
});

describe('bounded labels', () => {
  it('names past the limit, overlong or odd ones are "other"; none is "anonymous"', () => {
    const labels = new OperationLabels();
    for (let i = 0; i < MAX_OPERATION_LABELS; i++) expect(labels.label(`Op${i}`)).toBe(`Op${i}`);
    expect(labels.label('Op0')).toBe('Op0');
    expect(labels.label('OneTooMany')).toBe('other');
    expect(new OperationLabels().label('x'.repeat(65))).toBe('other');
    expect(new OperationLabels().label('bad name"')).toBe('other');
    expect(new OperationLabels().label(null)).toBe('anonymous');
    expect(outcomeLabel(undefined)).toBe('OK');
    expect(outcomeLabel('NOT_FOUND')).toBe('NOT_FOUND');
    expect(outcomeLabel('SOMETHING_A_CLIENT_MADE_UP')).toBe('OTHER');
  });
});
