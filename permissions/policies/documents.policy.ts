import { Role } from '../../entities';
import { anyOf, holds, isOwnChild, isSelf, leadsTheirClass, teachesThem } from '../policy';
import { ACADEMIC_ADMINISTRATION, SCHOOL_ADMINISTRATION } from '../roles';
import type { PermissionSpec } from '../policy';

/**
 * Documents (matrix row "documents (printed diary, journal, report card, period reports), year
 * archive": all school for ADMIN, DIRECTOR, DEP_ACAD; DEP_PAST own direction; TEACHER own
 * subjects; class teacher own class; STUDENT own; PARENT own children; ADMIN W the archive;
 * coordinators aggregates only, so no document with names). Each entry is checked when the link
 * is asked for and again when it is fetched (domain/documents/document.service.ts).
 */
export const DOCUMENTS_POLICY = {
  'document.diaryWeek': {
    matrix: 'documents: the printed diary of a week (004 §8.12) — the administration all school (DEP_PAST\'s direction is the work with families), class teacher own class, STUDENT own, PARENT own children',
    target: 'student',
    allow: anyOf(holds(SCHOOL_ADMINISTRATION), leadsTheirClass, isSelf, isOwnChild),
  },
  'document.classJournal': {
    matrix: 'documents: the class journal of a class × subject (004 §9.3) — ADMIN, DIRECTOR, DEP_ACAD all school; TEACHER own subjects; class teacher own class (DEP_PAST\'s direction is not the academic journal)',
    target: 'class',
    allow: anyOf(holds(ACADEMIC_ADMINISTRATION), teachesThem, leadsTheirClass),
  },
  'document.yearArchive': {
    matrix: 'documents: year archive — ADMIN W (004 §9.1–9.2)',
    target: 'school',
    allow: holds(Role.ADMIN),
  },
  'document.verify': {
    matrix: 'documents: a certified copy is checked by the school office that certifies it (004 §9.3): the administration and the SECRETARY («делопроизводитель») of the school that made it',
    target: 'school',
    allow: holds(SCHOOL_ADMINISTRATION, Role.SECRETARY),
  },
} satisfies Record<string, PermissionSpec>;
