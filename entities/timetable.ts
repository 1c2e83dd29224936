import { Check, Entity, Index, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { VersionedEntity } from './base';
import { AcademicYear } from './calendar';
import { Employee } from './people';
import { ClassGroup, Subgroup, Subject } from './school-structure';
import { School } from './tenancy';

@Entity()
@Unique({ properties: ['school', 'name'] })
@Check({ name: 'room_capacity_positive', expression: 'capacity > 0' })
export class Room extends VersionedEntity {
  @ManyToOne(() => School)
  school!: School;

  /** "каб. 21", "спортзал". */
  @Property({ length: 60 })
  name!: string;

  @Property({ nullable: true })
  capacity?: number;
}

/**
 * One slot of the weekly timetable (004 §7.2): a class (or subgroup) has a subject with a
 * teacher, in a room, on an ISO weekday at a bell of a shift, from `validFrom` to `validTo`
 * (null: to the end of the year). Lessons are generated from these entries.
 */
@Entity()
@Index({ properties: ['classGroup', 'weekday', 'bellNumber'] })
@Index({ properties: ['teacher', 'weekday', 'bellNumber'] })
@Index({ properties: ['year'] })
@Check({ name: 'timetable_entry_weekday_range', expression: 'weekday >= 1 and weekday <= 7' })
@Check({ name: 'timetable_entry_bell_positive', expression: 'bell_number > 0' })
@Check({ name: 'timetable_entry_valid_span', expression: 'valid_to >= valid_from' })
export class TimetableEntry extends VersionedEntity {
  @ManyToOne(() => AcademicYear)
  year!: AcademicYear;

  @ManyToOne(() => ClassGroup)
  classGroup!: ClassGroup;

  @ManyToOne(() => Subgroup, { nullable: true })
  subgroup?: Subgroup;

  @ManyToOne(() => Subject)
  subject!: Subject;

  @ManyToOne(() => Employee)
  teacher!: Employee;

  @ManyToOne(() => Room, { nullable: true })
  room?: Room;

  /** ISO weekday: 1 Monday … 7 Sunday. */
  @Property({ type: 'smallint' })
  weekday!: number;

  /** The Bell `number` within `shift`. */
  @Property()
  bellNumber!: number;

  @Property()
  shift: Opt<number> = 1;

  @Property({ type: 'date' })
  validFrom!: string;

  @Property({ type: 'date', nullable: true })
  validTo?: string;
}
