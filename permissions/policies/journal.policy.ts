import { Role } from '../../entities';
import { anyOf, holds, isOwnChild, isSelf, leadsTheirClass, teachesThem } from '../policy';
import { SCHOOL_ADMINISTRATION } from '../roles';
import type { PermissionSpec } from '../policy';

/**
 * The journal (matrix rows "lesson topic and homework", "marks (current)", "period, year, exam,
 * final marks", "attendance"). For a student, `teachesThem` is a teacher of some of the student's
 * subjects: they read the journal of their own lessons only (the TAUGHT level of scope.ts).
 */
export const JOURNAL_POLICY = {
  'studentRecord.read': {
    matrix: 'lessons, marks, attendance: R the school administration; class teacher R own class; STUDENT R own; PARENT R children\'s',
    target: 'student',
    allow: anyOf(holds(SCHOOL_ADMINISTRATION), leadsTheirClass, isSelf, isOwnChild),
  },
  'studentRecord.readTaught': {
    matrix: 'marks, attendance, lessons: TEACHER R (and W) own lessons',
    target: 'student',
    allow: teachesThem,
  },
  'lesson.read': {
    matrix: 'lesson topic and homework: R the school administration; TEACHER own lessons (and ones they substitute); class teacher own class; STUDENT own; PARENT children\'s',
    target: 'lesson',
    allow: anyOf(holds(SCHOOL_ADMINISTRATION), teachesThem, leadsTheirClass, isSelf, isOwnChild),
  },
  'lesson.writeJournal': {
    matrix: 'lesson topic and homework, marks, attendance: TEACHER W own lessons, in the window (rule 1)',
    target: 'lesson',
    allow: teachesThem,
  },
  'mark.correct': {
    matrix: 'marks: DEP_ACAD W corrections (at any time); TEACHER own marks inside the entry window (rule 2); a retraction (mark on the wrong pupil or lesson) likewise',
    target: 'lesson',
    allow: anyOf(holds(Role.DEPUTY_ACADEMIC), teachesThem),
  },
  'attendance.clear': {
    matrix: 'attendance: an absence recorded by mistake is cleared the same way a mark is corrected (DOMAIN.md "Corrections, never silent"): DEP_ACAD at any time; TEACHER own lessons inside the entry window',
    target: 'lesson',
    allow: anyOf(holds(Role.DEPUTY_ACADEMIC), teachesThem),
  },
  'attendance.readClearing': {
    matrix: 'who cleared an absence, when and why: like a mark\'s versions, for the staff who read the student\'s journal (families see that it was cleared)',
    target: 'student',
    allow: anyOf(holds(SCHOOL_ADMINISTRATION), leadsTheirClass, teachesThem),
  },
  'mark.readVersions': {
    matrix: 'rule 2: every version stays in the audit log; the diary (families) shows the current value and that it was corrected — the history is for the staff who read the student\'s journal',
    target: 'student',
    allow: anyOf(holds(SCHOOL_ADMINISTRATION), leadsTheirClass, teachesThem),
  },
  'periodMark.write': {
    matrix: 'period, year, exam, final marks: TEACHER W own subject; primary-school class teacher all subjects of own class (004 §8.7); DEP_ACAD W corrections',
    target: 'class',
    allow: anyOf(holds(Role.DEPUTY_ACADEMIC), teachesThem, leadsTheirClass),
  },
  'periodMark.readAllSubjects': {
    matrix: 'period marks: R the school administration; class teacher own class; STUDENT own; PARENT children\'s (a subject teacher: their subjects only)',
    target: 'student',
    allow: anyOf(holds(SCHOOL_ADMINISTRATION), leadsTheirClass, isSelf, isOwnChild),
  },
  'attendance.setReason': {
    matrix: 'attendance: class teacher W reasons, own class (004 §8.5.1, rule 8)',
    target: 'student',
    allow: leadsTheirClass,
  },
  'classJournal.read': {
    matrix: 'the class journal (marks, attendance, lessons of a class × subject): R the school administration; TEACHER own lessons and assigned class × subjects; class teacher own class',
    target: 'class',
    allow: anyOf(holds(SCHOOL_ADMINISTRATION), leadsTheirClass, teachesThem),
  },
} satisfies Record<string, PermissionSpec>;
