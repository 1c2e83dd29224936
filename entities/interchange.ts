import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { UuidEntity } from './base';
import { School } from './tenancy';

/** What a sourced id names: the OneRoster record kinds this system keeps. */
export enum SourcedKind {
  ORG = 'ORG',
  ACADEMIC_SESSION = 'ACADEMIC_SESSION',
  STUDY_PERIOD = 'STUDY_PERIOD',
  USER = 'USER',
  STUDENT = 'STUDENT',
  GUARDIAN = 'GUARDIAN',
  EMPLOYEE = 'EMPLOYEE',
  GUARDIANSHIP = 'GUARDIANSHIP',
  COURSE = 'COURSE',
  CLASS = 'CLASS',
  CURRICULUM_ITEM = 'CURRICULUM_ITEM',
  TEACHING_ASSIGNMENT = 'TEACHING_ASSIGNMENT',
  ENROLLMENT = 'ENROLLMENT',
  WORK_TYPE = 'WORK_TYPE',
}

/**
 * The id another system gave a record (OneRoster's `sourcedId`), kept so that importing the same
 * files again finds the same rows instead of making new ones, and an export names records as the
 * files that brought them in did. One row per (school, kind, sourced id); an entity has at most
 * one sourced id of a kind.
 */
@Entity()
@Unique({ properties: ['school', 'kind', 'sourcedId'] })
@Unique({ properties: ['kind', 'entityId'] })
export class SourcedKey extends UuidEntity {
  @ManyToOne(() => School)
  school!: School;

  @Enum({ items: () => SourcedKind, nativeEnumName: 'sourced_kind' })
  kind!: SourcedKind;

  @Property({ length: 255 })
  sourcedId!: string;

  /** The row's id in its own table (the kind says which). */
  @Property({ type: 'uuid' })
  entityId!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
