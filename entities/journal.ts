import { Check, Entity, Enum, Index, ManyToOne, OneToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { UuidEntity, VersionedEntity } from './base';
import { AcademicYear, StudyPeriod } from './calendar';
import { AbsenceReason, AttendanceKind, LessonState, PeriodMarkKind } from './enums';
import { Employee, Student, User } from './people';
import { LateEntryPermit } from './late-entry';
import { ClassGroup, Subgroup, Subject } from './school-structure';
import { School } from './tenancy';
import { Room, TimetableEntry } from './timetable';

@Entity()
@Index({ properties: ['classGroup', 'date'] })
@Index({ properties: ['teacher', 'date'] })
@Index({ properties: ['substituteTeacher', 'date'] })
@Index({ properties: ['timetableEntry'] })
@Index({ properties: ['room', 'date'] })
export class Lesson extends VersionedEntity {
  @ManyToOne(() => School)
  school!: School;

  @ManyToOne(() => ClassGroup)
  classGroup!: ClassGroup;

  /** Set when the lesson is for one subgroup of the class only. */
  @ManyToOne(() => Subgroup, { nullable: true })
  subgroup?: Subgroup;

  @ManyToOne(() => Subject)
  subject!: Subject;

  @ManyToOne(() => Employee)
  teacher!: Employee;

  /** The teacher standing in; they write the journal for this lesson. */
  @ManyToOne(() => Employee, { nullable: true })
  substituteTeacher?: Employee;

  @Property({ type: 'date' })
  date!: string;

  /** Bell number within the day. */
  @Property()
  number!: number;

  /**
   * SCHEDULED → HELD happens on the first journal write, as one conditional update
   * (domain/journal/journal.service.ts markHeld), so first writes at once never fail on `version`.
   */
  @Enum({ items: () => LessonState, nativeEnumName: 'lesson_state' })
  state: Opt<LessonState> = LessonState.SCHEDULED;

  @ManyToOne(() => Room, { nullable: true })
  room?: Room;

  /** The weekly-timetable slot the lesson was generated from; null for one added by hand. */
  @ManyToOne(() => TimetableEntry, { nullable: true })
  timetableEntry?: TimetableEntry;

  /** Why a CANCELLED lesson was cancelled. */
  @Property({ length: 500, nullable: true })
  cancelReason?: string;

  /** When the teacher marked the register called (markAttendanceTaken); see the journal-completeness report. */
  @Property({ type: 'datetime', nullable: true })
  attendanceTakenAt?: Date;
}

/** What was taught and what was set (004 §8.2, §8.4.2). */
@Entity()
export class LessonRecord extends UuidEntity {
  @OneToOne(() => Lesson, { owner: true, unique: true })
  lesson!: Lesson;

  @Property({ length: 500, nullable: true })
  topic?: string;

  @Property({ type: 'text', nullable: true })
  homework?: string;

  @ManyToOne(() => User)
  updatedBy!: User;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  /** Set when the teacher wrote its last change after the entry window, under a deputy head's late-entry permit. */
  @ManyToOne(() => LateEntryPermit, { nullable: true })
  enteredUnderPermit?: LateEntryPermit;
}

/** Kind of task a mark is for (001), with its weight in the weighted average (004 §2.2). */
@Entity()
@Unique({ properties: ['school', 'code'] })
export class WorkType extends UuidEntity {
  @ManyToOne(() => School)
  school!: School;

  @Property({ length: 30 })
  code!: string;

  @Property({ length: 120 })
  name!: string;

  @Property({ type: 'decimal', precision: 4, scale: 2 })
  weight!: string;

  /** Set when the work type was retired: no new marks with it; the marks it has keep it. */
  @Property({ type: 'datetime', nullable: true })
  retiredAt?: Date;
}

/**
 * A current mark. Its value is never overwritten in place without a trace: every
 * value it ever had is a MarkVersion row, and `value`/`revision` mirror the newest.
 */
@Entity()
@Index({ properties: ['student', 'lesson'] })
@Index({ properties: ['lesson'] })
@Check({ name: 'mark_retraction_complete', expression: '(retracted_at is null) = (retraction_reason is null)' })
export class Mark extends UuidEntity {
  @ManyToOne(() => School)
  school!: School;

  @ManyToOne(() => Student)
  student!: Student;

  @ManyToOne(() => Lesson)
  lesson!: Lesson;

  @ManyToOne(() => WorkType)
  workType!: WorkType;

  @Property({ length: 10 })
  value!: string;

  @Property({ length: 500, nullable: true })
  comment?: string;

  /** 1 for the original; each correction adds one. */
  @Property()
  revision: number = 1;

  @ManyToOne(() => User)
  createdBy!: User;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  correctedAt?: Date;

  /**
   * Set when the mark was retracted (put on the wrong pupil or lesson): the row, its versions and
   * its audit entries stay; it no longer counts anywhere (averages, mark_rollup, reports) and the
   * diary shows it as removed. A retracted mark is never corrected or retracted again.
   */
  @Property({ type: 'datetime', nullable: true })
  retractedAt?: Date;

  @ManyToOne(() => User, { nullable: true })
  retractedBy?: User;

  @Property({ length: 500, nullable: true })
  retractionReason?: string;

  /** Set when the teacher wrote it after the entry window, under a deputy head's late-entry permit. */
  @ManyToOne(() => LateEntryPermit, { nullable: true })
  enteredUnderPermit?: LateEntryPermit;
}

/** Every value a mark has had, append-only. Version 1 is the mark as first entered. */
@Entity()
@Unique({ properties: ['mark', 'revision'] })
export class MarkVersion extends UuidEntity {
  @ManyToOne(() => Mark)
  mark!: Mark;

  @Property()
  revision!: number;

  @Property({ length: 10 })
  value!: string;

  @Property({ length: 500, nullable: true })
  comment?: string;

  /** Required for every correction (revision > 1). */
  @Property({ length: 500, nullable: true })
  reason?: string;

  /** The version a retraction wrote: the value as it was, with the retraction's reason. */
  @Property({ default: false })
  retraction: Opt<boolean> = false;

  @ManyToOne(() => User)
  createdBy!: User;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/**
 * Period, year, exam or final mark (004 §8.7–8.9). A PERIOD mark names its study period;
 * YEAR, EXAM and FINAL marks name none and are unique per student, subject, year and kind.
 */
@Entity()
@Unique({ properties: ['student', 'subject', 'year', 'kind', 'studyPeriod'] })
@Unique({
  name: 'period_mark_yearly_unique',
  expression: 'create unique index "period_mark_yearly_unique" on "period_mark" ("student_id", "subject_id", "year_id", "kind") where "study_period_id" is null',
})
@Check({ name: 'period_mark_period_iff_kind', expression: "(kind = 'PERIOD') = (study_period_id is not null)" })
@Index({ properties: ['year', 'kind', 'studyPeriod'] })
export class PeriodMark extends UuidEntity {
  @ManyToOne(() => School)
  school!: School;

  @ManyToOne(() => Student)
  student!: Student;

  @ManyToOne(() => Subject)
  subject!: Subject;

  @ManyToOne(() => AcademicYear)
  year!: AcademicYear;

  @Enum({ items: () => PeriodMarkKind, nativeEnumName: 'period_mark_kind' })
  kind!: PeriodMarkKind;

  /** Set when kind is PERIOD. */
  @ManyToOne(() => StudyPeriod, { nullable: true })
  studyPeriod?: StudyPeriod;

  /** "1"–"5", "зач"/"незач", or "н/а" (not attested). */
  @Property({ length: 10 })
  value!: string;

  @Property()
  revision: number = 1;

  @ManyToOne(() => User)
  createdBy!: User;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  correctedAt?: Date;
}

@Entity()
@Unique({ properties: ['periodMark', 'revision'] })
export class PeriodMarkVersion extends UuidEntity {
  @ManyToOne(() => PeriodMark)
  periodMark!: PeriodMark;

  @Property()
  revision!: number;

  @Property({ length: 10 })
  value!: string;

  @Property({ length: 500, nullable: true })
  reason?: string;

  @ManyToOne(() => User)
  createdBy!: User;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/** An absence or a late arrival at one lesson (004 §8.5). Presence is the absence of a row. */
@Entity()
@Unique({ properties: ['student', 'lesson'] })
@Index({ properties: ['lesson'] })
@Check({ name: 'attendance_clearing_complete', expression: '(cleared_at is null) = (clear_reason is null)' })
export class Attendance extends UuidEntity {
  @ManyToOne(() => School)
  school!: School;

  @ManyToOne(() => Student)
  student!: Student;

  @ManyToOne(() => Lesson)
  lesson!: Lesson;

  @Enum({ items: () => AttendanceKind, nativeEnumName: 'attendance_kind' })
  kind!: AttendanceKind;

  @Enum({ items: () => AbsenceReason, nativeEnumName: 'absence_reason' })
  reason: Opt<AbsenceReason> = AbsenceReason.UNKNOWN;

  /** The supporting document for the reason: "справка №12 от 20.11". */
  @Property({ length: 300, nullable: true })
  document?: string;

  @ManyToOne(() => User)
  createdBy!: User;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  reasonSetAt?: Date;

  /**
   * Set when the absence was cleared as recorded by mistake: the row and its audit entries stay,
   * it no longer counts (reports, the diary's attendance); recording the lesson's attendance again
   * opens it anew.
   */
  @Property({ type: 'datetime', nullable: true })
  clearedAt?: Date;

  @ManyToOne(() => User, { nullable: true })
  clearedBy?: User;

  @Property({ length: 500, nullable: true })
  clearReason?: string;

  /** Set when the teacher wrote it after the entry window, under a deputy head's late-entry permit. */
  @ManyToOne(() => LateEntryPermit, { nullable: true })
  enteredUnderPermit?: LateEntryPermit;
}
