import { Client } from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OUTBOX_WATERMARK_KEY } from '../diary/diary-outbox';
import { LOGIN_THROTTLE } from '../auth/login-throttle.service';
import { uuidArray } from '../../lib/sql';

/**
 * Retention: what the server deletes, and when (README "Retention"). Only operational rows go:
 *
 * - **the diary outbox** (`diary_event`): events older than `outboxDays`, and never above the lowest
 *   position a running instance's live diary has read (`diary_hub_instance`), so nothing is pruned
 *   before every instance has delivered it. The watermark (`app_setting` OUTBOX_WATERMARK_KEY) moves
 *   in the same transaction as the deletion: a client resuming from a cursor below it gets
 *   CURSOR_EXPIRED (re-read the diary, subscribe without `after`), never a silently shorter replay;
 * - **idempotency records**: `idempotencyGraceHours` past their TTL (server/idempotency.ts);
 * - **login counters** (`login_throttle`): once their window and any lockout have been over for
 *   `loginCounterGraceMinutes` (such a row counts nothing any more: the next attempt starts afresh);
 * - **sessions** (`refresh_token`): a token `sessionGraceDays` after it stopped working (expired,
 *   revoked, or rotated: within the grace a reused old token is still caught as reuse);
 * - instances' diary positions not refreshed for HUB_INSTANCE_STALE_SECONDS (the instance is gone);
 * - **messages** (personal data, issue 15): a conversation whose last message is older than
 *   `messagesDays`, with its messages, earlier texts and read marks; announcements older than that,
 *   with their reads;
 * - **absence notes' scans**: the scanned document of a note `absenceNoteScanDays` after it was
 *   written (the note itself, which justifies an absence reason in the journal, stays, as do the
 *   week's acknowledgements).
 *
 * The journal itself is never pruned: marks and their versions, attendance, lessons and their
 * records, period marks, the movement book, cards, the audit log and the personal-data access log
 * are kept for good (004 and 001 require the journal kept; closed years are read-only already).
 *
 * Every deletion runs in bounded batches of `batchSize` rows, each its own short transaction, so a
 * big backlog never holds locks for long; `pruneExclusively` lets one instance at a time prune.
 */
export interface RetentionPeriods {
  /** Diary events are kept this many days (RETENTION_OUTBOX_DAYS). */
  outboxDays: number;
  /** Idempotency records are deleted this long after their TTL ran out (RETENTION_IDEMPOTENCY_GRACE_HOURS). */
  idempotencyGraceHours: number;
  /** Login counters are deleted this long after their window and lockout ended (RETENTION_LOGIN_COUNTER_GRACE_MINUTES). */
  loginCounterGraceMinutes: number;
  /** A refresh token is deleted this long after it stopped working: expired, revoked or rotated (RETENTION_SESSION_GRACE_DAYS). */
  sessionGraceDays: number;
  /** Conversations (by their last message) and announcements are kept this many days (RETENTION_MESSAGES_DAYS). */
  messagesDays: number;
  /** An absence note's scan is kept this many days after the note (RETENTION_ABSENCE_NOTE_SCAN_DAYS). */
  absenceNoteScanDays: number;
  /** Rows deleted per statement and transaction (RETENTION_BATCH_SIZE). */
  batchSize: number;
}

export const DEFAULT_RETENTION: RetentionPeriods = {
  outboxDays: 30,
  idempotencyGraceHours: 24,
  loginCounterGraceMinutes: 60,
  sessionGraceDays: 7,
  // Three school years: a complaint about a conversation can still be looked into the year after next.
  messagesDays: 1_095,
  absenceNoteScanDays: 365,
  batchSize: 1_000,
};

export interface PruneSettings extends RetentionPeriods {
  /** How long an idempotency record is honoured (server/idempotency.ts IDEMPOTENCY_TTL_HOURS). */
  idempotencyTtlHours: number;
}

/** An instance's diary position not refreshed for this long (database time) is an instance that is gone. */
export const HUB_INSTANCE_STALE_SECONDS = 600;

/** One instance prunes at a time (a session-level advisory lock, held on a connection of its own). */
export const RETENTION_LOCK_KEY = 0x5d1a80;

export interface TablePruned {
  deleted: number;
  /** Batches that deleted something (each one statement, one transaction). */
  batches: number;
  largestBatch: number;
}

export interface PruneReport {
  outbox: TablePruned & { prunedThrough: string };
  idempotencyRecords: TablePruned;
  loginCounters: TablePruned;
  sessions: TablePruned;
  conversations: TablePruned;
  announcements: TablePruned;
  absenceNoteScans: TablePruned;
  staleHubInstances: number;
  /** The authorization server's expired state (oidc_model: sessions, codes, tokens…) and apps' old rate windows (server/oauth/). */
  oauthState: TablePruned;
}

export type PruneOutcome = { ran: true; report: PruneReport } | { ran: false; reason: 'ANOTHER_INSTANCE_IS_PRUNING' };

const HOUR = 3600_000;
const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);

/**
 * Prunes everything due at `now` (the server's clock), batch after batch until nothing is due or
 * `shouldStop()` says so (a shutdown). Safe to run beside another prune (each outbox batch locks
 * the watermark; every deletion re-checks its condition), but pruneExclusively avoids the double work.
 */
export async function pruneExpired(
  em: EntityManager, now: Date, settings: PruneSettings, shouldStop: () => boolean = () => false,
): Promise<PruneReport> {
  const size = settings.batchSize;
  const outboxCutoff = ago(now, settings.outboxDays * 24 * HOUR);
  let prunedThrough = 0n;
  const outbox = await inBatches(size, shouldStop, async () => {
    const batch = await pruneOutboxBatch(em.fork(), outboxCutoff, size);
    prunedThrough = batch.prunedThrough;
    return batch.deleted;
  });
  const idempotencyCutoff = ago(now, (settings.idempotencyTtlHours + settings.idempotencyGraceHours) * HOUR);
  const idempotencyRecords = await inBatches(size, shouldStop, () => count(em.fork(),
    `with d as (delete from idempotency_record where id in (
        select id from idempotency_record where created_at < ? order by created_at limit ?) returning 1)
     select count(*)::int as n from d`,
    [idempotencyCutoff, size]));
  // A counter whose window is over and whose lockout (if any) has ended counts nothing: the next
  // attempt starts a new window (login-throttle.service.ts). The outer conditions are re-checked on
  // a row an attempt has just updated, so a counter in use is never deleted.
  const grace = settings.loginCounterGraceMinutes * 60_000;
  const windowMs = Math.max(...Object.values(LOGIN_THROTTLE).map((t) => t.windowSeconds)) * 1000;
  const windowCutoff = ago(now, windowMs + grace);
  const lockCutoff = ago(now, grace);
  const loginCounters = await inBatches(size, shouldStop, () => count(em.fork(),
    `with d as (delete from login_throttle t where t.key in (
        select key from login_throttle where window_started_at < ? and (locked_until is null or locked_until < ?) limit ?)
        and t.window_started_at < ? and (t.locked_until is null or t.locked_until < ?) returning 1)
     select count(*)::int as n from d`,
    [windowCutoff, lockCutoff, size, windowCutoff, lockCutoff]));
  const sessionCutoff = ago(now, settings.sessionGraceDays * 24 * HOUR);
  const sessions = await inBatches(size, shouldStop, () => pruneSessionsBatch(em.fork(), sessionCutoff, size));
  const messagesCutoff = ago(now, settings.messagesDays * 24 * HOUR);
  const conversations = await inBatches(size, shouldStop, () => count(em.fork(),
    `with d as (delete from conversation where id in (
        select id from conversation where last_message_at < ? order by last_message_at limit ?) and last_message_at < ? returning 1)
     select count(*)::int as n from d`,
    [messagesCutoff, size, messagesCutoff]));
  const announcements = await inBatches(size, shouldStop, () => count(em.fork(),
    `with d as (delete from announcement where id in (select id from announcement where created_at < ? order by created_at limit ?) returning 1)
     select count(*)::int as n from d`,
    [messagesCutoff, size]));
  const scanCutoff = ago(now, settings.absenceNoteScanDays * 24 * HOUR);
  const absenceNoteScans = await inBatches(size, shouldStop, () => count(em.fork(),
    `with d as (update absence_note set document_content = null where id in (
        select id from absence_note where created_at < ? and document_content is not null limit ?) returning 1)
     select count(*)::int as n from d`,
    [scanCutoff, size]));
  const stale = await count(em.fork(),
    `with d as (delete from diary_hub_instance where seen_at < now() - make_interval(secs => ?) returning 1) select count(*)::int as n from d`,
    [HUB_INSTANCE_STALE_SECONDS]);
  // Expiry is oidc-provider's own, on the database's clock; an app's counts older than an hour count nothing.
  const oauthState = await inBatches(size, shouldStop, () => count(em.fork(),
    `with m as (delete from oidc_model where (model, id) in (
         select model, id from oidc_model where expires_at < now() limit ?) returning 1),
       w as (delete from oauth_rate_window where (client_id, window_start) in (
         select client_id, window_start from oauth_rate_window where window_start < now() - interval '1 hour' limit ?) returning 1)
     select ((select count(*) from m) + (select count(*) from w))::int as n`,
    [size, size]));
  return {
    outbox: { ...outbox, prunedThrough: prunedThrough.toString() },
    idempotencyRecords, loginCounters, sessions, conversations, announcements, absenceNoteScans, staleHubInstances: stale, oauthState,
  };
}

/**
 * pruneExpired, unless another instance (or `npm run db:prune`) is pruning right now: the lock is
 * tried, never waited for. It is held on a connection of its own for the whole run and released
 * at its end (or when that connection drops).
 */
export async function pruneExclusively(
  databaseUrl: string, em: EntityManager, now: Date, settings: PruneSettings, shouldStop?: () => boolean,
): Promise<PruneOutcome> {
  const lock = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  lock.on('error', () => undefined);
  await lock.connect();
  try {
    const { rows } = await lock.query<{ held: boolean }>('select pg_try_advisory_lock($1) as held', [RETENTION_LOCK_KEY]);
    if (!rows[0]?.held) return { ran: false, reason: 'ANOTHER_INSTANCE_IS_PRUNING' };
    try {
      return { ran: true, report: await pruneExpired(em, now, settings, shouldStop) };
    } finally {
      await lock.query('select pg_advisory_unlock($1)', [RETENTION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await lock.end().catch(() => undefined);
  }
}

async function inBatches(size: number, shouldStop: () => boolean, batch: () => Promise<number>): Promise<TablePruned> {
  const pruned: TablePruned = { deleted: 0, batches: 0, largestBatch: 0 };
  for (;;) {
    if (shouldStop()) return pruned;
    const deleted = await batch();
    if (deleted > 0) {
      pruned.deleted += deleted;
      pruned.batches += 1;
      pruned.largestBatch = Math.max(pruned.largestBatch, deleted);
    }
    if (deleted < size) return pruned;
  }
}

async function count(em: EntityManager, statement: string, params: unknown[]): Promise<number> {
  const rows = await em.execute<{ n: number }[]>(statement, params);
  return Number(rows[0]?.n ?? 0);
}

/**
 * One batch of the outbox, in one transaction: with the watermark row locked, the next `size`
 * events above it (in position order, never above what every live instance has read) are looked
 * at, and the run of them older than the cutoff is deleted, the watermark moving to its last
 * position. A younger event ends the run (positions follow commit order, times nearly so): no
 * event younger than the period is ever deleted, and none is left behind below the watermark.
 */
async function pruneOutboxBatch(em: EntityManager, cutoff: Date, size: number): Promise<{ deleted: number; prunedThrough: bigint }> {
  return em.transactional(async (tx) => {
    await tx.execute(`insert into app_setting (key, value) values (?, '0') on conflict (key) do nothing`, [OUTBOX_WATERMARK_KEY]);
    const [mark] = await tx.execute<{ value: string }[]>(`select value from app_setting where key = ? for update`, [OUTBOX_WATERMARK_KEY]);
    const from = BigInt(mark.value);
    // What every live instance has read (an instance reads from its position on, so nothing at or
    // below the lowest one is still to be delivered); with no instance running, everything committed.
    const [{ floor }] = await tx.execute<{ floor: string }[]>(
      `select coalesce((select min(last_position) from diary_hub_instance where seen_at >= now() - make_interval(secs => ?)),
                       (select max(position) from diary_event), 0)::text as floor`,
      [HUB_INSTANCE_STALE_SECONDS],
    );
    const rows = await tx.execute<{ at: string; old: boolean }[]>(
      `select d.position::text as at, d.occurred_at < ? as old from diary_event d
        where d.position > ? and d.position <= ? order by d.position limit ?`,
      [cutoff, from.toString(), floor, size],
    );
    let through = from;
    for (const row of rows) {
      if (!row.old) break;
      through = BigInt(row.at);
    }
    if (through === from) return { deleted: 0, prunedThrough: from };
    const deleted = await count(tx,
      `with d as (delete from diary_event where position > ? and position <= ? returning 1) select count(*)::int as n from d`,
      [from.toString(), through.toString()]);
    await tx.execute(`update app_setting set value = ? where key = ?`, [through.toString(), OUTBOX_WATERMARK_KEY]);
    return { deleted, prunedThrough: through };
  });
}

/** When a refresh token stopped working (revoked, or else expired): the expression of `refresh_token_ended_index`. */
const TOKEN_ENDED = `least(coalesce(revoked_at, 'infinity'::timestamptz), expires_at)`;

/**
 * One batch of ended sessions' tokens: refresh tokens that stopped working (revoked, rotated or
 * expired) before the cutoff, oldest first through `refresh_token_ended_index`. A live session
 * keeps its working token (and its rotated ones for the grace, so presenting one of those is still
 * caught as reuse and ends the session). The candidates are read first, so a batch with nothing to
 * delete does not fire the `diary_access` trigger (which makes every instance re-check its sockets).
 */
async function pruneSessionsBatch(em: EntityManager, cutoff: Date, size: number): Promise<number> {
  const candidates = await em.execute<{ id: string }[]>(
    `select id from refresh_token where ${TOKEN_ENDED} < ? order by ${TOKEN_ENDED} limit ?`,
    [cutoff, size],
  );
  if (candidates.length === 0) return 0;
  return count(em,
    `with d as (delete from refresh_token where id = any(?::uuid[]) and ${TOKEN_ENDED} < ? returning 1) select count(*)::int as n from d`,
    [uuidArray(candidates.map((c) => c.id)), cutoff]);
}
