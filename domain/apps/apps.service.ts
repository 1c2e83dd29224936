import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit';
import { notFound } from '../../lib/errors';
import type { RequestScope } from '../request-scope';
import { writeTransaction } from '../write';

/** A parent's consent to an app, for the grant oidc-provider just saved: the children and scopes they ticked. */
export async function recordConsent(em: EntityManager, c: {
  grantId: string; clientId: string; userId: string; studentIds: string[]; scopes: string[]; ip: string | null; at: Date;
}): Promise<void> {
  await em.transactional(async (tx) => {
    await tx.execute(
      `insert into oauth_consent (grant_id, client_id, user_id, student_ids, scopes, created_at) values (?, ?, ?, ?::uuid[], ?::text[], now())`,
      [c.grantId, c.clientId, c.userId, `{${c.studentIds.join(',')}}`, `{${c.scopes.join(',')}}`],
    );
    audit(tx, {
      actorId: c.userId, schoolId: null, action: 'app.consent', entityType: 'OAuthApp', entityId: null,
      after: { clientId: c.clientId, scopes: c.scopes, students: c.studentIds.length }, ip: c.ip, at: c.at,
    });
  });
}

/**
 * The parent revokes an app's grant: its consent ends and every token and code of the grant is
 * deleted in the same commit (introspection answers inactive, the API refuses it at once); the
 * consent's trigger announces it on `diary_access`, so every instance closes the app's sockets
 * (4403). Another user's grant, or one already revoked, is NOT_FOUND.
 */
export async function revokeApp(scope: RequestScope, grantId: string): Promise<boolean> {
  return writeTransaction(scope, async ({ em, now, audit: record }) => {
    const [revoked] = await em.execute<{ client_id: string }[]>(
      `update oauth_consent set revoked_at = ? where grant_id = ? and user_id = ? and revoked_at is null returning client_id`,
      [now, grantId, scope.viewer.userId],
    );
    if (!revoked) throw notFound('AuthorizedApp');
    await em.execute(`delete from oidc_model where grant_id = ?`, [grantId]);
    record({ schoolId: null, action: 'app.revoke', entityType: 'OAuthApp', entityId: null, after: { clientId: revoked.client_id } });
    return true;
  });
}
