import type { EntityManager } from '@mikro-orm/postgresql';
import { leadsTheirClass, rolesThatMayHold } from './policy';

/**
 * Who may be named a class's teacher (issue 18 part 1): an employee card of the class's school,
 * not dismissed on `today`, whose account holds the role that grants the "leads the class" tie
 * there (policy.ts TIE_ROLES: a TEACHER). Anyone else named would lead the class in name only:
 * permissions/ties.ts binds their card as null.
 */
export async function mayLeadClass(em: EntityManager, employeeId: string, schoolId: string, today: string): Promise<boolean> {
  const rows = await em.execute<{ ok: boolean }[]>(
    `select exists(select 1 from employee e join role_grant g on g.user_id = e.user_id and g.school_id = e.school_id
                    where e.id = ?::uuid and e.school_id = ?::uuid and g.role = any(?::role[])
                      and (e.dismissed_on is null or e.dismissed_on > ?::date)) as ok`,
    [employeeId, schoolId, `{${rolesThatMayHold(leadsTheirClass).join(',')}}`, today],
  );
  return rows[0]?.ok === true;
}
