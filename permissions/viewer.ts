import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, SCHOOL_WIDE_READERS, STAFF_ROLES } from '../entities';
import { preparedRead } from '../lib/prepared-read';

export interface RoleGrantInfo {
  role: Role;
  schoolId: string | null;
  municipalityId: string | null;
  regionId: string | null;
}

/** Who is asking: the signed-in user with the cards and roles their access is computed from. */
export class Viewer {
  constructor(
    readonly userId: string,
    /** The login session (refresh-token family) the access token belongs to. */
    readonly sessionId: string,
    readonly login: string,
    readonly mustChangePassword: boolean,
    readonly grants: RoleGrantInfo[],
    readonly employeeId: string | null,
    readonly studentId: string | null,
    readonly guardianId: string | null,
  ) {}

  get roles(): Role[] {
    return [...new Set(this.grants.map((g) => g.role))];
  }

  hasRole(...roles: readonly Role[]): boolean {
    return this.grants.some((g) => roles.includes(g.role));
  }

  /** Schools where the viewer holds one of `roles`. */
  schoolsWith(roles: readonly Role[]): string[] {
    return this.grants.filter((g) => g.schoolId && roles.includes(g.role)).map((g) => g.schoolId!);
  }

  /** Reads everything of the school (ADMIN, DIRECTOR, deputies). */
  readsWholeSchool(schoolId: string): boolean {
    return this.schoolsWith(SCHOOL_WIDE_READERS).includes(schoolId);
  }

  hasRoleInSchool(schoolId: string, ...roles: readonly Role[]): boolean {
    return this.schoolsWith(roles).includes(schoolId);
  }

  get isStaff(): boolean {
    return this.hasRole(...STAFF_ROLES);
  }
}

/**
 * Loads a viewer in one statement; null when the user is gone or locked, or when the
 * token's session has ended (logout, password change elsewhere, a stolen refresh token).
 */
export async function loadViewer(em: EntityManager, userId: string, sessionId: string, now: Date): Promise<Viewer | null> {
  const rows = await preparedRead<ViewerRow[]>(em,
    `select u.id, u.login, u.must_change_password, u.locked,
            exists(select 1 from refresh_token rt where rt.user_id = u.id and rt.family_id = ?::uuid
                    and rt.revoked_at is null and rt.expires_at > ?) as session_alive,
            coalesce((select json_agg(json_build_object('role', g.role, 'schoolId', g.school_id,
                       'municipalityId', g.municipality_id, 'regionId', g.region_id))
                      from role_grant g where g.user_id = u.id), '[]') as grants,
            (select e.id from employee e where e.user_id = u.id and e.dismissed_on is null) as employee_id,
            (select s.id from student s where s.user_id = u.id) as student_id,
            (select gd.id from guardian gd where gd.user_id = u.id) as guardian_id
       from app_user u where u.id = ?`,
    [sessionId, now, userId],
  );
  const row = rows[0];
  if (!row || row.locked || !row.session_alive) return null;
  return new Viewer(row.id, sessionId, row.login, row.must_change_password, row.grants, row.employee_id, row.student_id, row.guardian_id);
}

interface ViewerRow {
  id: string;
  login: string;
  must_change_password: boolean;
  locked: boolean;
  session_alive: boolean;
  grants: RoleGrantInfo[];
  employee_id: string | null;
  student_id: string | null;
  guardian_id: string | null;
}
