import { deny, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { AppError, ErrorCode } from '../lib/errors';
import { FEDERATION_QUERY_RULES, FEDERATION_RULES } from './federation.rules';
import { HARDENING_RULES } from './hardening.rules';
import { REPORT_QUERY_RULES, REPORT_TYPE_RULES } from './reports.rules';
import { PERIOD_RESULTS_QUERY_RULES, PERIOD_RESULTS_TYPE_RULES } from './period-results.rules';
import { can, isAuthenticated, isPublic, isSignedIn } from './rules';
import { YEAR_RULES } from './year.rules';
import { EVENT_RULES } from './events.rules';
import { SCHOOL_SETUP_RULES } from './school-setup.rules';
import { JOURNAL_REPORT_MUTATION_RULES, JOURNAL_REPORT_QUERY_RULES, JOURNAL_REPORT_TYPE_RULES } from './journal-reports.rules';
import { PEOPLE_MUTATION_RULES, PEOPLE_QUERY_RULES, PEOPLE_TYPE_RULES } from './people.rules';
import { INTERCHANGE_MUTATION_RULES, INTERCHANGE_TYPE_RULES } from './interchange.rules';
import { CORRECTION_RULES } from './corrections.rules';
import { LATE_ENTRY_RULES } from './late-entry.rules';
import { PUSH_RULES } from './push.rules';
import { EXPORT_MUTATION_RULES, EXPORT_TYPE_RULES } from './export.rules';
import { DOCUMENT_MUTATION_RULES, DOCUMENT_QUERY_RULES, DOCUMENT_TYPE_RULES } from './documents.rules';
import { MESSAGE_RULES } from './messages.rules';
import { withAppScopes } from './app-scopes.rules';
import { APPS_RULES } from './apps.rules';

/**
 * Every field of the schema, by type, with the rule that lets it through. Nothing
 * is allowed by a wildcard: a field missing here is denied (fallbackRule), and
 * tests/permissions/schema-walk.test.ts fails until it gets an explicit rule.
 * A change in this file changes who can reach what: review it as a permission change.
 *
 * Role rules come from the registry (`can('mark.correct')`, permissions/registry.ts): the roles
 * that can hold the matrix cell anywhere. Row scoping (own lessons, own class, own children, own
 * record, own school) applies the same entries where rows are fetched (permissions/scope.ts).
 */
const signedIn = isAuthenticated;

const ROLE_RULES = {
  Query: {
    me: signedIn,
    node: signedIn,
    student: signedIn,
    diary: signedIn,
    classJournal: can('classJournal.read'),
    academicYears: signedIn,
    workTypes: can('workTypes.read'),
    ...FEDERATION_QUERY_RULES,
    ...YEAR_RULES.Query,
    ...SCHOOL_SETUP_RULES.Query,
    ...REPORT_QUERY_RULES,
    ...JOURNAL_REPORT_QUERY_RULES,
    ...PERIOD_RESULTS_QUERY_RULES,
    ...PEOPLE_QUERY_RULES,
    ...EVENT_RULES.Query,
    ...LATE_ENTRY_RULES.Query,
    ...PUSH_RULES.Query,
    ...DOCUMENT_QUERY_RULES,
    ...MESSAGE_RULES.Query,
    ...APPS_RULES.Query,
  },
  Mutation: {
    login: isPublic,
    refreshSession: isPublic,
    logout: isPublic,
    changePassword: isSignedIn,
    recordMark: can('lesson.writeJournal'),
    correctMark: can('mark.correct'),
    recordAttendance: can('lesson.writeJournal'),
    recordLessonEntries: can('lesson.writeJournal'),
    setAbsenceReason: can('attendance.setReason'),
    setLessonRecord: can('lesson.writeJournal'),
    setPeriodMark: can('periodMark.write'),
    ...HARDENING_RULES.Mutation,
    ...YEAR_RULES.Mutation,
    ...SCHOOL_SETUP_RULES.Mutation,
    ...JOURNAL_REPORT_MUTATION_RULES,
    ...PEOPLE_MUTATION_RULES,
    ...INTERCHANGE_MUTATION_RULES,
    ...EXPORT_MUTATION_RULES,
    ...DOCUMENT_MUTATION_RULES,
    ...EVENT_RULES.Mutation,
    ...CORRECTION_RULES.Mutation,
    ...LATE_ENTRY_RULES.Mutation,
    ...PUSH_RULES.Mutation,
    ...MESSAGE_RULES.Mutation,
    ...APPS_RULES.Mutation,
  },
  // Wraps only each event's resolve: who may subscribe is checked in the subscribe step
  // (resolvers/diary/diary-events.resolver.ts) and again for every event by the diary hub.
  Subscription: { diaryEvents: signedIn, ...MESSAGE_RULES.Subscription },
  DiaryEvent: {
    cursor: signedIn, type: signedIn, occurredAt: signedIn, student: signedIn, mark: signedIn, attendance: signedIn, lesson: signedIn,
  },
  // recordLessonEntries' answer: reached only by its caller, who may write the lesson's journal.
  LessonEntriesPayload: { written: signedIn, marks: signedIn, absences: signedIn },
  LessonMarkEntryOutcome: { index: signedIn, studentId: signedIn, mark: signedIn, error: signedIn },
  LessonAbsenceEntryOutcome: { index: signedIn, studentId: signedIn, attendance: signedIn, changed: signedIn, error: signedIn },
  EntryError: { code: signedIn, message: signedIn, field: signedIn },
  AuthPayload: { accessToken: isPublic, refreshToken: isPublic, user: isPublic },
  // Reached only as the viewer's own user, the login answer, or a mark version's author (staff only).
  User: { id: isPublic, login: isPublic },
  Viewer: { user: signedIn, roles: signedIn, student: signedIn, children: signedIn, employee: signedIn },
  Student: {
    id: signedIn, fullName: signedIn, classGroup: signedIn,
    marks: signedIn, attendance: signedIn, periodMarks: signedIn, ...EVENT_RULES.Student,
  },
  ClassGroup: { id: signedIn, name: signedIn, grade: signedIn, classTeacher: signedIn, ...YEAR_RULES.ClassGroup, ...SCHOOL_SETUP_RULES.ClassGroup },
  Employee: { id: signedIn, fullName: signedIn },
  Subject: { id: signedIn, name: signedIn, gradingScale: signedIn, ...YEAR_RULES.Subject },
  WorkType: { code: signedIn, name: signedIn, weight: signedIn, ...SCHOOL_SETUP_RULES.WorkType },
  Lesson: {
    id: signedIn, date: signedIn, number: signedIn, state: signedIn, subject: signedIn, teacher: signedIn,
    substituteTeacher: signedIn, classGroup: signedIn, topic: signedIn, homework: signedIn, ...YEAR_RULES.Lesson,
  },
  Mark: {
    id: signedIn, value: signedIn, workType: signedIn, lesson: signedIn, student: signedIn, comment: signedIn,
    createdAt: signedIn, corrected: signedIn, correctedAt: signedIn, revision: signedIn,
    // Families see the current value and that it was corrected; the history is for the student's school staff.
    versions: can('mark.readVersions'),
    ...CORRECTION_RULES.Mark,
  },
  MarkVersion: {
    ...Object.fromEntries(['revision', 'value', 'comment', 'reason', 'createdAt', 'author'].map((f) => [f, can('mark.readVersions')])),
    ...CORRECTION_RULES.MarkVersion,
  },
  Attendance: { id: signedIn, kind: signedIn, reason: signedIn, document: signedIn, lesson: signedIn, student: signedIn, ...CORRECTION_RULES.Attendance },
  PeriodMark: {
    id: signedIn, kind: signedIn, studyPeriod: signedIn, subject: signedIn, student: signedIn,
    value: signedIn, corrected: signedIn, revision: signedIn,
  },
  AcademicYear: {
    id: signedIn, name: signedIn, startsOn: signedIn, endsOn: signedIn, state: signedIn, studyPeriods: signedIn, holidays: signedIn,
    ...YEAR_RULES.AcademicYear,
  },
  StudyPeriod: { id: signedIn, name: signedIn, ordinal: signedIn, startsOn: signedIn, endsOn: signedIn, ...YEAR_RULES.StudyPeriod, ...SCHOOL_SETUP_RULES.StudyPeriod },
  Holiday: { name: signedIn, startsOn: signedIn, endsOn: signedIn, ...YEAR_RULES.Holiday },
  DiaryDay: { date: signedIn, lessons: signedIn, ...EVENT_RULES.DiaryDay },
  DiaryLesson: { lesson: signedIn, marks: signedIn, attendance: signedIn, ...CORRECTION_RULES.DiaryLesson },
  ClassJournal: { lessons: signedIn, students: signedIn, marks: signedIn, attendance: signedIn, ...CORRECTION_RULES.ClassJournal },
  PageInfo: { hasNextPage: signedIn, endCursor: signedIn },
  MarkConnection: { edges: signedIn, pageInfo: signedIn, totalCount: signedIn },
  MarkEdge: { cursor: signedIn, node: signedIn },
  AttendanceConnection: { edges: signedIn, pageInfo: signedIn, totalCount: signedIn },
  AttendanceEdge: { cursor: signedIn, node: signedIn },
  ...FEDERATION_RULES,
  School: { ...FEDERATION_RULES.School, ...SCHOOL_SETUP_RULES.School },
  ...YEAR_RULES.types,
  ...REPORT_TYPE_RULES,
  ...JOURNAL_REPORT_TYPE_RULES,
  ...PERIOD_RESULTS_TYPE_RULES,
  ...PEOPLE_TYPE_RULES,
  ...INTERCHANGE_TYPE_RULES,
  ...EXPORT_TYPE_RULES,
  ...DOCUMENT_TYPE_RULES,
  ...EVENT_RULES.types,
  ...LATE_ENTRY_RULES.types,
  ...PUSH_RULES.types,
  ...MESSAGE_RULES.types,
  ...APPS_RULES.types,
} satisfies IRules;

/** The role rules, each with the app-scope rule beside it (permissions/app-scopes.rules.ts): an app's token reaches only its scopes. */
export const RULES = withAppScopes(ROLE_RULES);

export const SHIELD_OPTIONS = {
  // graphql-shield's default is allow: anything without a rule would be public.
  fallbackRule: deny,
  fallbackError: () => new AppError(ErrorCode.FORBIDDEN, 'You are not allowed to do this.'),
  // Domain errors (NOT_FOUND, ENTRY_WINDOW_CLOSED, …) pass through; unexpected ones are masked in formatError.
  allowExternalErrors: true,
  debug: false,
};

export const permissions = shield(RULES, SHIELD_OPTIONS);
