import { Role } from '../../entities';
import { anyOf, coordinatesTheSchool, holds, isOwnChild, isSelf, leadsTheirClass, teachesThem } from '../policy';
import { ACADEMIC_ADMINISTRATION, SCHOOL_ADMINISTRATION, SCHOOL_HEADS } from '../roles';
import type { PermissionSpec } from '../policy';

/**
 * Reports (matrix row "reports": all school / own direction / own subjects / own class / own
 * report card / children's report cards / aggregates, no names) and the audit log.
 * DEP_PAST's "own direction" is educational work with classes and families: attendance and
 * report cards, not the academic reports.
 */
export const REPORTS_POLICY = {
  'report.academic': {
    matrix: 'reports: ADMIN, DIRECTOR, DEP_ACAD all school; TEACHER own subjects; class teacher own class',
    target: 'class',
    allow: anyOf(holds(ACADEMIC_ADMINISTRATION), teachesThem, leadsTheirClass),
  },
  'report.attendance': {
    matrix: 'reports: ADMIN, DIRECTOR, DEP_ACAD all school; DEP_PAST own direction (attendance); TEACHER own subjects; class teacher own class',
    target: 'class',
    allow: anyOf(holds(SCHOOL_ADMINISTRATION), teachesThem, leadsTheirClass),
  },
  'report.student': {
    matrix: 'reports: a student\'s average and trend for the staff who reach the student (administration, DEP_PAST own direction, class teacher, their teachers)',
    target: 'student',
    allow: anyOf(holds(SCHOOL_ADMINISTRATION), leadsTheirClass, teachesThem),
  },
  'report.reportCard': {
    matrix: 'reports: STUDENT own report card; PARENT children\'s report cards; the staff who reach the student',
    target: 'student',
    allow: anyOf(holds(SCHOOL_ADMINISTRATION), leadsTheirClass, teachesThem, isSelf, isOwnChild),
  },
  'report.periodMarkSheet': {
    matrix: 'period marks of a class: R the school administration; class teacher own class; TEACHER own subjects',
    target: 'class',
    allow: anyOf(holds(SCHOOL_ADMINISTRATION), leadsTheirClass, teachesThem),
  },
  'report.termOfClass': {
    matrix: 'reports: ADMIN, DIRECTOR, DEP_ACAD all school; class teacher own class (term results)',
    target: 'class',
    allow: anyOf(holds(ACADEMIC_ADMINISTRATION), leadsTheirClass),
  },
  'report.periodResults': {
    matrix: 'reports: ADMIN, DIRECTOR, DEP_ACAD all school; TEACHER own subjects; class teacher own class (period results from the period marks, 004 §11.3–11.5; coordinators through report.schoolAggregates)',
    target: 'class',
    allow: anyOf(holds(ACADEMIC_ADMINISTRATION), teachesThem, leadsTheirClass),
  },
  'report.yearTransition': {
    matrix: 'reports: ADMIN, DIRECTOR, DEP_ACAD all school; COORDINATOR aggregates per school («Состояние перехода на следующий учебный год», 004 §4.2)',
    target: 'school',
    allow: anyOf(holds(ACADEMIC_ADMINISTRATION), coordinatesTheSchool),
  },
  'report.constructor': {
    matrix: 'reports: the report constructor for ADMIN, DEPUTY_ACADEMIC, SECRETARY and HR of the school (004 §11.6), all school',
    target: 'school',
    allow: holds(Role.ADMIN, Role.DEPUTY_ACADEMIC, Role.SECRETARY, Role.HR),
  },
  'report.schoolAggregates': {
    matrix: 'reports: ADMIN, DIRECTOR, DEP_ACAD all school; COORDINATOR aggregates, no names',
    target: 'school',
    allow: anyOf(holds(ACADEMIC_ADMINISTRATION), coordinatesTheSchool),
  },
  'report.fillAndMovement': {
    matrix: 'reports: SECRETARY movement, class fill; the administration all school',
    target: 'school',
    allow: holds(ACADEMIC_ADMINISTRATION, Role.SECRETARY),
  },
  'report.activity': {
    matrix: 'reports: HR staff (user activity, 002/003); the administration all school',
    target: 'school',
    allow: holds(ACADEMIC_ADMINISTRATION, Role.HR),
  },
  'report.activityOfFamilies': {
    matrix: 'reports: HR staff (so the user activity of students and parents is for the administration, all school, only)',
    target: 'school',
    allow: holds(ACADEMIC_ADMINISTRATION),
  },
  'report.bySchool': {
    matrix: 'reports: COORDINATOR aggregates per school, no names (class fill, movement, user activity)',
    target: 'school',
    allow: coordinatesTheSchool,
  },
  'audit.readJournal': {
    matrix: 'audit log: ADMIN R, DIRECTOR R, DEP_ACAD R journal',
    target: 'school',
    allow: holds(ACADEMIC_ADMINISTRATION),
  },
  'audit.readAll': {
    matrix: 'audit log: ADMIN R, DIRECTOR R (every entry, not only the journal\'s)',
    target: 'school',
    allow: holds(SCHOOL_HEADS),
  },
  'federation.service': {
    matrix: 'not in the matrix: the whole subgraph SDL (`_service`) is for the ADMIN (a gateway composes from the committed file)',
    target: 'school',
    allow: holds(Role.ADMIN),
  },
} satisfies Record<string, PermissionSpec>;
