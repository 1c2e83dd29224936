import { buildParent, buildWorld, type World } from '../support/factories';
import { TestServer } from '../support/server';
import { fromGlobalId } from '../../schema/global-id';
import { PUSH_CURSOR_KEY, pushJobId } from '../../server/push/push-service';
import { LoopbackPushService } from './loopback-push-service';
import { TEST_PUSH, ok, pushJobs, recordMark, sleep, subscribe, until } from './support';

// The queue is durable: what was committed while no instance delivered is pushed after a restart,
// each (event, subscription) once, whatever instance takes the cursor, and queuing a batch again
// (a crash after the insert, before the cursor moved) inserts nothing new: the job ids are the same.

let pushService: LoopbackPushService;
let publicKey = '';
const servers: TestServer[] = [];

beforeAll(async () => {
  pushService = new LoopbackPushService(() => publicKey);
  await pushService.start();
});
afterAll(async () => {
  for (const s of servers.reverse()) await s.stop();
  await pushService.stop();
});

it('a restart loses nothing and sends nothing twice; two instances share the work', async () => {
  const first = await TestServer.start(undefined, { config: { push: TEST_PUSH }, pushAgent: pushService.agent });
  servers.push(first);
  const w: World = await buildWorld(first.em());
  const sql = <T = any>(query: string, params: unknown[] = []) => first.em().getConnection().execute<T[]>(query, params);
  publicKey = (await ok(first, `{ pushPublicKey }`, {}, w.parent.user.id)) as unknown as string;
  const parent = await buildParent(first.em(), w.school, [w.student.student]);
  const browser = pushService.browser('durable');
  const subscriptionId = fromGlobalId(await subscribe(first, parent.user.id, browser), 'PushSubscription', 'id');

  // No instance delivers: the marks wait in the outbox.
  await first.app.push!.stop();
  const marks = [];
  for (const value of ['5', '4', '3']) marks.push(await recordMark(first, w, w.student.student.id, value));
  await sleep(500);
  expect(pushService.to(browser)).toEqual([]);

  // Two fresh instances on the same database: the one that takes the cursor queues, both send.
  const second = await TestServer.alongside(first, { config: { push: TEST_PUSH }, pushAgent: pushService.agent });
  servers.push(second);
  const third = await TestServer.alongside(first, { config: { push: TEST_PUSH }, pushAgent: pushService.agent });
  servers.push(third);
  // Both instances share the database's VAPID key.
  expect(second.app.services.push!.publicKey).toBe(publicKey);
  expect(third.app.services.push!.publicKey).toBe(publicKey);
  await until(async () => pushService.to(browser).length >= 3, 15_000, 'three pushes');
  await sleep(1_000);
  expect(pushService.to(browser)).toHaveLength(3);

  const positions = await sql<{ position: string }>(
    `select position::text from diary_event where mark_id = any(?::uuid[]) and type = 'MARK_ADDED' order by position`,
    [`{${marks.map((m) => fromGlobalId(m, 'Mark', 'id')).join(',')}}`],
  );
  const expectedIds = positions.map((p) => pushJobId(p.position, subscriptionId)).sort();
  const jobsOf = async () => (await pushJobs(first)).filter((j) => j.data.subscriptionId === subscriptionId);
  expect((await jobsOf()).map((j) => j.id).sort()).toEqual(expectedIds);

  // The cursor goes back (as if a batch were read again after a crash): the same ids, nothing new, nothing sent again.
  await sql(`update app_setting set value = ? where key = ?`, [String(BigInt(positions[0].position) - 1n), PUSH_CURSOR_KEY]);
  await second.app.push!.consumeNow();
  await third.app.push!.consumeNow();
  const cursor = await sql<{ value: string }>(`select value from app_setting where key = ?`, [PUSH_CURSOR_KEY]);
  expect(BigInt(cursor[0].value)).toBeGreaterThanOrEqual(BigInt(positions[2].position));
  expect((await jobsOf()).map((j) => j.id).sort()).toEqual(expectedIds);
  await sleep(1_000);
  expect(pushService.to(browser)).toHaveLength(3);
  expect(pushService.to(browser).map((p) => p.payload.position).sort()).toEqual(positions.map((p) => p.position).sort());

  // The outbox prune keeps what the push consumer has not read: its row among the instances.
  const floor = await sql<{ last_position: string }>(`select last_position::text from diary_hub_instance where id = '00000000-0000-4000-8000-0000000b0005'`);
  expect(BigInt(floor[0].last_position)).toBeGreaterThanOrEqual(BigInt(positions[2].position));
});
