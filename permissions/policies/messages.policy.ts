import { anyOf, holds, isOwnChild, isSelf, leadsTheirClass, teachesThem } from '../policy';
import { SCHOOL_ADMINISTRATION, SCHOOL_ROLES, STAFF } from '../roles';
import type { PermissionSpec } from '../policy';

/**
 * Messages, announcements, the week's acknowledgement and absence notes (matrix rows "messages and
 * announcements", "absence notes from families"; DOMAIN.md "Talking with families", 004 §2).
 * Who takes part in a conversation about a student is these ties seen from the student's side
 * (permissions/messaging.ts follows `conversation.aboutStudent`): nobody writes to a family they
 * have no tie to, and a family writes only to its own teachers, class teacher and administration.
 */
export const MESSAGES_POLICY = {
  'conversation.aboutStudent': {
    matrix: 'messages: TEACHER with families of students they teach; class teacher; ADMIN, DIRECTOR, DEP_ACAD, DEP_PAST own conversations; STUDENT with own teachers, class teacher, administration; PARENT same, about own children',
    target: 'student',
    allow: anyOf(holds(SCHOOL_ADMINISTRATION), teachesThem, leadsTheirClass, isSelf, isOwnChild),
  },
  'conversation.amongStaff': {
    matrix: 'messages: TEACHER "staff"; ADMIN, DIRECTOR, DEP_ACAD, DEP_PAST, SECRETARY, HR own conversations (among the school\'s staff)',
    target: 'school',
    allow: holds(STAFF),
  },
  'announcement.toSchool': {
    matrix: 'announcements: ADMIN, DIRECTOR, DEP_ACAD, DEP_PAST announce to the school (the whole school, a parallel or chosen classes)',
    target: 'school',
    allow: holds(SCHOOL_ADMINISTRATION),
  },
  'announcement.toClass': {
    matrix: 'announcements: class teacher announce to own class; the administration to any class',
    target: 'class',
    allow: anyOf(holds(SCHOOL_ADMINISTRATION), leadsTheirClass),
  },
  'announcement.read': {
    matrix: 'announcements reach their audience (the families and pupils of the classes; the school\'s staff too for the whole school), resolved through the ties at read time',
    target: 'school',
    allow: holds(SCHOOL_ROLES),
  },
  'weekAcknowledgement.write': {
    matrix: 'acknowledgement of the week («ознакомлен»): PARENT, about own children',
    target: 'student',
    allow: isOwnChild,
  },
  'weekAcknowledgement.report': {
    matrix: 'acknowledgement of the week: the class teacher sees who has and has not, own class; the administration any class',
    target: 'class',
    allow: anyOf(holds(SCHOOL_ADMINISTRATION), leadsTheirClass),
  },
  'absenceNote.submit': {
    matrix: 'absence notes from families: PARENT W own children',
    target: 'student',
    allow: isOwnChild,
  },
  'absenceNote.read': {
    matrix: 'absence notes from families: R ADMIN, DIRECTOR, DEP_ACAD, DEP_PAST; TEACHER R own lessons (students they teach); class teacher; STUDENT R own; PARENT own children',
    target: 'student',
    allow: anyOf(holds(SCHOOL_ADMINISTRATION), leadsTheirClass, teachesThem, isSelf, isOwnChild),
  },
  'absenceNote.decide': {
    matrix: 'absence notes from families: class teacher decide, own class (rule 8, 004 §8.5.1)',
    target: 'student',
    allow: leadsTheirClass,
  },
} satisfies Record<string, PermissionSpec>;
