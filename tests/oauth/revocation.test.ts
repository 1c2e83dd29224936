import { TestServer } from '../support/server';
import { DIARY_EVENTS, LiveClient, settle, waitFor } from '../support/live-client';
import { toGlobalId } from '../../schema/global-id';
import { appGql, authorize, buildFamilyWorld, registerTestApp } from './support';

let server: TestServer;
let world: Awaited<ReturnType<typeof buildFamilyWorld>>;
beforeAll(async () => {
  server = await TestServer.start();
  world = await buildFamilyWorld(server.em());
});
afterAll(async () => { await server.stop(); });

const gid = toGlobalId;
async function asTeacher(userId: string, query: string, variables: Record<string, unknown>) {
  const res = await server.gql(query, variables, await server.token(userId));
  expect(res.errors).toBeUndefined();
  return res.data!;
}

it('streams the consented child\'s events only; a revocation stops the tokens at once and closes the socket with 4403', async () => {
  const app = await registerTestApp(server);
  const { tokens, client, config } = await authorize(server, {
    clientId: app.clientId, login: world.family.user.login,
    pickChildren: (offered) => offered.filter((c) => c.label.startsWith('Аверин')).map((c) => c.value),
  });
  const socket = new LiveClient(server.wsUrl, tokens.access_token);
  await socket.ready();
  expect(socket.closeCode).toBeNull();
  const stream = socket.subscribe(DIARY_EVENTS);
  // The other child by name: NOT_FOUND, like a stranger.
  const other = socket.subscribe(DIARY_EVENTS, { studentId: gid('Student', world.firstGrader.student.id) });
  await waitFor(() => other.errors.length > 0, 5_000, 'the refusal of the other child');
  expect((other.errors[0] as any)[0]?.extensions?.code ?? (other.errors[0] as any).extensions?.code).toBe('NOT_FOUND');
  await settle(300);

  await asTeacher(world.teacher.user.id, `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id } }`, {
    i: { lessonId: gid('Lesson', world.lesson.id), studentId: gid('Student', world.student.student.id), value: '5', workTypeCode: 'ORAL' },
  });
  await asTeacher(world.primaryTeacher.user.id, `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id } }`, {
    i: { lessonId: gid('Lesson', world.lesson1a.id), studentId: gid('Student', world.firstGrader.student.id), kind: 'ABSENT' },
  });
  await waitFor(() => stream.events.length >= 1, 5_000, 'the consented child\'s mark');
  await settle(500);
  expect(stream.events.map((e) => e.student.id)).toEqual([gid('Student', world.student.student.id)]);

  // The parent sees the app in their list, with its children and scopes, and revokes it.
  const parentToken = await server.token(world.family.user.id);
  const listed = await server.gql(`{ myApps { id clientId name scopes children { id } lastUsedAt } }`, {}, parentToken);
  expect(listed.data?.myApps).toEqual([expect.objectContaining({
    clientId: app.clientId, name: 'Дневник+', children: [{ id: gid('Student', world.student.student.id) }],
    scopes: expect.arrayContaining(['diary:read', 'events:read']), lastUsedAt: expect.any(String),
  })]);
  const revoked = await server.gql(`mutation($id: String!) { revokeApp(id: $id) }`, { id: listed.data!.myApps[0].id }, parentToken);
  expect(revoked.data?.revokeApp).toBe(true);

  await waitFor(() => socket.closeCode !== null, 5_000, 'the socket to close');
  expect(socket.closeCode).toBe(4403);
  expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(false);
  const after = await appGql(server, tokens.access_token, `{ me { children { id } } }`);
  expect(after.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
  // A new socket with the revoked token is refused.
  const again = new LiveClient(server.wsUrl, tokens.access_token);
  await again.ready();
  await waitFor(() => again.closeCode !== null, 5_000, 'the refusal');
  expect(again.closeCode).toBe(4403);
  // Nobody else can revoke it (again): NOT_FOUND.
  const twice = await server.gql(`mutation($id: String!) { revokeApp(id: $id) }`, { id: listed.data!.myApps[0].id }, parentToken);
  expect(twice.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  expect((await server.gql(`{ myApps { id } }`, {}, parentToken)).data?.myApps).toEqual([]);
});

it('lets a parent revoke only their own grants', async () => {
  const app = await registerTestApp(server);
  const { tokens } = await authorize(server, { clientId: app.clientId, login: world.family.user.login });
  const [grant] = await server.em().getConnection().execute<{ grant_id: string }[]>(
    `select grant_id from oauth_consent where client_id = ? and revoked_at is null`, [app.clientId]);
  const stranger = await server.gql(`mutation($id: String!) { revokeApp(id: $id) }`, { id: grant.grant_id }, await server.token(world.otherParent.user.id));
  expect(stranger.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const teacher = await server.gql(`mutation($id: String!) { revokeApp(id: $id) }`, { id: grant.grant_id }, await server.token(world.teacher.user.id));
  expect(teacher.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect((await appGql(server, tokens.access_token, `{ me { children { id } } }`)).body.data.me.children).toHaveLength(2);
});

it('introspects: active with the scopes for a live token; an app introspects only its own tokens', async () => {
  const app = await registerTestApp(server);
  const otherApp = await registerTestApp(server);
  const { tokens, client, config } = await authorize(server, { clientId: app.clientId, login: world.family.user.login, scope: 'openid diary:read' });
  const info = await client.tokenIntrospection(config, tokens.access_token);
  expect(info).toMatchObject({ active: true, client_id: app.clientId, scope: 'diary:read', sub: world.family.user.id });
  const foreign = await fetch(`${server.app.oauth.issuer}/token/introspection`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: tokens.access_token, client_id: otherApp.clientId }),
  });
  expect(((await foreign.json()) as { active: boolean }).active).toBe(false);
  // Revocation by the app itself (RFC 7009).
  await client.tokenRevocation(config, tokens.access_token);
  expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(false);
  expect((await appGql(server, tokens.access_token, `{ me { user { login } } }`)).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});

it('never shares an event\'s answer between a first-party socket and an app\'s narrower scopes', async () => {
  const app = await registerTestApp(server);
  const { tokens } = await authorize(server, { clientId: app.clientId, login: world.family.user.login, scope: 'openid events:read' });
  const document = `subscription { diaryEvents { type student { id classGroup { name } } mark { value } } }`;
  const own = new LiveClient(server.wsUrl, await server.token(world.family.user.id));
  const viaApp = new LiveClient(server.wsUrl, tokens.access_token);
  await Promise.all([own.ready(), viaApp.ready()]);
  const ownStream = own.subscribe(document);
  const appStream = viaApp.subscribe(document);
  await settle(300);
  await asTeacher(world.teacher.user.id, `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id } }`, {
    i: { lessonId: gid('Lesson', world.lesson.id), studentId: gid('Student', world.student.student.id), value: '4', workTypeCode: 'ORAL' },
  });
  await waitFor(() => ownStream.events.length >= 1 && (appStream.events.length + appStream.errors.length) >= 1, 5_000, 'both streams');
  expect(ownStream.events[0].student.classGroup.name).toBeTruthy();
  // events:read does not reach a student's class: the app's answer has it refused, not the parent's answer copied.
  expect(JSON.stringify(appStream.errors)).toContain('FORBIDDEN');
  expect(appStream.events[0]?.student?.classGroup ?? null).toBeNull();
  await own.close();
  await viaApp.close();
});

it('refuses an expired access token (expiry judged on the database clock, as oidc-provider judges it)', async () => {
  const app = await registerTestApp(server);
  const { tokens } = await authorize(server, { clientId: app.clientId, login: world.family.user.login, scope: 'openid diary:read' });
  expect((await appGql(server, tokens.access_token, `{ me { roles } }`)).body.errors).toBeUndefined();
  await server.em().getConnection().execute(
    `update oidc_model set expires_at = now() - interval '1 second' where model = 'AccessToken' and payload->>'clientId' = ?`, [app.clientId]);
  expect((await appGql(server, tokens.access_token, `{ me { roles } }`)).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  const socket = new LiveClient(server.wsUrl, tokens.access_token);
  await socket.ready();
  await waitFor(() => socket.closeCode !== null, 5_000, 'the refusal');
  expect(socket.closeCode).toBe(4403);
});
