import { CurriculumComponent, EducationForm, Gender, GradingScale, Role, StudyPeriodKind } from '../../entities';

/**
 * A school's lists as an import brings them, whatever the files' format (OneRoster 1.2 CSV or the
 * spreadsheet set, roster-readers.ts): every record keyed by the id the other system gave it
 * (OneRoster's sourcedId), with the file and line it came from for the report.
 */

export interface Source { file: string; line: number }

export interface RosterYear { key: string; name: string; startsOn: string; endsOn: string; at: Source }
/** A study period of the grades `gradeFrom`–`gradeTo` (the scheme per parallel, 004 §4: quarters for 1–9, half-years for 10–11). */
export interface RosterPeriod { key: string; yearKey: string; kind: StudyPeriodKind; ordinal: number; name: string; startsOn: string; endsOn: string; gradeFrom: number; gradeTo: number; at: Source }
export interface RosterSubject { key: string; name: string; gradingScale: GradingScale | null; at: Source }
export interface RosterClass { key: string; yearKey: string | null; grade: number; letter: string; shift: number; at: Source }
export interface RosterCurriculumItem { key: string; classKey: string; subjectKey: string; hoursPerWeek: string; component: CurriculumComponent; at: Source }
export type PersonKind = 'STUDENT' | 'GUARDIAN' | 'EMPLOYEE';
export interface RosterConsent { givenByName: string; givenByRelation: string | null; givenOn: string }
export interface RosterPerson {
  key: string; kind: PersonKind; lastName: string; firstName: string; middleName: string | null;
  login: string | null; roles: Role[]; position: string | null;
  birthDate: string | null; gender: Gender | null; phone: string | null; email: string | null;
  consent: RosterConsent | null; at: Source;
}
export interface RosterGuardianship { key: string; guardianKey: string; studentKey: string; relation: string | null; at: Source }
/** `form`: in class, or family education (attached to the class for attestation, 004 §10). */
export interface RosterEnrollment { key: string; classKey: string; studentKey: string; startsOn: string | null; form: EducationForm; at: Source }
export interface RosterClassTeacher { classKey: string; employeeKey: string; at: Source }
export interface RosterAssignment { key: string; curriculumKey: string; employeeKey: string; at: Source }

/** A problem with one cell or row: the report's error line. */
export interface RowProblem { file: string; line: number; column: string | null; message: string }

export interface Roster {
  format: 'ONEROSTER' | 'SPREADSHEET';
  years: RosterYear[];
  periods: RosterPeriod[];
  subjects: RosterSubject[];
  classes: RosterClass[];
  curriculum: RosterCurriculumItem[];
  people: RosterPerson[];
  guardianships: RosterGuardianship[];
  enrollments: RosterEnrollment[];
  classTeachers: RosterClassTeacher[];
  assignments: RosterAssignment[];
  problems: RowProblem[];
  warnings: RowProblem[];
}

export const emptyRoster = (format: Roster['format']): Roster => ({
  format, years: [], periods: [], subjects: [], classes: [], curriculum: [], people: [], guardianships: [],
  enrollments: [], classTeachers: [], assignments: [], problems: [], warnings: [],
});
