import type { Role } from '../entities';
import { ACCOUNTS_POLICY } from './policies/accounts.policy';
import { CALENDAR_POLICY } from './policies/calendar.policy';
import { CARDS_POLICY } from './policies/cards.policy';
import { CURRICULUM_POLICY } from './policies/curriculum.policy';
import { EVENTS_POLICY } from './policies/events.policy';
import { INTERCHANGE_POLICY } from './policies/interchange.policy';
import { JOURNAL_POLICY } from './policies/journal.policy';
import { MOVEMENT_POLICY } from './policies/movement.policy';
import { PERSONAL_DATA_POLICY } from './policies/personal-data.policy';
import { REPORTS_POLICY } from './policies/reports.policy';
import { SCHOOL_SETUP_POLICY } from './policies/school-setup.policy';
import { LATE_ENTRY_POLICY } from './policies/late-entry.policy';
import { DOCUMENTS_POLICY } from './policies/documents.policy';
import { MESSAGES_POLICY } from './policies/messages.policy';
import { APPS_POLICY } from './policies/apps.policy';
import { rolesOf, rolesThatMayHold, type PermissionSpec } from './policy';
import { COORDINATORS, STAFF } from './roles';
import type { Viewer } from './viewer';

/**
 * The access matrix of DOMAIN.md, one entry per cell, `resource.action`. The policies say who
 * is allowed (permissions/policies/*.policy.ts); shield's field rules (rules.ts), the row checks
 * (scope.ts) and the SQL conditions of list reads are all derived from these entries, so a
 * change of who may do what is one edit of one policy file. A typo in a key is a compile error.
 * tests/permissions/matrix.test.ts prints every entry's verdict for a world of actors into
 * permissions/matrix.snapshot.md: a diff there is a permission change.
 */
export const REGISTRY = {
  ...CALENDAR_POLICY,
  ...ACCOUNTS_POLICY,
  ...CARDS_POLICY,
  ...MOVEMENT_POLICY,
  ...CURRICULUM_POLICY,
  ...JOURNAL_POLICY,
  ...REPORTS_POLICY,
  ...INTERCHANGE_POLICY,
  ...PERSONAL_DATA_POLICY,
  ...EVENTS_POLICY,
  ...SCHOOL_SETUP_POLICY,
  ...LATE_ENTRY_POLICY,
  ...DOCUMENTS_POLICY,
  ...MESSAGES_POLICY,
  ...APPS_POLICY,
} satisfies Record<string, PermissionSpec>;

export type Permission = keyof typeof REGISTRY;

export function spec(permission: Permission): PermissionSpec {
  return REGISTRY[permission];
}

/** Every role that may hold the permission anywhere: what shield lets through to the resolver. */
export function rolesFor(permission: Permission): Role[] {
  return rolesThatMayHold(REGISTRY[permission].allow);
}

/**
 * Holds the permission in the school by a role alone (no tie needed): the check of every
 * school-wide read and write.
 */
export function holdsIn(viewer: Viewer, permission: Permission, schoolId: string): boolean {
  return viewer.hasRoleInSchool(schoolId, ...rolesOf(REGISTRY[permission].allow));
}

/** Works for the school (any staff role there): whose reads of personal cards go to the access log (004 §3.1). */
export function isStaffOf(viewer: Viewer, schoolId: string): boolean {
  return viewer.hasRoleInSchool(schoolId, ...STAFF);
}

/** Holds, in the school, some role that can hold the permission (by itself or through a tie): a school-wide row such as a bell. */
export function mayHoldIn(viewer: Viewer, permission: Permission, schoolId: string): boolean {
  return viewer.hasRoleInSchool(schoolId, ...rolesFor(permission));
}

/** The schools where the viewer holds some role that can hold the permission (a query's default school). */
export function schoolsWhereMayHold(viewer: Viewer, permission: Permission): string[] {
  return [...new Set(viewer.schoolsWith(rolesFor(permission)))];
}

/** Works for a school or coordinates schools: the larger query-cost budget (server/limits.ts). */
export function isStaffOrCoordinator(viewer: Viewer): boolean {
  return viewer.hasRole(...STAFF, ...COORDINATORS);
}

/** The schools where the viewer holds the permission by a role alone. */
export function schoolsWhere(viewer: Viewer, permission: Permission): string[] {
  return [...new Set(viewer.schoolsWith(rolesOf(REGISTRY[permission].allow)))];
}
