import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { AuditEntry, RefreshToken, Role, User } from '../entities';
import { toGlobalId } from '../schema/global-id';
import { PASSWORD, buildSchool, buildStaff, buildUser } from './support/factories';
import { TEST_NOW, TestServer, errorCode, type GraphQLResponse } from './support/server';
import type { School } from '../entities';

let server: TestServer;
let school: School;

beforeAll(async () => {
  server = await TestServer.start();
  school = await buildSchool(server.em());
});
afterAll(async () => { await server.stop(); });
beforeEach(() => server.clock.set(TEST_NOW));

const LOGIN = `mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken refreshToken user { id login } } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken user { id login } } }`;
const LOGOUT = `mutation($t: String!) { logout(refreshToken: $t) }`;
const CHANGE = `mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) }`;
const ME = `{ me { user { id login } roles } }`;

interface Tokens { accessToken: string; refreshToken: string; user: { id: string; login: string } }

async function login(loginName: string, password = PASSWORD): Promise<GraphQLResponse<{ login: Tokens }>> {
  return server.gql<{ login: Tokens }>(LOGIN, { l: loginName, p: password });
}

async function loginOk(loginName: string, password = PASSWORD): Promise<Tokens> {
  const r = await login(loginName, password);
  expect(r.errors).toBeUndefined();
  return r.data!.login;
}

async function refresh(token: string) {
  return server.gql<{ refreshSession: Tokens }>(REFRESH, { t: token });
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function refreshRows(userId: string) {
  return server.em().find(RefreshToken, { user: userId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

async function passwordHashOf(userId: string): Promise<string> {
  const rows = await server.em().getConnection().execute<{ password_hash: string }[]>(
    'select password_hash from app_user where id = ?', [userId]);
  return rows[0].password_hash;
}

async function newTeacher(options: { mustChangePassword?: boolean; locked?: boolean } = {}) {
  const { user } = await buildStaff(server.em(), school, [Role.TEACHER], options);
  return user;
}

describe('login', () => {
  it('returns tokens and the user; the access token works for me; writes auth.login to the audit log', async () => {
    const user = await newTeacher();
    const auditBefore = await server.em().count(AuditEntry, { action: 'auth.login', actor: user.id });
    const tokens = await loginOk(user.login);
    expect(tokens.accessToken).toEqual(expect.any(String));
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(tokens.accessToken.length).toBeGreaterThan(20);
    expect(tokens.refreshToken.length).toBeGreaterThan(20);
    expect(tokens.user).toEqual({ id: toGlobalId('User', user.id), login: user.login });

    const me = await server.gql(ME, {}, tokens.accessToken);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toEqual({ user: { id: toGlobalId('User', user.id), login: user.login }, roles: ['TEACHER'] });

    const entries = await server.em().find(AuditEntry, { action: 'auth.login', actor: user.id });
    expect(entries).toHaveLength(auditBefore + 1);
    expect(entries[0].entityType).toBe('User');
    expect(entries[0].entityId).toBe(user.id);
    expect(entries[0].at.toISOString()).toBe(new Date(TEST_NOW).toISOString());
    // One refresh token was stored for the session, and the last login time is the server's clock.
    expect(await refreshRows(user.id)).toHaveLength(1);
    const stored = await server.em().findOneOrFail(User, user.id);
    expect(stored.lastLoginAt?.toISOString()).toBe(new Date(TEST_NOW).toISOString());
  });

  it('is case-insensitive on the login (and ignores surrounding spaces)', async () => {
    const user = await newTeacher();
    const tokens = await loginOk(user.login.toUpperCase());
    expect(tokens.user.login).toBe(user.login);
    const padded = await loginOk(`  ${user.login.replace(/^u/, 'U')}  `);
    expect(padded.user.id).toBe(toGlobalId('User', user.id));
    const me = await server.gql(ME, {}, padded.accessToken);
    expect(me.data?.me.user.login).toBe(user.login);
  });

  it('answers a wrong password, an unknown login and a locked account with the very same UNAUTHENTICATED error, and issues no token', async () => {
    const user = await newTeacher();
    const locked = await newTeacher({ locked: true });
    const tokensBefore = await server.em().count(RefreshToken, {});
    const loginsBefore = await server.em().count(AuditEntry, { action: 'auth.login' });

    const wrong = await login(user.login, 'not-the-password');
    const unknown = await login(`nobody.${randomBytes(4).toString('hex')}`, PASSWORD);
    const lockedR = await login(locked.login, PASSWORD);
    const empty = await login('', '');

    for (const r of [wrong, unknown, lockedR, empty]) {
      expect(errorCode(r)).toBe('UNAUTHENTICATED');
      expect(r.data ?? null).toBeNull();
      expect(JSON.stringify(r)).not.toMatch(/eyJ/); // no JWT anywhere
    }
    expect(unknown.errors).toEqual(wrong.errors);
    expect(lockedR.errors).toEqual(wrong.errors);
    expect(empty.errors).toEqual(wrong.errors);
    expect(wrong.errors).toHaveLength(1);
    expect(wrong.errors![0].message).not.toMatch(/lock|exist|unknown/i);

    expect(await server.em().count(RefreshToken, {})).toBe(tokensBefore);
    expect(await server.em().count(AuditEntry, { action: 'auth.login' })).toBe(loginsBefore);
    // The failures are audited, without the password.
    const failed = await server.em().find(AuditEntry, { action: 'auth.login_failed', entityId: user.id });
    expect(failed).toHaveLength(1);
    expect(JSON.stringify(failed[0].after)).not.toContain('not-the-password');
    expect((await server.em().findOneOrFail(User, user.id)).lastLoginAt).toBeFalsy();
  });

  it('keeps a locked account out even with tokens issued before it was locked', async () => {
    const user = await newTeacher();
    const { accessToken, refreshToken } = await loginOk(user.login);
    expect((await server.gql(ME, {}, accessToken)).errors).toBeUndefined();
    await server.em().nativeUpdate(User, { id: user.id }, { locked: true });
    expect(errorCode(await server.gql(ME, {}, accessToken))).toBe('UNAUTHENTICATED');
    // Nor can the session be refreshed.
    expect(errorCode(await refresh(refreshToken))).toBe('UNAUTHENTICATED');
    expect(await refreshRows(user.id)).toHaveLength(1);
  });
});

describe('access tokens', () => {
  it('refuses me without a token, with garbage, with another key, unsigned, and for a user that does not exist', async () => {
    const user = await newTeacher();
    const otherKey = new TextEncoder().encode(randomBytes(48).toString('base64url'));
    const iat = Math.floor(server.clock.now().getTime() / 1000);
    const forged = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(user.id)
      .setIssuer('school-journal').setIssuedAt(iat).setExpirationTime(iat + 900).sign(otherKey);
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: user.id, iss: 'school-journal', iat, exp: iat + 900 })}.`;
    const ghost = await server.app.services.signer.sign('00000000-0000-4000-8000-000000000000', randomUUID(), server.clock.now());

    expect(errorCode(await server.gql(ME))).toBe('UNAUTHENTICATED');
    for (const token of ['garbage', 'a.b.c', forged, unsigned, ghost]) {
      const r = await server.gql(ME, {}, token);
      expect(errorCode(r)).toBe('UNAUTHENTICATED');
      expect(r.data ?? null).toBeNull();
    }
    // A malformed Authorization header is anonymous too.
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Token ${await server.token(user.id)}` },
      body: JSON.stringify({ query: ME }),
    });
    expect(errorCode((await res.json()) as GraphQLResponse)).toBe('UNAUTHENTICATED');
    // The genuine token works, so the refusals above are about the token.
    expect((await server.gql(ME, {}, await server.token(user.id))).errors).toBeUndefined();
  });

  it('expires 15 minutes after issue, on the server clock', async () => {
    const user = await newTeacher();
    const { accessToken } = await loginOk(user.login);
    const issuedAt = new Date(TEST_NOW).getTime();
    server.clock.set(new Date(issuedAt + 14 * 60_000));
    expect((await server.gql(ME, {}, accessToken)).errors).toBeUndefined();
    server.clock.set(new Date(issuedAt + 15 * 60_000 + 1000));
    expect(errorCode(await server.gql(ME, {}, accessToken))).toBe('UNAUTHENTICATED');
    server.clock.set(new Date(issuedAt + 24 * 3600_000));
    expect(errorCode(await server.gql(ME, {}, accessToken))).toBe('UNAUTHENTICATED');
  });
});

describe('refresh tokens', () => {
  it('rotates: new tokens that work, and the old refresh token stops working', async () => {
    const user = await newTeacher();
    const first = await loginOk(user.login);
    server.clock.set(new Date(new Date(TEST_NOW).getTime() + 20 * 60_000)); // the access token has expired meanwhile
    expect(errorCode(await server.gql(ME, {}, first.accessToken))).toBe('UNAUTHENTICATED');

    const r = await refresh(first.refreshToken);
    expect(r.errors).toBeUndefined();
    const second = r.data!.refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.user).toEqual({ id: toGlobalId('User', user.id), login: user.login });
    expect((await server.gql(ME, {}, second.accessToken)).data?.me.user.login).toBe(user.login);

    const rows = await refreshRows(user.id);
    expect(rows).toHaveLength(2);
    expect(rows[0].tokenHash).toBe(sha256(first.refreshToken));
    expect(rows[0].revokedAt).toBeTruthy();
    expect(rows[1].tokenHash).toBe(sha256(second.refreshToken));
    expect(rows[1].revokedAt).toBeFalsy();
    expect(rows[1].familyId).toBe(rows[0].familyId);

    const again = await refresh(first.refreshToken);
    expect(errorCode(again)).toBe('UNAUTHENTICATED');
    expect(again.data ?? null).toBeNull();
    // No token was issued for the replay.
    expect(await refreshRows(user.id)).toHaveLength(2);
  });

  it('revokes the whole family when a used refresh token is presented again, and leaves other sessions alone', async () => {
    const user = await newTeacher();
    const session = await loginOk(user.login);
    const otherSession = await loginOk(user.login);
    const r2 = (await refresh(session.refreshToken)).data!.refreshSession;
    const r3 = (await refresh(r2.refreshToken)).data!.refreshSession;

    // A thief replays the first (already used) token.
    expect(errorCode(await refresh(session.refreshToken))).toBe('UNAUTHENTICATED');
    // Now the newest token of that family is dead too.
    expect(errorCode(await refresh(r3.refreshToken))).toBe('UNAUTHENTICATED');
    const rows = await refreshRows(user.id);
    const family = rows.filter((t) => t.tokenHash !== sha256(otherSession.refreshToken));
    expect(family).toHaveLength(3);
    expect(family.every((t) => t.revokedAt)).toBe(true);
    expect(await server.em().count(AuditEntry, { action: 'auth.refresh_reuse', actor: user.id })).toBeGreaterThanOrEqual(1);

    // The other login is another family: it still refreshes.
    const other = await refresh(otherSession.refreshToken);
    expect(other.errors).toBeUndefined();
    expect(other.data!.refreshSession.user.login).toBe(user.login);
  });

  it('refuses an unknown or empty refresh token and an expired one', async () => {
    const user = await newTeacher();
    const before = await server.em().count(RefreshToken, {});
    expect(errorCode(await refresh(randomBytes(32).toString('base64url')))).toBe('UNAUTHENTICATED');
    expect(errorCode(await refresh(''))).toBe('UNAUTHENTICATED');
    expect(await server.em().count(RefreshToken, {})).toBe(before);

    const session = await loginOk(user.login);
    server.clock.set(new Date(new Date(TEST_NOW).getTime() + 31 * 24 * 3600_000));
    expect(errorCode(await refresh(session.refreshToken))).toBe('UNAUTHENTICATED');
    expect(await refreshRows(user.id)).toHaveLength(1);
  });

  it('logout revokes the session refresh token', async () => {
    const user = await newTeacher();
    const session = await loginOk(user.login);
    const rotated = (await refresh(session.refreshToken)).data!.refreshSession;
    const otherSession = await loginOk(user.login);

    const out = await server.gql(LOGOUT, { t: rotated.refreshToken });
    expect(out.errors).toBeUndefined();
    expect(out.data!.logout).toBe(true);
    expect(errorCode(await refresh(rotated.refreshToken))).toBe('UNAUTHENTICATED');
    const stored = await server.em().findOneOrFail(RefreshToken, { tokenHash: sha256(rotated.refreshToken) });
    expect(stored.revokedAt?.toISOString()).toBe(new Date(TEST_NOW).toISOString());
    // Only that session ends.
    expect((await refresh(otherSession.refreshToken)).errors).toBeUndefined();
  });

  it('stores refresh tokens only as hashes', async () => {
    const user = await newTeacher();
    const session = await loginOk(user.login);
    const rotated = (await refresh(session.refreshToken)).data!.refreshSession;
    const conn = server.em().getConnection();
    for (const raw of [session.refreshToken, rotated.refreshToken]) {
      const rows = await conn.execute<{ token_hash: string }[]>(
        'select token_hash from refresh_token where user_id = ? and token_hash = ?', [user.id, sha256(raw)]);
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).not.toBe(raw);
      // The raw token appears in no column of any row.
      const leaks = await conn.execute<{ n: string }[]>(
        `select count(*) as n from refresh_token r where position(? in r::text) > 0`, [raw]);
      expect(Number(leaks[0].n)).toBe(0);
    }
  });
});

describe('changePassword', () => {
  it('refuses a wrong old password and a too short new one, changing nothing', async () => {
    const user = await newTeacher();
    const session = await loginOk(user.login);
    const hashBefore = await passwordHashOf(user.id);

    const wrongOld = await server.gql(CHANGE, { o: 'wrong-password', n: 'brand-new-pass-1' }, session.accessToken);
    expect(errorCode(wrongOld)).toBe('BAD_USER_INPUT');
    expect(wrongOld.errors![0].extensions!.field).toBe('oldPassword');

    const short = await server.gql(CHANGE, { o: PASSWORD, n: 'short' }, session.accessToken);
    expect(errorCode(short)).toBe('BAD_USER_INPUT');
    expect(short.errors![0].extensions!.field).toBe('newPassword');

    const same = await server.gql(CHANGE, { o: PASSWORD, n: PASSWORD }, session.accessToken);
    expect(errorCode(same)).toBe('BAD_USER_INPUT');
    expect(same.errors![0].extensions!.field).toBe('newPassword');

    expect(errorCode(await server.gql(CHANGE, { o: PASSWORD, n: 'brand-new-pass-1' }))).toBe('UNAUTHENTICATED');

    expect(await passwordHashOf(user.id)).toBe(hashBefore);
    expect((await refreshRows(user.id)).every((t) => !t.revokedAt)).toBe(true);
    expect(await server.em().count(AuditEntry, { action: 'auth.change_password', actor: user.id })).toBe(0);
    // The old password still logs in, the attempted ones do not; the session still refreshes.
    await loginOk(user.login, PASSWORD);
    expect(errorCode(await login(user.login, 'brand-new-pass-1'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await login(user.login, 'short'))).toBe('UNAUTHENTICATED');
    expect((await refresh(session.refreshToken)).errors).toBeUndefined();
  });

  it('sets the new password, refuses the old one and ends every other session at once', async () => {
    const user = await newTeacher();
    const a = await loginOk(user.login);
    const b = await loginOk(user.login);
    const r = await server.gql(CHANGE, { o: PASSWORD, n: 'brand-new-pass-1' }, a.accessToken);
    expect(r.errors).toBeUndefined();
    expect(r.data!.changePassword).toBe(true);

    // The other session is over: its refresh token and its still-unexpired access token both fail.
    const rows = await refreshRows(user.id);
    expect(rows).toHaveLength(2);
    expect(rows.filter((t) => t.revokedAt)).toHaveLength(1);
    expect(errorCode(await refresh(b.refreshToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await server.gql(ME, {}, b.accessToken))).toBe('UNAUTHENTICATED');
    // The session that made the change goes on.
    expect((await server.gql(ME, {}, a.accessToken)).errors).toBeUndefined();
    expect((await refresh(a.refreshToken)).errors).toBeUndefined();

    expect(errorCode(await login(user.login, PASSWORD))).toBe('UNAUTHENTICATED');
    const fresh = await loginOk(user.login, 'brand-new-pass-1');
    expect((await server.gql(ME, {}, fresh.accessToken)).data?.me.user.login).toBe(user.login);
    expect(await server.em().count(AuditEntry, { action: 'auth.change_password', actor: user.id })).toBe(1);
  });

  it('logout ends the session at once: its access token stops working too', async () => {
    const user = await newTeacher();
    const a = await loginOk(user.login);
    const b = await loginOk(user.login);
    expect((await server.gql(LOGOUT, { t: a.refreshToken }, a.accessToken)).data?.logout).toBe(true);
    expect(errorCode(await server.gql(ME, {}, a.accessToken))).toBe('UNAUTHENTICATED');
    expect((await server.gql(ME, {}, b.accessToken)).errors).toBeUndefined();
  });

  it('a reused refresh token kills the access tokens of its session too', async () => {
    const user = await newTeacher();
    const first = await loginOk(user.login);
    const rotated = (await refresh(first.refreshToken)).data!.refreshSession as Tokens;
    expect((await server.gql(ME, {}, rotated.accessToken)).errors).toBeUndefined();
    expect(errorCode(await refresh(first.refreshToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await server.gql(ME, {}, rotated.accessToken))).toBe('UNAUTHENTICATED');
  });

  it('lets a must-change-password account log in, refuses everything but changePassword, then lets it work', async () => {
    const { user, employee } = await buildStaff(server.em(), school, [Role.TEACHER], { mustChangePassword: true });
    const session = await loginOk(user.login);
    expect(session.user.login).toBe(user.login);

    const refused = [
      await server.gql(ME, {}, session.accessToken),
      await server.gql('{ workTypes { code } }', {}, session.accessToken),
      await server.gql('query($id: ID!) { node(id: $id) { id } }', { id: toGlobalId('Employee', employee.id) }, session.accessToken),
      await server.gql(`mutation($i: SetLessonRecordInput!) { setLessonRecord(input: $i) { id } }`,
        { i: { lessonId: toGlobalId('Lesson', '00000000-0000-4000-8000-000000000000'), topic: 'x' } }, session.accessToken),
    ];
    for (const r of refused) expect(errorCode(r)).toBe('PASSWORD_CHANGE_REQUIRED');

    const changed = await server.gql(CHANGE, { o: PASSWORD, n: 'my-own-password-1' }, session.accessToken);
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.changePassword).toBe(true);
    expect((await server.em().findOneOrFail(User, user.id)).mustChangePassword).toBe(false);

    // The same access token now works, and so does a new login.
    const me = await server.gql(ME, {}, session.accessToken);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me.user.login).toBe(user.login);
    const next = await loginOk(user.login, 'my-own-password-1');
    expect((await server.gql('{ workTypes { code } }', {}, next.accessToken)).errors).toBeUndefined();
  });

  it('a parent may change their own password; 7 characters are refused, 8 are enough', async () => {
    const user = await buildUser(server.em(), school, { roles: [Role.PARENT], mustChangePassword: true });
    const session = await loginOk(user.login);
    const short = await server.gql(CHANGE, { o: PASSWORD, n: '1234567' }, session.accessToken);
    expect(short.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect((await server.em().findOneOrFail(User, user.id)).mustChangePassword).toBe(true);
    const ok = await server.gql(CHANGE, { o: PASSWORD, n: '12345678' }, session.accessToken);
    expect(ok.data?.changePassword).toBe(true);
    await loginOk(user.login, '12345678');
  });
});
