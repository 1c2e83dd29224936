import { toGlobalId } from '../../schema/global-id';
import type { PushConfig } from '../../server/config';
import type { World } from '../support/factories';
import type { TestServer } from '../support/server';
import type { FakeBrowser } from './loopback-push-service';

/** Push on, polling fast, retrying after about a second. */
export const TEST_PUSH: PushConfig = {
  deliver: true, subject: 'mailto:push-test@school-journal.invalid', pollIntervalMs: 100, retryLimit: 3, retryDelaySeconds: 1,
};

export const REGISTER = `mutation($i: RegisterPushSubscriptionInput!) { registerPushSubscription(input: $i) { id endpoint createdAt lastDeliveredAt } }`;
export const PREFERENCES = `mutation($i: PushPreferencesInput!) { setPushPreferences(input: $i) { eventTypes quietHoursStart quietHoursEnd quietHoursMode timeZone } }`;
const RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id value } }`;
const RECORD_ATTENDANCE = `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id kind } }`;

export async function ok(server: TestServer, query: string, variables: Record<string, unknown>, userId: string): Promise<Record<string, any>> {
  const r = await server.gql(query, variables, await server.token(userId));
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return Object.values(r.data!)[0] as Record<string, any>;
}

/** Registers the browser for the user; answers the subscription's global id. */
export async function subscribe(server: TestServer, userId: string, browser: FakeBrowser): Promise<string> {
  return (await ok(server, REGISTER, { i: browser.subscription }, userId)).id;
}

/** A mark by the world's math teacher in its 5А lesson of today; answers the mark's id. */
export async function recordMark(server: TestServer, w: World, studentId: string, value = '5'): Promise<string> {
  const mark = await ok(server, RECORD_MARK, {
    i: { lessonId: toGlobalId('Lesson', w.lesson.id), studentId: toGlobalId('Student', studentId), value, workTypeCode: 'ORAL' },
  }, w.teacher.user.id);
  return mark.id;
}

export async function recordAbsence(server: TestServer, w: World, studentId: string): Promise<void> {
  await ok(server, RECORD_ATTENDANCE, {
    i: { lessonId: toGlobalId('Lesson', w.lesson.id), studentId: toGlobalId('Student', studentId), kind: 'ABSENT' },
  }, w.teacher.user.id);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** The push jobs in pg-boss's table (any state). */
export async function pushJobs(server: TestServer): Promise<{ id: string; state: string; retry_count: number; start_after: Date; data: any }[]> {
  return server.em().getConnection().execute(`select id::text, state::text, retry_count, start_after, data from pgboss.job where name = 'web-push' order by created_on, id`);
}
