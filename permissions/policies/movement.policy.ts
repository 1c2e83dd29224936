import { Role } from '../../entities';
import { anyOf, coordinatesTheSchool, holds, leadsTheirClass } from '../policy';
import { ACADEMIC_ADMINISTRATION } from '../roles';
import type { PermissionSpec } from '../policy';

/** The movement book (matrix row "movement book"; 004 §10). */
export const MOVEMENT_POLICY = {
  'movement.write': {
    matrix: 'movement book: ADMIN W, DEP_ACAD W, SECRETARY W (004 §10.1)',
    target: 'school',
    allow: holds(Role.ADMIN, Role.DEPUTY_ACADEMIC, Role.SECRETARY),
  },
  'movement.read': {
    matrix: 'movement book: R ADMIN, DIRECTOR, DEP_ACAD, SECRETARY; class teacher R own class',
    target: 'student',
    allow: anyOf(holds(ACADEMIC_ADMINISTRATION, Role.SECRETARY), leadsTheirClass),
  },
  'movement.aggregates': {
    matrix: 'movement book: COORDINATOR aggregate counts',
    target: 'school',
    allow: coordinatesTheSchool,
  },
} satisfies Record<string, PermissionSpec>;
