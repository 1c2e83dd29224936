import { Role } from '../entities';
import { COORDINATORS } from './roles';
import type { Viewer } from './viewer';

/**
 * The words the policies are written in (permissions/policies/*.policy.ts). A matrix cell says
 * who may do something to a row: by holding a role in the row's school, or by a tie to the row
 * (permissions/ties.ts). A policy reads as the matrix does:
 *
 *     allow: anyOf(holds(SCHOOL_ADMINISTRATION), isSelf, isOwnChild, leadsTheirClass)
 */

/** The "own" ties of DOMAIN.md, each the SQL of permissions/ties.ts. */
export type Tie = 'self' | 'child' | 'leadsClass' | 'teaches' | 'coordinates';

export type Condition =
  | { readonly kind: 'holds'; readonly roles: readonly Role[] }
  | { readonly kind: 'tie'; readonly tie: Tie }
  | { readonly kind: 'anyOf'; readonly of: readonly Condition[] };

/** What a matrix cell is about: the row its ties and school are judged on. */
export type Target = 'school' | 'student' | 'lesson' | 'class' | 'account' | 'self';

export interface PermissionSpec {
  /** The DOMAIN.md sentence (access matrix row and column, or rule) this entry implements. */
  readonly matrix: string;
  readonly target: Target;
  readonly allow: Condition;
}

/** The viewer holds one of the roles in the row's school. */
export const holds = (...sets: readonly (readonly Role[] | Role)[]): Condition =>
  ({ kind: 'holds', roles: [...new Set(sets.flatMap((s) => (Array.isArray(s) ? s : [s as Role])))] });

export const isSelf: Condition = { kind: 'tie', tie: 'self' };
export const isOwnChild: Condition = { kind: 'tie', tie: 'child' };
export const leadsTheirClass: Condition = { kind: 'tie', tie: 'leadsClass' };
export const teachesThem: Condition = { kind: 'tie', tie: 'teaches' };
export const coordinatesTheSchool: Condition = { kind: 'tie', tie: 'coordinates' };

export const anyOf = (...of: Condition[]): Condition => ({ kind: 'anyOf', of });

/** The role each tie needs (ties.ts binds the card only while it is held). */
export const TIE_ROLES: Readonly<Record<Tie, readonly Role[]>> = {
  self: [Role.STUDENT],
  child: [Role.PARENT],
  leadsClass: [Role.TEACHER],
  teaches: [Role.TEACHER],
  coordinates: COORDINATORS,
};

/** Every role that could satisfy the condition somewhere: the field-level (shield) rule. */
export function rolesThatMayHold(condition: Condition): Role[] {
  switch (condition.kind) {
    case 'holds': return [...condition.roles];
    case 'tie': return [...TIE_ROLES[condition.tie]];
    case 'anyOf': return [...new Set(condition.of.flatMap(rolesThatMayHold))];
  }
}

/** The ties a condition can be met by (what the evaluator has to compute for a row). */
export function tiesOf(condition: Condition): Tie[] {
  switch (condition.kind) {
    case 'holds': return [];
    case 'tie': return [condition.tie];
    case 'anyOf': return [...new Set(condition.of.flatMap(tiesOf))];
  }
}

/** The roles a condition grants by themselves in a school (no tie needed). */
export function rolesOf(condition: Condition): Role[] {
  switch (condition.kind) {
    case 'holds': return [...condition.roles];
    case 'tie': return [];
    case 'anyOf': return [...new Set(condition.of.flatMap(rolesOf))];
  }
}

/** What is known of one row: its school and which ties the viewer has to it. */
export interface RowFacts {
  readonly schoolId: string | null;
  readonly ties: ReadonlySet<Tie>;
}

/** The verdict for one row. */
export function evaluate(condition: Condition, viewer: Viewer, row: RowFacts): boolean {
  switch (condition.kind) {
    case 'holds': return row.schoolId !== null && viewer.hasRoleInSchool(row.schoolId, ...condition.roles);
    case 'tie': return row.ties.has(condition.tie);
    case 'anyOf': return condition.of.some((c) => evaluate(c, viewer, row));
  }
}
