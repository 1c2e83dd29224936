import { Role } from '../entities';

/**
 * Every named set of roles, once, with one meaning per name (DOMAIN.md, "Roles" and the
 * access matrix). Nothing outside permissions/ lists roles: it asks the registry for a
 * matrix cell instead (tests/permissions/guard.test.ts fails otherwise).
 */

/** Read everything of their own school: the matrix's ADMIN, DIRECTOR, DEP_ACAD and DEP_PAST columns. */
export const SCHOOL_ADMINISTRATION: readonly Role[] = [Role.ADMIN, Role.DIRECTOR, Role.DEPUTY_ACADEMIC, Role.DEPUTY_PASTORAL];

/** The academic administration: reports of all the school, the rollover, the journal audit (not DEP_PAST's "own direction"). */
export const ACADEMIC_ADMINISTRATION: readonly Role[] = [Role.ADMIN, Role.DIRECTOR, Role.DEPUTY_ACADEMIC];

/** The head of the school: the matrix's ADMIN and DIRECTOR columns (accounts R, the whole audit log). */
export const SCHOOL_HEADS: readonly Role[] = [Role.ADMIN, Role.DIRECTOR];

/** Everyone employed by a school. */
export const STAFF: readonly Role[] = [
  Role.ADMIN, Role.DIRECTOR, Role.DEPUTY_ACADEMIC, Role.DEPUTY_PASTORAL, Role.TEACHER, Role.SECRETARY, Role.HR,
];

/** The families: a student, a parent. */
export const FAMILY: readonly Role[] = [Role.STUDENT, Role.PARENT];

/** Read aggregates, never names, of the schools under them (a municipality or the region). */
export const COORDINATORS: readonly Role[] = [Role.MUNICIPAL_COORDINATOR, Role.REGIONAL_COORDINATOR];

/** Roles held in one school; an ADMIN grants only these, and only in their own school. */
export const SCHOOL_ROLES: readonly Role[] = [...STAFF, ...FAMILY];

/** Every role. */
export const ALL_ROLES: readonly Role[] = [...SCHOOL_ROLES, ...COORDINATORS];

export function except(roles: readonly Role[], ...left: Role[]): readonly Role[] {
  return roles.filter((r) => !left.includes(r));
}
