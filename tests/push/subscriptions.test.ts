import { buildWorld, type World } from '../support/factories';
import { TestServer, errorCode } from '../support/server';
import { toGlobalId } from '../../schema/global-id';
import { PUSH_LIMITS } from '../../domain/push/push-subscriptions.service';
import { FakeBrowser } from './loopback-push-service';
import { PREFERENCES, REGISTER, ok } from './support';

// Registering, listing and removing one's own push subscriptions, and what is refused: another
// account's subscription is NOT_FOUND like a missing one; endpoints and keys are checked.

let server: TestServer;
let w: World;
const sql = <T = any>(query: string, params: unknown[] = []) => server.em().getConnection().execute<T[]>(query, params);
const LIST = `{ pushSubscriptions { id endpoint userAgent } }`;
const REMOVE = `mutation($id: ID!) { removePushSubscription(id: $id) }`;

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
});
afterAll(async () => { await server.stop(); });

const browser = (name: string) => new FakeBrowser(`https://push.example.org/send/${name}`);

it('each user sees and removes only their own; another\'s id answers NOT_FOUND and changes nothing', async () => {
  const mine = await ok(server, REGISTER, { i: { ...browser('parent-phone').subscription, userAgent: 'Firefox 140' } }, w.parent.user.id);
  const theirs = await ok(server, REGISTER, { i: browser('other-parent').subscription }, w.otherParent.user.id);
  expect(await ok(server, LIST, {}, w.parent.user.id)).toEqual([{ id: mine.id, endpoint: 'https://push.example.org/send/parent-phone', userAgent: 'Firefox 140' }]);
  expect((await ok(server, LIST, {}, w.otherParent.user.id)).map((s: any) => s.id)).toEqual([theirs.id]);

  const stolen = await server.gql(REMOVE, { id: theirs.id }, await server.token(w.parent.user.id));
  expect(errorCode(stolen)).toBe('NOT_FOUND');
  const missing = await server.gql(REMOVE, { id: toGlobalId('PushSubscription', '00000000-0000-4000-8000-000000000000') }, await server.token(w.parent.user.id));
  expect(missing.errors?.[0]).toMatchObject({ message: stolen.errors?.[0]?.message, extensions: { code: 'NOT_FOUND' } });
  expect(await sql(`select 1 from push_subscription where user_id = ?`, [w.otherParent.user.id])).toHaveLength(1);
  // An id of another type is a bad id, not a lookup.
  expect(errorCode(await server.gql(REMOVE, { id: toGlobalId('Student', w.student.student.id) }, await server.token(w.parent.user.id)))).toBe('BAD_USER_INPUT');

  expect((await server.gql(REMOVE, { id: mine.id }, await server.token(w.parent.user.id))).data?.removePushSubscription).toBe(mine.id);
  expect(await ok(server, LIST, {}, w.parent.user.id)).toEqual([]);
  expect(errorCode(await server.gql(LIST))).toBe('UNAUTHENTICATED');
});

it('an endpoint registered again moves to the account that registered it last (one browser, one account)', async () => {
  const shared = browser('family-tablet');
  const a = await ok(server, REGISTER, { i: shared.subscription }, w.parent.user.id);
  const b = await ok(server, REGISTER, { i: shared.subscription }, w.student.user!.id);
  expect(b.id).toBe(a.id);
  expect(await ok(server, LIST, {}, w.parent.user.id)).toEqual([]);
  expect((await ok(server, LIST, {}, w.student.user!.id)).map((s: any) => s.id)).toEqual([a.id]);
  await sql(`delete from push_subscription`);
});

it('refuses endpoints that are not https URLs, bad keys, huge inputs and more than the cap per account', async () => {
  const good = browser('checks').subscription;
  const token = await server.token(w.parent.user.id);
  const refused = async (i: Record<string, unknown>) => errorCode(await server.gql(REGISTER, { i: { ...good, ...i } }, token));
  expect(await refused({ endpoint: 'http://push.example.org/x' })).toBe('BAD_USER_INPUT');
  expect(await refused({ endpoint: 'not a url' })).toBe('BAD_USER_INPUT');
  expect(await refused({ endpoint: 'https://user:pw@push.example.org/x' })).toBe('BAD_USER_INPUT');
  expect(await refused({ endpoint: `https://push.example.org/${'x'.repeat(PUSH_LIMITS.endpointMaxLength)}` })).toBe('BAD_USER_INPUT');
  expect(await refused({ p256dh: Buffer.alloc(65, 4).toString('base64url').slice(0, 40) })).toBe('BAD_USER_INPUT');
  expect(await refused({ p256dh: Buffer.alloc(65, 3).toString('base64url') })).toBe('BAD_USER_INPUT');
  expect(await refused({ auth: Buffer.alloc(15).toString('base64url') })).toBe('BAD_USER_INPUT');
  expect(await refused({ auth: 'a'.repeat(100_000) })).toBe('BAD_USER_INPUT');
  expect(await sql(`select 1 from push_subscription where user_id = ?`, [w.parent.user.id])).toHaveLength(0);

  for (let i = 0; i < PUSH_LIMITS.subscriptionsPerUser; i += 1) await ok(server, REGISTER, { i: browser(`cap-${i}`).subscription }, w.parent.user.id);
  expect(await refused(browser('one-too-many').subscription)).toBe('BAD_USER_INPUT');
  // Renewing one already registered is not one more.
  await ok(server, REGISTER, { i: browser('cap-0').subscription }, w.parent.user.id);
  expect(await sql(`select 1 from push_subscription where user_id = ?`, [w.parent.user.id])).toHaveLength(PUSH_LIMITS.subscriptionsPerUser);
  await sql(`delete from push_subscription`);
});

it('preferences: read back as set, checked, and the user\'s own', async () => {
  const token = await server.token(w.parent.user.id);
  const defaults = await ok(server, `{ pushPreferences { eventTypes quietHoursStart quietHoursEnd quietHoursMode timeZone } }`, {}, w.parent.user.id);
  expect(defaults).toEqual({ eventTypes: null, quietHoursStart: null, quietHoursEnd: null, quietHoursMode: 'DEFER', timeZone: null });
  const set = await ok(server, PREFERENCES, {
    i: { eventTypes: ['MARK_ADDED', 'MARK_ADDED', 'ABSENCE_RECORDED'], quietHoursStart: '22:00', quietHoursEnd: '07:30', quietHoursMode: 'DROP', timeZone: 'Asia/Yekaterinburg' },
  }, w.parent.user.id);
  expect(set).toEqual({ eventTypes: ['MARK_ADDED', 'ABSENCE_RECORDED'], quietHoursStart: '22:00', quietHoursEnd: '07:30', quietHoursMode: 'DROP', timeZone: 'Asia/Yekaterinburg' });
  const bad = async (i: Record<string, unknown>) => errorCode(await server.gql(PREFERENCES, { i }, token));
  expect(await bad({ quietHoursStart: '22:00' })).toBe('BAD_USER_INPUT');
  expect(await bad({ quietHoursStart: '25:00', quietHoursEnd: '07:00' })).toBe('BAD_USER_INPUT');
  expect(await bad({ quietHoursStart: '07:00', quietHoursEnd: '07:00' })).toBe('BAD_USER_INPUT');
  expect(await bad({ timeZone: 'Mars/Olympus' })).toBe('BAD_USER_INPUT');
  expect(await bad({ eventTypes: ['NOT_A_TYPE'] })).toBe('BAD_USER_INPUT');
  // Refused changes left the preferences as they were; another user's are their own.
  expect((await ok(server, `{ pushPreferences { quietHoursStart } }`, {}, w.parent.user.id)).quietHoursStart).toBe('22:00');
  expect((await ok(server, `{ pushPreferences { quietHoursStart } }`, {}, w.otherParent.user.id)).quietHoursStart).toBeNull();
});

it('in production an endpoint on this machine or a private network is refused (the server would POST to it)', async () => {
  const production = await TestServer.alongside(server, { production: true });
  try {
    const token = await production.token(w.parent.user.id);
    for (const endpoint of ['https://127.0.0.1:8443/x', 'https://localhost/x', 'https://10.1.2.3/x', 'https://192.168.0.5/x', 'https://[::1]/x', 'https://169.254.169.254/x']) {
      const r = await production.gql(REGISTER, { i: { ...browser('p').subscription, endpoint } }, token);
      expect([endpoint, errorCode(r)]).toEqual([endpoint, 'BAD_USER_INPUT']);
    }
    const r = await production.gql(REGISTER, { i: browser('public').subscription }, token);
    expect(r.errors).toBeUndefined();
  } finally {
    await production.stop();
  }
});
