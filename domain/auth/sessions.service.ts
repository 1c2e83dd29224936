import type { EntityManager } from '@mikro-orm/postgresql';
import { RefreshToken } from '../../entities';

/**
 * Ends every session of a user at once: their refresh tokens stop working, and so do their
 * access tokens and sockets (every request re-checks its session, and the diary hub re-checks
 * sockets on the `diary_access` trigger). Run it in the transaction that locks the account or
 * changes the password, so both commit together. `except` keeps one session (the caller's own
 * on a password change). Answers how many refresh tokens were revoked.
 */
export async function revokeAllSessions(em: EntityManager, userId: string, now: Date, options: { except?: string } = {}): Promise<number> {
  return em.nativeUpdate(
    RefreshToken,
    { user: userId, revokedAt: null, ...(options.except ? { familyId: { $ne: options.except } } : {}) },
    { revokedAt: now },
  );
}
