import { allow, and, or, rule } from 'graphql-shield';
import type { IRule } from 'graphql-shield';
import type { Role } from '../entities';
import { AppError, ErrorCode, unauthenticated } from '../lib/errors';
import { rolesFor, type Permission } from './registry';
import type { Viewer } from './viewer';

// Small named predicates, composed in index.ts. Each depends on the context only
// (never on the parent object), so the "contextual" cache is safe for them.

/** What the rules read of a request: only who is asking (the server's RequestContext has it). */
interface RuleContext { viewer: Viewer | null }


/** Signed in with a valid token; an account that must change its password may do nothing else. */
export const isAuthenticated = rule('isAuthenticated', { cache: 'contextual' })(
  (_parent, _args, ctx: RuleContext) => {
    if (!ctx.viewer) return unauthenticated();
    if (ctx.viewer.mustChangePassword) {
      return new AppError(ErrorCode.PASSWORD_CHANGE_REQUIRED, 'Change your password first (changePassword).');
    }
    return true;
  },
);

/** Signed in, even if the password must be changed: only for changePassword. */
export const isSignedIn = rule('isSignedIn', { cache: 'contextual' })(
  (_parent, _args, ctx: RuleContext) => (ctx.viewer ? true : unauthenticated()),
);

const roleRules = new Map<string, IRule>();

/** Holds at least one of the roles (in any school; row scoping narrows it to the right one). */
export function hasRole(...roles: readonly Role[]) {
  const name = `hasRole(${[...roles].sort().join(',')})`;
  let r = roleRules.get(name);
  if (!r) {
    r = rule(name, { cache: 'contextual' })((_parent, _args, ctx: RuleContext) =>
      ctx.viewer?.hasRole(...roles) ? true : new AppError(ErrorCode.FORBIDDEN, 'Your role does not allow this.'));
    roleRules.set(name, r);
  }
  return and(isAuthenticated, r);
}

/**
 * The field rule of a matrix cell: the caller holds, somewhere, a role that can satisfy the
 * registry entry (permissions/registry.ts). Which row is theirs is decided where rows are fetched
 * (permissions/scope.ts), by the same entry.
 */
export function can(...permissions: Permission[]) {
  return hasRole(...new Set(permissions.flatMap(rolesFor)));
}

/**
 * Public on purpose: logging in and refreshing need no token, and the objects
 * they return are read before the caller has one.
 */
export const isPublic = allow;

export { and, or };
