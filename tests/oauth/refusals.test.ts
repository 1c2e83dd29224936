import { TestServer } from '../support/server';
import { PASSWORD } from '../support/factories';
import { Browser, REDIRECT_URI, authorize, buildFamilyWorld, csrfOf, formAction, openid, registerTestApp, signInAndConsent } from './support';

let server: TestServer;
let world: Awaited<ReturnType<typeof buildFamilyWorld>>;
let clientId: string;
beforeAll(async () => {
  server = await TestServer.start();
  world = await buildFamilyWorld(server.em());
  clientId = (await registerTestApp(server)).clientId;
});
afterAll(async () => { await server.stop(); });

const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const authUrl = (params: Record<string, string>) => `${server.app.oauth.issuer}/auth?${new URLSearchParams({
  client_id: clientId, redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'openid diary:read', state: 'st', ...params,
})}`;
/** Where the server sent the browser, and its query (an error comes back to the app's redirect URI). */
async function firstAnswer(url: string) {
  const res = await fetch(url, { redirect: 'manual' });
  const location = res.headers.get('location');
  return { status: res.status, location, query: location ? new URL(location, server.url).searchParams : null, body: location ? '' : await res.text() };
}

it('refuses an authorization request without PKCE', async () => {
  const answer = await firstAnswer(authUrl({}));
  expect(answer.location?.startsWith(REDIRECT_URI)).toBe(true);
  expect(answer.query?.get('error')).toBe('invalid_request');
  expect(answer.query?.get('state')).toBe('st');
});

it('refuses plain PKCE: S256 only', async () => {
  const answer = await firstAnswer(authUrl({ code_challenge: CHALLENGE, code_challenge_method: 'plain' }));
  expect(answer.query?.get('error')).toBe('invalid_request');
});

it('refuses the implicit grant', async () => {
  const answer = await firstAnswer(authUrl({ response_type: 'token', code_challenge: CHALLENGE, code_challenge_method: 'S256' }));
  // Refused with the error sent back to the app (in the fragment, as for an implicit response), never a token.
  expect(`${answer.location ?? ''} ${answer.body}`).toMatch(/unsupported_response_type/);
  expect(answer.location ?? '').not.toMatch(/access_token/);
});

it('refuses a redirect URI that is not registered exactly, without redirecting to it', async () => {
  for (const uri of [`${REDIRECT_URI}/`, `${REDIRECT_URI}?x=1`, 'http://127.0.0.1:9/other', 'https://evil.example/callback']) {
    const answer = await firstAnswer(authUrl({ redirect_uri: uri, code_challenge: CHALLENGE, code_challenge_method: 'S256' }));
    expect(answer.location).toBeNull();
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('redirect_uri');
  }
});

it('refuses an unknown client and the password grant', async () => {
  const answer = await firstAnswer(authUrl({ client_id: 'app_unknown', code_challenge: CHALLENGE, code_challenge_method: 'S256' }));
  expect(answer.status).toBe(400);
  const token = await fetch(`${server.app.oauth.issuer}/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username: world.family.user.login, password: PASSWORD }),
  });
  expect(token.status).toBe(400);
  expect(((await token.json()) as { error: string }).error).toBe('unsupported_grant_type');
});

/** The token endpoint as an app calls it, by hand (openid-client would not send a wrong request). */
async function exchange(code: string, verifier: string) {
  const res = await fetch(`${server.app.oauth.issuer}/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: clientId, code_verifier: verifier }),
  });
  return { status: res.status, body: (await res.json()) as { error?: string; access_token?: string } };
}

it('refuses a wrong PKCE verifier, and a code used twice', async () => {
  const client = await openid();
  const config = await client.discovery(new URL(server.app.oauth.issuer!), clientId, undefined, client.None(), { execute: [client.allowInsecureRequests] });
  const start = async (verifier: string) => signInAndConsent(new Browser(server.url), client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI, scope: 'openid diary:read', state: 'one', code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
  }).toString(), { clientId, login: world.family.user.login });
  const verifier = client.randomPKCECodeVerifier();
  const wrongCode = new URL(await start(verifier)).searchParams.get('code')!;
  expect(await exchange(wrongCode, client.randomPKCECodeVerifier())).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

  const code = new URL(await start(verifier)).searchParams.get('code')!;
  const first = await exchange(code, verifier);
  expect(first.status).toBe(200);
  expect(await exchange(code, verifier)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  // Reusing the code revoked what it had issued (RFC 6749 §4.1.2): the first access token is dead too.
  const introspected = await client.tokenIntrospection(config, first.body.access_token!);
  expect(introspected.active).toBe(false);
});

it('does not grant a scope the app is not registered for', async () => {
  const narrow = await registerTestApp(server, { scopes: ['diary:read'] });
  const { tokens } = await authorize(server, { clientId: narrow.clientId, login: world.family.user.login, scope: 'openid diary:read events:read profile' });
  expect(tokens.scope?.split(' ')).toContain('diary:read');
  expect(tokens.scope?.split(' ')).not.toContain('events:read');
  expect(tokens.scope?.split(' ')).not.toContain('profile');
});

describe('the sign-in page', () => {
  async function loginPage() {
    const client = await openid();
    const config = await client.discovery(new URL(server.app.oauth.issuer!), clientId, undefined, client.None(), { execute: [client.allowInsecureRequests] });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI, scope: 'openid diary:read', code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()), code_challenge_method: 'S256',
    });
    const browser = new Browser(server.url);
    const page = await browser.follow(url.toString());
    return { browser, page };
  }

  it('refuses a POST without the CSRF token bound to the interaction, or with another interaction\'s', async () => {
    const { browser, page } = await loginPage();
    const other = await loginPage();
    const missing = await browser.request(formAction(page.html, 'login'), { form: { login: world.family.user.login, password: PASSWORD } });
    expect(missing.status).toBe(403);
    const foreign = await browser.request(formAction(page.html, 'login'), { form: { csrf: csrfOf(other.page.html), login: world.family.user.login, password: PASSWORD } });
    expect(foreign.status).toBe(403);
    // The right token still works.
    const ok = await browser.request(formAction(page.html, 'login'), { form: { csrf: csrfOf(page.html), login: world.family.user.login, password: PASSWORD } });
    expect(ok.status).toBe(303);
  });

  it('refuses a form posted without the browser\'s interaction cookie', async () => {
    const { page } = await loginPage();
    const stranger = new Browser(server.url);
    const res = await stranger.request(formAction(page.html, 'login'), { form: { csrf: csrfOf(page.html), login: world.family.user.login, password: PASSWORD } });
    expect(res.status).toBe(400);
  });

  it('is throttled like login: the same counter, 429 with Retry-After', async () => {
    const login = world.student.user!.login;
    const { browser, page } = await loginPage();
    let last: Response | undefined;
    for (let i = 0; i < 6; i += 1) {
      last = await browser.request(formAction(page.html, 'login'), { form: { csrf: csrfOf(page.html), login, password: 'wrong-password' } });
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    // The right password is refused too while locked, on the page and through the API's login alike.
    const right = await browser.request(formAction(page.html, 'login'), { form: { csrf: csrfOf(page.html), login, password: PASSWORD } });
    expect(right.status).toBe(429);
    const api = await server.gql(`mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken } }`, { l: login, p: PASSWORD });
    expect(api.errors?.[0].extensions?.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('is in Russian, in English on request, with labelled fields', async () => {
    const { page } = await loginPage();
    expect(page.html).toContain('<html lang="ru">');
    expect(page.html).toContain('<label for="login">Логин</label>');
    expect(page.html).toContain('<label for="password">Пароль</label>');
    const en = await fetch(`${server.url}${new URL(page.url).pathname}?lang=en`, { headers: { cookie: '' } });
    expect(en.status).toBe(400); // without the browser's cookie there is no interaction
    const { browser, page: again } = await loginPage();
    const english = await browser.follow(`${new URL(again.url).pathname}?lang=en`);
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toContain('<label for="login">Login</label>');
  });
});
