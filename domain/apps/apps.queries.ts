import type { EntityManager } from '@mikro-orm/postgresql';
import { raw } from '../../lib/sql';
import { Ties } from '../../permissions/ties';
import type { Viewer } from '../../permissions/viewer';

/** `own`: the viewer's own student card (a student grants for themself). */
export interface GrantableStudent { id: string; fullName: string; own: boolean }

/**
 * Whose data the viewer may share with an app (DOMAIN.md matrix, "third-party apps": a parent per
 * child, a student their own): the `child` and `self` ties of permissions/ties.ts, in one statement.
 */
export async function grantableStudents(em: EntityManager, viewer: Viewer): Promise<GrantableStudent[]> {
  const ties = new Ties(viewer);
  const child = ties.isChild(raw('s.id'));
  const self = ties.isSelf(raw('s.id'));
  const rows = await em.getConnection().execute<{ id: string; last_name: string; first_name: string; middle_name: string | null; own: boolean }[]>(
    `select s.id, s.last_name, s.first_name, s.middle_name, (${self.text}) as own from student s where (${child.text}) or (${self.text})
      order by s.last_name, s.first_name, s.id`,
    [...self.values, ...child.values, ...self.values],
  );
  return rows.map((r) => ({ id: r.id, fullName: [r.last_name, r.first_name, r.middle_name].filter(Boolean).join(' '), own: r.own }));
}

export interface ConsentedApp {
  grantId: string; clientId: string; name: string; scopes: string[]; studentIds: string[];
  createdAt: Date; lastUsedAt: Date | null;
}

/** The viewer's apps: every grant not revoked (one statement). */
export async function appsOf(em: EntityManager, userId: string): Promise<ConsentedApp[]> {
  const rows = await em.getConnection().execute<{
    grant_id: string; client_id: string; name: string; scopes: string[]; student_ids: string[]; created_at: Date; last_used_at: Date | null;
  }[]>(
    `select c.grant_id, c.client_id, a.name, c.scopes, c.student_ids, c.created_at, c.last_used_at
       from oauth_consent c join oauth_app a on a.id = c.client_id
      where c.user_id = ? and c.revoked_at is null order by c.created_at, c.grant_id`,
    [userId],
  );
  return rows.map((r) => ({
    grantId: r.grant_id, clientId: r.client_id, name: r.name, scopes: r.scopes, studentIds: r.student_ids,
    createdAt: new Date(r.created_at), lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null,
  }));
}
