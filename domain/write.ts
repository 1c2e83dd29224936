import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessScope } from '../permissions/scope';
import { audit, type AuditInput } from './audit';
import { publishDiaryEvents } from './diary/diary-outbox';
import type { RequestScope } from './request-scope';

/** What a write's work gets: its transaction, the server's time, and the two things every write records. */
export interface WriteUnit {
  em: EntityManager;
  now: Date;
  /** An audit entry by the viewer, from their address, at `now`: it commits with the change, or not at all. */
  audit(entry: Omit<AuditInput, 'actorId' | 'ip' | 'at'>): void;
  /** The work added diary events (domain/diary/diary-outbox.ts): they are stamped and announced last before the commit. */
  addedDiaryEvents(): void;
}

/**
 * The one write wrapper (issue 12): every write of the API runs its work in one transaction
 * on the server's clock, with the viewer's access scope bound to that transaction for its
 * duration (an access check on a second pooled connection, while the write holds one, can
 * deadlock the pool under load), its audit entries and its diary events in the same commit.
 * Inside an idempotent request the transaction is a savepoint of the request's (server/idempotency.ts).
 */
export async function writeTransaction<T>(scope: RequestScope, work: (unit: WriteUnit) => Promise<T>): Promise<T> {
  const now = scope.clock.now();
  const requestAccess = scope.access;
  try {
    return await scope.em.transactional(async (em) => {
      scope.access = new AccessScope(em, scope.viewer, scope.clock);
      let eventsAdded = false;
      const unit: WriteUnit = {
        em,
        now,
        audit: (entry) => audit(em, { ...entry, actorId: scope.viewer.userId, ip: scope.ip, at: now }),
        addedDiaryEvents: () => { eventsAdded = true; },
      };
      const result = await work(unit);
      if (eventsAdded) await publishDiaryEvents(em, { written: true });
      return result;
    });
  } finally {
    // What the request reads after the write goes through its own connection again, seeing the commit.
    scope.access = requestAccess;
  }
}
