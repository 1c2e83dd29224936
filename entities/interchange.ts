import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { UuidEntity } from './base';
import { User } from './people';
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

/**
 * A file uploaded for a later mutation (`POST /uploads`, then `importRoster(files:)`): held for
 * its uploader only, for an hour, and deleted once an import has applied it.
 */
@Entity()
@Index({ properties: ['uploadedBy', 'createdAt'] })
export class StagedFile extends UuidEntity {
  @ManyToOne(() => User)
  uploadedBy!: User;

  @Property({ length: 255 })
  name!: string;

  @Property()
  size!: number;

  @Property({ length: 64 })
  sha256!: string;

  @Property({ type: 'blob', lazy: true })
  content!: Buffer;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  expiresAt!: Date;
}
