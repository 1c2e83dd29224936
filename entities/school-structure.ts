import { Entity, Enum, Index, ManyToOne, OptionalProps, Property, Unique, type Opt } from '@mikro-orm/core';
import { UuidEntity } from './base';
import { AcademicYear } from './calendar';
import { GradingScale } from './enums';
import { Employee, Student } from './people';
import { School } from './tenancy';

/** A class such as "5Б" in one academic year. */
@Entity()
@Unique({ properties: ['year', 'grade', 'letter'] })
export class ClassGroup extends UuidEntity {
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

  get name(): Opt<string> {
    return `${this.grade}${this.letter}`;
  }
}

/** A student in a class for a span of dates (`endsOn` null: still there). */
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
}

@Entity()
@Unique({ properties: ['school', 'name'] })
export class Subject extends UuidEntity {
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
export class Subgroup extends UuidEntity {
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
export class TeachingAssignment extends UuidEntity {
  @ManyToOne(() => Employee)
  teacher!: Employee;

  @ManyToOne(() => ClassGroup)
  classGroup!: ClassGroup;

  @ManyToOne(() => Subgroup, { nullable: true })
  subgroup?: Subgroup;

  @ManyToOne(() => Subject)
  subject!: Subject;
}
