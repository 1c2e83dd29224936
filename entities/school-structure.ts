import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, Property, Unique, type Opt } from '@mikro-orm/core';
import { UuidEntity, VersionedEntity } from './base';
import { AcademicYear } from './calendar';
import { EducationForm, GradingScale, MovementOrderType } from './enums';
import { Employee, Student, User } from './people';
import { School } from './tenancy';

/** A class such as "5Б" in one academic year. */
@Entity()
@Unique({ properties: ['year', 'grade', 'letter'] })
@Index({ properties: ['classTeacher'] })
export class ClassGroup extends VersionedEntity {
  @ManyToOne(() => School)
  school!: School;

  @ManyToOne(() => AcademicYear)
  year!: AcademicYear;

  @Property()
  grade!: number;

  @Property({ length: 4 })
  letter!: string;

  @Property()
  shift: Opt<number> = 1;

  @ManyToOne(() => Employee, { nullable: true })
  classTeacher?: Employee;

  /** Last year's class this one continues (rollover, rule 9): 5А of 2027/2028 from 4А of 2026/2027. */
  @ManyToOne(() => ClassGroup, { nullable: true })
  promotedFrom?: ClassGroup;

  /** Set when the class was closed (domain/school-year/classes.service.ts): it keeps its history, takes no new pupils. */
  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date;

  get name(): Opt<string> {
    return `${this.grade}${this.letter}`;
  }
}

/**
 * One order of the movement book (004 §10), for one student. Orders are the record;
 * enrollments are derived from them: an order effective on D closes the student's open
 * enrollment with `endsOn` D − 1 (`closedBy`) and/or opens one from D (`openedBy`).
 * ENROLL opens; WITHDRAW, GRADUATE, FAMILY_EDUCATION close; TRANSFER_CLASS, PROMOTE,
 * PROMOTE_CONDITIONAL and REPEAT_YEAR close the `fromClass` one and open the `toClass` one;
 * DEBT_CLEARED changes no enrollment.
 */
@Entity()
@Unique({ properties: ['school', 'year', 'number'] })
@Index({ properties: ['student', 'effectiveOn'] })
@Index({ properties: ['school', 'orderDate'] })
@Check({ name: 'movement_order_enroll_has_class', expression: "type <> 'ENROLL' or to_class_id is not null" })
@Check({ name: 'movement_order_transfer_has_classes', expression: "type <> 'TRANSFER_CLASS' or (from_class_id is not null and to_class_id is not null)" })
export class MovementOrder extends VersionedEntity {
  @ManyToOne(() => School)
  school!: School;

  /** The year whose book the order is written in (its number is unique within it). */
  @ManyToOne(() => AcademicYear)
  year!: AcademicYear;

  /** As printed on the order: "15-у". */
  @Property({ length: 30 })
  number!: string;

  @Property({ type: 'date' })
  orderDate!: string;

  /** The first day the order's change applies. */
  @Property({ type: 'date' })
  effectiveOn!: string;

  @Enum({ items: () => MovementOrderType, nativeEnumName: 'movement_order_type' })
  type!: MovementOrderType;

  @ManyToOne(() => Student)
  student!: Student;

  @ManyToOne(() => ClassGroup, { nullable: true })
  fromClass?: ClassGroup;

  @ManyToOne(() => ClassGroup, { nullable: true })
  toClass?: ClassGroup;

  /** What the order rests on: "заявление родителя от 25.08.2026", "решение педсовета №3". */
  @Property({ type: 'text', nullable: true })
  basis?: string;

  /** Null only on the ENROLL orders the movement-book migration wrote for enrollments older than it. */
  @ManyToOne(() => User, { nullable: true })
  createdBy?: User;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/**
 * A student in a class for a span of dates (`endsOn` null: still there), opened and closed by orders.
 * A FAMILY_EDUCATION enrollment is an attachment to the class for attestation (004 §10): the pupil
 * stays the school's (period and exam marks, lists, the diary) but is not counted in the class fill.
 */
@Entity()
@Index({ properties: ['classGroup', 'startsOn'] })
@Index({ properties: ['student', 'startsOn'] })
export class Enrollment extends UuidEntity {
  @ManyToOne(() => Student)
  student!: Student;

  @ManyToOne(() => ClassGroup)
  classGroup!: ClassGroup;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date', nullable: true })
  endsOn?: string;

  @ManyToOne(() => MovementOrder, { unique: true })
  openedBy!: MovementOrder;

  @Enum({ items: () => EducationForm, nativeEnumName: 'education_form', default: EducationForm.IN_CLASS })
  form: Opt<EducationForm> = EducationForm.IN_CLASS;

  /** Null while open; on enrollments closed before the movement book existed, null as well. */
  @ManyToOne(() => MovementOrder, { nullable: true, unique: true })
  closedBy?: MovementOrder;
}

@Entity()
@Unique({ properties: ['school', 'name'] })
export class Subject extends VersionedEntity {
  [OptionalProps]?: 'gradingScale';

  @ManyToOne(() => School)
  school!: School;

  @Property({ length: 120 })
  name!: string;

  @Enum({ items: () => GradingScale, nativeEnumName: 'grading_scale' })
  gradingScale: GradingScale = GradingScale.FIVE_POINT;
}

/** A class split for one subject (001 "деление на подгруппы"). */
@Entity()
export class Subgroup extends VersionedEntity {
  @ManyToOne(() => ClassGroup)
  classGroup!: ClassGroup;

  @ManyToOne(() => Subject)
  subject!: Subject;

  @Property({ length: 60 })
  name!: string;
}

@Entity()
@Unique({ properties: ['subgroup', 'student'] })
export class SubgroupMember extends UuidEntity {
  @ManyToOne(() => Subgroup)
  subgroup!: Subgroup;

  @ManyToOne(() => Student)
  student!: Student;
}

/** A teacher teaches a subject to a class (or one of its subgroups) for a year (004 §4.6, §5). */
@Entity()
@Index({ properties: ['teacher'] })
@Index({ properties: ['year', 'teacher'] })
export class TeachingAssignment extends VersionedEntity {
  @ManyToOne(() => Employee)
  teacher!: Employee;

  /** Always its class's year; kept here so a year's assignments are one indexed read (rollover copies them). */
  @ManyToOne(() => AcademicYear)
  year!: AcademicYear;

  @ManyToOne(() => ClassGroup)
  classGroup!: ClassGroup;

  @ManyToOne(() => Subgroup, { nullable: true })
  subgroup?: Subgroup;

  @ManyToOne(() => Subject)
  subject!: Subject;
}
