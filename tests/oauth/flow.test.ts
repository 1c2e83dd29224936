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
