import { Role } from '../entities';
import { FAMILY, STAFF } from './roles';
import { defaultRolesOf, type RosterCardKind } from './roster-roles';

/**
 * The roles an export writes (issue 18 part 3; docs/oneroster.md), the other way round from
 * roster-roles.ts: each of a school's roles as a OneRoster 1.2 `role` word (our own name goes in
 * `metadata.role`, which the importer reads first) and as the spreadsheet set's `роли` word. Only a
 * school's roles are written; a coordinator's grant is no part of a school's roster.
 */

const ONEROSTER_WORDS: Readonly<Partial<Record<Role, string>>> = {
  [Role.STUDENT]: 'student', [Role.PARENT]: 'guardian', [Role.TEACHER]: 'teacher', [Role.ADMIN]: 'siteAdministrator',
  [Role.DIRECTOR]: 'principal', [Role.DEPUTY_ACADEMIC]: 'administrator', [Role.DEPUTY_PASTORAL]: 'administrator',
  [Role.SECRETARY]: 'administrator', [Role.HR]: 'administrator',
};

const RUSSIAN_WORDS: Readonly<Partial<Record<Role, string>>> = {
  [Role.ADMIN]: 'администратор', [Role.DIRECTOR]: 'директор', [Role.DEPUTY_ACADEMIC]: 'завуч', [Role.DEPUTY_PASTORAL]: 'зам по вр',
  [Role.TEACHER]: 'учитель', [Role.SECRETARY]: 'секретарь', [Role.HR]: 'кадры',
};

export function oneRosterWordOf(role: Role): string | null {
  return ONEROSTER_WORDS[role] ?? null;
}

export function russianWordOf(role: Role): string | null {
  return RUSSIAN_WORDS[role] ?? null;
}

/**
 * The roles one card's row carries: a student card the student role, an employee card the staff
 * roles, a guardian card the parent role, of the roles its account holds in the school. `own` is
 * false when the account holds none of them (or there is no account): the row then carries the
 * kind's default role only so that a reader knows which card it is, and must not give a login
 * (an import would grant that default role to the account).
 */
export function rolesOfCard(kind: RosterCardKind, held: readonly Role[]): { roles: Role[]; own: boolean } {
  const fits = (r: Role) => (kind === 'STUDENT' ? r === Role.STUDENT : kind === 'EMPLOYEE' ? STAFF.includes(r) : FAMILY.includes(r) && r !== Role.STUDENT);
  const roles = [...new Set(held.filter(fits))];
  return roles.length ? { roles, own: true } : { roles: defaultRolesOf(kind), own: false };
}
