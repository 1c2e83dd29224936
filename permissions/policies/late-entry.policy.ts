import { Role } from '../../entities';
import { holds } from '../policy';
import { ACADEMIC_ADMINISTRATION } from '../roles';
import type { PermissionSpec } from '../policy';

/**
 * Late-entry permits (DOMAIN.md "Corrections, never silent": "The deputy head may grant a teacher
 * a late-entry permit for given lessons (reason, end date)"; 004 §8.6). Which permit is a
 * teacher's own (its teacher is their card) is decided where permits are read
 * (domain/journal/late-entry.service.ts, with the teacher card of permissions/ties.ts).
 */
export const LATE_ENTRY_POLICY = {
  'lateEntryPermit.write': {
    matrix: 'late-entry permits: DEP_ACAD W (grant with a reason and an end date, revoke), own school',
    target: 'school',
    allow: holds(Role.DEPUTY_ACADEMIC),
  },
  'lateEntryPermit.read': {
    matrix: 'late-entry permits: R all school for ADMIN, DIRECTOR, DEP_ACAD (the journal\'s administration)',
    target: 'school',
    allow: holds(ACADEMIC_ADMINISTRATION),
  },
  'lateEntryPermit.readOwn': {
    matrix: 'late-entry permits: TEACHER R own (the permits granted to them)',
    target: 'school',
    allow: holds(Role.TEACHER),
  },
} satisfies Record<string, PermissionSpec>;
