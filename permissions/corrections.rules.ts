import type { IRules } from 'graphql-shield';
import { can, isAuthenticated } from './rules';

// Mistakes put right, never silently (DOMAIN.md "Corrections, never silent"; issue 18 part 4):
// retracted marks, cleared absences. Shield answers "may this role use the field at all"; which
// mark or absence is the viewer's is decided in domain/journal/journal.service.ts (the same entries).

const signedIn = isAuthenticated;

export const CORRECTION_RULES = {
  Mutation: { retractMark: can('mark.correct'), clearAbsence: can('attendance.clear') },
  /** Fields added to types that already existed (merged into their rules in permissions/index.ts). */
  // Families see that a mark was retracted; who, when and why is the staff's, like the versions.
  Mark: {
    retracted: signedIn, retractedAt: can('mark.readVersions'), retractionReason: can('mark.readVersions'),
    retractedBy: can('mark.readVersions'),
  },
  MarkVersion: { retraction: can('mark.readVersions') },
  Attendance: {
    cleared: signedIn, clearedAt: can('attendance.readClearing'), clearReason: can('attendance.readClearing'),
    clearedBy: can('attendance.readClearing'),
  },
  // Reached only through the diary and the class journal, which decided what the viewer may read.
  DiaryLesson: { retractedMarks: signedIn, clearedAttendance: signedIn },
  ClassJournal: { retractedMarks: signedIn, clearedAttendance: signedIn },
} satisfies Record<string, IRules>;
