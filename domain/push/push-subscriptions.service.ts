import { isIP } from 'node:net';
import { DiaryEventType, PushPreference, PushSubscription, User } from '../../entities';
import { AppError, ErrorCode, badInput, notFound } from '../../lib/errors';
import type { RequestScope } from '../request-scope';
import { writeTransaction } from '../write';
import { isTimeZone, parseClockTime } from './quiet-hours';

/** Limits of what a browser may register (issue 15 part 5). */
export const PUSH_LIMITS = {
  endpointMaxLength: 1024,
  /** Browsers (devices) per account; one more is refused until one is removed. */
  subscriptionsPerUser: 10,
} as const;

export interface PushSubscriptionInput {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushRegistrationRules {
  /** In production an endpoint must not name this machine or a private network (the server POSTs to it). */
  production: boolean;
}

function base64urlBytes(value: string, field: string, length: number): string {
  if (typeof value !== 'string' || value.length > 200 || !/^[A-Za-z0-9_-]+={0,2}$/.test(value)) {
    throw badInput(field, `"${field}" must be base64url.`);
  }
  const trimmed = value.replace(/=+$/, '');
  const bytes = Buffer.from(trimmed, 'base64url');
  if (bytes.length !== length) throw badInput(field, `"${field}" must be ${length} bytes.`);
  if (field === 'p256dh' && bytes[0] !== 0x04) throw badInput(field, '"p256dh" must be an uncompressed P-256 point.');
  return trimmed;
}

/** Loopback, private, link-local, unique-local or unspecified addresses, and names of this machine. */
function namesInternalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  const family = isIP(host);
  if (family === 4) {
    const [a, b] = host.split('.').map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (family === 6) {
    return host === '::' || host === '::1' || host.startsWith('fc') || host.startsWith('fd') || host.startsWith('fe80') || host.startsWith('::ffff:');
  }
  return false;
}

/** Checks a subscription as the browser's PushManager gives it (endpoint, keys.p256dh, keys.auth). */
export function validatePushSubscription(input: PushSubscriptionInput, rules: PushRegistrationRules): PushSubscriptionInput {
  const { endpoint } = input;
  if (typeof endpoint !== 'string' || endpoint.length > PUSH_LIMITS.endpointMaxLength) {
    throw badInput('endpoint', `"endpoint" must be a URL of at most ${PUSH_LIMITS.endpointMaxLength} characters.`);
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw badInput('endpoint', '"endpoint" must be a URL.');
  }
  // RFC 8030 push services are HTTPS (and web-push speaks nothing else).
  if (url.protocol !== 'https:') throw badInput('endpoint', '"endpoint" must be an https URL.');
  if (url.username || url.password) throw badInput('endpoint', '"endpoint" must not carry credentials.');
  if (rules.production && namesInternalHost(url.hostname)) throw badInput('endpoint', '"endpoint" must be a public push service.');
  return { endpoint: url.toString(), p256dh: base64urlBytes(input.p256dh, 'p256dh', 65), auth: base64urlBytes(input.auth, 'auth', 16) };
}

/**
 * Registers (or renews) the viewer's browser. An endpoint already registered moves to the viewer:
 * a browser belongs to whoever signed in on it last. Over the per-user cap: PUSH_SUBSCRIPTION_LIMIT.
 */
export async function registerPushSubscription(
  scope: RequestScope, input: PushSubscriptionInput, userAgent: string | null, rules: PushRegistrationRules,
): Promise<PushSubscription> {
  const valid = validatePushSubscription(input, rules);
  const userId = scope.viewer.userId;
  return writeTransaction(scope, async ({ em, now }) => {
    // One registration of a user at a time, so the cap holds under concurrent requests.
    await em.execute(`select 1 from app_user where id = ? for update`, [userId]);
    const counted = await em.execute<{ n: number }[]>(
      `select count(*)::int as n from push_subscription where user_id = ? and endpoint <> ?`, [userId, valid.endpoint],
    );
    if (counted[0].n >= PUSH_LIMITS.subscriptionsPerUser) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `At most ${PUSH_LIMITS.subscriptionsPerUser} browsers per account: remove one first.`, { field: 'endpoint' });
    }
    const rows = await em.execute<{ id: string }[]>(
      `insert into push_subscription (id, user_id, endpoint, p256dh, auth, user_agent, created_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?)
       on conflict (endpoint) do update set user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth,
         user_agent = excluded.user_agent, created_at = excluded.created_at, last_delivered_at = null
       returning id`,
      [userId, valid.endpoint, valid.p256dh, valid.auth, userAgent?.slice(0, 200) ?? null, now],
    );
    return em.findOneOrFail(PushSubscription, { id: rows[0].id }, { refresh: true });
  });
}

/** The viewer's own subscriptions, newest first: one statement. */
export function pushSubscriptionsOf(scope: RequestScope): Promise<PushSubscription[]> {
  return scope.em.find(PushSubscription, { user: scope.viewer.userId }, { orderBy: { createdAt: 'desc', id: 'asc' } });
}

/** Removes one of the viewer's subscriptions; another's (or none) answers NOT_FOUND alike. */
export async function removePushSubscription(scope: RequestScope, id: string): Promise<string> {
  return writeTransaction(scope, async ({ em }) => {
    const deleted = await em.execute<{ id: string }[]>(
      `delete from push_subscription where id = ? and user_id = ? returning id`, [id, scope.viewer.userId],
    );
    if (deleted.length === 0) throw notFound('PushSubscription');
    return id;
  });
}

export enum QuietHoursMode {
  /** Deliveries during quiet hours wait until they end. */
  DEFER = 'DEFER',
  /** Deliveries during quiet hours are not sent at all (the diary still has the event). */
  DROP = 'DROP',
}

export interface PushPreferencesView {
  eventTypes: DiaryEventType[] | null;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  quietHoursMode: QuietHoursMode;
  timeZone: string | null;
}

export interface PushPreferencesInput {
  eventTypes?: DiaryEventType[] | null;
  quietHoursStart?: string | null;
  quietHoursEnd?: string | null;
  quietHoursMode?: QuietHoursMode | null;
  timeZone?: string | null;
}

export async function pushPreferencesOf(scope: RequestScope): Promise<PushPreference | null> {
  return scope.em.findOne(PushPreference, { user: scope.viewer.userId });
}

/** Replaces the viewer's preferences: quiet hours are both times or neither, and differ. */
export async function setPushPreferences(scope: RequestScope, input: PushPreferencesInput): Promise<PushPreference> {
  const types = input.eventTypes ?? null;
  if (types && types.length > Object.keys(DiaryEventType).length) throw badInput('eventTypes', 'Too many event types.');
  const start = input.quietHoursStart == null ? null : parseClockTime(input.quietHoursStart);
  const end = input.quietHoursEnd == null ? null : parseClockTime(input.quietHoursEnd);
  if (input.quietHoursStart != null && start === null) throw badInput('quietHoursStart', '"quietHoursStart" is HH:MM.');
  if (input.quietHoursEnd != null && end === null) throw badInput('quietHoursEnd', '"quietHoursEnd" is HH:MM.');
  if ((start === null) !== (end === null)) throw badInput('quietHoursEnd', 'Quiet hours need both a start and an end.');
  if (start !== null && start === end) throw badInput('quietHoursEnd', 'Quiet hours must not start and end at the same time.');
  if (input.timeZone != null && !isTimeZone(input.timeZone)) throw badInput('timeZone', '"timeZone" is not a known IANA time zone.');
  return writeTransaction(scope, async ({ em, now }) => {
    await em.execute(
      `insert into push_preference (user_id, event_types, quiet_start_minute, quiet_end_minute, quiet_mode, time_zone, updated_at)
       values (?, ?::text[], ?, ?, ?, ?, ?)
       on conflict (user_id) do update set event_types = excluded.event_types, quiet_start_minute = excluded.quiet_start_minute,
         quiet_end_minute = excluded.quiet_end_minute, quiet_mode = excluded.quiet_mode, time_zone = excluded.time_zone,
         updated_at = excluded.updated_at`,
      [scope.viewer.userId, types ? `{${[...new Set(types)].join(',')}}` : null, start, end,
        input.quietHoursMode ?? QuietHoursMode.DEFER, input.timeZone ?? null, now],
    );
    return em.findOneOrFail(PushPreference, { user: em.getReference(User, scope.viewer.userId) }, { refresh: true });
  });
}
