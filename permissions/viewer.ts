import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../entities';
import { SCHOOL_ADMINISTRATION, STAFF } from './roles';
import { preparedRead } from '../lib/prepared-read';

export interface RoleGrantInfo {
  role: Role;
  schoolId: string | null;
  municipalityId: string | null;
  regionId: string | null;
}

/**
 * A third-party app acting for the user (server/oauth/): the grant's children and scopes. With it
 * the viewer is the user narrowed to those children (permissions/ties.ts) and scopes
 * (permissions/app-scopes.rules.ts), and holds only the family roles (PARENT, STUDENT).
 */
export interface Delegation {
  clientId: string;
  grantId: string;
  studentIds: readonly string[];
  scopes: readonly string[];
}

/** The family roles an app may act under (DOMAIN.md matrix, "third-party apps": own grants, per child). */
export const DELEGABLE_ROLES: readonly Role[] = [Role.PARENT, Role.STUDENT];

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
    /** The schools of those cards (a card belongs to one school). */
    readonly employeeSchoolId: string | null = null,
    readonly studentSchoolId: string | null = null,
    readonly guardianSchoolId: string | null = null,
    /** Set when an app's access token is asking (server/oauth/app-token.ts). */
    readonly delegation: Delegation | null = null,
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
    return this.schoolsWith(SCHOOL_ADMINISTRATION).includes(schoolId);
  }

  hasRoleInSchool(schoolId: string, ...roles: readonly Role[]): boolean {
    return this.schoolsWith(roles).includes(schoolId);
  }

  get isStaff(): boolean {
    return this.hasRole(...STAFF);
  }
}

/** A first-party session (refresh-token family) is alive. */
const SESSION_ALIVE = `exists(select 1 from refresh_token rt where rt.user_id = u.id and rt.family_id = ?::uuid
                    and rt.revoked_at is null and rt.expires_at > ?)`;
/** An app's grant is alive: its consent not revoked (`?` twice, like SESSION_ALIVE's parameters). */
const GRANT_ALIVE = `exists(select 1 from oauth_consent oc where oc.user_id = u.id and oc.grant_id = ?
                    and oc.revoked_at is null and ?::timestamptz is not null)`;

/**
 * Loads a viewer in one statement; null when the user is gone or locked, or when the
 * token's session has ended (logout, password change elsewhere, a stolen refresh token).
 */
export async function loadViewer(em: EntityManager, userId: string, sessionId: string, now: Date): Promise<Viewer | null> {
  return loadViewerWith(em, userId, sessionId, now, SESSION_ALIVE);
}

/**
 * The viewer an app's token stands for: the user of the grant, while its consent is not revoked,
 * with the family roles only and narrowed to the consent's children and scopes.
 */
export async function loadDelegatedViewer(em: EntityManager, userId: string, delegation: Delegation, now: Date): Promise<Viewer | null> {
  const full = await loadViewerWith(em, userId, delegation.grantId, now, GRANT_ALIVE);
  if (!full) return null;
  return new Viewer(full.userId, delegation.grantId, full.login, full.mustChangePassword,
    full.grants.filter((g) => DELEGABLE_ROLES.includes(g.role)), null, full.studentId, full.guardianId,
    null, full.studentSchoolId, full.guardianSchoolId, delegation);
}

/**
 * The account's viewer without a session (the authorization server's consent page, right after
 * the sign-in it checked itself): who the account is and which children it may share.
 */
export async function loadAccountViewer(em: EntityManager, userId: string, now: Date): Promise<Viewer | null> {
  return loadViewerWith(em, userId, '', now, ACCOUNT_ONLY);
}

/** No session to check (`?` twice, unused). */
const ACCOUNT_ONLY = `(?::text is not null or ?::timestamptz is not null)`;

async function loadViewerWith(em: EntityManager, userId: string, sessionId: string, now: Date, alive: string): Promise<Viewer | null> {
  const rows = await preparedRead<ViewerRow[]>(em,
    `select u.id, u.login, u.must_change_password, u.locked,
            ${alive} as session_alive,
            coalesce((select json_agg(json_build_object('role', g.role, 'schoolId', g.school_id,
                       'municipalityId', g.municipality_id, 'regionId', g.region_id))
                      from role_grant g where g.user_id = u.id), '[]') as grants,
            e.id as employee_id, e.school_id as employee_school_id,
            array(select d.school_id from employee d join school ds on ds.id = d.school_id
                   where d.user_id = u.id and d.dismissed_on <= (?::timestamptz at time zone ds.timezone)::date)::text[] as dismissed_from,
            s.id as student_id, s.school_id as student_school_id,
            gd.id as guardian_id, gd.school_id as guardian_school_id
       from app_user u
       -- A dismissed employee (from the dismissal date on, in the school's time zone) has no card: every tie through it ends.
       left join lateral (select e.id, e.school_id from employee e join school es on es.id = e.school_id
                           where e.user_id = u.id
                             and (e.dismissed_on is null or e.dismissed_on > (?::timestamptz at time zone es.timezone)::date)
                           limit 1) e on true
       left join lateral (select s.id, s.school_id from student s where s.user_id = u.id limit 1) s on true
       left join lateral (select gd.id, gd.school_id from guardian gd where gd.user_id = u.id limit 1) gd on true
      where u.id = ?`,
    [sessionId, now, now, now, userId],
  );
  const row = rows[0];
  if (!row || row.locked || !row.session_alive) return null;
  // Dismissal ends the employee's staff roles in that school as it ends their ties (a grant an ADMIN forgot to revoke counts for nothing).
  const dismissed = new Set(row.dismissed_from);
  const grants = row.grants.filter((g) => !(g.schoolId && dismissed.has(g.schoolId) && STAFF.includes(g.role)));
  return new Viewer(row.id, sessionId, row.login, row.must_change_password, grants, row.employee_id, row.student_id, row.guardian_id,
    row.employee_school_id, row.student_school_id, row.guardian_school_id);
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
  employee_school_id: string | null;
  dismissed_from: string[];
  student_school_id: string | null;
  guardian_school_id: string | null;
}
