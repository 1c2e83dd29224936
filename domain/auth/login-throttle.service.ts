import { writeTransaction } from '../write';
import { schoolsWhere } from '../../permissions/registry';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LoginThrottle } from '../../entities';
import { audit } from '../audit';
import { AppError, ErrorCode, notFound } from '../../lib/errors';
import type { RequestScope } from '../request-scope';
import { UNWATCHED_AUTH, type AuthEvents } from './auth-events';

/**
 * How many failed logins a key may have in a window before it is locked out for a while.
 * An account is keyed by the login as typed (lowercased), known or unknown alike, so a
 * lockout says nothing about whether the login exists. A client address allows more: a
 * school's pupils share one address.
 */
export const LOGIN_THROTTLE = {
  account: { maxFailures: 5, windowSeconds: 15 * 60, lockoutSeconds: 15 * 60 },
  address: { maxFailures: 50, windowSeconds: 15 * 60, lockoutSeconds: 15 * 60 },
  /** Wrong current passwords given to changePassword: a stolen access token must not guess without limit. */
  password: { maxFailures: 5, windowSeconds: 15 * 60, lockoutSeconds: 15 * 60 },
} as const;

type Scope = keyof typeof LOGIN_THROTTLE;
const accountKey = (login: string) => `account:${login}`;
const addressKey = (ip: string) => `address:${ip}`;
/** By user id, apart from `account:`: a lockout here does not stop signing in, nor the reverse. */
const passwordKey = (userId: string) => `password:${userId}`;

export const tooManyAttempts = (retryAfterSeconds: number, message = 'Too many sign-in attempts; try again later.') =>
  new AppError(ErrorCode.TOO_MANY_ATTEMPTS, message, { retryAfterSeconds });

/** One login attempt under way: it has already been counted as a failure. */
export interface LoginAttempt {
  /** The password was right: the account's count starts over and the address gets its attempt back. */
  succeeded(): Promise<void>;
  /** The password was wrong: a lockout starts now if this was the last failure allowed. */
  failed(): Promise<void>;
}

/**
 * Counts every execution of `login` (so aliased and batched attempts count one by one),
 * in PostgreSQL so that every instance shares the counts. Each attempt is counted before
 * its password is checked, in a transaction of its own that commits at once: attempts
 * running in parallel (aliases of one request) see each other's counts.
 */
export async function beginLoginAttempt(
  em: EntityManager, login: string, ip: string | null, now: Date, events: AuthEvents = UNWATCHED_AUTH,
): Promise<LoginAttempt> {
  const keys: [Scope, string][] = [['account', accountKey(login)]];
  if (ip) keys.push(['address', addressKey(ip)]);
  // Who is locked out goes in the audit log (the login as typed, or the address); single attempts do not.
  const auditLockout = (tx: EntityManager, scope: Scope) => {
    events.lockedOut(scope);
    audit(tx, {
      actorId: null, schoolId: null, action: 'auth.login_locked_out', entityType: 'User',
      after: scope === 'account' ? { login: login.slice(0, 100) } : { address: ip }, ip, at: now,
    });
  };
  return beginAttempt(em, keys, now, auditLockout, async (tx) => {
    await tx.nativeDelete(LoginThrottle, { key: accountKey(login), lockedUntil: null });
    if (ip) await tx.execute(`update login_throttle set attempts = greatest(attempts - 1, 0) where key = ?`, [addressKey(ip)]);
  });
}

/**
 * changePassword's check of the current password, counted like a sign-in (before the check, in a
 * committed transaction of its own) under the user's `password:` key; TOO_MANY_ATTEMPTS when throttled.
 */
export async function beginPasswordCheck(
  em: EntityManager, userId: string, ip: string | null, now: Date, events: AuthEvents = UNWATCHED_AUTH,
): Promise<LoginAttempt> {
  const key = passwordKey(userId);
  const auditLockout = (tx: EntityManager) => {
    events.lockedOut('password');
    audit(tx, {
      actorId: userId, schoolId: null, action: 'auth.password_check_locked_out', entityType: 'User', entityId: userId, ip, at: now,
    });
  };
  return beginAttempt(em, [['password', key]], now, auditLockout,
    (tx) => tx.nativeDelete(LoginThrottle, { key, lockedUntil: null }).then(() => undefined),
    'Too many wrong passwords; try again later.');
}

/** Counts one attempt on every key (refusing it when any is locked out) and hands back how to settle it. */
async function beginAttempt(
  em: EntityManager, keys: [Scope, string][], now: Date, auditLockout: (tx: EntityManager, scope: Scope) => void,
  onSuccess: (tx: EntityManager) => Promise<void>, refusalMessage?: string,
): Promise<LoginAttempt> {
  const refusal = await em.fork().transactional(async (tx) => {
    let retryAfter = 0;
    // Keys always in the same order (account before address): concurrent attempts lock rows alike.
    for (const [scope, key] of keys) {
      const { wait, lockedNow } = await countAttempt(tx, scope, key, now);
      retryAfter = Math.max(retryAfter, wait);
      if (lockedNow) auditLockout(tx, scope);
    }
    return retryAfter;
  });
  if (refusal > 0) throw tooManyAttempts(refusal, refusalMessage);

  return {
    succeeded: () => em.fork().transactional(onSuccess),
    failed: () => em.fork().transactional(async (tx) => {
      for (const [scope, key] of keys) {
        const { maxFailures, lockoutSeconds } = LOGIN_THROTTLE[scope];
        const locked = await tx.execute<{ key: string }[]>(
          `update login_throttle set locked_until = ? where key = ? and attempts >= ? and (locked_until is null or locked_until <= ?) returning key`,
          [new Date(now.getTime() + lockoutSeconds * 1000), key, maxFailures, now],
        );
        if (locked.length) auditLockout(tx, scope);
      }
    }),
  };
}

/** Counts one attempt on `key`: how many seconds the caller must wait (0: go ahead), and whether a lockout began. */
async function countAttempt(tx: EntityManager, scope: Scope, key: string, now: Date): Promise<{ wait: number; lockedNow: boolean }> {
  const { maxFailures, windowSeconds, lockoutSeconds } = LOGIN_THROTTLE[scope];
  // The no-op update locks an existing row at once: the retention prune (domain/ops/retention.ts) cannot delete it in between.
  await tx.execute(
    `insert into login_throttle (key, attempts, window_started_at) values (?, 0, ?) on conflict (key) do update set attempts = login_throttle.attempts`,
    [key, now],
  );
  const [row] = await tx.execute<{ attempts: number; window_started_at: Date; locked_until: Date | null }[]>(
    `select attempts, window_started_at, locked_until from login_throttle where key = ? for update`, [key],
  );
  const lockedUntil = row.locked_until ? new Date(row.locked_until) : null;
  if (lockedUntil && lockedUntil > now) return { wait: Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000), lockedNow: false };
  const windowOver = new Date(row.window_started_at).getTime() + windowSeconds * 1000 <= now.getTime() || lockedUntil !== null;
  const attempts = windowOver ? 1 : row.attempts + 1;
  // Beyond the last allowed failure (attempts in parallel): refused, and the lockout starts.
  const lockNow = attempts > maxFailures;
  await tx.execute(
    `update login_throttle set attempts = ?, window_started_at = ?, locked_until = ? where key = ?`,
    [attempts, windowOver ? now : row.window_started_at, lockNow ? new Date(now.getTime() + lockoutSeconds * 1000) : null, key],
  );
  return { wait: lockNow ? lockoutSeconds : 0, lockedNow: lockNow };
}

/** An administrator lifts a login's lockout (and its failure count); answers whether there was one. */
export async function liftLoginLockout(em: EntityManager, login: string): Promise<boolean> {
  const deleted = await em.nativeDelete(LoginThrottle, { key: accountKey(login.trim().toLowerCase()) });
  return deleted > 0;
}

/**
 * ADMIN lifts the lockout of an account of their own school. Another school's account or a
 * missing one is NOT_FOUND alike. Answers whether a lockout (or failure count) was lifted.
 */
export async function liftLoginLockoutOf(scope: RequestScope, userId: string): Promise<boolean> {
  const schools = schoolsWhere(scope.viewer, 'login.unlock');
  return writeTransaction(scope, async ({ em, audit }) => {
    const [user] = await em.execute<{ id: string; login: string; school_id: string }[]>(
      `select u.id, u.login, s.school_id from app_user u
         join lateral (select g.school_id from role_grant g where g.user_id = u.id
                       union all select e.school_id from employee e where e.user_id = u.id
                       union all select st.school_id from student st where st.user_id = u.id
                       union all select gd.school_id from guardian gd where gd.user_id = u.id) s
           on s.school_id::text = any(string_to_array(?, ','))
        where u.id = ? limit 1`,
      [schools.join(','), userId],
    );
    if (!user) throw notFound('User');
    // Both lockouts of the account: its sign-in's, and its password checks' (changePassword).
    const signIn = await liftLoginLockout(em, user.login);
    const passwordChecks = (await em.nativeDelete(LoginThrottle, { key: passwordKey(user.id) })) > 0;
    const lifted = signIn || passwordChecks;
    audit({ schoolId: user.school_id, action: 'auth.lockout_lifted', entityType: 'User', entityId: user.id, after: { lifted } });
    return lifted;
  });
}
