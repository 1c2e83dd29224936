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
 */
export async function publishDiaryEvents(em: EntityManager): Promise<void> {
  await em.flush();
  // Uses the partial index of unstamped rows; other transactions' unstamped rows are invisible here.
  const pending = await em.execute<{ any: boolean }[]>(`select exists(select 1 from diary_event where position is null) as any`);
  if (!pending[0]?.any) return;
  await em.execute(`select pg_advisory_xact_lock(?)`, [STAMP_LOCK_KEY]);
  // The unstamped rows this transaction sees are its own: others' are uncommitted (invisible)
  // or committed, and every committed row was stamped before its commit.
  const stamped = await em.execute<{ last: string | null }[]>(
    `with ordered as (select id from diary_event where position is null order by id),
          numbered as (select id, nextval('diary_event_position_seq') as position from ordered)
     update diary_event d set position = n.position from numbered n where d.id = n.id
     returning d.position as last`,
  );
  const last = stamped.reduce((max, row) => (BigInt(row.last ?? 0) > max ? BigInt(row.last ?? 0) : max), 0n);
  // Delivered by PostgreSQL only on commit, to every listening instance.
  await em.execute(`select pg_notify(?, ?)`, [DIARY_EVENTS_CHANNEL, last.toString()]);
}
