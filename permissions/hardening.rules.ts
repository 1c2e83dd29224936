import { can } from './rules';

/** Issue 6 (hardening): lifting a sign-in lockout is the school administrator's. */
export const HARDENING_RULES = {
  Mutation: {
    unlockLogin: can('login.unlock'),
  },
};
