import { TestServer } from '../support/server';
import { DEFAULT_RETENTION, pruneExpired } from '../../domain/ops/retention';

let server: TestServer;
beforeAll(async () => { server = await TestServer.start(); });
afterAll(async () => { await server.stop(); });

it('prunes the authorization server\'s expired state and old rate windows, and nothing live', async () => {
  const db = server.em().getConnection();
  await db.execute(`insert into oidc_model (model, id, payload, expires_at) values
    ('AccessToken', 'expired', '{}', now() - interval '1 second'), ('AccessToken', 'live', '{}', now() + interval '1 hour'),
    ('Grant', 'forever', '{}', null)`);
  await db.execute(`insert into oauth_rate_window (client_id, window_start, requests) values
    ('app_x', date_trunc('minute', now()) - interval '2 hours', 5), ('app_x', date_trunc('minute', now()), 1)`);
  const report = await pruneExpired(server.em(), server.clock.now(), { ...DEFAULT_RETENTION, idempotencyTtlHours: 24 });
  expect(report.oauthState.deleted).toBe(2);
  expect((await db.execute<{ id: string }[]>(`select id from oidc_model order by id`)).map((r) => r.id)).toEqual(['forever', 'live']);
  expect(await db.execute(`select requests from oauth_rate_window`)).toEqual([{ requests: 1 }]);
});
