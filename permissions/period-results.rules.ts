import { can, isAuthenticated } from './rules';

/**
 * Period results and the regulation's §11 reports (004 §11.3–11.6): who may ask at all. Which
 * school, class, pupil or rows are the viewer's is decided in domain/reports/ (NOT_FOUND
 * otherwise; a coordinator asking for names, FORBIDDEN). A change here changes who can reach a
 * report: review it as a permission change.
 */
export const PERIOD_RESULTS_QUERY_RULES = {
  // The academic administration, teachers (own subjects), class teachers (own class); coordinators per school, no names.
  periodResults: can('report.periodResults', 'report.schoolAggregates'),
  classTeachersSummaryReport: can('report.periodResults', 'report.schoolAggregates'),
  schoolPerformanceReport: can('report.periodResults', 'report.schoolAggregates'),
  knowledgeQualityReport: can('report.periodResults', 'report.schoolAggregates'),
  // A class's reports: its class teacher and the academic administration.
  classPeriodResultsReport: can('report.termOfClass'),
  classTeacherPeriodReport: can('report.termOfClass'),
  preliminaryClassReport: can('report.termOfClass'),
  classMarkSheetReport: can('report.termOfClass'),
  subjectTeacherReport: can('report.academic'),
  // A pupil's: like the report card (the pupil, their parents, the staff who reach them).
  studentProgressReport: can('report.reportCard'),
  yearReportCard: can('report.reportCard'),
  yearTransitionReport: can('report.yearTransition'),
  reportConstructor: can('report.constructor'),
};

/** Whoever may read a report reads every field of it: the rows were scoped when fetched. */
const all = <K extends string>(...fields: K[]) => Object.fromEntries(fields.map((f) => [f, isAuthenticated])) as Record<K, typeof isAuthenticated>;

const COUNTS = ['pupils', 'attested', 'excellent', 'good', 'oneFour', 'satisfactory', 'oneThree', 'failing', 'notAttestedMark', 'notAttested',
  'missingMarks', 'qualityPercent', 'successPercent'] as const;
const ABSENCES = ['absentLessons', 'lateLessons', 'illness', 'excused', 'unexcused', 'unknown'] as const;
const YEAR_CARDS = ['academicYearId', 'academicYearName', 'periods', 'cards'] as const;

export const PERIOD_RESULTS_TYPE_RULES = {
  ResultCounts: all(...COUNTS),
  ResultGroup: all(...COUNTS, 'grade', 'classGroupId', 'classGroupName', 'classTeacherName', 'subjectId', 'subjectName', 'teacherId', 'teacherName'),
  PupilSubjectMark: all('subjectId', 'subjectName', 'value'),
  PupilResult: all('studentId', 'studentName', 'classGroupId', 'classGroupName', 'category', 'marks'),
  PeriodResults: all('schoolId', 'schoolName', 'academicYearId', 'academicYearName', 'studyPeriodId', 'studyPeriodName', 'kind', 'groupBy', 'onDay',
    'qualityFormula', 'successFormula', 'total', 'groups', 'pupils'),
  AbsenceCounts: all(...ABSENCES),
  ClassAbsences: all(...ABSENCES, 'classGroupId'),
  PupilAbsences: all(...ABSENCES, 'studentId'),
  ClassTeachersSummary: all('results', 'absences'),
  ClassTeacherPeriodReport: all('results', 'absences', 'pupilAbsences'),
  HeadingForMark: all('subjectId', 'subjectName', 'marks', 'weightedAverage', 'headingFor'),
  PreliminaryPupil: all('studentId', 'studentName', 'category', 'subjects'),
  PreliminaryReport: all('classGroupId', 'classGroupName', 'studyPeriodId', 'studyPeriodName', 'onDay', 'formula', 'pupils', 'excellent', 'good',
    'satisfactory', 'failing', 'notAttested'),
  CoverageRow: all('classGroupId', 'classGroupName', 'subjectId', 'subjectName', 'plannedHours', 'plannedHoursToDate', 'lessonsHeld', 'coveragePercent'),
  SubjectTeacherReport: all('teacherId', 'teacherName', 'results', 'coverage'),
  ProgressMark: all('subjectId', 'date', 'value', 'workTypeName', 'weight'),
  StudentProgressReport: all('card', 'marks'),
  YearCardPeriod: all('studyPeriodId', 'name', 'ordinal'),
  YearCardPeriodMark: all('studyPeriodId', 'value'),
  YearCardSubject: all('subjectId', 'subjectName', 'periods', 'yearMark', 'examMark', 'finalMark'),
  YearCard: all('studentId', 'studentName', 'classGroupName', 'subjects'),
  YearCardSet: all(...YEAR_CARDS),
  ClassMarkSheet: all(...YEAR_CARDS, 'classGroupName'),
  YearTransitionRow: all('schoolId', 'schoolName', 'currentYearName', 'currentYearState', 'nextYearName', 'nextYearState', 'nextYearStudyPeriods',
    'nextYearClasses', 'nextYearClassesContinued', 'nextYearClassesWithoutClassTeacher', 'nextYearCurriculumItems', 'nextYearTeachingAssignments',
    'pupils', 'promoted', 'promotedConditionally', 'repeating', 'graduated', 'withdrawn', 'undecided', 'completed'),
  ConstructorKey: all('dimension', 'id', 'label'),
  ConstructorAbsences: all('absent', 'late', 'illness', 'excused', 'unexcused', 'unknown'),
  ConstructorRow: all('keys', 'count', 'average', 'weightedAverage', 'qualityPercent', 'successPercent', 'absences'),
  ConstructorReport: all('schoolId', 'from', 'to', 'dimensions', 'measures', 'rows', 'groupCount', 'truncated'),
};
