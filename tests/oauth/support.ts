import type { EntityManager } from '@mikro-orm/postgresql';
import { registerApp, type AppRegistration } from '../../domain/apps/registration.service';
import { buildParent, buildWorld, PASSWORD } from '../support/factories';
import type { TestServer } from '../support/server';

export const REDIRECT_URI = 'http://127.0.0.1:9/callback';
export type OpenIdClient = typeof import('openid-client');
export const openid = (): Promise<OpenIdClient> => import('openid-client');

/** A world with a parent of two children (5А's Аверин and 1А's first grader) besides the usual actors. */
export async function buildFamilyWorld(em: EntityManager) {
  const world = await buildWorld(em);
  const family = await buildParent(em, world.school, [world.student.student, world.firstGrader.student]);
  return { ...world, family };
}

export async function registerTestApp(server: TestServer, overrides: Partial<AppRegistration> = {}) {
  return registerApp(server.em(), {
    name: 'Дневник+', redirectUris: [REDIRECT_URI], scopes: ['diary:read', 'events:read', 'profile'], ...overrides,
  }, null, server.clock.now());
}

/** A browser without JavaScript: a cookie jar, redirects followed by hand, forms posted as a browser posts them. */
export class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async request(url: string, init: { method?: string; form?: Record<string, string | string[]>; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(init.form)) for (const one of [v].flat()) params.append(k, one);
      body = params.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(new URL(url, this.base), { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(cookie) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Follows redirects from `url` until a page (2xx/4xx) or a redirect outside the server (the app's callback). */
  async follow(url: string, init: Parameters<Browser['request']>[1] = {}): Promise<{ res: Response; url: string; html: string }> {
    let res = await this.request(url, init);
    let at = new URL(url, this.base).toString();
    for (let hops = 0; res.status >= 300 && res.status < 400 && hops < 10; hops += 1) {
      const next = new URL(res.headers.get('location')!, at).toString();
      if (!next.startsWith(this.base)) return { res, url: next, html: '' };
      at = next;
      res = await this.request(next);
    }
    return { res, url: at, html: await res.text() };
  }
}

export const csrfOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
export const formAction = (html: string, suffix: string) => new RegExp(`action="([^"]+/${suffix})"`).exec(html)?.[1] ?? '';
/** The consent page's checkbox values (global ids of children) with their labels. */
export function choicesOf(html: string, name: string): { value: string; label: string }[] {
  return [...html.matchAll(new RegExp(`name="${name}" value="([^"]+)"[^>]*><span>([^<]+)</span>`, 'g'))].map((m) => ({ value: m[1], label: m[2] }));
}

export interface AuthorizeOptions {
  clientId: string; login: string; password?: string; scope?: string;
  /** Chooses the children to tick from those offered (by label); all when unset. */
  pickChildren?: (offered: { value: string; label: string }[]) => string[];
  scopes?: string[];
}

/** The whole code flow with PKCE, as a third-party app (openid-client) and its user's browser do it. */
export async function authorize(server: TestServer, o: AuthorizeOptions) {
  const client = await openid();
  const config = await client.discovery(new URL(server.app.oauth.issuer!), o.clientId, undefined, client.None(), {
    execute: [client.allowInsecureRequests],
  });
  const verifier = client.randomPKCECodeVerifier();
  const challenge = await client.calculatePKCECodeChallenge(verifier);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI, scope: o.scope ?? 'openid offline_access diary:read events:read profile',
    code_challenge: challenge, code_challenge_method: 'S256', state, nonce,
  });
  const browser = new Browser(server.url);
  const callback = await signInAndConsent(browser, url.toString(), o);
  const tokens = await client.authorizationCodeGrant(config, new URL(callback), {
    pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce,
  });
  return { client, config, tokens, callback, browser, verifier };
}

/** The browser's part: sign in, tick, allow; answers the URL the server redirected to (the app's callback). */
export async function signInAndConsent(browser: Browser, authorizationUrl: string, o: AuthorizeOptions): Promise<string> {
  const loginPage = await browser.follow(authorizationUrl);
  if (loginPage.res.status !== 200) throw new Error(`sign-in page: ${loginPage.res.status} ${loginPage.url} ${/role="alert">([^<]*)/.exec(loginPage.html)?.[1]}`);
  const consent = await browser.follow(formAction(loginPage.html, 'login'), {
    form: { csrf: csrfOf(loginPage.html), login: o.login, password: o.password ?? PASSWORD },
  });
  if (consent.res.status !== 200) throw new Error(`consent page: ${consent.res.status} ${consent.html.slice(0, 300)}`);
  const offered = choicesOf(consent.html, 'student');
  const students = o.pickChildren ? o.pickChildren(offered) : offered.map((c) => c.value);
  const done = await browser.follow(formAction(consent.html, 'consent'), {
    form: { csrf: csrfOf(consent.html), student: students, scope: o.scopes ?? choicesOf(consent.html, 'scope').map((c) => c.value) },
  });
  if (!done.url.startsWith(REDIRECT_URI)) throw new Error(`no callback: ${done.res.status} ${done.url} ${done.html.slice(0, 300)}`);
  return done.url;
}

/** A GraphQL request with an app's access token. */
export async function appGql(server: TestServer, token: string, query: string | undefined, variables: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables, ...extra }),
  });
  return { status: res.status, headers: res.headers, body: await res.json() as { data?: any; errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[] } };
}
