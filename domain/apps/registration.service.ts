import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'graphql';
import { badInput, notFound } from '../../lib/errors';
import { ALL_APP_SCOPES } from '../../permissions/app-scopes';
import { audit } from '../audit';

export interface AppRegistration {
  name: string;
  redirectUris: string[];
  scopes: string[];
  webhookUrl?: string | null;
  trustedDocumentsOnly?: boolean;
  rateLimitPerMinute?: number;
}

export interface RegisteredApp { clientId: string; name: string; redirectUris: string[]; scopes: string[]; webhookUrl: string | null; trustedDocumentsOnly: boolean; rateLimitPerMinute: number }

/**
 * A redirect URI is matched exactly (oidc-provider): an absolute URI without a fragment, https,
 * or http on a loopback address (native apps), or a private-use scheme with a dot (reverse domain, RFC 8252).
 */
function checkRedirectUri(uri: string): string {
  let url: URL;
  try { url = new URL(uri); } catch { throw badInput('redirectUris', `Not an absolute URI: ${uri.slice(0, 200)}`); }
  if (url.hash) throw badInput('redirectUris', 'A redirect URI has no fragment.');
  const loopback = url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
  const privateScheme = /^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+:$/.test(url.protocol);
  if (url.protocol !== 'https:' && !loopback && !privateScheme) {
    throw badInput('redirectUris', 'A redirect URI is https, loopback http, or a reverse-domain private scheme.');
  }
  return uri;
}

/** Registers an app (the region's operator only: `npm run app:register`, or registerApp for REGIONAL_COORDINATOR). */
export async function registerApp(em: EntityManager, input: AppRegistration, actorId: string | null, at: Date): Promise<RegisteredApp> {
  const name = (input.name ?? '').trim();
  if (!name || name.length > 200) throw badInput('name', 'An app needs a name of at most 200 characters.');
  if (!input.redirectUris?.length || input.redirectUris.length > 10) throw badInput('redirectUris', 'One to ten redirect URIs.');
  const redirectUris = [...new Set(input.redirectUris.map(checkRedirectUri))];
  const scopes = [...new Set(input.scopes ?? [])];
  if (scopes.length === 0 || scopes.some((s) => !ALL_APP_SCOPES.includes(s))) {
    throw badInput('scopes', `Scopes are some of: ${ALL_APP_SCOPES.join(', ')}.`);
  }
  let webhookUrl: string | null = null;
  if (input.webhookUrl) {
    if (!URL.canParse(input.webhookUrl) || new URL(input.webhookUrl).protocol !== 'https:' && !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(input.webhookUrl)) {
      throw badInput('webhookUrl', 'A webhook URL is https (or loopback http).');
    }
    webhookUrl = input.webhookUrl;
  }
  const rateLimitPerMinute = input.rateLimitPerMinute ?? 600;
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1 || rateLimitPerMinute > 100_000) {
    throw badInput('rateLimitPerMinute', 'A rate limit is 1 to 100000 requests a minute.');
  }
  const clientId = `app_${randomBytes(12).toString('base64url')}`;
  const trustedDocumentsOnly = input.trustedDocumentsOnly ?? false;
  await em.transactional(async (tx) => {
    await tx.execute(
      `insert into oauth_app (id, name, redirect_uris, scopes, webhook_url, trusted_documents_only, rate_limit_per_minute, created_by_id, created_at)
       values (?, ?, ?::text[], ?::text[], ?, ?, ?, ?, ?)`,
      [clientId, name, textArray(redirectUris), textArray(scopes), webhookUrl, trustedDocumentsOnly, rateLimitPerMinute, actorId, at],
    );
    audit(tx, { actorId, schoolId: null, action: 'app.register', entityType: 'OAuthApp', entityId: null, after: { clientId, name, scopes }, ip: null, at });
  });
  return { clientId, name, redirectUris, scopes, webhookUrl, trustedDocumentsOnly, rateLimitPerMinute };
}

/** Registers a document for an app ahead of time; answers its hash (sha256 of the exact text, hex). */
export async function registerTrustedDocument(em: EntityManager, clientId: string, document: string, at: Date): Promise<string> {
  if (!document || document.length > 100_000) throw badInput('document', 'A document of at most 100000 characters.');
  try { parse(document); } catch { throw badInput('document', 'The document does not parse as GraphQL.'); }
  const [app] = await em.getConnection().execute<{ id: string }[]>(`select id from oauth_app where id = ?`, [clientId]);
  if (!app) throw notFound('OAuthApp');
  const sha256 = createHash('sha256').update(document, 'utf8').digest('hex');
  await em.getConnection().execute(
    `insert into oauth_trusted_document (client_id, sha256, document, created_at) values (?, ?, ?, ?) on conflict do nothing`,
    [clientId, sha256, document, at],
  );
  return sha256;
}

/** A Postgres text[] literal (each element quoted). */
const textArray = (values: readonly string[]) => `{${values.map((v) => JSON.stringify(v)).join(',')}}`;
