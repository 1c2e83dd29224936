import { TestServer } from '../support/server';
import { appGql, authorize, buildFamilyWorld, registerTestApp } from './support';
import { toGlobalId } from '../../schema/global-id';

let server: TestServer;
let world: Awaited<ReturnType<typeof buildFamilyWorld>>;
beforeAll(async () => {
  server = await TestServer.start();
  world = await buildFamilyWorld(server.em());
});
afterAll(async () => { await server.stop(); });

it('runs the code flow with PKCE and reads the consented child only', async () => {
  const app = await registerTestApp(server);
  const { tokens } = await authorize(server, {
    clientId: app.clientId, login: world.family.user.login,
    pickChildren: (offered) => offered.filter((c) => c.label.startsWith('Аверин')).map((c) => c.value),
  });
  expect(tokens.access_token).toBeTruthy();
  expect(tokens.refresh_token).toBeTruthy();
  expect(tokens.scope?.split(' ').sort()).toEqual(expect.arrayContaining(['diary:read', 'events:read', 'profile']));
  const me = await appGql(server, tokens.access_token, `{ me { children { id fullName } } }`);
  expect(me.body.errors).toBeUndefined();
  expect(me.body.data.me.children).toEqual([{ id: toGlobalId('Student', world.student.student.id), fullName: expect.stringContaining('Аверин') }]);
});

describe('with consent for one child of two', () => {
  let token: string;
  let refreshToken: string;
  let tokens: Awaited<ReturnType<typeof authorize>>;
  beforeAll(async () => {
    const app = await registerTestApp(server);
    tokens = await authorize(server, {
      clientId: app.clientId, login: world.family.user.login, scope: 'openid offline_access diary:read profile',
      pickChildren: (offered) => offered.filter((c) => c.label.startsWith('Аверин')).map((c) => c.value),
    });
    token = tokens.tokens.access_token;
    refreshToken = tokens.tokens.refresh_token!;
  });

  it('answers NOT_FOUND for the child left out, exactly as for another family\'s child', async () => {
    const left = await appGql(server, token, `query($id: ID!) { student(id: $id) { fullName } }`, { id: toGlobalId('Student', world.firstGrader.student.id) });
    const stranger = await appGql(server, token, `query($id: ID!) { student(id: $id) { fullName } }`, { id: toGlobalId('Student', world.otherStudent.student.id) });
    expect(left.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(stranger.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(left.body.errors?.[0].message).toBe(stranger.body.errors?.[0].message);
    // The same parent with a first-party token still sees both children.
    const own = await server.gql(`{ me { children { id } } }`, {}, await server.token(world.family.user.id));
    expect(own.data?.me.children).toHaveLength(2);
  });

  it('reads the consented child\'s diary, not the other one\'s', async () => {
    const query = `query($id: ID!) { diary(studentId: $id, from: "2026-11-16", to: "2026-11-22") { date lessons { lesson { subject { name } } } } }`;
    const res = await appGql(server, token, query, { id: toGlobalId('Student', world.student.student.id) });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.diary.flatMap((d: any) => d.lessons).length).toBeGreaterThan(0);
    const other = await appGql(server, token, query, { id: toGlobalId('Student', world.firstGrader.student.id) });
    expect(other.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a field outside the scopes with FORBIDDEN', async () => {
    const journal = await appGql(server, token, `{ classJournal(classGroupId: "x", subjectId: "y", from: "2026-11-16", to: "2026-11-22") { students { id } } }`);
    expect(journal.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const apps = await appGql(server, token, `{ myApps { id } }`);
    expect(apps.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses every write, and the write changed nothing', async () => {
    const count = async () => (await server.em().getConnection().execute(`select count(*)::int as n from oauth_consent where revoked_at is null`))[0].n;
    const before = await count();
    const res = await appGql(server, token, `mutation { changePassword(oldPassword: "correct-horse-1", newPassword: "another-horse-2") }`);
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const grants = await server.em().getConnection().execute<{ grant_id: string }[]>(`select grant_id from oauth_consent where revoked_at is null`);
    const revoke = await appGql(server, token, `mutation($id: String!) { revokeApp(id: $id) }`, { id: grants[0].grant_id });
    expect(revoke.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
    // The password did not change: the parent still signs in with it.
    const signIn = await server.gql(`mutation($l: String!) { login(login: $l, password: "correct-horse-1") { accessToken } }`, { l: world.family.user.login });
    expect(signIn.data?.login.accessToken).toBeTruthy();
  });

  it('introspection shows only what the scopes reach', async () => {
    const res = await appGql(server, token, `{ __schema { queryType { fields { name } } mutationType { name } subscriptionType { name } } }`);
    const fields = res.body.data.__schema.queryType.fields.map((f: { name: string }) => f.name).sort();
    expect(fields).toEqual(expect.arrayContaining(['diary', 'me', 'student']));
    expect(fields).not.toContain('classJournal');
    expect(fields).not.toContain('myApps');
    expect(res.body.data.__schema.mutationType).toBeNull();
    // No events:read in this grant: no subscription either.
    expect(res.body.data.__schema.subscriptionType).toBeNull();
  });

  it('refreshes with rotation; the used refresh token, presented again, ends the chain', async () => {
    const { client, config } = tokens;
    const refreshed = await client.refreshTokenGrant(config, refreshToken);
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(refreshToken);
    expect((await appGql(server, refreshed.access_token, `{ me { children { id } } }`)).body.data.me.children).toHaveLength(1);
    await expect(client.refreshTokenGrant(config, refreshToken)).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(client.refreshTokenGrant(config, refreshed.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});

it('costs a fixed number of statements more than a first-party diary read, whatever the week holds', async () => {
  const app = await registerTestApp(server);
  const { tokens } = await authorize(server, { clientId: app.clientId, login: world.family.user.login, scope: 'openid diary:read' });
  const query = `query($id: ID!) { diary(studentId: $id, from: "2026-11-16", to: "2026-11-22") { date lessons { lesson { topic } marks { value } attendance { kind } } } }`;
  const variables = { id: toGlobalId('Student', world.student.student.id) };
  const firstParty = await server.token(world.family.user.id);
  // Warm both (prepared statements, the rate window of this minute).
  await server.gql(query, variables, firstParty);
  await appGql(server, tokens.access_token, query, variables);
  const own = await server.countStatements(() => server.gql(query, variables, firstParty));
  const viaApp = await server.countStatements(() => appGql(server, tokens.access_token, query, variables));
  expect(own.result.errors).toBeUndefined();
  expect(viaApp.result.body.errors).toBeUndefined();
  expect(viaApp.result.body.data).toEqual(own.result.data);
  // The token (oidc_model), the consent (and its last-use stamp, one statement), the rate window.
  expect(viaApp.statements - own.statements).toBeLessThanOrEqual(4);
  console.log(`diary week: first-party ${own.statements} statements, app token ${viaApp.statements}`);
});

it('lets a student grant an app their own diary only, and a teacher nothing', async () => {
  const app = await registerTestApp(server);
  const { tokens } = await authorize(server, { clientId: app.clientId, login: world.student.user!.login, scope: 'openid diary:read profile' });
  const me = await appGql(server, tokens.access_token, `{ me { roles student { id } } }`);
  expect(me.body.data.me).toEqual({ roles: ['STUDENT'], student: { id: toGlobalId('Student', world.student.student.id) } });
  const classmate = await appGql(server, tokens.access_token, `query($id: ID!) { student(id: $id) { fullName } }`, { id: toGlobalId('Student', world.classmate.student.id) });
  expect(classmate.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');

  // A teacher has no child to share: the consent page offers nothing to allow, and a forged POST is refused.
  await expect(authorize(server, { clientId: app.clientId, login: world.teacher.user.login })).rejects.toThrow(/no callback: 400/);
});
