import { can, isAuthenticated } from './rules';

/**
 * The journal reports and the period-mark sheet: who may ask at all. Which rows are the
 * viewer's (own school, own class, own subjects, own child) is decided in
 * domain/reports/ and domain/journal/period-mark-sheet.queries.ts; outside it, NOT_FOUND or no rows.
 * A change here changes who can reach a report: review it as a permission change.
 */
const readerRule = isAuthenticated;

export const JOURNAL_REPORT_QUERY_RULES = {
  journalCompletenessReport: can('report.academic'),
  markTimelinessReport: can('report.academic'),
  weightedAverageReport: can('report.academic'),
  atRiskReport: can('report.academic'),
  attendanceSummaryReport: can('report.attendance'),
  // Staff who reach the student (FULL or TAUGHT in permissions/scope.ts); families read the report card.
  studentAverageReport: can('report.student'),
  reportCardReport: can('report.reportCard'),
  schoolJournalAggregatesReport: can('report.schoolAggregates'),
  periodMarkSheet: can('report.periodMarkSheet'),
};

export const JOURNAL_REPORT_MUTATION_RULES = {
  markAttendanceTaken: can('lesson.writeJournal'),
};

/** Whoever may read a report reads every field of it: the rows were scoped when fetched. */
const all = <K extends string>(...fields: K[]) => Object.fromEntries(fields.map((f) => [f, readerRule])) as Record<K, typeof readerRule>;

export const JOURNAL_REPORT_TYPE_RULES = {
  IncompleteLesson: all('lessonId', 'date', 'number', 'missingTopic', 'missingHomework', 'missingAttendance'),
  JournalCompletenessRow: all('classGroupId', 'classGroupName', 'subjectId', 'subjectName', 'teacherId', 'teacherName', 'lessons',
    'missingTopic', 'missingHomework', 'missingAttendance', 'complete', 'incompleteLessons'),
  JournalCompletenessReport: all('schoolId', 'from', 'to', 'rows'),
  MarkTimelinessRow: all('teacherId', 'teacherName', 'subjectId', 'subjectName', 'marks', 'lateMarks', 'lateShare', 'averageDelayDays', 'underPermit'),
  MarkTimelinessReport: all('schoolId', 'from', 'to', 'marks', 'lateMarks', 'lateShare', 'underPermit', 'rows'),
  AveragePoint: all('label', 'startsOn', 'endsOn', 'marks', 'average', 'weightedAverage'),
  StudentAverageReport: all('studentId', 'studentName', 'subjectId', 'marks', 'average', 'weightedAverage', 'trend', 'periods', 'weeks'),
  WeightedAverageRow: all('studentId', 'studentName', 'subjectId', 'subjectName', 'marks', 'average', 'weightedAverage'),
  WeightedAverageReport: all('classGroupId', 'classGroupName', 'studyPeriodId', 'studyPeriodName', 'formula', 'rows'),
  ReportCardSubject: all('subjectId', 'subjectName', 'periodMark', 'yearMark', 'marks', 'average', 'weightedAverage'),
  ReportCardAbsences: all('absentLessons', 'lateLessons', 'illness', 'excused', 'unexcused', 'unknown'),
  ReportCard: all('studentId', 'studentName', 'classGroupName', 'studyPeriodId', 'studyPeriodName', 'subjects', 'absences'),
  ReasonCount: all('kind', 'reason', 'count'),
  StudentAttendanceRow: all('studentId', 'studentName', 'absent', 'late', 'unexcused'),
  ClassAttendanceRow: all('classGroupId', 'classGroupName', 'absences', 'lates', 'byReason', 'students'),
  AttendanceSummaryReport: all('schoolId', 'from', 'to', 'rows'),
  AtRiskSubject: all('subjectId', 'subjectName', 'hoursPerWeek', 'marks', 'required'),
  AtRiskStudent: all('studentId', 'studentName', 'classGroupId', 'classGroupName', 'subjects'),
  AtRiskReport: all('schoolId', 'studyPeriodId', 'studyPeriodName', 'students'),
  SchoolJournalAggregate: all('schoolId', 'schoolName', 'lessons', 'lessonsMissingTopic', 'lessonsMissingHomework', 'lessonsMissingAttendance',
    'marks', 'lateMarks', 'lateShare', 'averageMark', 'weightedAverageMark', 'absences', 'lates', 'illness', 'excused', 'unexcused',
    'unknownReason', 'atRiskStudyPeriodName', 'atRiskPairs', 'atRiskStudents'),
  PeriodMarkSheetStudent: all('studentId', 'fullName'),
  PeriodMarkSheetSubject: all('subjectId', 'name'),
  PeriodMarkCell: all('periodMarkId', 'studentId', 'subjectId', 'kind', 'studyPeriodId', 'value', 'revision', 'corrected'),
  PeriodMarkSheet: all('classGroupId', 'classGroupName', 'studyPeriodId', 'studyPeriodName', 'students', 'subjects', 'marks'),
};
