import type { EntityManager } from '@mikro-orm/postgresql';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { ALL_APP_SCOPES } from '../../permissions/app-scopes';

/**
 * oidc-provider's storage on PostgreSQL (`oidc_model`, one row per model instance), so every
 * instance shares sessions, interactions, grants, codes and tokens. Expiry and consumption are
 * judged on the database's clock, like the provider's own (real time, not the app's test clock).
 * Clients are not stored here: the `Client` model reads the registered apps (`oauth_app`);
 * there is no dynamic registration.
 */
export class PgOidcAdapter implements Adapter {
  constructor(private readonly model: string, private readonly em: EntityManager) {}

  private db() {
    return this.em.fork().getConnection();
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    if (this.model === 'Client') return;
    await this.db().execute(
      `insert into oidc_model (model, id, payload, grant_id, uid, expires_at)
       values (?, ?, ?::jsonb, ?, ?, case when ?::int is null then null else now() + make_interval(secs => ?::int) end)
       on conflict (model, id) do update set payload = excluded.payload, grant_id = excluded.grant_id,
         uid = excluded.uid, expires_at = excluded.expires_at`,
      [this.model, id, JSON.stringify(payload), payload.grantId ?? null, payload.uid ?? null, expiresIn ?? null, expiresIn ?? null],
    );
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    if (this.model === 'Client') return findClient(this.db(), id);
    const rows = await this.db().execute<{ payload: AdapterPayload; consumed: boolean }[]>(
      `select payload, consumed_at is not null as consumed from oidc_model
        where model = ? and id = ? and (expires_at is null or expires_at > now())`,
      [this.model, id],
    );
    if (!rows[0]) return undefined;
    return rows[0].consumed ? { ...rows[0].payload, consumed: true } : rows[0].payload;
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const rows = await this.db().execute<{ payload: AdapterPayload }[]>(
      `select payload from oidc_model where model = ? and uid = ? and (expires_at is null or expires_at > now())`,
      [this.model, uid],
    );
    return rows[0]?.payload;
  }

  async findByUserCode(): Promise<AdapterPayload | undefined> {
    return undefined; // no device flow
  }

  async consume(id: string): Promise<void> {
    await this.db().execute(`update oidc_model set consumed_at = now() where model = ? and id = ?`, [this.model, id]);
  }

  async destroy(id: string): Promise<void> {
    await this.db().execute(`delete from oidc_model where model = ? and id = ?`, [this.model, id]);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    // Every model of the grant (its tokens and codes), whichever adapter instance was asked.
    await this.db().execute(`delete from oidc_model where grant_id = ?`, [grantId]);
  }
}

/** The client metadata property holding the app's registered scopes. */
export const APP_SCOPES_METADATA = 'app_scopes';

/** A registered, not disabled app as oidc-provider's client metadata: a public client with PKCE and exact redirect URIs. */
async function findClient(db: ReturnType<EntityManager['getConnection']>, id: string): Promise<AdapterPayload | undefined> {
  const rows = await db.execute<{ id: string; name: string; redirect_uris: string[]; scopes: string[] }[]>(
    `select id, name, redirect_uris, scopes from oauth_app where id = ? and disabled_at is null`, [id],
  );
  const app = rows[0];
  if (!app) return undefined;
  return {
    client_id: app.id,
    client_name: app.name,
    redirect_uris: app.redirect_uris,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
    // Native apps (custom schemes, loopback) and web apps alike; oidc-provider validates the URIs per type.
    application_type: app.redirect_uris.every((uri) => /^https?:\/\//.test(uri)) ? 'web' : 'native',
    // The API's scopes it may ask for (server/oauth/provider.ts getResourceServerInfo reads them).
    [APP_SCOPES_METADATA]: app.scopes.filter((s) => ALL_APP_SCOPES.includes(s)).join(' '),
  };
}
