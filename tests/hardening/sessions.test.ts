import { AuditEntry, RefreshToken, User } from '../../entities';
import { revokeAllSessions } from '../../domain/auth/sessions.service';
import { MAX_ACCESS_TOKEN_TTL_SECONDS, loadConfig } from '../../server/config';
import { PASSWORD, buildParent, buildWorld, type World } from '../support/factories';
import { DIARY_EVENTS, LiveClient, waitFor } from '../support/live-client';
import { TestServer, errorCode } from '../support/server';

// revokeAllSessions (what locking an account calls, with the lock, in one transaction):
// every access token, refresh token and socket of the user stops at once.

let server: TestServer;
let w: World;
const clients: LiveClient[] = [];

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
});
afterEach(async () => { await Promise.all(clients.splice(0).map((c) => c.close())); });
afterAll(async () => { await server.stop(); });

const LOGIN = `mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken refreshToken } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`;
const ME = `{ me { user { login } } }`;

async function signIn(login: string) {
  const r = await server.gql(LOGIN, { l: login, p: PASSWORD });
  expect(r.errors).toBeUndefined();
  return r.data!.login as { accessToken: string; refreshToken: string };
}

async function socket(token: string) {
  const client = new LiveClient(server.wsUrl, token);
  clients.push(client);
  await client.ready();
  expect(client.closeCode).toBeNull();
  client.subscribe(DIARY_EVENTS);
  return client;
}

/** Locks the account and ends its sessions in one transaction, as an account lock does. */
async function lockAccount(userId: string) {
  await server.em().transactional(async (em) => {
    await em.nativeUpdate(User, { id: userId }, { locked: true });
    await revokeAllSessions(em, userId, server.clock.now());
  });
}

describe('revokeAllSessions', () => {
  it('with an account lock: every token and socket of the user stops at once, and the password no longer signs in', async () => {
    const parent = await buildParent(server.em(), w.school, [w.student.student]);
    const phone = await signIn(parent.user.login);
    const laptop = await signIn(parent.user.login);
    const phoneSocket = await socket(phone.accessToken);
    const laptopSocket = await socket(laptop.accessToken);
    const bystander = await signIn(w.parent.user.login);

    const started = Date.now();
    await lockAccount(parent.user.id);
    await waitFor(() => phoneSocket.closeCode !== null && laptopSocket.closeCode !== null, 2_000, 'both sockets to close');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect([phoneSocket.closeCode, laptopSocket.closeCode]).toEqual([4403, 4403]);

    for (const s of [phone, laptop]) {
      expect(errorCode(await server.gql(ME, {}, s.accessToken))).toBe('UNAUTHENTICATED');
      expect(errorCode(await server.gql(REFRESH, { t: s.refreshToken }))).toBe('UNAUTHENTICATED');
    }
    expect(await server.em().count(RefreshToken, { user: parent.user.id, revokedAt: null })).toBe(0);
    expect(errorCode(await server.gql(LOGIN, { l: parent.user.login, p: PASSWORD }))).toBe('UNAUTHENTICATED');
    // Nobody else is touched.
    expect((await server.gql(ME, {}, bystander.accessToken)).errors).toBeUndefined();
  });

  it('without a lock (sign out everywhere): the old sessions end, a new sign-in works', async () => {
    const parent = await buildParent(server.em(), w.school, [w.student.student]);
    const old = await signIn(parent.user.login);
    const oldSocket = await socket(old.accessToken);
    const revoked = await revokeAllSessions(server.em(), parent.user.id, server.clock.now());
    expect(revoked).toBe(1);
    await waitFor(() => oldSocket.closeCode !== null, 2_000, 'the socket to close');
    expect(oldSocket.closeCode).toBe(4403);
    expect(errorCode(await server.gql(ME, {}, old.accessToken))).toBe('UNAUTHENTICATED');
    const fresh = await signIn(parent.user.login);
    expect((await server.gql(ME, {}, fresh.accessToken)).data!.me.user.login).toBe(parent.user.login);
  });

  it('`except` keeps one session (a password change keeps the caller\'s own)', async () => {
    const parent = await buildParent(server.em(), w.school, [w.student.student]);
    const keep = await signIn(parent.user.login);
    const end = await signIn(parent.user.login);
    const keptSession = (await server.app.services.signer.verify(keep.accessToken, server.clock.now()))!.sessionId;
    expect(await revokeAllSessions(server.em(), parent.user.id, server.clock.now(), { except: keptSession })).toBe(1);
    expect((await server.gql(ME, {}, keep.accessToken)).errors).toBeUndefined();
    expect(errorCode(await server.gql(ME, {}, end.accessToken))).toBe('UNAUTHENTICATED');
  });
});

describe('access tokens are short', () => {
  it('15 minutes by default; the setting refuses more than an hour', async () => {
    const { accessToken } = await signIn(w.parent.user.login);
    const verified = await server.app.services.signer.verify(accessToken, server.clock.now());
    expect((verified!.expiresAt.getTime() - server.clock.now().getTime()) / 1000).toBe(15 * 60);
    expect(loadConfig({}).accessTokenTtlSeconds).toBe(900);
    expect(loadConfig({ ACCESS_TOKEN_TTL_SECONDS: String(MAX_ACCESS_TOKEN_TTL_SECONDS) }).accessTokenTtlSeconds).toBe(3600);
    expect(() => loadConfig({ ACCESS_TOKEN_TTL_SECONDS: String(MAX_ACCESS_TOKEN_TTL_SECONDS + 1) })).toThrow(/at most 3600/);
  });
});

describe('refresh rotation under concurrency', () => {
  const ROTATE = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;

  it('two refreshes of one token at once: exactly one gets tokens, the other counts as reuse and ends the family', async () => {
    const parent = await buildParent(server.em(), w.school, [w.student.student]);
    const session = await signIn(parent.user.login);
    const answers = await Promise.all([server.gql(ROTATE, { t: session.refreshToken }), server.gql(ROTATE, { t: session.refreshToken })]);
    const winners = answers.filter((a) => !a.errors);
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => errorCode(a) === 'UNAUTHENTICATED')).toHaveLength(1);
    // The loser presented a token already used: the whole family ends, the winner's new token included.
    expect(await server.em().count(AuditEntry, { action: 'auth.refresh_reuse', entityId: parent.user.id })).toBe(1);
    expect(await server.em().count(RefreshToken, { user: parent.user.id, revokedAt: null })).toBe(0);
    expect(errorCode(await server.gql(ROTATE, { t: winners[0].data!.refreshSession.refreshToken }))).toBe('UNAUTHENTICATED');
  });
});
