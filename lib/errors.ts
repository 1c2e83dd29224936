import { GraphQLError } from 'graphql';

/** The stable error codes of the public contract (errors[].extensions.code). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED',
  ENTRY_WINDOW_CLOSED = 'ENTRY_WINDOW_CLOSED',
  NO_MARKS_IN_FIRST_GRADE = 'NO_MARKS_IN_FIRST_GRADE',
  NOT_ENROLLED = 'NOT_ENROLLED',
  LESSON_NOT_HELD = 'LESSON_NOT_HELD',
  CONFLICT = 'CONFLICT',
  /** Sign-in throttled (domain/auth/login-throttle.service.ts); `extensions.retryAfterSeconds` says for how long. */
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  /** The database is unreachable or too slow right now (server/faults.ts); retrying later is safe. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /**
   * A card's personal data (beyond the name) written without a consent to processing in force
   * (004 §6.1, domain/people/personal-data-consent.ts): `extensions.consent` says whose consent is
   * missing (`card`, `cardId`, `givenBy`: SUBJECT or LEGAL_REPRESENTATIVE) and `extensions.fields` which fields needed it.
   */
  CONSENT_REQUIRED = 'CONSENT_REQUIRED',
  /** An import's files cannot be read at all (not CSV, damaged zip, wrong encoding); per-row problems are in the report instead. */
  IMPORT_INVALID = 'IMPORT_INVALID',
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  /** A GRADUATE order or rollover decision for a pupil whose class is not grade 9 or 11 (domain/school-year/final-grades.ts). */
  GRADUATE_GRADE_ONLY = 'GRADUATE_GRADE_ONLY',
  /** An EXAM mark for a student whose class that year is not grade 9 or 11 (DOMAIN.md: exam marks only in grades 9 and 11). */
  EXAM_GRADE_ONLY = 'EXAM_GRADE_ONLY',
  /** The year already has a class of that grade and letter (domain/school-year/classes.service.ts). */
  CLASS_EXISTS = 'CLASS_EXISTS',
  /** A class is closed only when no pupil is enrolled in it any more: move or withdraw them first (movement book). */
  CLASS_HAS_ENROLLMENTS = 'CLASS_HAS_ENROLLMENTS',
  /** The school already has a work type with that code. */
  WORK_TYPE_EXISTS = 'WORK_TYPE_EXISTS',
  /** A work type that marks use is never deleted: retire it instead. */
  WORK_TYPE_IN_USE = 'WORK_TYPE_IN_USE',
  /** The work type is retired: no new marks with it. */
  WORK_TYPE_RETIRED = 'WORK_TYPE_RETIRED',
  /** The mark was retracted (domain/journal/journal.service.ts retractMark): it is never corrected or retracted again. */
  MARK_RETRACTED = 'MARK_RETRACTED',
  /** The absence was cleared as recorded by mistake (clearAbsence): its reason is not set, nor is it cleared again. */
  ABSENCE_CLEARED = 'ABSENCE_CLEARED',
  /**
   * `diaryEvents(after:)` with a cursor older than the outbox keeps (domain/ops/retention.ts): the events
   * after it may be gone. Re-read the diary, then subscribe without `after`.
   */
  CURSOR_EXPIRED = 'CURSOR_EXPIRED',
  /** An app registered "trusted documents only" sent a document it did not register (docs/apps.md); send its hash instead. */
  TRUSTED_DOCUMENT_REQUIRED = 'TRUSTED_DOCUMENT_REQUIRED',
  /** `extensions.persistedQuery.sha256Hash` or `documentId` names no document the app registered. */
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  /** An app's requests over its per-minute limit (HTTP 429, `Retry-After`; `extensions.retryAfterSeconds`). */
  RATE_LIMITED = 'RATE_LIMITED',
}

/** An error meant for the client: its message and code are safe to show. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = () => new AppError(ErrorCode.UNAUTHENTICATED, 'Authentication required.');
/** Used for both "does not exist" and "you may not see it": the two must look the same. */
export const notFound = (what = 'Object') => new AppError(ErrorCode.NOT_FOUND, `${what} not found.`);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError(ErrorCode.FORBIDDEN, message);
export const badInput = (field: string, message: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, { field });
export const conflict = (message: string) => new AppError(ErrorCode.CONFLICT, message);
export const cursorExpired = () => new AppError(
  ErrorCode.CURSOR_EXPIRED,
  'This cursor is older than the diary events the server keeps: some events after it are gone. '
    + 'Re-read the diary (diary query), then subscribe again without `after`.',
);
export const consentRequired = (message: string, consent: Record<string, unknown>, fields: string[]) =>
  new AppError(ErrorCode.CONSENT_REQUIRED, message, { consent, fields });

export const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  // Raised by graphql-js / Apollo for malformed documents and variables: safe, and useful.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);
