import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry, School, User } from '../entities';

export interface AuditInput {
  actorId: string | null;
  schoolId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  at: Date;
}

/** Adds an audit entry to the unit of work: it commits with the change it describes, or not at all. */
export function audit(em: EntityManager, input: AuditInput): void {
  em.create(AuditEntry, {
    at: input.at,
    actor: input.actorId ? em.getReference(User, input.actorId) : undefined,
    school: input.schoolId ? em.getReference(School, input.schoolId) : undefined,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? undefined,
    before: input.before ?? undefined,
    after: input.after ?? undefined,
    ip: input.ip ?? undefined,
  });
}
