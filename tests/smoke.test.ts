import { TestServer, errorCode } from './support/server';

let server: TestServer;
beforeAll(async () => { server = await TestServer.start(); });
afterAll(async () => { await server.stop(); });

it('answers health and refuses anonymous me', async () => {
  const res = await fetch(`${server.url}/health`);
  expect(res.status).toBe(200);
  const r = await server.gql('{ me { user { login } } }');
  expect(errorCode(r)).toBe('UNAUTHENTICATED');
});
