import { can, isAuthenticated } from './rules';

/**
 * Term reports. Which class or school is the viewer's is decided in domain/reports/term-reports.queries.ts
 * (NOT_FOUND otherwise); here only who may ask at all.
 */
export const REPORT_QUERY_RULES = {
  // Class teachers hold TEACHER; a teacher who leads no such class gets NOT_FOUND.
  classTermReport: can('report.termOfClass'),
  schoolTermReport: can('report.schoolAggregates'),
};

export const REPORT_TYPE_RULES = {
  // Aggregates only: whoever may read the report reads all of it.
  TermReport: { schoolId: isAuthenticated, schoolName: isAuthenticated, classGroupName: isAuthenticated, rows: isAuthenticated },
  TermReportRow: {
    subjectId: isAuthenticated, subjectName: isAuthenticated, studyPeriodId: isAuthenticated, studyPeriodName: isAuthenticated,
    studyPeriodOrdinal: isAuthenticated, academicYearName: isAuthenticated, marksCount: isAuthenticated, gradedCount: isAuthenticated,
    average: isAuthenticated, weightedAverage: isAuthenticated, qualityPercent: isAuthenticated, successPercent: isAuthenticated,
  },
};
