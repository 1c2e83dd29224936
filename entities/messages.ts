import { Check, Entity, Enum, Index, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { UuidEntity } from './base';
import { AbsenceReason } from './enums';
import { Guardian, Student, User } from './people';
import { ClassGroup } from './school-structure';
import { School } from './tenancy';

/**
 * Talking with families (issue 15, DOMAIN.md "Talking with families"). A conversation is of one
 * school; with a student it is about that student (the family side: the student and their
 * parents; the staff side: their teachers, class teacher and the administration), without one it
 * is among the school's staff. Who may take part is judged at read time through the ties
 * (permissions/messaging.ts): a participant row says who joined, never that they still may.
 */
@Entity()
@Index({ properties: ['school', 'lastMessageAt'] })
export class Conversation extends UuidEntity {
  @ManyToOne(() => School)
  school!: School;

  /** The student the conversation is about; null: among staff. */
  @ManyToOne(() => Student, { nullable: true })
  student?: Student;

  @Property({ length: 200 })
  subject!: string;

  @ManyToOne(() => User)
  createdBy!: User;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  lastMessageAt!: Date;

  /** Messages so far: the next one is numbered `messageCount + 1` (the row is locked by the send). */
  @Property({ type: 'integer', default: 0 })
  messageCount: Opt<number> = 0;
}

/** A user in a conversation, and how far they have read it (read receipts, unread counts). */
@Entity()
@Unique({ properties: ['conversation', 'user'] })
@Index({ properties: ['user'] })
export class ConversationParticipant extends UuidEntity {
  @ManyToOne(() => Conversation, { deleteRule: 'cascade' })
  conversation!: Conversation;

  @ManyToOne(() => User)
  user!: User;

  @Property({ type: 'datetime' })
  joinedAt!: Date;

  /** The number of the newest message the user has read (`Message.number`); 0: none. */
  @Property({ type: 'integer', default: 0 })
  lastReadNumber: Opt<number> = 0;

  @Property({ type: 'datetime', nullable: true })
  lastReadAt?: Date;
}

/**
 * One message, numbered 1, 2, … in its conversation (the order, and what a read mark points at).
 * Never edited silently: an edit keeps the earlier text as a `MessageVersion` (as marks do).
 */
@Entity()
@Unique({ properties: ['conversation', 'number'] })
@Index({ properties: ['author'] })
@Index({ name: 'message_body_search_index', expression: `create index "message_body_search_index" on "message" using gin (to_tsvector('russian', "body"))` })
export class Message extends UuidEntity {
  @Property({ type: 'integer' })
  number!: number;

  @ManyToOne(() => Conversation, { deleteRule: 'cascade' })
  conversation!: Conversation;

  @ManyToOne(() => User)
  author!: User;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  editedAt?: Date;

  @Property({ type: 'integer', default: 1 })
  revision: Opt<number> = 1;
}

/** An earlier text of an edited message: revision `revision` read `body` from `writtenAt`. */
@Entity()
@Unique({ properties: ['message', 'revision'] })
export class MessageVersion extends UuidEntity {
  @ManyToOne(() => Message, { deleteRule: 'cascade' })
  message!: Message;

  @Property({ type: 'integer' })
  revision!: number;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'datetime' })
  writtenAt!: Date;
}

export enum AnnouncementAudience { SCHOOL = 'SCHOOL', GRADE = 'GRADE', CLASSES = 'CLASSES' }

/**
 * An announcement: the administration to the whole school, a parallel (grade) or chosen classes;
 * a class teacher to their class. Its audience is resolved through the ties at read time
 * (permissions/messaging.ts `announcementAudience`); the live events are materialized from the
 * same function at send time, one per recipient, and re-checked at delivery.
 */
@Entity()
@Index({ properties: ['school', 'createdAt'] })
export class Announcement extends UuidEntity {
  @ManyToOne(() => School)
  school!: School;

  @ManyToOne(() => User)
  author!: User;

  @Enum({ items: () => AnnouncementAudience, nativeEnumName: 'announcement_audience' })
  audience!: AnnouncementAudience;

  /** The parallel of a GRADE announcement. */
  @Property({ type: 'integer', nullable: true })
  grade?: number;

  @Property({ length: 200 })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/** A class a CLASSES announcement is for. */
@Entity()
@Unique({ properties: ['announcement', 'classGroup'] })
@Index({ properties: ['classGroup'] })
export class AnnouncementClass extends UuidEntity {
  @ManyToOne(() => Announcement, { deleteRule: 'cascade' })
  announcement!: Announcement;

  @ManyToOne(() => ClassGroup)
  classGroup!: ClassGroup;
}

/** A recipient has read the announcement (the author's read count). */
@Entity()
@Unique({ properties: ['announcement', 'user'] })
export class AnnouncementRead extends UuidEntity {
  @ManyToOne(() => Announcement, { deleteRule: 'cascade' })
  announcement!: Announcement;

  @ManyToOne(() => User)
  user!: User;

  @Property({ type: 'datetime' })
  readAt!: Date;
}

/** «Ознакомлен»: a parent has seen the child's diary of the week starting on `weekStartsOn` (a Monday). */
@Entity()
@Unique({ properties: ['student', 'guardian', 'weekStartsOn'] })
@Index({ properties: ['student', 'weekStartsOn'] })
export class WeekAcknowledgement extends UuidEntity {
  @ManyToOne(() => School)
  school!: School;

  @ManyToOne(() => Student)
  student!: Student;

  @ManyToOne(() => Guardian)
  guardian!: Guardian;

  @ManyToOne(() => User)
  user!: User;

  @Property({ type: 'date' })
  weekStartsOn!: string;

  @Property({ type: 'datetime' })
  acknowledgedAt!: Date;
}

export enum AbsenceNoteState { SUBMITTED = 'SUBMITTED', ACCEPTED = 'ACCEPTED', DECLINED = 'DECLINED' }

/**
 * A family's note that a child will be or was absent (days, optionally lessons `firstLesson`–
 * `lastLesson` by bell number), with a reason and optionally a scan. The class teacher accepts
 * (the reasons of the covered absences are set through the journal's rule 8 path, and later
 * absences in the span take it as they are recorded) or declines it.
 */
@Entity()
@Index({ properties: ['student', 'startsOn'] })
@Index({ properties: ['school', 'state'] })
@Check({ name: 'absence_note_span', expression: 'ends_on >= starts_on' })
export class AbsenceNote extends UuidEntity {
  @ManyToOne(() => School)
  school!: School;

  @ManyToOne(() => Student)
  student!: Student;

  @ManyToOne(() => User)
  submittedBy!: User;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date' })
  endsOn!: string;

  @Property({ type: 'integer', nullable: true })
  firstLesson?: number;

  @Property({ type: 'integer', nullable: true })
  lastLesson?: number;

  @Enum({ items: () => AbsenceReason, nativeEnumName: 'absence_reason' })
  reason!: AbsenceReason;

  @Property({ type: 'text', nullable: true })
  comment?: string;

  @Property({ length: 255, nullable: true })
  documentName?: string;

  @Property({ length: 50, nullable: true })
  documentType?: string;

  @Property({ type: 'blob', lazy: true, nullable: true })
  documentContent?: Buffer;

  @Enum({ items: () => AbsenceNoteState, nativeEnumName: 'absence_note_state' })
  state: Opt<AbsenceNoteState> = AbsenceNoteState.SUBMITTED;

  @ManyToOne(() => User, { nullable: true })
  decidedBy?: User;

  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date;

  @Property({ type: 'text', nullable: true })
  decisionComment?: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
