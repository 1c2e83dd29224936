import { Role } from '../../entities';
import { anyOf, holds, isOwnChild, isSelf } from '../policy';
import { FAMILY, STAFF, except } from '../roles';
import type { PermissionSpec } from '../policy';

/** The staff roles that read the row "classes …, work types and weights, school settings" whole: all but HR. */
const READ_ALL = except(STAFF, Role.HR);

/**
 * Classes, work types and the school's own settings (matrix row "classes (grade, letter, shift,
 * class teacher), work types and weights, school settings"; issue 18 part 1). ADMIN writes.
 */
export const SCHOOL_SETUP_POLICY = {
  'classes.read': {
    matrix: 'classes (grade, letter, shift, class teacher): R ADMIN, DIRECTOR, DEP_ACAD, DEP_PAST, TEACHER, SECRETARY; STUDENT R own class; PARENT R children\'s classes',
    target: 'class',
    allow: anyOf(holds(READ_ALL), isSelf, isOwnChild),
  },
  'classes.write': {
    matrix: 'classes (grade, letter, shift, class teacher): ADMIN W',
    target: 'school',
    allow: holds(Role.ADMIN),
  },
  'workTypes.read': {
    matrix: 'work types and weights: R ADMIN, DIRECTOR, DEP_ACAD, DEP_PAST, TEACHER, SECRETARY; STUDENT and PARENT R (the work type and weight of each mark they read)',
    target: 'school',
    allow: holds(READ_ALL, FAMILY),
  },
  'workTypes.write': {
    matrix: 'work types and weights: ADMIN W',
    target: 'school',
    allow: holds(Role.ADMIN),
  },
  'schoolSettings.read': {
    matrix: 'school settings (name, time zone): R ADMIN, DIRECTOR, DEP_ACAD, DEP_PAST, TEACHER, SECRETARY',
    target: 'school',
    allow: holds(READ_ALL),
  },
  'schoolSettings.write': {
    matrix: 'school settings (name, time zone, the study-period scheme per parallel): ADMIN W',
    target: 'school',
    allow: holds(Role.ADMIN),
  },
} satisfies Record<string, PermissionSpec>;
