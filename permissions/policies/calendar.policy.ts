import { Role } from '../../entities';
import { holds, anyOf, coordinatesTheSchool } from '../policy';
import { ACADEMIC_ADMINISTRATION, SCHOOL_ROLES } from '../roles';
import type { PermissionSpec } from '../policy';

/** The school year: its calendar, states and rollover (matrix row "school settings, year, periods, holidays, rollover"). */
export const CALENDAR_POLICY = {
  'calendar.read': {
    matrix: 'school settings, year, periods, holidays: R for every role of the school (students and parents: the calendar); COORDINATOR R',
    target: 'school',
    allow: anyOf(holds(SCHOOL_ROLES), coordinatesTheSchool),
  },
  'year.write': {
    matrix: 'school settings, year, periods, holidays, rollover: ADMIN W',
    target: 'school',
    allow: holds(Role.ADMIN),
  },
  'rollover.read': {
    matrix: 'rollover: ADMIN W; the preview lists students by name, so the administration that reads student cards (DIRECTOR, DEP_ACAD)',
    target: 'school',
    allow: holds(ACADEMIC_ADMINISTRATION),
  },
} satisfies Record<string, PermissionSpec>;
