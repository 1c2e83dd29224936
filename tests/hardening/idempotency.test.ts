import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../schema/global-id';
import { Role } from '../../entities';
import { PASSWORD, buildStaff, buildStudent, buildWorld, type World } from '../support/factories';
import { TestServer, errorCode, type GraphQLResponse } from '../support/server';

// Idempotency-Key on mutations: one effect per key, the same answer to every retry,
// CONFLICT for the same key with another body, no double effect under concurrent retries,
// and the key's record committed with the writes it guards (or neither).

let server: TestServer;
let w: World;
let teacherToken: string;

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
  teacherToken = await server.token(w.teacher.user.id);
});
afterAll(async () => { await server.stop(); });

const RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id value comment } }`;
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => server.em().getConnection().execute<T[]>(q, p);

const markInput = (comment: string, value = '4') => ({
  lessonId: toGlobalId('Lesson', w.lesson.id), studentId: toGlobalId('Student', w.student.student.id), value, workTypeCode: 'ORAL', comment,
});

async function send(query: string, variables: Record<string, unknown>, key: string | null, token: string | null = teacherToken) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key !== null ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, replayed: res.headers.get('idempotent-replayed'), body: (await res.json()) as GraphQLResponse };
}

/** What one mark write leaves: marks, versions, audit entries and diary events carrying `comment`. */
async function traces(comment: string) {
  const [row] = await sql<{ marks: number; versions: number; audits: number; events: number }>(
    `select (select count(*)::int from mark where comment = ?) as marks,
            (select count(*)::int from mark_version mv join mark m on m.id = mv.mark_id where m.comment = ?) as versions,
            (select count(*)::int from audit_entry a where a.action = 'mark.record' and a.after->>'comment' = ?) as audits,
            (select count(*)::int from diary_event d join mark m on m.id = d.mark_id where m.comment = ?) as events`,
    [comment, comment, comment, comment],
  );
  return row;
}

describe('a retried mutation', () => {
  it('has one effect and gets the same answer, marked as replayed', async () => {
    const key = randomUUID();
    const comment = `retry-${key}`;
    const first = await send(RECORD_MARK, { i: markInput(comment) }, key);
    expect(first.body.errors).toBeUndefined();
    expect(first.replayed).toBeNull();
    const again = await send(RECORD_MARK, { i: markInput(comment) }, key);
    const third = await send(RECORD_MARK, { i: markInput(comment) }, key);
    expect(again.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
    expect(again.replayed).toBe('true');
    expect(await traces(comment)).toEqual({ marks: 1, versions: 1, audits: 1, events: 1 });
  });

  it('the same key with another body is CONFLICT and writes nothing; variables in another key order are the same body', async () => {
    const key = randomUUID();
    const comment = `conflict-${key}`;
    await send(RECORD_MARK, { i: markInput(comment, '4') }, key);
    const other = await send(RECORD_MARK, { i: markInput(comment, '5') }, key);
    expect(errorCode(other.body)).toBe('CONFLICT');
    expect(other.body.data).toBeUndefined();
    const reordered = Object.fromEntries(Object.entries(markInput(comment, '4')).reverse());
    expect((await send(RECORD_MARK, { i: reordered }, key)).replayed).toBe('true');
    expect(await traces(comment)).toEqual({ marks: 1, versions: 1, audits: 1, events: 1 });
  });

  it('concurrent retries with one key apply once and all get the one answer', async () => {
    const key = randomUUID();
    const comment = `concurrent-${key}`;
    const answers = await Promise.all(Array.from({ length: 6 }, () => send(RECORD_MARK, { i: markInput(comment) }, key)));
    for (const a of answers) expect(a.body).toEqual(answers[0].body);
    expect(answers[0].body.errors).toBeUndefined();
    expect(answers.filter((a) => a.replayed === null)).toHaveLength(1);
    expect(await traces(comment)).toEqual({ marks: 1, versions: 1, audits: 1, events: 1 });
  });

  it('without a key, each request is its own write (as before)', async () => {
    const comment = `nokey-${randomUUID()}`;
    await send(RECORD_MARK, { i: markInput(comment) }, null);
    await send(RECORD_MARK, { i: markInput(comment) }, null);
    expect((await traces(comment)).marks).toBe(2);
  });

  it('keys are per user: another teacher\'s same key is a different key', async () => {
    const key = randomUUID();
    const comment = `per-user-${key}`;
    await send(RECORD_MARK, { i: markInput(comment) }, key);
    // The substitute does not teach this lesson: refused (as for a missing one), not replayed from the other user's key.
    const other = await send(RECORD_MARK, { i: markInput(comment) }, key, await server.token(w.substitute.user.id));
    expect(other.replayed).toBeNull();
    expect(errorCode(other.body)).toBe('NOT_FOUND');
    expect((await traces(comment)).marks).toBe(1);
  });

  it('a refused write is answered the same on retry, and wrote nothing', async () => {
    const key = randomUUID();
    const first = await send(RECORD_MARK, { i: { ...markInput(`bad-${key}`), value: '9' } }, key);
    expect(errorCode(first.body)).toBe('BAD_USER_INPUT');
    const again = await send(RECORD_MARK, { i: { ...markInput(`bad-${key}`), value: '9' } }, key);
    expect(again.body).toEqual(first.body);
    expect(again.replayed).toBe('true');
    expect((await traces(`bad-${key}`)).marks).toBe(0);
  });
});

describe('every mutation gets it', () => {
  it('changePassword: the retry replays `true` instead of failing on the now-wrong old password', async () => {
    const token = await server.token(w.secretary.user.id);
    const CHANGE = `mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) }`;
    const key = randomUUID();
    const vars = { o: PASSWORD, n: 'a-brand-new-password' };
    expect((await send(CHANGE, vars, key, token)).body).toEqual({ data: { changePassword: true } });
    const retry = await send(CHANGE, vars, key, token);
    expect(retry.body).toEqual({ data: { changePassword: true } });
    expect(retry.replayed).toBe('true');
    // Without the key the same request does run again, and is refused.
    expect(errorCode((await send(CHANGE, vars, null, token)).body)).toBe('BAD_USER_INPUT');
    const audits = await sql(`select count(*)::int as n from audit_entry where action = 'auth.change_password' and actor_id = ?`, [w.secretary.user.id]);
    expect(audits[0].n).toBe(1);
  });

  it('queries ignore the key', async () => {
    const key = randomUUID();
    const a = await send(`{ me { user { login } } }`, {}, key);
    const b = await send(`{ me { roles } }`, {}, key);
    expect(a.body.errors).toBeUndefined();
    expect(b.body.errors).toBeUndefined();
    expect(b.replayed).toBeNull();
  });
});

describe('refused keys', () => {
  it('no key for sign-in (its answer is credentials), none for anonymous callers, none malformed', async () => {
    const LOGIN = `mutation { login(login: "${w.parent.user.login}", password: "${PASSWORD}") { accessToken } }`;
    const anonymous = await send(LOGIN, {}, randomUUID(), null);
    expect(errorCode(anonymous.body)).toBe('BAD_USER_INPUT');
    expect(anonymous.body.errors![0].extensions!.field).toBe('Idempotency-Key');
    const signedIn = await send(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, { t: 'x' }, randomUUID());
    expect(errorCode(signedIn.body)).toBe('BAD_USER_INPUT');
    for (const bad of ['', 'x'.repeat(201), 'with space', 'clé']) {
      const r = await send(RECORD_MARK, { i: markInput(`malformed-${randomUUID()}`) }, bad);
      expect(errorCode(r.body)).toBe('BAD_USER_INPUT');
    }
    const [{ n }] = await sql(`select count(*)::int as n from mark where comment like 'malformed-%'`);
    expect(n).toBe(0);
  });
});

describe('credentials are never stored, however the document reaches them', () => {
  // The refusal must see a credential type anywhere in the selection, not only at the top level.
  const ISSUE_IN_FRAGMENTS = `mutation($i: IssueCredentialsInput!) { ...Outer }
    fragment Outer on Mutation { ... on Mutation { ...Inner } }
    fragment Inner on Mutation { issued: issueCredentials(input: $i) { login secret: startingPassword } }`;
  const ISSUE_INLINE = `mutation($i: IssueCredentialsInput!) { ... on Mutation { ... { x: issueCredentials(input: $i) { startingPassword } } } }`;
  const RESET_IN_FRAGMENT = `mutation($i: AccountVersionInput!) { ...Reset }
    fragment Reset on Mutation { resetPassword(input: $i) { ... on IssuedCredentials { startingPassword } } }`;

  const records = async (key: string) => (await sql<{ n: number }>(`select count(*)::int as n from idempotency_record where key = ?`, [key]))[0].n;

  it('issueCredentials in a named fragment or an inline fragment is refused with a key, stores nothing, and does not run', async () => {
    const em = server.em();
    const { student } = await buildStudent(em, w.class5a);
    const token = await server.token(w.classTeacher.user.id);
    for (const query of [ISSUE_IN_FRAGMENTS, ISSUE_INLINE]) {
      const key = randomUUID();
      const r = await send(query, { i: { studentId: toGlobalId('Student', student.id) } }, key, token);
      expect(errorCode(r.body)).toBe('BAD_USER_INPUT');
      expect(r.body.errors![0].extensions!.field).toBe('Idempotency-Key');
      expect(r.body.data).toBeUndefined();
      expect(await records(key)).toBe(0);
      const [row] = await sql<{ user_id: string | null }>(`select user_id from student where id = ?`, [student.id]);
      expect(row.user_id).toBeNull();
    }
    // The same document without a key runs (the refusal is about the key, not the document).
    const plain = await send(ISSUE_IN_FRAGMENTS, { i: { studentId: toGlobalId('Student', student.id) } }, null, token);
    expect(plain.body.errors).toBeUndefined();
    expect((plain.body.data as any).issued.secret).toMatch(/^[A-Za-z2-9]{12}$/);
  });

  it('resetPassword inside a fragment is refused with a key: the password is unchanged and no answer holds a new one', async () => {
    const em = server.em();
    const { user } = await buildStaff(em, w.school, [Role.TEACHER]);
    const token = await server.token(w.admin.user.id);
    const key = randomUUID();
    const r = await send(RESET_IN_FRAGMENT, { i: { userId: toGlobalId('User', user.id), expectedVersion: user.version } }, key, token);
    expect(errorCode(r.body)).toBe('BAD_USER_INPUT');
    expect(r.body.errors![0].extensions!.field).toBe('Idempotency-Key');
    expect(await records(key)).toBe(0);
    const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from idempotency_record where response::text like '%startingPassword%'`);
    expect(n).toBe(0);
    const login = await server.gql(`mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken } }`,
      { l: user.login, p: PASSWORD });
    expect(login.errors).toBeUndefined();
  });
});

describe('the key commits with the write, or neither does', () => {
  it('when the record cannot be stored, the write is rolled back, the client is told nothing was saved, and the retry writes once', async () => {
    const key = randomUUID();
    const comment = `atomic-${key}`;
    // Stands in for a crash between the write and its key record: the record's insert fails.
    await sql(`create function refuse_record() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`);
    await sql(`create trigger refuse_record before insert on idempotency_record for each row execute function refuse_record()`);
    try {
      const failed = await send(RECORD_MARK, { i: markInput(comment) }, key);
      expect(failed.body.data).toBeNull();
      expect(failed.body.errors![0].message).toBe('Nothing was saved; retry with the same Idempotency-Key.');
      expect(JSON.stringify(failed.body)).not.toMatch(/disk full|idempotency_record|trigger/);
      expect(await traces(comment)).toEqual({ marks: 0, versions: 0, audits: 0, events: 0 });
    } finally {
      await sql(`drop trigger refuse_record on idempotency_record`);
      await sql(`drop function refuse_record()`);
    }
    const retry = await send(RECORD_MARK, { i: markInput(comment) }, key);
    expect(retry.body.errors).toBeUndefined();
    expect(retry.replayed).toBeNull();
    expect(await traces(comment)).toEqual({ marks: 1, versions: 1, audits: 1, events: 1 });
  });

  it('the stored answer expires after a day: the key may then be used afresh', async () => {
    const key = randomUUID();
    await send(RECORD_MARK, { i: markInput(`old-${key}`) }, key);
    await sql(`update idempotency_record set created_at = created_at - interval '25 hours' where key = ?`, [key]);
    const fresh = await send(RECORD_MARK, { i: markInput(`new-${key}`) }, key);
    expect(fresh.body.errors).toBeUndefined();
    expect(fresh.replayed).toBeNull();
  });
});
