import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Configuration, JWK, KoaContextWithOIDC, Provider } from 'oidc-provider';
import { ALL_APP_SCOPES } from '../../permissions/app-scopes';
import { APP_SCOPES_METADATA, PgOidcAdapter } from './adapter';
import { errorPage, pageCsp } from './pages';

/** oidc-provider is ESM-only: a real dynamic import (tsconfig nodenext keeps it so in the build; jest transforms it). */
type OidcModule = typeof import('oidc-provider');
let oidcModule: Promise<OidcModule> | undefined;
export function loadOidc(): Promise<OidcModule> {
  oidcModule ??= import('oidc-provider');
  return oidcModule;
}

/** The one resource server the tokens are for: this GraphQL API (RFC 8707 audience of every access token). */
export const API_RESOURCE = 'urn:school-journal:graphql';

/** Where the interaction pages live, under the provider's mount point. */
export const OAUTH_MOUNT = '/oauth';
export const interactionPath = (uid: string) => `${OAUTH_MOUNT}/interaction/${uid}`;

export const OAUTH_TTL = {
  accessTokenSeconds: 15 * 60,
  authorizationCodeSeconds: 60,
  refreshTokenSeconds: 30 * 24 * 3600,
  interactionSeconds: 10 * 60,
  sessionSeconds: 24 * 3600,
  grantSeconds: 365 * 24 * 3600,
};

/** The keys every instance shares, made once and kept in app_setting (like jwt_secret). */
export interface OAuthKeys { jwks: { keys: JWK[] }; cookieKeys: string[] }

async function storedSetting(em: EntityManager, key: string, make: () => string): Promise<string> {
  const db = em.fork().getConnection();
  // First writer wins: instances starting together end up with the same value.
  await db.execute(`insert into app_setting (key, value) values (?, ?) on conflict (key) do nothing`, [key, make()]);
  const rows = await db.execute<{ value: string }[]>(`select value from app_setting where key = ?`, [key]);
  return rows[0].value;
}

export async function loadOAuthKeys(em: EntityManager): Promise<OAuthKeys> {
  const jwks = await storedSetting(em, 'oauth_jwks', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = privateKey.export({ format: 'jwk' }) as JWK;
    return JSON.stringify({ keys: [{ ...jwk, kid: randomBytes(8).toString('hex'), use: 'sig', alg: 'RS256' }] });
  });
  const cookieKeys = await storedSetting(em, 'oauth_cookie_keys', () => JSON.stringify([randomBytes(32).toString('base64url')]));
  return { jwks: JSON.parse(jwks), cookieKeys: JSON.parse(cookieKeys) };
}

/**
 * The authorization server (OAuth 2.1 profile): authorization code with PKCE S256 only, public
 * clients registered by the operator (no dynamic registration), exact redirect URIs, rotated
 * refresh tokens, opaque access tokens for this API only (checked against the database on every
 * request, so a revocation counts at once), revocation and introspection.
 */
export async function createOAuthProvider(options: {
  issuer: string; em: EntityManager; keys: OAuthKeys; trustProxy: boolean;
  findAccountName: (accountId: string) => Promise<string | null>;
}): Promise<Provider> {
  const { Provider: ProviderClass, errors } = await loadOidc();
  const configuration: Configuration = {
    adapter: (name: string) => new PgOidcAdapter(name, options.em),
    clients: [],
    extraClientMetadata: { properties: [APP_SCOPES_METADATA] },
    jwks: options.keys.jwks as Configuration['jwks'],
    cookies: {
      keys: options.keys.cookieKeys,
      long: { signed: true, httpOnly: true, sameSite: 'lax' },
      short: { signed: true, httpOnly: true, sameSite: 'lax' },
    },
    async findAccount(_ctx, id) {
      const name = await options.findAccountName(id);
      if (name === null) return undefined;
      return { accountId: id, claims: async () => ({ sub: id }) };
    },
    scopes: ['openid', 'offline_access'],
    claims: { openid: ['sub'] },
    responseTypes: ['code'],
    pkce: { required: () => true },
    clientDefaults: { grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' },
    allowOmittingSingleRegisteredRedirectUri: false,
    rotateRefreshToken: true,
    // Apps keep working between sign-ins through refresh tokens (rotated at every use).
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    interactions: { url: (_ctx, interaction) => interactionPath(interaction.uid) },
    ttl: {
      AccessToken: OAUTH_TTL.accessTokenSeconds,
      AuthorizationCode: OAUTH_TTL.authorizationCodeSeconds,
      RefreshToken: OAUTH_TTL.refreshTokenSeconds,
      Interaction: OAUTH_TTL.interactionSeconds,
      Session: OAUTH_TTL.sessionSeconds,
      Grant: OAUTH_TTL.grantSeconds,
      IdToken: 3600,
    },
    // A public client may call the token, revocation and introspection endpoints from its registered origins only.
    clientBasedCORS: (_ctx, origin, client) => origin !== 'null' && (client.redirectUris ?? []).some((uri) => URL.canParse(uri) && new URL(uri).origin === origin),
    features: {
      devInteractions: { enabled: false },
      registration: { enabled: false },
      userinfo: { enabled: false },
      revocation: { enabled: true },
      introspection: {
        enabled: true,
        // An app introspects its own tokens only.
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => API_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, indicator, client) => {
          if (indicator !== API_RESOURCE) throw new errors.InvalidTarget();
          const allowed = String(client[APP_SCOPES_METADATA] ?? '').split(' ').filter((s) => ALL_APP_SCOPES.includes(s));
          return { scope: allowed.join(' '), accessTokenFormat: 'opaque', accessTokenTTL: OAUTH_TTL.accessTokenSeconds };
        },
      },
    },
    renderError: async (ctx: KoaContextWithOIDC, out) => {
      const page = errorPage(out.error_description ?? out.error, ctx.get('accept-language'));
      ctx.type = 'html';
      ctx.set('Content-Security-Policy', pageCsp(page.nonce));
      ctx.body = page.html;
    },
  };
  const provider = new ProviderClass(options.issuer, configuration);
  provider.proxy = options.trustProxy;
  return provider;
}
