import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { UuidEntity } from './base';
import { Employee, User } from './people';
import { School } from './tenancy';

/**
 * A late-entry permit (DOMAIN.md "Corrections, never silent"; 004 §8.6): the deputy head lets a
 * teacher write the journal of their own lessons of the days `daysFrom`…`daysTo` after the entry
 * window has closed, with a reason, until `validUntil` (inclusive, the school's calendar) unless
 * revoked first. Each write made under it names it (`entered_under_permit_id` on the mark, the
 * attendance row, the lesson record), and the timeliness report counts those apart.
 */
@Entity()
@Index({ properties: ['teacher', 'daysFrom'] })
@Index({ properties: ['school', 'grantedAt'] })
@Check({ name: 'late_entry_permit_days', expression: 'days_to >= days_from' })
export class LateEntryPermit extends UuidEntity {
  @ManyToOne(() => School)
  school!: School;

  /** The teacher (an employee card of the school) whose lessons it opens. */
  @ManyToOne(() => Employee)
  teacher!: Employee;

  @Property({ type: 'date' })
  daysFrom!: string;

  @Property({ type: 'date' })
  daysTo!: string;

  @Property({ length: 500 })
  reason!: string;

  /** The last day the teacher may write under it. */
  @Property({ type: 'date' })
  validUntil!: string;

  @ManyToOne(() => User)
  grantedBy!: User;

  @Property({ type: 'datetime' })
  grantedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;

  @ManyToOne(() => User, { nullable: true })
  revokedBy?: User;
}
