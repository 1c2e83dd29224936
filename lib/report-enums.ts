/**
 * The choices of the period-results reports and the report constructor (domain/reports/), kept
 * here so the GraphQL types (schema/) and the domain both name them.
 */
export enum ResultsGrouping {
  SCHOOL = 'SCHOOL', PARALLEL = 'PARALLEL', CLASS = 'CLASS', SUBJECT = 'SUBJECT', CLASS_SUBJECT = 'CLASS_SUBJECT', TEACHER = 'TEACHER',
}

export enum PupilCategory {
  EXCELLENT = 'EXCELLENT', GOOD = 'GOOD', SATISFACTORY = 'SATISFACTORY', FAILING = 'FAILING', NOT_ATTESTED = 'NOT_ATTESTED',
}

export enum ConstructorDimension {
  CLASS = 'CLASS', PARALLEL = 'PARALLEL', SUBJECT = 'SUBJECT', TEACHER = 'TEACHER', PERIOD = 'PERIOD', WORK_TYPE = 'WORK_TYPE', WEEK = 'WEEK',
}

export enum ConstructorMeasure {
  COUNT = 'COUNT', AVERAGE = 'AVERAGE', WEIGHTED_AVERAGE = 'WEIGHTED_AVERAGE', QUALITY = 'QUALITY', SUCCESS = 'SUCCESS', ABSENCES = 'ABSENCES',
}
