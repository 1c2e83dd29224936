import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry, Role } from '../entities';
import { badInput, notFound } from './errors';
import type { Page, PageRequest } from './journal-queries';
import type { Viewer } from './viewer';

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

/**
 * The audit log of one school, newest first (004 §3.1): ADMIN and DIRECTOR read all of it,
 * DEPUTY_ACADEMIC the journal's entries only; anyone else, or another school, answers NOT_FOUND.
 * Served by the (school, at) and (entity_type, entity_id) indexes.
 */
export async function auditLog(em: EntityManager, viewer: Viewer, filter: AuditLogFilter, page: PageRequest): Promise<Page<AuditEntry>> {
  const all = viewer.hasRoleInSchool(filter.schoolId, Role.ADMIN, Role.DIRECTOR);
  if (!all && !viewer.hasRoleInSchool(filter.schoolId, Role.DEPUTY_ACADEMIC)) throw notFound('School');
  if (filter.from && filter.to && filter.to < filter.from) throw badInput('to', '"to" is before "from".');
  if (filter.entityType != null && !/^[A-Za-z]{1,60}$/.test(filter.entityType)) throw badInput('entityType', '"entityType" is not an entity type name.');
  const where: Record<string, unknown> = { school: filter.schoolId };
  if (filter.actorId) where.actor = filter.actorId;
  if (filter.entityId) where.entityId = filter.entityId;
  const types = all ? null : JOURNAL_ENTITY_TYPES;
  if (filter.entityType) where.entityType = types && !types.includes(filter.entityType) ? { $in: [] } : filter.entityType;
  else if (types) where.entityType = { $in: [...types] };
  if (filter.from || filter.to) where.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  const [items, total] = await em.findAndCount(AuditEntry, where, {
    orderBy: { at: 'desc', id: 'desc' }, limit: page.first, offset: page.offset, populate: ['actor'],
  });
  return { items, total };
}
