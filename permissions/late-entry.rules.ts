import type { IRules } from 'graphql-shield';
import { can } from './rules';

// Late-entry permits (permissions/policies/late-entry.policy.ts). Shield answers "may this role use
// the field at all"; which school's permits, or which of them are a teacher's own, is decided in
// domain/journal/late-entry.service.ts by the same entries.

const reader = can('lateEntryPermit.read', 'lateEntryPermit.readOwn');

export const LATE_ENTRY_RULES = {
  Query: { lateEntryPermits: reader },
  Mutation: { grantLateEntryPermit: can('lateEntryPermit.write'), revokeLateEntryPermit: can('lateEntryPermit.write') },
  types: {
    // Reached only through the reads and writes above, which scoped the rows.
    LateEntryPermit: Object.fromEntries(['id', 'teacher', 'daysFrom', 'daysTo', 'reason', 'validUntil', 'grantedBy', 'grantedAt', 'revokedAt', 'active']
      .map((f) => [f, reader])),
  },
} satisfies Record<string, IRules | Record<string, IRules>>;
