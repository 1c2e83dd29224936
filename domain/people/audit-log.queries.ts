import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound } from '../../lib/errors';
import type { Page, PageRequest } from '../journal/journal.queries';
import { holdsIn } from '../../permissions/registry';
import type { Viewer } from '../../permissions/viewer';

/** The journal's own entries: what DEPUTY_ACADEMIC reads of the audit log (access matrix "R journal"). */
export const JOURNAL_ENTITY_TYPES: readonly string[] = ['Mark', 'Attendance', 'Lesson', 'PeriodMark'];

export interface AuditLogFilter {
  schoolId: string;
  actorId?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** One entry as the log shows it, with its actor's login joined in. */
export interface AuditLogRow {
  at: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  actor: { id: string; login: string } | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/**
 * The audit log of one school, newest first (004 §3.1): ADMIN and DIRECTOR read all of it,
 * DEPUTY_ACADEMIC the journal's entries only; anyone else, or another school, answers NOT_FOUND.
 * One statement per page (the total rides along as a window count), served by the
 * (school, at), (actor, at) and (entity_type, entity_id) indexes.
 */
export async function auditLog(em: EntityManager, viewer: Viewer, filter: AuditLogFilter, page: PageRequest): Promise<Page<AuditLogRow>> {
  const all = holdsIn(viewer, 'audit.readAll', filter.schoolId);
  if (!all && !holdsIn(viewer, 'audit.readJournal', filter.schoolId)) throw notFound('School');
  if (filter.from && filter.to && filter.to < filter.from) throw badInput('to', '"to" is before "from".');
  if (filter.entityType != null && !/^[A-Za-z]{1,60}$/.test(filter.entityType)) throw badInput('entityType', '"entityType" is not an entity type name.');
  const types = filter.entityType ? [filter.entityType] : all ? null : JOURNAL_ENTITY_TYPES;
  const allowed = all || !filter.entityType || JOURNAL_ENTITY_TYPES.includes(filter.entityType);
  const rows = await em.getConnection().execute<{
    at: string; action: string; entity_type: string; entity_id: string | null; actor_id: string | null; login: string | null;
    before: unknown; after: unknown; ip: string | null; total: number;
  }[]>(
    `select a.at, a.action, a.entity_type, a.entity_id, a.actor_id, u.login, a.before, a.after, a.ip, count(*) over ()::int as total
       from audit_entry a left join app_user u on u.id = a.actor_id
      where a.school_id = ? and ?::boolean
        and (?::uuid is null or a.actor_id = ?::uuid)
        and (?::text[] is null or a.entity_type = any(?::text[]))
        and (?::uuid is null or a.entity_id = ?::uuid)
        and (?::timestamptz is null or a.at >= ?::timestamptz)
        and (?::timestamptz is null or a.at < ?::timestamptz)
      order by a.at desc, a.id desc limit ? offset ?`,
    [
      filter.schoolId, allowed, filter.actorId ?? null, filter.actorId ?? null,
      types ? `{${types.join(',')}}` : null, types ? `{${types.join(',')}}` : null,
      filter.entityId ?? null, filter.entityId ?? null, filter.from ?? null, filter.from ?? null, filter.to ?? null, filter.to ?? null,
      page.first, page.offset,
    ],
  );
  const total = rows[0]?.total ?? (page.offset > 0 ? await countAll(em, filter, types, allowed) : 0);
  return {
    total,
    items: rows.map((r) => ({
      at: new Date(r.at), action: r.action, entityType: r.entity_type, entityId: r.entity_id,
      actor: r.actor_id ? { id: r.actor_id, login: r.login ?? '' } : null, before: r.before ?? null, after: r.after ?? null, ip: r.ip,
    })),
  };
}

/** The total when the page is past the end (the window count has no row to ride on). */
async function countAll(em: EntityManager, filter: AuditLogFilter, types: readonly string[] | null, allowed: boolean): Promise<number> {
  const [row] = await em.getConnection().execute<{ n: number }[]>(
    `select count(*)::int as n from audit_entry a
      where a.school_id = ? and ?::boolean and (?::uuid is null or a.actor_id = ?::uuid)
        and (?::text[] is null or a.entity_type = any(?::text[])) and (?::uuid is null or a.entity_id = ?::uuid)
        and (?::timestamptz is null or a.at >= ?::timestamptz) and (?::timestamptz is null or a.at < ?::timestamptz)`,
    [filter.schoolId, allowed, filter.actorId ?? null, filter.actorId ?? null, types ? `{${types.join(',')}}` : null,
      types ? `{${types.join(',')}}` : null, filter.entityId ?? null, filter.entityId ?? null, filter.from ?? null,
      filter.from ?? null, filter.to ?? null, filter.to ?? null],
  );
  return row.n;
}
