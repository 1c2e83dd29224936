import { Role } from '../../entities';
import { toGlobalId } from '../../schema/global-id';
import { blankValues, defaultLogLevel, describeFault } from '../../server/logging';
import { PASSWORD, buildStaff, buildWorld, type World } from '../support/factories';
import { captureLog } from '../support/log-capture';
import { TestServer } from '../support/server';

// JSON lines (server/logging.ts, server/observe.ts): one per request with the request id the
// answer carries, the operation, the viewer's user id, duration and outcome; one per database
// fault; never a password, a token, a login or the variables.

const capture = captureLog('debug');
let server: TestServer;
let w: World;

beforeAll(async () => {
  server = await TestServer.start(undefined, { log: capture.log });
  w = await buildWorld(server.em());
});
afterAll(async () => { await server.stop(); });

async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, requestId: res.headers.get('x-request-id'), body: (await res.json()) as { data?: any; errors?: any[] } };
}

/** The request line of one request id (written when its answer has gone: waited for). */
async function requestLine(requestId: string | null): Promise<Record<string, any>> {
  for (let i = 0; i < 50; i++) {
    const line = capture.lines().find((l) => l.msg === 'request' && l.requestId === requestId);
    if (line) return line;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no request line for ${requestId}`);
}

describe('a line per request', () => {
  it('keeps a sane incoming x-request-id, answers with it, and logs operation, viewer, duration and outcome', async () => {
    const token = await server.token(w.teacher.user.id);
    const r = await post(`query TeacherMe { me { user { id } } }`, {}, { authorization: `Bearer ${token}`, 'x-request-id': 'lb-7f3a.42' });
    expect(r.body.errors).toBeUndefined();
    expect(r.requestId).toBe('lb-7f3a.42');
    const line = await requestLine('lb-7f3a.42');
    expect(line).toMatchObject({
      level: 30, requestId: 'lb-7f3a.42', method: 'POST', path: '/graphql', status: 200,
      operation: 'TeacherMe', userId: w.teacher.user.id, outcome: 'OK',
    });
    expect(typeof line.durationMs).toBe('number');
    expect(line.sql.statements).toBeGreaterThanOrEqual(1);
    expect(typeof line.time).toBe('string');
    // Neither the token nor the query text is in the line.
    expect(JSON.stringify(line)).not.toContain(token);
    expect(JSON.stringify(line)).not.toContain('me {');
  });

  it('makes an id when none or an unreasonable one comes in', async () => {
    for (const incoming of [undefined, 'x'.repeat(129), 'has spaces in it', 'semi;colon', '']) {
      const headers: Record<string, string> = incoming === undefined ? {} : { 'x-request-id': incoming };
      const r = await post(`{ __typename }`, {}, headers);
      expect(r.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const line = await requestLine(r.requestId);
      expect(line).toMatchObject({ outcome: 'OK', requestId: r.requestId });
      expect(line.operation).toBeUndefined();
      expect(line.userId).toBeUndefined();
    }
  });

  it('logs a mutation error with its code, and answers outside GraphQL with theirs', async () => {
    const token = await server.token(w.teacher.user.id);
    const r = await post(`mutation RecordMark($i: RecordMarkInput!) { recordMark(input: $i) { id } }`, {
      i: { lessonId: 'garbage', studentId: toGlobalId('Student', w.student.student.id), value: '5', workTypeCode: 'ORAL' },
    }, { authorization: `Bearer ${token}` });
    expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await requestLine(r.requestId)).toMatchObject({ operation: 'RecordMark', outcome: 'BAD_USER_INPUT', userId: w.teacher.user.id });

    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    // Health checks are debug lines (a balancer asks every few seconds).
    expect(await requestLine(health.headers.get('x-request-id'))).toMatchObject({ level: 20, path: '/health', outcome: 'OK' });

    // Refused before Apollo (the body limit): the answer still has its id and its line.
    const big = await fetch(`${server.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ __typename }`, pad: 'x'.repeat(300 * 1024) }),
    });
    expect(big.status).toBe(413);
    expect(await requestLine(big.headers.get('x-request-id'))).toMatchObject({ status: 413, outcome: 'PAYLOAD_TOO_LARGE' });

    const download = await fetch(`${server.url}/downloads/secret-one-time-token`);
    const line = await requestLine(download.headers.get('x-request-id'));
    expect(line.path).toBe('/downloads/…');
    expect(capture.raw()).not.toContain('secret-one-time-token');
  });

  it('after a login, no line holds the password, the tokens or the login', async () => {
    const { user } = await buildStaff(server.em(), w.school, [Role.TEACHER]);
    const LOGIN = `mutation SignIn($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken refreshToken } }`;
    const ok = await post(LOGIN, { l: user.login, p: PASSWORD });
    expect(ok.body.errors).toBeUndefined();
    const wrong = await post(LOGIN, { l: user.login, p: 'Wrong-Password-123' });
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await requestLine(ok.requestId)).toMatchObject({ operation: 'SignIn', outcome: 'OK' });
    expect(await requestLine(wrong.requestId)).toMatchObject({ operation: 'SignIn', outcome: 'UNAUTHENTICATED' });
    const raw = capture.raw();
    for (const secret of [PASSWORD, 'Wrong-Password-123', ok.body.data.login.accessToken, ok.body.data.login.refreshToken, user.login]) {
      expect(raw).not.toContain(secret);
    }
    for (const line of capture.lines()) expect(Object.keys(line)).not.toEqual(expect.arrayContaining(['variables']));
  });
});

describe('a line per database fault', () => {
  it('names the fault, the request it happened in, the SQLSTATE; never the statement or its values', async () => {
    const token = await server.token(w.teacher.user.id);
    const conn = server.em().getConnection();
    await conn.execute('alter table lesson_record rename to lesson_record_gone');
    let r: Awaited<ReturnType<typeof post>>;
    try {
      r = await post(`query LessonTopic($id: ID!) { node(id: $id) { id ... on Lesson { topic } } }`,
        { id: toGlobalId('Lesson', w.lesson.id) }, { authorization: `Bearer ${token}`, 'x-request-id': 'fault-1' });
    } finally {
      await conn.execute('alter table lesson_record_gone rename to lesson_record');
    }
    expect(r.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const faults = capture.lines().filter((l) => l.requestId === 'fault-1' && l.msg === 'unexpected error');
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatchObject({ level: 50, operation: 'LessonTopic', fault: { sqlState: '42P01' } });
    expect(faults[0].fault.message).toMatch(/relation "lesson_record" does not exist/);
    expect(JSON.stringify(faults[0])).not.toMatch(/select |from |where /i);
    expect(JSON.stringify(faults[0])).not.toContain(w.lesson.id);
    expect(await requestLine('fault-1')).toMatchObject({ outcome: 'INTERNAL_SERVER_ERROR' });
  });

  it('describeFault keeps a driver error\'s SQLSTATE and names, drops its statement, values and detail', () => {
    const pgError = Object.assign(new Error(`insert into "app_user" ("login") values ('ivanov.secret') - duplicate key value violates unique constraint "app_user_login_unique"`), {
      code: '23505', severity: 'ERROR', detail: 'Key (login)=(ivanov.secret) already exists.', constraint: 'app_user_login_unique', table: 'app_user',
    });
    const wrapped = Object.assign(new Error(pgError.message), { name: 'UniqueConstraintViolationException', sqlState: '23505', code: '23505', detail: pgError.detail });
    const described = describeFault({ message: 'Unexpected error value', originalError: wrapped, cause: pgError });
    const text = JSON.stringify(described);
    expect(text).not.toContain('ivanov.secret');
    expect(text).not.toContain('insert into');
    expect(described).toMatchObject({ sqlState: '23505' });
    expect(described.message).toBe('duplicate key value violates unique constraint "app_user_login_unique"');
    expect(blankValues('invalid input syntax for type uuid: "abc-secret"')).toBe('invalid input syntax for type uuid: "…"');
  });
});

describe('the level', () => {
  it('is LOG_LEVEL, info by default, silent under jest unless set; an unknown level is refused', () => {
    expect(defaultLogLevel({})).toBe('info');
    expect(defaultLogLevel({ NODE_ENV: 'test' })).toBe('silent');
    expect(defaultLogLevel({ NODE_ENV: 'test', LOG_LEVEL: 'debug' })).toBe('debug');
    expect(defaultLogLevel({ LOG_LEVEL: 'WARN' })).toBe('warn');
    expect(() => defaultLogLevel({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('a warn logger writes no request lines', async () => {
    const quiet = captureLog('info');
    quiet.log.level = 'warn';
    const other = await TestServer.alongside(server, { log: quiet.log });
    try {
      const res = await fetch(`${other.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, 50));
      expect(quiet.lines().filter((l) => l.msg === 'request')).toEqual([]);
    } finally {
      await other.stop();
    }
  });
});
