import { createHash } from 'node:crypto';
import type https from 'node:https';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Pool, type PoolClient } from 'pg';
import { PgBoss, type Job } from 'pg-boss';
import webpush, { WebPushError } from 'web-push';
import type { DiaryEventType } from '../../entities';
import { PUSHED_ONCE_PER_LESSON, pushMessage, pushedEventTypes } from '../../domain/push/push-messages';
import { quietUntil } from '../../domain/push/quiet-hours';
import { QuietHoursMode } from '../../domain/push/push-subscriptions.service';
import { diaryWatchers } from '../../permissions/diary-watchers';
import { receivableAddressedEvents } from '../../permissions/messaging';
import type { Sql } from '../../lib/sql';
import type { Clock } from '../../lib/clock';
import { toGlobalId } from '../../schema/global-id';
import type { PushConfig } from '../config';
import { describeFault, type Logger } from '../logging';
import type { VapidKeys } from './vapid';

/** The pg-boss queue of push deliveries: one job per (outbox event, subscription). */
export const PUSH_QUEUE = 'web-push';
/** pg-boss's own schema, installed and upgraded by pg-boss at start (an advisory lock lets one instance do it). */
export const QUEUE_SCHEMA = 'pgboss';
/** The consumer's cursor in app_setting (migrations/Migration20261204180000_web_push.ts). */
export const PUSH_CURSOR_KEY = 'push_outbox_position';
/** The consumer's row in diary_hub_instance: the outbox prune keeps what the push consumer has not read yet. */
export const PUSH_CONSUMER_INSTANCE = '00000000-0000-4000-8000-0000000b0005';

const BATCH = 500;
/** How long the push service keeps an undelivered message (the TTL header): a day, then a mark is old news. */
const MESSAGE_TTL_SECONDS = 24 * 3600;

/** What a job carries: ids only; the text is made at send time, after the access re-check. */
export interface PushJob {
  position: string;
  type: DiaryEventType;
  /** The pupil the event is about; null for an event among staff (a message with no pupil). */
  studentId: string | null;
  /** An event addressed to one user (messages, announcements, absence notes): re-checked by its own rule. */
  addressed?: boolean;
  lessonId: string | null;
  userId: string;
  subscriptionId: string;
}

/** What the consumer reads of each outbox event. */
interface OutboxRow { position: string; type: DiaryEventType; student_id: string | null; lesson_id: string | null; recipient_id: string | null }

export type PushOutcome = 'sent' | 'gone' | 'retry' | 'rejected';
export type PushSkip = 'revoked' | 'preference' | 'quiet' | 'subscription_gone';


export interface PushServiceOptions {
  /** Where pg-boss and the consumer connect (DATABASE_URL: nothing here needs a session, so a transaction pooler is fine). */
  databaseUrl: string;
  em: EntityManager;
  clock: Clock;
  vapid: VapidKeys;
  config: PushConfig;
  log?: Logger;
  /** The sending agent: tests trust their loopback push service's certificate through it. */
  agent?: https.Agent;
  /** Told of each attempt's outcome and of each delivery not made (server/metrics.ts counts them). */
  onAttempt?: (outcome: PushOutcome) => void;
  onSkipped?: (reason: PushSkip) => void;
}

/** A job's id from its event and subscription (a UUID v5-like hash): queuing the same pair twice inserts nothing. */
export function pushJobId(position: string | bigint, subscriptionId: string): string {
  const h = createHash('sha1').update(`push:${position}:${subscriptionId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** knex's `?` placeholders (lib/sql.ts) as node-postgres's `$n`. */
function pgText(statement: Sql): { text: string; values: unknown[] } {
  let n = 0;
  return { text: statement.text.replace(/\?/g, () => `$${++n}`), values: [...statement.values] };
}

interface Recipient {
  student_id: string;
  user_id: string;
  subscription_id: string;
  event_types: string[] | null;
  quiet_start_minute: number | null;
  quiet_end_minute: number | null;
  quiet_mode: string | null;
  time_zone: string;
}

/**
 * Web Push from the outbox. A consumer reads committed diary events in position order after its
 * durable cursor, decides who may watch each pupil now (permissions/diary-watchers.ts, the live
 * diary's rule), and queues one pg-boss job per (event, subscription) in the same transaction that
 * moves the cursor: the cursor row is taken FOR UPDATE SKIP LOCKED, so one instance queues each
 * batch and a crash queues it again whole (same job ids: nothing twice). Workers on every instance
 * send the jobs with web-push (VAPID, RFC 8291 encryption), re-checking access first; 404/410
 * drops the subscription, 429/5xx and network errors retry with exponential backoff.
 */
export class PushService {
  private readonly pool: Pool;
  private readonly boss: PgBoss;
  private timer: NodeJS.Timeout | null = null;
  private consuming: Promise<void> | null = null;
  private stopped = false;
  private workerId: string | null = null;
  private consumeAgain = false;
  private started = false;

  constructor(private readonly options: PushServiceOptions) {
    this.pool = new Pool({ connectionString: options.databaseUrl, max: 2, connectionTimeoutMillis: 10_000, application_name: 'school-journal push' });
    this.pool.on('error', (error) => this.fault(error, 'push pool connection lost'));
    this.boss = new PgBoss({
      connectionString: options.databaseUrl, schema: QUEUE_SCHEMA, max: 3, application_name: 'school-journal pg-boss',
      // No cron schedules of ours; maintenance (expiry, retention) on.
      schedule: false,
    });
    this.boss.on('error', (error) => this.fault(error, 'pg-boss reported an error'));
  }

  private fault(error: unknown, message: string): void {
    this.options.log?.error({ component: 'push', fault: describeFault(error) }, message);
  }

  async start(): Promise<void> {
    await this.boss.start();
    const { retryLimit, retryDelaySeconds } = this.options.config;
    await this.boss.createQueue(PUSH_QUEUE, {
      retryLimit, retryDelay: retryDelaySeconds, retryBackoff: true, retryDelayMax: 3600, expireInSeconds: 120,
    }).catch(async (error: unknown) => {
      // Another instance created it first.
      if (!(await this.boss.getQueue(PUSH_QUEUE))) throw error;
    });
    // Batches of up to 10 sent side by side, each job settled on its own (a failed one retries alone);
    // a full batch fetches the next at once.
    this.workerId = await this.boss.work<PushJob, unknown, { pollingIntervalSeconds: number; batchSize: number; localConcurrency: number; burstWhenBatchFull: true; perJobResults: true }>(PUSH_QUEUE, {
      pollingIntervalSeconds: Math.max(0.5, this.options.config.pollIntervalMs / 1000), batchSize: 10, localConcurrency: 2,
      burstWhenBatchFull: true, perJobResults: true,
    }, async (jobs: Job<PushJob>[]) => {
      const outcomes = await Promise.allSettled(jobs.map((job) => this.send(job)));
      return outcomes.map((outcome, i) => (outcome.status === 'fulfilled'
        ? { id: jobs[i].id, status: 'completed' as const }
        : { id: jobs[i].id, status: 'failed' as const, output: { message: String((outcome.reason as Error)?.message ?? outcome.reason) } }));
    });
    this.timer = setInterval(() => void this.consumeNow(), this.options.config.pollIntervalMs);
    this.timer.unref();
    this.started = true;
    void this.consumeNow();
  }

  /** New outbox events were announced (the live diary's NOTIFY, server/diary-hub.ts): read them now, not at the next poll. */
  wake(): void {
    if (this.started) void this.consumeNow();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.consuming?.catch(() => undefined);
    await this.boss.stop({ graceful: true, timeout: 5_000 }).catch((error: unknown) => this.fault(error, 'stopping pg-boss failed'));
    await this.pool.end().catch(() => undefined);
  }

  /** Reads the outbox now (and again until it is read out); one run at a time per instance. */
  consumeNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    // Asked while a run is under way: it reads once more when done (what was announced may have committed after its read).
    if (this.consuming) this.consumeAgain = true;
    this.consuming ??= (async () => {
      try {
        do {
          this.consumeAgain = false;
          while (!this.stopped && (await this.consumeBatch()) === BATCH);
        } while (this.consumeAgain && !this.stopped);
      } catch (error) {
        this.fault(error, 'queuing pushes from the outbox failed; the next poll retries');
      } finally {
        this.consuming = null;
      }
    })();
    return this.consuming;
  }

  /** One batch in one transaction: cursor locked, events read, recipients decided, jobs inserted, cursor moved. Answers how many events it read. */
  private async consumeBatch(): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const cursor = await client.query<{ value: string }>(`select value from app_setting where key = $1 for update skip locked`, [PUSH_CURSOR_KEY]);
      if (cursor.rows.length === 0) {
        // Another instance holds the cursor (or the row is missing: nothing to do until migrations add it).
        await client.query('rollback');
        return 0;
      }
      const after = cursor.rows[0].value;
      const events = await client.query<OutboxRow>(
        `select position::text, type, student_id, lesson_id, recipient_id from diary_event where position > $1 order by position limit $2`, [after, BATCH],
      );
      if (events.rows.length === 0) {
        await client.query('rollback');
        return 0;
      }
      const pushed = new Set<string>(pushedEventTypes());
      const wanted = events.rows.filter((e) => pushed.has(e.type));
      const jobs = wanted.length ? await this.jobsFor(client, wanted) : [];
      if (jobs.length) await this.boss.insert(PUSH_QUEUE, jobs, { db: { executeSql: (text, values) => client.query(text, values) } });
      const last = events.rows[events.rows.length - 1].position;
      await client.query(`update app_setting set value = $1 where key = $2`, [last, PUSH_CURSOR_KEY]);
      await client.query(
        `insert into diary_hub_instance (id, last_position, seen_at) values ($1, $2, now())
         on conflict (id) do update set last_position = excluded.last_position, seen_at = excluded.seen_at`,
        [PUSH_CONSUMER_INSTANCE, last],
      );
      await client.query('commit');
      // This instance's worker fetches at once (the others at their next poll).
      if (jobs.length && this.workerId) this.boss.notifyWorker(this.workerId);
      return events.rows.length;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The jobs of a batch: who may watch each pupil now and has a subscription, in one statement; preferences and quiet hours applied here. */
  private async jobsFor(client: PoolClient, all: OutboxRow[]) {
    const now = this.options.clock.now();
    // Events about a pupil go to whoever may watch the pupil; events addressed to one user to that user while their tie holds.
    const events = all.filter((e) => !e.recipient_id && e.student_id);
    const addressed = all.filter((e) => e.recipient_id);
    const watchers = pgText(diaryWatchers([...new Set(events.map((e) => e.student_id!))], now));
    const rows = await client.query<Recipient>(
      `with w as (${watchers.text})
       select w.student_id, w.user_id, ps.id as subscription_id, pp.event_types, pp.quiet_start_minute, pp.quiet_end_minute,
              pp.quiet_mode, coalesce(pp.time_zone, sc.timezone) as time_zone
         from w join push_subscription ps on ps.user_id = w.user_id
         join student st on st.id = w.student_id join school sc on sc.id = st.school_id
         left join push_preference pp on pp.user_id = w.user_id
        where exists(select 1 from refresh_token rt where rt.user_id = w.user_id and rt.revoked_at is null and rt.expires_at > $${watchers.values.length + 1})`,
      [...watchers.values, now],
    );
    const byStudent = new Map<string, Recipient[]>();
    for (const r of rows.rows) byStudent.set(r.student_id, [...(byStudent.get(r.student_id) ?? []), r]);
    const jobs = [];
    const oncePerLesson = new Set<string>();
    for (const event of events) {
      for (const r of byStudent.get(event.student_id!) ?? []) {
        if (PUSHED_ONCE_PER_LESSON.has(event.type)) {
          const key = `${r.subscription_id}:${event.lesson_id}:${event.type}`;
          if (oncePerLesson.has(key)) continue;
          oncePerLesson.add(key);
        }
        const job = this.jobOf(event, r, now, false);
        if (job) jobs.push(job);
      }
    }
    if (addressed.length > 0) {
      const receivable = pgText(receivableAddressedEvents(addressed.map((e) => e.position), now));
      const recipients = await client.query<Recipient & { position: string }>(
        `with r as (${receivable.text})
         select r.position::text, d.student_id, d.recipient_id as user_id, ps.id as subscription_id, pp.event_types, pp.quiet_start_minute,
                pp.quiet_end_minute, pp.quiet_mode, coalesce(pp.time_zone, sc.timezone) as time_zone
           from r join diary_event d on d.position = r.position
           join push_subscription ps on ps.user_id = d.recipient_id
           join school sc on sc.id = d.school_id
           left join push_preference pp on pp.user_id = d.recipient_id
          where exists(select 1 from refresh_token rt where rt.user_id = d.recipient_id and rt.revoked_at is null and rt.expires_at > $${receivable.values.length + 1})`,
        [...receivable.values, now],
      );
      const byPosition = new Map<string, (Recipient & { position: string })[]>();
      for (const r of recipients.rows) byPosition.set(r.position, [...(byPosition.get(r.position) ?? []), r]);
      for (const event of addressed) {
        for (const r of byPosition.get(event.position) ?? []) {
          const job = this.jobOf(event, r, now, true);
          if (job) jobs.push(job);
        }
      }
    }
    return jobs;
  }

  /** One (event, browser) job, with the user's type preferences and quiet hours applied; null when not to be sent. */
  private jobOf(event: OutboxRow, r: Recipient, now: Date, addressed: boolean) {
    const { retryLimit, retryDelaySeconds } = this.options.config;
    if (r.event_types && !r.event_types.includes(event.type)) {
      this.options.onSkipped?.('preference');
      return null;
    }
    let startAfter = 0;
    if (r.quiet_start_minute !== null && r.quiet_end_minute !== null) {
      const until = quietUntil(now, { startMinute: r.quiet_start_minute, endMinute: r.quiet_end_minute, timeZone: r.time_zone });
      if (until && r.quiet_mode === QuietHoursMode.DROP) {
        this.options.onSkipped?.('quiet');
        return null;
      }
      // Seconds from now (the database's clock counts them: pg-boss compares with its own now()).
      if (until) startAfter = Math.ceil((until.getTime() - now.getTime()) / 1000);
    }
    const data: PushJob = {
      position: event.position, type: event.type, studentId: event.student_id, lessonId: event.lesson_id,
      userId: r.user_id, subscriptionId: r.subscription_id, ...(addressed ? { addressed: true } : {}),
    };
    return {
      id: pushJobId(event.position, r.subscription_id), data, startAfter,
      retryLimit, retryDelay: retryDelaySeconds, retryBackoff: true, retryDelayMax: 3600,
    };
  }

  /** Sends one job. Throwing makes pg-boss retry it later (backoff); returning completes it. */
  private async send(job: Job<PushJob>): Promise<void> {
    const { studentId, userId, subscriptionId, type, lessonId, position, addressed } = job.data;
    const em = this.options.em.fork();
    // Re-checked at send time: a guardianship revoked (or an account locked) since queuing means no push,
    // and so does a user with no session left (signed out everywhere, sessions revoked): as the live diary ends.
    // An addressed event: while its recipient may still receive it (a conversation's tie, an announcement's audience).
    const now = this.options.clock.now();
    const session = `exists(select 1 from refresh_token rt where rt.user_id = ? and rt.revoked_at is null and rt.expires_at > ?)`;
    let allowed: unknown[];
    if (addressed) {
      const receivable = receivableAddressedEvents([position], now);
      allowed = await em.execute(`select 1 from (${receivable.text}) r where ${session}`, [...receivable.values, userId, now]);
    } else {
      const watchers = diaryWatchers([studentId!], now);
      allowed = await em.execute(`select w.user_id from (${watchers.text}) w where w.user_id = ? and ${session}`, [...watchers.values, userId, userId, now]);
    }
    if (allowed.length === 0) {
      this.options.onSkipped?.('revoked');
      return;
    }
    const rows = await em.execute<{ endpoint: string; p256dh: string; auth: string; event_types: string[] | null; first_name: string | null; subject: string | null }[]>(
      `select ps.endpoint, ps.p256dh, ps.auth, pp.event_types, st.first_name, sub.name as subject
         from push_subscription ps
         left join student st on st.id = ?
         left join push_preference pp on pp.user_id = ps.user_id
         left join lesson l on l.id = ? left join subject sub on sub.id = l.subject_id
        where ps.id = ? and ps.user_id = ?`,
      [studentId, lessonId, subscriptionId, userId],
    );
    const row = rows[0];
    // Removed (or moved to another account's sign-in) since queuing.
    if (!row) {
      this.options.onSkipped?.('subscription_gone');
      return;
    }
    if (row.event_types && !row.event_types.includes(type)) {
      this.options.onSkipped?.('preference');
      return;
    }
    const message = pushMessage(type, { studentFirstName: row.first_name, subjectName: row.subject });
    if (!message) return;
    const payload = JSON.stringify({ ...message, type, ...(studentId ? { student: toGlobalId('Student', studentId) } : {}), position });
    try {
      await webpush.sendNotification({ endpoint: row.endpoint, keys: { p256dh: row.p256dh, auth: row.auth } }, payload, {
        vapidDetails: { subject: this.options.config.subject, publicKey: this.options.vapid.publicKey, privateKey: this.options.vapid.privateKey },
        TTL: MESSAGE_TTL_SECONDS, urgency: 'normal', timeout: 10_000, contentEncoding: 'aes128gcm',
        ...(this.options.agent ? { agent: this.options.agent } : {}),
      });
    } catch (error) {
      const status = error instanceof WebPushError ? error.statusCode : undefined;
      if (status === 404 || status === 410) {
        // The browser unsubscribed or the subscription expired: never again.
        await em.execute(`delete from push_subscription where id = ?`, [subscriptionId]);
        this.options.onAttempt?.('gone');
        return;
      }
      if (status === undefined || status === 429 || status >= 500) {
        this.options.onAttempt?.('retry');
        throw new Error(`push service answered ${status ?? 'nothing'}; retrying`);
      }
      // Another 4xx (a payload or key the service refuses): retrying would get the same answer.
      this.options.onAttempt?.('rejected');
      this.options.log?.warn({ component: 'push', status }, 'push service refused a message; not retried');
      return;
    }
    await em.execute(`update push_subscription set last_delivered_at = ? where id = ?`, [this.options.clock.now(), subscriptionId]);
    this.options.onAttempt?.('sent');
  }
}
