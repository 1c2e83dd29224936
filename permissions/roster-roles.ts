import { Role } from '../entities';
import { leadsTheirClass, rolesThatMayHold } from './policy';
import { FAMILY, SCHOOL_ROLES, STAFF } from './roles';

/**
 * The roles an imported roster may give (issue 18 part 2), in the words its files use. An import
 * is an ADMIN granting roles in their own school, so it gives school roles only: a coordinator's
 * role named in a file is an unknown role, never a grant.
 */

/** OneRoster 1.2 `roles.role` / `users.role` values (lower-cased, spaces dropped). */
const ONEROSTER_ROLES: Readonly<Record<string, Role>> = {
  student: Role.STUDENT, guardian: Role.PARENT, parent: Role.PARENT, relative: Role.PARENT,
  teacher: Role.TEACHER, aide: Role.TEACHER, principal: Role.DIRECTOR, administrator: Role.ADMIN,
  districtadministrator: Role.ADMIN, siteadministrator: Role.ADMIN,
};

/** The spreadsheet set's `роли` words (docs/oneroster.md, "The spreadsheet set"). */
const RUSSIAN_ROLE_WORDS: Readonly<Record<string, Role>> = {
  'администратор': Role.ADMIN, 'директор': Role.DIRECTOR, 'завуч': Role.DEPUTY_ACADEMIC, 'зам по увр': Role.DEPUTY_ACADEMIC,
  'зам по вр': Role.DEPUTY_PASTORAL, 'учитель': Role.TEACHER, 'секретарь': Role.SECRETARY, 'делопроизводитель': Role.SECRETARY,
  'кадры': Role.HR, 'специалист по кадрам': Role.HR,
};

export type RosterCardKind = 'STUDENT' | 'EMPLOYEE' | 'GUARDIAN';

/** A role by this system's own name (OneRoster `metadata.role`), if it is one an import may give. */
export function schoolRoleNamed(name: string): Role | null {
  const role = name.toUpperCase() as Role;
  return SCHOOL_ROLES.includes(role) ? role : null;
}

export function roleFromOneRoster(value: string): Role | null {
  return ONEROSTER_ROLES[value.toLowerCase().replace(/\s/g, '')] ?? null;
}

export function roleFromRussianWord(word: string): Role | null {
  return RUSSIAN_ROLE_WORDS[word.trim().toLowerCase()] ?? null;
}

export const RUSSIAN_ROLE_WORD_LIST: readonly string[] = Object.keys(RUSSIAN_ROLE_WORDS);

/** The card a user's roles call for: a student is only a student; staff before family. */
export function cardKindOfRoles(roles: readonly Role[]): RosterCardKind | null {
  if (roles.includes(Role.STUDENT)) return 'STUDENT';
  if (roles.some((r) => STAFF.includes(r))) return 'EMPLOYEE';
  if (roles.some((r) => FAMILY.includes(r))) return 'GUARDIAN';
  return null;
}

/** The roles a card of the spreadsheet set gets when its file names none. */
export function defaultRolesOf(kind: RosterCardKind): Role[] {
  return kind === 'STUDENT' ? [Role.STUDENT] : kind === 'GUARDIAN' ? [Role.PARENT] : [Role.TEACHER];
}

/** Whether an employee holding these roles may be named a class's teacher (the "leads the class" tie, policy.ts). */
export function rolesMayLeadClass(roles: readonly Role[]): boolean {
  const leaders = rolesThatMayHold(leadsTheirClass);
  return roles.some((r) => leaders.includes(r));
}

/** The role the first account of a school created by the region's operator holds: the school's ADMIN. */
export const FIRST_ACCOUNT_ROLE: Role = Role.ADMIN;
