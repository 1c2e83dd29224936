import { Role } from '../../entities';
import { anyOf, holds, isOwnChild, isSelf, leadsTheirClass, teachesThem } from '../policy';
import { SCHOOL_ADMINISTRATION, STAFF } from '../roles';
import type { PermissionSpec } from '../policy';

/** Personal cards (matrix rows "employee cards" and "student and guardian cards, guardianship"; 004 §6). */
export const CARDS_POLICY = {
  'studentCard.read': {
    matrix: 'student and guardian cards: R the school administration; W (so R) SECRETARY; class teacher own class; STUDENT own; PARENT own children',
    target: 'student',
    allow: anyOf(holds(SCHOOL_ADMINISTRATION, Role.SECRETARY), leadsTheirClass, isSelf, isOwnChild),
  },
  'studentCard.readNames': {
    matrix: 'student and guardian cards: TEACHER names of students they teach',
    target: 'student',
    allow: teachesThem,
  },
  'studentCard.write': {
    matrix: 'student and guardian cards: SECRETARY W create, link (004 §6.3); class teacher W own class (004 §6.4)',
    target: 'student',
    allow: anyOf(holds(Role.SECRETARY), leadsTheirClass),
  },
  'studentCard.create': {
    matrix: 'student and guardian cards, guardianship: SECRETARY W create, link (004 §6.3)',
    target: 'school',
    allow: holds(Role.SECRETARY),
  },
  'guardianCard.readOthers': {
    matrix: 'student and guardian cards: a parent reads their own card (PARENT "own + own children" = their own guardian card and their children\'s student cards), not the other guardian\'s',
    target: 'student',
    allow: anyOf(holds(SCHOOL_ADMINISTRATION, Role.SECRETARY), leadsTheirClass),
  },
  'consent.write': {
    matrix: 'personal data needs a recorded consent (004 §6.1): whoever writes the student\'s or guardian\'s card records it (SECRETARY, class teacher own class); an employee\'s, whoever writes employee cards (employeeCard.write)',
    target: 'student',
    allow: anyOf(holds(Role.SECRETARY), leadsTheirClass),
  },
  'employeeCard.read': {
    matrix: 'employee cards: R ADMIN, DIRECTOR, DEP_ACAD, DEP_PAST; W SECRETARY, HR',
    target: 'school',
    allow: holds(SCHOOL_ADMINISTRATION, Role.SECRETARY, Role.HR),
  },
  'employeeCard.readNames': {
    matrix: 'employee cards: TEACHER names only; STUDENT, PARENT teacher names',
    target: 'school',
    allow: holds(STAFF, Role.STUDENT, Role.PARENT),
  },
  'employeeCard.write': {
    matrix: 'employee cards: SECRETARY W, HR W',
    target: 'school',
    allow: holds(Role.SECRETARY, Role.HR),
  },
} satisfies Record<string, PermissionSpec>;
