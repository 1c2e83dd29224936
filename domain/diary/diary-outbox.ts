import type { EntityManager } from '@mikro-orm/postgresql';
import type { Attendance, DiaryEventType, Mark, Student, WorkType } from '../../entities';
import type { LessonRow } from '../journal/journal.queries';

/** The NOTIFY channels of the live diary; payloads carry positions only, never data. */
export const DIARY_EVENTS_CHANNEL = 'diary_events';
export const DIARY_ACCESS_CHANNEL = 'diary_access';

/**
 * The outbox's watermark, in app_setting: every event at or below this position may have been
 * pruned (domain/ops/retention.ts), so a cursor below it cannot be resumed (CURSOR_EXPIRED).
 * It only grows, and moves in the same transaction as the deletion it covers.
 */
export const OUTBOX_WATERMARK_KEY = 'diary_outbox_pruned_through';

/** The outbox's watermark now (0: nothing was ever pruned). */
export async function outboxPrunedThrough(em: EntityManager): Promise<bigint> {
  const rows = await em.execute<{ value: string }[]>(`select value from app_setting where key = ?`, [OUTBOX_WATERMARK_KEY]);
  return rows[0] ? BigInt(rows[0].value) : 0n;
}

/** Can a stream resume after this cursor, or were events after it pruned? */
export function cursorIsExpired(after: bigint, prunedThrough: bigint): boolean {
  return after < prunedThrough;
}

/** Serializes the stamping of diary events across every instance on the database. */
export const STAMP_LOCK_KEY = 0x5d1a7e;

/**
 * Gives this transaction's new diary events their delivery positions and announces them.
 * Call it last before commit, inside the writing transaction. The advisory lock is held
 * until commit, so transactions stamp one after another in the order they commit: when a
 * reader sees position p, every event below p has committed (or was rolled back, leaving
 * a gap). That is what lets a client resume from a position without missing anything,
 * even when transactions commit out of id order.
 *
 * `written: true` says the caller knows it added events, which skips the check for any.
 */
export async function publishDiaryEvents(em: EntityManager, { written = false }: { written?: boolean } = {}): Promise<void> {
  await em.flush();
  if (!written) {
    // Uses the partial index of unstamped rows; other transactions' unstamped rows are invisible here.
    const pending = await em.execute<{ any: boolean }[]>(`select exists(select 1 from diary_event where position is null) as any`);
    if (!pending[0]?.any) return;
  }
  // One round trip: take the lock, number this transaction's unstamped rows in id order, and
  // NOTIFY the last position (delivered by PostgreSQL only on commit, to every listening instance).
  // The rows are read through a join with the lock's row, so no position is drawn before the
  // lock is held. The unstamped rows this transaction sees are its own: others' are uncommitted
  // (invisible) or committed, and every committed row was stamped before its commit.
  await em.execute(
    `with locked as materialized (select pg_advisory_xact_lock(?) as held),
          numbered as materialized (
            select o.id, nextval('diary_event_position_seq') as position
              from (select d.id from locked, diary_event d where d.position is null order by d.id) o),
          stamped as (update diary_event d set position = n.position from numbered n where d.id = n.id returning d.position)
     select pg_notify(?, coalesce(max(position), 0)::text) from stamped`,
    [STAMP_LOCK_KEY, DIARY_EVENTS_CHANNEL],
  );
}

// --- what the live diary reads back (server/diary-hub.ts) and hands to the API (resolvers/) ---

/** One committed diary event, as read from the outbox (ids only; the API loads the rest). */
export interface OutboxEvent {
  position: bigint;
  type: DiaryEventType;
  /** The student the event is about; null for an event among staff (addressed to `recipientId`). */
  studentId: string | null;
  /** Addressed to this user only (messages, announcements, absence notes), never to the student's watchers. */
  recipientId: string | null;
  messageId: string | null;
  announcementId: string | null;
  absenceNoteId: string | null;
  lessonId: string | null;
  markId: string | null;
  attendanceId: string | null;
  occurredAt: Date;
  /** The rows the event points at, read once per batch for every subscriber (see EventGraph). */
  graph?: EventGraph;
  /**
   * Who may watch the event's student, judged for its batch: "student:user" → how the user
   * is tied to the student ("parent", "self", "class_teacher"; several joined by "+").
   * Subscribers tied alike share one execution of the event (server/diary-execution.ts).
   */
  watchers?: Watchable;
}

/** "student:user" → the ties that let the user watch the student now. */
export type Watchable = ReadonlyMap<string, string>;

export function watcherKey(studentId: string | null, userId: string): string {
  return `${studentId}:${userId}`;
}

/**
 * What a batch of events points at, read in a fixed number of statements and shared,
 * read-only, by every subscriber's event context (it primes their loaders): a mark
 * watched by 80 parents is read once, not 80 times.
 */
export interface EventGraph {
  lessons: LessonRow[];
  marks: Mark[];
  workTypes: WorkType[];
  attendance: Attendance[];
  students: Student[];
}

/** Who is listening: the viewer's user and session, and which students they asked for. */
export interface Watcher {
  userId: string;
  sessionId: string;
  /** null: every student the viewer may watch. */
  studentId: string | null;
  /** The viewer's inbox (`inboxEvents`): the events addressed to them, not the students' diary. */
  inbox?: boolean;
  /** An app's stream (Viewer.delegation): only these students, while its grant (`sessionId`) is not revoked. */
  onlyStudents?: readonly string[] | null;
  /** Set for an app's stream: `sessionId` is then the app's grant, alive while its consent is not revoked. */
  delegated?: boolean;
}

/**
 * Why a stream stopped before its consumer ended it: the viewer lost the right to it, or (while
 * replaying) the outbox was pruned past the stream's cursor.
 */
export type SubscriptionEnd = 'ACCESS_REVOKED' | 'SESSION_ENDED' | 'CURSOR_EXPIRED';
