import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { VersionedEntity } from './base';
import { AcademicYear } from './calendar';
import { User } from './people';
import { ClassGroup } from './school-structure';
import { School } from './tenancy';

/**
 * A school or class event (004 §7.2–7.3): an assembly, a trip, a parents' meeting. With no
 * class it is the whole school's (the deputy heads write those); with one, that class's (its
 * class teacher writes it). One day or a span of days, optionally with times of day on the
 * first and last day. Cancelled events stay, with `cancelledAt`, and are still shown as such.
 */
@Entity()
@Index({ properties: ['school', 'startsOn'] })
@Index({ properties: ['classGroup', 'startsOn'] })
@Check({ name: 'school_event_span', expression: 'ends_on >= starts_on' })
export class SchoolEvent extends VersionedEntity {
  @ManyToOne(() => School)
  school!: School;

  @ManyToOne(() => AcademicYear)
  year!: AcademicYear;

  /** Null: the whole school's event. */
  @ManyToOne(() => ClassGroup, { nullable: true, deleteRule: 'cascade' })
  classGroup?: ClassGroup;

  @Property({ length: 200 })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description?: string;

  @Property({ length: 200, nullable: true })
  place?: string;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date' })
  endsOn!: string;

  /** "HH:MM" in the school's time zone, on `startsOn`; null: all day. */
  @Property({ length: 5, nullable: true })
  startsAt?: string;

  /** "HH:MM" on `endsOn`. */
  @Property({ length: 5, nullable: true })
  endsAt?: string;

  @ManyToOne(() => User)
  createdBy!: User;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  updatedAt?: Date;

  @Property({ type: 'datetime', nullable: true })
  cancelledAt?: Date;

  @Property({ type: 'text', nullable: true })
  cancelReason?: string;
}
