import { buildParent, buildWorld, type World } from '../support/factories';
import { TestServer } from '../support/server';
import { fromGlobalId, toGlobalId } from '../../schema/global-id';
import { pushJobId } from '../../server/push/push-service';
import { FakeBrowser, LoopbackPushService } from './loopback-push-service';
import { PREFERENCES, TEST_PUSH, ok, pushJobs, recordAbsence, recordMark, sleep, subscribe, until } from './support';

// Web Push from the outbox to a push service on loopback that checks the VAPID signature (ES256
// under the server's key, aud its origin) and decrypts every aes128gcm body with the browser's keys.

let server: TestServer;
let pushService: LoopbackPushService;
let w: World;
let publicKey = '';

const sql = <T = any>(query: string, params: unknown[] = []) => server.em().getConnection().execute<T[]>(query, params);
const markPosition = async (markGid: string) =>
  (await sql<{ position: string }>(`select position::text from diary_event where mark_id = ? order by position limit 1`, [fromGlobalId(markGid, 'Mark', 'id')]))[0].position;
const metric = async (name: string, labels = '') => {
  const text = await server.app.metrics.registry.metrics();
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line ? Number(line.split(' ')[1]) : 0;
};

beforeAll(async () => {
  pushService = new LoopbackPushService(() => publicKey);
  await pushService.start();
  server = await TestServer.start(undefined, { config: { push: TEST_PUSH }, pushAgent: pushService.agent });
  w = await buildWorld(server.em());
  publicKey = (await ok(server, `{ pushPublicKey }`, {}, w.parent.user.id)) as unknown as string;
});
afterAll(async () => {
  await server.stop();
  await pushService.stop();
});

it('the public key is the VAPID key kept in the database, the same for every instance', async () => {
  const r = await server.gql(`{ pushPublicKey }`, {}, await server.token(w.student.user!.id));
  expect(r.data?.pushPublicKey).toBe(publicKey);
  expect(Buffer.from(publicKey, 'base64url')).toHaveLength(65);
  const stored = await sql<{ value: string }>(`select value from app_setting where key = 'vapid_keys'`);
  expect(JSON.parse(stored[0].value).publicKey).toBe(publicKey);
  expect((await server.gql(`{ pushPublicKey }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});

it('a mark reaches the parent\'s browser: signed for the push service\'s origin, encrypted, minimal Russian text', async () => {
  const browser = pushService.browser('parent-mark');
  const subscriptionId = fromGlobalId(await subscribe(server, w.parent.user.id, browser), 'PushSubscription', 'id');
  const markId = await recordMark(server, w, w.student.student.id, '4');
  const [push] = await until(async () => pushService.to(browser).length > 0 && pushService.to(browser), 10_000, 'the push');
  expect(push.claims.aud).toBe(pushService.origin);
  expect(push.claims.sub).toBe(TEST_PUSH.subject);
  expect(push.ttl).toBe(String(24 * 3600));
  expect(push.payload).toMatchObject({ title: 'Новая отметка', body: `${w.student.student.firstName}: новая отметка (Математика)`, type: 'MARK_ADDED' });
  // Not the value: a lock screen is not the diary.
  expect(JSON.stringify(push.payload)).not.toContain('4"');
  const position = await markPosition(markId);
  const jobs = await pushJobs(server);
  expect(jobs.map((j) => j.id)).toContain(pushJobId(position, subscriptionId));
  await until(async () => (await sql(`select 1 from push_subscription where id = ? and last_delivered_at is not null`, [subscriptionId])).length > 0);
  expect(await metric('sj_push_deliveries_total')).toBeGreaterThanOrEqual(1);
  expect(pushService.refused).toEqual([]);
});

it('a revoked guardianship: nothing is queued for that parent, and a queued push is not sent (re-checked at send time)', async () => {
  const em = server.em();
  const parent = await buildParent(em, w.school, [w.classmate.student]);
  const browser = pushService.browser('revoked-parent');
  await subscribe(server, parent.user.id, browser);
  // Queued for later (quiet hours now), then revoked, then made due: the worker finds the right gone.
  await ok(server, PREFERENCES, { i: { quietHoursStart: '11:00', quietHoursEnd: '13:00', quietHoursMode: 'DEFER' } }, parent.user.id);
  await recordMark(server, w, w.classmate.student.id);
  const subscription = (await sql<{ id: string }>(`select id from push_subscription where user_id = ?`, [parent.user.id]))[0].id;
  const job = await until(async () => (await pushJobs(server)).find((j) => j.data.subscriptionId === subscription), 10_000, 'the job');
  expect(job.state).toBe('created');
  expect(new Date(job.start_after).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
  await sql(`update guardianship set revoked_at = now() where guardian_id = ?`, [parent.guardian.id]);
  const skippedBefore = await metric('sj_push_skipped_total', 'reason="revoked"');
  await sql(`update pgboss.job set start_after = now() where id = ?`, [job.id]);
  await until(async () => (await pushJobs(server)).find((j) => j.id === job.id && j.state === 'completed'), 10_000, 'the job to complete');
  expect(pushService.to(browser)).toEqual([]);
  expect(await metric('sj_push_skipped_total', 'reason="revoked"')).toBe(skippedBefore + 1);
  // And once revoked, the next mark is not even queued for them.
  const before = (await pushJobs(server)).filter((j) => j.data.subscriptionId === subscription).length;
  await recordMark(server, w, w.classmate.student.id, '3');
  await sleep(1_000);
  expect((await pushJobs(server)).filter((j) => j.data.subscriptionId === subscription)).toHaveLength(before);
  expect(pushService.to(browser)).toEqual([]);
});

it('a user signed out everywhere (no live session) is not pushed, queued or not', async () => {
  const em = server.em();
  const parent = await buildParent(em, w.school, [w.classmate.student]);
  const browser = pushService.browser('signed-out');
  await subscribe(server, parent.user.id, browser);
  await ok(server, PREFERENCES, { i: { quietHoursStart: '11:00', quietHoursEnd: '13:00' } }, parent.user.id);
  await recordMark(server, w, w.classmate.student.id);
  const subscription = (await sql<{ id: string }>(`select id from push_subscription where user_id = ?`, [parent.user.id]))[0].id;
  const job = await until(async () => (await pushJobs(server)).find((j) => j.data.subscriptionId === subscription), 10_000, 'the job');
  await sql(`update refresh_token set revoked_at = now() where user_id = ?`, [parent.user.id]);
  await sql(`update pgboss.job set start_after = now() where id = ?`, [job.id]);
  await until(async () => (await pushJobs(server)).find((j) => j.id === job.id && j.state === 'completed'), 10_000, 'the job to complete');
  await recordMark(server, w, w.classmate.student.id, '2');
  await sleep(1_000);
  expect((await pushJobs(server)).filter((j) => j.data.subscriptionId === subscription)).toHaveLength(1);
  expect(pushService.to(browser)).toEqual([]);
});

it('a lesson\'s homework reaches the pupil and the class teacher once each, not once per pupil of the class', async () => {
  const pupil = pushService.browser('pupil');
  const classTeacher = pushService.browser('class-teacher');
  await subscribe(server, w.student.user!.id, pupil);
  await subscribe(server, w.classTeacher.user.id, classTeacher);
  await ok(server, `mutation($i: SetLessonRecordInput!) { setLessonRecord(input: $i) { id } }`,
    { i: { lessonId: toGlobalId('Lesson', w.lesson.id), topic: 'Дроби', homework: '№ 12' } }, w.teacher.user.id);
  // One event per pupil of 5А (at least two here): the class teacher watches them all.
  expect((await sql(`select 1 from diary_event where lesson_id = ? and type = 'LESSON_RECORD_SET'`, [w.lesson.id])).length).toBeGreaterThan(1);
  await until(async () => pushService.to(pupil).length > 0 && pushService.to(classTeacher).length > 0, 10_000, 'both pushes');
  await sleep(1_000);
  expect(pushService.to(pupil).map((p) => p.payload)).toEqual([expect.objectContaining({ type: 'LESSON_RECORD_SET', title: 'Тема и домашнее задание' })]);
  expect(pushService.to(classTeacher)).toHaveLength(1);
  // The text names no topic or homework.
  expect(JSON.stringify(pushService.to(pupil)[0].payload)).not.toMatch(/Дроби|№ 12/);
});

it('type preferences: only the chosen event types notify', async () => {
  const em = server.em();
  const parent = await buildParent(em, w.school, [w.student.student]);
  const browser = pushService.browser('absences-only');
  await subscribe(server, parent.user.id, browser);
  const prefs = await ok(server, PREFERENCES, { i: { eventTypes: ['ABSENCE_RECORDED'] } }, parent.user.id);
  expect(prefs).toMatchObject({ eventTypes: ['ABSENCE_RECORDED'], quietHoursStart: null, quietHoursMode: 'DEFER' });
  await recordMark(server, w, w.student.student.id);
  await recordAbsence(server, w, w.student.student.id);
  const [push] = await until(async () => pushService.to(browser).length > 0 && pushService.to(browser), 10_000, 'the absence push');
  expect(push.payload.type).toBe('ABSENCE_RECORDED');
  await sleep(1_000);
  expect(pushService.to(browser).map((p) => p.payload.type)).toEqual(['ABSENCE_RECORDED']);
});

it('quiet hours in the school\'s time zone: DROP sends nothing, DEFER waits until they end', async () => {
  const em = server.em();
  // The test clock is 12:00 in Moscow (the school's zone).
  const dropper = await buildParent(em, w.school, [w.student.student]);
  const deferrer = await buildParent(em, w.school, [w.student.student]);
  const outside = await buildParent(em, w.school, [w.student.student]);
  const [dropBrowser, deferBrowser, outsideBrowser] = [pushService.browser('quiet-drop'), pushService.browser('quiet-defer'), pushService.browser('quiet-outside')];
  await subscribe(server, dropper.user.id, dropBrowser);
  await subscribe(server, deferrer.user.id, deferBrowser);
  await subscribe(server, outside.user.id, outsideBrowser);
  await ok(server, PREFERENCES, { i: { quietHoursStart: '11:30', quietHoursEnd: '12:30', quietHoursMode: 'DROP' } }, dropper.user.id);
  await ok(server, PREFERENCES, { i: { quietHoursStart: '11:30', quietHoursEnd: '12:30', quietHoursMode: 'DEFER' } }, deferrer.user.id);
  // 12:00 in Moscow is 10:00 in London: outside 11:30–12:30 there.
  await ok(server, PREFERENCES, { i: { quietHoursStart: '11:30', quietHoursEnd: '12:30', timeZone: 'Europe/London' } }, outside.user.id);
  await recordMark(server, w, w.student.student.id);
  await until(async () => pushService.to(outsideBrowser).length > 0, 10_000, 'the push outside quiet hours');
  const deferSub = (await sql<{ id: string }>(`select id from push_subscription where user_id = ?`, [deferrer.user.id]))[0].id;
  const dropSub = (await sql<{ id: string }>(`select id from push_subscription where user_id = ?`, [dropper.user.id]))[0].id;
  const jobs = await pushJobs(server);
  const deferred = jobs.find((j) => j.data.subscriptionId === deferSub)!;
  // Until 12:30 Moscow: 30 minutes from the test clock's 12:00 (counted on the database's clock).
  const wait = new Date(deferred.start_after).getTime() - Date.now();
  expect(wait).toBeGreaterThan(28 * 60_000);
  expect(wait).toBeLessThan(31 * 60_000);
  expect(jobs.some((j) => j.data.subscriptionId === dropSub)).toBe(false);
  await sleep(800);
  expect(pushService.to(dropBrowser)).toEqual([]);
  expect(pushService.to(deferBrowser)).toEqual([]);
});

it('a 410 from the push service drops the subscription; nothing is retried', async () => {
  const em = server.em();
  const parent = await buildParent(em, w.school, [w.otherStudent.student]);
  const browser = pushService.browser('gone');
  pushService.answer(browser, 410);
  const id = fromGlobalId(await subscribe(server, parent.user.id, browser), 'PushSubscription', 'id');
  const goneBefore = await metric('sj_push_failures_total', 'reason="gone"');
  await ok(server, `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id } }`, {
    i: { lessonId: toGlobalId('Lesson', w.lesson5b.id), studentId: toGlobalId('Student', w.otherStudent.student.id), value: '5', workTypeCode: 'ORAL' },
  }, w.teacher.user.id);
  await until(async () => (await sql(`select 1 from push_subscription where id = ?`, [id])).length === 0, 10_000, 'the subscription to go');
  expect(pushService.to(browser)).toHaveLength(1);
  expect(await metric('sj_push_failures_total', 'reason="gone"')).toBe(goneBefore + 1);
  const list = await ok(server, `{ pushSubscriptions { id } }`, {}, parent.user.id);
  expect(list).toEqual([]);
});

it('a 500 is retried with backoff, then delivered once', async () => {
  const em = server.em();
  const parent = await buildParent(em, w.school, [w.student.student]);
  const browser = pushService.browser('flaky');
  pushService.answer(browser, 500);
  const id = fromGlobalId(await subscribe(server, parent.user.id, browser), 'PushSubscription', 'id');
  await recordMark(server, w, w.student.student.id);
  await until(async () => pushService.to(browser).some((p) => p.status === 201), 15_000, 'the retried push');
  expect(pushService.to(browser).map((p) => p.status)).toEqual([500, 201]);
  // pg-boss marks the job completed just after the send answered 201.
  await until(async () => (await pushJobs(server)).find((j) => j.data.subscriptionId === id)?.state === 'completed', 10_000, 'the job to complete');
  const job = (await pushJobs(server)).find((j) => j.data.subscriptionId === id)!;
  expect(job).toMatchObject({ state: 'completed', retry_count: 1 });
  expect(await metric('sj_push_failures_total', 'reason="retry"')).toBeGreaterThanOrEqual(1);
  await sleep(500);
  expect(pushService.to(browser)).toHaveLength(2);
});

it('the loopback push service is a real check: another key, a forged signature, a wrong audience, a body for other keys are refused', async () => {
  const webpush = (await import('web-push')).default;
  const browser = pushService.browser('checker');
  const ours = JSON.parse((await sql<{ value: string }>(`select value from app_setting where key = 'vapid_keys'`))[0].value);
  const other = webpush.generateVAPIDKeys();
  const send = (vapid: { publicKey: string; privateKey: string } | null, headers: Record<string, string> = {}, keys = browser.subscription) =>
    webpush.sendNotification({ endpoint: browser.endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } }, '{"x":1}', {
      ...(vapid ? { vapidDetails: { subject: TEST_PUSH.subject, ...vapid } } : {}), agent: pushService.agent, headers,
    }).then(() => 201, (e: { statusCode?: number }) => e.statusCode);
  const reason = () => pushService.refused.at(-1)?.reason;
  expect(await send(other)).toBe(401);
  expect(reason()).toMatch(/k is not/);
  // Signed with another key while naming ours: the signature does not verify.
  const forged = webpush.getVapidHeaders(pushService.origin, TEST_PUSH.subject, other.publicKey, other.privateKey, 'aes128gcm');
  expect(await send(null, { Authorization: forged.Authorization.replace(/k=.*$/, `k=${publicKey}`) })).toBe(403);
  expect(reason()).toMatch(/^jwt: signature/);
  // Our key, but for another push service's origin.
  const elsewhere = webpush.getVapidHeaders('https://push.example.org', TEST_PUSH.subject, ours.publicKey, ours.privateKey, 'aes128gcm');
  expect(await send(null, { Authorization: elsewhere.Authorization })).toBe(403);
  expect(reason()).toMatch(/^jwt: .*aud/);
  // Our key and audience, but encrypted to another browser's keys: it does not decrypt.
  expect(await send(ours, {}, new FakeBrowser('https://x.invalid/').subscription)).toBe(400);
  expect(reason()).toMatch(/^body/);
  expect(pushService.to(browser)).toEqual([]);
  // And a correct one passes.
  expect(await send(ours)).toBe(201);
  expect(pushService.to(browser).map((p) => p.payload)).toEqual([{ x: 1 }]);
});

it('a message reaches its recipient\'s browser (an event addressed to one user), and nobody else\'s', async () => {
  const teacherBrowser = pushService.browser('class-teacher-inbox');
  await subscribe(server, w.classTeacher.user.id, teacherBrowser);
  const bystander = pushService.browser('other-parent-inbox');
  await subscribe(server, w.otherParent.user.id, bystander);
  const start = await server.gql(
    `mutation($i: StartConversationInput!) { startConversation(input: $i) { id } }`,
    { i: { studentId: toGlobalId('Student', w.student.student.id), participantIds: [toGlobalId('User', w.classTeacher.user.id)], subject: 'Справка', body: 'Принесём справку в понедельник' } },
    await server.token(w.parent.user.id),
  );
  expect(start.errors).toBeUndefined();
  const [push] = await until(async () => pushService.to(teacherBrowser).length > 0 && pushService.to(teacherBrowser), 10_000, 'the message push');
  expect(push.payload).toMatchObject({ title: 'Новое сообщение', body: `${w.student.student.firstName}: новое сообщение`, type: 'MESSAGE_RECEIVED' });
  // What was written stays in the app, behind the sign-in.
  expect(JSON.stringify(push.payload)).not.toContain('справк');
  await sleep(500);
  expect(pushService.to(bystander).filter((p) => p.payload.type === 'MESSAGE_RECEIVED')).toEqual([]);
});
