import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Attendance, Student } from '../entities';
import { lessonsByIds, marksByIds } from '../domain/journal/journal.queries';
import { uuidArray } from '../permissions/scope';
import { AppError, ErrorCode, cursorExpired } from '../lib/errors';
import {
  DIARY_ACCESS_CHANNEL, DIARY_EVENTS_CHANNEL, OUTBOX_WATERMARK_KEY, cursorIsExpired, outboxPrunedThrough, watcherKey,
  type EventGraph, type OutboxEvent, type SubscriptionEnd, type Watchable, type Watcher,
} from '../domain/diary/diary-outbox';
import type { Clock } from '../lib/clock';
import { diaryReplayScope } from '../permissions/diary-replay';
import { diaryWatchers } from '../permissions/diary-watchers';
import { describeFault, type Logger } from './logging';
import { receivableAddressed } from '../domain/diary/receivers';

/** Four statements in parallel, each on a fork of its own (a fork is one unit of work, not for concurrent use). */
async function loadEventGraph(fork: () => EntityManager, events: OutboxEvent[]): Promise<EventGraph> {
  const ids = (pick: (e: OutboxEvent) => string | null) => [...new Set(events.map(pick).filter((id): id is string => !!id))];
  const [lessons, marks, attendance, students] = await Promise.all([
    lessonsByIds(fork(), ids((e) => e.lessonId)),
    marksByIds(fork(), ids((e) => e.markId)),
    fork().find(Attendance, { id: { $in: ids((e) => e.attendanceId) } }),
    fork().find(Student, { id: { $in: ids((e) => e.studentId) } }),
  ]);
  return { lessons, marks: marks.map((m) => m.mark), workTypes: marks.map((m) => m.workType), attendance, students };
}

export interface HubOptions {
  databaseUrl: string;
  em: EntityManager;
  clock: Clock;
  /** How often to re-check subscribers and poll the outbox even without a notification. */
  sweepIntervalMs?: number;
  batchSize?: number;
  /** Where its faults go (JSON lines); silent when unset. */
  log?: Logger;
  /** Told of each event a subscriber takes: live or replayed, and the seconds since the hub read it. */
  onDelivered?: (kind: 'live' | 'replay', seconds: number) => void;
  /** Told when a commit announced new outbox positions (the Web Push consumer reads at once rather than at its next poll). */
  onOutboxNotified?: () => void;
}

/** How often an instance refreshes its row in `diary_hub_instance` (the prune's floor, domain/ops/retention.ts). */
const POSITION_REPORT_MS = 60_000;

const OUTBOX_COLUMNS = `position, type, student_id, recipient_id, message_id, announcement_id, absence_note_id, lesson_id, mark_id, attendance_id, occurred_at`;

function toEvent(row: Record<string, any>): OutboxEvent {
  return {
    position: BigInt(row.position), type: row.type, studentId: row.student_id, recipientId: row.recipient_id ?? null,
    messageId: row.message_id ?? null, announcementId: row.announcement_id ?? null, absenceNoteId: row.absence_note_id ?? null, lessonId: row.lesson_id,
    markId: row.mark_id, attendanceId: row.attendance_id, occurredAt: new Date(row.occurred_at),
  };
}

/**
 * The live diary of one server instance. It LISTENs for new outbox positions (sent by
 * every instance on commit), reads the new events in position (= commit) order, checks
 * once per batch who may watch each student, and hands each event to the subscribers
 * allowed to see it. A dropped LISTEN connection is re-opened and the hub catches up
 * from the last position it read, so nothing committed meanwhile is missed.
 */
export class DiaryHub {
  private readonly subscribers = new Set<DiarySubscription>();
  private last = 0n;
  private listener: Client | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private pulling: Promise<void> | null = null;
  private pullAgain = false;
  private rechecking: Promise<void> | null = null;
  private recheckAgain = false;
  private stopped = false;
  private reconnectDelayMs = 100;
  /** This instance's row in `diary_hub_instance`: the newest position it has read, refreshed as it goes. */
  readonly instanceId = randomUUID();
  private positionReportedAt = 0;
  /** When (and how) each event in flight was read from the outbox, for the delivery latency. */
  private readonly readAt = new WeakMap<OutboxEvent, { at: bigint; kind: 'live' | 'replay' }>();

  constructor(private readonly options: HubOptions) {}

  private fault(error: unknown, message: string): void {
    this.options.log?.error({ component: 'diary-hub', fault: describeFault(error) }, message);
  }

  /** A subscriber took the event. */
  handedOver(event: OutboxEvent): void {
    const read = this.readAt.get(event);
    if (read) this.options.onDelivered?.(read.kind, Number(process.hrtime.bigint() - read.at) / 1e9);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** The newest position this instance has read (what a subscriber without a cursor starts after). */
  get lastPosition(): bigint {
    return this.last;
  }

  async start(): Promise<void> {
    // After a prune that emptied the outbox, the newest position is its watermark.
    const rows = await this.em().execute<{ last: string }[]>(
      `select greatest(coalesce(max(position), 0), coalesce((select value::bigint from app_setting where key = ?), 0))::text as last from diary_event`,
      [OUTBOX_WATERMARK_KEY],
    );
    this.last = BigInt(rows[0].last);
    await this.connectListener();
    this.sweepTimer = setInterval(() => {
      this.schedulePull();
      void this.recheckSubscribers();
      if (Date.now() - this.positionReportedAt >= POSITION_REPORT_MS) void this.reportPosition();
    }, this.options.sweepIntervalMs ?? 5_000);
    this.sweepTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    for (const sub of this.subscribers) sub.end();
    this.subscribers.clear();
    await this.pulling?.catch(() => undefined);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    // Gone: the prune no longer waits for this instance.
    await this.em().execute(`delete from diary_hub_instance where id = ?`, [this.instanceId]).catch(() => undefined);
  }

  /**
   * Records the newest position this instance has read and delivered:
   * the prune deletes nothing above the lowest such position of the live instances. Run when
   * listening starts and by the sweep every POSITION_REPORT_MS; a failure is retried by the next sweep.
   */
  async reportPosition(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.em().execute(
        `insert into diary_hub_instance (id, last_position, seen_at) values (?, ?, now())
         on conflict (id) do update set last_position = excluded.last_position, seen_at = excluded.seen_at`,
        [this.instanceId, this.last.toString()],
      );
      this.positionReportedAt = Date.now();
    } catch (error) {
      if (!this.stopped) this.fault(error, 'recording the position read failed; the sweep retries');
    }
  }

  /** Were events after this cursor pruned (domain/ops/retention.ts)? Then it cannot be resumed: CURSOR_EXPIRED. */
  async cursorExpired(after: bigint): Promise<boolean> {
    return cursorIsExpired(after, await outboxPrunedThrough(this.em()));
  }

  /**
   * Starts a subscription: live events are buffered while the missed ones (after `after`)
   * are replayed from the outbox, then the buffer is drained, each event once, in order.
   */
  subscribe(watcher: Watcher, after: bigint | null): DiarySubscription {
    const sub = new DiarySubscription(this, watcher, after ?? this.last);
    this.subscribers.add(sub);
    if (after !== null && after < this.last) void sub.replay(after, this.last);
    else sub.live();
    return sub;
  }

  replayFailed(error: unknown): void {
    this.fault(error, 'replay failed');
  }

  unsubscribe(sub: DiarySubscription): void {
    this.subscribers.delete(sub);
  }

  /**
   * The events after `from` up to `to` that the watcher may replay, oldest first, one batch at
   * a time: each batch is read when the caller asks for it, and none after the caller stops.
   * Each batch re-decides in its own statement which students and since when
   * (permissions/diary-replay.ts), and reads only their rows through the (student_id, position)
   * index: never another school's or family's outbox.
   */
  async *replayBatches(watcher: Watcher, from: bigint, to: bigint): AsyncGenerator<OutboxEvent[]> {
    if (watcher.inbox) {
      yield* this.replayInbox(watcher, from, to);
      return;
    }
    let cursor = from;
    for (;;) {
      const scope = diaryReplayScope({ userId: watcher.userId, studentId: watcher.studentId, now: this.options.clock.now() });
      // Per student the first `batchSize` rows after the cursor (an index range each), then the first `batchSize` of those.
      const rows = await this.em().execute(
        `with scope as materialized (${scope.sql})
         select d.*, scope.tie from scope cross join lateral (
             select ${OUTBOX_COLUMNS} from diary_event d
              where d.student_id = scope.student_id and d.recipient_id is null and d.position > ? and d.position <= ? and d.occurred_at >= scope.since
              order by d.position limit ?) d
          order by d.position limit ?`,
        [...scope.params, cursor.toString(), to.toString(), this.batchSize, this.batchSize],
      );
      // Read after the batch: a watermark still at or below the cursor now was so when the batch
      // was read, so the batch is whole; above it, events of the range may be gone.
      if (cursorIsExpired(cursor, await outboxPrunedThrough(this.em()))) throw cursorExpired();
      if (rows.length === 0) return;
      const only = watcher.onlyStudents;
      const batch = rows.map(toEvent);
      // An app's stream replays only the children its grant names (the cursor still moves past the others).
      const allowed = only ? batch.filter((e) => e.studentId !== null && only.includes(e.studentId)) : batch;
      cursor = batch[batch.length - 1].position;
      if (allowed.length === 0) {
        if (rows.length < this.batchSize) return;
        continue;
      }
      const readAt = { at: process.hrtime.bigint(), kind: 'replay' as const };
      for (const event of allowed) this.readAt.set(event, readAt);
      const graph = await loadEventGraph(() => this.em(), allowed);
      const ties = new Map(batch.map((event, i) => [event, rows[i].tie as string]));
      for (const event of allowed) {
        event.graph = graph;
        event.watchers = new Map([[watcherKey(event.studentId, watcher.userId), ties.get(event)!]]);
      }
      yield allowed;
      if (rows.length < this.batchSize) return;
    }
  }

  /**
   * The viewer's inbox replayed: the events addressed to them after `from`, through the
   * (recipient_id, position) index, in bounded batches, each event re-checked (a message of a
   * conversation they were cut out of since is not replayed).
   */
  private async *replayInbox(watcher: Watcher, from: bigint, to: bigint): AsyncGenerator<OutboxEvent[]> {
    let cursor = from;
    for (;;) {
      const rows = await this.em().execute(
        `select ${OUTBOX_COLUMNS} from diary_event where recipient_id = ? and position > ? and position <= ? order by position limit ?`,
        [watcher.userId, cursor.toString(), to.toString(), this.batchSize],
      );
      if (cursorIsExpired(cursor, await outboxPrunedThrough(this.em()))) throw cursorExpired();
      if (rows.length === 0) return;
      const read = rows.map(toEvent);
      const allowed = await receivableAddressed(this.em(), this.options.clock.now(), read);
      const batch = read.filter((e) => allowed.has(e.position));
      const readAt = { at: process.hrtime.bigint(), kind: 'replay' as const };
      for (const event of batch) this.readAt.set(event, readAt);
      if (batch.length > 0) yield batch;
      cursor = read[read.length - 1].position;
      if (rows.length < this.batchSize) return;
    }
  }

  /** May this user watch this student right now (self, parent, class teacher)? */
  async mayWatch(userId: string, studentId: string): Promise<boolean> {
    return (await this.watchable([studentId])).has(watcherKey(studentId, userId));
  }

  // --- reading the outbox -----------------------------------------------------------

  private get batchSize(): number {
    return this.options.batchSize ?? 500;
  }

  private em(): EntityManager {
    return this.options.em.fork();
  }

  /** Coalesces notifications: one pull at a time, and one more if anything arrived meanwhile. */
  private schedulePull(): void {
    if (this.stopped) return;
    if (this.pulling) {
      this.pullAgain = true;
      return;
    }
    this.pulling = (async () => {
      try {
        do {
          this.pullAgain = false;
          await this.pullNewEvents();
        } while (this.pullAgain && !this.stopped);
      } catch (error) {
        this.fault(error, 'reading the outbox failed; the next notification or sweep retries');
      } finally {
        this.pulling = null;
      }
    })();
  }

  private async pullNewEvents(): Promise<void> {
    for (;;) {
      const rows = await this.em().execute(
        `select ${OUTBOX_COLUMNS} from diary_event where position > ? order by position limit ?`,
        [this.last.toString(), this.batchSize],
      );
      if (rows.length === 0) return;
      const batch = rows.map(toEvent);
      const readAt = { at: process.hrtime.bigint(), kind: 'live' as const };
      for (const event of batch) this.readAt.set(event, readAt);
      await this.dispatch(batch);
      this.last = batch[batch.length - 1].position;
      if (rows.length < this.batchSize) return;
    }
  }

  /**
   * Authorizes the batch's events in one statement, then delivers each to its watchers.
   * Sessions are not re-read per batch: a logout, a lock or a revoked session fires
   * `diary_access` (database triggers), which re-checks every subscriber at once.
   */
  private async dispatch(all: OutboxEvent[]): Promise<void> {
    if (this.subscribers.size === 0) return;
    // Events addressed to one user (issue 15) go to that user's inbox streams only, each re-checked now.
    const batch = all.filter((e) => !e.recipientId);
    const addressed = all.filter((e) => e.recipientId);
    const inboxUsers = new Set([...this.subscribers].filter((s) => s.watcher.inbox).map((s) => s.watcher.userId));
    const wanted = addressed.filter((e) => inboxUsers.has(e.recipientId!));
    const students = new Set(batch.map((e) => e.studentId!));
    const [allowed, graph, receivable] = await Promise.all([
      this.watchable([...students]),
      batch.length > 0 ? loadEventGraph(() => this.em(), batch) : null,
      receivableAddressed(this.em(), this.options.clock.now(), wanted),
    ]);
    for (const event of batch) {
      event.graph = graph!;
      event.watchers = allowed;
    }
    for (const sub of [...this.subscribers]) {
      if (sub.watcher.inbox) {
        for (const event of wanted) if (event.recipientId === sub.watcher.userId && receivable.has(event.position)) sub.deliver(event);
        continue;
      }
      const own = sub.watcher.studentId;
      // A stream of one student ends when that student's rights are gone (judged only when the batch is about them).
      if (own && students.has(own) && !allowed.has(watcherKey(own, sub.watcher.userId))) {
        sub.fail('ACCESS_REVOKED');
        continue;
      }
      const only = sub.watcher.onlyStudents;
      for (const event of batch) {
        if (own && event.studentId !== own) continue;
        if (only && (event.studentId === null || !only.includes(event.studentId))) continue;
        if (allowed.has(watcherKey(event.studentId, sub.watcher.userId))) sub.deliver(event);
      }
    }
  }

  /** Who may watch the students now, as "student:user" → ties (permissions/diary-watchers.ts). One statement, whatever the number of subscribers. */
  private async watchable(studentIds: string[]): Promise<Watchable> {
    const ids = [...new Set(studentIds)];
    if (ids.length === 0) return new Map();
    const statement = diaryWatchers(ids, this.options.clock.now());
    const rows = await this.em().execute<{ student_id: string; user_id: string; tie: string }[]>(statement.text, [...statement.values]);
    return new Map(rows.map((r) => [watcherKey(r.student_id, r.user_id), r.tie]));
  }

  /** Sessions of these subscribers that are still alive (not logged out, revoked or expired; account not locked). */
  private async liveSessions(subs: DiarySubscription[]): Promise<Set<string>> {
    const sessions = [...new Set(subs.filter((s) => !s.watcher.delegated).map((s) => s.watcher.sessionId))];
    // An app's stream lives while its grant's consent is not revoked (server/oauth/).
    const grants = [...new Set(subs.filter((s) => s.watcher.delegated).map((s) => s.watcher.sessionId))];
    if (sessions.length === 0 && grants.length === 0) return new Set();
    const rows = await this.em().execute<{ family_id: string }[]>(
      `select distinct rt.family_id::text from refresh_token rt join app_user u on u.id = rt.user_id and not u.locked
        where rt.family_id = any(?::uuid[]) and rt.revoked_at is null and rt.expires_at > ?
       union all
       select oc.grant_id from oauth_consent oc join app_user u on u.id = oc.user_id and not u.locked
        where oc.grant_id = any(?::text[]) and oc.revoked_at is null`,
      [uuidArray(sessions), this.options.clock.now(), `{${grants.map((g) => JSON.stringify(g)).join(',')}}`],
    );
    return new Set(rows.map((r) => r.family_id));
  }

  /**
   * Re-checks every subscriber without waiting for an event: run on `diary_access`
   * notifications (a guardianship revoked, an account locked, a session ended) and by
   * the sweep, so a lost right stops the stream at once.
   */
  async recheckSubscribers(): Promise<void> {
    if (this.stopped) return;
    if (this.rechecking) {
      // A change arrived while checking: check once more when this round ends.
      this.recheckAgain = true;
      return this.rechecking;
    }
    const run = async () => {
      try {
        do {
          this.recheckAgain = false;
          const subs = [...this.subscribers];
          if (subs.length === 0) break;
          const explicit = subs.flatMap((s) => (s.watcher.studentId ? [s.watcher.studentId] : []));
          const [allowed, liveSessions] = await Promise.all([this.watchable(explicit), this.liveSessions(subs)]);
          for (const sub of subs) {
            if (!liveSessions.has(sub.watcher.sessionId)) sub.fail('SESSION_ENDED');
            else if (sub.watcher.studentId && !allowed.has(watcherKey(sub.watcher.studentId, sub.watcher.userId))) sub.fail('ACCESS_REVOKED');
          }
        } while (this.recheckAgain && !this.stopped);
      } catch (error) {
        this.fault(error, 're-checking subscribers failed; the sweep retries');
      }
    };
    // Cleared in .finally(), which always runs after this assignment, even when `run` ends at once.
    this.rechecking = run().finally(() => { this.rechecking = null; });
    return this.rechecking;
  }

  // --- the LISTEN connection ---------------------------------------------------------

  private async connectListener(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.options.databaseUrl, connectionTimeoutMillis: 10_000, keepAlive: true });
    const lost = () => {
      if (this.listener !== client || this.stopped) return;
      this.listener = null;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      const delay = this.reconnectDelayMs;
      this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, 5_000);
      setTimeout(() => void this.connectListener().catch(() => undefined), delay).unref();
    };
    client.on('error', (error) => {
      if (this.stopped || this.listener !== client) return;
      this.fault(error, 'LISTEN connection lost; reconnecting');
      lost();
    });
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.channel === DIARY_EVENTS_CHANNEL) {
        this.schedulePull();
        this.options.onOutboxNotified?.();
      }
      else if (message.channel === DIARY_ACCESS_CHANNEL) void this.recheckSubscribers();
    });
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${DIARY_EVENTS_CHANNEL}`);
      await client.query(`LISTEN ${DIARY_ACCESS_CHANNEL}`);
      this.reconnectDelayMs = 100;
      await this.reportPosition();
    } catch (error) {
      this.fault(error, 'could not LISTEN; retrying');
      lost();
      return;
    }
    // Catch up on whatever committed while we were not listening.
    this.schedulePull();
    void this.recheckSubscribers();
  }
}

/** What a stream that lost its right ends with (the socket itself closes with 4403 for an ended session). */
export function subscriptionEndError(reason: SubscriptionEnd): AppError {
  if (reason === 'CURSOR_EXPIRED') return cursorExpired();
  return reason === 'ACCESS_REVOKED'
    ? new AppError(ErrorCode.FORBIDDEN, 'You may no longer watch this diary.')
    : new AppError(ErrorCode.UNAUTHENTICATED, 'Your session has ended.');
}

/**
 * One subscriber's stream, as an async iterator for graphql-js. Events come in position
 * order and each at most once (anything at or below the cursor is dropped).
 */
export class DiarySubscription implements AsyncIterableIterator<OutboxEvent> {
  private readonly queue: OutboxEvent[] = [];
  private readonly buffered: OutboxEvent[] = [];
  private replaying = false;
  /** The replay waiting for the queue to drain before it reads its next batch. */
  private onDrained: (() => void) | null = null;
  private waiting: { resolve: (r: IteratorResult<OutboxEvent>) => void; reject: (e: unknown) => void } | null = null;
  private done = false;
  private failure: SubscriptionEnd | null = null;
  private failureReported = false;
  /** Called once when the stream stops because the viewer lost the right to it. */
  onFailure: ((reason: SubscriptionEnd) => void) | null = null;

  constructor(private readonly hub: DiaryHub, readonly watcher: Watcher, private cursor: bigint) {}

  live(): void {
    this.replaying = false;
  }

  /**
   * Replays the missed events, then what arrived live meanwhile. The next batch is read only
   * once the consumer has taken this one, so a replay holds one batch at most; a stream that
   * ends (socket closed, right lost) stops the reading after the statement in flight.
   */
  async replay(from: bigint, to: bigint): Promise<void> {
    this.replaying = true;
    try {
      // Leaving the loop early returns the generator: no further batch is read.
      for await (const batch of this.hub.replayBatches(this.watcher, from, to)) {
        for (const event of batch) this.push(event);
        await this.drained();
        if (this.done) return;
      }
    } catch (error) {
      // The outbox was pruned past the cursor while replaying: said, never a silently shorter replay.
      if (error instanceof AppError && error.extensions.code === ErrorCode.CURSOR_EXPIRED) {
        this.fail('CURSOR_EXPIRED');
        return;
      }
      this.hub.replayFailed(error);
      this.end();
      return;
    }
    this.replaying = false;
    for (const event of this.buffered.splice(0)) this.push(event);
  }

  /** Resolves when the consumer has taken every queued event, or the stream ended. */
  private drained(): Promise<void> {
    if (this.done || this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => { this.onDrained = resolve; });
  }

  private wakeReplay(): void {
    const resolve = this.onDrained;
    this.onDrained = null;
    resolve?.();
  }

  deliver(event: OutboxEvent): void {
    if (this.done) return;
    if (this.replaying) this.buffered.push(event);
    else this.push(event);
  }

  private push(event: OutboxEvent): void {
    if (this.done || event.position <= this.cursor) return;
    this.cursor = event.position;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      this.hub.handedOver(event);
      resolve({ value: event, done: false });
    } else {
      this.queue.push(event);
    }
  }

  /** Stops the stream at once: nothing queued is delivered after a right is lost. */
  fail(reason: SubscriptionEnd): void {
    if (this.done) return;
    this.failure = reason;
    this.finish();
    this.onFailure?.(reason);
    if (this.waiting) {
      const { reject } = this.waiting;
      this.waiting = null;
      this.failureReported = true;
      reject(subscriptionEndError(reason));
    }
  }

  end(): void {
    if (this.done) return;
    this.finish();
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: undefined, done: true });
    }
  }

  private finish(): void {
    this.done = true;
    this.queue.length = 0;
    this.buffered.length = 0;
    this.hub.unsubscribe(this);
    this.wakeReplay();
  }

  get endedBecause(): SubscriptionEnd | null {
    return this.failure;
  }

  next(): Promise<IteratorResult<OutboxEvent>> {
    const event = this.queue.shift();
    if (this.queue.length === 0) this.wakeReplay();
    if (event) {
      this.hub.handedOver(event);
      return Promise.resolve({ value: event, done: false });
    }
    if (this.failure && !this.failureReported) {
      this.failureReported = true;
      return Promise.reject(subscriptionEndError(this.failure));
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<OutboxEvent>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<OutboxEvent>> {
    this.end();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<OutboxEvent> {
    return this;
  }
}
