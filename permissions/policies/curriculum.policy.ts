import { Role } from '../../entities';
import { anyOf, holds, isOwnChild, isSelf, leadsTheirClass, teachesThem } from '../policy';
import { ACADEMIC_ADMINISTRATION, SCHOOL_ADMINISTRATION, STAFF, except } from '../roles';
import type { PermissionSpec } from '../policy';

/** Curriculum, thematic plan and timetable (matrix rows "curriculum…", "thematic plan", "schedule…"; 004 §5, §7). */
export const CURRICULUM_POLICY = {
  'curriculum.read': {
    matrix: 'curriculum, subjects, subgroups, assignments: R the school administration; TEACHER R own (subgroup members with the class teacher); STUDENT R own; PARENT R children\'s',
    target: 'class',
    allow: anyOf(holds(SCHOOL_ADMINISTRATION), leadsTheirClass, teachesThem, isSelf, isOwnChild),
  },
  'curriculum.write': {
    matrix: 'curriculum, subjects, subgroups, assignments: DEP_ACAD W (004 §5.2)',
    target: 'school',
    allow: holds(Role.DEPUTY_ACADEMIC),
  },
  'thematicPlan.read': {
    matrix: 'thematic plan: R ADMIN, DIRECTOR, DEP_ACAD; TEACHER own subject × class',
    target: 'class',
    allow: anyOf(holds(ACADEMIC_ADMINISTRATION), teachesThem),
  },
  'thematicPlan.write': {
    matrix: 'thematic plan: TEACHER W own subject × class (004 §5.7)',
    target: 'class',
    allow: teachesThem,
  },
  'schedule.read': {
    matrix: 'schedule, bells, rooms, substitutions: R every staff role but HR; STUDENT R own; PARENT R children\'s',
    target: 'class',
    allow: anyOf(holds(except(STAFF, Role.HR)), isSelf, isOwnChild),
  },
  'schedule.write': {
    matrix: 'schedule, bells, rooms, substitutions: DEP_ACAD W (004 §7.2)',
    target: 'school',
    allow: holds(Role.DEPUTY_ACADEMIC),
  },
} satisfies Record<string, PermissionSpec>;
