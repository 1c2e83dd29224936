import { Role } from '../../entities';
import { anyOf, holds, leadsTheirClass } from '../policy';
import { SCHOOL_HEADS } from '../roles';
import type { PermissionSpec } from '../policy';

/**
 * User accounts (matrix row "user accounts, roles, password reset"). An account is managed only
 * when every grant and every card it holds lies within what the actor manages
 * (permissions/account-reach.ts); anything wider is for the ADMIN of every school involved.
 */
export const ACCOUNTS_POLICY = {
  'account.read': {
    matrix: 'user accounts: ADMIN W, DIRECTOR R',
    target: 'school',
    allow: holds(SCHOOL_HEADS),
  },
  'account.manage': {
    matrix: 'user accounts, roles, password reset: ADMIN W (accounts of their own school only)',
    target: 'account',
    allow: holds(Role.ADMIN),
  },
  'account.issueCredentials': {
    matrix: 'class teacher (extra): issue/reset credentials of own class\'s students and parents (004 §3.2.3); ADMIN W',
    target: 'account',
    allow: anyOf(holds(Role.ADMIN), leadsTheirClass),
  },
  'login.unlock': {
    matrix: 'user accounts: ADMIN W (lifting a sign-in lockout, issue 6)',
    target: 'school',
    allow: holds(Role.ADMIN),
  },
} satisfies Record<string, PermissionSpec>;
