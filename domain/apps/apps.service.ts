import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '../audit';

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
