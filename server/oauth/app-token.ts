import type { EntityManager } from '@mikro-orm/postgresql';
import type { Provider } from 'oidc-provider';
import { ALL_APP_SCOPES } from '../../permissions/app-scopes';
import type { AppAccess, AppTokens } from '../../resolvers/context';
import { API_RESOURCE } from './provider';

/**
 * An app's opaque access token → whose it is, narrowed how. The token is looked up in the
 * provider's store (oidc_model) on every request, so a revocation counts at once; its grant's
 * consent (children, scopes) must not be revoked and its app not disabled. The scopes are the
 * token's, within what the parent ticked.
 */
export class AppTokenVerifier implements AppTokens {
  constructor(private readonly provider: () => Provider | null, private readonly em: EntityManager) {}

  async verify(token: string): Promise<AppAccess | null> {
    const provider = this.provider();
    if (!provider || token.length > 200) return null;
    const found = await provider.AccessToken.find(token).catch(() => undefined);
    if (!found || !found.grantId || !found.accountId || found.aud !== API_RESOURCE) return null;
    const rows = await this.em.fork().getConnection().execute<{
      student_ids: string[]; scopes: string[]; trusted_documents_only: boolean; rate_limit_per_minute: number;
    }[]>(
      // Stamps the last use (at most once a minute) in the same statement that reads the consent.
      `with consent as (
         select c.grant_id, c.student_ids, c.scopes, a.trusted_documents_only, a.rate_limit_per_minute
           from oauth_consent c join oauth_app a on a.id = c.client_id
          where c.grant_id = ? and c.client_id = ? and c.user_id = ? and c.revoked_at is null and a.disabled_at is null),
       stamped as (
         update oauth_consent c set last_used_at = now() from consent
          where c.grant_id = consent.grant_id and (c.last_used_at is null or c.last_used_at < now() - interval '1 minute'))
       select student_ids, scopes, trusted_documents_only, rate_limit_per_minute from consent`,
      [found.grantId, found.clientId, found.accountId],
    );
    const consent = rows[0];
    if (!consent) return null;
    const tokenScopes = new Set((found.scope ?? '').split(' '));
    const scopes = consent.scopes.filter((s) => tokenScopes.has(s) && ALL_APP_SCOPES.includes(s));
    return {
      userId: found.accountId,
      delegation: { clientId: found.clientId!, grantId: found.grantId, studentIds: consent.student_ids, scopes },
      trustedDocumentsOnly: consent.trusted_documents_only,
      rateLimitPerMinute: consent.rate_limit_per_minute,
    };
  }
}
