import { Role } from '../../entities';
import { anyOf, holds, isOwnChild, isSelf, leadsTheirClass } from '../policy';
import { STAFF, except } from '../roles';
import type { PermissionSpec } from '../policy';

/** School and class events (matrix row "school and class events"; schedule row "W school events", "W class events", 004 §7.2–7.3). */
export const EVENTS_POLICY = {
  'event.read': {
    matrix: 'school and class events: R ADMIN, DIRECTOR, DEP_ACAD, DEP_PAST, TEACHER, SECRETARY; STUDENT R own; PARENT R children\'s (the school\'s and their own class\'s)',
    target: 'class',
    allow: anyOf(holds(except(STAFF, Role.HR)), isSelf, isOwnChild),
  },
  'schoolEvent.write': {
    matrix: 'school and class events: DEP_ACAD W school, DEP_PAST W school (004 §7.2)',
    target: 'school',
    allow: holds(Role.DEPUTY_ACADEMIC, Role.DEPUTY_PASTORAL),
  },
  'classEvent.write': {
    matrix: 'school and class events: class teacher W own class (004 §7.3); the deputy heads, who write the school\'s, any class\'s',
    target: 'class',
    allow: anyOf(holds(Role.DEPUTY_ACADEMIC, Role.DEPUTY_PASTORAL), leadsTheirClass),
  },
} satisfies Record<string, PermissionSpec>;
