import { createHash } from 'node:crypto';
import { Role } from '../../entities';
import { buildUser } from '../support/factories';
import { TestServer } from '../support/server';
import { registerTrustedDocument } from '../../domain/apps/registration.service';
import { appGql, authorize, buildFamilyWorld, registerTestApp, REDIRECT_URI } from './support';

let server: TestServer;
let world: Awaited<ReturnType<typeof buildFamilyWorld>>;
beforeAll(async () => {
  // Production: trusted documents only is enforced there.
  server = await TestServer.start(undefined, { production: true });
  world = await buildFamilyWorld(server.em());
});
afterAll(async () => { await server.stop(); });

const CHILDREN = `query Children { me { children { id fullName } } }`;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('trusted documents', () => {
  let token: string;
  let clientId: string;
  beforeAll(async () => {
    const app = await registerTestApp(server, { trustedDocumentsOnly: true });
    clientId = app.clientId;
    expect(await registerTrustedDocument(server.em(), clientId, CHILDREN, server.clock.now())).toBe(sha256(CHILDREN));
    token = (await authorize(server, { clientId, login: world.family.user.login })).tokens.access_token;
  });

  it('runs a registered document by its hash, in the APQ shape or as documentId', async () => {
    const apq = await appGql(server, token, undefined, {}, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(CHILDREN) } } });
    expect(apq.body.errors).toBeUndefined();
    expect(apq.body.data.me.children).toHaveLength(2);
    const byId = await appGql(server, token, undefined, {}, { documentId: `sha256:${sha256(CHILDREN)}` });
    expect(byId.body.data.me.children).toHaveLength(2);
    // The registered text itself is the same document.
    expect((await appGql(server, token, CHILDREN)).body.data.me.children).toHaveLength(2);
  });

  it('refuses any other document in production with a stable code', async () => {
    const other = await appGql(server, token, `{ me { children { id } } }`);
    expect(other.status).toBe(400);
    expect(other.body.errors?.[0].extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    const unknown = await appGql(server, token, undefined, {}, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ me { roles } }') } } });
    expect(unknown.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('does not let one app use another app\'s documents', async () => {
    const other = await registerTestApp(server);
    const otherToken = (await authorize(server, { clientId: other.clientId, login: world.family.user.login })).tokens.access_token;
    const res = await appGql(server, otherToken, undefined, {}, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(CHILDREN) } } });
    expect(res.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    // An app without the flag may send any document.
    expect((await appGql(server, otherToken, `{ me { children { id } } }`)).body.data.me.children).toHaveLength(2);
  });
});

it('answers 429 with Retry-After past the app\'s per-minute limit, counted in the database', async () => {
  const app = await registerTestApp(server, { rateLimitPerMinute: 3 });
  const { tokens } = await authorize(server, { clientId: app.clientId, login: world.family.user.login });
  const answers = [];
  for (let i = 0; i < 5; i += 1) answers.push(await appGql(server, tokens.access_token, `{ me { children { id } } }`));
  // A minute boundary may fall inside the loop (the count then starts over once): still at least one refusal.
  const limited = answers.find((a) => a.status === 429);
  expect(limited).toBeDefined();
  expect(answers[0].status).toBe(200);
  expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(Number(limited!.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  expect(limited!.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
  const [row] = await server.em().getConnection().execute<{ requests: number }[]>(
    `select sum(requests)::int as requests from oauth_rate_window where client_id = ?`, [app.clientId]);
  expect(row.requests).toBeGreaterThanOrEqual(3);
  // First-party tokens are not counted against any app.
  expect((await server.gql(`{ me { roles } }`, {}, await server.token(world.family.user.id))).errors).toBeUndefined();
});

describe('registration', () => {
  const REGISTER = `mutation($i: RegisterAppInput!) { registerApp(input: $i) { clientId name redirectUris scopes webhookUrl trustedDocumentsOnly rateLimitPerMinute } }`;
  const input = { name: 'Школьный помощник', redirectUris: [REDIRECT_URI, 'ru.example.app:/callback'], scopes: ['diary:read'], webhookUrl: 'https://hooks.example/app' };

  it('is for the region\'s coordinator only', async () => {
    const coordinator = await buildUser(server.em(), world.school, { roles: [Role.REGIONAL_COORDINATOR] });
    const ok = await server.gql(REGISTER, { i: input }, await server.token(coordinator.id));
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.registerApp).toMatchObject({ name: 'Школьный помощник', scopes: ['diary:read'], webhookUrl: 'https://hooks.example/app', trustedDocumentsOnly: false });
    for (const who of [world.admin.user.id, world.family.user.id, world.coordinator.id]) {
      const refused = await server.gql(REGISTER, { i: { ...input, name: 'Чужое' } }, await server.token(who));
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const [count] = await server.em().getConnection().execute<{ n: number }[]>(`select count(*)::int as n from oauth_app where name = 'Чужое'`);
    expect(count.n).toBe(0);
  });

  it('refuses unknown scopes and loose redirect URIs', async () => {
    const coordinator = await buildUser(server.em(), world.school, { roles: [Role.REGIONAL_COORDINATOR] });
    const token = await server.token(coordinator.id);
    for (const bad of [{ scopes: ['diary:write'] }, { redirectUris: ['http://evil.example/cb'] }, { redirectUris: ['https://app.example/cb#x'] }, { redirectUris: [] }]) {
      const res = await server.gql(REGISTER, { i: { ...input, ...bad } }, token);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('has no dynamic registration endpoint', async () => {
    const res = await fetch(`${server.app.oauth.issuer}/reg`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ redirect_uris: [REDIRECT_URI] }) });
    expect(res.status).toBe(404);
    const discovery = (await (await fetch(`${server.app.oauth.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery.registration_endpoint).toBeUndefined();
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.grant_types_supported).toEqual(expect.not.arrayContaining(['implicit', 'password']));
    expect(discovery.introspection_endpoint).toBeTruthy();
    expect(discovery.revocation_endpoint).toBeTruthy();
    expect(((await (await fetch(discovery.jwks_uri as string)).json()) as { keys: { d?: string }[] }).keys[0].d).toBeUndefined();
  });
});
