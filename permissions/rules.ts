import { allow, and, or, rule } from 'graphql-shield';
import type { IRule } from 'graphql-shield';
import { Role, SCHOOL_WIDE_READERS, STAFF_ROLES } from '../entities';
import { AppError, ErrorCode, unauthenticated } from '../lib/errors';
import type { RequestContext } from '../server/context';

// Small named predicates, composed in index.ts. Each depends on the context only
// (never on the parent object), so the "contextual" cache is safe for them.

/** Signed in with a valid token; an account that must change its password may do nothing else. */
export const isAuthenticated = rule('isAuthenticated', { cache: 'contextual' })(
  (_parent, _args, ctx: RequestContext) => {
    if (!ctx.viewer) return unauthenticated();
    if (ctx.viewer.mustChangePassword) {
      return new AppError(ErrorCode.PASSWORD_CHANGE_REQUIRED, 'Change your password first (changePassword).');
    }
    return true;
  },
);

/** Signed in, even if the password must be changed: only for changePassword. */
export const isSignedIn = rule('isSignedIn', { cache: 'contextual' })(
  (_parent, _args, ctx: RequestContext) => (ctx.viewer ? true : unauthenticated()),
);

const roleRules = new Map<string, IRule>();

/** Holds at least one of the roles (in any school; row scoping narrows it to the right one). */
export function hasRole(...roles: readonly Role[]) {
  const name = `hasRole(${[...roles].sort().join(',')})`;
  let r = roleRules.get(name);
  if (!r) {
    r = rule(name, { cache: 'contextual' })((_parent, _args, ctx: RequestContext) =>
      ctx.viewer?.hasRole(...roles) ? true : new AppError(ErrorCode.FORBIDDEN, 'Your role does not allow this.'));
    roleRules.set(name, r);
  }
  return and(isAuthenticated, r);
}

export const isStaff = hasRole(...STAFF_ROLES);
export const isSchoolReader = hasRole(...SCHOOL_WIDE_READERS);
export const isTeacher = hasRole(Role.TEACHER);
/** The journal is read by the administration and the teachers (students and parents use the diary). */
export const readsJournal = hasRole(...SCHOOL_WIDE_READERS, Role.TEACHER);

/**
 * Public on purpose: logging in and refreshing need no token, and the objects
 * they return are read before the caller has one.
 */
export const isPublic = allow;

export { and, or };
