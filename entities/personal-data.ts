import { BigIntType, Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { UuidEntity } from './base';
import { PersonCardKind } from './enums';
import { Employee, Guardian, Student, User } from './people';
import { School } from './tenancy';

/**
 * A recorded consent to personal-data processing (004 §6.1, 152-ФЗ) for exactly one card:
 * a student's (given by a parent for a minor), a guardian's or an employee's. Never deleted:
 * withdrawing sets `withdrawnOn`; a new consent is a new row.
 */
@Entity()
@Index({ properties: ['student'] })
@Index({ properties: ['guardian'] })
@Index({ properties: ['employee'] })
@Check({ name: 'personal_data_consent_one_card', expression: 'num_nonnulls(student_id, guardian_id, employee_id) = 1' })
@Check({ name: 'personal_data_consent_withdrawn_after_given', expression: 'withdrawn_on >= given_on' })
export class PersonalDataConsent extends UuidEntity {
  @ManyToOne(() => School)
  school!: School;

  @ManyToOne(() => Student, { nullable: true })
  student?: Student;

  @ManyToOne(() => Guardian, { nullable: true })
  guardian?: Guardian;

  @ManyToOne(() => Employee, { nullable: true })
  employee?: Employee;

  /** Who signed: the person themself or their legal representative. */
  @Property({ length: 300 })
  givenByName!: string;

  /** "сам", "мать", "отец", "опекун", … */
  @Property({ length: 60, nullable: true })
  givenByRelation?: string;

  @Property({ type: 'date' })
  givenOn!: string;

  /** The signed paper: "заявление №15 от 28.08.2026". */
  @Property({ length: 300, nullable: true })
  document?: string;

  @Property({ type: 'date', nullable: true })
  withdrawnOn?: string;

  @ManyToOne(() => User)
  recordedBy!: User;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/**
 * Every staff read of a student's or guardian's card (004 §3.1): who read which card, when,
 * and through what. Append-only, like the audit log; `cardId` is the card's uuid (no FK, so
 * the log outlives the card). Read by the school's heads (domain/people/personal-data.queries.ts).
 */
@Entity()
@Index({ properties: ['school', 'at'] })
@Index({ properties: ['cardId'] })
@Index({ properties: ['actor', 'at'] })
export class PersonalDataAccess {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @Property({ type: 'datetime' })
  at!: Date;

  @ManyToOne(() => User)
  actor!: User;

  @ManyToOne(() => School)
  school!: School;

  @Enum({ items: () => PersonCardKind, nativeEnumName: 'person_card_kind' })
  cardKind!: PersonCardKind;

  @Property({ type: 'uuid' })
  cardId!: string;

  /** What was read: the GraphQL operation and field, e.g. "studentCard.address". */
  @Property({ length: 200 })
  what!: string;
}
