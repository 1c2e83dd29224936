/** Domain enums shared by the entities, the GraphQL schema and the rules. */

export enum Role {
  ADMIN = 'ADMIN',
  DIRECTOR = 'DIRECTOR',
  DEPUTY_ACADEMIC = 'DEPUTY_ACADEMIC',
  DEPUTY_PASTORAL = 'DEPUTY_PASTORAL',
  TEACHER = 'TEACHER',
  SECRETARY = 'SECRETARY',
  HR = 'HR',
  STUDENT = 'STUDENT',
  PARENT = 'PARENT',
  MUNICIPAL_COORDINATOR = 'MUNICIPAL_COORDINATOR',
  REGIONAL_COORDINATOR = 'REGIONAL_COORDINATOR',
}

export enum AcademicYearState { PLANNING = 'PLANNING', ACTIVE = 'ACTIVE', CLOSED = 'CLOSED' }
export enum StudyPeriodKind { QUARTER = 'QUARTER', TRIMESTER = 'TRIMESTER', HALF_YEAR = 'HALF_YEAR' }
export enum LessonState { SCHEDULED = 'SCHEDULED', HELD = 'HELD', CANCELLED = 'CANCELLED' }
export enum AttendanceKind { ABSENT = 'ABSENT', LATE = 'LATE' }
export enum AbsenceReason { UNKNOWN = 'UNKNOWN', ILLNESS = 'ILLNESS', EXCUSED = 'EXCUSED', UNEXCUSED = 'UNEXCUSED' }
export enum GradingScale { FIVE_POINT = 'FIVE_POINT', PASS_FAIL = 'PASS_FAIL' }
/** What a period mark closes: a study period, or the year, the exam, the final mark. */
export enum PeriodMarkKind { PERIOD = 'PERIOD', YEAR = 'YEAR', EXAM = 'EXAM', FINAL = 'FINAL' }
/** Orders of the movement book (004 §10): each opens, closes or changes a student's enrollment. */
export enum MovementOrderType {
  ENROLL = 'ENROLL',
  WITHDRAW = 'WITHDRAW',
  PROMOTE = 'PROMOTE',
  /** Promoted with an academic debt; a later DEBT_CLEARED order records it paid off. */
  PROMOTE_CONDITIONAL = 'PROMOTE_CONDITIONAL',
  DEBT_CLEARED = 'DEBT_CLEARED',
  REPEAT_YEAR = 'REPEAT_YEAR',
  GRADUATE = 'GRADUATE',
  TRANSFER_CLASS = 'TRANSFER_CLASS',
  FAMILY_EDUCATION = 'FAMILY_EDUCATION',
}
/**
 * How a pupil of the school is educated (004 §10): in class, or on family education (семейное
 * образование) and attached to the school only for attestation. An enrollment carries it.
 */
export enum EducationForm { IN_CLASS = 'IN_CLASS', FAMILY_EDUCATION = 'FAMILY_EDUCATION' }
export enum Gender { MALE = 'MALE', FEMALE = 'FEMALE' }
export enum IdentityDocumentKind {
  BIRTH_CERTIFICATE = 'BIRTH_CERTIFICATE',
  PASSPORT = 'PASSPORT',
  FOREIGN_DOCUMENT = 'FOREIGN_DOCUMENT',
  OTHER = 'OTHER',
}
/** Whose personal-data card a consent or an access-log row is about. */
export enum PersonCardKind { STUDENT = 'STUDENT', GUARDIAN = 'GUARDIAN', EMPLOYEE = 'EMPLOYEE' }
/** The two parts of a curriculum (ФГОС): «обязательная часть» and «часть, формируемая участниками образовательных отношений». */
export enum CurriculumComponent { COMPULSORY = 'COMPULSORY', PARTICIPANTS = 'PARTICIPANTS' }
export enum DiaryEventType {
  MARK_ADDED = 'MARK_ADDED',
  MARK_CORRECTED = 'MARK_CORRECTED',
  ABSENCE_RECORDED = 'ABSENCE_RECORDED',
  ABSENCE_REASON_SET = 'ABSENCE_REASON_SET',
  LESSON_RECORD_SET = 'LESSON_RECORD_SET',
  /** A mark put on the wrong pupil or lesson was retracted (the diary shows it as removed). */
  MARK_RETRACTED = 'MARK_RETRACTED',
  /** An absence recorded by mistake was cleared. */
  ABSENCE_CLEARED = 'ABSENCE_CLEARED',
  /** A message in one of the recipient's conversations (issue 15; addressed to `recipient`, not watched by student). */
  MESSAGE_RECEIVED = 'MESSAGE_RECEIVED',
  /** An announcement reached the recipient. */
  ANNOUNCEMENT = 'ANNOUNCEMENT',
  /** A family submitted an absence note (to the class teacher). */
  ABSENCE_NOTE_SUBMITTED = 'ABSENCE_NOTE_SUBMITTED',
  /** The class teacher accepted or declined the family's absence note. */
  ABSENCE_NOTE_DECIDED = 'ABSENCE_NOTE_DECIDED',
}
