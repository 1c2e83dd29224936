import { type KeyObject, createHash, createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppSetting, RefreshToken, User } from '../../entities';
import type { Clock } from '../../lib/clock';
import { audit } from '../audit';
import { AppError, ErrorCode, badInput, unauthenticated } from '../../lib/errors';
import { beginLoginAttempt, beginPasswordCheck } from './login-throttle.service';
import { UNWATCHED_AUTH, type AuthEvents } from './auth-events';
import { revokeAllSessions } from './sessions.service';

export interface AuthSettings {
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  user: User;
}

export const PASSWORD_MIN_LENGTH = 8;
const PASSWORD_MAX_LENGTH = 200;
const ISSUER = 'school-journal';

/** jose is ESM-only; Node 20.19+ loads it with require(), jest through its transform. */
type Jose = typeof import('jose');
let jose: Jose | undefined;
async function loadJose(): Promise<Jose> {
  jose ??= await import('jose');
  return jose;
}

/** Signs and checks the short-lived access tokens (HS256 JWTs carrying the user and session ids). */
export class TokenSigner {
  // A KeyObject made once: given raw bytes, jose imports the key again on every sign and verify.
  private constructor(private readonly key: KeyObject, private readonly ttlSeconds: number) {}

  /** The key comes from JWT_SECRET or, when unset, from the database, shared by every instance. */
  static async create(em: EntityManager, secret: string | undefined, ttlSeconds: number): Promise<TokenSigner> {
    let value = secret;
    if (!value) {
      await em.getConnection().execute(
        `insert into app_setting (key, value) values ('jwt_secret', ?) on conflict (key) do nothing`,
        [randomBytes(48).toString('base64url')],
      );
      value = (await em.fork().findOneOrFail(AppSetting, { key: 'jwt_secret' })).value;
    }
    return new TokenSigner(createSecretKey(Buffer.from(value, 'utf8')), ttlSeconds);
  }

  async sign(userId: string, sessionId: string, now: Date): Promise<string> {
    const { SignJWT } = await loadJose();
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .sign(this.key);
  }

  /**
   * Tokens already verified, with what they carry: a client sends the same token with every
   * request for its 15 minutes, and checking the signature again was a tenth of a diary's CPU.
   * A token's content cannot change, so only its expiry is judged again; the session behind it
   * is still checked on every request (permissions/viewer.ts). Bounded: emptied when full.
   */
  private readonly verified = new Map<string, VerifiedToken>();

  /** The user and session of a valid token, or null. Expiry is judged on the server's clock. */
  async verify(token: string, now: Date): Promise<VerifiedToken | null> {
    const known = this.verified.get(token);
    if (known) {
      // jose's rule: expired once `exp` is not after the current second.
      if (known.expiresAt.getTime() / 1000 > Math.floor(now.getTime() / 1000)) return known;
      this.verified.delete(token);
      return null;
    }
    const { jwtVerify } = await loadJose();
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER, algorithms: ['HS256'], currentDate: now,
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || typeof payload.exp !== 'number') return null;
      const result = { userId: payload.sub, sessionId: payload.sid, expiresAt: new Date(payload.exp * 1000) };
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.clear();
      this.verified.set(token, result);
      return result;
    } catch {
      return null;
    }
  }
}

export interface VerifiedToken { userId: string; sessionId: string; expiresAt: Date }

const VERIFIED_TOKENS_KEPT = 20_000;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** A hash cheaper than the full cost (argon2's encoded parameters carry it: `m=4096,p=1,t=1`). */
export function isLightHash(hash: string | undefined): boolean {
  const m = /\$m=(\d+),p=\d+,t=(\d+)\$/.exec(hash ?? '');
  return !!m && (Number(m[1]) < 65536 || Number(m[2]) < 3);
}

/** A hash to verify against when the login is unknown, so both cases take the same time. */
let dummyHash: Promise<string> | undefined;

export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly signer: TokenSigner,
    private readonly clock: Clock,
    private readonly settings: AuthSettings,
    private readonly ip: string | null,
    private readonly events: AuthEvents = UNWATCHED_AUTH,
  ) {}

  async login(login: string, password: string): Promise<IssuedTokens> {
    const now = this.clock.now();
    const user = await this.authenticate(login, password);
    return this.em.transactional(async (em) => {
      const fresh = await em.findOneOrFail(User, user.id);
      // Plain SQL, so a login leaves the account's optimistic-lock version alone: an admin's edit
      // made meanwhile must not get CONFLICT, and two logins at once must not fail on it.
      await em.execute(`update "app_user" set "last_login_at" = ? where "id" = ?`, [now, user.id]);
      audit(em, { actorId: user.id, schoolId: null, action: 'auth.login', entityType: 'User', entityId: user.id, ip: this.ip, at: now });
      return this.issue(em, fresh, randomUUID(), now);
    });
  }

  /**
   * Checks a login and password under the sign-in throttle (TOO_MANY_ATTEMPTS when throttled,
   * UNAUTHENTICATED when wrong, the same for an unknown login): `login` and the authorization
   * server's sign-in page (server/oauth/interactions.ts) both go through it.
   */
  async authenticate(login: string, password: string): Promise<User> {
    const now = this.clock.now();
    const normalized = (login ?? '').trim().toLowerCase();
    if (normalized.length > 100 || (password ?? '').length > PASSWORD_MAX_LENGTH) throw this.loginFailed();
    // Counted before the password is checked, known login or not (TOO_MANY_ATTEMPTS when throttled).
    const attempt = await beginLoginAttempt(this.em, normalized, this.ip, now, this.events).catch((error: unknown) => {
      if (error instanceof AppError && error.extensions.code === ErrorCode.TOO_MANY_ATTEMPTS) this.events.signInFailed('throttled');
      throw error;
    });
    const user = normalized
      ? await this.em.findOne(User, { login: normalized }, { populate: ['passwordHash'] })
      : null;
    dummyHash ??= argon2.hash(randomBytes(16).toString('hex'));
    const ok = await argon2.verify(user?.passwordHash ?? (await dummyHash), password ?? '').catch(() => false);
    // A starting password of an import is hashed light (domain/interchange/import.service.ts): the
    // full-cost verify is spent anyway, so a fresh account answers no faster than any other login.
    if (user && isLightHash(user.passwordHash)) await argon2.verify(await dummyHash, password ?? '').catch(() => false);
    if (!user || !ok || user.locked) {
      await attempt.failed();
      await this.em.transactional(async (em) => {
        audit(em, { actorId: user?.id ?? null, schoolId: null, action: 'auth.login_failed', entityType: 'User', entityId: user?.id ?? null, after: { login: normalized.slice(0, 100) }, ip: this.ip, at: now });
      });
      throw this.loginFailed();
    }
    await attempt.succeeded();
    return user;
  }

  /**
   * Rotates a refresh token. Presenting a used (revoked) one revokes its whole family: it was stolen.
   * The token is claimed by one conditional UPDATE, so of two refreshes racing with one token exactly
   * one wins; the loser has presented a used token, which is reuse (OAuth 2.1's rotation rule), and
   * ends the family, the winner's new token included.
   */
  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const now = this.clock.now();
    const tokenHash = sha256(refreshToken ?? '');
    const outcome = await this.em.transactional(async (em) => {
      // A concurrent claim holds the row lock; this one waits for it, then finds revoked_at set and claims nothing.
      const [claimed] = await em.execute<{ user_id: string; family_id: string }[]>(
        `update refresh_token rt set revoked_at = ? from app_user u
          where rt.token_hash = ? and rt.revoked_at is null and rt.expires_at > ? and u.id = rt.user_id and not u.locked
          returning rt.user_id, rt.family_id`,
        [now, tokenHash, now],
      );
      if (claimed) return this.issue(em, await em.findOneOrFail(User, claimed.user_id), claimed.family_id, now);
      const stored = await em.findOne(RefreshToken, { tokenHash }, { populate: ['user'] });
      if (!stored || !stored.revokedAt || stored.expiresAt <= now || stored.user.locked) return null;
      // Committed even though the caller is refused: the family must die.
      await em.nativeUpdate(RefreshToken, { familyId: stored.familyId, revokedAt: null }, { revokedAt: now });
      audit(em, { actorId: stored.user.id, schoolId: null, action: 'auth.refresh_reuse', entityType: 'User', entityId: stored.user.id, ip: this.ip, at: now });
      return null;
    });
    if (!outcome) throw unauthenticated();
    return outcome;
  }

  async logout(refreshToken: string): Promise<boolean> {
    const now = this.clock.now();
    const stored = await this.em.findOne(RefreshToken, { tokenHash: sha256(refreshToken ?? '') });
    if (stored) await this.em.nativeUpdate(RefreshToken, { familyId: stored.familyId, revokedAt: null }, { revokedAt: now });
    return true;
  }

  /**
   * Sets a new password, clears the must-change flag and ends every other session at once
   * (their refresh and access tokens); the session that made the change goes on.
   */
  async changePassword(userId: string, currentSessionId: string, oldPassword: string, newPassword: string): Promise<boolean> {
    const now = this.clock.now();
    if (typeof newPassword !== 'string' || newPassword.length < PASSWORD_MIN_LENGTH) {
      throw badInput('newPassword', `The new password needs at least ${PASSWORD_MIN_LENGTH} characters.`);
    }
    if (newPassword.length > PASSWORD_MAX_LENGTH) throw badInput('newPassword', `The new password is longer than ${PASSWORD_MAX_LENGTH} characters.`);
    if (newPassword === oldPassword) throw badInput('newPassword', 'The new password must differ from the old one.');
    const user = await this.em.findOne(User, userId, { populate: ['passwordHash'] });
    if (!user) throw unauthenticated();
    // Counted before the check, so a stolen access token cannot guess the current password without limit.
    const attempt = await beginPasswordCheck(this.em, userId, this.ip, now, this.events);
    const ok = await argon2.verify(user.passwordHash, oldPassword ?? '').catch(() => false);
    if (!ok) {
      await attempt.failed();
      throw badInput('oldPassword', 'The current password is wrong.');
    }
    await attempt.succeeded();
    const hash = await hashPassword(newPassword);
    await this.em.transactional(async (em) => {
      await em.nativeUpdate(User, { id: userId }, { passwordHash: hash, mustChangePassword: false });
      await revokeAllSessions(em, userId, now, { except: currentSessionId });
      audit(em, { actorId: userId, schoolId: null, action: 'auth.change_password', entityType: 'User', entityId: userId, ip: this.ip, at: now });
    });
    return true;
  }

  private async issue(em: EntityManager, user: User, familyId: string, now: Date): Promise<IssuedTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    em.create(RefreshToken, {
      user, familyId, tokenHash: sha256(refreshToken), createdAt: now,
      expiresAt: new Date(now.getTime() + this.settings.refreshTokenTtlSeconds * 1000),
    });
    return { accessToken: await this.signer.sign(user.id, familyId, now), refreshToken, user };
  }

  private loginFailed(): AppError {
    this.events.signInFailed('wrong_credentials');
    // The same answer for an unknown login, a wrong password and a locked account.
    return new AppError(ErrorCode.UNAUTHENTICATED, 'Wrong login or password.');
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}
