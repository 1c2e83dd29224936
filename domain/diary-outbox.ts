import type { EntityManager } from '@mikro-orm/postgresql';

/** The NOTIFY channels of the live diary; payloads carry positions only, never data. */
export const DIARY_EVENTS_CHANNEL = 'diary_events';
export const DIARY_ACCESS_CHANNEL = 'diary_access';

/** Serializes the stamping of diary events across every instance on the database. */
const STAMP_LOCK_KEY = 0x5d1a7e;

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
