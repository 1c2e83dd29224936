import { randomBytes } from 'node:crypto';
import { AuditEntry, LoginThrottle, Role, User } from '../../entities';
import { LOGIN_THROTTLE } from '../../domain/auth/login-throttle.service';
import { toGlobalId } from '../../schema/global-id';
import { PASSWORD, buildSchool, buildStaff, buildUser } from '../support/factories';
import { TestServer, errorCode, type GraphQLResponse } from '../support/server';

// Sign-in throttling per account and per client address, counted per `login` execution
// (aliases count one by one), shared by every instance, with a temporary lockout an
// administrator can lift. A known login and an unknown one are throttled alike.

let server: TestServer;

beforeAll(async () => {
  // Behind a trusted proxy: each test gets its own client address through X-Forwarded-For.
  server = await TestServer.start(undefined, { config: { trustProxy: true } });
});
afterAll(async () => { await server.stop(); });

const LOGIN = `mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken user { login } } }`;
/** A client address no other test uses (TEST-NET ranges). */
let addresses = 0;
const newAddress = () => { addresses += 1; return `198.51.${100 + Math.floor(addresses / 250)}.${1 + (addresses % 250)}`; };
const { maxFailures, lockoutSeconds } = LOGIN_THROTTLE.account;

async function login(on: TestServer, address: string, l: string, p: string, query = LOGIN): Promise<GraphQLResponse> {
  const res = await fetch(`${on.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query, variables: { l, p } }),
  });
  return (await res.json()) as GraphQLResponse;
}

const advance = (seconds: number) => server.clock.set(new Date(server.clock.now().getTime() + seconds * 1000));

async function newAccount() {
  const school = await buildSchool(server.em());
  const { user } = await buildStaff(server.em(), school, [Role.TEACHER]);
  return { school, user };
}

describe('per account', () => {
  it(`locks a login out after ${maxFailures} failures, even for the right password, and unlocks it after the lockout`, async () => {
    const { user } = await newAccount();
    const address = newAddress();
    for (let i = 0; i < maxFailures; i++) expect(errorCode(await login(server, address, user.login, 'wrong-password'))).toBe('UNAUTHENTICATED');
    const refused = await login(server, address, user.login, PASSWORD);
    expect(errorCode(refused)).toBe('TOO_MANY_ATTEMPTS');
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBe(lockoutSeconds);
    expect(refused.data).toBeNull();
    // From another address too: the account is what is locked.
    expect(errorCode(await login(server, newAddress(), user.login, PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
    const audited = await server.em().find(AuditEntry, { action: 'auth.login_locked_out' });
    expect(audited.some((a) => (a.after as { login?: string }).login === user.login)).toBe(true);

    advance(lockoutSeconds + 1);
    const after = await login(server, address, user.login, PASSWORD);
    expect(after.errors).toBeUndefined();
    expect(after.data!.login.user.login).toBe(user.login);
  });

  it('answers an unknown login exactly as a known one, failure by failure and when locked out', async () => {
    const { user } = await newAccount();
    const unknown = `nobody.${randomBytes(4).toString('hex')}`;
    const address = newAddress();
    for (let i = 0; i <= maxFailures + 1; i++) {
      const known = await login(server, address, user.login, 'wrong-password');
      const missing = await login(server, address, unknown, 'wrong-password');
      expect(missing).toEqual(known);
    }
  });

  it('a success starts the count over', async () => {
    const { user } = await newAccount();
    const address = newAddress();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < maxFailures - 1; i++) await login(server, address, user.login, 'wrong-password');
      expect((await login(server, address, user.login, PASSWORD)).errors).toBeUndefined();
    }
  });

  it('counts attempts running at once exactly: of 12 parallel wrong logins, only the allowed ones are checked', async () => {
    const { user } = await newAccount();
    const address = newAddress();
    const answers = await Promise.all(Array.from({ length: 12 }, () => login(server, address, user.login, 'wrong-password')));
    const codes = answers.map(errorCode);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(maxFailures);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(12 - maxFailures);
    expect(errorCode(await login(server, address, user.login, PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('counts each executed login field, not each request: aliased attempts count one by one', async () => {
    const { user } = await newAccount();
    const address = newAddress();
    const twice = `mutation($l: String!, $p: String!, $w: String!) {
      ok: login(login: $l, password: $p) { accessToken } bad: login(login: $l, password: $w) { accessToken } }`;
    for (let i = 0; i < maxFailures; i++) {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ query: twice, variables: { l: user.login, p: PASSWORD, w: 'wrong-password' } }),
      });
      const r = (await res.json()) as GraphQLResponse;
      expect(r.errors!.map((e) => e.extensions!.code)).toEqual(['UNAUTHENTICATED']);
    }
    // Each request ran two logins: the right one reset the account's count, the wrong one counted;
    // the address counted one failure per request (its successes were given back).
    const row = await server.em().findOneOrFail(LoginThrottle, { key: `account:${user.login}` });
    expect(row.attempts).toBe(1);
    expect((await server.em().findOneOrFail(LoginThrottle, { key: `address:${address}` })).attempts).toBe(maxFailures);
    // And a login field that fails stops the rest of the mutation (non-null): aliases cannot spray past it.
    const spray = Array.from({ length: 10 }, (_, i) => `a${i}: login(login: $l, password: $p) { accessToken }`).join(' ');
    const sprayed = await login(server, address, user.login, 'wrong-password', `mutation($l: String!, $p: String!) { ${spray} }`);
    expect(sprayed.errors).toHaveLength(1);
    expect((await server.em().findOneOrFail(LoginThrottle, { key: `account:${user.login}` })).attempts).toBe(2);
  });

  it('is shared by every instance on the database', async () => {
    const { user } = await newAccount();
    const other = await TestServer.alongside(server, { config: { trustProxy: true } });
    try {
      const address = newAddress();
      for (let i = 0; i < maxFailures; i++) {
        await login(i % 2 ? server : other, address, user.login, 'wrong-password');
      }
      expect(errorCode(await login(other, address, user.login, PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
      expect(errorCode(await login(server, address, user.login, PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
    } finally {
      await other.app.close();
      await other.orm.close(true);
    }
  });
});

describe('changePassword (a stolen access token guessing the current password)', () => {
  const CHANGE = `mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) }`;
  const { maxFailures: passwordMax, lockoutSeconds: passwordLockout } = LOGIN_THROTTLE.password;

  it(`after ${passwordMax} wrong current passwords even the right one is refused, and the password stays as it was`, async () => {
    const { user } = await newAccount();
    const token = await server.token(user.id);
    const hashBefore = (await server.em().findOneOrFail(User, user.id, { populate: ['passwordHash'] })).passwordHash;
    for (let i = 0; i < passwordMax; i++) {
      expect(errorCode(await server.gql(CHANGE, { o: `guess-${i}-wrong`, n: 'new-password-1' }, token))).toBe('BAD_USER_INPUT');
    }
    const refused = await server.gql(CHANGE, { o: PASSWORD, n: 'new-password-1' }, token);
    expect(errorCode(refused)).toBe('TOO_MANY_ATTEMPTS');
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBe(passwordLockout);
    expect((await server.em().findOneOrFail(User, user.id, { populate: ['passwordHash'] })).passwordHash).toBe(hashBefore);
    // Its own key: signing in is not locked out by it.
    expect((await login(server, newAddress(), user.login, PASSWORD)).errors).toBeUndefined();

    // A lockout, not a ban (a fresh token: the first one has expired meanwhile).
    advance(passwordLockout + 1);
    expect(await server.gql(CHANGE, { o: PASSWORD, n: 'new-password-1' }, await server.token(user.id))).toEqual({ data: { changePassword: true } });
  });
});

describe('per client address', () => {
  const { maxFailures: addressMax } = LOGIN_THROTTLE.address;
  /** Puts an address just below its limit, as after that many failed sign-ins (each costs a hash check). */
  const nearLimit = async (address: string, failures: number) => {
    await server.em().getConnection().execute(
      `insert into login_throttle (key, attempts, window_started_at) values (?, ?, ?)`, [`address:${address}`, failures, server.clock.now()]);
  };

  it(`refuses an address after ${addressMax} failures on any logins; other addresses go on`, async () => {
    const { user } = await newAccount();
    const address = newAddress();
    await nearLimit(address, addressMax - 3);
    for (let i = 0; i < 3; i++) {
      expect(errorCode(await login(server, address, `spray.${i}.${randomBytes(3).toString('hex')}`, 'wrong-password'))).toBe('UNAUTHENTICATED');
    }
    expect(errorCode(await login(server, address, user.login, PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
    expect((await login(server, newAddress(), user.login, PASSWORD)).errors).toBeUndefined();
    const audited = await server.em().find(AuditEntry, { action: 'auth.login_locked_out' });
    expect(audited.some((a) => (a.after as { address?: string }).address === address)).toBe(true);
  });

  it('successful sign-ins from a shared address (a school) do not count against it', async () => {
    const { user } = await newAccount();
    const address = newAddress();
    await nearLimit(address, addressMax - 1);
    for (let i = 0; i < 5; i++) {
      expect((await login(server, address, user.login, PASSWORD)).errors).toBeUndefined();
    }
    expect((await server.em().findOneOrFail(LoginThrottle, { key: `address:${address}` })).attempts).toBe(addressMax - 1);
  });
});

describe('unlockLogin (administrator)', () => {
  const UNLOCK = `mutation($u: ID!) { unlockLogin(userId: $u) }`;

  async function lockedOut() {
    const account = await newAccount();
    const address = newAddress();
    for (let i = 0; i <= maxFailures; i++) await login(server, address, account.user.login, 'wrong-password');
    expect(errorCode(await login(server, address, account.user.login, PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
    return { ...account, address };
  }

  it('the admin of the school lifts the lockout at once, audited', async () => {
    const { school, user, address } = await lockedOut();
    const admin = await buildStaff(server.em(), school, [Role.ADMIN]);
    const r = await server.gql(UNLOCK, { u: toGlobalId('User', user.id) }, await server.token(admin.user.id));
    expect(r).toEqual({ data: { unlockLogin: true } });
    expect((await login(server, address, user.login, PASSWORD)).errors).toBeUndefined();
    const entry = await server.em().findOneOrFail(AuditEntry, { action: 'auth.lockout_lifted', entityId: user.id });
    expect(entry.actor!.id).toBe(admin.user.id);
    // Nothing to lift any more.
    expect(await server.gql(UNLOCK, { u: toGlobalId('User', user.id) }, await server.token(admin.user.id))).toEqual({ data: { unlockLogin: false } });
  });

  it('lifts the password-check lockout too (changePassword throttled after wrong current passwords)', async () => {
    const { school, user } = await newAccount();
    const CHANGE_PASSWORD = `mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) }`;
    const token = await server.token(user.id);
    for (let i = 0; i <= LOGIN_THROTTLE.password.maxFailures; i++) await server.gql(CHANGE_PASSWORD, { o: 'wrong-password', n: 'new-password-1' }, token);
    expect(errorCode(await server.gql(CHANGE_PASSWORD, { o: PASSWORD, n: 'new-password-1' }, token))).toBe('TOO_MANY_ATTEMPTS');
    const admin = await buildStaff(server.em(), school, [Role.ADMIN]);
    expect(await server.gql(UNLOCK, { u: toGlobalId('User', user.id) }, await server.token(admin.user.id))).toEqual({ data: { unlockLogin: true } });
    expect(await server.gql(CHANGE_PASSWORD, { o: PASSWORD, n: 'new-password-1' }, token)).toEqual({ data: { changePassword: true } });
  });

  it('a teacher may not; an admin of another school gets NOT_FOUND, as for a missing user; the lockout stays', async () => {
    const { school, user } = await lockedOut();
    const teacher = await buildStaff(server.em(), school, [Role.TEACHER]);
    expect(errorCode(await server.gql(UNLOCK, { u: toGlobalId('User', user.id) }, await server.token(teacher.user.id)))).toBe('FORBIDDEN');
    const elsewhere = await buildStaff(server.em(), await buildSchool(server.em()), [Role.ADMIN]);
    const token = await server.token(elsewhere.user.id);
    const foreign = await server.gql(UNLOCK, { u: toGlobalId('User', user.id) }, token);
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    const missing = await server.gql(UNLOCK, { u: toGlobalId('User', '00000000-0000-4000-8000-000000000000') }, token);
    expect(missing).toEqual(foreign);
    expect(await server.em().findOne(LoginThrottle, { key: `account:${user.login}` })).toMatchObject({ lockedUntil: expect.any(Date) });
  });

  it('is refused to anonymous callers', async () => {
    const user = await buildUser(server.em(), null);
    expect(errorCode(await server.gql(UNLOCK, { u: toGlobalId('User', user.id) }))).toBe('UNAUTHENTICATED');
  });
});
