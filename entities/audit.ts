import { BigIntType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { DiaryEventType } from './enums';
import { Lesson, Mark, Attendance } from './journal';
import { Student, User } from './people';
import { School } from './tenancy';

/** Who changed what, before and after, when and from where; also reads of personal data (004 §3.1). */
@Entity()
@Index({ properties: ['school', 'at'] })
@Index({ properties: ['entityType', 'entityId'] })
@Index({ properties: ['actor', 'at'] })
export class AuditEntry {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @Property({ type: 'datetime' })
  at!: Date;

  @ManyToOne(() => User, { nullable: true })
  actor?: User;

  @ManyToOne(() => School, { nullable: true })
  school?: School;

  /** "mark.record", "mark.correct", "auth.login", … */
  @Property({ length: 60 })
  action!: string;

  @Property({ length: 60 })
  entityType!: string;

  @Property({ type: 'uuid', nullable: true })
  entityId?: string;

  @Property({ type: 'jsonb', nullable: true })
  before?: unknown;

  @Property({ type: 'jsonb', nullable: true })
  after?: unknown;

  @Property({ length: 64, nullable: true })
  ip?: string;
}

/**
 * The durable outbox of what students and parents are told about. Written in the
 * same transaction as the change it describes, so nothing is ever lost.
 */
@Entity()
@Index({ properties: ['student', 'id'] })
@Index({ properties: ['student', 'position'] })
@Index({ properties: ['recipient', 'position'] })
@Index({ name: 'diary_event_unstamped_index', expression: 'create index "diary_event_unstamped_index" on "diary_event" ("id") where "position" is null' })
export class DiaryEvent {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  /** Delivery order = commit order; stamped just before commit (domain/diary/diary-outbox.ts). */
  @Property({ type: new BigIntType('string'), nullable: true, unique: true })
  position?: string;

  @Enum({ items: () => DiaryEventType, nativeEnumName: 'diary_event_type' })
  type!: DiaryEventType;

  @ManyToOne(() => School)
  school!: School;

  /** The student the event is about (the live diary watches by student); null for an event among staff. */
  @ManyToOne(() => Student, { nullable: true })
  student?: Student;

  /**
   * Addressed to one user (messages, announcements, absence notes; issue 15): delivered to that
   * user only, re-checked at delivery (permissions/messaging.ts), never to the student's watchers.
   */
  @ManyToOne(() => User, { nullable: true })
  recipient?: User;

  @Property({ type: 'uuid', nullable: true })
  messageId?: string;

  @Property({ type: 'uuid', nullable: true })
  announcementId?: string;

  @Property({ type: 'uuid', nullable: true })
  absenceNoteId?: string;

  @ManyToOne(() => Lesson, { nullable: true })
  lesson?: Lesson;

  @ManyToOne(() => Mark, { nullable: true })
  mark?: Mark;

  @ManyToOne(() => Attendance, { nullable: true })
  attendance?: Attendance;

  @Property({ type: 'datetime' })
  occurredAt!: Date;
}

/** Server-wide settings shared by every instance on one database (the token signing key). */
@Entity()
export class AppSetting {
  @PrimaryKey({ length: 60 })
  key!: string;

  @Property({ type: 'text' })
  value!: string;
}
