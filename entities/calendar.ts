import { Check, Entity, Enum, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { VersionedEntity } from './base';
import { AcademicYearState, StudyPeriodKind } from './enums';
import { School } from './tenancy';

@Entity()
@Unique({ properties: ['school', 'name'] })
export class AcademicYear extends VersionedEntity {
  @ManyToOne(() => School)
  school!: School;

  /** "2026/2027" */
  @Property({ length: 20 })
  name!: string;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date' })
  endsOn!: string;

  @Enum({ items: () => AcademicYearState, nativeEnumName: 'academic_year_state' })
  state: AcademicYearState = AcademicYearState.PLANNING;

  /** The year this one was rolled over from (rule 9); null for a year set up by hand. */
  @ManyToOne(() => AcademicYear, { nullable: true })
  previousYear?: AcademicYear;

  /** Set when the year became CLOSED: from then on it is read-only. */
  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date;
}

/**
 * One study period of a year, for the parallels `gradeFrom`..`gradeTo` (004 §4: quarters for
 * grades 1–9 and half-years for 10–11 is common). A year has one scheme per range of grades; the
 * period of a date for a class is the one of its grade (the default scheme covers grades 1–11).
 */
@Entity()
@Unique({ properties: ['year', 'gradeFrom', 'ordinal'] })
@Check({ name: 'study_period_grades', expression: 'grade_from >= 1 and grade_from <= grade_to and grade_to <= 11' })
export class StudyPeriod extends VersionedEntity {
  @ManyToOne(() => AcademicYear)
  year!: AcademicYear;

  @Enum({ items: () => StudyPeriodKind, nativeEnumName: 'study_period_kind' })
  kind!: StudyPeriodKind;

  /** 1-based position within the year. */
  @Property()
  ordinal!: number;

  @Property({ length: 60 })
  name!: string;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date' })
  endsOn!: string;

  /** The first grade the period's scheme is for. */
  @Property()
  gradeFrom: Opt<number> = 1;

  /** The last grade the period's scheme is for. */
  @Property()
  gradeTo: Opt<number> = 11;
}

@Entity()
export class Holiday extends VersionedEntity {
  @ManyToOne(() => AcademicYear)
  year!: AcademicYear;

  @Property({ length: 120 })
  name!: string;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date' })
  endsOn!: string;
}

/** A day off moved onto another date (004 §4.4): `workDate` is worked in place of `dayOffDate`. */
@Entity()
export class MovedWorkingDay extends VersionedEntity {
  @ManyToOne(() => AcademicYear)
  year!: AcademicYear;

  @Property({ type: 'date' })
  workDate!: string;

  @Property({ type: 'date' })
  dayOffDate!: string;

  @Property({ length: 200, nullable: true })
  note?: string;
}

/** One bell of a shift: lesson `number` runs from `startsAt` to `endsAt` (school-local time). */
@Entity()
@Unique({ properties: ['school', 'shift', 'number'] })
export class Bell extends VersionedEntity {
  @ManyToOne(() => School)
  school!: School;

  @Property()
  shift!: number;

  @Property()
  number!: number;

  @Property({ type: 'time' })
  startsAt!: string;

  @Property({ type: 'time' })
  endsAt!: string;
}
