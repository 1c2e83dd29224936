import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { School as SchoolEntity, ClassGroup as ClassGroupEntity, Student as StudentEntity, Employee as EmployeeEntity, Subject as SubjectEntity, Lesson as LessonEntity, Mark as MarkEntity } from '../../entities';
import type { RequestContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, "2026-11-20" (ISO 8601, no time, no zone). */
  Date: { input: string; output: string; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
  _Any: { input: unknown; output: unknown; }
  federation__FieldSet: { input: unknown; output: unknown; }
  federation__Policy: { input: unknown; output: unknown; }
  federation__Scope: { input: unknown; output: unknown; }
  link__Import: { input: unknown; output: unknown; }
};

/** Absences and late arrivals at lessons of the period (cleared ones left out), by reason. */
export type AbsenceCounts = {
  __typename?: 'AbsenceCounts';
  absentLessons: Scalars['Int']['output'];
  excused: Scalars['Int']['output'];
  illness: Scalars['Int']['output'];
  lateLessons: Scalars['Int']['output'];
  unexcused: Scalars['Int']['output'];
  unknown: Scalars['Int']['output'];
};

/** A family's note that a child will be or was absent; the class teacher accepts or declines it. */
export type AbsenceNote = {
  __typename?: 'AbsenceNote';
  comment?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  decisionComment?: Maybe<Scalars['String']['output']>;
  /** The scan itself. */
  document?: Maybe<AbsenceNoteDocument>;
  documentName?: Maybe<Scalars['String']['output']>;
  documentSize?: Maybe<Scalars['Int']['output']>;
  documentType?: Maybe<Scalars['String']['output']>;
  endsOn: Scalars['Date']['output'];
  /** Only these lessons (bell numbers) of each day; null: the whole day. */
  firstLesson?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  lastLesson?: Maybe<Scalars['Int']['output']>;
  reason: AbsenceReason;
  startsOn: Scalars['Date']['output'];
  state: AbsenceNoteState;
  student: Student;
};

export type AbsenceNoteConnection = {
  __typename?: 'AbsenceNoteConnection';
  edges: Array<AbsenceNoteEdge>;
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Float']['output'];
};

/** The scan attached to a note (reading it is logged for staff). */
export type AbsenceNoteDocument = {
  __typename?: 'AbsenceNoteDocument';
  base64: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** application/pdf, image/jpeg or image/png (from the file's bytes). */
  type: Scalars['String']['output'];
};

export type AbsenceNoteEdge = {
  __typename?: 'AbsenceNoteEdge';
  cursor: Scalars['String']['output'];
  node: AbsenceNote;
};

/** SUBMITTED by the family; ACCEPTED (its reasons go into the journal) or DECLINED by the class teacher. */
export type AbsenceNoteState =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'SUBMITTED';

export type AbsenceReason =
  | 'EXCUSED'
  | 'ILLNESS'
  | 'UNEXCUSED'
  | 'UNKNOWN';

export type AcademicYear = Node & {
  __typename?: 'AcademicYear';
  /** The year's classes you may read (as `classGroups(yearId:)`, closed ones included), by grade and letter. */
  classGroups: Array<ClassGroup>;
  /** When the year was CLOSED: from then on it is read-only. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  endsOn: Scalars['Date']['output'];
  holidays: Array<Holiday>;
  id: Scalars['ID']['output'];
  movedWorkingDays: Array<MovedWorkingDay>;
  name: Scalars['String']['output'];
  /** The year this one was rolled over from. */
  previousYear?: Maybe<AcademicYear>;
  startsOn: Scalars['Date']['output'];
  state: AcademicYearState;
  studyPeriods: Array<StudyPeriod>;
  /** Moves with every change of the year or its calendar; send it back as expectedVersion. */
  version: Scalars['Int']['output'];
};

export type AcademicYearState =
  | 'ACTIVE'
  | 'CLOSED'
  | 'PLANNING';

/** A user account as its administrator sees it. `id` is the User id. */
export type Account = {
  __typename?: 'Account';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  lastLoginAt?: Maybe<Scalars['DateTime']['output']>;
  locked: Scalars['Boolean']['output'];
  lockedAt?: Maybe<Scalars['DateTime']['output']>;
  lockedReason?: Maybe<Scalars['String']['output']>;
  login: Scalars['String']['output'];
  /** A starting password: everything but changePassword answers PASSWORD_CHANGE_REQUIRED. */
  mustChangePassword: Scalars['Boolean']['output'];
  /** Its roles in the schools the viewer administers. */
  roles: Array<AccountRole>;
  /** Send it back as `expectedVersion`: CONFLICT when the account changed meanwhile. */
  version: Scalars['Int']['output'];
};

export type AccountConnection = {
  __typename?: 'AccountConnection';
  edges: Array<AccountEdge>;
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Float']['output'];
};

export type AccountEdge = {
  __typename?: 'AccountEdge';
  cursor: Scalars['String']['output'];
  node: Account;
};

/** A role an account holds, in its school. */
export type AccountRole = {
  __typename?: 'AccountRole';
  grantedAt: Scalars['DateTime']['output'];
  role: Role;
  school?: Maybe<School>;
};

export type AccountVersionInput = {
  expectedVersion: Scalars['Int']['input'];
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  userId: Scalars['ID']['input'];
};

export type AddThematicPlanItemInput = {
  classGroupId: Scalars['ID']['input'];
  hours: Scalars['Int']['input'];
  plannedOn?: InputMaybe<Scalars['Date']['input']>;
  /** Where to insert (1-based); left out: at the end. */
  position?: InputMaybe<Scalars['Int']['input']>;
  subgroupId?: InputMaybe<Scalars['ID']['input']>;
  subjectId: Scalars['ID']['input'];
  topic: Scalars['String']['input'];
};

/** An announcement to a class, a parallel or the whole school; its audience is resolved through the ties when read. */
export type Announcement = {
  __typename?: 'Announcement';
  audience: AnnouncementAudience;
  /** For its author: how many it reaches now (else null). */
  audienceSize?: Maybe<Scalars['Int']['output']>;
  authorName?: Maybe<Scalars['String']['output']>;
  body: Scalars['String']['output'];
  classes: Array<ClassGroup>;
  createdAt: Scalars['DateTime']['output'];
  grade?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  /** You have marked it read. */
  read: Scalars['Boolean']['output'];
  /** For its author: how many have read it (else null). */
  readCount?: Maybe<Scalars['Int']['output']>;
  title: Scalars['String']['output'];
};

/** SCHOOL: the whole school (its families, pupils and staff); GRADE: a parallel's families and pupils; CLASSES: the chosen classes'. */
export type AnnouncementAudience =
  | 'CLASSES'
  | 'GRADE'
  | 'SCHOOL';

export type AnnouncementConnection = {
  __typename?: 'AnnouncementConnection';
  edges: Array<AnnouncementEdge>;
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Float']['output'];
};

export type AnnouncementEdge = {
  __typename?: 'AnnouncementEdge';
  cursor: Scalars['String']['output'];
  node: Announcement;
};

export type ApplyRolloverInput = {
  decisions?: Array<RolloverDecisionInput>;
  /** PROMOTE or PROMOTE_CONDITIONAL for every student not listed (the last grade graduates). Left out: unlisted students are undecided. */
  defaultDecision?: InputMaybe<RolloverDecision>;
  endsOn: Scalars['Date']['input'];
  /** The new year: "2027/2028". */
  name: Scalars['String']['input'];
  startsOn: Scalars['Date']['input'];
  /** The token of the preview being applied. */
  token: Scalars['String']['input'];
  /** The year rolled over (ACTIVE, not yet closed). */
  yearId: Scalars['ID']['input'];
};

export type AtRiskReport = {
  __typename?: 'AtRiskReport';
  schoolId: Scalars['ID']['output'];
  /** By class, then name. */
  students: Array<AtRiskStudent>;
  studyPeriodId: Scalars['ID']['output'];
  studyPeriodName: Scalars['String']['output'];
};

/** A student short of marks for attestation in at least one subject. */
export type AtRiskStudent = {
  __typename?: 'AtRiskStudent';
  classGroupId: Scalars['ID']['output'];
  classGroupName: Scalars['String']['output'];
  studentId: Scalars['ID']['output'];
  studentName: Scalars['String']['output'];
  subjects: Array<AtRiskSubject>;
};

/** A subject a student is short of marks in (rule 7). */
export type AtRiskSubject = {
  __typename?: 'AtRiskSubject';
  /** From the class's curriculum item. */
  hoursPerWeek: Scalars['Float']['output'];
  /** The student's current marks in the subject and period. */
  marks: Scalars['Int']['output'];
  /** 3 for under 2 hours a week, 5 for 2 or more. */
  required: Scalars['Int']['output'];
  subjectId: Scalars['ID']['output'];
  subjectName: Scalars['String']['output'];
};

export type Attendance = Node & {
  __typename?: 'Attendance';
  /** Why it was cleared (staff only). */
  clearReason?: Maybe<Scalars['String']['output']>;
  /** True once the absence was cleared as recorded by mistake: it counts nowhere. */
  cleared: Scalars['Boolean']['output'];
  /** When it was cleared (staff only). */
  clearedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who cleared it (staff only). */
  clearedBy?: Maybe<User>;
  /** The supporting document for the reason. */
  document?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: AttendanceKind;
  lesson: Lesson;
  reason: AbsenceReason;
  student: Student;
};

export type AttendanceConnection = {
  __typename?: 'AttendanceConnection';
  edges: Array<AttendanceEdge>;
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Float']['output'];
};

export type AttendanceEdge = {
  __typename?: 'AttendanceEdge';
  cursor: Scalars['String']['output'];
  node: Attendance;
};

export type AttendanceKind =
  | 'ABSENT'
  | 'LATE';

export type AttendanceSummaryReport = {
  __typename?: 'AttendanceSummaryReport';
  from: Scalars['Date']['output'];
  /** Classes with at least one absence or late arrival. */
  rows: Array<ClassAttendanceRow>;
  schoolId: Scalars['ID']['output'];
  to: Scalars['Date']['output'];
};

/** Who changed what, before and after, when and from where. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** "mark.record", "account.lock", "auth.login", … */
  action: Scalars['String']['output'];
  actor?: Maybe<User>;
  after?: Maybe<Scalars['JSON']['output']>;
  at: Scalars['DateTime']['output'];
  before?: Maybe<Scalars['JSON']['output']>;
  /** The global id of what changed, when it has one. */
  entityId?: Maybe<Scalars['ID']['output']>;
  entityType: Scalars['String']['output'];
  ip?: Maybe<Scalars['String']['output']>;
};

export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  edges: Array<AuditEntryEdge>;
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Float']['output'];
};

export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  cursor: Scalars['String']['output'];
  node: AuditEntry;
};

export type AuditLogFilterInput = {
  /** The acting User. */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** The global id of the entity. */
  entityId?: InputMaybe<Scalars['ID']['input']>;
  /** "Mark", "User", "MovementOrder", … */
  entityType?: InputMaybe<Scalars['String']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Exclusive. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type AuthPayload = {
  __typename?: 'AuthPayload';
  accessToken: Scalars['String']['output'];
  refreshToken: Scalars['String']['output'];
  user: User;
};

/** A third-party app the viewer let read their family's diary (one grant), with what it may see. */
export type AuthorizedApp = {
  __typename?: 'AuthorizedApp';
  /** The children it may see. */
  children: Array<Student>;
  /** The app's OAuth client_id. */
  clientId: Scalars['String']['output'];
  grantedAt: Scalars['DateTime']['output'];
  /** The grant; revokeApp takes it. */
  id: Scalars['ID']['output'];
  /** Its last request (to the minute). */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** The scopes granted (diary:read, events:read, profile). */
  scopes: Array<Scalars['String']['output']>;
};

/** Averages over one study period or one week (Monday to Sunday). */
export type AveragePoint = {
  __typename?: 'AveragePoint';
  average?: Maybe<Scalars['Float']['output']>;
  endsOn: Scalars['Date']['output'];
  /** The study period's name, or the week's Monday. */
  label: Scalars['String']['output'];
  /** Five-point marks counted. */
  marks: Scalars['Int']['output'];
  startsOn: Scalars['Date']['output'];
  /** Σ(value × weight) / Σ(weight) over the five-point marks. */
  weightedAverage?: Maybe<Scalars['Float']['output']>;
};

/** Lesson `number` of a shift runs from `startsAt` to `endsAt` (school-local time). */
export type Bell = Node & {
  __typename?: 'Bell';
  endsAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  number: Scalars['Int']['output'];
  shift: Scalars['Int']['output'];
  /** "08:30:00" */
  startsAt: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

export type CancelLessonInput = {
  /** The version you saw; CONFLICT when it changed meanwhile. */
  expectedVersion: Scalars['Int']['input'];
  lessonId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type CancelSchoolEventInput = {
  eventId: Scalars['ID']['input'];
  /** The version you saw; CONFLICT when it changed meanwhile. */
  expectedVersion: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
};

/** A card with no consent to personal-data processing in force (004 §6.1). */
export type CardLackingConsent = {
  __typename?: 'CardLackingConsent';
  /** The global id of the card (Student, Guardian or Employee). */
  cardId: Scalars['ID']['output'];
  fullName: Scalars['String']['output'];
  /** The card holds fields beyond the name that need a consent: held without one, to be put right first. */
  holdsPersonalData: Scalars['Boolean']['output'];
  kind: PersonCardKind;
  /** When the last consent was withdrawn; null: none was ever recorded. */
  lastWithdrawnOn?: Maybe<Scalars['Date']['output']>;
};

export type CardLackingConsentConnection = {
  __typename?: 'CardLackingConsentConnection';
  edges: Array<CardLackingConsentEdge>;
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Float']['output'];
};

export type CardLackingConsentEdge = {
  __typename?: 'CardLackingConsentEdge';
  cursor: Scalars['String']['output'];
  node: CardLackingConsent;
};

/** Narrows the cards lacking a consent. */
export type CardsLackingConsentFilterInput = {
  /** Only the cards holding data beyond the name. */
  holdingPersonalDataOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Left out: every kind you may read. */
  kinds?: InputMaybe<Array<PersonCardKind>>;
};

export type ClassAbsences = {
  __typename?: 'ClassAbsences';
  absentLessons: Scalars['Int']['output'];
  classGroupId: Scalars['ID']['output'];
  excused: Scalars['Int']['output'];
  illness: Scalars['Int']['output'];
  lateLessons: Scalars['Int']['output'];
  unexcused: Scalars['Int']['output'];
  unknown: Scalars['Int']['output'];
};

export type ClassAttendanceRow = {
  __typename?: 'ClassAttendanceRow';
  /** Lessons missed. */
  absences: Scalars['Int']['output'];
  byReason: Array<ReasonCount>;
  classGroupId: Scalars['ID']['output'];
  classGroupName: Scalars['String']['output'];
  /** Late arrivals. */
  lates: Scalars['Int']['output'];
  /** Students who missed or were late at least once. */
  students: Array<StudentAttendanceRow>;
};

export type ClassFill = {
  __typename?: 'ClassFill';
  classGroup: ClassGroup;
  /** students / norm × 100. */
  fillPercent: Scalars['Float']['output'];
  norm: Scalars['Int']['output'];
  students: Scalars['Int']['output'];
  /** norm − students (negative: over the norm). */
  vacancies: Scalars['Int']['output'];
};

/** Students per class on a date against the class-size norm. */
export type ClassFillReport = {
  __typename?: 'ClassFillReport';
  capacity: Scalars['Int']['output'];
  classes: Array<ClassFill>;
  date: Scalars['Date']['output'];
  grades: Array<GradeFill>;
  norm: Scalars['Int']['output'];
  students: Scalars['Int']['output'];
};

export type ClassGroup = Node & {
  __typename?: 'ClassGroup';
  classTeacher?: Maybe<Employee>;
  /** When the class was closed. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  grade: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  letter: Scalars['String']['output'];
  /** Grade and letter, "5Б". */
  name: Scalars['String']['output'];
  /** Last year's class this one continues (year rollover). */
  promotedFrom?: Maybe<ClassGroup>;
  /** The shift the class studies in (its bells are the shift's). */
  shift: Scalars['Int']['output'];
  /** The study periods of the class's grade (its parallel's scheme). */
  studyPeriods: Array<StudyPeriod>;
  /** Send it back as expectedVersion. */
  version: Scalars['Int']['output'];
};

export type ClassJournal = {
  __typename?: 'ClassJournal';
  /** Absences and late arrivals, but the cleared ones (`clearedAttendance`). */
  attendance: Array<Attendance>;
  clearedAttendance: Array<Attendance>;
  lessons: Array<Lesson>;
  /** The marks that count (retracted ones are in `retractedMarks`). */
  marks: Array<Mark>;
  retractedMarks: Array<Mark>;
  students: Array<Student>;
};

/** «Сводная ведомость учёта успеваемости» (004 §11.4): the year cards of every pupil of the class. */
export type ClassMarkSheet = {
  __typename?: 'ClassMarkSheet';
  academicYearId: Scalars['ID']['output'];
  academicYearName: Scalars['String']['output'];
  cards: Array<YearCard>;
  classGroupName: Scalars['String']['output'];
  periods: Array<YearCardPeriod>;
};

export type ClassMovement = {
  __typename?: 'ClassMovement';
  /** Orders effective in the span with this class as `toClass`. */
  arrivals: Scalars['Int']['output'];
  classGroup: ClassGroup;
  /** Orders effective in the span taking a student out of this class. */
  departures: Scalars['Int']['output'];
};

/** «Отчёт классного руководителя за учебный период» (004 §11.4). */
export type ClassTeacherPeriodReport = {
  __typename?: 'ClassTeacherPeriodReport';
  absences: AbsenceCounts;
  pupilAbsences: Array<PupilAbsences>;
  results: PeriodResults;
};

/** «Сводный отчёт классного руководителя» (по школе, 004 §11.3): each class's results and absences. */
export type ClassTeachersSummary = {
  __typename?: 'ClassTeachersSummary';
  absences: Array<ClassAbsences>;
  results: PeriodResults;
};

/** One pupil of the class teacher's report: acknowledged this week by a parent, or not. */
export type ClassWeekAcknowledgement = {
  __typename?: 'ClassWeekAcknowledgement';
  acknowledged: Scalars['Boolean']['output'];
  acknowledgements: Array<WeekAcknowledgement>;
  student: Student;
  studentName: Scalars['String']['output'];
};

/** The attendance row by `attendanceId`, or by `lessonId` and `studentId`. */
export type ClearAbsenceInput = {
  attendanceId?: InputMaybe<Scalars['ID']['input']>;
  lessonId?: InputMaybe<Scalars['ID']['input']>;
  /** Why the absence is cleared (recorded by mistake); required. */
  reason: Scalars['String']['input'];
  studentId?: InputMaybe<Scalars['ID']['input']>;
};

export type CloseClassInput = {
  classId: Scalars['ID']['input'];
  /** The version you saw; CONFLICT when it changed meanwhile. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
};

/** A signed consent to personal-data processing given with a new card (004 §6.1). */
export type ConsentGivenInput = {
  /** The signed paper: "заявление №15 от 28.08.2026". */
  document?: InputMaybe<Scalars['String']['input']>;
  givenByName: Scalars['String']['input'];
  /** "сам", or for a minor's card the parent or legal representative: "мать", "отец", "опекун", … */
  givenByRelation?: InputMaybe<Scalars['String']['input']>;
  givenOn: Scalars['Date']['input'];
};

export type ConstructorAbsences = {
  __typename?: 'ConstructorAbsences';
  absent: Scalars['Int']['output'];
  excused: Scalars['Int']['output'];
  illness: Scalars['Int']['output'];
  late: Scalars['Int']['output'];
  unexcused: Scalars['Int']['output'];
  unknown: Scalars['Int']['output'];
};

/** A dimension of the report constructor (004 §11.6). WEEK: the Monday of the lesson's week. */
export type ConstructorDimension =
  | 'CLASS'
  | 'PARALLEL'
  | 'PERIOD'
  | 'SUBJECT'
  | 'TEACHER'
  | 'WEEK'
  | 'WORK_TYPE';

export type ConstructorKey = {
  __typename?: 'ConstructorKey';
  dimension: ConstructorDimension;
  /** A global id (class, subject, teacher, period, work type), the grade, or the week's Monday. */
  id?: Maybe<Scalars['ID']['output']>;
  label?: Maybe<Scalars['String']['output']>;
};

/** A measure of the report constructor: COUNT of current marks, AVERAGE and WEIGHTED_AVERAGE of the five-point marks, QUALITY and SUCCESS (shares of the five-point marks that are 4–5 and 3–5), ABSENCES by kind and reason. */
export type ConstructorMeasure =
  | 'ABSENCES'
  | 'AVERAGE'
  | 'COUNT'
  | 'QUALITY'
  | 'SUCCESS'
  | 'WEIGHTED_AVERAGE';

/** The report constructor's answer («Конструктор отчетов», 004 §11.6). */
export type ConstructorReport = {
  __typename?: 'ConstructorReport';
  dimensions: Array<ConstructorDimension>;
  from: Scalars['Date']['output'];
  /** Groups in all; more than `first` means `truncated`. */
  groupCount: Scalars['Int']['output'];
  measures: Array<ConstructorMeasure>;
  rows: Array<ConstructorRow>;
  schoolId: Scalars['ID']['output'];
  to: Scalars['Date']['output'];
  truncated: Scalars['Boolean']['output'];
};

/** One group: its keys, in the order of the dimensions, and the measures asked for (the others null). */
export type ConstructorRow = {
  __typename?: 'ConstructorRow';
  absences?: Maybe<ConstructorAbsences>;
  average?: Maybe<Scalars['Float']['output']>;
  count?: Maybe<Scalars['Int']['output']>;
  keys: Array<ConstructorKey>;
  qualityPercent?: Maybe<Scalars['Float']['output']>;
  successPercent?: Maybe<Scalars['Float']['output']>;
  /** Σ(value × weight) / Σ(weight) over the five-point marks. */
  weightedAverage?: Maybe<Scalars['Float']['output']>;
};

/** A conversation about a student (its family and the staff tied to it) or among a school's staff. Who takes part is judged at read time: a participant whose tie is gone no longer reads or writes it. */
export type Conversation = {
  __typename?: 'Conversation';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  lastMessageAt: Scalars['DateTime']['output'];
  messageCount: Scalars['Int']['output'];
  /** The newest first. */
  messages: MessageConnection;
  participants: Array<ConversationParticipant>;
  /** The student it is about; null: among staff. */
  student?: Maybe<Student>;
  subject: Scalars['String']['output'];
  /** Messages by others after your read mark. */
  unreadCount: Scalars['Int']['output'];
};


/** A conversation about a student (its family and the staff tied to it) or among a school's staff. Who takes part is judged at read time: a participant whose tie is gone no longer reads or writes it. */
export type ConversationMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ConversationConnection = {
  __typename?: 'ConversationConnection';
  edges: Array<ConversationEdge>;
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Float']['output'];
};

export type ConversationEdge = {
  __typename?: 'ConversationEdge';
  cursor: Scalars['String']['output'];
  node: Conversation;
};

export type ConversationParticipant = {
  __typename?: 'ConversationParticipant';
  lastReadAt?: Maybe<Scalars['DateTime']['output']>;
  /** The number of the newest message they have read (0: none). */
  lastReadNumber: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  user: User;
};

export type CorrectMarkInput = {
  /** The revision being corrected; CONFLICT when someone corrected it meanwhile. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  markId: Scalars['ID']['input'];
  /** Why the mark is corrected; required. */
  reason: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

/** Program coverage of one class × subject: lessons held against the thematic plan's hours. */
export type CoverageRow = {
  __typename?: 'CoverageRow';
  classGroupId: Scalars['ID']['output'];
  classGroupName: Scalars['String']['output'];
  /** lessonsHeld / plannedHoursToDate × 100; null without a plan. */
  coveragePercent?: Maybe<Scalars['Float']['output']>;
  /** Lessons held in the period up to the report's day. */
  lessonsHeld: Scalars['Int']['output'];
  /** Hours of the thematic plan's topics planned inside the period. */
  plannedHours: Scalars['Int']['output'];
  /** Of those, planned up to the report's day. */
  plannedHoursToDate: Scalars['Int']['output'];
  subjectId: Scalars['ID']['output'];
  subjectName: Scalars['String']['output'];
};

export type CreateAcademicYearInput = {
  endsOn: Scalars['Date']['input'];
  name: Scalars['String']['input'];
  /** Needed only when you hold the role in several schools. */
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  startsOn: Scalars['Date']['input'];
};

export type CreateAccountInput = {
  /** The card the account belongs to (at most one of the three). */
  employeeId?: InputMaybe<Scalars['ID']['input']>;
  guardianId?: InputMaybe<Scalars['ID']['input']>;
  login: Scalars['String']['input'];
  roles: Array<Role>;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  studentId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateAnnouncementInput = {
  audience: AnnouncementAudience;
  /** At most 8,000 characters. */
  body: Scalars['String']['input'];
  /** CLASSES: the classes (a class teacher: their own). */
  classGroupIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** GRADE: the parallel. */
  grade?: InputMaybe<Scalars['Int']['input']>;
  /** SCHOOL or GRADE: needed only when you announce in several schools. */
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  title: Scalars['String']['input'];
};

export type CreateBellInput = {
  endsAt: Scalars['String']['input'];
  number: Scalars['Int']['input'];
  /** Needed only when you hold the role in several schools. */
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  shift: Scalars['Int']['input'];
  /** "08:30" */
  startsAt: Scalars['String']['input'];
};

export type CreateClassInput = {
  /** A teacher of the school (Employee), not dismissed. */
  classTeacherId?: InputMaybe<Scalars['ID']['input']>;
  /** 1–11. */
  grade: Scalars['Int']['input'];
  /** One or two Cyrillic letters: "А", "Б". */
  letter: Scalars['String']['input'];
  /** The school (by default the year's). */
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  /** The shift the class studies in (default 1). */
  shift?: InputMaybe<Scalars['Int']['input']>;
  yearId: Scalars['ID']['input'];
};

export type CreateCurriculumItemInput = {
  classGroupId: Scalars['ID']['input'];
  component: CurriculumComponent;
  /** "2", "0.5": positive, at most one decimal. */
  hoursPerWeek: Scalars['String']['input'];
  subjectId: Scalars['ID']['input'];
};

export type CreateEmployeeInput = {
  /** The consent to personal-data processing, recorded with the card: needed when any field beyond the name is given (004 §6.1; else CONSENT_REQUIRED). */
  consent?: InputMaybe<ConsentGivenInput>;
  dismissedOn?: InputMaybe<Scalars['Date']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  hiredOn?: InputMaybe<Scalars['Date']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  middleName?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  position?: InputMaybe<Scalars['String']['input']>;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateGuardianInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  /** The consent to personal-data processing, recorded with the card: needed when any field beyond the name is given (004 §6.1; else CONSENT_REQUIRED). */
  consent?: InputMaybe<ConsentGivenInput>;
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  middleName?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateMovementOrderInput = {
  basis?: InputMaybe<Scalars['String']['input']>;
  effectiveOn: Scalars['Date']['input'];
  /** As printed: "15-у"; unique in the school's book for the year. */
  number: Scalars['String']['input'];
  orderDate: Scalars['Date']['input'];
  studentId: Scalars['ID']['input'];
  /** The class entered: ENROLL, TRANSFER_CLASS, PROMOTE, PROMOTE_CONDITIONAL, REPEAT_YEAR. */
  toClassId?: InputMaybe<Scalars['ID']['input']>;
  type: MovementOrderType;
};

export type CreateRoomInput = {
  capacity?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  /** Needed only when you hold the role in several schools. */
  schoolId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateSchoolEventInput = {
  /** A class event: the class; omit for the whole school's. */
  classGroupId?: InputMaybe<Scalars['ID']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** "HH:MM". */
  endsAt?: InputMaybe<Scalars['String']['input']>;
  /** Default: startsOn. */
  endsOn?: InputMaybe<Scalars['Date']['input']>;
  place?: InputMaybe<Scalars['String']['input']>;
  /** A school event: needed only when you write events in several schools. */
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  /** "HH:MM". */
  startsAt?: InputMaybe<Scalars['String']['input']>;
  startsOn: Scalars['Date']['input'];
  title: Scalars['String']['input'];
};

export type CreateStudentInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  birthDate?: InputMaybe<Scalars['Date']['input']>;
  /** The consent to personal-data processing, recorded with the card: needed when any field beyond the name is given (004 §6.1; else CONSENT_REQUIRED). */
  consent?: InputMaybe<ConsentGivenInput>;
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  gender?: InputMaybe<Gender>;
  identityDocumentKind?: InputMaybe<IdentityDocumentKind>;
  identityDocumentNumber?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  middleName?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  /** СНИЛС; dashes and spaces are dropped, the checksum is checked. */
  snils?: InputMaybe<Scalars['String']['input']>;
};

export type CreateSubgroupInput = {
  classGroupId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  /** Students enrolled in the class. */
  studentIds: Array<Scalars['ID']['input']>;
  subjectId: Scalars['ID']['input'];
};

export type CreateSubjectInput = {
  gradingScale?: InputMaybe<GradingScale>;
  name: Scalars['String']['input'];
  /** Needed only when you hold the role in several schools. */
  schoolId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateTeachingAssignmentInput = {
  classGroupId: Scalars['ID']['input'];
  subgroupId?: InputMaybe<Scalars['ID']['input']>;
  subjectId: Scalars['ID']['input'];
  teacherId: Scalars['ID']['input'];
};

export type CreateTimetableEntryInput = {
  bellNumber: Scalars['Int']['input'];
  classGroupId: Scalars['ID']['input'];
  roomId?: InputMaybe<Scalars['ID']['input']>;
  subgroupId?: InputMaybe<Scalars['ID']['input']>;
  subjectId: Scalars['ID']['input'];
  /** An employee assigned to the subject in the class. */
  teacherId: Scalars['ID']['input'];
  /** Default: the year's first day. */
  validFrom?: InputMaybe<Scalars['Date']['input']>;
  validTo?: InputMaybe<Scalars['Date']['input']>;
  /** ISO weekday 1–7. */
  weekday: Scalars['Int']['input'];
};

export type CreateWorkTypeInput = {
  /** Latin capitals, digits and "_": "CONTROL". */
  code: Scalars['String']['input'];
  name: Scalars['String']['input'];
  /** Needed only when you hold the role in several schools. */
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  /** Its weight in the weighted average: 0.01–10. */
  weight: Scalars['Float']['input'];
};

/** COMPULSORY: «обязательная часть»; PARTICIPANTS: «часть, формируемая участниками образовательных отношений». */
export type CurriculumComponent =
  | 'COMPULSORY'
  | 'PARTICIPANTS';

/** A subject of a class's curriculum with its weekly hours (004 §5.2). */
export type CurriculumItem = Node & {
  __typename?: 'CurriculumItem';
  classGroup: ClassGroup;
  component: CurriculumComponent;
  /** Hours per week, "2.0", "0.5". */
  hoursPerWeek: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  subject: Subject;
  version: Scalars['Int']['output'];
};

export type DecideAbsenceNoteInput = {
  accept: Scalars['Boolean']['input'];
  comment?: InputMaybe<Scalars['String']['input']>;
  noteId: Scalars['ID']['input'];
};

export type DeleteInput = {
  /** The version you saw; CONFLICT when it changed meanwhile. */
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};

export type DiaryDay = {
  __typename?: 'DiaryDay';
  date: Scalars['Date']['output'];
  /** The school's events and the student's class's on this day (cancelled ones marked). */
  events: Array<SchoolEvent>;
  lessons: Array<DiaryLesson>;
};

/** Something new in a student's diary, in commit order. */
export type DiaryEvent = {
  __typename?: 'DiaryEvent';
  attendance?: Maybe<Attendance>;
  /** Pass it as `after` to resume right after this event. */
  cursor: Scalars['String']['output'];
  lesson?: Maybe<Lesson>;
  mark?: Maybe<Mark>;
  occurredAt: Scalars['DateTime']['output'];
  student: Student;
  type: DiaryEventType;
};

export type DiaryEventType =
  | 'ABSENCE_CLEARED'
  | 'ABSENCE_NOTE_DECIDED'
  | 'ABSENCE_NOTE_SUBMITTED'
  | 'ABSENCE_REASON_SET'
  | 'ABSENCE_RECORDED'
  | 'ANNOUNCEMENT'
  | 'LESSON_RECORD_SET'
  | 'MARK_ADDED'
  | 'MARK_CORRECTED'
  | 'MARK_RETRACTED'
  | 'MESSAGE_RECEIVED';

export type DiaryLesson = {
  __typename?: 'DiaryLesson';
  /** The absence or late arrival, unless it was cleared. */
  attendance?: Maybe<Attendance>;
  /** An absence cleared as recorded by mistake: shown as removed. */
  clearedAttendance?: Maybe<Attendance>;
  lesson: Lesson;
  /** The marks that count (retracted ones are in `retractedMarks`). */
  marks: Array<Mark>;
  /** Marks retracted as put on the wrong pupil or lesson: shown as removed. */
  retractedMarks: Array<Mark>;
};

/** A document to fetch once with `GET <url>` and your own `Authorization: Bearer …` header, within an hour. It is made when fetched, streamed, after the same access check as when it was asked for. The URL is a credential: a request with an Idempotency-Key is refused. */
export type DocumentDownload = {
  __typename?: 'DocumentDownload';
  contentType: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  fileName: Scalars['String']['output'];
  /** The one-time path, `/downloads/<token>`, on this server. */
  url: Scalars['String']['output'];
};

/** DIARY_WEEK: a pupil's printed diary of a week (004 §8.12); CLASS_JOURNAL: the journal of a class × subject for a study period or the year (004 §9.3); YEAR_ARCHIVE: the archive of a closed year (004 §9.1–9.2), a zip of the journals as PDF, the journal's rows as CSV and JSON, and a manifest with checksums. */
export type DocumentKind =
  | 'CLASS_JOURNAL'
  | 'DIARY_WEEK'
  | 'YEAR_ARCHIVE';

export type EditMessageInput = {
  body: Scalars['String']['input'];
  /** The revision you saw; CONFLICT when it changed meanwhile. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  messageId: Scalars['ID']['input'];
};

/** IN_CLASS; FAMILY_EDUCATION: educated by the family, attached to the school (and a class) for attestation (004 §10). */
export type EducationForm =
  | 'FAMILY_EDUCATION'
  | 'IN_CLASS';

export type Employee = Node & {
  __typename?: 'Employee';
  fullName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
};

/** An employee's card (004 §4.3, §6.2). `id` is the Employee id. */
export type EmployeeCard = {
  __typename?: 'EmployeeCard';
  consents: Array<PersonalDataConsent>;
  dismissedOn?: Maybe<Scalars['Date']['output']>;
  email?: Maybe<Scalars['String']['output']>;
  firstName: Scalars['String']['output'];
  fullName: Scalars['String']['output'];
  hiredOn?: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  lastName: Scalars['String']['output'];
  middleName?: Maybe<Scalars['String']['output']>;
  /** Since when a consent is in force; null: none is. */
  personalDataConsentAt?: Maybe<Scalars['DateTime']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
  position?: Maybe<Scalars['String']['output']>;
  version: Scalars['Int']['output'];
};

/** Why one entry was refused: the code and message it would have had alone. */
export type EntryError = {
  __typename?: 'EntryError';
  code: Scalars['String']['output'];
  /** The input field at fault, when one is. */
  field?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
};

/** A file made for the viewer: fetch it once with `GET <url>` and your own `Authorization: Bearer …` header, within an hour. The URL is a credential: a request with an Idempotency-Key is refused, so no replay ever holds it. */
export type ExportDownload = {
  __typename?: 'ExportDownload';
  contentType: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  fileName: Scalars['String']['output'];
  /** Bytes. */
  size: Scalars['Int']['output'];
  /** The one-time path, `/downloads/<token>`, on this server. */
  url: Scalars['String']['output'];
};

/** ONEROSTER_ZIP: OneRoster 1.2 CSV bulk files in a zip (roster and results); SPREADSHEET_ZIP: the spreadsheet set (classes, staff, students, guardians, curriculum: UTF-8 with BOM, `;`, Russian headers, as the import reads them); LIST_CSV: one list (`list`). */
export type ExportFormat =
  | 'LIST_CSV'
  | 'ONEROSTER_ZIP'
  | 'SPREADSHEET_ZIP';

/** PUPILS: the school's pupils of the year, by class; CLASS_JOURNAL_MARKS: the marks of a class × subject × study period, a column per lesson. */
export type ExportList =
  | 'CLASS_JOURNAL_MARKS'
  | 'PUPILS';

/** Which list a LIST_CSV export writes, and what it is of. */
export type ExportListInput = {
  /** CLASS_JOURNAL_MARKS: the class. */
  classId?: InputMaybe<Scalars['ID']['input']>;
  name: ExportList;
  /** CLASS_JOURNAL_MARKS: the study period. */
  studyPeriodId?: InputMaybe<Scalars['ID']['input']>;
  /** CLASS_JOURNAL_MARKS: the subject. */
  subjectId?: InputMaybe<Scalars['ID']['input']>;
};

export type Gender =
  | 'FEMALE'
  | 'MALE';

export type GenerateLessonsInput = {
  /** Only this class. */
  classGroupId?: InputMaybe<Scalars['ID']['input']>;
  /** Default: the year's first day. */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Default: the year's last day. */
  to?: InputMaybe<Scalars['Date']['input']>;
  yearId: Scalars['ID']['input'];
};

/** What generateLessons did. */
export type GenerateLessonsResult = {
  __typename?: 'GenerateLessonsResult';
  /** Lessons no longer in the timetable that were kept: they were held, cancelled or carry journal data. */
  conflicts: Array<Lesson>;
  created: Scalars['Int']['output'];
  /** Slots whose lesson existed already. */
  kept: Scalars['Int']['output'];
  /** Generated lessons no longer in the timetable, removed. */
  removed: Scalars['Int']['output'];
  /** Scheduled lessons that followed a changed entry (subject, teacher, room). */
  updated: Scalars['Int']['output'];
};

export type GradeFill = {
  __typename?: 'GradeFill';
  classes: Scalars['Int']['output'];
  grade: Scalars['Int']['output'];
  /** classes × the norm. */
  norm: Scalars['Int']['output'];
  students: Scalars['Int']['output'];
};

/** A range of grades (parallels), both ends included: 10–11. */
export type GradeRangeInput = {
  /** Default 1. */
  from?: InputMaybe<Scalars['Int']['input']>;
  /** Default 11. */
  to?: InputMaybe<Scalars['Int']['input']>;
};

/** FIVE_POINT: "1"–"5"; PASS_FAIL: "зач"/"незач". */
export type GradingScale =
  | 'FIVE_POINT'
  | 'PASS_FAIL';

export type GrantLateEntryPermitInput = {
  daysFrom: Scalars['Date']['input'];
  /** At most 31 days after daysFrom, and before today. */
  daysTo: Scalars['Date']['input'];
  /** Why the lessons are written late; required. */
  reason: Scalars['String']['input'];
  /** The teacher (Employee) whose lessons it opens. */
  teacherId: Scalars['ID']['input'];
  /** From today to at most 31 days ahead. */
  validUntil: Scalars['Date']['input'];
};

/** A parent's or legal representative's card. `id` is the Guardian id. */
export type GuardianCard = {
  __typename?: 'GuardianCard';
  address?: Maybe<Scalars['String']['output']>;
  consents: Array<PersonalDataConsent>;
  email?: Maybe<Scalars['String']['output']>;
  firstName: Scalars['String']['output'];
  fullName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastName: Scalars['String']['output'];
  middleName?: Maybe<Scalars['String']['output']>;
  /** Since when a consent is in force; null: none is. */
  personalDataConsentAt?: Maybe<Scalars['DateTime']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
  version: Scalars['Int']['output'];
};

export type Guardianship = {
  __typename?: 'Guardianship';
  createdAt: Scalars['DateTime']['output'];
  guardian: GuardianCard;
  id: Scalars['ID']['output'];
  relation?: Maybe<Scalars['String']['output']>;
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type HeadingForMark = {
  __typename?: 'HeadingForMark';
  /** The period mark the pupil is heading for: the weighted average rounded half up (4.5 → 5). */
  headingFor?: Maybe<Scalars['String']['output']>;
  marks: Scalars['Int']['output'];
  subjectId: Scalars['ID']['output'];
  subjectName: Scalars['String']['output'];
  weightedAverage?: Maybe<Scalars['Float']['output']>;
};

export type Holiday = {
  __typename?: 'Holiday';
  endsOn: Scalars['Date']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  startsOn: Scalars['Date']['output'];
  version: Scalars['Int']['output'];
};

export type IdentityDocumentKind =
  | 'BIRTH_CERTIFICATE'
  | 'FOREIGN_DOCUMENT'
  | 'OTHER'
  | 'PASSPORT';

/** One CSV file of the import: how it was read and what its rows do. */
export type ImportFileSummary = {
  __typename?: 'ImportFileSummary';
  created: Scalars['Int']['output'];
  /** "utf-8" or "windows-1251", as detected. */
  encoding: Scalars['String']['output'];
  name: Scalars['String']['output'];
  problems: Scalars['Int']['output'];
  /** Data rows (the header not counted). */
  rows: Scalars['Int']['output'];
  unchanged: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
};

/** OneRoster 1.2 CSV, or the spreadsheet set of docs/oneroster.md. */
export type ImportFormat =
  | 'ONEROSTER'
  | 'SPREADSHEET';

/** What the import does (a dry run: would do) to one record. */
export type ImportOutcome =
  | 'CREATED'
  | 'UNCHANGED'
  | 'UPDATED';

/** An error (nothing is applied while there is one) or a warning, at its file, line and column. */
export type ImportProblem = {
  __typename?: 'ImportProblem';
  column?: Maybe<Scalars['String']['output']>;
  file: Scalars['String']['output'];
  line: Scalars['Int']['output'];
  message: Scalars['String']['output'];
};

/** What a row of the files is. */
export type ImportRecordKind =
  | 'ACCOUNT'
  | 'CLASS'
  | 'CLASS_TEACHER'
  | 'CURRICULUM_ITEM'
  | 'EMPLOYEE'
  | 'ENROLLMENT'
  | 'GUARDIAN'
  | 'GUARDIANSHIP'
  | 'STUDENT'
  | 'STUDY_PERIOD'
  | 'SUBJECT'
  | 'TEACHING_ASSIGNMENT'
  | 'YEAR';

/** What an import did, or (a dry run) would do: per file and row, created, updated or left unchanged, and every problem. Applied only when there are no problems, all of it in one transaction. */
export type ImportReport = {
  __typename?: 'ImportReport';
  /** True when everything was written; false after a dry run or when there were problems (then nothing was written). */
  applied: Scalars['Boolean']['output'];
  /** Only when applied: the new accounts' starting passwords, this once. */
  credentials: Array<StartingCredential>;
  dryRun: Scalars['Boolean']['output'];
  files: Array<ImportFileSummary>;
  format: ImportFormat;
  /** Errors: while there is one, nothing is written. */
  problems: Array<ImportProblem>;
  /** Every record, in file and line order. */
  rows: Array<ImportRow>;
  /** What was read but left out (personal fields without a consent, a login change). */
  warnings: Array<ImportProblem>;
};

/** One record of the files and its outcome. */
export type ImportRow = {
  __typename?: 'ImportRow';
  file: Scalars['String']['output'];
  kind: ImportRecordKind;
  /** The line in the file (the header is line 1). */
  line: Scalars['Int']['output'];
  outcome: ImportOutcome;
  /** The record's id in the files (OneRoster sourcedId, or the spreadsheet's id). */
  sourcedId: Scalars['String']['output'];
};

/** An event addressed to you: a message, an announcement, an absence note submitted or decided. */
export type InboxEvent = {
  __typename?: 'InboxEvent';
  absenceNote?: Maybe<AbsenceNote>;
  announcement?: Maybe<Announcement>;
  /** Pass it as `after` to resume right after this event. */
  cursor: Scalars['String']['output'];
  message?: Maybe<Message>;
  occurredAt: Scalars['DateTime']['output'];
  /** The student it is about; null among staff. */
  student?: Maybe<Student>;
  type: DiaryEventType;
};

/** A lesson that took place but lacks a topic, a homework or attendance. */
export type IncompleteLesson = {
  __typename?: 'IncompleteLesson';
  date: Scalars['Date']['output'];
  lessonId: Scalars['ID']['output'];
  /** Neither the register marked called (markAttendanceTaken) nor any absence or late arrival recorded. */
  missingAttendance: Scalars['Boolean']['output'];
  missingHomework: Scalars['Boolean']['output'];
  missingTopic: Scalars['Boolean']['output'];
  number: Scalars['Int']['output'];
};

export type IssueCredentialsInput = {
  /** A guardian of a student of the class. */
  guardianId?: InputMaybe<Scalars['ID']['input']>;
  /** For a new account; made from the name when left out. */
  login?: InputMaybe<Scalars['String']['input']>;
  /** A student of the class teacher's class (exactly one of studentId, guardianId). */
  studentId?: InputMaybe<Scalars['ID']['input']>;
};

/** Shown once: the starting password is not stored in clear and cannot be read again. */
export type IssuedCredentials = {
  __typename?: 'IssuedCredentials';
  account: Account;
  login: Scalars['String']['output'];
  /** Must be changed at the first login. */
  startingPassword: Scalars['String']['output'];
};

export type JournalCompletenessReport = {
  __typename?: 'JournalCompletenessReport';
  from: Scalars['Date']['output'];
  rows: Array<JournalCompletenessRow>;
  schoolId: Scalars['ID']['output'];
  to: Scalars['Date']['output'];
};

/** One class × subject × teacher (the one standing in, when someone did). */
export type JournalCompletenessRow = {
  __typename?: 'JournalCompletenessRow';
  classGroupId: Scalars['ID']['output'];
  classGroupName: Scalars['String']['output'];
  /** Lessons with a topic, a homework and attendance. */
  complete: Scalars['Int']['output'];
  incompleteLessons: Array<IncompleteLesson>;
  /** Lessons that took place: not cancelled, held or dated before today. */
  lessons: Scalars['Int']['output'];
  missingAttendance: Scalars['Int']['output'];
  missingHomework: Scalars['Int']['output'];
  missingTopic: Scalars['Int']['output'];
  subjectId: Scalars['ID']['output'];
  subjectName: Scalars['String']['output'];
  teacherId: Scalars['ID']['output'];
  teacherName: Scalars['String']['output'];
};

/** The deputy head lets a teacher write the journal of their own lessons of some past days after the entry window, until `validUntil` (004 §8.6); the writes made under it are counted apart in the timeliness report. */
export type LateEntryPermit = {
  __typename?: 'LateEntryPermit';
  /** Not revoked, and validUntil not past (on the server's clock). */
  active: Scalars['Boolean']['output'];
  /** The first day whose lessons it opens. */
  daysFrom: Scalars['Date']['output'];
  /** The last day whose lessons it opens. */
  daysTo: Scalars['Date']['output'];
  grantedAt: Scalars['DateTime']['output'];
  grantedBy: User;
  id: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  teacher: Employee;
  /** The last day the teacher may write under it (the school's calendar). */
  validUntil: Scalars['Date']['output'];
};

export type Lesson = Node & {
  __typename?: 'Lesson';
  /** Why a CANCELLED lesson was cancelled. */
  cancelReason?: Maybe<Scalars['String']['output']>;
  classGroup: ClassGroup;
  date: Scalars['Date']['output'];
  homework?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Bell number within the day. */
  number: Scalars['Int']['output'];
  room?: Maybe<Room>;
  state: LessonState;
  subject: Subject;
  /** Who stands in for the teacher, when someone does. */
  substituteTeacher?: Maybe<Employee>;
  /** The lesson's own teacher. */
  teacher: Employee;
  topic?: Maybe<Scalars['String']['output']>;
  /** Send it back as expectedVersion (substituteLesson, cancelLesson). */
  version: Scalars['Int']['output'];
};

export type LessonAbsenceEntryInput = {
  kind: AttendanceKind;
  studentId: Scalars['ID']['input'];
};

export type LessonAbsenceEntryOutcome = {
  __typename?: 'LessonAbsenceEntryOutcome';
  /** The pupil's attendance row as it now stands (when `written`). */
  attendance?: Maybe<Attendance>;
  /** The entry changed the row: false when it already said so (nothing written, no event). */
  changed: Scalars['Boolean']['output'];
  error?: Maybe<EntryError>;
  /** The entry's place in `absences`. */
  index: Scalars['Int']['output'];
  studentId: Scalars['ID']['output'];
};

/** All or nothing: `written` is false, and nothing is stored, when any entry has an `error`. */
export type LessonEntriesPayload = {
  __typename?: 'LessonEntriesPayload';
  absences: Array<LessonAbsenceEntryOutcome>;
  marks: Array<LessonMarkEntryOutcome>;
  written: Scalars['Boolean']['output'];
};

export type LessonMarkEntryInput = {
  comment?: InputMaybe<Scalars['String']['input']>;
  studentId: Scalars['ID']['input'];
  value: Scalars['String']['input'];
  workTypeCode: Scalars['String']['input'];
};

export type LessonMarkEntryOutcome = {
  __typename?: 'LessonMarkEntryOutcome';
  error?: Maybe<EntryError>;
  /** The entry's place in `marks`. */
  index: Scalars['Int']['output'];
  /** The mark written (when `written`). */
  mark?: Maybe<Mark>;
  studentId: Scalars['ID']['output'];
};

export type LessonState =
  | 'CANCELLED'
  | 'HELD'
  | 'SCHEDULED';

export type LinkGuardianInput = {
  guardianId: Scalars['ID']['input'];
  /** "мать", "отец", "опекун", … */
  relation?: InputMaybe<Scalars['String']['input']>;
  studentId: Scalars['ID']['input'];
};

export type LockAccountInput = {
  expectedVersion: Scalars['Int']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  userId: Scalars['ID']['input'];
};

export type Mark = Node & {
  __typename?: 'Mark';
  comment?: Maybe<Scalars['String']['output']>;
  /** True once the mark has been corrected; `versions` has the history. */
  corrected: Scalars['Boolean']['output'];
  correctedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  lesson: Lesson;
  /** True once the mark was retracted (put on the wrong pupil or lesson): it counts nowhere and the diary shows it as removed. */
  retracted: Scalars['Boolean']['output'];
  /** When it was retracted (staff only). */
  retractedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who retracted it (staff only). */
  retractedBy?: Maybe<User>;
  /** Why it was retracted (staff only). */
  retractionReason?: Maybe<Scalars['String']['output']>;
  /** The current revision; pass it to correctMark to guard against a concurrent edit. */
  revision: Scalars['Int']['output'];
  student: Student;
  /** "1"–"5" on the five-point scale, "зач"/"незач" on pass/fail. */
  value: Scalars['String']['output'];
  /** Every value the mark has had, oldest first (staff only). */
  versions: Array<MarkVersion>;
  workType: WorkType;
};

export type MarkAttendanceTakenInput = {
  lessonId: Scalars['ID']['input'];
};

export type MarkConnection = {
  __typename?: 'MarkConnection';
  edges: Array<MarkEdge>;
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Float']['output'];
};

export type MarkConversationReadInput = {
  conversationId: Scalars['ID']['input'];
  /** Read up to this message number; default: all of it. */
  upToNumber?: InputMaybe<Scalars['Int']['input']>;
};

export type MarkEdge = {
  __typename?: 'MarkEdge';
  cursor: Scalars['String']['output'];
  node: Mark;
};

export type MarkTimelinessReport = {
  __typename?: 'MarkTimelinessReport';
  from: Scalars['Date']['output'];
  lateMarks: Scalars['Int']['output'];
  lateShare?: Maybe<Scalars['Float']['output']>;
  marks: Scalars['Int']['output'];
  rows: Array<MarkTimelinessRow>;
  schoolId: Scalars['ID']['output'];
  to: Scalars['Date']['output'];
  /** Marks entered under a late-entry permit (not in lateMarks). */
  underPermit: Scalars['Int']['output'];
};

/** Marks of one teacher × subject; late = created after the lesson's day. */
export type MarkTimelinessRow = {
  __typename?: 'MarkTimelinessRow';
  /** Mean days between the lesson and the entry, of the late marks. */
  averageDelayDays?: Maybe<Scalars['Float']['output']>;
  lateMarks: Scalars['Int']['output'];
  /** lateMarks / marks, 0–1; null without marks. */
  lateShare?: Maybe<Scalars['Float']['output']>;
  marks: Scalars['Int']['output'];
  subjectId: Scalars['ID']['output'];
  subjectName: Scalars['String']['output'];
  teacherId: Scalars['ID']['output'];
  teacherName: Scalars['String']['output'];
  /** Marks entered after the entry window under a deputy head's late-entry permit: counted apart, not in lateMarks. */
  underPermit: Scalars['Int']['output'];
};

/** One value a mark has had; revision 1 is the mark as first entered. */
export type MarkVersion = {
  __typename?: 'MarkVersion';
  author: User;
  comment?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Why it was corrected (every correction has one). */
  reason?: Maybe<Scalars['String']['output']>;
  /** True for the version a retraction wrote (the value as it was, the retraction's reason). */
  retraction: Scalars['Boolean']['output'];
  revision: Scalars['Int']['output'];
  value: Scalars['String']['output'];
};

export type Message = {
  __typename?: 'Message';
  author: User;
  authorName: Scalars['String']['output'];
  body: Scalars['String']['output'];
  conversation: Conversation;
  createdAt: Scalars['DateTime']['output'];
  /** Edited after it was sent; `versions` has the earlier texts. */
  edited: Scalars['Boolean']['output'];
  editedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** 1, 2, … in its conversation. */
  number: Scalars['Int']['output'];
  /** Read receipts: the other participants who have read it. */
  readBy: Array<ConversationParticipant>;
  revision: Scalars['Int']['output'];
  versions: Array<MessageVersion>;
};

export type MessageConnection = {
  __typename?: 'MessageConnection';
  edges: Array<MessageEdge>;
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Float']['output'];
};

export type MessageEdge = {
  __typename?: 'MessageEdge';
  cursor: Scalars['String']['output'];
  node: Message;
};

/** Someone the viewer may write to. */
export type MessageRecipient = {
  __typename?: 'MessageRecipient';
  name: Scalars['String']['output'];
  /** "family" (the student, a parent) or "staff". */
  side: Scalars['String']['output'];
  /** How they are tied: self, parent, class_teacher, teacher, administration, staff. */
  ties: Array<Scalars['String']['output']>;
  user: User;
};

/** An earlier text of an edited message (a message is never edited silently). */
export type MessageVersion = {
  __typename?: 'MessageVersion';
  body: Scalars['String']['output'];
  revision: Scalars['Int']['output'];
  /** When this text was written. */
  writtenAt: Scalars['DateTime']['output'];
};

/** A day off moved: `workDate` is worked with the timetable of `dayOffDate`'s weekday, `dayOffDate` has no lessons. */
export type MovedWorkingDay = Node & {
  __typename?: 'MovedWorkingDay';
  dayOffDate: Scalars['Date']['output'];
  id: Scalars['ID']['output'];
  note?: Maybe<Scalars['String']['output']>;
  version: Scalars['Int']['output'];
  workDate: Scalars['Date']['output'];
};

/** One order of the movement book; enrollments follow from the orders. */
export type MovementOrder = Node & {
  __typename?: 'MovementOrder';
  basis?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** The first day the change applies; the old enrollment ends the day before. */
  effectiveOn: Scalars['Date']['output'];
  fromClass?: Maybe<ClassGroup>;
  id: Scalars['ID']['output'];
  number: Scalars['String']['output'];
  orderDate: Scalars['Date']['output'];
  student: Student;
  toClass?: Maybe<ClassGroup>;
  type: MovementOrderType;
};

export type MovementOrderConnection = {
  __typename?: 'MovementOrderConnection';
  edges: Array<MovementOrderEdge>;
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Float']['output'];
};

export type MovementOrderEdge = {
  __typename?: 'MovementOrderEdge';
  cursor: Scalars['String']['output'];
  node: MovementOrder;
};

/** Orders of the movement book (004 §10). */
export type MovementOrderType =
  | 'DEBT_CLEARED'
  | 'ENROLL'
  | 'FAMILY_EDUCATION'
  | 'GRADUATE'
  | 'PROMOTE'
  | 'PROMOTE_CONDITIONAL'
  | 'REPEAT_YEAR'
  | 'TRANSFER_CLASS'
  | 'WITHDRAW';

/** Orders taking effect in [from, to]: by type, and arrivals/departures per class. */
export type MovementSummaryReport = {
  __typename?: 'MovementSummaryReport';
  /** Students who joined the school (ENROLL). */
  arrivals: Scalars['Int']['output'];
  byType: Array<MovementTypeCount>;
  classes: Array<ClassMovement>;
  /** Students who left it (WITHDRAW, GRADUATE, FAMILY_EDUCATION). */
  departures: Scalars['Int']['output'];
  from: Scalars['Date']['output'];
  to: Scalars['Date']['output'];
};

export type MovementTypeCount = {
  __typename?: 'MovementTypeCount';
  count: Scalars['Int']['output'];
  type: MovementOrderType;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** «Ознакомлен»: you (a parent) have seen your child's diary of the week starting on that Monday. Answers the week's acknowledgements. */
  acknowledgeWeek: Array<WeekAcknowledgement>;
  /** Inserts a topic into the viewer's own plan (the later ones move down). */
  addThematicPlanItem: ThematicPlanItem;
  /** Applies the previewed rollover in one transaction: the new PLANNING year with its classes, copies and movement-book orders. */
  applyRollover: AcademicYear;
  /** Cancels a scheduled lesson, with the reason; it then takes no marks. */
  cancelLesson: Lesson;
  /** Cancels an event, with the reason; it stays listed as cancelled. */
  cancelSchoolEvent: SchoolEvent;
  /** Sets a new password (at least 8 characters) and ends every other session at once. */
  changePassword: Scalars['Boolean']['output'];
  /** Clears an absence or late arrival recorded by mistake, with a reason: it stays in the audit log and counts nowhere. */
  clearAbsence: Attendance;
  /** Closes a class no pupil is enrolled in any more (else CLASS_HAS_ENROLLMENTS). */
  closeClass: ClassGroup;
  /** A corrected value with its reason; the old value stays in the mark's versions (rule 2). */
  correctMark: Mark;
  /** A new year (PLANNING) in the school you administer. */
  createAcademicYear: AcademicYear;
  /** A new account with a starting password, shown once (ADMIN, own school). */
  createAccount: IssuedCredentials;
  /** Announces to the whole school or a parallel (the administration) or to classes (the administration; a class teacher: their own). */
  createAnnouncement: Announcement;
  createBell: Bell;
  /** A new class of a year (ADMIN): grade 1–11, a Cyrillic letter, the shift and the class teacher. */
  createClass: ClassGroup;
  createCurriculumItem: CurriculumItem;
  /** HR or the secretary creates an employee's card. */
  createEmployee: EmployeeCard;
  createGuardian: GuardianCard;
  /** Writes an order into the movement book and applies it to the student's enrollments (ADMIN, DEPUTY_ACADEMIC, SECRETARY). */
  createMovementOrder: MovementOrder;
  createRoom: Room;
  /** A school event (the deputy heads) or, with classGroupId, a class event (its class teacher, the deputy heads). */
  createSchoolEvent: SchoolEvent;
  /** The secretary creates a student's card (004 §6.3); enroll them with an ENROLL order. */
  createStudent: StudentCard;
  createSubgroup: Subgroup;
  createSubject: Subject;
  createTeachingAssignment: TeachingAssignment;
  /** A slot of the weekly timetable; CONFLICT (extensions.clash) on a double booking. */
  createTimetableEntry: TimetableEntry;
  createWorkType: WorkType;
  /** The class teacher accepts (the reasons of the absences in its span are set, now and as they are recorded) or declines a note. */
  decideAbsenceNote: AbsenceNote;
  /** Deletes a bell of a shift no timetable entry rings (of a year not CLOSED); answers its id. */
  deleteBell: Scalars['ID']['output'];
  /** Answers the class the item belonged to. */
  deleteCurriculumItem: ClassGroup;
  deleteHoliday: AcademicYear;
  deleteMovedWorkingDay: AcademicYear;
  deleteSubgroup: ClassGroup;
  deleteTeachingAssignment: ClassGroup;
  /** Deletes a topic; answers the rest of the plan, renumbered. */
  deleteThematicPlanItem: Array<ThematicPlanItem>;
  /** Removes an entry that never generated lessons (end a used one with validTo). */
  deleteTimetableEntry: ClassGroup;
  /** Deletes a work type no mark uses (else WORK_TYPE_IN_USE: retire it); answers its id. */
  deleteWorkType: Scalars['ID']['output'];
  /** Your own message; the earlier text is kept in `versions`. */
  editMessage: Message;
  /** Makes a span's lessons match the weekly timetable (idempotent; lessons with journal data are kept). */
  generateLessons: GenerateLessonsResult;
  /** The deputy head lets a teacher write their lessons of past days after the entry window, with a reason, until an end date. */
  grantLateEntryPermit: LateEntryPermit;
  /** Grants a school role in the administrator's own school. */
  grantRole: Account;
  /** Imports a school's lists (ADMIN of the school) from files staged with `POST /uploads`: OneRoster 1.2 CSV (a zip or its files) or the spreadsheet set (docs/oneroster.md). `dryRun: true` (the default) writes nothing and reports what would be done; `dryRun: false` writes everything in one transaction, or nothing when any row has a problem. Re-importing the same files changes nothing. */
  importRoster: ImportReport;
  /** The class teacher issues (or resets) the credentials of a student of their class or of a parent of one (004 §3.2.3). */
  issueCredentials: IssuedCredentials;
  /** Links a guardian to a student of the same school. */
  linkGuardian: Guardianship;
  /** Locks an account: it cannot sign in, and every session of it ends at once. */
  lockAccount: Account;
  /** Signs in; the access token is short-lived, the refresh token rotates. */
  login: AuthPayload;
  /** Ends the session the refresh token belongs to; its access tokens stop working at once. */
  logout: Scalars['Boolean']['output'];
  /** You have read it (the author's read count). */
  markAnnouncementRead: Announcement;
  /** Marks the lesson's register called (everybody present counts), for the journal-completeness report. */
  markAttendanceTaken: Lesson;
  /** Read receipt: you have read the conversation (up to a message number). */
  markConversationRead: Conversation;
  /** Records an absence or a late arrival (rules 1, 5). */
  recordAttendance: Attendance;
  /** Records a signed consent to personal-data processing for one card. */
  recordConsent: PersonalDataConsent;
  /** A lesson's column at once: its new marks and its absences, each under the rules of recordMark and recordAttendance, answered per entry, in one transaction (all or nothing: any refused entry and nothing is written). One audit entry and one diary event per mark and per changed attendance row. A refusal of the lesson itself (NOT_FOUND, FORBIDDEN, the window or year closed) is the call's error, as for one entry. */
  recordLessonEntries: LessonEntriesPayload;
  /** A new mark for a student at a lesson (rules 1, 3, 4, 5). */
  recordMark: Mark;
  /** Trades a refresh token for new tokens; each refresh token works once. */
  refreshSession: AuthPayload;
  /** The region's operator registers a third-party app (no dynamic registration). */
  registerApp: RegisteredApp;
  /** Registers a document (a trusted document) for an app ahead of time; answers its SHA-256 hash. */
  registerAppDocument: Scalars['String']['output'];
  /** Registers (or renews) this browser for Web Push; an endpoint registered by another account moves to the viewer. At most 10 per account. */
  registerPushSubscription: PushSubscription;
  /** Removes one of the viewer's push subscriptions; answers its id. */
  removePushSubscription: Scalars['ID']['output'];
  /** The class journal of a class × subject for a study period, or its whole year without `studyPeriodId`, as PDF (004 §9.3): the marks grid with work types and absences, what was taught, the period marks and the corrections. For ADMIN, DIRECTOR, DEPUTY_ACADEMIC, the subject's teacher and the class teacher. */
  requestClassJournalDocument: DocumentDownload;
  /** A pupil's printed diary of the week that holds `week` (Monday to Saturday; 004 §8.12), as PDF: for the pupil, their parents, the class teacher and the school administration. Another family's child answers NOT_FOUND, like a missing id. */
  requestDiaryWeekDocument: DocumentDownload;
  /** Exports a school's lists and results (ADMIN, DEPUTY_ACADEMIC, SECRETARY of the school; docs/oneroster.md): OneRoster 1.2 CSV, the spreadsheet set, or one list as CSV. The file holds what the viewer may see there (marks only for the school administration, logins only for the school heads), and is fetched once from `url` within an hour. */
  requestExport: ExportDownload;
  /** The archive of a CLOSED year (004 §9.1–9.2), ADMIN only: one zip with each class journal as PDF, every mark, period mark, absence, lesson record and movement-book order as CSV and JSON, and manifest.json with each file's SHA-256. Made again it is the same file. */
  requestYearArchive: DocumentDownload;
  /** A new starting password (shown once); every session of the account ends. */
  resetPassword: IssuedCredentials;
  /** No new marks with the work type; the marks it has keep it. */
  retireWorkType: WorkType;
  /** Retracts a mark put on the wrong pupil or lesson, with a reason: it stays in its versions and the audit log, counts nowhere, and the diary shows it as removed. */
  retractMark: Mark;
  /** Revokes an app's access at once: its tokens stop working and its sockets close (4403). */
  revokeApp: Scalars['Boolean']['output'];
  /** Ends a guardianship; the guardian's access ends at once. */
  revokeGuardianship: Guardianship;
  /** Ends a late-entry permit at once; what was written under it stays marked. */
  revokeLateEntryPermit: LateEntryPermit;
  /** Takes a school role away (an administrator keeps their own ADMIN). */
  revokeRole: Account;
  /** Adds a holiday (yearId) or changes one (holidayId + expectedVersion). */
  saveHoliday: Holiday;
  /** Adds a moved working day (yearId) or changes one (movedWorkingDayId + expectedVersion). */
  saveMovedWorkingDay: MovedWorkingDay;
  sendMessage: Message;
  /** The class teacher sets why a student was absent (rule 8). */
  setAbsenceReason: Attendance;
  /** PLANNING → ACTIVE (one ACTIVE year per school) → CLOSED (read-only from then on). */
  setAcademicYearState: AcademicYear;
  /** Sets the topic taught and the homework set (rule 1). */
  setLessonRecord: Lesson;
  /** Sets or corrects a period, year, exam or final mark (rule 6). */
  setPeriodMark: PeriodMark;
  /** Sets which diary events notify the viewer's browsers, and quiet hours. */
  setPushPreferences: PushPreferences;
  setStudyPeriods: AcademicYear;
  /** Starts a conversation with its first message. Anyone you may not write to answers NOT_FOUND, like a missing person. */
  startConversation: Conversation;
  /** A parent reports that their child will be or was absent (days, or lessons of each day), with a reason and an optional scan. */
  submitAbsenceNote: AbsenceNote;
  /** A teacher stands in for one lesson (and then writes its journal); null removes them. */
  substituteLesson: Lesson;
  unlockAccount: Account;
  /** ADMIN: lifts the sign-in lockout (too many failed logins) of an account of their school; true when there was one. */
  unlockLogin: Scalars['Boolean']['output'];
  updateAcademicYear: AcademicYear;
  updateBell: Bell;
  /** Changes a class's letter, shift or class teacher (ADMIN); the class teacher's access moves at once. */
  updateClass: ClassGroup;
  updateCurriculumItem: CurriculumItem;
  updateEmployeeCard: EmployeeCard;
  updateGuardianCard: GuardianCard;
  updateRoom: Room;
  /** Changes an event that is not cancelled; omitted fields stay. */
  updateSchoolEvent: SchoolEvent;
  /** Renames the school or changes its time zone (an IANA name). */
  updateSchoolSettings: School;
  /** The secretary, or the student's class teacher (004 §6.4), edits the card. */
  updateStudentCard: StudentCard;
  updateSubgroup: Subgroup;
  updateSubject: Subject;
  updateTeachingAssignment: TeachingAssignment;
  /** Changes a topic and/or moves it (ordinals stay 1…n). */
  updateThematicPlanItem: ThematicPlanItem;
  updateTimetableEntry: TimetableEntry;
  /** Renames or re-weights a work type: every average and the term reports change at once. */
  updateWorkType: WorkType;
  withdrawConsent: PersonalDataConsent;
};


export type MutationAcknowledgeWeekArgs = {
  studentId: Scalars['ID']['input'];
  weekStartsOn: Scalars['Date']['input'];
};


export type MutationAddThematicPlanItemArgs = {
  input: AddThematicPlanItemInput;
};


export type MutationApplyRolloverArgs = {
  input: ApplyRolloverInput;
};


export type MutationCancelLessonArgs = {
  input: CancelLessonInput;
};


export type MutationCancelSchoolEventArgs = {
  input: CancelSchoolEventInput;
};


export type MutationChangePasswordArgs = {
  newPassword: Scalars['String']['input'];
  oldPassword: Scalars['String']['input'];
};


export type MutationClearAbsenceArgs = {
  input: ClearAbsenceInput;
};


export type MutationCloseClassArgs = {
  input: CloseClassInput;
};


export type MutationCorrectMarkArgs = {
  input: CorrectMarkInput;
};


export type MutationCreateAcademicYearArgs = {
  input: CreateAcademicYearInput;
};


export type MutationCreateAccountArgs = {
  input: CreateAccountInput;
};


export type MutationCreateAnnouncementArgs = {
  input: CreateAnnouncementInput;
};


export type MutationCreateBellArgs = {
  input: CreateBellInput;
};


export type MutationCreateClassArgs = {
  input: CreateClassInput;
};


export type MutationCreateCurriculumItemArgs = {
  input: CreateCurriculumItemInput;
};


export type MutationCreateEmployeeArgs = {
  input: CreateEmployeeInput;
};


export type MutationCreateGuardianArgs = {
  input: CreateGuardianInput;
};


export type MutationCreateMovementOrderArgs = {
  input: CreateMovementOrderInput;
};


export type MutationCreateRoomArgs = {
  input: CreateRoomInput;
};


export type MutationCreateSchoolEventArgs = {
  input: CreateSchoolEventInput;
};


export type MutationCreateStudentArgs = {
  input: CreateStudentInput;
};


export type MutationCreateSubgroupArgs = {
  input: CreateSubgroupInput;
};


export type MutationCreateSubjectArgs = {
  input: CreateSubjectInput;
};


export type MutationCreateTeachingAssignmentArgs = {
  input: CreateTeachingAssignmentInput;
};


export type MutationCreateTimetableEntryArgs = {
  input: CreateTimetableEntryInput;
};


export type MutationCreateWorkTypeArgs = {
  input: CreateWorkTypeInput;
};


export type MutationDecideAbsenceNoteArgs = {
  input: DecideAbsenceNoteInput;
};


export type MutationDeleteBellArgs = {
  input: DeleteInput;
};


export type MutationDeleteCurriculumItemArgs = {
  input: DeleteInput;
};


export type MutationDeleteHolidayArgs = {
  input: DeleteInput;
};


export type MutationDeleteMovedWorkingDayArgs = {
  input: DeleteInput;
};


export type MutationDeleteSubgroupArgs = {
  input: DeleteInput;
};


export type MutationDeleteTeachingAssignmentArgs = {
  input: DeleteInput;
};


export type MutationDeleteThematicPlanItemArgs = {
  input: DeleteInput;
};


export type MutationDeleteTimetableEntryArgs = {
  input: DeleteInput;
};


export type MutationDeleteWorkTypeArgs = {
  workTypeId: Scalars['ID']['input'];
};


export type MutationEditMessageArgs = {
  input: EditMessageInput;
};


export type MutationGenerateLessonsArgs = {
  input: GenerateLessonsInput;
};


export type MutationGrantLateEntryPermitArgs = {
  input: GrantLateEntryPermitInput;
};


export type MutationGrantRoleArgs = {
  input: RoleGrantInput;
};


export type MutationImportRosterArgs = {
  dryRun?: Scalars['Boolean']['input'];
  files: Array<Scalars['ID']['input']>;
  schoolId: Scalars['ID']['input'];
};


export type MutationIssueCredentialsArgs = {
  input: IssueCredentialsInput;
};


export type MutationLinkGuardianArgs = {
  input: LinkGuardianInput;
};


export type MutationLockAccountArgs = {
  input: LockAccountInput;
};


export type MutationLoginArgs = {
  login: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationLogoutArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationMarkAnnouncementReadArgs = {
  announcementId: Scalars['ID']['input'];
};


export type MutationMarkAttendanceTakenArgs = {
  input: MarkAttendanceTakenInput;
};


export type MutationMarkConversationReadArgs = {
  input: MarkConversationReadInput;
};


export type MutationRecordAttendanceArgs = {
  input: RecordAttendanceInput;
};


export type MutationRecordConsentArgs = {
  input: RecordConsentInput;
};


export type MutationRecordLessonEntriesArgs = {
  input: RecordLessonEntriesInput;
};


export type MutationRecordMarkArgs = {
  input: RecordMarkInput;
};


export type MutationRefreshSessionArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRegisterAppArgs = {
  input: RegisterAppInput;
};


export type MutationRegisterAppDocumentArgs = {
  input: RegisterAppDocumentInput;
};


export type MutationRegisterPushSubscriptionArgs = {
  input: RegisterPushSubscriptionInput;
};


export type MutationRemovePushSubscriptionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRequestClassJournalDocumentArgs = {
  classGroupId: Scalars['ID']['input'];
  studyPeriodId?: InputMaybe<Scalars['ID']['input']>;
  subjectId: Scalars['ID']['input'];
};


export type MutationRequestDiaryWeekDocumentArgs = {
  studentId: Scalars['ID']['input'];
  week: Scalars['Date']['input'];
};


export type MutationRequestExportArgs = {
  format: ExportFormat;
  list?: InputMaybe<ExportListInput>;
  schoolId: Scalars['ID']['input'];
  yearId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationRequestYearArchiveArgs = {
  yearId: Scalars['ID']['input'];
};


export type MutationResetPasswordArgs = {
  input: AccountVersionInput;
};


export type MutationRetireWorkTypeArgs = {
  workTypeId: Scalars['ID']['input'];
};


export type MutationRetractMarkArgs = {
  input: RetractMarkInput;
};


export type MutationRevokeAppArgs = {
  id: Scalars['String']['input'];
};


export type MutationRevokeGuardianshipArgs = {
  input: RevokeGuardianshipInput;
};


export type MutationRevokeLateEntryPermitArgs = {
  input: RevokeLateEntryPermitInput;
};


export type MutationRevokeRoleArgs = {
  input: RoleGrantInput;
};


export type MutationSaveHolidayArgs = {
  input: SaveHolidayInput;
};


export type MutationSaveMovedWorkingDayArgs = {
  input: SaveMovedWorkingDayInput;
};


export type MutationSendMessageArgs = {
  input: SendMessageInput;
};


export type MutationSetAbsenceReasonArgs = {
  input: SetAbsenceReasonInput;
};


export type MutationSetAcademicYearStateArgs = {
  input: SetAcademicYearStateInput;
};


export type MutationSetLessonRecordArgs = {
  input: SetLessonRecordInput;
};


export type MutationSetPeriodMarkArgs = {
  input: SetPeriodMarkInput;
};


export type MutationSetPushPreferencesArgs = {
  input: PushPreferencesInput;
};


export type MutationSetStudyPeriodsArgs = {
  input: SetStudyPeriodsInput;
};


export type MutationStartConversationArgs = {
  input: StartConversationInput;
};


export type MutationSubmitAbsenceNoteArgs = {
  input: SubmitAbsenceNoteInput;
};


export type MutationSubstituteLessonArgs = {
  input: SubstituteLessonInput;
};


export type MutationUnlockAccountArgs = {
  input: AccountVersionInput;
};


export type MutationUnlockLoginArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationUpdateAcademicYearArgs = {
  input: UpdateAcademicYearInput;
};


export type MutationUpdateBellArgs = {
  input: UpdateBellInput;
};


export type MutationUpdateClassArgs = {
  input: UpdateClassInput;
};


export type MutationUpdateCurriculumItemArgs = {
  input: UpdateCurriculumItemInput;
};


export type MutationUpdateEmployeeCardArgs = {
  input: UpdateEmployeeCardInput;
};


export type MutationUpdateGuardianCardArgs = {
  input: UpdateGuardianCardInput;
};


export type MutationUpdateRoomArgs = {
  input: UpdateRoomInput;
};


export type MutationUpdateSchoolEventArgs = {
  input: UpdateSchoolEventInput;
};


export type MutationUpdateSchoolSettingsArgs = {
  input: UpdateSchoolSettingsInput;
};


export type MutationUpdateStudentCardArgs = {
  input: UpdateStudentCardInput;
};


export type MutationUpdateSubgroupArgs = {
  input: UpdateSubgroupInput;
};


export type MutationUpdateSubjectArgs = {
  input: UpdateSubjectInput;
};


export type MutationUpdateTeachingAssignmentArgs = {
  input: UpdateTeachingAssignmentInput;
};


export type MutationUpdateThematicPlanItemArgs = {
  input: UpdateThematicPlanItemInput;
};


export type MutationUpdateTimetableEntryArgs = {
  input: UpdateTimetableEntryInput;
};


export type MutationUpdateWorkTypeArgs = {
  input: UpdateWorkTypeInput;
};


export type MutationWithdrawConsentArgs = {
  input: WithdrawConsentInput;
};

/** An object with an opaque, globally unique id that `node(id:)` fetches again. */
export type Node = {
  id: Scalars['ID']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A period, year, exam or final mark. */
export type PeriodMark = Node & {
  __typename?: 'PeriodMark';
  corrected: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  kind: PeriodMarkKind;
  revision: Scalars['Int']['output'];
  student: Student;
  studyPeriod?: Maybe<StudyPeriod>;
  subject: Subject;
  /** "1"–"5", "зач"/"незач" or "н/а" (not attested). */
  value: Scalars['String']['output'];
};

/** One period, year, exam or final mark of the sheet; `node(id: periodMarkId)` is the PeriodMark. */
export type PeriodMarkCell = {
  __typename?: 'PeriodMarkCell';
  corrected: Scalars['Boolean']['output'];
  kind: PeriodMarkKind;
  periodMarkId: Scalars['ID']['output'];
  /** Pass it as expectedRevision to setPeriodMark when changing the mark. */
  revision: Scalars['Int']['output'];
  studentId: Scalars['ID']['output'];
  /** Set for a PERIOD mark. */
  studyPeriodId?: Maybe<Scalars['ID']['output']>;
  subjectId: Scalars['ID']['output'];
  /** "1"–"5", "зач"/"незач" or "н/а" (not attested). */
  value: Scalars['String']['output'];
};

export type PeriodMarkKind =
  | 'EXAM'
  | 'FINAL'
  | 'PERIOD'
  | 'YEAR';

/** A class × subject × period sheet of period, year, exam and final marks. */
export type PeriodMarkSheet = {
  __typename?: 'PeriodMarkSheet';
  classGroupId: Scalars['ID']['output'];
  classGroupName: Scalars['String']['output'];
  marks: Array<PeriodMarkCell>;
  /** Who was in the class during the year, or the period. */
  students: Array<PeriodMarkSheetStudent>;
  /** When asked for one period: its PERIOD marks and the yearly ones. */
  studyPeriodId?: Maybe<Scalars['ID']['output']>;
  studyPeriodName?: Maybe<Scalars['String']['output']>;
  /** The subjects the viewer may read. */
  subjects: Array<PeriodMarkSheetSubject>;
};

export type PeriodMarkSheetStudent = {
  __typename?: 'PeriodMarkSheetStudent';
  fullName: Scalars['String']['output'];
  studentId: Scalars['ID']['output'];
};

export type PeriodMarkSheetSubject = {
  __typename?: 'PeriodMarkSheetSubject';
  name: Scalars['String']['output'];
  subjectId: Scalars['ID']['output'];
};

/** Period results from the period marks (004 §11.3–11.5). attested = pupils − notAttested; quality % = (excellent + good) / attested × 100; success % = (attested − failing) / attested × 100 (rounded to 0.1; null with nobody attested). */
export type PeriodResults = {
  __typename?: 'PeriodResults';
  academicYearId: Scalars['ID']['output'];
  academicYearName: Scalars['String']['output'];
  groupBy: ResultsGrouping;
  groups: Array<ResultGroup>;
  kind: PeriodMarkKind;
  /** The day the class lists are taken on: the period's last day, or today while it runs. */
  onDay: Scalars['Date']['output'];
  /** Per pupil: class reports only (empty otherwise). */
  pupils: Array<PupilResult>;
  qualityFormula: Scalars['String']['output'];
  schoolId: Scalars['ID']['output'];
  schoolName: Scalars['String']['output'];
  studyPeriodId?: Maybe<Scalars['ID']['output']>;
  studyPeriodName?: Maybe<Scalars['String']['output']>;
  successFormula: Scalars['String']['output'];
  /** Every pupil of the rows once, over all their subjects in them. */
  total: ResultCounts;
};

/** The three personal cards (004 §6). */
export type PersonCardKind =
  | 'EMPLOYEE'
  | 'GUARDIAN'
  | 'STUDENT';

/** A recorded consent to personal-data processing (004 §6.1). */
export type PersonalDataConsent = {
  __typename?: 'PersonalDataConsent';
  createdAt: Scalars['DateTime']['output'];
  document?: Maybe<Scalars['String']['output']>;
  givenByName: Scalars['String']['output'];
  givenByRelation?: Maybe<Scalars['String']['output']>;
  givenOn: Scalars['Date']['output'];
  id: Scalars['ID']['output'];
  withdrawnOn?: Maybe<Scalars['Date']['output']>;
};

/** Narrows the personal-data access log; every given part must match. */
export type PersonalDataLogFilterInput = {
  /** The card read: a Student, Guardian or Employee id. */
  cardId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** The User who read. */
  readerId?: InputMaybe<Scalars['ID']['input']>;
  /** Exclusive. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** One staff read of a personal card (004 §3.1): who read whose card, when, through what. */
export type PersonalDataRead = {
  __typename?: 'PersonalDataRead';
  at: Scalars['DateTime']['output'];
  /** The global id of the card read (Student, Guardian or Employee). */
  cardId: Scalars['ID']['output'];
  cardKind: PersonCardKind;
  reader: User;
  /** The name on the reader's employee card. */
  readerName?: Maybe<Scalars['String']['output']>;
  /** The name on the card read; null when the card is gone. */
  subjectName?: Maybe<Scalars['String']['output']>;
  /** The field it was read through: "studentCard", "studentCards", "guardianCard", … */
  what: Scalars['String']['output'];
};

export type PersonalDataReadConnection = {
  __typename?: 'PersonalDataReadConnection';
  edges: Array<PersonalDataReadEdge>;
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Float']['output'];
};

export type PersonalDataReadEdge = {
  __typename?: 'PersonalDataReadEdge';
  cursor: Scalars['String']['output'];
  node: PersonalDataRead;
};

export type PreliminaryPupil = {
  __typename?: 'PreliminaryPupil';
  /** By the marks heading for. */
  category: PupilCategory;
  studentId: Scalars['ID']['output'];
  studentName: Scalars['String']['output'];
  subjects: Array<HeadingForMark>;
};

/** «Предварительный отчёт классного руководителя за учебный период» (004 §11.4). */
export type PreliminaryReport = {
  __typename?: 'PreliminaryReport';
  classGroupId: Scalars['ID']['output'];
  classGroupName: Scalars['String']['output'];
  excellent: Scalars['Int']['output'];
  failing: Scalars['Int']['output'];
  formula: Scalars['String']['output'];
  good: Scalars['Int']['output'];
  notAttested: Scalars['Int']['output'];
  onDay: Scalars['Date']['output'];
  pupils: Array<PreliminaryPupil>;
  satisfactory: Scalars['Int']['output'];
  studyPeriodId: Scalars['ID']['output'];
  studyPeriodName: Scalars['String']['output'];
};

export type ProgressMark = {
  __typename?: 'ProgressMark';
  date: Scalars['Date']['output'];
  subjectId: Scalars['ID']['output'];
  value: Scalars['String']['output'];
  weight: Scalars['Float']['output'];
  workTypeName: Scalars['String']['output'];
};

export type PupilAbsences = {
  __typename?: 'PupilAbsences';
  absentLessons: Scalars['Int']['output'];
  excused: Scalars['Int']['output'];
  illness: Scalars['Int']['output'];
  lateLessons: Scalars['Int']['output'];
  studentId: Scalars['ID']['output'];
  unexcused: Scalars['Int']['output'];
  unknown: Scalars['Int']['output'];
};

/** A pupil's category by their marks of the group, exclusive: EXCELLENT (отличники: all 5), GOOD (хорошисты: only 4 and 5, at least one 4), SATISFACTORY (at least one 3, no 2 and no «н/а»), FAILING (неуспевающие: any 1 or 2, «незач» or «н/а»), NOT_ATTESTED (не аттестованы: no mark at all yet). */
export type PupilCategory =
  | 'EXCELLENT'
  | 'FAILING'
  | 'GOOD'
  | 'NOT_ATTESTED'
  | 'SATISFACTORY';

/** A pupil's category over all their subjects of the report, with the marks. */
export type PupilResult = {
  __typename?: 'PupilResult';
  category: PupilCategory;
  classGroupId: Scalars['ID']['output'];
  classGroupName: Scalars['String']['output'];
  marks: Array<PupilSubjectMark>;
  studentId: Scalars['ID']['output'];
  studentName: Scalars['String']['output'];
};

export type PupilSubjectMark = {
  __typename?: 'PupilSubjectMark';
  subjectId: Scalars['ID']['output'];
  subjectName: Scalars['String']['output'];
  /** null: not entered yet. */
  value?: Maybe<Scalars['String']['output']>;
};

/** Which diary events the viewer's browsers are notified of, and when not. */
export type PushPreferences = {
  __typename?: 'PushPreferences';
  /** The event types that notify; null: all of them. */
  eventTypes?: Maybe<Array<DiaryEventType>>;
  /** Quiet hours end, HH:MM (may be past midnight: 22:00–07:00). */
  quietHoursEnd?: Maybe<Scalars['String']['output']>;
  quietHoursMode: QuietHoursMode;
  /** Quiet hours start, HH:MM (null: none). */
  quietHoursStart?: Maybe<Scalars['String']['output']>;
  /** The IANA zone of the quiet hours; null: the school's of the pupil the event is about. */
  timeZone?: Maybe<Scalars['String']['output']>;
};

/** Replaces the viewer's push preferences (fields left out take their defaults). */
export type PushPreferencesInput = {
  /** The event types that notify; null or left out: all. */
  eventTypes?: InputMaybe<Array<DiaryEventType>>;
  quietHoursEnd?: InputMaybe<Scalars['String']['input']>;
  /** DEFER when left out. */
  quietHoursMode?: InputMaybe<QuietHoursMode>;
  quietHoursStart?: InputMaybe<Scalars['String']['input']>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** One of the viewer's browsers registered for Web Push (RFC 8030). */
export type PushSubscription = {
  __typename?: 'PushSubscription';
  createdAt: Scalars['DateTime']['output'];
  /** The push service's URL for this browser. */
  endpoint: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** When the push service last accepted a message for it. */
  lastDeliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the client said it is when registering. */
  userAgent?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  _entities: Array<Maybe<_Entity>>;
  _service: _Service;
  /** Absence notes you may read (your children's; your class's; of students you teach; the school's for the administration), the newest first. */
  absenceNotes: AbsenceNoteConnection;
  /** The academic years of the viewer's schools, newest first. */
  academicYears: Array<AcademicYear>;
  /** The accounts of a school (a role or a card there), by login; ADMIN and DIRECTOR. */
  accounts: AccountConnection;
  /** Announcements that reach you (and yours), the newest first. */
  announcements: AnnouncementConnection;
  /** Students short of marks for attestation in a study period (rule 7: 3 marks for a 1-hour subject, 5 for 2 hours or more). */
  atRiskReport: AtRiskReport;
  /** Absences and late arrivals per class, by reason, with the students concerned. */
  attendanceSummaryReport: AttendanceSummaryReport;
  /** The audit log of the viewer's school, newest first: ADMIN and DIRECTOR all of it, DEPUTY_ACADEMIC the journal's entries. `first` 1–100. */
  auditLog: AuditEntryConnection;
  /** The bell schedules of the viewer's schools, by shift and number. */
  bells: Array<Bell>;
  /** The school's cards with no consent to personal-data processing in force (004 §6.1), those holding data first: students and guardians for the heads and the secretary, employees for them and HR. `first` 1–100. */
  cardsLackingConsent: CardLackingConsentConnection;
  /** Coordinators: class fill by grade for each school under them. */
  classFillBySchoolReport: Array<SchoolClassFill>;
  /** Students per class on `date` (default today) against the norm (default 25). */
  classFillReport: ClassFillReport;
  /** The classes of a year you may read, by grade and letter (closed ones when asked for). */
  classGroups: Array<ClassGroup>;
  /** The journal page of one class in one subject: lessons, students, marks and attendance; at most 92 days. */
  classJournal: ClassJournal;
  /** «Сводная ведомость учёта успеваемости» (004 §11.4): the year cards of every pupil of the class. Its class teacher and the academic administration. */
  classMarkSheetReport: ClassMarkSheet;
  /** «Итоги успеваемости класса за учебный период» (004 §11.4–11.5): per subject, and each pupil's category with their marks. attested = pupils − notAttested; quality % = (excellent + good) / attested × 100; success % = (attested − failing) / attested × 100 (rounded to 0.1; null with nobody attested). PERIOD (needs studyPeriodId), YEAR, EXAM or FINAL marks; academicYearId left out: the current year. Its class teacher and the academic administration. */
  classPeriodResultsReport: PeriodResults;
  /** «Отчёт классного руководителя за учебный период» (004 §11.4): the class's results per subject and pupil, and its absences. attested = pupils − notAttested; quality % = (excellent + good) / attested × 100; success % = (attested − failing) / attested × 100 (rounded to 0.1; null with nobody attested). PERIOD (needs studyPeriodId), YEAR, EXAM or FINAL marks; academicYearId left out: the current year. */
  classTeacherPeriodReport: ClassTeacherPeriodReport;
  /** «Сводный отчёт классного руководителя» (по школе, 004 §11.3): per class, the results from the period marks and the absences. attested = pupils − notAttested; quality % = (excellent + good) / attested × 100; success % = (attested − failing) / attested × 100 (rounded to 0.1; null with nobody attested). PERIOD (needs studyPeriodId), YEAR, EXAM or FINAL marks; academicYearId left out: the current year. */
  classTeachersSummaryReport: ClassTeachersSummary;
  /** Marks per subject and study period of one class: its class teacher and the school administration. */
  classTermReport: TermReport;
  /** Who of the class has and has not acknowledged the week (its class teacher; the administration). */
  classWeekAcknowledgements: Array<ClassWeekAcknowledgement>;
  /** One of your conversations; any other id answers NOT_FOUND. */
  conversation: Conversation;
  /** Your conversations, the latest first, each with its unread count. */
  conversations: ConversationConnection;
  /** A class's curriculum (the administration; its teachers and class teacher; its students and their parents). */
  curriculum: Array<CurriculumItem>;
  /** A student's lessons with their marks and attendance, day by day; at most 31 days. */
  diary: Array<DiaryDay>;
  /** The school's employee cards, by name (administration, HR, secretary). */
  employeeCards: Array<EmployeeCard>;
  /** A guardian's card: NOT_FOUND when missing or not yours. */
  guardianCard: GuardianCard;
  /** Lessons that took place without a topic, a homework or attendance, per class × subject × teacher. schoolId may be left out by who works in one school. */
  journalCompletenessReport: JournalCompletenessReport;
  /** «Итоги успеваемости и качества знаний» (004 §11.5): quality and success per class × subject, of one class or the school. attested = pupils − notAttested; quality % = (excellent + good) / attested × 100; success % = (attested − failing) / attested × 100 (rounded to 0.1; null with nobody attested). PERIOD (needs studyPeriodId), YEAR, EXAM or FINAL marks; academicYearId left out: the current year. */
  knowledgeQualityReport: PeriodResults;
  /** Late-entry permits, newest first: all of the school's for its administration, a teacher's own for a teacher. `schoolId` is needed only for several schools. */
  lateEntryPermits: Array<LateEntryPermit>;
  /** Marks entered after the lesson's day, per teacher × subject. */
  markTimelinessReport: MarkTimelinessReport;
  /** The signed-in user, their roles and the people they are tied to. */
  me: Viewer;
  /** Whom you may write to. About a student (studentId): a family sees the student's teachers, class teacher and administration; staff tied to the student see its family too. Without: the staff of your school (staff only). */
  messageRecipients: Array<MessageRecipient>;
  /** Orders dated within [from, to], newest first. A class teacher names their own class and gets its orders only. */
  movementOrders: MovementOrderConnection;
  /** Coordinators: movement counts for each school under them. */
  movementSummaryBySchoolReport: Array<SchoolMovementSummary>;
  /** Orders taking effect in [from, to]: by type, arrivals and departures per class. */
  movementSummaryReport: MovementSummaryReport;
  /** The apps the viewer let see their family's diary, with scopes, children and last use. */
  myApps: Array<AuthorizedApp>;
  /** Any object by id; null when it does not exist or is not yours to see. */
  node?: Maybe<Node>;
  /** A class's period, year, exam and final marks, for the subjects the viewer may read. */
  periodMarkSheet: PeriodMarkSheet;
  /** Period results from the period marks, grouped as asked (school, parallel, class, subject, class × subject, teacher). attested = pupils − notAttested; quality % = (excellent + good) / attested × 100; success % = (attested − failing) / attested × 100 (rounded to 0.1; null with nobody attested). PERIOD (needs studyPeriodId), YEAR, EXAM or FINAL marks; academicYearId left out: the current year. The academic administration the whole school; a teacher their own subjects and a class teacher their class; coordinators per school, no TEACHER grouping. */
  periodResults: PeriodResults;
  /** The personal-data access log of the viewer's school (004 §3.1), newest first: who read whose card, when, through what. ADMIN and DIRECTOR. `first` 1–100. */
  personalDataLog: PersonalDataReadConnection;
  /** «Предварительный отчёт классного руководителя за учебный период» (004 §11.4): per pupil and subject the weighted average of the period's marks so far and the period mark it heads for (rounded half up), and the class's categories by them. */
  preliminaryClassReport: PreliminaryReport;
  /** The viewer's push preferences (defaults when never set). */
  pushPreferences: PushPreferences;
  /** The server's VAPID public key (base64url): the applicationServerKey for PushManager.subscribe(). */
  pushPublicKey: Scalars['String']['output'];
  /** The viewer's own browsers registered for Web Push. */
  pushSubscriptions: Array<PushSubscription>;
  /** The report card (табель) of a student for a study period: period marks, current averages, absences. */
  reportCardReport: ReportCard;
  /** «Конструктор отчетов» (004 §11.6): the school's journal in a span (at most 366 days) grouped by 1–3 dimensions with the chosen measures; at most `first` (1–100) rows. ADMIN, DEPUTY_ACADEMIC, SECRETARY and HR of the school. */
  reportConstructor: ConstructorReport;
  /** What the year rollover (rule 9) would do; nothing changes. ADMIN, DIRECTOR, DEPUTY_ACADEMIC. */
  rolloverPreview: RolloverPreview;
  /** The rooms of the viewer's schools. */
  rooms: Array<Room>;
  /** Events shown beside the timetable, overlapping [from, to] (at most 366 days), cancelled ones included. With classGroupId: the school's events and that class's (its school's staff; its students and their parents). Without: every event of the school (its staff; schoolId needed only for several schools). */
  schoolEvents: Array<SchoolEvent>;
  /** The journal reports as per-school figures with no names: the coordinators' schools, or the administration's own. */
  schoolJournalAggregatesReport: Array<SchoolJournalAggregate>;
  /** «Сводный отчёт об успеваемости по школе» (004 §11.3): the results per parallel and the school's total. attested = pupils − notAttested; quality % = (excellent + good) / attested × 100; success % = (attested − failing) / attested × 100 (rounded to 0.1; null with nobody attested). PERIOD (needs studyPeriodId), YEAR, EXAM or FINAL marks; academicYearId left out: the current year. */
  schoolPerformanceReport: PeriodResults;
  /** Your school's settings (schoolId: needed only when you work for several). */
  schoolSettings: School;
  /** Marks per subject and study period of a whole school: its administration (schoolId may be left out) and the coordinators over it. */
  schoolTermReport: TermReport;
  /** Full-text search (Russian stemming) in your own conversations, the newest first. */
  searchMessages: MessageConnection;
  /** NOT_FOUND when the student does not exist or is not yours to see. */
  student?: Maybe<Student>;
  /** A student's average and weighted average this year, per study period and per week, and its trend. */
  studentAverageReport: StudentAverageReport;
  /** A student's card: NOT_FOUND when missing or not yours; FORBIDDEN for teachers who see names only. */
  studentCard: StudentCard;
  /** The cards of a class's students today, by name: its class teacher, the secretary, the administration. */
  studentCards: Array<StudentCard>;
  /** A student's movement history, oldest first: the book's readers, and class teachers of the student's classes. */
  studentMovementHistory: Array<MovementOrder>;
  /** «Отчёт об успеваемости и посещаемости ученика» (004 §11.5): the report card of the period with every current mark. Like reportCardReport: the pupil, their parents, the staff who reach the pupil (a subject teacher their subjects). */
  studentProgressReport: StudentProgressReport;
  /** A class's subgroups the viewer may see. */
  subgroups: Array<Subgroup>;
  /** «Отчёт учителя-предметника» (004 §11.4): a teacher's results per class × subject and the program coverage (lessons held against the thematic plan's hours). teacherId left out: the viewer's own; another teacher's: the academic administration. PERIOD (needs studyPeriodId), YEAR, EXAM or FINAL marks; academicYearId left out: the current year. */
  subjectTeacherReport: SubjectTeacherReport;
  /** The subjects of the viewer's schools, by name. */
  subjects: Array<Subject>;
  /** With classGroupId: the class's assignments (a teacher who only teaches there sees their own). Without: the viewer's own. */
  teachingAssignments: Array<TeachingAssignment>;
  /** The thematic plan of a class and subject, in order. Teachers read their own; the administration any teacher's (teacherId), or all when left out. */
  thematicPlan: Array<ThematicPlanItem>;
  /** The weekly timetable of a class (its school's staff; its students and their parents) or of a teacher (the school's staff), by weekday and bell. */
  timetable: Array<TimetableEntry>;
  /** Unread messages in all your conversations. */
  unreadMessageCount: Scalars['Int']['output'];
  /** Coordinators: activity by role and week for each school under them. */
  userActivityBySchoolReport: Array<SchoolUserActivity>;
  /** Logins and writes per account, role and week in [from, to]; HR sees staff accounts only. */
  userActivityReport: UserActivityReport;
  /** Confirms that a document was made here, for a certified copy: give the SHA-256 printed on its pages (or the file's own SHA-256). For the administration and the SECRETARY of the school that made it; anything else answers NOT_FOUND. */
  verifyDocument: VerifiedDocument;
  /** Weighted average per student and subject of a class in a study period: Σ(value × weight) / Σ(weight) over the five-point marks, weight = the work type's weight. */
  weightedAverageReport: WeightedAverageReport;
  /** The work types of the viewer's schools, with their weights (retired ones too: their marks keep them). */
  workTypes: Array<WorkType>;
  /** «Табель успеваемости учащегося» for a whole year (004 §11.5): each study period's mark, the year, exam and final marks, per subject. The pupil, their parents, the staff who reach the pupil (a subject teacher their subjects). academicYearId left out: the current year. */
  yearReportCard: YearCardSet;
  /** «Состояние перехода на следующий учебный год» (004 §4.2): per school, how far the next year is formed. schoolId left out: every school of the viewer (the administration's own, the coordinator's under them). */
  yearTransitionReport: Array<YearTransitionRow>;
};


export type Query_EntitiesArgs = {
  representations: Array<Scalars['_Any']['input']>;
};


export type QueryAbsenceNotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<AbsenceNoteState>;
  studentId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryAccountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryAnnouncementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAtRiskReportArgs = {
  classGroupId?: InputMaybe<Scalars['ID']['input']>;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  studyPeriodId: Scalars['ID']['input'];
};


export type QueryAttendanceSummaryReportArgs = {
  classGroupId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['Date']['input'];
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['Date']['input'];
};


export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditLogFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryCardsLackingConsentArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CardsLackingConsentFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryClassFillBySchoolReportArgs = {
  date?: InputMaybe<Scalars['Date']['input']>;
  norm?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryClassFillReportArgs = {
  date?: InputMaybe<Scalars['Date']['input']>;
  norm?: InputMaybe<Scalars['Int']['input']>;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryClassGroupsArgs = {
  includeClosed?: Scalars['Boolean']['input'];
  yearId: Scalars['ID']['input'];
};


export type QueryClassJournalArgs = {
  classGroupId: Scalars['ID']['input'];
  from: Scalars['Date']['input'];
  subjectId: Scalars['ID']['input'];
  to: Scalars['Date']['input'];
};


export type QueryClassMarkSheetReportArgs = {
  classGroupId: Scalars['ID']['input'];
};


export type QueryClassPeriodResultsReportArgs = {
  classGroupId: Scalars['ID']['input'];
  kind?: PeriodMarkKind;
  studyPeriodId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryClassTeacherPeriodReportArgs = {
  classGroupId: Scalars['ID']['input'];
  kind?: PeriodMarkKind;
  studyPeriodId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryClassTeachersSummaryReportArgs = {
  academicYearId?: InputMaybe<Scalars['ID']['input']>;
  kind?: PeriodMarkKind;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  studyPeriodId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryClassTermReportArgs = {
  classGroupId: Scalars['ID']['input'];
};


export type QueryClassWeekAcknowledgementsArgs = {
  classGroupId: Scalars['ID']['input'];
  weekStartsOn: Scalars['Date']['input'];
};


export type QueryConversationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryConversationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCurriculumArgs = {
  classGroupId: Scalars['ID']['input'];
};


export type QueryDiaryArgs = {
  from: Scalars['Date']['input'];
  studentId: Scalars['ID']['input'];
  to: Scalars['Date']['input'];
};


export type QueryEmployeeCardsArgs = {
  schoolId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryGuardianCardArgs = {
  id: Scalars['ID']['input'];
};


export type QueryJournalCompletenessReportArgs = {
  classGroupId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['Date']['input'];
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['Date']['input'];
};


export type QueryKnowledgeQualityReportArgs = {
  academicYearId?: InputMaybe<Scalars['ID']['input']>;
  classGroupId?: InputMaybe<Scalars['ID']['input']>;
  kind?: PeriodMarkKind;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  studyPeriodId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryLateEntryPermitsArgs = {
  activeOnly?: InputMaybe<Scalars['Boolean']['input']>;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  teacherId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryMarkTimelinessReportArgs = {
  classGroupId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['Date']['input'];
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['Date']['input'];
};


export type QueryMessageRecipientsArgs = {
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  studentId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryMovementOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  classGroupId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from: Scalars['Date']['input'];
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['Date']['input'];
  type?: InputMaybe<MovementOrderType>;
};


export type QueryMovementSummaryBySchoolReportArgs = {
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


export type QueryMovementSummaryReportArgs = {
  from: Scalars['Date']['input'];
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['Date']['input'];
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPeriodMarkSheetArgs = {
  classGroupId: Scalars['ID']['input'];
  studyPeriodId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryPeriodResultsArgs = {
  academicYearId?: InputMaybe<Scalars['ID']['input']>;
  classGroupId?: InputMaybe<Scalars['ID']['input']>;
  groupBy: ResultsGrouping;
  kind?: PeriodMarkKind;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  studyPeriodId?: InputMaybe<Scalars['ID']['input']>;
  subjectId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryPersonalDataLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PersonalDataLogFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryPreliminaryClassReportArgs = {
  classGroupId: Scalars['ID']['input'];
  studyPeriodId: Scalars['ID']['input'];
};


export type QueryReportCardReportArgs = {
  studentId: Scalars['ID']['input'];
  studyPeriodId: Scalars['ID']['input'];
};


export type QueryReportConstructorArgs = {
  dimensions: Array<ConstructorDimension>;
  first?: Scalars['Int']['input'];
  from: Scalars['Date']['input'];
  measures: Array<ConstructorMeasure>;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['Date']['input'];
};


export type QueryRolloverPreviewArgs = {
  input: RolloverInput;
};


export type QuerySchoolEventsArgs = {
  classGroupId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['Date']['input'];
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['Date']['input'];
};


export type QuerySchoolJournalAggregatesReportArgs = {
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


export type QuerySchoolPerformanceReportArgs = {
  academicYearId?: InputMaybe<Scalars['ID']['input']>;
  kind?: PeriodMarkKind;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  studyPeriodId?: InputMaybe<Scalars['ID']['input']>;
};


export type QuerySchoolSettingsArgs = {
  schoolId?: InputMaybe<Scalars['ID']['input']>;
};


export type QuerySchoolTermReportArgs = {
  schoolId?: InputMaybe<Scalars['ID']['input']>;
};


export type QuerySearchMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


export type QueryStudentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryStudentAverageReportArgs = {
  studentId: Scalars['ID']['input'];
  subjectId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryStudentCardArgs = {
  id: Scalars['ID']['input'];
};


export type QueryStudentCardsArgs = {
  classGroupId: Scalars['ID']['input'];
};


export type QueryStudentMovementHistoryArgs = {
  studentId: Scalars['ID']['input'];
};


export type QueryStudentProgressReportArgs = {
  studentId: Scalars['ID']['input'];
  studyPeriodId: Scalars['ID']['input'];
};


export type QuerySubgroupsArgs = {
  classGroupId: Scalars['ID']['input'];
};


export type QuerySubjectTeacherReportArgs = {
  academicYearId?: InputMaybe<Scalars['ID']['input']>;
  kind?: PeriodMarkKind;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  studyPeriodId?: InputMaybe<Scalars['ID']['input']>;
  teacherId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryTeachingAssignmentsArgs = {
  classGroupId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryThematicPlanArgs = {
  classGroupId: Scalars['ID']['input'];
  subjectId: Scalars['ID']['input'];
  teacherId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryTimetableArgs = {
  classGroupId?: InputMaybe<Scalars['ID']['input']>;
  teacherId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryUserActivityBySchoolReportArgs = {
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


export type QueryUserActivityReportArgs = {
  from: Scalars['Date']['input'];
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['Date']['input'];
};


export type QueryVerifyDocumentArgs = {
  sha256: Scalars['String']['input'];
};


export type QueryWeightedAverageReportArgs = {
  classGroupId: Scalars['ID']['input'];
  studyPeriodId: Scalars['ID']['input'];
  subjectId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryYearReportCardArgs = {
  academicYearId?: InputMaybe<Scalars['ID']['input']>;
  studentId: Scalars['ID']['input'];
};


export type QueryYearTransitionReportArgs = {
  schoolId?: InputMaybe<Scalars['ID']['input']>;
};

/** What happens to a push that falls in the quiet hours: DEFER holds it until they end, DROP does not send it. */
export type QuietHoursMode =
  | 'DEFER'
  | 'DROP';

export type ReasonCount = {
  __typename?: 'ReasonCount';
  count: Scalars['Int']['output'];
  kind: AttendanceKind;
  reason: AbsenceReason;
};

export type RecordAttendanceInput = {
  kind: AttendanceKind;
  lessonId: Scalars['ID']['input'];
  studentId: Scalars['ID']['input'];
};

export type RecordConsentInput = {
  /** The signed paper: "заявление №15 от 28.08.2026". */
  document?: InputMaybe<Scalars['String']['input']>;
  employeeId?: InputMaybe<Scalars['ID']['input']>;
  givenByName: Scalars['String']['input'];
  givenByRelation?: InputMaybe<Scalars['String']['input']>;
  givenOn: Scalars['Date']['input'];
  guardianId?: InputMaybe<Scalars['ID']['input']>;
  /** Exactly one of studentId, guardianId, employeeId. */
  studentId?: InputMaybe<Scalars['ID']['input']>;
};

export type RecordLessonEntriesInput = {
  /** Absences and lateness, at most 100, one per pupil. */
  absences?: Array<LessonAbsenceEntryInput>;
  lessonId: Scalars['ID']['input'];
  /** New marks, at most 100; a pupil may get several. */
  marks?: Array<LessonMarkEntryInput>;
};

export type RecordMarkInput = {
  comment?: InputMaybe<Scalars['String']['input']>;
  lessonId: Scalars['ID']['input'];
  studentId: Scalars['ID']['input'];
  value: Scalars['String']['input'];
  workTypeCode: Scalars['String']['input'];
};

export type RegisterAppDocumentInput = {
  clientId: Scalars['String']['input'];
  /** The exact text; its SHA-256 (hex) is the hash the app sends. */
  document: Scalars['String']['input'];
};

export type RegisterAppInput = {
  name: Scalars['String']['input'];
  /** Requests a minute over all its tokens (600 by default). */
  rateLimitPerMinute?: InputMaybe<Scalars['Int']['input']>;
  /** Matched exactly: https, loopback http, or a reverse-domain private scheme. */
  redirectUris: Array<Scalars['String']['input']>;
  /** Some of diary:read, events:read, profile. */
  scopes: Array<Scalars['String']['input']>;
  /** In production, refuse any document the app did not register. */
  trustedDocumentsOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Where the app's webhooks go (kept for the webhooks to come). */
  webhookUrl?: InputMaybe<Scalars['String']['input']>;
};

/** A browser's PushSubscription as PushManager.subscribe() gives it (toJSON(): endpoint, keys.p256dh, keys.auth). */
export type RegisterPushSubscriptionInput = {
  /** keys.auth, base64url (16 bytes). */
  auth: Scalars['String']['input'];
  /** An https URL of at most 1024 characters. */
  endpoint: Scalars['String']['input'];
  /** keys.p256dh, base64url (65 bytes). */
  p256dh: Scalars['String']['input'];
  /** What the browser is, for the list (cut to 200 characters). */
  userAgent?: InputMaybe<Scalars['String']['input']>;
};

/** A third-party app as the region's operator registered it (docs/apps.md). */
export type RegisteredApp = {
  __typename?: 'RegisteredApp';
  /** The OAuth client_id (a public client: no secret, PKCE). */
  clientId: Scalars['String']['output'];
  name: Scalars['String']['output'];
  rateLimitPerMinute: Scalars['Int']['output'];
  redirectUris: Array<Scalars['String']['output']>;
  scopes: Array<Scalars['String']['output']>;
  trustedDocumentsOnly: Scalars['Boolean']['output'];
  webhookUrl?: Maybe<Scalars['String']['output']>;
};

/** The report card (табель) of a student for a study period. */
export type ReportCard = {
  __typename?: 'ReportCard';
  absences: ReportCardAbsences;
  classGroupName?: Maybe<Scalars['String']['output']>;
  studentId: Scalars['ID']['output'];
  studentName: Scalars['String']['output'];
  studyPeriodId: Scalars['ID']['output'];
  studyPeriodName: Scalars['String']['output'];
  subjects: Array<ReportCardSubject>;
};

/** Absences and late arrivals in the period, counted per lesson. */
export type ReportCardAbsences = {
  __typename?: 'ReportCardAbsences';
  absentLessons: Scalars['Int']['output'];
  excused: Scalars['Int']['output'];
  illness: Scalars['Int']['output'];
  lateLessons: Scalars['Int']['output'];
  unexcused: Scalars['Int']['output'];
  unknown: Scalars['Int']['output'];
};

export type ReportCardSubject = {
  __typename?: 'ReportCardSubject';
  average?: Maybe<Scalars['Float']['output']>;
  /** Current marks of any scale in the period. */
  marks: Scalars['Int']['output'];
  /** The period mark ("1"–"5", "зач"/"незач", "н/а"), once set. */
  periodMark?: Maybe<Scalars['String']['output']>;
  subjectId: Scalars['ID']['output'];
  subjectName: Scalars['String']['output'];
  /** Σ(value × weight) / Σ(weight) over the five-point marks. */
  weightedAverage?: Maybe<Scalars['Float']['output']>;
  yearMark?: Maybe<Scalars['String']['output']>;
};

/** Pupils by category. attested = pupils − notAttested; quality % = (excellent + good) / attested × 100; success % = (attested − failing) / attested × 100 (rounded to 0.1; null with nobody attested). */
export type ResultCounts = {
  __typename?: 'ResultCounts';
  /** Pupils with at least one mark in the group. */
  attested: Scalars['Int']['output'];
  /** Отличники: every mark 5. */
  excellent: Scalars['Int']['output'];
  /** Неуспевающие: any 1 or 2, «незач» or «н/а». */
  failing: Scalars['Int']['output'];
  /** Хорошисты: only 4 and 5, at least one 4 (those with one 4 included). */
  good: Scalars['Int']['output'];
  /** Pupil × subject cells with no mark yet. */
  missingMarks: Scalars['Int']['output'];
  /** Не аттестованы: no period mark at all in the group yet. */
  notAttested: Scalars['Int']['output'];
  /** Of the failing, those with at least one «н/а». */
  notAttestedMark: Scalars['Int']['output'];
  /** С одной «4»: of the хорошисты, those with exactly one 4. */
  oneFour: Scalars['Int']['output'];
  /** С одной «3»: of the satisfactory, those with exactly one 3. */
  oneThree: Scalars['Int']['output'];
  pupils: Scalars['Int']['output'];
  /** Качество: (excellent + good) / attested × 100. */
  qualityPercent?: Maybe<Scalars['Float']['output']>;
  /** At least one 3, no 2 and no «н/а» (those with one 3 included). */
  satisfactory: Scalars['Int']['output'];
  /** Успеваемость: (attested − failing) / attested × 100. */
  successPercent?: Maybe<Scalars['Float']['output']>;
};

/** One group of period results; the key fields of the grouping are set, the others null. */
export type ResultGroup = {
  __typename?: 'ResultGroup';
  /** Pupils with at least one mark in the group. */
  attested: Scalars['Int']['output'];
  classGroupId?: Maybe<Scalars['ID']['output']>;
  classGroupName?: Maybe<Scalars['String']['output']>;
  /** CLASS grouping: the class teacher (null for coordinators: no names). */
  classTeacherName?: Maybe<Scalars['String']['output']>;
  /** Отличники: every mark 5. */
  excellent: Scalars['Int']['output'];
  /** Неуспевающие: any 1 or 2, «незач» or «н/а». */
  failing: Scalars['Int']['output'];
  /** Хорошисты: only 4 and 5, at least one 4 (those with one 4 included). */
  good: Scalars['Int']['output'];
  grade?: Maybe<Scalars['Int']['output']>;
  /** Pupil × subject cells with no mark yet. */
  missingMarks: Scalars['Int']['output'];
  /** Не аттестованы: no period mark at all in the group yet. */
  notAttested: Scalars['Int']['output'];
  /** Of the failing, those with at least one «н/а». */
  notAttestedMark: Scalars['Int']['output'];
  /** С одной «4»: of the хорошисты, those with exactly one 4. */
  oneFour: Scalars['Int']['output'];
  /** С одной «3»: of the satisfactory, those with exactly one 3. */
  oneThree: Scalars['Int']['output'];
  pupils: Scalars['Int']['output'];
  /** Качество: (excellent + good) / attested × 100. */
  qualityPercent?: Maybe<Scalars['Float']['output']>;
  /** At least one 3, no 2 and no «н/а» (those with one 3 included). */
  satisfactory: Scalars['Int']['output'];
  subjectId?: Maybe<Scalars['ID']['output']>;
  subjectName?: Maybe<Scalars['String']['output']>;
  /** Успеваемость: (attested − failing) / attested × 100. */
  successPercent?: Maybe<Scalars['Float']['output']>;
  teacherId?: Maybe<Scalars['ID']['output']>;
  teacherName?: Maybe<Scalars['String']['output']>;
};

/** How period results are grouped: the school, each parallel (grade), class, subject, class × subject, or teacher. */
export type ResultsGrouping =
  | 'CLASS'
  | 'CLASS_SUBJECT'
  | 'PARALLEL'
  | 'SCHOOL'
  | 'SUBJECT'
  | 'TEACHER';

export type RetractMarkInput = {
  /** The revision being retracted; CONFLICT when someone changed it meanwhile. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  markId: Scalars['ID']['input'];
  /** Why the mark is retracted (the wrong pupil or lesson); required. */
  reason: Scalars['String']['input'];
};

export type RevokeGuardianshipInput = {
  guardianshipId: Scalars['ID']['input'];
};

export type RevokeLateEntryPermitInput = {
  permitId: Scalars['ID']['input'];
};

export type Role =
  | 'ADMIN'
  | 'DEPUTY_ACADEMIC'
  | 'DEPUTY_PASTORAL'
  | 'DIRECTOR'
  | 'HR'
  | 'MUNICIPAL_COORDINATOR'
  | 'PARENT'
  | 'REGIONAL_COORDINATOR'
  | 'SECRETARY'
  | 'STUDENT'
  | 'TEACHER';

export type RoleActivity = {
  __typename?: 'RoleActivity';
  /** Of them, with a login or a write in the span. */
  activeUsers: Scalars['Int']['output'];
  logins: Scalars['Int']['output'];
  role: Role;
  /** Accounts holding the role. */
  users: Scalars['Int']['output'];
  writes: Scalars['Int']['output'];
};

export type RoleGrantInput = {
  role: Role;
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  userId: Scalars['ID']['input'];
};

/** A class the rollover creates in the new year. */
export type RolloverClass = {
  __typename?: 'RolloverClass';
  classTeacher?: Maybe<Employee>;
  /** The old class it continues (`promotedFrom`); null for a class made for repeaters. */
  fromClass?: Maybe<ClassGroup>;
  grade: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  /** Students it will have. */
  students: Scalars['Int']['output'];
};

/** What becomes of a student at the year rollover (one movement-book order each). */
export type RolloverDecision =
  | 'GRADUATE'
  | 'PROMOTE'
  | 'PROMOTE_CONDITIONAL'
  | 'REPEAT_YEAR';

export type RolloverDecisionInput = {
  decision: RolloverDecision;
  studentId: Scalars['ID']['input'];
};

export type RolloverInput = {
  decisions?: Array<RolloverDecisionInput>;
  /** PROMOTE or PROMOTE_CONDITIONAL for every student not listed (the last grade graduates). Left out: unlisted students are undecided. */
  defaultDecision?: InputMaybe<RolloverDecision>;
  endsOn: Scalars['Date']['input'];
  /** The new year: "2027/2028". */
  name: Scalars['String']['input'];
  startsOn: Scalars['Date']['input'];
  /** The year rolled over (ACTIVE, not yet closed). */
  yearId: Scalars['ID']['input'];
};

/** What applyRollover would do, exactly; pass `token` to apply it. */
export type RolloverPreview = {
  __typename?: 'RolloverPreview';
  /** True when every student has a decision. */
  canApply: Scalars['Boolean']['output'];
  classes: Array<RolloverClass>;
  /** Curriculum items copied to the new classes. */
  curriculumItems: Scalars['Int']['output'];
  endsOn: Scalars['Date']['output'];
  graduating: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  promoted: Scalars['Int']['output'];
  promotedConditionally: Scalars['Int']['output'];
  repeating: Scalars['Int']['output'];
  startsOn: Scalars['Date']['output'];
  students: Array<RolloverStudent>;
  /** Subgroups copied (with the members who move with their class). */
  subgroups: Scalars['Int']['output'];
  /** Teaching assignments copied (teachers not dismissed). */
  teachingAssignments: Scalars['Int']['output'];
  /** Fingerprint of everything the plan rests on: applyRollover answers CONFLICT when the data changed since. */
  token: Scalars['String']['output'];
  /** Students with no decision: apply is refused while any are left. */
  undecided: Array<Student>;
};

/** One student in a rollover preview. */
export type RolloverStudent = {
  __typename?: 'RolloverStudent';
  /** Null: undecided (apply is refused until every student has a decision). */
  decision?: Maybe<RolloverDecision>;
  fromClass: ClassGroup;
  /** The movement-book order number the apply step writes. */
  orderNumber?: Maybe<Scalars['String']['output']>;
  student: Student;
  /** The new year's class ("6А"); null when graduating or undecided. */
  toClassName?: Maybe<Scalars['String']['output']>;
};

export type Room = Node & {
  __typename?: 'Room';
  capacity?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

export type SaveHolidayInput = {
  endsOn: Scalars['Date']['input'];
  /** The holiday's version, when changing it. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** To change one. */
  holidayId?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  startsOn: Scalars['Date']['input'];
  /** For a new holiday. */
  yearId?: InputMaybe<Scalars['ID']['input']>;
};

export type SaveMovedWorkingDayInput = {
  dayOffDate: Scalars['Date']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** To change one. */
  movedWorkingDayId?: InputMaybe<Scalars['ID']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  /** Worked in place of dayOffDate, with its weekday's timetable. */
  workDate: Scalars['Date']['input'];
  /** For a new moved day. */
  yearId?: InputMaybe<Scalars['ID']['input']>;
};

/** A school (the tenant of its classes, staff and students). */
export type School = Node & {
  __typename?: 'School';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** The IANA time zone "today" and lesson times are read in. */
  timeZone: Scalars['String']['output'];
};

/** A school's class fill by grade, for coordinators: no classes, no names. */
export type SchoolClassFill = {
  __typename?: 'SchoolClassFill';
  capacity: Scalars['Int']['output'];
  date: Scalars['Date']['output'];
  grades: Array<GradeFill>;
  norm: Scalars['Int']['output'];
  school: School;
  students: Scalars['Int']['output'];
};

/** A school event (no class: the whole school's) or a class event (004 §7.2–7.3): shown beside the timetable and in the diary. */
export type SchoolEvent = Node & {
  __typename?: 'SchoolEvent';
  cancelReason?: Maybe<Scalars['String']['output']>;
  cancelled: Scalars['Boolean']['output'];
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** Null: the whole school's event. */
  classGroup?: Maybe<ClassGroup>;
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** "HH:MM" on endsOn. */
  endsAt?: Maybe<Scalars['String']['output']>;
  /** The last day (= startsOn for a one-day event). */
  endsOn: Scalars['Date']['output'];
  id: Scalars['ID']['output'];
  place?: Maybe<Scalars['String']['output']>;
  /** "HH:MM" on startsOn, in the school's time; null: all day. */
  startsAt?: Maybe<Scalars['String']['output']>;
  startsOn: Scalars['Date']['output'];
  title: Scalars['String']['output'];
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

/** One school's journal figures: counts and averages, no names or personal data. */
export type SchoolJournalAggregate = {
  __typename?: 'SchoolJournalAggregate';
  absences: Scalars['Int']['output'];
  /** Student × subject pairs short of marks (rule 7). */
  atRiskPairs: Scalars['Int']['output'];
  atRiskStudents: Scalars['Int']['output'];
  /** The study period the at-risk figures are for: the one holding `to`, or the last before it. */
  atRiskStudyPeriodName?: Maybe<Scalars['String']['output']>;
  averageMark?: Maybe<Scalars['Float']['output']>;
  excused: Scalars['Int']['output'];
  illness: Scalars['Int']['output'];
  lateMarks: Scalars['Int']['output'];
  lateShare?: Maybe<Scalars['Float']['output']>;
  lates: Scalars['Int']['output'];
  lessons: Scalars['Int']['output'];
  lessonsMissingAttendance: Scalars['Int']['output'];
  lessonsMissingHomework: Scalars['Int']['output'];
  lessonsMissingTopic: Scalars['Int']['output'];
  marks: Scalars['Int']['output'];
  schoolId: Scalars['ID']['output'];
  schoolName: Scalars['String']['output'];
  unexcused: Scalars['Int']['output'];
  unknownReason: Scalars['Int']['output'];
  /** Σ(value × weight) / Σ(weight) over the five-point marks. */
  weightedAverageMark?: Maybe<Scalars['Float']['output']>;
};

/** A school's movement counts, for coordinators. */
export type SchoolMovementSummary = {
  __typename?: 'SchoolMovementSummary';
  arrivals: Scalars['Int']['output'];
  byType: Array<MovementTypeCount>;
  departures: Scalars['Int']['output'];
  from: Scalars['Date']['output'];
  school: School;
  to: Scalars['Date']['output'];
};

/** A school's activity by role and week, for coordinators: no accounts, no names. */
export type SchoolUserActivity = {
  __typename?: 'SchoolUserActivity';
  from: Scalars['Date']['output'];
  roles: Array<RoleActivity>;
  school: School;
  to: Scalars['Date']['output'];
  weeks: Array<WeekActivity>;
};

export type SendMessageInput = {
  /** At most 4,000 characters. */
  body: Scalars['String']['input'];
  conversationId: Scalars['ID']['input'];
};

export type SetAbsenceReasonInput = {
  attendanceId: Scalars['ID']['input'];
  document?: InputMaybe<Scalars['String']['input']>;
  reason: AbsenceReason;
};

export type SetAcademicYearStateInput = {
  /** The version you saw; CONFLICT when it changed meanwhile. */
  expectedVersion: Scalars['Int']['input'];
  /** PLANNING → ACTIVE → CLOSED only. */
  state: AcademicYearState;
  yearId: Scalars['ID']['input'];
};

export type SetLessonRecordInput = {
  /** Left out: unchanged; empty string: cleared. */
  homework?: InputMaybe<Scalars['String']['input']>;
  lessonId: Scalars['ID']['input'];
  /** Left out: unchanged; empty string: cleared. */
  topic?: InputMaybe<Scalars['String']['input']>;
};

export type SetPeriodMarkInput = {
  /** The year of a YEAR, EXAM or FINAL mark; by default the latest that has begun (the deputy head names an earlier one to correct it). */
  academicYearId?: InputMaybe<Scalars['ID']['input']>;
  /** The revision being changed; CONFLICT when someone changed it meanwhile. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  kind: PeriodMarkKind;
  /** Required when it changes an existing mark. */
  reason?: InputMaybe<Scalars['String']['input']>;
  studentId: Scalars['ID']['input'];
  /** Required when kind is PERIOD. */
  studyPeriodId?: InputMaybe<Scalars['ID']['input']>;
  subjectId: Scalars['ID']['input'];
  /** "1"–"5", "зач"/"незач" or "н/а". */
  value: Scalars['String']['input'];
};

export type SetStudyPeriodsInput = {
  /** The year's version. */
  expectedVersion: Scalars['Int']['input'];
  /** The parallels the periods are for (default grades 1–11): quarters for 1–9 and half-years for 10–11 are two calls (004 §4). */
  grades?: InputMaybe<GradeRangeInput>;
  kind: StudyPeriodKind;
  /** In order: 4 quarters, 3 trimesters or 2 half-years, from the year's first day to its last. */
  periods: Array<StudyPeriodInput>;
  yearId: Scalars['ID']['input'];
};

export type StartConversationInput = {
  /** At most 4,000 characters. */
  body: Scalars['String']['input'];
  /** Users to write to (messageRecipients lists them). */
  participantIds: Array<Scalars['ID']['input']>;
  /** A staff conversation's school, when you are staff of several. */
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  /** The student it is about (a parent of two chooses the child here); omit for staff only. */
  studentId?: InputMaybe<Scalars['ID']['input']>;
  subject: Scalars['String']['input'];
};

/** A new account's login and starting password: answered once, when the import is applied, and never stored in the clear. */
export type StartingCredential = {
  __typename?: 'StartingCredential';
  login: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** The person's id in the files. */
  sourcedId: Scalars['String']['output'];
  startingPassword: Scalars['String']['output'];
};

export type Student = Node & {
  __typename?: 'Student';
  attendance: AttendanceConnection;
  /** The class the student is in today. */
  classGroup?: Maybe<ClassGroup>;
  /** How the student is educated today (in the school's time); null when not enrolled. */
  educationForm?: Maybe<EducationForm>;
  fullName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  marks: MarkConnection;
  periodMarks: Array<PeriodMark>;
};


export type StudentAttendanceArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};


export type StudentMarksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  subjectId?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};

export type StudentAttendanceRow = {
  __typename?: 'StudentAttendanceRow';
  absent: Scalars['Int']['output'];
  late: Scalars['Int']['output'];
  studentId: Scalars['ID']['output'];
  studentName: Scalars['String']['output'];
  unexcused: Scalars['Int']['output'];
};

/** A student's average over the current year, per study period and per week. */
export type StudentAverageReport = {
  __typename?: 'StudentAverageReport';
  average?: Maybe<Scalars['Float']['output']>;
  marks: Scalars['Int']['output'];
  periods: Array<AveragePoint>;
  studentId: Scalars['ID']['output'];
  studentName: Scalars['String']['output'];
  /** Set when the report is about one subject. */
  subjectId?: Maybe<Scalars['ID']['output']>;
  /** Weighted average of the last four weeks with marks minus that of the four weeks with marks before them; null without both. */
  trend?: Maybe<Scalars['Float']['output']>;
  /** Weeks with marks, oldest first. */
  weeks: Array<AveragePoint>;
  weightedAverage?: Maybe<Scalars['Float']['output']>;
};

/** A student's personal card. `id` is the Student id; every staff read is logged. */
export type StudentCard = {
  __typename?: 'StudentCard';
  address?: Maybe<Scalars['String']['output']>;
  birthDate?: Maybe<Scalars['Date']['output']>;
  consents: Array<PersonalDataConsent>;
  email?: Maybe<Scalars['String']['output']>;
  firstName: Scalars['String']['output'];
  fullName: Scalars['String']['output'];
  gender?: Maybe<Gender>;
  /** Guardianships in force. */
  guardians: Array<Guardianship>;
  id: Scalars['ID']['output'];
  identityDocumentKind?: Maybe<IdentityDocumentKind>;
  identityDocumentNumber?: Maybe<Scalars['String']['output']>;
  lastName: Scalars['String']['output'];
  middleName?: Maybe<Scalars['String']['output']>;
  /** Since when a consent is in force; null: none is. */
  personalDataConsentAt?: Maybe<Scalars['DateTime']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
  /** СНИЛС, 11 digits. */
  snils?: Maybe<Scalars['String']['output']>;
  student: Student;
  version: Scalars['Int']['output'];
};

/** «Отчёт об успеваемости и посещаемости ученика» (004 §11.5). */
export type StudentProgressReport = {
  __typename?: 'StudentProgressReport';
  card: ReportCard;
  marks: Array<ProgressMark>;
};

export type StudyPeriod = Node & {
  __typename?: 'StudyPeriod';
  endsOn: Scalars['Date']['output'];
  /** The first grade of the period's scheme. */
  gradeFrom: Scalars['Int']['output'];
  /** The last grade of the period's scheme. */
  gradeTo: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  kind: StudyPeriodKind;
  name: Scalars['String']['output'];
  ordinal: Scalars['Int']['output'];
  startsOn: Scalars['Date']['output'];
};

export type StudyPeriodInput = {
  endsOn: Scalars['Date']['input'];
  name: Scalars['String']['input'];
  startsOn: Scalars['Date']['input'];
};

export type StudyPeriodKind =
  | 'HALF_YEAR'
  | 'QUARTER'
  | 'TRIMESTER';

/** A class split for one subject. */
export type Subgroup = Node & {
  __typename?: 'Subgroup';
  classGroup: ClassGroup;
  id: Scalars['ID']['output'];
  /** The members the viewer may see: all of them for the administration, the class teacher and the subgroup's teacher; a student or parent sees their own. */
  members: Array<Student>;
  name: Scalars['String']['output'];
  subject: Subject;
  version: Scalars['Int']['output'];
};

export type Subject = Node & {
  __typename?: 'Subject';
  gradingScale: GradingScale;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

/** «Отчёт учителя-предметника» (004 §11.4): results per class × subject and the program coverage. */
export type SubjectTeacherReport = {
  __typename?: 'SubjectTeacherReport';
  coverage: Array<CoverageRow>;
  results: PeriodResults;
  teacherId: Scalars['ID']['output'];
  teacherName: Scalars['String']['output'];
};

export type SubmitAbsenceNoteInput = {
  comment?: InputMaybe<Scalars['String']['input']>;
  /** A scan staged by POST /uploads?purpose=absence-note (PDF, JPEG or PNG, 5 MB at most). */
  documentId?: InputMaybe<Scalars['ID']['input']>;
  /** Default: startsOn; a month at most. */
  endsOn?: InputMaybe<Scalars['Date']['input']>;
  firstLesson?: InputMaybe<Scalars['Int']['input']>;
  lastLesson?: InputMaybe<Scalars['Int']['input']>;
  /** ILLNESS or EXCUSED. */
  reason: AbsenceReason;
  startsOn: Scalars['Date']['input'];
  studentId: Scalars['ID']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** New and corrected marks, absences and their reasons, topics and homework of the students the viewer may watch (the student, their parents, their class teacher), as they are committed, in commit order. Leave out `studentId` for all of them. `after` (an event's cursor) first replays what was missed, each event once, reaching back no further than the viewer's tie to the student (a guardianship's start, the class teacher's enrollment of the student, the student's current school year). A cursor older than the outbox keeps (README, Retention: 30 days by default) answers CURSOR_EXPIRED: re-read the diary, then subscribe without `after`. */
  diaryEvents: DiaryEvent;
  /** Messages, announcements and absence notes addressed to you, as they are committed, in commit order. `after` (an event's cursor) first replays what was missed, each event once. */
  inboxEvents: InboxEvent;
};


export type SubscriptionDiaryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  studentId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionInboxEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
};

export type SubstituteLessonInput = {
  /** The version you saw; CONFLICT when it changed meanwhile. */
  expectedVersion: Scalars['Int']['input'];
  lessonId: Scalars['ID']['input'];
  /** Null: nobody stands in any more. */
  substituteTeacherId?: InputMaybe<Scalars['ID']['input']>;
};

/** A teacher teaches a subject to a class or one of its subgroups. */
export type TeachingAssignment = Node & {
  __typename?: 'TeachingAssignment';
  classGroup: ClassGroup;
  id: Scalars['ID']['output'];
  subgroup?: Maybe<Subgroup>;
  subject: Subject;
  teacher: Employee;
  version: Scalars['Int']['output'];
};

export type TermReport = {
  __typename?: 'TermReport';
  /** The class, for a class report. */
  classGroupName?: Maybe<Scalars['String']['output']>;
  rows: Array<TermReportRow>;
  schoolId: Scalars['ID']['output'];
  schoolName: Scalars['String']['output'];
};

/** One subject in one study period: aggregates of the current marks, no names. */
export type TermReportRow = {
  __typename?: 'TermReportRow';
  academicYearName: Scalars['String']['output'];
  average?: Maybe<Scalars['Float']['output']>;
  /** Marks on the five-point scale: the averages and percentages are over these. */
  gradedCount: Scalars['Int']['output'];
  /** Every current mark, whatever its scale. */
  marksCount: Scalars['Int']['output'];
  /** Share of the marks that are 4 or 5 ("качество"), in percent. */
  qualityPercent?: Maybe<Scalars['Float']['output']>;
  studyPeriodId: Scalars['ID']['output'];
  studyPeriodName: Scalars['String']['output'];
  studyPeriodOrdinal: Scalars['Int']['output'];
  subjectId: Scalars['ID']['output'];
  subjectName: Scalars['String']['output'];
  /** Share of the marks that are 3, 4 or 5 ("успеваемость"), in percent. */
  successPercent?: Maybe<Scalars['Float']['output']>;
  /** Weighted by the work types' weights (004 §2.2). */
  weightedAverage?: Maybe<Scalars['Float']['output']>;
};

/** One topic of a teacher's thematic plan (КТП) for a class and subject. */
export type ThematicPlanItem = Node & {
  __typename?: 'ThematicPlanItem';
  classGroup: ClassGroup;
  hours: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** 1-based position; the plan's ordinals stay 1…n. */
  ordinal: Scalars['Int']['output'];
  plannedOn?: Maybe<Scalars['Date']['output']>;
  subgroup?: Maybe<Subgroup>;
  subject: Subject;
  teacher: Employee;
  topic: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

/** One slot of the weekly timetable; lessons are generated from these (generateLessons). */
export type TimetableEntry = Node & {
  __typename?: 'TimetableEntry';
  bellNumber: Scalars['Int']['output'];
  classGroup: ClassGroup;
  id: Scalars['ID']['output'];
  room?: Maybe<Room>;
  shift: Scalars['Int']['output'];
  subgroup?: Maybe<Subgroup>;
  subject: Subject;
  teacher: Employee;
  validFrom: Scalars['Date']['output'];
  validTo?: Maybe<Scalars['Date']['output']>;
  version: Scalars['Int']['output'];
  /** ISO weekday, 1 Monday … 7 Sunday. */
  weekday: Scalars['Int']['output'];
};

export type UpdateAcademicYearInput = {
  endsOn?: InputMaybe<Scalars['Date']['input']>;
  /** The version you saw; CONFLICT when it changed meanwhile. */
  expectedVersion: Scalars['Int']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  startsOn?: InputMaybe<Scalars['Date']['input']>;
  yearId: Scalars['ID']['input'];
};

export type UpdateBellInput = {
  bellId: Scalars['ID']['input'];
  endsAt: Scalars['String']['input'];
  /** The version you saw; CONFLICT when it changed meanwhile. */
  expectedVersion: Scalars['Int']['input'];
  startsAt: Scalars['String']['input'];
};

export type UpdateClassInput = {
  classId: Scalars['ID']['input'];
  /** The new class teacher; null removes the class teacher, leaving it out keeps them. */
  classTeacherId?: InputMaybe<Scalars['ID']['input']>;
  /** The version you saw; CONFLICT when it changed meanwhile. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  letter?: InputMaybe<Scalars['String']['input']>;
  shift?: InputMaybe<Scalars['Int']['input']>;
};

export type UpdateCurriculumItemInput = {
  component?: InputMaybe<CurriculumComponent>;
  /** The version you saw; CONFLICT when it changed meanwhile. */
  expectedVersion: Scalars['Int']['input'];
  hoursPerWeek?: InputMaybe<Scalars['String']['input']>;
  itemId: Scalars['ID']['input'];
};

export type UpdateEmployeeCardInput = {
  dismissedOn?: InputMaybe<Scalars['Date']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  employeeId: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  firstName?: InputMaybe<Scalars['String']['input']>;
  hiredOn?: InputMaybe<Scalars['Date']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  middleName?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  position?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateGuardianCardInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  expectedVersion: Scalars['Int']['input'];
  firstName?: InputMaybe<Scalars['String']['input']>;
  guardianId: Scalars['ID']['input'];
  lastName?: InputMaybe<Scalars['String']['input']>;
  middleName?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateRoomInput = {
  capacity?: InputMaybe<Scalars['Int']['input']>;
  /** The version you saw; CONFLICT when it changed meanwhile. */
  expectedVersion: Scalars['Int']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  roomId: Scalars['ID']['input'];
};

export type UpdateSchoolEventInput = {
  /** An empty string clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** "HH:MM"; an empty string clears it. */
  endsAt?: InputMaybe<Scalars['String']['input']>;
  endsOn?: InputMaybe<Scalars['Date']['input']>;
  eventId: Scalars['ID']['input'];
  /** The version you saw; CONFLICT when it changed meanwhile. */
  expectedVersion: Scalars['Int']['input'];
  /** An empty string clears it. */
  place?: InputMaybe<Scalars['String']['input']>;
  /** "HH:MM"; an empty string makes it all day. */
  startsAt?: InputMaybe<Scalars['String']['input']>;
  startsOn?: InputMaybe<Scalars['Date']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateSchoolSettingsInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  /** Needed only when you hold the role in several schools. */
  schoolId?: InputMaybe<Scalars['ID']['input']>;
  /** An IANA time zone: "Europe/Moscow", "Asia/Yekaterinburg". */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateStudentCardInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  birthDate?: InputMaybe<Scalars['Date']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  expectedVersion: Scalars['Int']['input'];
  firstName?: InputMaybe<Scalars['String']['input']>;
  gender?: InputMaybe<Gender>;
  identityDocumentKind?: InputMaybe<IdentityDocumentKind>;
  identityDocumentNumber?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  middleName?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  /** СНИЛС; dashes and spaces are dropped, the checksum is checked. */
  snils?: InputMaybe<Scalars['String']['input']>;
  studentId: Scalars['ID']['input'];
};

export type UpdateSubgroupInput = {
  /** The version you saw; CONFLICT when it changed meanwhile. */
  expectedVersion: Scalars['Int']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  /** The whole new member list. */
  studentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  subgroupId: Scalars['ID']['input'];
};

export type UpdateSubjectInput = {
  /** The version you saw; CONFLICT when it changed meanwhile. */
  expectedVersion: Scalars['Int']['input'];
  gradingScale?: InputMaybe<GradingScale>;
  name?: InputMaybe<Scalars['String']['input']>;
  subjectId: Scalars['ID']['input'];
};

export type UpdateTeachingAssignmentInput = {
  assignmentId: Scalars['ID']['input'];
  /** The version you saw; CONFLICT when it changed meanwhile. */
  expectedVersion: Scalars['Int']['input'];
  /** The teacher who takes it over. */
  teacherId: Scalars['ID']['input'];
};

export type UpdateThematicPlanItemInput = {
  /** The version you saw; CONFLICT when it changed meanwhile. */
  expectedVersion: Scalars['Int']['input'];
  hours?: InputMaybe<Scalars['Int']['input']>;
  itemId: Scalars['ID']['input'];
  plannedOn?: InputMaybe<Scalars['Date']['input']>;
  /** Move it to this position. */
  position?: InputMaybe<Scalars['Int']['input']>;
  topic?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateTimetableEntryInput = {
  bellNumber?: InputMaybe<Scalars['Int']['input']>;
  /** True: no room. */
  clearRoom?: InputMaybe<Scalars['Boolean']['input']>;
  entryId: Scalars['ID']['input'];
  /** The version you saw; CONFLICT when it changed meanwhile. */
  expectedVersion: Scalars['Int']['input'];
  roomId?: InputMaybe<Scalars['ID']['input']>;
  teacherId?: InputMaybe<Scalars['ID']['input']>;
  validFrom?: InputMaybe<Scalars['Date']['input']>;
  validTo?: InputMaybe<Scalars['Date']['input']>;
  weekday?: InputMaybe<Scalars['Int']['input']>;
};

export type UpdateWorkTypeInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  /** Changes every average at once, the marks already given included. */
  weight?: InputMaybe<Scalars['Float']['input']>;
  workTypeId: Scalars['ID']['input'];
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  login: Scalars['String']['output'];
};

export type UserActivity = {
  __typename?: 'UserActivity';
  /** The name on the account's card. */
  fullName?: Maybe<Scalars['String']['output']>;
  lastLoginAt?: Maybe<Scalars['DateTime']['output']>;
  logins: Scalars['Int']['output'];
  /** Its roles in the school. */
  roles: Array<Role>;
  user: User;
  writes: Scalars['Int']['output'];
};

/** Logins and writes of the school's accounts in [from, to] (002/003). */
export type UserActivityReport = {
  __typename?: 'UserActivityReport';
  from: Scalars['Date']['output'];
  roles: Array<RoleActivity>;
  to: Scalars['Date']['output'];
  users: Array<UserActivity>;
  weeks: Array<WeekActivity>;
};

/** A document this server made (for a certified copy, 004 §9.3): what it is, who made it and when. `contentSha256` is the hash printed on every page — the SHA-256 of the document's content (the data it shows as canonical JSON, with who made it and when), not of the file's bytes; for an archive, of its manifest.json. `fileSha256` is the SHA-256 of the file's bytes as served (null if the download broke off). */
export type VerifiedDocument = {
  __typename?: 'VerifiedDocument';
  contentSha256?: Maybe<Scalars['String']['output']>;
  fileSha256?: Maybe<Scalars['String']['output']>;
  kind: DocumentKind;
  madeAt: Scalars['DateTime']['output'];
  /** Who made it, as printed on it. */
  madeBy: Scalars['String']['output'];
  pages?: Maybe<Scalars['Int']['output']>;
  /** Bytes of the file as served. */
  size?: Maybe<Scalars['Int']['output']>;
  /** What it is, in words. */
  title: Scalars['String']['output'];
};

export type Viewer = {
  __typename?: 'Viewer';
  /** When the viewer is a parent. */
  children: Array<Student>;
  /** When the viewer is staff. */
  employee?: Maybe<Employee>;
  roles: Array<Role>;
  /** When the viewer is a student. */
  student?: Maybe<Student>;
  user: User;
};

/** «Ознакомлен»: a parent has seen the child's diary of the week. */
export type WeekAcknowledgement = {
  __typename?: 'WeekAcknowledgement';
  acknowledgedAt: Scalars['DateTime']['output'];
  guardianName: Scalars['String']['output'];
};

export type WeekActivity = {
  __typename?: 'WeekActivity';
  activeUsers: Scalars['Int']['output'];
  logins: Scalars['Int']['output'];
  /** The Monday of the week. */
  weekStart: Scalars['Date']['output'];
  writes: Scalars['Int']['output'];
};

/** Weighted average per student and subject of a class in a study period: Σ(value × weight) / Σ(weight) over the five-point marks, weight = the work type's weight. */
export type WeightedAverageReport = {
  __typename?: 'WeightedAverageReport';
  classGroupId: Scalars['ID']['output'];
  classGroupName: Scalars['String']['output'];
  /** The formula, in words. */
  formula: Scalars['String']['output'];
  rows: Array<WeightedAverageRow>;
  studyPeriodId: Scalars['ID']['output'];
  studyPeriodName: Scalars['String']['output'];
};

export type WeightedAverageRow = {
  __typename?: 'WeightedAverageRow';
  /** Σ(value) / count. */
  average?: Maybe<Scalars['Float']['output']>;
  /** Five-point marks counted. */
  marks: Scalars['Int']['output'];
  studentId: Scalars['ID']['output'];
  studentName: Scalars['String']['output'];
  subjectId: Scalars['ID']['output'];
  subjectName: Scalars['String']['output'];
  /** Σ(value × weight) / Σ(weight) over the student's five-point marks ("1"–"5") in the subject and period, each weighted by its work type's weight (WorkType.weight); pass/fail marks take no part. Rounded to 2 places. */
  weightedAverage?: Maybe<Scalars['Float']['output']>;
};

export type WithdrawConsentInput = {
  consentId: Scalars['ID']['input'];
  withdrawnOn: Scalars['Date']['input'];
};

/** The kind of task a mark is for, with its weight in the weighted average. */
export type WorkType = {
  __typename?: 'WorkType';
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** When the work type was retired: no new marks with it; its marks keep it. */
  retiredAt?: Maybe<Scalars['DateTime']['output']>;
  weight: Scalars['Float']['output'];
};

export type YearCard = {
  __typename?: 'YearCard';
  classGroupName?: Maybe<Scalars['String']['output']>;
  studentId: Scalars['ID']['output'];
  studentName: Scalars['String']['output'];
  subjects: Array<YearCardSubject>;
};

export type YearCardPeriod = {
  __typename?: 'YearCardPeriod';
  name: Scalars['String']['output'];
  ordinal: Scalars['Int']['output'];
  studyPeriodId: Scalars['ID']['output'];
};

export type YearCardPeriodMark = {
  __typename?: 'YearCardPeriodMark';
  studyPeriodId: Scalars['ID']['output'];
  value?: Maybe<Scalars['String']['output']>;
};

/** Report cards (табель) for a whole year: every period's mark, the year, exam and final marks. */
export type YearCardSet = {
  __typename?: 'YearCardSet';
  academicYearId: Scalars['ID']['output'];
  academicYearName: Scalars['String']['output'];
  cards: Array<YearCard>;
  periods: Array<YearCardPeriod>;
};

export type YearCardSubject = {
  __typename?: 'YearCardSubject';
  examMark?: Maybe<Scalars['String']['output']>;
  finalMark?: Maybe<Scalars['String']['output']>;
  /** One per study period of the pupil's parallel, in order. */
  periods: Array<YearCardPeriodMark>;
  subjectId: Scalars['ID']['output'];
  subjectName: Scalars['String']['output'];
  yearMark?: Maybe<Scalars['String']['output']>;
};

/** «Состояние перехода на следующий учебный год» (004 §4.2) of one school: counts, no names. */
export type YearTransitionRow = {
  __typename?: 'YearTransitionRow';
  /** The next year is ACTIVE or CLOSED: the school has moved. */
  completed: Scalars['Boolean']['output'];
  currentYearName?: Maybe<Scalars['String']['output']>;
  currentYearState?: Maybe<Scalars['String']['output']>;
  graduated: Scalars['Int']['output'];
  nextYearClasses: Scalars['Int']['output'];
  /** Next year's classes continuing one of this year's. */
  nextYearClassesContinued: Scalars['Int']['output'];
  nextYearClassesWithoutClassTeacher: Scalars['Int']['output'];
  nextYearCurriculumItems: Scalars['Int']['output'];
  nextYearName?: Maybe<Scalars['String']['output']>;
  nextYearState?: Maybe<Scalars['String']['output']>;
  nextYearStudyPeriods: Scalars['Int']['output'];
  nextYearTeachingAssignments: Scalars['Int']['output'];
  promoted: Scalars['Int']['output'];
  promotedConditionally: Scalars['Int']['output'];
  /** Pupils in this year's classes on its last day (today while it runs). */
  pupils: Scalars['Int']['output'];
  repeating: Scalars['Int']['output'];
  schoolId: Scalars['ID']['output'];
  schoolName: Scalars['String']['output'];
  /** Pupils with no movement order out of this year's class yet. */
  undecided: Scalars['Int']['output'];
  withdrawn: Scalars['Int']['output'];
};

export type _Entity = ClassGroup | Employee | Lesson | Mark | School | Student | Subject;

export type _Service = {
  __typename?: '_Service';
  sdl?: Maybe<Scalars['String']['output']>;
};

export type Link__Purpose =
  /** `EXECUTION` features provide metadata necessary for operation execution. */
  | 'EXECUTION'
  /** `SECURITY` features provide metadata necessary to securely resolve fields. */
  | 'SECURITY';



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  ClassGroup: ClassGroup;
  Employee: Employee;
  Lesson: Lesson;
  Mark: Mark;
  School: School;
  Student: Student;
  Subject: Subject;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  ClassGroup:
    ( { __typename: 'ClassGroup' }
    & GraphQLRecursivePick<FederationTypes['ClassGroup'], {"id":true}> );
  Employee:
    ( { __typename: 'Employee' }
    & GraphQLRecursivePick<FederationTypes['Employee'], {"id":true}> );
  Lesson:
    ( { __typename: 'Lesson' }
    & GraphQLRecursivePick<FederationTypes['Lesson'], {"id":true}> );
  Mark:
    ( { __typename: 'Mark' }
    & GraphQLRecursivePick<FederationTypes['Mark'], {"id":true}> );
  School:
    ( { __typename: 'School' }
    & GraphQLRecursivePick<FederationTypes['School'], {"id":true}> );
  Student:
    ( { __typename: 'Student' }
    & GraphQLRecursivePick<FederationTypes['Student'], {"id":true}> );
  Subject:
    ( { __typename: 'Subject' }
    & GraphQLRecursivePick<FederationTypes['Subject'], {"id":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  _Entity:
    | ( ClassGroupEntity )
    | ( EmployeeEntity )
    | ( LessonEntity )
    | ( MarkEntity )
    | ( SchoolEntity )
    | ( StudentEntity )
    | ( SubjectEntity )
  ;
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Node:
    | ( Omit<AcademicYear, 'classGroups' | 'previousYear'> & { classGroups: Array<_RefType['ClassGroup']>, previousYear?: Maybe<_RefType['AcademicYear']> } )
    | ( Omit<Attendance, 'lesson' | 'student'> & { lesson: _RefType['Lesson'], student: _RefType['Student'] } )
    | ( Bell )
    | ( ClassGroupEntity )
    | ( Omit<CurriculumItem, 'classGroup' | 'subject'> & { classGroup: _RefType['ClassGroup'], subject: _RefType['Subject'] } )
    | ( EmployeeEntity )
    | ( LessonEntity )
    | ( MarkEntity )
    | ( MovedWorkingDay )
    | ( Omit<MovementOrder, 'fromClass' | 'student' | 'toClass'> & { fromClass?: Maybe<_RefType['ClassGroup']>, student: _RefType['Student'], toClass?: Maybe<_RefType['ClassGroup']> } )
    | ( Omit<PeriodMark, 'student' | 'subject'> & { student: _RefType['Student'], subject: _RefType['Subject'] } )
    | ( Room )
    | ( SchoolEntity )
    | ( Omit<SchoolEvent, 'classGroup'> & { classGroup?: Maybe<_RefType['ClassGroup']> } )
    | ( StudentEntity )
    | ( StudyPeriod )
    | ( Omit<Subgroup, 'classGroup' | 'members' | 'subject'> & { classGroup: _RefType['ClassGroup'], members: Array<_RefType['Student']>, subject: _RefType['Subject'] } )
    | ( SubjectEntity )
    | ( Omit<TeachingAssignment, 'classGroup' | 'subgroup' | 'subject' | 'teacher'> & { classGroup: _RefType['ClassGroup'], subgroup?: Maybe<_RefType['Subgroup']>, subject: _RefType['Subject'], teacher: _RefType['Employee'] } )
    | ( Omit<ThematicPlanItem, 'classGroup' | 'subgroup' | 'subject' | 'teacher'> & { classGroup: _RefType['ClassGroup'], subgroup?: Maybe<_RefType['Subgroup']>, subject: _RefType['Subject'], teacher: _RefType['Employee'] } )
    | ( Omit<TimetableEntry, 'classGroup' | 'subgroup' | 'subject' | 'teacher'> & { classGroup: _RefType['ClassGroup'], subgroup?: Maybe<_RefType['Subgroup']>, subject: _RefType['Subject'], teacher: _RefType['Employee'] } )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AbsenceCounts: ResolverTypeWrapper<AbsenceCounts>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AbsenceNote: ResolverTypeWrapper<Omit<AbsenceNote, 'student'> & { student: ResolversTypes['Student'] }>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AbsenceNoteConnection: ResolverTypeWrapper<Omit<AbsenceNoteConnection, 'edges'> & { edges: Array<ResolversTypes['AbsenceNoteEdge']> }>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  AbsenceNoteDocument: ResolverTypeWrapper<AbsenceNoteDocument>;
  AbsenceNoteEdge: ResolverTypeWrapper<Omit<AbsenceNoteEdge, 'node'> & { node: ResolversTypes['AbsenceNote'] }>;
  AbsenceNoteState: AbsenceNoteState;
  AbsenceReason: AbsenceReason;
  AcademicYear: ResolverTypeWrapper<Omit<AcademicYear, 'classGroups' | 'previousYear'> & { classGroups: Array<ResolversTypes['ClassGroup']>, previousYear?: Maybe<ResolversTypes['AcademicYear']> }>;
  AcademicYearState: AcademicYearState;
  Account: ResolverTypeWrapper<Omit<Account, 'roles'> & { roles: Array<ResolversTypes['AccountRole']> }>;
  AccountConnection: ResolverTypeWrapper<Omit<AccountConnection, 'edges'> & { edges: Array<ResolversTypes['AccountEdge']> }>;
  AccountEdge: ResolverTypeWrapper<Omit<AccountEdge, 'node'> & { node: ResolversTypes['Account'] }>;
  AccountRole: ResolverTypeWrapper<Omit<AccountRole, 'school'> & { school?: Maybe<ResolversTypes['School']> }>;
  AccountVersionInput: AccountVersionInput;
  AddThematicPlanItemInput: AddThematicPlanItemInput;
  Announcement: ResolverTypeWrapper<Omit<Announcement, 'classes'> & { classes: Array<ResolversTypes['ClassGroup']> }>;
  AnnouncementAudience: AnnouncementAudience;
  AnnouncementConnection: ResolverTypeWrapper<Omit<AnnouncementConnection, 'edges'> & { edges: Array<ResolversTypes['AnnouncementEdge']> }>;
  AnnouncementEdge: ResolverTypeWrapper<Omit<AnnouncementEdge, 'node'> & { node: ResolversTypes['Announcement'] }>;
  ApplyRolloverInput: ApplyRolloverInput;
  AtRiskReport: ResolverTypeWrapper<AtRiskReport>;
  AtRiskStudent: ResolverTypeWrapper<AtRiskStudent>;
  AtRiskSubject: ResolverTypeWrapper<AtRiskSubject>;
  Attendance: ResolverTypeWrapper<Omit<Attendance, 'lesson' | 'student'> & { lesson: ResolversTypes['Lesson'], student: ResolversTypes['Student'] }>;
  AttendanceConnection: ResolverTypeWrapper<Omit<AttendanceConnection, 'edges'> & { edges: Array<ResolversTypes['AttendanceEdge']> }>;
  AttendanceEdge: ResolverTypeWrapper<Omit<AttendanceEdge, 'node'> & { node: ResolversTypes['Attendance'] }>;
  AttendanceKind: AttendanceKind;
  AttendanceSummaryReport: ResolverTypeWrapper<AttendanceSummaryReport>;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  AuditEntryConnection: ResolverTypeWrapper<AuditEntryConnection>;
  AuditEntryEdge: ResolverTypeWrapper<AuditEntryEdge>;
  AuditLogFilterInput: AuditLogFilterInput;
  AuthPayload: ResolverTypeWrapper<AuthPayload>;
  AuthorizedApp: ResolverTypeWrapper<Omit<AuthorizedApp, 'children'> & { children: Array<ResolversTypes['Student']> }>;
  AveragePoint: ResolverTypeWrapper<AveragePoint>;
  Bell: ResolverTypeWrapper<Bell>;
  CancelLessonInput: CancelLessonInput;
  CancelSchoolEventInput: CancelSchoolEventInput;
  CardLackingConsent: ResolverTypeWrapper<CardLackingConsent>;
  CardLackingConsentConnection: ResolverTypeWrapper<CardLackingConsentConnection>;
  CardLackingConsentEdge: ResolverTypeWrapper<CardLackingConsentEdge>;
  CardsLackingConsentFilterInput: CardsLackingConsentFilterInput;
  ClassAbsences: ResolverTypeWrapper<ClassAbsences>;
  ClassAttendanceRow: ResolverTypeWrapper<ClassAttendanceRow>;
  ClassFill: ResolverTypeWrapper<Omit<ClassFill, 'classGroup'> & { classGroup: ResolversTypes['ClassGroup'] }>;
  ClassFillReport: ResolverTypeWrapper<Omit<ClassFillReport, 'classes'> & { classes: Array<ResolversTypes['ClassFill']> }>;
  ClassGroup: ResolverTypeWrapper<ClassGroupEntity>;
  ClassJournal: ResolverTypeWrapper<Omit<ClassJournal, 'attendance' | 'clearedAttendance' | 'lessons' | 'marks' | 'retractedMarks' | 'students'> & { attendance: Array<ResolversTypes['Attendance']>, clearedAttendance: Array<ResolversTypes['Attendance']>, lessons: Array<ResolversTypes['Lesson']>, marks: Array<ResolversTypes['Mark']>, retractedMarks: Array<ResolversTypes['Mark']>, students: Array<ResolversTypes['Student']> }>;
  ClassMarkSheet: ResolverTypeWrapper<ClassMarkSheet>;
  ClassMovement: ResolverTypeWrapper<Omit<ClassMovement, 'classGroup'> & { classGroup: ResolversTypes['ClassGroup'] }>;
  ClassTeacherPeriodReport: ResolverTypeWrapper<ClassTeacherPeriodReport>;
  ClassTeachersSummary: ResolverTypeWrapper<ClassTeachersSummary>;
  ClassWeekAcknowledgement: ResolverTypeWrapper<Omit<ClassWeekAcknowledgement, 'student'> & { student: ResolversTypes['Student'] }>;
  ClearAbsenceInput: ClearAbsenceInput;
  CloseClassInput: CloseClassInput;
  ConsentGivenInput: ConsentGivenInput;
  ConstructorAbsences: ResolverTypeWrapper<ConstructorAbsences>;
  ConstructorDimension: ConstructorDimension;
  ConstructorKey: ResolverTypeWrapper<ConstructorKey>;
  ConstructorMeasure: ConstructorMeasure;
  ConstructorReport: ResolverTypeWrapper<ConstructorReport>;
  ConstructorRow: ResolverTypeWrapper<ConstructorRow>;
  Conversation: ResolverTypeWrapper<Omit<Conversation, 'messages' | 'student'> & { messages: ResolversTypes['MessageConnection'], student?: Maybe<ResolversTypes['Student']> }>;
  ConversationConnection: ResolverTypeWrapper<Omit<ConversationConnection, 'edges'> & { edges: Array<ResolversTypes['ConversationEdge']> }>;
  ConversationEdge: ResolverTypeWrapper<Omit<ConversationEdge, 'node'> & { node: ResolversTypes['Conversation'] }>;
  ConversationParticipant: ResolverTypeWrapper<ConversationParticipant>;
  CorrectMarkInput: CorrectMarkInput;
  CoverageRow: ResolverTypeWrapper<CoverageRow>;
  CreateAcademicYearInput: CreateAcademicYearInput;
  CreateAccountInput: CreateAccountInput;
  CreateAnnouncementInput: CreateAnnouncementInput;
  CreateBellInput: CreateBellInput;
  CreateClassInput: CreateClassInput;
  CreateCurriculumItemInput: CreateCurriculumItemInput;
  CreateEmployeeInput: CreateEmployeeInput;
  CreateGuardianInput: CreateGuardianInput;
  CreateMovementOrderInput: CreateMovementOrderInput;
  CreateRoomInput: CreateRoomInput;
  CreateSchoolEventInput: CreateSchoolEventInput;
  CreateStudentInput: CreateStudentInput;
  CreateSubgroupInput: CreateSubgroupInput;
  CreateSubjectInput: CreateSubjectInput;
  CreateTeachingAssignmentInput: CreateTeachingAssignmentInput;
  CreateTimetableEntryInput: CreateTimetableEntryInput;
  CreateWorkTypeInput: CreateWorkTypeInput;
  CurriculumComponent: CurriculumComponent;
  CurriculumItem: ResolverTypeWrapper<Omit<CurriculumItem, 'classGroup' | 'subject'> & { classGroup: ResolversTypes['ClassGroup'], subject: ResolversTypes['Subject'] }>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DecideAbsenceNoteInput: DecideAbsenceNoteInput;
  DeleteInput: DeleteInput;
  DiaryDay: ResolverTypeWrapper<Omit<DiaryDay, 'events' | 'lessons'> & { events: Array<ResolversTypes['SchoolEvent']>, lessons: Array<ResolversTypes['DiaryLesson']> }>;
  DiaryEvent: ResolverTypeWrapper<Omit<DiaryEvent, 'attendance' | 'lesson' | 'mark' | 'student'> & { attendance?: Maybe<ResolversTypes['Attendance']>, lesson?: Maybe<ResolversTypes['Lesson']>, mark?: Maybe<ResolversTypes['Mark']>, student: ResolversTypes['Student'] }>;
  DiaryEventType: DiaryEventType;
  DiaryLesson: ResolverTypeWrapper<Omit<DiaryLesson, 'attendance' | 'clearedAttendance' | 'lesson' | 'marks' | 'retractedMarks'> & { attendance?: Maybe<ResolversTypes['Attendance']>, clearedAttendance?: Maybe<ResolversTypes['Attendance']>, lesson: ResolversTypes['Lesson'], marks: Array<ResolversTypes['Mark']>, retractedMarks: Array<ResolversTypes['Mark']> }>;
  DocumentDownload: ResolverTypeWrapper<DocumentDownload>;
  DocumentKind: DocumentKind;
  EditMessageInput: EditMessageInput;
  EducationForm: EducationForm;
  Employee: ResolverTypeWrapper<EmployeeEntity>;
  EmployeeCard: ResolverTypeWrapper<EmployeeCard>;
  EntryError: ResolverTypeWrapper<EntryError>;
  ExportDownload: ResolverTypeWrapper<ExportDownload>;
  ExportFormat: ExportFormat;
  ExportList: ExportList;
  ExportListInput: ExportListInput;
  Gender: Gender;
  GenerateLessonsInput: GenerateLessonsInput;
  GenerateLessonsResult: ResolverTypeWrapper<Omit<GenerateLessonsResult, 'conflicts'> & { conflicts: Array<ResolversTypes['Lesson']> }>;
  GradeFill: ResolverTypeWrapper<GradeFill>;
  GradeRangeInput: GradeRangeInput;
  GradingScale: GradingScale;
  GrantLateEntryPermitInput: GrantLateEntryPermitInput;
  GuardianCard: ResolverTypeWrapper<GuardianCard>;
  Guardianship: ResolverTypeWrapper<Guardianship>;
  HeadingForMark: ResolverTypeWrapper<HeadingForMark>;
  Holiday: ResolverTypeWrapper<Holiday>;
  IdentityDocumentKind: IdentityDocumentKind;
  ImportFileSummary: ResolverTypeWrapper<ImportFileSummary>;
  ImportFormat: ImportFormat;
  ImportOutcome: ImportOutcome;
  ImportProblem: ResolverTypeWrapper<ImportProblem>;
  ImportRecordKind: ImportRecordKind;
  ImportReport: ResolverTypeWrapper<ImportReport>;
  ImportRow: ResolverTypeWrapper<ImportRow>;
  InboxEvent: ResolverTypeWrapper<Omit<InboxEvent, 'absenceNote' | 'announcement' | 'message' | 'student'> & { absenceNote?: Maybe<ResolversTypes['AbsenceNote']>, announcement?: Maybe<ResolversTypes['Announcement']>, message?: Maybe<ResolversTypes['Message']>, student?: Maybe<ResolversTypes['Student']> }>;
  IncompleteLesson: ResolverTypeWrapper<IncompleteLesson>;
  IssueCredentialsInput: IssueCredentialsInput;
  IssuedCredentials: ResolverTypeWrapper<Omit<IssuedCredentials, 'account'> & { account: ResolversTypes['Account'] }>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  JournalCompletenessReport: ResolverTypeWrapper<JournalCompletenessReport>;
  JournalCompletenessRow: ResolverTypeWrapper<JournalCompletenessRow>;
  LateEntryPermit: ResolverTypeWrapper<Omit<LateEntryPermit, 'teacher'> & { teacher: ResolversTypes['Employee'] }>;
  Lesson: ResolverTypeWrapper<LessonEntity>;
  LessonAbsenceEntryInput: LessonAbsenceEntryInput;
  LessonAbsenceEntryOutcome: ResolverTypeWrapper<Omit<LessonAbsenceEntryOutcome, 'attendance'> & { attendance?: Maybe<ResolversTypes['Attendance']> }>;
  LessonEntriesPayload: ResolverTypeWrapper<Omit<LessonEntriesPayload, 'absences' | 'marks'> & { absences: Array<ResolversTypes['LessonAbsenceEntryOutcome']>, marks: Array<ResolversTypes['LessonMarkEntryOutcome']> }>;
  LessonMarkEntryInput: LessonMarkEntryInput;
  LessonMarkEntryOutcome: ResolverTypeWrapper<Omit<LessonMarkEntryOutcome, 'mark'> & { mark?: Maybe<ResolversTypes['Mark']> }>;
  LessonState: LessonState;
  LinkGuardianInput: LinkGuardianInput;
  LockAccountInput: LockAccountInput;
  Mark: ResolverTypeWrapper<MarkEntity>;
  MarkAttendanceTakenInput: MarkAttendanceTakenInput;
  MarkConnection: ResolverTypeWrapper<Omit<MarkConnection, 'edges'> & { edges: Array<ResolversTypes['MarkEdge']> }>;
  MarkConversationReadInput: MarkConversationReadInput;
  MarkEdge: ResolverTypeWrapper<Omit<MarkEdge, 'node'> & { node: ResolversTypes['Mark'] }>;
  MarkTimelinessReport: ResolverTypeWrapper<MarkTimelinessReport>;
  MarkTimelinessRow: ResolverTypeWrapper<MarkTimelinessRow>;
  MarkVersion: ResolverTypeWrapper<MarkVersion>;
  Message: ResolverTypeWrapper<Omit<Message, 'conversation'> & { conversation: ResolversTypes['Conversation'] }>;
  MessageConnection: ResolverTypeWrapper<Omit<MessageConnection, 'edges'> & { edges: Array<ResolversTypes['MessageEdge']> }>;
  MessageEdge: ResolverTypeWrapper<Omit<MessageEdge, 'node'> & { node: ResolversTypes['Message'] }>;
  MessageRecipient: ResolverTypeWrapper<MessageRecipient>;
  MessageVersion: ResolverTypeWrapper<MessageVersion>;
  MovedWorkingDay: ResolverTypeWrapper<MovedWorkingDay>;
  MovementOrder: ResolverTypeWrapper<Omit<MovementOrder, 'fromClass' | 'student' | 'toClass'> & { fromClass?: Maybe<ResolversTypes['ClassGroup']>, student: ResolversTypes['Student'], toClass?: Maybe<ResolversTypes['ClassGroup']> }>;
  MovementOrderConnection: ResolverTypeWrapper<Omit<MovementOrderConnection, 'edges'> & { edges: Array<ResolversTypes['MovementOrderEdge']> }>;
  MovementOrderEdge: ResolverTypeWrapper<Omit<MovementOrderEdge, 'node'> & { node: ResolversTypes['MovementOrder'] }>;
  MovementOrderType: MovementOrderType;
  MovementSummaryReport: ResolverTypeWrapper<Omit<MovementSummaryReport, 'classes'> & { classes: Array<ResolversTypes['ClassMovement']> }>;
  MovementTypeCount: ResolverTypeWrapper<MovementTypeCount>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PeriodMark: ResolverTypeWrapper<Omit<PeriodMark, 'student' | 'subject'> & { student: ResolversTypes['Student'], subject: ResolversTypes['Subject'] }>;
  PeriodMarkCell: ResolverTypeWrapper<PeriodMarkCell>;
  PeriodMarkKind: PeriodMarkKind;
  PeriodMarkSheet: ResolverTypeWrapper<PeriodMarkSheet>;
  PeriodMarkSheetStudent: ResolverTypeWrapper<PeriodMarkSheetStudent>;
  PeriodMarkSheetSubject: ResolverTypeWrapper<PeriodMarkSheetSubject>;
  PeriodResults: ResolverTypeWrapper<PeriodResults>;
  PersonCardKind: PersonCardKind;
  PersonalDataConsent: ResolverTypeWrapper<PersonalDataConsent>;
  PersonalDataLogFilterInput: PersonalDataLogFilterInput;
  PersonalDataRead: ResolverTypeWrapper<PersonalDataRead>;
  PersonalDataReadConnection: ResolverTypeWrapper<PersonalDataReadConnection>;
  PersonalDataReadEdge: ResolverTypeWrapper<PersonalDataReadEdge>;
  PreliminaryPupil: ResolverTypeWrapper<PreliminaryPupil>;
  PreliminaryReport: ResolverTypeWrapper<PreliminaryReport>;
  ProgressMark: ResolverTypeWrapper<ProgressMark>;
  PupilAbsences: ResolverTypeWrapper<PupilAbsences>;
  PupilCategory: PupilCategory;
  PupilResult: ResolverTypeWrapper<PupilResult>;
  PupilSubjectMark: ResolverTypeWrapper<PupilSubjectMark>;
  PushPreferences: ResolverTypeWrapper<PushPreferences>;
  PushPreferencesInput: PushPreferencesInput;
  PushSubscription: ResolverTypeWrapper<PushSubscription>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  QuietHoursMode: QuietHoursMode;
  ReasonCount: ResolverTypeWrapper<ReasonCount>;
  RecordAttendanceInput: RecordAttendanceInput;
  RecordConsentInput: RecordConsentInput;
  RecordLessonEntriesInput: RecordLessonEntriesInput;
  RecordMarkInput: RecordMarkInput;
  RegisterAppDocumentInput: RegisterAppDocumentInput;
  RegisterAppInput: RegisterAppInput;
  RegisterPushSubscriptionInput: RegisterPushSubscriptionInput;
  RegisteredApp: ResolverTypeWrapper<RegisteredApp>;
  ReportCard: ResolverTypeWrapper<ReportCard>;
  ReportCardAbsences: ResolverTypeWrapper<ReportCardAbsences>;
  ReportCardSubject: ResolverTypeWrapper<ReportCardSubject>;
  ResultCounts: ResolverTypeWrapper<ResultCounts>;
  ResultGroup: ResolverTypeWrapper<ResultGroup>;
  ResultsGrouping: ResultsGrouping;
  RetractMarkInput: RetractMarkInput;
  RevokeGuardianshipInput: RevokeGuardianshipInput;
  RevokeLateEntryPermitInput: RevokeLateEntryPermitInput;
  Role: Role;
  RoleActivity: ResolverTypeWrapper<RoleActivity>;
  RoleGrantInput: RoleGrantInput;
  RolloverClass: ResolverTypeWrapper<Omit<RolloverClass, 'classTeacher' | 'fromClass'> & { classTeacher?: Maybe<ResolversTypes['Employee']>, fromClass?: Maybe<ResolversTypes['ClassGroup']> }>;
  RolloverDecision: RolloverDecision;
  RolloverDecisionInput: RolloverDecisionInput;
  RolloverInput: RolloverInput;
  RolloverPreview: ResolverTypeWrapper<Omit<RolloverPreview, 'classes' | 'students' | 'undecided'> & { classes: Array<ResolversTypes['RolloverClass']>, students: Array<ResolversTypes['RolloverStudent']>, undecided: Array<ResolversTypes['Student']> }>;
  RolloverStudent: ResolverTypeWrapper<Omit<RolloverStudent, 'fromClass' | 'student'> & { fromClass: ResolversTypes['ClassGroup'], student: ResolversTypes['Student'] }>;
  Room: ResolverTypeWrapper<Room>;
  SaveHolidayInput: SaveHolidayInput;
  SaveMovedWorkingDayInput: SaveMovedWorkingDayInput;
  School: ResolverTypeWrapper<SchoolEntity>;
  SchoolClassFill: ResolverTypeWrapper<Omit<SchoolClassFill, 'school'> & { school: ResolversTypes['School'] }>;
  SchoolEvent: ResolverTypeWrapper<Omit<SchoolEvent, 'classGroup'> & { classGroup?: Maybe<ResolversTypes['ClassGroup']> }>;
  SchoolJournalAggregate: ResolverTypeWrapper<SchoolJournalAggregate>;
  SchoolMovementSummary: ResolverTypeWrapper<Omit<SchoolMovementSummary, 'school'> & { school: ResolversTypes['School'] }>;
  SchoolUserActivity: ResolverTypeWrapper<Omit<SchoolUserActivity, 'school'> & { school: ResolversTypes['School'] }>;
  SendMessageInput: SendMessageInput;
  SetAbsenceReasonInput: SetAbsenceReasonInput;
  SetAcademicYearStateInput: SetAcademicYearStateInput;
  SetLessonRecordInput: SetLessonRecordInput;
  SetPeriodMarkInput: SetPeriodMarkInput;
  SetStudyPeriodsInput: SetStudyPeriodsInput;
  StartConversationInput: StartConversationInput;
  StartingCredential: ResolverTypeWrapper<StartingCredential>;
  Student: ResolverTypeWrapper<StudentEntity>;
  StudentAttendanceRow: ResolverTypeWrapper<StudentAttendanceRow>;
  StudentAverageReport: ResolverTypeWrapper<StudentAverageReport>;
  StudentCard: ResolverTypeWrapper<Omit<StudentCard, 'student'> & { student: ResolversTypes['Student'] }>;
  StudentProgressReport: ResolverTypeWrapper<StudentProgressReport>;
  StudyPeriod: ResolverTypeWrapper<StudyPeriod>;
  StudyPeriodInput: StudyPeriodInput;
  StudyPeriodKind: StudyPeriodKind;
  Subgroup: ResolverTypeWrapper<Omit<Subgroup, 'classGroup' | 'members' | 'subject'> & { classGroup: ResolversTypes['ClassGroup'], members: Array<ResolversTypes['Student']>, subject: ResolversTypes['Subject'] }>;
  Subject: ResolverTypeWrapper<SubjectEntity>;
  SubjectTeacherReport: ResolverTypeWrapper<SubjectTeacherReport>;
  SubmitAbsenceNoteInput: SubmitAbsenceNoteInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SubstituteLessonInput: SubstituteLessonInput;
  TeachingAssignment: ResolverTypeWrapper<Omit<TeachingAssignment, 'classGroup' | 'subgroup' | 'subject' | 'teacher'> & { classGroup: ResolversTypes['ClassGroup'], subgroup?: Maybe<ResolversTypes['Subgroup']>, subject: ResolversTypes['Subject'], teacher: ResolversTypes['Employee'] }>;
  TermReport: ResolverTypeWrapper<TermReport>;
  TermReportRow: ResolverTypeWrapper<TermReportRow>;
  ThematicPlanItem: ResolverTypeWrapper<Omit<ThematicPlanItem, 'classGroup' | 'subgroup' | 'subject' | 'teacher'> & { classGroup: ResolversTypes['ClassGroup'], subgroup?: Maybe<ResolversTypes['Subgroup']>, subject: ResolversTypes['Subject'], teacher: ResolversTypes['Employee'] }>;
  TimetableEntry: ResolverTypeWrapper<Omit<TimetableEntry, 'classGroup' | 'subgroup' | 'subject' | 'teacher'> & { classGroup: ResolversTypes['ClassGroup'], subgroup?: Maybe<ResolversTypes['Subgroup']>, subject: ResolversTypes['Subject'], teacher: ResolversTypes['Employee'] }>;
  UpdateAcademicYearInput: UpdateAcademicYearInput;
  UpdateBellInput: UpdateBellInput;
  UpdateClassInput: UpdateClassInput;
  UpdateCurriculumItemInput: UpdateCurriculumItemInput;
  UpdateEmployeeCardInput: UpdateEmployeeCardInput;
  UpdateGuardianCardInput: UpdateGuardianCardInput;
  UpdateRoomInput: UpdateRoomInput;
  UpdateSchoolEventInput: UpdateSchoolEventInput;
  UpdateSchoolSettingsInput: UpdateSchoolSettingsInput;
  UpdateStudentCardInput: UpdateStudentCardInput;
  UpdateSubgroupInput: UpdateSubgroupInput;
  UpdateSubjectInput: UpdateSubjectInput;
  UpdateTeachingAssignmentInput: UpdateTeachingAssignmentInput;
  UpdateThematicPlanItemInput: UpdateThematicPlanItemInput;
  UpdateTimetableEntryInput: UpdateTimetableEntryInput;
  UpdateWorkTypeInput: UpdateWorkTypeInput;
  User: ResolverTypeWrapper<User>;
  UserActivity: ResolverTypeWrapper<UserActivity>;
  UserActivityReport: ResolverTypeWrapper<UserActivityReport>;
  VerifiedDocument: ResolverTypeWrapper<VerifiedDocument>;
  Viewer: ResolverTypeWrapper<Omit<Viewer, 'children' | 'employee' | 'student'> & { children: Array<ResolversTypes['Student']>, employee?: Maybe<ResolversTypes['Employee']>, student?: Maybe<ResolversTypes['Student']> }>;
  WeekAcknowledgement: ResolverTypeWrapper<WeekAcknowledgement>;
  WeekActivity: ResolverTypeWrapper<WeekActivity>;
  WeightedAverageReport: ResolverTypeWrapper<WeightedAverageReport>;
  WeightedAverageRow: ResolverTypeWrapper<WeightedAverageRow>;
  WithdrawConsentInput: WithdrawConsentInput;
  WorkType: ResolverTypeWrapper<WorkType>;
  YearCard: ResolverTypeWrapper<YearCard>;
  YearCardPeriod: ResolverTypeWrapper<YearCardPeriod>;
  YearCardPeriodMark: ResolverTypeWrapper<YearCardPeriodMark>;
  YearCardSet: ResolverTypeWrapper<YearCardSet>;
  YearCardSubject: ResolverTypeWrapper<YearCardSubject>;
  YearTransitionRow: ResolverTypeWrapper<YearTransitionRow>;
  _Any: ResolverTypeWrapper<Scalars['_Any']['output']>;
  _Entity: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['_Entity']>;
  _Service: ResolverTypeWrapper<_Service>;
  federation__FieldSet: ResolverTypeWrapper<Scalars['federation__FieldSet']['output']>;
  federation__Policy: ResolverTypeWrapper<Scalars['federation__Policy']['output']>;
  federation__Scope: ResolverTypeWrapper<Scalars['federation__Scope']['output']>;
  link__Import: ResolverTypeWrapper<Scalars['link__Import']['output']>;
  link__Purpose: Link__Purpose;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AbsenceCounts: AbsenceCounts;
  Int: Scalars['Int']['output'];
  AbsenceNote: Omit<AbsenceNote, 'student'> & { student: ResolversParentTypes['Student'] };
  ID: Scalars['ID']['output'];
  AbsenceNoteConnection: Omit<AbsenceNoteConnection, 'edges'> & { edges: Array<ResolversParentTypes['AbsenceNoteEdge']> };
  Float: Scalars['Float']['output'];
  AbsenceNoteDocument: AbsenceNoteDocument;
  AbsenceNoteEdge: Omit<AbsenceNoteEdge, 'node'> & { node: ResolversParentTypes['AbsenceNote'] };
  AcademicYear: Omit<AcademicYear, 'classGroups' | 'previousYear'> & { classGroups: Array<ResolversParentTypes['ClassGroup']>, previousYear?: Maybe<ResolversParentTypes['AcademicYear']> };
  Account: Omit<Account, 'roles'> & { roles: Array<ResolversParentTypes['AccountRole']> };
  AccountConnection: Omit<AccountConnection, 'edges'> & { edges: Array<ResolversParentTypes['AccountEdge']> };
  AccountEdge: Omit<AccountEdge, 'node'> & { node: ResolversParentTypes['Account'] };
  AccountRole: Omit<AccountRole, 'school'> & { school?: Maybe<ResolversParentTypes['School']> };
  AccountVersionInput: AccountVersionInput;
  AddThematicPlanItemInput: AddThematicPlanItemInput;
  Announcement: Omit<Announcement, 'classes'> & { classes: Array<ResolversParentTypes['ClassGroup']> };
  AnnouncementConnection: Omit<AnnouncementConnection, 'edges'> & { edges: Array<ResolversParentTypes['AnnouncementEdge']> };
  AnnouncementEdge: Omit<AnnouncementEdge, 'node'> & { node: ResolversParentTypes['Announcement'] };
  ApplyRolloverInput: ApplyRolloverInput;
  AtRiskReport: AtRiskReport;
  AtRiskStudent: AtRiskStudent;
  AtRiskSubject: AtRiskSubject;
  Attendance: Omit<Attendance, 'lesson' | 'student'> & { lesson: ResolversParentTypes['Lesson'], student: ResolversParentTypes['Student'] };
  AttendanceConnection: Omit<AttendanceConnection, 'edges'> & { edges: Array<ResolversParentTypes['AttendanceEdge']> };
  AttendanceEdge: Omit<AttendanceEdge, 'node'> & { node: ResolversParentTypes['Attendance'] };
  AttendanceSummaryReport: AttendanceSummaryReport;
  AuditEntry: AuditEntry;
  AuditEntryConnection: AuditEntryConnection;
  AuditEntryEdge: AuditEntryEdge;
  AuditLogFilterInput: AuditLogFilterInput;
  AuthPayload: AuthPayload;
  AuthorizedApp: Omit<AuthorizedApp, 'children'> & { children: Array<ResolversParentTypes['Student']> };
  AveragePoint: AveragePoint;
  Bell: Bell;
  CancelLessonInput: CancelLessonInput;
  CancelSchoolEventInput: CancelSchoolEventInput;
  CardLackingConsent: CardLackingConsent;
  CardLackingConsentConnection: CardLackingConsentConnection;
  CardLackingConsentEdge: CardLackingConsentEdge;
  CardsLackingConsentFilterInput: CardsLackingConsentFilterInput;
  ClassAbsences: ClassAbsences;
  ClassAttendanceRow: ClassAttendanceRow;
  ClassFill: Omit<ClassFill, 'classGroup'> & { classGroup: ResolversParentTypes['ClassGroup'] };
  ClassFillReport: Omit<ClassFillReport, 'classes'> & { classes: Array<ResolversParentTypes['ClassFill']> };
  ClassGroup: ClassGroupEntity;
  ClassJournal: Omit<ClassJournal, 'attendance' | 'clearedAttendance' | 'lessons' | 'marks' | 'retractedMarks' | 'students'> & { attendance: Array<ResolversParentTypes['Attendance']>, clearedAttendance: Array<ResolversParentTypes['Attendance']>, lessons: Array<ResolversParentTypes['Lesson']>, marks: Array<ResolversParentTypes['Mark']>, retractedMarks: Array<ResolversParentTypes['Mark']>, students: Array<ResolversParentTypes['Student']> };
  ClassMarkSheet: ClassMarkSheet;
  ClassMovement: Omit<ClassMovement, 'classGroup'> & { classGroup: ResolversParentTypes['ClassGroup'] };
  ClassTeacherPeriodReport: ClassTeacherPeriodReport;
  ClassTeachersSummary: ClassTeachersSummary;
  ClassWeekAcknowledgement: Omit<ClassWeekAcknowledgement, 'student'> & { student: ResolversParentTypes['Student'] };
  ClearAbsenceInput: ClearAbsenceInput;
  CloseClassInput: CloseClassInput;
  ConsentGivenInput: ConsentGivenInput;
  ConstructorAbsences: ConstructorAbsences;
  ConstructorKey: ConstructorKey;
  ConstructorReport: ConstructorReport;
  ConstructorRow: ConstructorRow;
  Conversation: Omit<Conversation, 'messages' | 'student'> & { messages: ResolversParentTypes['MessageConnection'], student?: Maybe<ResolversParentTypes['Student']> };
  ConversationConnection: Omit<ConversationConnection, 'edges'> & { edges: Array<ResolversParentTypes['ConversationEdge']> };
  ConversationEdge: Omit<ConversationEdge, 'node'> & { node: ResolversParentTypes['Conversation'] };
  ConversationParticipant: ConversationParticipant;
  CorrectMarkInput: CorrectMarkInput;
  CoverageRow: CoverageRow;
  CreateAcademicYearInput: CreateAcademicYearInput;
  CreateAccountInput: CreateAccountInput;
  CreateAnnouncementInput: CreateAnnouncementInput;
  CreateBellInput: CreateBellInput;
  CreateClassInput: CreateClassInput;
  CreateCurriculumItemInput: CreateCurriculumItemInput;
  CreateEmployeeInput: CreateEmployeeInput;
  CreateGuardianInput: CreateGuardianInput;
  CreateMovementOrderInput: CreateMovementOrderInput;
  CreateRoomInput: CreateRoomInput;
  CreateSchoolEventInput: CreateSchoolEventInput;
  CreateStudentInput: CreateStudentInput;
  CreateSubgroupInput: CreateSubgroupInput;
  CreateSubjectInput: CreateSubjectInput;
  CreateTeachingAssignmentInput: CreateTeachingAssignmentInput;
  CreateTimetableEntryInput: CreateTimetableEntryInput;
  CreateWorkTypeInput: CreateWorkTypeInput;
  CurriculumItem: Omit<CurriculumItem, 'classGroup' | 'subject'> & { classGroup: ResolversParentTypes['ClassGroup'], subject: ResolversParentTypes['Subject'] };
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DecideAbsenceNoteInput: DecideAbsenceNoteInput;
  DeleteInput: DeleteInput;
  DiaryDay: Omit<DiaryDay, 'events' | 'lessons'> & { events: Array<ResolversParentTypes['SchoolEvent']>, lessons: Array<ResolversParentTypes['DiaryLesson']> };
  DiaryEvent: Omit<DiaryEvent, 'attendance' | 'lesson' | 'mark' | 'student'> & { attendance?: Maybe<ResolversParentTypes['Attendance']>, lesson?: Maybe<ResolversParentTypes['Lesson']>, mark?: Maybe<ResolversParentTypes['Mark']>, student: ResolversParentTypes['Student'] };
  DiaryLesson: Omit<DiaryLesson, 'attendance' | 'clearedAttendance' | 'lesson' | 'marks' | 'retractedMarks'> & { attendance?: Maybe<ResolversParentTypes['Attendance']>, clearedAttendance?: Maybe<ResolversParentTypes['Attendance']>, lesson: ResolversParentTypes['Lesson'], marks: Array<ResolversParentTypes['Mark']>, retractedMarks: Array<ResolversParentTypes['Mark']> };
  DocumentDownload: DocumentDownload;
  EditMessageInput: EditMessageInput;
  Employee: EmployeeEntity;
  EmployeeCard: EmployeeCard;
  EntryError: EntryError;
  ExportDownload: ExportDownload;
  ExportListInput: ExportListInput;
  GenerateLessonsInput: GenerateLessonsInput;
  GenerateLessonsResult: Omit<GenerateLessonsResult, 'conflicts'> & { conflicts: Array<ResolversParentTypes['Lesson']> };
  GradeFill: GradeFill;
  GradeRangeInput: GradeRangeInput;
  GrantLateEntryPermitInput: GrantLateEntryPermitInput;
  GuardianCard: GuardianCard;
  Guardianship: Guardianship;
  HeadingForMark: HeadingForMark;
  Holiday: Holiday;
  ImportFileSummary: ImportFileSummary;
  ImportProblem: ImportProblem;
  ImportReport: ImportReport;
  ImportRow: ImportRow;
  InboxEvent: Omit<InboxEvent, 'absenceNote' | 'announcement' | 'message' | 'student'> & { absenceNote?: Maybe<ResolversParentTypes['AbsenceNote']>, announcement?: Maybe<ResolversParentTypes['Announcement']>, message?: Maybe<ResolversParentTypes['Message']>, student?: Maybe<ResolversParentTypes['Student']> };
  IncompleteLesson: IncompleteLesson;
  IssueCredentialsInput: IssueCredentialsInput;
  IssuedCredentials: Omit<IssuedCredentials, 'account'> & { account: ResolversParentTypes['Account'] };
  JSON: Scalars['JSON']['output'];
  JournalCompletenessReport: JournalCompletenessReport;
  JournalCompletenessRow: JournalCompletenessRow;
  LateEntryPermit: Omit<LateEntryPermit, 'teacher'> & { teacher: ResolversParentTypes['Employee'] };
  Lesson: LessonEntity;
  LessonAbsenceEntryInput: LessonAbsenceEntryInput;
  LessonAbsenceEntryOutcome: Omit<LessonAbsenceEntryOutcome, 'attendance'> & { attendance?: Maybe<ResolversParentTypes['Attendance']> };
  LessonEntriesPayload: Omit<LessonEntriesPayload, 'absences' | 'marks'> & { absences: Array<ResolversParentTypes['LessonAbsenceEntryOutcome']>, marks: Array<ResolversParentTypes['LessonMarkEntryOutcome']> };
  LessonMarkEntryInput: LessonMarkEntryInput;
  LessonMarkEntryOutcome: Omit<LessonMarkEntryOutcome, 'mark'> & { mark?: Maybe<ResolversParentTypes['Mark']> };
  LinkGuardianInput: LinkGuardianInput;
  LockAccountInput: LockAccountInput;
  Mark: MarkEntity;
  MarkAttendanceTakenInput: MarkAttendanceTakenInput;
  MarkConnection: Omit<MarkConnection, 'edges'> & { edges: Array<ResolversParentTypes['MarkEdge']> };
  MarkConversationReadInput: MarkConversationReadInput;
  MarkEdge: Omit<MarkEdge, 'node'> & { node: ResolversParentTypes['Mark'] };
  MarkTimelinessReport: MarkTimelinessReport;
  MarkTimelinessRow: MarkTimelinessRow;
  MarkVersion: MarkVersion;
  Message: Omit<Message, 'conversation'> & { conversation: ResolversParentTypes['Conversation'] };
  MessageConnection: Omit<MessageConnection, 'edges'> & { edges: Array<ResolversParentTypes['MessageEdge']> };
  MessageEdge: Omit<MessageEdge, 'node'> & { node: ResolversParentTypes['Message'] };
  MessageRecipient: MessageRecipient;
  MessageVersion: MessageVersion;
  MovedWorkingDay: MovedWorkingDay;
  MovementOrder: Omit<MovementOrder, 'fromClass' | 'student' | 'toClass'> & { fromClass?: Maybe<ResolversParentTypes['ClassGroup']>, student: ResolversParentTypes['Student'], toClass?: Maybe<ResolversParentTypes['ClassGroup']> };
  MovementOrderConnection: Omit<MovementOrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['MovementOrderEdge']> };
  MovementOrderEdge: Omit<MovementOrderEdge, 'node'> & { node: ResolversParentTypes['MovementOrder'] };
  MovementSummaryReport: Omit<MovementSummaryReport, 'classes'> & { classes: Array<ResolversParentTypes['ClassMovement']> };
  MovementTypeCount: MovementTypeCount;
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: PageInfo;
  PeriodMark: Omit<PeriodMark, 'student' | 'subject'> & { student: ResolversParentTypes['Student'], subject: ResolversParentTypes['Subject'] };
  PeriodMarkCell: PeriodMarkCell;
  PeriodMarkSheet: PeriodMarkSheet;
  PeriodMarkSheetStudent: PeriodMarkSheetStudent;
  PeriodMarkSheetSubject: PeriodMarkSheetSubject;
  PeriodResults: PeriodResults;
  PersonalDataConsent: PersonalDataConsent;
  PersonalDataLogFilterInput: PersonalDataLogFilterInput;
  PersonalDataRead: PersonalDataRead;
  PersonalDataReadConnection: PersonalDataReadConnection;
  PersonalDataReadEdge: PersonalDataReadEdge;
  PreliminaryPupil: PreliminaryPupil;
  PreliminaryReport: PreliminaryReport;
  ProgressMark: ProgressMark;
  PupilAbsences: PupilAbsences;
  PupilResult: PupilResult;
  PupilSubjectMark: PupilSubjectMark;
  PushPreferences: PushPreferences;
  PushPreferencesInput: PushPreferencesInput;
  PushSubscription: PushSubscription;
  Query: Record<PropertyKey, never>;
  ReasonCount: ReasonCount;
  RecordAttendanceInput: RecordAttendanceInput;
  RecordConsentInput: RecordConsentInput;
  RecordLessonEntriesInput: RecordLessonEntriesInput;
  RecordMarkInput: RecordMarkInput;
  RegisterAppDocumentInput: RegisterAppDocumentInput;
  RegisterAppInput: RegisterAppInput;
  RegisterPushSubscriptionInput: RegisterPushSubscriptionInput;
  RegisteredApp: RegisteredApp;
  ReportCard: ReportCard;
  ReportCardAbsences: ReportCardAbsences;
  ReportCardSubject: ReportCardSubject;
  ResultCounts: ResultCounts;
  ResultGroup: ResultGroup;
  RetractMarkInput: RetractMarkInput;
  RevokeGuardianshipInput: RevokeGuardianshipInput;
  RevokeLateEntryPermitInput: RevokeLateEntryPermitInput;
  RoleActivity: RoleActivity;
  RoleGrantInput: RoleGrantInput;
  RolloverClass: Omit<RolloverClass, 'classTeacher' | 'fromClass'> & { classTeacher?: Maybe<ResolversParentTypes['Employee']>, fromClass?: Maybe<ResolversParentTypes['ClassGroup']> };
  RolloverDecisionInput: RolloverDecisionInput;
  RolloverInput: RolloverInput;
  RolloverPreview: Omit<RolloverPreview, 'classes' | 'students' | 'undecided'> & { classes: Array<ResolversParentTypes['RolloverClass']>, students: Array<ResolversParentTypes['RolloverStudent']>, undecided: Array<ResolversParentTypes['Student']> };
  RolloverStudent: Omit<RolloverStudent, 'fromClass' | 'student'> & { fromClass: ResolversParentTypes['ClassGroup'], student: ResolversParentTypes['Student'] };
  Room: Room;
  SaveHolidayInput: SaveHolidayInput;
  SaveMovedWorkingDayInput: SaveMovedWorkingDayInput;
  School: SchoolEntity;
  SchoolClassFill: Omit<SchoolClassFill, 'school'> & { school: ResolversParentTypes['School'] };
  SchoolEvent: Omit<SchoolEvent, 'classGroup'> & { classGroup?: Maybe<ResolversParentTypes['ClassGroup']> };
  SchoolJournalAggregate: SchoolJournalAggregate;
  SchoolMovementSummary: Omit<SchoolMovementSummary, 'school'> & { school: ResolversParentTypes['School'] };
  SchoolUserActivity: Omit<SchoolUserActivity, 'school'> & { school: ResolversParentTypes['School'] };
  SendMessageInput: SendMessageInput;
  SetAbsenceReasonInput: SetAbsenceReasonInput;
  SetAcademicYearStateInput: SetAcademicYearStateInput;
  SetLessonRecordInput: SetLessonRecordInput;
  SetPeriodMarkInput: SetPeriodMarkInput;
  SetStudyPeriodsInput: SetStudyPeriodsInput;
  StartConversationInput: StartConversationInput;
  StartingCredential: StartingCredential;
  Student: StudentEntity;
  StudentAttendanceRow: StudentAttendanceRow;
  StudentAverageReport: StudentAverageReport;
  StudentCard: Omit<StudentCard, 'student'> & { student: ResolversParentTypes['Student'] };
  StudentProgressReport: StudentProgressReport;
  StudyPeriod: StudyPeriod;
  StudyPeriodInput: StudyPeriodInput;
  Subgroup: Omit<Subgroup, 'classGroup' | 'members' | 'subject'> & { classGroup: ResolversParentTypes['ClassGroup'], members: Array<ResolversParentTypes['Student']>, subject: ResolversParentTypes['Subject'] };
  Subject: SubjectEntity;
  SubjectTeacherReport: SubjectTeacherReport;
  SubmitAbsenceNoteInput: SubmitAbsenceNoteInput;
  Subscription: Record<PropertyKey, never>;
  SubstituteLessonInput: SubstituteLessonInput;
  TeachingAssignment: Omit<TeachingAssignment, 'classGroup' | 'subgroup' | 'subject' | 'teacher'> & { classGroup: ResolversParentTypes['ClassGroup'], subgroup?: Maybe<ResolversParentTypes['Subgroup']>, subject: ResolversParentTypes['Subject'], teacher: ResolversParentTypes['Employee'] };
  TermReport: TermReport;
  TermReportRow: TermReportRow;
  ThematicPlanItem: Omit<ThematicPlanItem, 'classGroup' | 'subgroup' | 'subject' | 'teacher'> & { classGroup: ResolversParentTypes['ClassGroup'], subgroup?: Maybe<ResolversParentTypes['Subgroup']>, subject: ResolversParentTypes['Subject'], teacher: ResolversParentTypes['Employee'] };
  TimetableEntry: Omit<TimetableEntry, 'classGroup' | 'subgroup' | 'subject' | 'teacher'> & { classGroup: ResolversParentTypes['ClassGroup'], subgroup?: Maybe<ResolversParentTypes['Subgroup']>, subject: ResolversParentTypes['Subject'], teacher: ResolversParentTypes['Employee'] };
  UpdateAcademicYearInput: UpdateAcademicYearInput;
  UpdateBellInput: UpdateBellInput;
  UpdateClassInput: UpdateClassInput;
  UpdateCurriculumItemInput: UpdateCurriculumItemInput;
  UpdateEmployeeCardInput: UpdateEmployeeCardInput;
  UpdateGuardianCardInput: UpdateGuardianCardInput;
  UpdateRoomInput: UpdateRoomInput;
  UpdateSchoolEventInput: UpdateSchoolEventInput;
  UpdateSchoolSettingsInput: UpdateSchoolSettingsInput;
  UpdateStudentCardInput: UpdateStudentCardInput;
  UpdateSubgroupInput: UpdateSubgroupInput;
  UpdateSubjectInput: UpdateSubjectInput;
  UpdateTeachingAssignmentInput: UpdateTeachingAssignmentInput;
  UpdateThematicPlanItemInput: UpdateThematicPlanItemInput;
  UpdateTimetableEntryInput: UpdateTimetableEntryInput;
  UpdateWorkTypeInput: UpdateWorkTypeInput;
  User: User;
  UserActivity: UserActivity;
  UserActivityReport: UserActivityReport;
  VerifiedDocument: VerifiedDocument;
  Viewer: Omit<Viewer, 'children' | 'employee' | 'student'> & { children: Array<ResolversParentTypes['Student']>, employee?: Maybe<ResolversParentTypes['Employee']>, student?: Maybe<ResolversParentTypes['Student']> };
  WeekAcknowledgement: WeekAcknowledgement;
  WeekActivity: WeekActivity;
  WeightedAverageReport: WeightedAverageReport;
  WeightedAverageRow: WeightedAverageRow;
  WithdrawConsentInput: WithdrawConsentInput;
  WorkType: WorkType;
  YearCard: YearCard;
  YearCardPeriod: YearCardPeriod;
  YearCardPeriodMark: YearCardPeriodMark;
  YearCardSet: YearCardSet;
  YearCardSubject: YearCardSubject;
  YearTransitionRow: YearTransitionRow;
  _Any: Scalars['_Any']['output'];
  _Entity: ResolversUnionTypes<ResolversParentTypes>['_Entity'];
  _Service: _Service;
  federation__FieldSet: Scalars['federation__FieldSet']['output'];
  federation__Policy: Scalars['federation__Policy']['output'];
  federation__Scope: Scalars['federation__Scope']['output'];
  link__Import: Scalars['link__Import']['output'];
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
};

export type Federation__AuthenticatedDirectiveArgs = { };

export type Federation__AuthenticatedDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = Federation__AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ComposeDirectiveDirectiveArgs = {
  name?: Maybe<Scalars['String']['input']>;
};

export type Federation__ComposeDirectiveDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = Federation__ComposeDirectiveDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExtendsDirectiveArgs = { };

export type Federation__ExtendsDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = Federation__ExtendsDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExternalDirectiveArgs = {
  reason?: Maybe<Scalars['String']['input']>;
};

export type Federation__ExternalDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = Federation__ExternalDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InaccessibleDirectiveArgs = { };

export type Federation__InaccessibleDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = Federation__InaccessibleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InterfaceObjectDirectiveArgs = { };

export type Federation__InterfaceObjectDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = Federation__InterfaceObjectDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__OverrideDirectiveArgs = {
  from: Scalars['String']['input'];
  label?: Maybe<Scalars['String']['input']>;
};

export type Federation__OverrideDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = Federation__OverrideDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__PolicyDirectiveArgs = {
  policies: Array<Array<Scalars['federation__Policy']['input']>>;
};

export type Federation__PolicyDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = Federation__PolicyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ProvidesDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__ProvidesDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = Federation__ProvidesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__RequiresDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__RequiresDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = Federation__RequiresDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__RequiresScopesDirectiveArgs = {
  scopes: Array<Array<Scalars['federation__Scope']['input']>>;
};

export type Federation__RequiresScopesDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = Federation__RequiresScopesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ShareableDirectiveArgs = { };

export type Federation__ShareableDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = Federation__ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__TagDirectiveArgs = {
  name: Scalars['String']['input'];
};

export type Federation__TagDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = Federation__TagDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type LinkDirectiveArgs = {
  as?: Maybe<Scalars['String']['input']>;
  for?: Maybe<Link__Purpose>;
  import?: Maybe<Array<Maybe<Scalars['link__Import']['input']>>>;
  url?: Maybe<Scalars['String']['input']>;
};

export type LinkDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AbsenceCountsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AbsenceCounts'] = ResolversParentTypes['AbsenceCounts']> = {
  absentLessons?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  excused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  illness?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lateLessons?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unexcused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unknown?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AbsenceNoteResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AbsenceNote'] = ResolversParentTypes['AbsenceNote']> = {
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  decisionComment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  document?: Resolver<Maybe<ResolversTypes['AbsenceNoteDocument']>, ParentType, ContextType>;
  documentName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  documentSize?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  documentType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  firstLesson?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastLesson?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['AbsenceReason'], ParentType, ContextType>;
  startsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['AbsenceNoteState'], ParentType, ContextType>;
  student?: Resolver<ResolversTypes['Student'], ParentType, ContextType>;
};

export type AbsenceNoteConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AbsenceNoteConnection'] = ResolversParentTypes['AbsenceNoteConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AbsenceNoteEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type AbsenceNoteDocumentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AbsenceNoteDocument'] = ResolversParentTypes['AbsenceNoteDocument']> = {
  base64?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AbsenceNoteEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AbsenceNoteEdge'] = ResolversParentTypes['AbsenceNoteEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AbsenceNote'], ParentType, ContextType>;
};

export type AcademicYearResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AcademicYear'] = ResolversParentTypes['AcademicYear']> = {
  classGroups?: Resolver<Array<ResolversTypes['ClassGroup']>, ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  endsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  holidays?: Resolver<Array<ResolversTypes['Holiday']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  movedWorkingDays?: Resolver<Array<ResolversTypes['MovedWorkingDay']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  previousYear?: Resolver<Maybe<ResolversTypes['AcademicYear']>, ParentType, ContextType>;
  startsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['AcademicYearState'], ParentType, ContextType>;
  studyPeriods?: Resolver<Array<ResolversTypes['StudyPeriod']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AccountResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Account'] = ResolversParentTypes['Account']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastLoginAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  locked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lockedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lockedReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  login?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mustChangePassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['AccountRole']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AccountConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AccountConnection'] = ResolversParentTypes['AccountConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AccountEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type AccountEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AccountEdge'] = ResolversParentTypes['AccountEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Account'], ParentType, ContextType>;
};

export type AccountRoleResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AccountRole'] = ResolversParentTypes['AccountRole']> = {
  grantedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  school?: Resolver<Maybe<ResolversTypes['School']>, ParentType, ContextType>;
};

export type AnnouncementResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Announcement'] = ResolversParentTypes['Announcement']> = {
  audience?: Resolver<ResolversTypes['AnnouncementAudience'], ParentType, ContextType>;
  audienceSize?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  authorName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  classes?: Resolver<Array<ResolversTypes['ClassGroup']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  grade?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  read?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  readCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AnnouncementConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AnnouncementConnection'] = ResolversParentTypes['AnnouncementConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AnnouncementEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type AnnouncementEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AnnouncementEdge'] = ResolversParentTypes['AnnouncementEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Announcement'], ParentType, ContextType>;
};

export type AtRiskReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AtRiskReport'] = ResolversParentTypes['AtRiskReport']> = {
  schoolId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  students?: Resolver<Array<ResolversTypes['AtRiskStudent']>, ParentType, ContextType>;
  studyPeriodId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  studyPeriodName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AtRiskStudentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AtRiskStudent'] = ResolversParentTypes['AtRiskStudent']> = {
  classGroupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  classGroupName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  studentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  studentName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subjects?: Resolver<Array<ResolversTypes['AtRiskSubject']>, ParentType, ContextType>;
};

export type AtRiskSubjectResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AtRiskSubject'] = ResolversParentTypes['AtRiskSubject']> = {
  hoursPerWeek?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  marks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subjectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subjectName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AttendanceResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Attendance'] = ResolversParentTypes['Attendance']> = {
  clearReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cleared?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  clearedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  clearedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  document?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AttendanceKind'], ParentType, ContextType>;
  lesson?: Resolver<ResolversTypes['Lesson'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['AbsenceReason'], ParentType, ContextType>;
  student?: Resolver<ResolversTypes['Student'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AttendanceConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AttendanceConnection'] = ResolversParentTypes['AttendanceConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AttendanceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type AttendanceEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AttendanceEdge'] = ResolversParentTypes['AttendanceEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Attendance'], ParentType, ContextType>;
};

export type AttendanceSummaryReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AttendanceSummaryReport'] = ResolversParentTypes['AttendanceSummaryReport']> = {
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['ClassAttendanceRow']>, ParentType, ContextType>;
  schoolId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  after?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  entityId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  entityType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ip?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuditEntryConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AuditEntryConnection'] = ResolversParentTypes['AuditEntryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AuditEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type AuditEntryEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AuditEntryEdge'] = ResolversParentTypes['AuditEntryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEntry'], ParentType, ContextType>;
};

export type AuthPayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = {
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type AuthorizedAppResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AuthorizedApp'] = ResolversParentTypes['AuthorizedApp']> = {
  children?: Resolver<Array<ResolversTypes['Student']>, ParentType, ContextType>;
  clientId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  grantedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AveragePointResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AveragePoint'] = ResolversParentTypes['AveragePoint']> = {
  average?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  endsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  marks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  weightedAverage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type BellResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Bell'] = ResolversParentTypes['Bell']> = {
  endsAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shift?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CardLackingConsentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CardLackingConsent'] = ResolversParentTypes['CardLackingConsent']> = {
  cardId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  holdsPersonalData?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PersonCardKind'], ParentType, ContextType>;
  lastWithdrawnOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
};

export type CardLackingConsentConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CardLackingConsentConnection'] = ResolversParentTypes['CardLackingConsentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CardLackingConsentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type CardLackingConsentEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CardLackingConsentEdge'] = ResolversParentTypes['CardLackingConsentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CardLackingConsent'], ParentType, ContextType>;
};

export type ClassAbsencesResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ClassAbsences'] = ResolversParentTypes['ClassAbsences']> = {
  absentLessons?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  classGroupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  excused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  illness?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lateLessons?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unexcused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unknown?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClassAttendanceRowResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ClassAttendanceRow'] = ResolversParentTypes['ClassAttendanceRow']> = {
  absences?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  byReason?: Resolver<Array<ResolversTypes['ReasonCount']>, ParentType, ContextType>;
  classGroupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  classGroupName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  students?: Resolver<Array<ResolversTypes['StudentAttendanceRow']>, ParentType, ContextType>;
};

export type ClassFillResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ClassFill'] = ResolversParentTypes['ClassFill']> = {
  classGroup?: Resolver<ResolversTypes['ClassGroup'], ParentType, ContextType>;
  fillPercent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  norm?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  students?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  vacancies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClassFillReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ClassFillReport'] = ResolversParentTypes['ClassFillReport']> = {
  capacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  classes?: Resolver<Array<ResolversTypes['ClassFill']>, ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  grades?: Resolver<Array<ResolversTypes['GradeFill']>, ParentType, ContextType>;
  norm?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  students?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClassGroupResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ClassGroup'] = ResolversParentTypes['ClassGroup'], FederationReferenceType extends FederationReferenceTypes['ClassGroup'] = FederationReferenceTypes['ClassGroup']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ClassGroup']> | FederationReferenceType, FederationReferenceType, ContextType>;
  classTeacher?: Resolver<Maybe<ResolversTypes['Employee']>, ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  grade?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  letter?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  promotedFrom?: Resolver<Maybe<ResolversTypes['ClassGroup']>, ParentType, ContextType>;
  shift?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  studyPeriods?: Resolver<Array<ResolversTypes['StudyPeriod']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ClassJournalResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ClassJournal'] = ResolversParentTypes['ClassJournal']> = {
  attendance?: Resolver<Array<ResolversTypes['Attendance']>, ParentType, ContextType>;
  clearedAttendance?: Resolver<Array<ResolversTypes['Attendance']>, ParentType, ContextType>;
  lessons?: Resolver<Array<ResolversTypes['Lesson']>, ParentType, ContextType>;
  marks?: Resolver<Array<ResolversTypes['Mark']>, ParentType, ContextType>;
  retractedMarks?: Resolver<Array<ResolversTypes['Mark']>, ParentType, ContextType>;
  students?: Resolver<Array<ResolversTypes['Student']>, ParentType, ContextType>;
};

export type ClassMarkSheetResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ClassMarkSheet'] = ResolversParentTypes['ClassMarkSheet']> = {
  academicYearId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  academicYearName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cards?: Resolver<Array<ResolversTypes['YearCard']>, ParentType, ContextType>;
  classGroupName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periods?: Resolver<Array<ResolversTypes['YearCardPeriod']>, ParentType, ContextType>;
};

export type ClassMovementResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ClassMovement'] = ResolversParentTypes['ClassMovement']> = {
  arrivals?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  classGroup?: Resolver<ResolversTypes['ClassGroup'], ParentType, ContextType>;
  departures?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClassTeacherPeriodReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ClassTeacherPeriodReport'] = ResolversParentTypes['ClassTeacherPeriodReport']> = {
  absences?: Resolver<ResolversTypes['AbsenceCounts'], ParentType, ContextType>;
  pupilAbsences?: Resolver<Array<ResolversTypes['PupilAbsences']>, ParentType, ContextType>;
  results?: Resolver<ResolversTypes['PeriodResults'], ParentType, ContextType>;
};

export type ClassTeachersSummaryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ClassTeachersSummary'] = ResolversParentTypes['ClassTeachersSummary']> = {
  absences?: Resolver<Array<ResolversTypes['ClassAbsences']>, ParentType, ContextType>;
  results?: Resolver<ResolversTypes['PeriodResults'], ParentType, ContextType>;
};

export type ClassWeekAcknowledgementResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ClassWeekAcknowledgement'] = ResolversParentTypes['ClassWeekAcknowledgement']> = {
  acknowledged?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  acknowledgements?: Resolver<Array<ResolversTypes['WeekAcknowledgement']>, ParentType, ContextType>;
  student?: Resolver<ResolversTypes['Student'], ParentType, ContextType>;
  studentName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ConstructorAbsencesResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ConstructorAbsences'] = ResolversParentTypes['ConstructorAbsences']> = {
  absent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  excused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  illness?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  late?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unexcused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unknown?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ConstructorKeyResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ConstructorKey'] = ResolversParentTypes['ConstructorKey']> = {
  dimension?: Resolver<ResolversTypes['ConstructorDimension'], ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ConstructorReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ConstructorReport'] = ResolversParentTypes['ConstructorReport']> = {
  dimensions?: Resolver<Array<ResolversTypes['ConstructorDimension']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  groupCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  measures?: Resolver<Array<ResolversTypes['ConstructorMeasure']>, ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['ConstructorRow']>, ParentType, ContextType>;
  schoolId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ConstructorRowResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ConstructorRow'] = ResolversParentTypes['ConstructorRow']> = {
  absences?: Resolver<Maybe<ResolversTypes['ConstructorAbsences']>, ParentType, ContextType>;
  average?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  count?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['ConstructorKey']>, ParentType, ContextType>;
  qualityPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  successPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  weightedAverage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type ConversationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Conversation'] = ResolversParentTypes['Conversation']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastMessageAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  messageCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  messages?: Resolver<ResolversTypes['MessageConnection'], ParentType, ContextType, Partial<ConversationMessagesArgs>>;
  participants?: Resolver<Array<ResolversTypes['ConversationParticipant']>, ParentType, ContextType>;
  student?: Resolver<Maybe<ResolversTypes['Student']>, ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unreadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ConversationConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ConversationConnection'] = ResolversParentTypes['ConversationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ConversationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ConversationEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ConversationEdge'] = ResolversParentTypes['ConversationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Conversation'], ParentType, ContextType>;
};

export type ConversationParticipantResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ConversationParticipant'] = ResolversParentTypes['ConversationParticipant']> = {
  lastReadAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastReadNumber?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type CoverageRowResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CoverageRow'] = ResolversParentTypes['CoverageRow']> = {
  classGroupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  classGroupName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  coveragePercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lessonsHeld?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  plannedHours?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  plannedHoursToDate?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subjectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subjectName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CurriculumItemResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CurriculumItem'] = ResolversParentTypes['CurriculumItem']> = {
  classGroup?: Resolver<ResolversTypes['ClassGroup'], ParentType, ContextType>;
  component?: Resolver<ResolversTypes['CurriculumComponent'], ParentType, ContextType>;
  hoursPerWeek?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['Subject'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DiaryDayResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DiaryDay'] = ResolversParentTypes['DiaryDay']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['SchoolEvent']>, ParentType, ContextType>;
  lessons?: Resolver<Array<ResolversTypes['DiaryLesson']>, ParentType, ContextType>;
};

export type DiaryEventResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DiaryEvent'] = ResolversParentTypes['DiaryEvent']> = {
  attendance?: Resolver<Maybe<ResolversTypes['Attendance']>, ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lesson?: Resolver<Maybe<ResolversTypes['Lesson']>, ParentType, ContextType>;
  mark?: Resolver<Maybe<ResolversTypes['Mark']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  student?: Resolver<ResolversTypes['Student'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['DiaryEventType'], ParentType, ContextType>;
};

export type DiaryLessonResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DiaryLesson'] = ResolversParentTypes['DiaryLesson']> = {
  attendance?: Resolver<Maybe<ResolversTypes['Attendance']>, ParentType, ContextType>;
  clearedAttendance?: Resolver<Maybe<ResolversTypes['Attendance']>, ParentType, ContextType>;
  lesson?: Resolver<ResolversTypes['Lesson'], ParentType, ContextType>;
  marks?: Resolver<Array<ResolversTypes['Mark']>, ParentType, ContextType>;
  retractedMarks?: Resolver<Array<ResolversTypes['Mark']>, ParentType, ContextType>;
};

export type DocumentDownloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DocumentDownload'] = ResolversParentTypes['DocumentDownload']> = {
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fileName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EmployeeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Employee'] = ResolversParentTypes['Employee'], FederationReferenceType extends FederationReferenceTypes['Employee'] = FederationReferenceTypes['Employee']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Employee']> | FederationReferenceType, FederationReferenceType, ContextType>;
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type EmployeeCardResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EmployeeCard'] = ResolversParentTypes['EmployeeCard']> = {
  consents?: Resolver<Array<ResolversTypes['PersonalDataConsent']>, ParentType, ContextType>;
  dismissedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hiredOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  middleName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  personalDataConsentAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EntryErrorResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EntryError'] = ResolversParentTypes['EntryError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ExportDownloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ExportDownload'] = ResolversParentTypes['ExportDownload']> = {
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fileName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type GenerateLessonsResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['GenerateLessonsResult'] = ResolversParentTypes['GenerateLessonsResult']> = {
  conflicts?: Resolver<Array<ResolversTypes['Lesson']>, ParentType, ContextType>;
  created?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kept?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  removed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type GradeFillResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['GradeFill'] = ResolversParentTypes['GradeFill']> = {
  classes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  grade?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  norm?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  students?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type GuardianCardResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['GuardianCard'] = ResolversParentTypes['GuardianCard']> = {
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  consents?: Resolver<Array<ResolversTypes['PersonalDataConsent']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  middleName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  personalDataConsentAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type GuardianshipResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Guardianship'] = ResolversParentTypes['Guardianship']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  guardian?: Resolver<ResolversTypes['GuardianCard'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  relation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type HeadingForMarkResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HeadingForMark'] = ResolversParentTypes['HeadingForMark']> = {
  headingFor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  marks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subjectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subjectName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weightedAverage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type HolidayResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Holiday'] = ResolversParentTypes['Holiday']> = {
  endsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImportFileSummaryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ImportFileSummary'] = ResolversParentTypes['ImportFileSummary']> = {
  created?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  encoding?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  problems?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImportProblemResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ImportProblem'] = ResolversParentTypes['ImportProblem']> = {
  column?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  file?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ImportReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ImportReport'] = ResolversParentTypes['ImportReport']> = {
  applied?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  credentials?: Resolver<Array<ResolversTypes['StartingCredential']>, ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  files?: Resolver<Array<ResolversTypes['ImportFileSummary']>, ParentType, ContextType>;
  format?: Resolver<ResolversTypes['ImportFormat'], ParentType, ContextType>;
  problems?: Resolver<Array<ResolversTypes['ImportProblem']>, ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['ImportRow']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['ImportProblem']>, ParentType, ContextType>;
};

export type ImportRowResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ImportRow'] = ResolversParentTypes['ImportRow']> = {
  file?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ImportRecordKind'], ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['ImportOutcome'], ParentType, ContextType>;
  sourcedId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type InboxEventResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['InboxEvent'] = ResolversParentTypes['InboxEvent']> = {
  absenceNote?: Resolver<Maybe<ResolversTypes['AbsenceNote']>, ParentType, ContextType>;
  announcement?: Resolver<Maybe<ResolversTypes['Announcement']>, ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  student?: Resolver<Maybe<ResolversTypes['Student']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['DiaryEventType'], ParentType, ContextType>;
};

export type IncompleteLessonResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['IncompleteLesson'] = ResolversParentTypes['IncompleteLesson']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  lessonId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  missingAttendance?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  missingHomework?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  missingTopic?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type IssuedCredentialsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['IssuedCredentials'] = ResolversParentTypes['IssuedCredentials']> = {
  account?: Resolver<ResolversTypes['Account'], ParentType, ContextType>;
  login?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startingPassword?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type JournalCompletenessReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['JournalCompletenessReport'] = ResolversParentTypes['JournalCompletenessReport']> = {
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['JournalCompletenessRow']>, ParentType, ContextType>;
  schoolId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type JournalCompletenessRowResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['JournalCompletenessRow'] = ResolversParentTypes['JournalCompletenessRow']> = {
  classGroupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  classGroupName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  complete?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  incompleteLessons?: Resolver<Array<ResolversTypes['IncompleteLesson']>, ParentType, ContextType>;
  lessons?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  missingAttendance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  missingHomework?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  missingTopic?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subjectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subjectName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  teacherId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  teacherName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LateEntryPermitResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['LateEntryPermit'] = ResolversParentTypes['LateEntryPermit']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  daysFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  daysTo?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  grantedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  grantedBy?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  teacher?: Resolver<ResolversTypes['Employee'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type LessonResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Lesson'] = ResolversParentTypes['Lesson'], FederationReferenceType extends FederationReferenceTypes['Lesson'] = FederationReferenceTypes['Lesson']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Lesson']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cancelReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  classGroup?: Resolver<ResolversTypes['ClassGroup'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  homework?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  room?: Resolver<Maybe<ResolversTypes['Room']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['LessonState'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['Subject'], ParentType, ContextType>;
  substituteTeacher?: Resolver<Maybe<ResolversTypes['Employee']>, ParentType, ContextType>;
  teacher?: Resolver<ResolversTypes['Employee'], ParentType, ContextType>;
  topic?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LessonAbsenceEntryOutcomeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['LessonAbsenceEntryOutcome'] = ResolversParentTypes['LessonAbsenceEntryOutcome']> = {
  attendance?: Resolver<Maybe<ResolversTypes['Attendance']>, ParentType, ContextType>;
  changed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['EntryError']>, ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  studentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type LessonEntriesPayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['LessonEntriesPayload'] = ResolversParentTypes['LessonEntriesPayload']> = {
  absences?: Resolver<Array<ResolversTypes['LessonAbsenceEntryOutcome']>, ParentType, ContextType>;
  marks?: Resolver<Array<ResolversTypes['LessonMarkEntryOutcome']>, ParentType, ContextType>;
  written?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type LessonMarkEntryOutcomeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['LessonMarkEntryOutcome'] = ResolversParentTypes['LessonMarkEntryOutcome']> = {
  error?: Resolver<Maybe<ResolversTypes['EntryError']>, ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  mark?: Resolver<Maybe<ResolversTypes['Mark']>, ParentType, ContextType>;
  studentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MarkResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Mark'] = ResolversParentTypes['Mark'], FederationReferenceType extends FederationReferenceTypes['Mark'] = FederationReferenceTypes['Mark']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Mark']> | FederationReferenceType, FederationReferenceType, ContextType>;
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  corrected?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  correctedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lesson?: Resolver<ResolversTypes['Lesson'], ParentType, ContextType>;
  retracted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  retractedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  retractedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  retractionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  student?: Resolver<ResolversTypes['Student'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  versions?: Resolver<Array<ResolversTypes['MarkVersion']>, ParentType, ContextType>;
  workType?: Resolver<ResolversTypes['WorkType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MarkConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MarkConnection'] = ResolversParentTypes['MarkConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MarkEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MarkEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MarkEdge'] = ResolversParentTypes['MarkEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Mark'], ParentType, ContextType>;
};

export type MarkTimelinessReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MarkTimelinessReport'] = ResolversParentTypes['MarkTimelinessReport']> = {
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  lateMarks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lateShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  marks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['MarkTimelinessRow']>, ParentType, ContextType>;
  schoolId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  underPermit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MarkTimelinessRowResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MarkTimelinessRow'] = ResolversParentTypes['MarkTimelinessRow']> = {
  averageDelayDays?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lateMarks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lateShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  marks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subjectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subjectName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  teacherId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  teacherName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  underPermit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MarkVersionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MarkVersion'] = ResolversParentTypes['MarkVersion']> = {
  author?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  retraction?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MessageResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message']> = {
  author?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  authorName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  conversation?: Resolver<ResolversTypes['Conversation'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  edited?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  editedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  readBy?: Resolver<Array<ResolversTypes['ConversationParticipant']>, ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versions?: Resolver<Array<ResolversTypes['MessageVersion']>, ParentType, ContextType>;
};

export type MessageConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MessageConnection'] = ResolversParentTypes['MessageConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MessageEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MessageEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MessageEdge'] = ResolversParentTypes['MessageEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
};

export type MessageRecipientResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MessageRecipient'] = ResolversParentTypes['MessageRecipient']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  side?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ties?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type MessageVersionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MessageVersion'] = ResolversParentTypes['MessageVersion']> = {
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  writtenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type MovedWorkingDayResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MovedWorkingDay'] = ResolversParentTypes['MovedWorkingDay']> = {
  dayOffDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MovementOrderResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MovementOrder'] = ResolversParentTypes['MovementOrder']> = {
  basis?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  effectiveOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  fromClass?: Resolver<Maybe<ResolversTypes['ClassGroup']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  student?: Resolver<ResolversTypes['Student'], ParentType, ContextType>;
  toClass?: Resolver<Maybe<ResolversTypes['ClassGroup']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['MovementOrderType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MovementOrderConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MovementOrderConnection'] = ResolversParentTypes['MovementOrderConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MovementOrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MovementOrderEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MovementOrderEdge'] = ResolversParentTypes['MovementOrderEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['MovementOrder'], ParentType, ContextType>;
};

export type MovementSummaryReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MovementSummaryReport'] = ResolversParentTypes['MovementSummaryReport']> = {
  arrivals?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  byType?: Resolver<Array<ResolversTypes['MovementTypeCount']>, ParentType, ContextType>;
  classes?: Resolver<Array<ResolversTypes['ClassMovement']>, ParentType, ContextType>;
  departures?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type MovementTypeCountResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MovementTypeCount'] = ResolversParentTypes['MovementTypeCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['MovementOrderType'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acknowledgeWeek?: Resolver<Array<ResolversTypes['WeekAcknowledgement']>, ParentType, ContextType, RequireFields<MutationAcknowledgeWeekArgs, 'studentId' | 'weekStartsOn'>>;
  addThematicPlanItem?: Resolver<ResolversTypes['ThematicPlanItem'], ParentType, ContextType, RequireFields<MutationAddThematicPlanItemArgs, 'input'>>;
  applyRollover?: Resolver<ResolversTypes['AcademicYear'], ParentType, ContextType, RequireFields<MutationApplyRolloverArgs, 'input'>>;
  cancelLesson?: Resolver<ResolversTypes['Lesson'], ParentType, ContextType, RequireFields<MutationCancelLessonArgs, 'input'>>;
  cancelSchoolEvent?: Resolver<ResolversTypes['SchoolEvent'], ParentType, ContextType, RequireFields<MutationCancelSchoolEventArgs, 'input'>>;
  changePassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'newPassword' | 'oldPassword'>>;
  clearAbsence?: Resolver<ResolversTypes['Attendance'], ParentType, ContextType, RequireFields<MutationClearAbsenceArgs, 'input'>>;
  closeClass?: Resolver<ResolversTypes['ClassGroup'], ParentType, ContextType, RequireFields<MutationCloseClassArgs, 'input'>>;
  correctMark?: Resolver<ResolversTypes['Mark'], ParentType, ContextType, RequireFields<MutationCorrectMarkArgs, 'input'>>;
  createAcademicYear?: Resolver<ResolversTypes['AcademicYear'], ParentType, ContextType, RequireFields<MutationCreateAcademicYearArgs, 'input'>>;
  createAccount?: Resolver<ResolversTypes['IssuedCredentials'], ParentType, ContextType, RequireFields<MutationCreateAccountArgs, 'input'>>;
  createAnnouncement?: Resolver<ResolversTypes['Announcement'], ParentType, ContextType, RequireFields<MutationCreateAnnouncementArgs, 'input'>>;
  createBell?: Resolver<ResolversTypes['Bell'], ParentType, ContextType, RequireFields<MutationCreateBellArgs, 'input'>>;
  createClass?: Resolver<ResolversTypes['ClassGroup'], ParentType, ContextType, RequireFields<MutationCreateClassArgs, 'input'>>;
  createCurriculumItem?: Resolver<ResolversTypes['CurriculumItem'], ParentType, ContextType, RequireFields<MutationCreateCurriculumItemArgs, 'input'>>;
  createEmployee?: Resolver<ResolversTypes['EmployeeCard'], ParentType, ContextType, RequireFields<MutationCreateEmployeeArgs, 'input'>>;
  createGuardian?: Resolver<ResolversTypes['GuardianCard'], ParentType, ContextType, RequireFields<MutationCreateGuardianArgs, 'input'>>;
  createMovementOrder?: Resolver<ResolversTypes['MovementOrder'], ParentType, ContextType, RequireFields<MutationCreateMovementOrderArgs, 'input'>>;
  createRoom?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationCreateRoomArgs, 'input'>>;
  createSchoolEvent?: Resolver<ResolversTypes['SchoolEvent'], ParentType, ContextType, RequireFields<MutationCreateSchoolEventArgs, 'input'>>;
  createStudent?: Resolver<ResolversTypes['StudentCard'], ParentType, ContextType, RequireFields<MutationCreateStudentArgs, 'input'>>;
  createSubgroup?: Resolver<ResolversTypes['Subgroup'], ParentType, ContextType, RequireFields<MutationCreateSubgroupArgs, 'input'>>;
  createSubject?: Resolver<ResolversTypes['Subject'], ParentType, ContextType, RequireFields<MutationCreateSubjectArgs, 'input'>>;
  createTeachingAssignment?: Resolver<ResolversTypes['TeachingAssignment'], ParentType, ContextType, RequireFields<MutationCreateTeachingAssignmentArgs, 'input'>>;
  createTimetableEntry?: Resolver<ResolversTypes['TimetableEntry'], ParentType, ContextType, RequireFields<MutationCreateTimetableEntryArgs, 'input'>>;
  createWorkType?: Resolver<ResolversTypes['WorkType'], ParentType, ContextType, RequireFields<MutationCreateWorkTypeArgs, 'input'>>;
  decideAbsenceNote?: Resolver<ResolversTypes['AbsenceNote'], ParentType, ContextType, RequireFields<MutationDecideAbsenceNoteArgs, 'input'>>;
  deleteBell?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<MutationDeleteBellArgs, 'input'>>;
  deleteCurriculumItem?: Resolver<ResolversTypes['ClassGroup'], ParentType, ContextType, RequireFields<MutationDeleteCurriculumItemArgs, 'input'>>;
  deleteHoliday?: Resolver<ResolversTypes['AcademicYear'], ParentType, ContextType, RequireFields<MutationDeleteHolidayArgs, 'input'>>;
  deleteMovedWorkingDay?: Resolver<ResolversTypes['AcademicYear'], ParentType, ContextType, RequireFields<MutationDeleteMovedWorkingDayArgs, 'input'>>;
  deleteSubgroup?: Resolver<ResolversTypes['ClassGroup'], ParentType, ContextType, RequireFields<MutationDeleteSubgroupArgs, 'input'>>;
  deleteTeachingAssignment?: Resolver<ResolversTypes['ClassGroup'], ParentType, ContextType, RequireFields<MutationDeleteTeachingAssignmentArgs, 'input'>>;
  deleteThematicPlanItem?: Resolver<Array<ResolversTypes['ThematicPlanItem']>, ParentType, ContextType, RequireFields<MutationDeleteThematicPlanItemArgs, 'input'>>;
  deleteTimetableEntry?: Resolver<ResolversTypes['ClassGroup'], ParentType, ContextType, RequireFields<MutationDeleteTimetableEntryArgs, 'input'>>;
  deleteWorkType?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<MutationDeleteWorkTypeArgs, 'workTypeId'>>;
  editMessage?: Resolver<ResolversTypes['Message'], ParentType, ContextType, RequireFields<MutationEditMessageArgs, 'input'>>;
  generateLessons?: Resolver<ResolversTypes['GenerateLessonsResult'], ParentType, ContextType, RequireFields<MutationGenerateLessonsArgs, 'input'>>;
  grantLateEntryPermit?: Resolver<ResolversTypes['LateEntryPermit'], ParentType, ContextType, RequireFields<MutationGrantLateEntryPermitArgs, 'input'>>;
  grantRole?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationGrantRoleArgs, 'input'>>;
  importRoster?: Resolver<ResolversTypes['ImportReport'], ParentType, ContextType, RequireFields<MutationImportRosterArgs, 'dryRun' | 'files' | 'schoolId'>>;
  issueCredentials?: Resolver<ResolversTypes['IssuedCredentials'], ParentType, ContextType, RequireFields<MutationIssueCredentialsArgs, 'input'>>;
  linkGuardian?: Resolver<ResolversTypes['Guardianship'], ParentType, ContextType, RequireFields<MutationLinkGuardianArgs, 'input'>>;
  lockAccount?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationLockAccountArgs, 'input'>>;
  login?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'login' | 'password'>>;
  logout?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationLogoutArgs, 'refreshToken'>>;
  markAnnouncementRead?: Resolver<ResolversTypes['Announcement'], ParentType, ContextType, RequireFields<MutationMarkAnnouncementReadArgs, 'announcementId'>>;
  markAttendanceTaken?: Resolver<ResolversTypes['Lesson'], ParentType, ContextType, RequireFields<MutationMarkAttendanceTakenArgs, 'input'>>;
  markConversationRead?: Resolver<ResolversTypes['Conversation'], ParentType, ContextType, RequireFields<MutationMarkConversationReadArgs, 'input'>>;
  recordAttendance?: Resolver<ResolversTypes['Attendance'], ParentType, ContextType, RequireFields<MutationRecordAttendanceArgs, 'input'>>;
  recordConsent?: Resolver<ResolversTypes['PersonalDataConsent'], ParentType, ContextType, RequireFields<MutationRecordConsentArgs, 'input'>>;
  recordLessonEntries?: Resolver<ResolversTypes['LessonEntriesPayload'], ParentType, ContextType, RequireFields<MutationRecordLessonEntriesArgs, 'input'>>;
  recordMark?: Resolver<ResolversTypes['Mark'], ParentType, ContextType, RequireFields<MutationRecordMarkArgs, 'input'>>;
  refreshSession?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRefreshSessionArgs, 'refreshToken'>>;
  registerApp?: Resolver<ResolversTypes['RegisteredApp'], ParentType, ContextType, RequireFields<MutationRegisterAppArgs, 'input'>>;
  registerAppDocument?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<MutationRegisterAppDocumentArgs, 'input'>>;
  registerPushSubscription?: Resolver<ResolversTypes['PushSubscription'], ParentType, ContextType, RequireFields<MutationRegisterPushSubscriptionArgs, 'input'>>;
  removePushSubscription?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<MutationRemovePushSubscriptionArgs, 'id'>>;
  requestClassJournalDocument?: Resolver<ResolversTypes['DocumentDownload'], ParentType, ContextType, RequireFields<MutationRequestClassJournalDocumentArgs, 'classGroupId' | 'subjectId'>>;
  requestDiaryWeekDocument?: Resolver<ResolversTypes['DocumentDownload'], ParentType, ContextType, RequireFields<MutationRequestDiaryWeekDocumentArgs, 'studentId' | 'week'>>;
  requestExport?: Resolver<ResolversTypes['ExportDownload'], ParentType, ContextType, RequireFields<MutationRequestExportArgs, 'format' | 'schoolId'>>;
  requestYearArchive?: Resolver<ResolversTypes['DocumentDownload'], ParentType, ContextType, RequireFields<MutationRequestYearArchiveArgs, 'yearId'>>;
  resetPassword?: Resolver<ResolversTypes['IssuedCredentials'], ParentType, ContextType, RequireFields<MutationResetPasswordArgs, 'input'>>;
  retireWorkType?: Resolver<ResolversTypes['WorkType'], ParentType, ContextType, RequireFields<MutationRetireWorkTypeArgs, 'workTypeId'>>;
  retractMark?: Resolver<ResolversTypes['Mark'], ParentType, ContextType, RequireFields<MutationRetractMarkArgs, 'input'>>;
  revokeApp?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRevokeAppArgs, 'id'>>;
  revokeGuardianship?: Resolver<ResolversTypes['Guardianship'], ParentType, ContextType, RequireFields<MutationRevokeGuardianshipArgs, 'input'>>;
  revokeLateEntryPermit?: Resolver<ResolversTypes['LateEntryPermit'], ParentType, ContextType, RequireFields<MutationRevokeLateEntryPermitArgs, 'input'>>;
  revokeRole?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationRevokeRoleArgs, 'input'>>;
  saveHoliday?: Resolver<ResolversTypes['Holiday'], ParentType, ContextType, RequireFields<MutationSaveHolidayArgs, 'input'>>;
  saveMovedWorkingDay?: Resolver<ResolversTypes['MovedWorkingDay'], ParentType, ContextType, RequireFields<MutationSaveMovedWorkingDayArgs, 'input'>>;
  sendMessage?: Resolver<ResolversTypes['Message'], ParentType, ContextType, RequireFields<MutationSendMessageArgs, 'input'>>;
  setAbsenceReason?: Resolver<ResolversTypes['Attendance'], ParentType, ContextType, RequireFields<MutationSetAbsenceReasonArgs, 'input'>>;
  setAcademicYearState?: Resolver<ResolversTypes['AcademicYear'], ParentType, ContextType, RequireFields<MutationSetAcademicYearStateArgs, 'input'>>;
  setLessonRecord?: Resolver<ResolversTypes['Lesson'], ParentType, ContextType, RequireFields<MutationSetLessonRecordArgs, 'input'>>;
  setPeriodMark?: Resolver<ResolversTypes['PeriodMark'], ParentType, ContextType, RequireFields<MutationSetPeriodMarkArgs, 'input'>>;
  setPushPreferences?: Resolver<ResolversTypes['PushPreferences'], ParentType, ContextType, RequireFields<MutationSetPushPreferencesArgs, 'input'>>;
  setStudyPeriods?: Resolver<ResolversTypes['AcademicYear'], ParentType, ContextType, RequireFields<MutationSetStudyPeriodsArgs, 'input'>>;
  startConversation?: Resolver<ResolversTypes['Conversation'], ParentType, ContextType, RequireFields<MutationStartConversationArgs, 'input'>>;
  submitAbsenceNote?: Resolver<ResolversTypes['AbsenceNote'], ParentType, ContextType, RequireFields<MutationSubmitAbsenceNoteArgs, 'input'>>;
  substituteLesson?: Resolver<ResolversTypes['Lesson'], ParentType, ContextType, RequireFields<MutationSubstituteLessonArgs, 'input'>>;
  unlockAccount?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationUnlockAccountArgs, 'input'>>;
  unlockLogin?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationUnlockLoginArgs, 'userId'>>;
  updateAcademicYear?: Resolver<ResolversTypes['AcademicYear'], ParentType, ContextType, RequireFields<MutationUpdateAcademicYearArgs, 'input'>>;
  updateBell?: Resolver<ResolversTypes['Bell'], ParentType, ContextType, RequireFields<MutationUpdateBellArgs, 'input'>>;
  updateClass?: Resolver<ResolversTypes['ClassGroup'], ParentType, ContextType, RequireFields<MutationUpdateClassArgs, 'input'>>;
  updateCurriculumItem?: Resolver<ResolversTypes['CurriculumItem'], ParentType, ContextType, RequireFields<MutationUpdateCurriculumItemArgs, 'input'>>;
  updateEmployeeCard?: Resolver<ResolversTypes['EmployeeCard'], ParentType, ContextType, RequireFields<MutationUpdateEmployeeCardArgs, 'input'>>;
  updateGuardianCard?: Resolver<ResolversTypes['GuardianCard'], ParentType, ContextType, RequireFields<MutationUpdateGuardianCardArgs, 'input'>>;
  updateRoom?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationUpdateRoomArgs, 'input'>>;
  updateSchoolEvent?: Resolver<ResolversTypes['SchoolEvent'], ParentType, ContextType, RequireFields<MutationUpdateSchoolEventArgs, 'input'>>;
  updateSchoolSettings?: Resolver<ResolversTypes['School'], ParentType, ContextType, RequireFields<MutationUpdateSchoolSettingsArgs, 'input'>>;
  updateStudentCard?: Resolver<ResolversTypes['StudentCard'], ParentType, ContextType, RequireFields<MutationUpdateStudentCardArgs, 'input'>>;
  updateSubgroup?: Resolver<ResolversTypes['Subgroup'], ParentType, ContextType, RequireFields<MutationUpdateSubgroupArgs, 'input'>>;
  updateSubject?: Resolver<ResolversTypes['Subject'], ParentType, ContextType, RequireFields<MutationUpdateSubjectArgs, 'input'>>;
  updateTeachingAssignment?: Resolver<ResolversTypes['TeachingAssignment'], ParentType, ContextType, RequireFields<MutationUpdateTeachingAssignmentArgs, 'input'>>;
  updateThematicPlanItem?: Resolver<ResolversTypes['ThematicPlanItem'], ParentType, ContextType, RequireFields<MutationUpdateThematicPlanItemArgs, 'input'>>;
  updateTimetableEntry?: Resolver<ResolversTypes['TimetableEntry'], ParentType, ContextType, RequireFields<MutationUpdateTimetableEntryArgs, 'input'>>;
  updateWorkType?: Resolver<ResolversTypes['WorkType'], ParentType, ContextType, RequireFields<MutationUpdateWorkTypeArgs, 'input'>>;
  withdrawConsent?: Resolver<ResolversTypes['PersonalDataConsent'], ParentType, ContextType, RequireFields<MutationWithdrawConsentArgs, 'input'>>;
};

export type NodeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'AcademicYear' | 'Attendance' | 'Bell' | 'ClassGroup' | 'CurriculumItem' | 'Employee' | 'Lesson' | 'Mark' | 'MovedWorkingDay' | 'MovementOrder' | 'PeriodMark' | 'Room' | 'School' | 'SchoolEvent' | 'Student' | 'StudyPeriod' | 'Subgroup' | 'Subject' | 'TeachingAssignment' | 'ThematicPlanItem' | 'TimetableEntry', ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PeriodMarkResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PeriodMark'] = ResolversParentTypes['PeriodMark']> = {
  corrected?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PeriodMarkKind'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  student?: Resolver<ResolversTypes['Student'], ParentType, ContextType>;
  studyPeriod?: Resolver<Maybe<ResolversTypes['StudyPeriod']>, ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['Subject'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PeriodMarkCellResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PeriodMarkCell'] = ResolversParentTypes['PeriodMarkCell']> = {
  corrected?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PeriodMarkKind'], ParentType, ContextType>;
  periodMarkId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  studentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  studyPeriodId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  subjectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PeriodMarkSheetResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PeriodMarkSheet'] = ResolversParentTypes['PeriodMarkSheet']> = {
  classGroupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  classGroupName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  marks?: Resolver<Array<ResolversTypes['PeriodMarkCell']>, ParentType, ContextType>;
  students?: Resolver<Array<ResolversTypes['PeriodMarkSheetStudent']>, ParentType, ContextType>;
  studyPeriodId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  studyPeriodName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subjects?: Resolver<Array<ResolversTypes['PeriodMarkSheetSubject']>, ParentType, ContextType>;
};

export type PeriodMarkSheetStudentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PeriodMarkSheetStudent'] = ResolversParentTypes['PeriodMarkSheetStudent']> = {
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  studentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PeriodMarkSheetSubjectResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PeriodMarkSheetSubject'] = ResolversParentTypes['PeriodMarkSheetSubject']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subjectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PeriodResultsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PeriodResults'] = ResolversParentTypes['PeriodResults']> = {
  academicYearId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  academicYearName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  groupBy?: Resolver<ResolversTypes['ResultsGrouping'], ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['ResultGroup']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PeriodMarkKind'], ParentType, ContextType>;
  onDay?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  pupils?: Resolver<Array<ResolversTypes['PupilResult']>, ParentType, ContextType>;
  qualityFormula?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  schoolId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  schoolName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  studyPeriodId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  studyPeriodName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  successFormula?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['ResultCounts'], ParentType, ContextType>;
};

export type PersonalDataConsentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PersonalDataConsent'] = ResolversParentTypes['PersonalDataConsent']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  document?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  givenByName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  givenByRelation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  givenOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  withdrawnOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
};

export type PersonalDataReadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PersonalDataRead'] = ResolversParentTypes['PersonalDataRead']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cardId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  cardKind?: Resolver<ResolversTypes['PersonCardKind'], ParentType, ContextType>;
  reader?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  readerName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subjectName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  what?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PersonalDataReadConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PersonalDataReadConnection'] = ResolversParentTypes['PersonalDataReadConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PersonalDataReadEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type PersonalDataReadEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PersonalDataReadEdge'] = ResolversParentTypes['PersonalDataReadEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PersonalDataRead'], ParentType, ContextType>;
};

export type PreliminaryPupilResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PreliminaryPupil'] = ResolversParentTypes['PreliminaryPupil']> = {
  category?: Resolver<ResolversTypes['PupilCategory'], ParentType, ContextType>;
  studentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  studentName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subjects?: Resolver<Array<ResolversTypes['HeadingForMark']>, ParentType, ContextType>;
};

export type PreliminaryReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PreliminaryReport'] = ResolversParentTypes['PreliminaryReport']> = {
  classGroupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  classGroupName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  excellent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  formula?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  good?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  notAttested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onDay?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  pupils?: Resolver<Array<ResolversTypes['PreliminaryPupil']>, ParentType, ContextType>;
  satisfactory?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  studyPeriodId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  studyPeriodName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProgressMarkResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ProgressMark'] = ResolversParentTypes['ProgressMark']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  subjectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  workTypeName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PupilAbsencesResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PupilAbsences'] = ResolversParentTypes['PupilAbsences']> = {
  absentLessons?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  excused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  illness?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lateLessons?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  studentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  unexcused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unknown?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PupilResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PupilResult'] = ResolversParentTypes['PupilResult']> = {
  category?: Resolver<ResolversTypes['PupilCategory'], ParentType, ContextType>;
  classGroupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  classGroupName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  marks?: Resolver<Array<ResolversTypes['PupilSubjectMark']>, ParentType, ContextType>;
  studentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  studentName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PupilSubjectMarkResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PupilSubjectMark'] = ResolversParentTypes['PupilSubjectMark']> = {
  subjectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subjectName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PushPreferencesResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PushPreferences'] = ResolversParentTypes['PushPreferences']> = {
  eventTypes?: Resolver<Maybe<Array<ResolversTypes['DiaryEventType']>>, ParentType, ContextType>;
  quietHoursEnd?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  quietHoursMode?: Resolver<ResolversTypes['QuietHoursMode'], ParentType, ContextType>;
  quietHoursStart?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  timeZone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PushSubscriptionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PushSubscription'] = ResolversParentTypes['PushSubscription']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  endpoint?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastDeliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  userAgent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  _entities?: Resolver<Array<Maybe<ResolversTypes['_Entity']>>, ParentType, ContextType, RequireFields<Query_EntitiesArgs, 'representations'>>;
  _service?: Resolver<ResolversTypes['_Service'], ParentType, ContextType>;
  absenceNotes?: Resolver<ResolversTypes['AbsenceNoteConnection'], ParentType, ContextType, Partial<QueryAbsenceNotesArgs>>;
  academicYears?: Resolver<Array<ResolversTypes['AcademicYear']>, ParentType, ContextType>;
  accounts?: Resolver<ResolversTypes['AccountConnection'], ParentType, ContextType, Partial<QueryAccountsArgs>>;
  announcements?: Resolver<ResolversTypes['AnnouncementConnection'], ParentType, ContextType, Partial<QueryAnnouncementsArgs>>;
  atRiskReport?: Resolver<ResolversTypes['AtRiskReport'], ParentType, ContextType, RequireFields<QueryAtRiskReportArgs, 'studyPeriodId'>>;
  attendanceSummaryReport?: Resolver<ResolversTypes['AttendanceSummaryReport'], ParentType, ContextType, RequireFields<QueryAttendanceSummaryReportArgs, 'from' | 'to'>>;
  auditLog?: Resolver<ResolversTypes['AuditEntryConnection'], ParentType, ContextType, Partial<QueryAuditLogArgs>>;
  bells?: Resolver<Array<ResolversTypes['Bell']>, ParentType, ContextType>;
  cardsLackingConsent?: Resolver<ResolversTypes['CardLackingConsentConnection'], ParentType, ContextType, Partial<QueryCardsLackingConsentArgs>>;
  classFillBySchoolReport?: Resolver<Array<ResolversTypes['SchoolClassFill']>, ParentType, ContextType, Partial<QueryClassFillBySchoolReportArgs>>;
  classFillReport?: Resolver<ResolversTypes['ClassFillReport'], ParentType, ContextType, Partial<QueryClassFillReportArgs>>;
  classGroups?: Resolver<Array<ResolversTypes['ClassGroup']>, ParentType, ContextType, RequireFields<QueryClassGroupsArgs, 'includeClosed' | 'yearId'>>;
  classJournal?: Resolver<ResolversTypes['ClassJournal'], ParentType, ContextType, RequireFields<QueryClassJournalArgs, 'classGroupId' | 'from' | 'subjectId' | 'to'>>;
  classMarkSheetReport?: Resolver<ResolversTypes['ClassMarkSheet'], ParentType, ContextType, RequireFields<QueryClassMarkSheetReportArgs, 'classGroupId'>>;
  classPeriodResultsReport?: Resolver<ResolversTypes['PeriodResults'], ParentType, ContextType, RequireFields<QueryClassPeriodResultsReportArgs, 'classGroupId' | 'kind'>>;
  classTeacherPeriodReport?: Resolver<ResolversTypes['ClassTeacherPeriodReport'], ParentType, ContextType, RequireFields<QueryClassTeacherPeriodReportArgs, 'classGroupId' | 'kind'>>;
  classTeachersSummaryReport?: Resolver<ResolversTypes['ClassTeachersSummary'], ParentType, ContextType, RequireFields<QueryClassTeachersSummaryReportArgs, 'kind'>>;
  classTermReport?: Resolver<ResolversTypes['TermReport'], ParentType, ContextType, RequireFields<QueryClassTermReportArgs, 'classGroupId'>>;
  classWeekAcknowledgements?: Resolver<Array<ResolversTypes['ClassWeekAcknowledgement']>, ParentType, ContextType, RequireFields<QueryClassWeekAcknowledgementsArgs, 'classGroupId' | 'weekStartsOn'>>;
  conversation?: Resolver<ResolversTypes['Conversation'], ParentType, ContextType, RequireFields<QueryConversationArgs, 'id'>>;
  conversations?: Resolver<ResolversTypes['ConversationConnection'], ParentType, ContextType, Partial<QueryConversationsArgs>>;
  curriculum?: Resolver<Array<ResolversTypes['CurriculumItem']>, ParentType, ContextType, RequireFields<QueryCurriculumArgs, 'classGroupId'>>;
  diary?: Resolver<Array<ResolversTypes['DiaryDay']>, ParentType, ContextType, RequireFields<QueryDiaryArgs, 'from' | 'studentId' | 'to'>>;
  employeeCards?: Resolver<Array<ResolversTypes['EmployeeCard']>, ParentType, ContextType, Partial<QueryEmployeeCardsArgs>>;
  guardianCard?: Resolver<ResolversTypes['GuardianCard'], ParentType, ContextType, RequireFields<QueryGuardianCardArgs, 'id'>>;
  journalCompletenessReport?: Resolver<ResolversTypes['JournalCompletenessReport'], ParentType, ContextType, RequireFields<QueryJournalCompletenessReportArgs, 'from' | 'to'>>;
  knowledgeQualityReport?: Resolver<ResolversTypes['PeriodResults'], ParentType, ContextType, RequireFields<QueryKnowledgeQualityReportArgs, 'kind'>>;
  lateEntryPermits?: Resolver<Array<ResolversTypes['LateEntryPermit']>, ParentType, ContextType, Partial<QueryLateEntryPermitsArgs>>;
  markTimelinessReport?: Resolver<ResolversTypes['MarkTimelinessReport'], ParentType, ContextType, RequireFields<QueryMarkTimelinessReportArgs, 'from' | 'to'>>;
  me?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
  messageRecipients?: Resolver<Array<ResolversTypes['MessageRecipient']>, ParentType, ContextType, Partial<QueryMessageRecipientsArgs>>;
  movementOrders?: Resolver<ResolversTypes['MovementOrderConnection'], ParentType, ContextType, RequireFields<QueryMovementOrdersArgs, 'from' | 'to'>>;
  movementSummaryBySchoolReport?: Resolver<Array<ResolversTypes['SchoolMovementSummary']>, ParentType, ContextType, RequireFields<QueryMovementSummaryBySchoolReportArgs, 'from' | 'to'>>;
  movementSummaryReport?: Resolver<ResolversTypes['MovementSummaryReport'], ParentType, ContextType, RequireFields<QueryMovementSummaryReportArgs, 'from' | 'to'>>;
  myApps?: Resolver<Array<ResolversTypes['AuthorizedApp']>, ParentType, ContextType>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  periodMarkSheet?: Resolver<ResolversTypes['PeriodMarkSheet'], ParentType, ContextType, RequireFields<QueryPeriodMarkSheetArgs, 'classGroupId'>>;
  periodResults?: Resolver<ResolversTypes['PeriodResults'], ParentType, ContextType, RequireFields<QueryPeriodResultsArgs, 'groupBy' | 'kind'>>;
  personalDataLog?: Resolver<ResolversTypes['PersonalDataReadConnection'], ParentType, ContextType, Partial<QueryPersonalDataLogArgs>>;
  preliminaryClassReport?: Resolver<ResolversTypes['PreliminaryReport'], ParentType, ContextType, RequireFields<QueryPreliminaryClassReportArgs, 'classGroupId' | 'studyPeriodId'>>;
  pushPreferences?: Resolver<ResolversTypes['PushPreferences'], ParentType, ContextType>;
  pushPublicKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pushSubscriptions?: Resolver<Array<ResolversTypes['PushSubscription']>, ParentType, ContextType>;
  reportCardReport?: Resolver<ResolversTypes['ReportCard'], ParentType, ContextType, RequireFields<QueryReportCardReportArgs, 'studentId' | 'studyPeriodId'>>;
  reportConstructor?: Resolver<ResolversTypes['ConstructorReport'], ParentType, ContextType, RequireFields<QueryReportConstructorArgs, 'dimensions' | 'first' | 'from' | 'measures' | 'to'>>;
  rolloverPreview?: Resolver<ResolversTypes['RolloverPreview'], ParentType, ContextType, RequireFields<QueryRolloverPreviewArgs, 'input'>>;
  rooms?: Resolver<Array<ResolversTypes['Room']>, ParentType, ContextType>;
  schoolEvents?: Resolver<Array<ResolversTypes['SchoolEvent']>, ParentType, ContextType, RequireFields<QuerySchoolEventsArgs, 'from' | 'to'>>;
  schoolJournalAggregatesReport?: Resolver<Array<ResolversTypes['SchoolJournalAggregate']>, ParentType, ContextType, RequireFields<QuerySchoolJournalAggregatesReportArgs, 'from' | 'to'>>;
  schoolPerformanceReport?: Resolver<ResolversTypes['PeriodResults'], ParentType, ContextType, RequireFields<QuerySchoolPerformanceReportArgs, 'kind'>>;
  schoolSettings?: Resolver<ResolversTypes['School'], ParentType, ContextType, Partial<QuerySchoolSettingsArgs>>;
  schoolTermReport?: Resolver<ResolversTypes['TermReport'], ParentType, ContextType, Partial<QuerySchoolTermReportArgs>>;
  searchMessages?: Resolver<ResolversTypes['MessageConnection'], ParentType, ContextType, RequireFields<QuerySearchMessagesArgs, 'query'>>;
  student?: Resolver<Maybe<ResolversTypes['Student']>, ParentType, ContextType, RequireFields<QueryStudentArgs, 'id'>>;
  studentAverageReport?: Resolver<ResolversTypes['StudentAverageReport'], ParentType, ContextType, RequireFields<QueryStudentAverageReportArgs, 'studentId'>>;
  studentCard?: Resolver<ResolversTypes['StudentCard'], ParentType, ContextType, RequireFields<QueryStudentCardArgs, 'id'>>;
  studentCards?: Resolver<Array<ResolversTypes['StudentCard']>, ParentType, ContextType, RequireFields<QueryStudentCardsArgs, 'classGroupId'>>;
  studentMovementHistory?: Resolver<Array<ResolversTypes['MovementOrder']>, ParentType, ContextType, RequireFields<QueryStudentMovementHistoryArgs, 'studentId'>>;
  studentProgressReport?: Resolver<ResolversTypes['StudentProgressReport'], ParentType, ContextType, RequireFields<QueryStudentProgressReportArgs, 'studentId' | 'studyPeriodId'>>;
  subgroups?: Resolver<Array<ResolversTypes['Subgroup']>, ParentType, ContextType, RequireFields<QuerySubgroupsArgs, 'classGroupId'>>;
  subjectTeacherReport?: Resolver<ResolversTypes['SubjectTeacherReport'], ParentType, ContextType, RequireFields<QuerySubjectTeacherReportArgs, 'kind'>>;
  subjects?: Resolver<Array<ResolversTypes['Subject']>, ParentType, ContextType>;
  teachingAssignments?: Resolver<Array<ResolversTypes['TeachingAssignment']>, ParentType, ContextType, Partial<QueryTeachingAssignmentsArgs>>;
  thematicPlan?: Resolver<Array<ResolversTypes['ThematicPlanItem']>, ParentType, ContextType, RequireFields<QueryThematicPlanArgs, 'classGroupId' | 'subjectId'>>;
  timetable?: Resolver<Array<ResolversTypes['TimetableEntry']>, ParentType, ContextType, Partial<QueryTimetableArgs>>;
  unreadMessageCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  userActivityBySchoolReport?: Resolver<Array<ResolversTypes['SchoolUserActivity']>, ParentType, ContextType, RequireFields<QueryUserActivityBySchoolReportArgs, 'from' | 'to'>>;
  userActivityReport?: Resolver<ResolversTypes['UserActivityReport'], ParentType, ContextType, RequireFields<QueryUserActivityReportArgs, 'from' | 'to'>>;
  verifyDocument?: Resolver<ResolversTypes['VerifiedDocument'], ParentType, ContextType, RequireFields<QueryVerifyDocumentArgs, 'sha256'>>;
  weightedAverageReport?: Resolver<ResolversTypes['WeightedAverageReport'], ParentType, ContextType, RequireFields<QueryWeightedAverageReportArgs, 'classGroupId' | 'studyPeriodId'>>;
  workTypes?: Resolver<Array<ResolversTypes['WorkType']>, ParentType, ContextType>;
  yearReportCard?: Resolver<ResolversTypes['YearCardSet'], ParentType, ContextType, RequireFields<QueryYearReportCardArgs, 'studentId'>>;
  yearTransitionReport?: Resolver<Array<ResolversTypes['YearTransitionRow']>, ParentType, ContextType, Partial<QueryYearTransitionReportArgs>>;
};

export type ReasonCountResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ReasonCount'] = ResolversParentTypes['ReasonCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AttendanceKind'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['AbsenceReason'], ParentType, ContextType>;
};

export type RegisteredAppResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['RegisteredApp'] = ResolversParentTypes['RegisteredApp']> = {
  clientId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rateLimitPerMinute?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  redirectUris?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  trustedDocumentsOnly?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  webhookUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ReportCardResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ReportCard'] = ResolversParentTypes['ReportCard']> = {
  absences?: Resolver<ResolversTypes['ReportCardAbsences'], ParentType, ContextType>;
  classGroupName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  studentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  studentName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  studyPeriodId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  studyPeriodName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subjects?: Resolver<Array<ResolversTypes['ReportCardSubject']>, ParentType, ContextType>;
};

export type ReportCardAbsencesResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ReportCardAbsences'] = ResolversParentTypes['ReportCardAbsences']> = {
  absentLessons?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  excused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  illness?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lateLessons?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unexcused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unknown?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReportCardSubjectResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ReportCardSubject'] = ResolversParentTypes['ReportCardSubject']> = {
  average?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  marks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  periodMark?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subjectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subjectName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weightedAverage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  yearMark?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ResultCountsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ResultCounts'] = ResolversParentTypes['ResultCounts']> = {
  attested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  excellent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  good?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  missingMarks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  notAttested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  notAttestedMark?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  oneFour?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  oneThree?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pupils?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  qualityPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  satisfactory?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  successPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type ResultGroupResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ResultGroup'] = ResolversParentTypes['ResultGroup']> = {
  attested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  classGroupId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  classGroupName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  classTeacherName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  excellent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  good?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  grade?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  missingMarks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  notAttested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  notAttestedMark?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  oneFour?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  oneThree?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pupils?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  qualityPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  satisfactory?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subjectId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  subjectName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  successPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  teacherId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  teacherName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RoleActivityResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['RoleActivity'] = ResolversParentTypes['RoleActivity']> = {
  activeUsers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  logins?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  users?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  writes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RolloverClassResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['RolloverClass'] = ResolversParentTypes['RolloverClass']> = {
  classTeacher?: Resolver<Maybe<ResolversTypes['Employee']>, ParentType, ContextType>;
  fromClass?: Resolver<Maybe<ResolversTypes['ClassGroup']>, ParentType, ContextType>;
  grade?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  students?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RolloverPreviewResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['RolloverPreview'] = ResolversParentTypes['RolloverPreview']> = {
  canApply?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  classes?: Resolver<Array<ResolversTypes['RolloverClass']>, ParentType, ContextType>;
  curriculumItems?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  endsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  graduating?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  promoted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  promotedConditionally?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  repeating?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  students?: Resolver<Array<ResolversTypes['RolloverStudent']>, ParentType, ContextType>;
  subgroups?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  teachingAssignments?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  undecided?: Resolver<Array<ResolversTypes['Student']>, ParentType, ContextType>;
};

export type RolloverStudentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['RolloverStudent'] = ResolversParentTypes['RolloverStudent']> = {
  decision?: Resolver<Maybe<ResolversTypes['RolloverDecision']>, ParentType, ContextType>;
  fromClass?: Resolver<ResolversTypes['ClassGroup'], ParentType, ContextType>;
  orderNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  student?: Resolver<ResolversTypes['Student'], ParentType, ContextType>;
  toClassName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RoomResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Room'] = ResolversParentTypes['Room']> = {
  capacity?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SchoolResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['School'] = ResolversParentTypes['School'], FederationReferenceType extends FederationReferenceTypes['School'] = FederationReferenceTypes['School']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['School']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SchoolClassFillResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SchoolClassFill'] = ResolversParentTypes['SchoolClassFill']> = {
  capacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  grades?: Resolver<Array<ResolversTypes['GradeFill']>, ParentType, ContextType>;
  norm?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  school?: Resolver<ResolversTypes['School'], ParentType, ContextType>;
  students?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SchoolEventResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SchoolEvent'] = ResolversParentTypes['SchoolEvent']> = {
  cancelReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cancelled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  classGroup?: Resolver<Maybe<ResolversTypes['ClassGroup']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endsAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  place?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startsAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SchoolJournalAggregateResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SchoolJournalAggregate'] = ResolversParentTypes['SchoolJournalAggregate']> = {
  absences?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  atRiskPairs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  atRiskStudents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  atRiskStudyPeriodName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  averageMark?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  excused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  illness?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lateMarks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lateShare?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lessons?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lessonsMissingAttendance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lessonsMissingHomework?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lessonsMissingTopic?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  marks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  schoolId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  schoolName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unexcused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unknownReason?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  weightedAverageMark?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type SchoolMovementSummaryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SchoolMovementSummary'] = ResolversParentTypes['SchoolMovementSummary']> = {
  arrivals?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  byType?: Resolver<Array<ResolversTypes['MovementTypeCount']>, ParentType, ContextType>;
  departures?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  school?: Resolver<ResolversTypes['School'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type SchoolUserActivityResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SchoolUserActivity'] = ResolversParentTypes['SchoolUserActivity']> = {
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['RoleActivity']>, ParentType, ContextType>;
  school?: Resolver<ResolversTypes['School'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  weeks?: Resolver<Array<ResolversTypes['WeekActivity']>, ParentType, ContextType>;
};

export type StartingCredentialResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['StartingCredential'] = ResolversParentTypes['StartingCredential']> = {
  login?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sourcedId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startingPassword?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type StudentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Student'] = ResolversParentTypes['Student'], FederationReferenceType extends FederationReferenceTypes['Student'] = FederationReferenceTypes['Student']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Student']> | FederationReferenceType, FederationReferenceType, ContextType>;
  attendance?: Resolver<ResolversTypes['AttendanceConnection'], ParentType, ContextType, Partial<StudentAttendanceArgs>>;
  classGroup?: Resolver<Maybe<ResolversTypes['ClassGroup']>, ParentType, ContextType>;
  educationForm?: Resolver<Maybe<ResolversTypes['EducationForm']>, ParentType, ContextType>;
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  marks?: Resolver<ResolversTypes['MarkConnection'], ParentType, ContextType, Partial<StudentMarksArgs>>;
  periodMarks?: Resolver<Array<ResolversTypes['PeriodMark']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StudentAttendanceRowResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['StudentAttendanceRow'] = ResolversParentTypes['StudentAttendanceRow']> = {
  absent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  late?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  studentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  studentName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unexcused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type StudentAverageReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['StudentAverageReport'] = ResolversParentTypes['StudentAverageReport']> = {
  average?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  marks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  periods?: Resolver<Array<ResolversTypes['AveragePoint']>, ParentType, ContextType>;
  studentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  studentName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subjectId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  trend?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  weeks?: Resolver<Array<ResolversTypes['AveragePoint']>, ParentType, ContextType>;
  weightedAverage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type StudentCardResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['StudentCard'] = ResolversParentTypes['StudentCard']> = {
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  birthDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  consents?: Resolver<Array<ResolversTypes['PersonalDataConsent']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  gender?: Resolver<Maybe<ResolversTypes['Gender']>, ParentType, ContextType>;
  guardians?: Resolver<Array<ResolversTypes['Guardianship']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identityDocumentKind?: Resolver<Maybe<ResolversTypes['IdentityDocumentKind']>, ParentType, ContextType>;
  identityDocumentNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  middleName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  personalDataConsentAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  snils?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  student?: Resolver<ResolversTypes['Student'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type StudentProgressReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['StudentProgressReport'] = ResolversParentTypes['StudentProgressReport']> = {
  card?: Resolver<ResolversTypes['ReportCard'], ParentType, ContextType>;
  marks?: Resolver<Array<ResolversTypes['ProgressMark']>, ParentType, ContextType>;
};

export type StudyPeriodResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['StudyPeriod'] = ResolversParentTypes['StudyPeriod']> = {
  endsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  gradeFrom?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  gradeTo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StudyPeriodKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ordinal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SubgroupResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Subgroup'] = ResolversParentTypes['Subgroup']> = {
  classGroup?: Resolver<ResolversTypes['ClassGroup'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['Student']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['Subject'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SubjectResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Subject'] = ResolversParentTypes['Subject'], FederationReferenceType extends FederationReferenceTypes['Subject'] = FederationReferenceTypes['Subject']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Subject']> | FederationReferenceType, FederationReferenceType, ContextType>;
  gradingScale?: Resolver<ResolversTypes['GradingScale'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SubjectTeacherReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SubjectTeacherReport'] = ResolversParentTypes['SubjectTeacherReport']> = {
  coverage?: Resolver<Array<ResolversTypes['CoverageRow']>, ParentType, ContextType>;
  results?: Resolver<ResolversTypes['PeriodResults'], ParentType, ContextType>;
  teacherId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  teacherName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  diaryEvents?: SubscriptionResolver<ResolversTypes['DiaryEvent'], "diaryEvents", ParentType, ContextType, Partial<SubscriptionDiaryEventsArgs>>;
  inboxEvents?: SubscriptionResolver<ResolversTypes['InboxEvent'], "inboxEvents", ParentType, ContextType, Partial<SubscriptionInboxEventsArgs>>;
};

export type TeachingAssignmentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TeachingAssignment'] = ResolversParentTypes['TeachingAssignment']> = {
  classGroup?: Resolver<ResolversTypes['ClassGroup'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subgroup?: Resolver<Maybe<ResolversTypes['Subgroup']>, ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['Subject'], ParentType, ContextType>;
  teacher?: Resolver<ResolversTypes['Employee'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TermReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TermReport'] = ResolversParentTypes['TermReport']> = {
  classGroupName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['TermReportRow']>, ParentType, ContextType>;
  schoolId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  schoolName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TermReportRowResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TermReportRow'] = ResolversParentTypes['TermReportRow']> = {
  academicYearName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  average?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  gradedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  marksCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  qualityPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  studyPeriodId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  studyPeriodName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  studyPeriodOrdinal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subjectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subjectName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  successPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  weightedAverage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type ThematicPlanItemResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ThematicPlanItem'] = ResolversParentTypes['ThematicPlanItem']> = {
  classGroup?: Resolver<ResolversTypes['ClassGroup'], ParentType, ContextType>;
  hours?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ordinal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  plannedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  subgroup?: Resolver<Maybe<ResolversTypes['Subgroup']>, ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['Subject'], ParentType, ContextType>;
  teacher?: Resolver<ResolversTypes['Employee'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TimetableEntryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TimetableEntry'] = ResolversParentTypes['TimetableEntry']> = {
  bellNumber?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  classGroup?: Resolver<ResolversTypes['ClassGroup'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  room?: Resolver<Maybe<ResolversTypes['Room']>, ParentType, ContextType>;
  shift?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subgroup?: Resolver<Maybe<ResolversTypes['Subgroup']>, ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['Subject'], ParentType, ContextType>;
  teacher?: Resolver<ResolversTypes['Employee'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  weekday?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UserResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  login?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserActivityResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['UserActivity'] = ResolversParentTypes['UserActivity']> = {
  fullName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastLoginAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  logins?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  writes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UserActivityReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['UserActivityReport'] = ResolversParentTypes['UserActivityReport']> = {
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['RoleActivity']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  users?: Resolver<Array<ResolversTypes['UserActivity']>, ParentType, ContextType>;
  weeks?: Resolver<Array<ResolversTypes['WeekActivity']>, ParentType, ContextType>;
};

export type VerifiedDocumentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['VerifiedDocument'] = ResolversParentTypes['VerifiedDocument']> = {
  contentSha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fileSha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DocumentKind'], ParentType, ContextType>;
  madeAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  madeBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pages?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  size?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  children?: Resolver<Array<ResolversTypes['Student']>, ParentType, ContextType>;
  employee?: Resolver<Maybe<ResolversTypes['Employee']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  student?: Resolver<Maybe<ResolversTypes['Student']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type WeekAcknowledgementResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['WeekAcknowledgement'] = ResolversParentTypes['WeekAcknowledgement']> = {
  acknowledgedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  guardianName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WeekActivityResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['WeekActivity'] = ResolversParentTypes['WeekActivity']> = {
  activeUsers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  logins?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  weekStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  writes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WeightedAverageReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['WeightedAverageReport'] = ResolversParentTypes['WeightedAverageReport']> = {
  classGroupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  classGroupName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  formula?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['WeightedAverageRow']>, ParentType, ContextType>;
  studyPeriodId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  studyPeriodName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WeightedAverageRowResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['WeightedAverageRow'] = ResolversParentTypes['WeightedAverageRow']> = {
  average?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  marks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  studentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  studentName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subjectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subjectName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weightedAverage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type WorkTypeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['WorkType'] = ResolversParentTypes['WorkType']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  retiredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type YearCardResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['YearCard'] = ResolversParentTypes['YearCard']> = {
  classGroupName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  studentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  studentName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subjects?: Resolver<Array<ResolversTypes['YearCardSubject']>, ParentType, ContextType>;
};

export type YearCardPeriodResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['YearCardPeriod'] = ResolversParentTypes['YearCardPeriod']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ordinal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  studyPeriodId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type YearCardPeriodMarkResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['YearCardPeriodMark'] = ResolversParentTypes['YearCardPeriodMark']> = {
  studyPeriodId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type YearCardSetResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['YearCardSet'] = ResolversParentTypes['YearCardSet']> = {
  academicYearId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  academicYearName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cards?: Resolver<Array<ResolversTypes['YearCard']>, ParentType, ContextType>;
  periods?: Resolver<Array<ResolversTypes['YearCardPeriod']>, ParentType, ContextType>;
};

export type YearCardSubjectResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['YearCardSubject'] = ResolversParentTypes['YearCardSubject']> = {
  examMark?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finalMark?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  periods?: Resolver<Array<ResolversTypes['YearCardPeriodMark']>, ParentType, ContextType>;
  subjectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subjectName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  yearMark?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type YearTransitionRowResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['YearTransitionRow'] = ResolversParentTypes['YearTransitionRow']> = {
  completed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  currentYearName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  currentYearState?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  graduated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nextYearClasses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nextYearClassesContinued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nextYearClassesWithoutClassTeacher?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nextYearCurriculumItems?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nextYearName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nextYearState?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nextYearStudyPeriods?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nextYearTeachingAssignments?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  promoted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  promotedConditionally?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pupils?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  repeating?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  schoolId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  schoolName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  undecided?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  withdrawn?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface _AnyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['_Any'], any> {
  name: '_Any';
}

export type _EntityResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['_Entity'] = ResolversParentTypes['_Entity']> = {
  __resolveType: TypeResolveFn<'ClassGroup' | 'Employee' | 'Lesson' | 'Mark' | 'School' | 'Student' | 'Subject', ParentType, ContextType>;
};

export type _ServiceResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['_Service'] = ResolversParentTypes['_Service']> = {
  sdl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface Federation__FieldSetScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['federation__FieldSet'], any> {
  name: 'federation__FieldSet';
}

export interface Federation__PolicyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['federation__Policy'], any> {
  name: 'federation__Policy';
}

export interface Federation__ScopeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['federation__Scope'], any> {
  name: 'federation__Scope';
}

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export type Resolvers<ContextType = RequestContext> = {
  AbsenceCounts?: AbsenceCountsResolvers<ContextType>;
  AbsenceNote?: AbsenceNoteResolvers<ContextType>;
  AbsenceNoteConnection?: AbsenceNoteConnectionResolvers<ContextType>;
  AbsenceNoteDocument?: AbsenceNoteDocumentResolvers<ContextType>;
  AbsenceNoteEdge?: AbsenceNoteEdgeResolvers<ContextType>;
  AcademicYear?: AcademicYearResolvers<ContextType>;
  Account?: AccountResolvers<ContextType>;
  AccountConnection?: AccountConnectionResolvers<ContextType>;
  AccountEdge?: AccountEdgeResolvers<ContextType>;
  AccountRole?: AccountRoleResolvers<ContextType>;
  Announcement?: AnnouncementResolvers<ContextType>;
  AnnouncementConnection?: AnnouncementConnectionResolvers<ContextType>;
  AnnouncementEdge?: AnnouncementEdgeResolvers<ContextType>;
  AtRiskReport?: AtRiskReportResolvers<ContextType>;
  AtRiskStudent?: AtRiskStudentResolvers<ContextType>;
  AtRiskSubject?: AtRiskSubjectResolvers<ContextType>;
  Attendance?: AttendanceResolvers<ContextType>;
  AttendanceConnection?: AttendanceConnectionResolvers<ContextType>;
  AttendanceEdge?: AttendanceEdgeResolvers<ContextType>;
  AttendanceSummaryReport?: AttendanceSummaryReportResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryConnection?: AuditEntryConnectionResolvers<ContextType>;
  AuditEntryEdge?: AuditEntryEdgeResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  AuthorizedApp?: AuthorizedAppResolvers<ContextType>;
  AveragePoint?: AveragePointResolvers<ContextType>;
  Bell?: BellResolvers<ContextType>;
  CardLackingConsent?: CardLackingConsentResolvers<ContextType>;
  CardLackingConsentConnection?: CardLackingConsentConnectionResolvers<ContextType>;
  CardLackingConsentEdge?: CardLackingConsentEdgeResolvers<ContextType>;
  ClassAbsences?: ClassAbsencesResolvers<ContextType>;
  ClassAttendanceRow?: ClassAttendanceRowResolvers<ContextType>;
  ClassFill?: ClassFillResolvers<ContextType>;
  ClassFillReport?: ClassFillReportResolvers<ContextType>;
  ClassGroup?: ClassGroupResolvers<ContextType>;
  ClassJournal?: ClassJournalResolvers<ContextType>;
  ClassMarkSheet?: ClassMarkSheetResolvers<ContextType>;
  ClassMovement?: ClassMovementResolvers<ContextType>;
  ClassTeacherPeriodReport?: ClassTeacherPeriodReportResolvers<ContextType>;
  ClassTeachersSummary?: ClassTeachersSummaryResolvers<ContextType>;
  ClassWeekAcknowledgement?: ClassWeekAcknowledgementResolvers<ContextType>;
  ConstructorAbsences?: ConstructorAbsencesResolvers<ContextType>;
  ConstructorKey?: ConstructorKeyResolvers<ContextType>;
  ConstructorReport?: ConstructorReportResolvers<ContextType>;
  ConstructorRow?: ConstructorRowResolvers<ContextType>;
  Conversation?: ConversationResolvers<ContextType>;
  ConversationConnection?: ConversationConnectionResolvers<ContextType>;
  ConversationEdge?: ConversationEdgeResolvers<ContextType>;
  ConversationParticipant?: ConversationParticipantResolvers<ContextType>;
  CoverageRow?: CoverageRowResolvers<ContextType>;
  CurriculumItem?: CurriculumItemResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DiaryDay?: DiaryDayResolvers<ContextType>;
  DiaryEvent?: DiaryEventResolvers<ContextType>;
  DiaryLesson?: DiaryLessonResolvers<ContextType>;
  DocumentDownload?: DocumentDownloadResolvers<ContextType>;
  Employee?: EmployeeResolvers<ContextType>;
  EmployeeCard?: EmployeeCardResolvers<ContextType>;
  EntryError?: EntryErrorResolvers<ContextType>;
  ExportDownload?: ExportDownloadResolvers<ContextType>;
  GenerateLessonsResult?: GenerateLessonsResultResolvers<ContextType>;
  GradeFill?: GradeFillResolvers<ContextType>;
  GuardianCard?: GuardianCardResolvers<ContextType>;
  Guardianship?: GuardianshipResolvers<ContextType>;
  HeadingForMark?: HeadingForMarkResolvers<ContextType>;
  Holiday?: HolidayResolvers<ContextType>;
  ImportFileSummary?: ImportFileSummaryResolvers<ContextType>;
  ImportProblem?: ImportProblemResolvers<ContextType>;
  ImportReport?: ImportReportResolvers<ContextType>;
  ImportRow?: ImportRowResolvers<ContextType>;
  InboxEvent?: InboxEventResolvers<ContextType>;
  IncompleteLesson?: IncompleteLessonResolvers<ContextType>;
  IssuedCredentials?: IssuedCredentialsResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  JournalCompletenessReport?: JournalCompletenessReportResolvers<ContextType>;
  JournalCompletenessRow?: JournalCompletenessRowResolvers<ContextType>;
  LateEntryPermit?: LateEntryPermitResolvers<ContextType>;
  Lesson?: LessonResolvers<ContextType>;
  LessonAbsenceEntryOutcome?: LessonAbsenceEntryOutcomeResolvers<ContextType>;
  LessonEntriesPayload?: LessonEntriesPayloadResolvers<ContextType>;
  LessonMarkEntryOutcome?: LessonMarkEntryOutcomeResolvers<ContextType>;
  Mark?: MarkResolvers<ContextType>;
  MarkConnection?: MarkConnectionResolvers<ContextType>;
  MarkEdge?: MarkEdgeResolvers<ContextType>;
  MarkTimelinessReport?: MarkTimelinessReportResolvers<ContextType>;
  MarkTimelinessRow?: MarkTimelinessRowResolvers<ContextType>;
  MarkVersion?: MarkVersionResolvers<ContextType>;
  Message?: MessageResolvers<ContextType>;
  MessageConnection?: MessageConnectionResolvers<ContextType>;
  MessageEdge?: MessageEdgeResolvers<ContextType>;
  MessageRecipient?: MessageRecipientResolvers<ContextType>;
  MessageVersion?: MessageVersionResolvers<ContextType>;
  MovedWorkingDay?: MovedWorkingDayResolvers<ContextType>;
  MovementOrder?: MovementOrderResolvers<ContextType>;
  MovementOrderConnection?: MovementOrderConnectionResolvers<ContextType>;
  MovementOrderEdge?: MovementOrderEdgeResolvers<ContextType>;
  MovementSummaryReport?: MovementSummaryReportResolvers<ContextType>;
  MovementTypeCount?: MovementTypeCountResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PeriodMark?: PeriodMarkResolvers<ContextType>;
  PeriodMarkCell?: PeriodMarkCellResolvers<ContextType>;
  PeriodMarkSheet?: PeriodMarkSheetResolvers<ContextType>;
  PeriodMarkSheetStudent?: PeriodMarkSheetStudentResolvers<ContextType>;
  PeriodMarkSheetSubject?: PeriodMarkSheetSubjectResolvers<ContextType>;
  PeriodResults?: PeriodResultsResolvers<ContextType>;
  PersonalDataConsent?: PersonalDataConsentResolvers<ContextType>;
  PersonalDataRead?: PersonalDataReadResolvers<ContextType>;
  PersonalDataReadConnection?: PersonalDataReadConnectionResolvers<ContextType>;
  PersonalDataReadEdge?: PersonalDataReadEdgeResolvers<ContextType>;
  PreliminaryPupil?: PreliminaryPupilResolvers<ContextType>;
  PreliminaryReport?: PreliminaryReportResolvers<ContextType>;
  ProgressMark?: ProgressMarkResolvers<ContextType>;
  PupilAbsences?: PupilAbsencesResolvers<ContextType>;
  PupilResult?: PupilResultResolvers<ContextType>;
  PupilSubjectMark?: PupilSubjectMarkResolvers<ContextType>;
  PushPreferences?: PushPreferencesResolvers<ContextType>;
  PushSubscription?: PushSubscriptionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReasonCount?: ReasonCountResolvers<ContextType>;
  RegisteredApp?: RegisteredAppResolvers<ContextType>;
  ReportCard?: ReportCardResolvers<ContextType>;
  ReportCardAbsences?: ReportCardAbsencesResolvers<ContextType>;
  ReportCardSubject?: ReportCardSubjectResolvers<ContextType>;
  ResultCounts?: ResultCountsResolvers<ContextType>;
  ResultGroup?: ResultGroupResolvers<ContextType>;
  RoleActivity?: RoleActivityResolvers<ContextType>;
  RolloverClass?: RolloverClassResolvers<ContextType>;
  RolloverPreview?: RolloverPreviewResolvers<ContextType>;
  RolloverStudent?: RolloverStudentResolvers<ContextType>;
  Room?: RoomResolvers<ContextType>;
  School?: SchoolResolvers<ContextType>;
  SchoolClassFill?: SchoolClassFillResolvers<ContextType>;
  SchoolEvent?: SchoolEventResolvers<ContextType>;
  SchoolJournalAggregate?: SchoolJournalAggregateResolvers<ContextType>;
  SchoolMovementSummary?: SchoolMovementSummaryResolvers<ContextType>;
  SchoolUserActivity?: SchoolUserActivityResolvers<ContextType>;
  StartingCredential?: StartingCredentialResolvers<ContextType>;
  Student?: StudentResolvers<ContextType>;
  StudentAttendanceRow?: StudentAttendanceRowResolvers<ContextType>;
  StudentAverageReport?: StudentAverageReportResolvers<ContextType>;
  StudentCard?: StudentCardResolvers<ContextType>;
  StudentProgressReport?: StudentProgressReportResolvers<ContextType>;
  StudyPeriod?: StudyPeriodResolvers<ContextType>;
  Subgroup?: SubgroupResolvers<ContextType>;
  Subject?: SubjectResolvers<ContextType>;
  SubjectTeacherReport?: SubjectTeacherReportResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TeachingAssignment?: TeachingAssignmentResolvers<ContextType>;
  TermReport?: TermReportResolvers<ContextType>;
  TermReportRow?: TermReportRowResolvers<ContextType>;
  ThematicPlanItem?: ThematicPlanItemResolvers<ContextType>;
  TimetableEntry?: TimetableEntryResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserActivity?: UserActivityResolvers<ContextType>;
  UserActivityReport?: UserActivityReportResolvers<ContextType>;
  VerifiedDocument?: VerifiedDocumentResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
  WeekAcknowledgement?: WeekAcknowledgementResolvers<ContextType>;
  WeekActivity?: WeekActivityResolvers<ContextType>;
  WeightedAverageReport?: WeightedAverageReportResolvers<ContextType>;
  WeightedAverageRow?: WeightedAverageRowResolvers<ContextType>;
  WorkType?: WorkTypeResolvers<ContextType>;
  YearCard?: YearCardResolvers<ContextType>;
  YearCardPeriod?: YearCardPeriodResolvers<ContextType>;
  YearCardPeriodMark?: YearCardPeriodMarkResolvers<ContextType>;
  YearCardSet?: YearCardSetResolvers<ContextType>;
  YearCardSubject?: YearCardSubjectResolvers<ContextType>;
  YearTransitionRow?: YearTransitionRowResolvers<ContextType>;
  _Any?: GraphQLScalarType;
  _Entity?: _EntityResolvers<ContextType>;
  _Service?: _ServiceResolvers<ContextType>;
  federation__FieldSet?: GraphQLScalarType;
  federation__Policy?: GraphQLScalarType;
  federation__Scope?: GraphQLScalarType;
  link__Import?: GraphQLScalarType;
};

export type DirectiveResolvers<ContextType = RequestContext> = {
  federation__authenticated?: Federation__AuthenticatedDirectiveResolver<any, any, ContextType>;
  federation__composeDirective?: Federation__ComposeDirectiveDirectiveResolver<any, any, ContextType>;
  federation__extends?: Federation__ExtendsDirectiveResolver<any, any, ContextType>;
  federation__external?: Federation__ExternalDirectiveResolver<any, any, ContextType>;
  federation__inaccessible?: Federation__InaccessibleDirectiveResolver<any, any, ContextType>;
  federation__interfaceObject?: Federation__InterfaceObjectDirectiveResolver<any, any, ContextType>;
  federation__override?: Federation__OverrideDirectiveResolver<any, any, ContextType>;
  federation__policy?: Federation__PolicyDirectiveResolver<any, any, ContextType>;
  federation__provides?: Federation__ProvidesDirectiveResolver<any, any, ContextType>;
  federation__requires?: Federation__RequiresDirectiveResolver<any, any, ContextType>;
  federation__requiresScopes?: Federation__RequiresScopesDirectiveResolver<any, any, ContextType>;
  federation__shareable?: Federation__ShareableDirectiveResolver<any, any, ContextType>;
  federation__tag?: Federation__TagDirectiveResolver<any, any, ContextType>;
  link?: LinkDirectiveResolver<any, any, ContextType>;
};
