import { Check, Entity, Enum, Index, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { UuidEntity, VersionedEntity } from './base';
import { Gender, IdentityDocumentKind, Role } from './enums';
import { Municipality, Region, School } from './tenancy';

@Entity({ tableName: 'app_user' })
export class User extends VersionedEntity {
  /** Stored lowercase: logins are matched case-insensitively. */
  @Property({ length: 100, unique: true })
  @Check({ name: 'app_user_login_lowercase', expression: 'login = lower(login)' })
  login!: string;

  @Property({ length: 255, hidden: true, lazy: true })
  passwordHash!: string;

  @Property()
  mustChangePassword: Opt<boolean> = false;

  @Property()
  locked: Opt<boolean> = false;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** Written with plain SQL on login, so it never bumps `version` (an admin's edit must not conflict with a login). */
  @Property({ type: 'datetime', nullable: true })
  lastLoginAt?: Date;

  /** When and why `locked` was last set; cleared on unlock. */
  @Property({ type: 'datetime', nullable: true })
  lockedAt?: Date;

  @Property({ length: 500, nullable: true })
  lockedReason?: string;

  /** The administrator (or class teacher, 004 §3.2.3) who created the account; null for seeded ones. */
  @ManyToOne(() => User, { nullable: true })
  createdBy?: User;
}

/**
 * A role held by a user, in the scope it applies to: a school for school roles,
 * a municipality or region for the coordinators.
 */
@Entity()
@Unique({ properties: ['user', 'role', 'school'] })
export class RoleGrant extends UuidEntity {
  @ManyToOne(() => User)
  user!: User;

  @Enum({ items: () => Role, nativeEnumName: 'role' })
  role!: Role;

  @ManyToOne(() => School, { nullable: true })
  school?: School;

  @ManyToOne(() => Municipality, { nullable: true })
  municipality?: Municipality;

  @ManyToOne(() => Region, { nullable: true })
  region?: Region;

  @Property({ type: 'datetime' })
  grantedAt: Opt<Date> = new Date();

  @ManyToOne(() => User, { nullable: true })
  grantedBy?: User;
}

/** Refresh tokens are stored only as a SHA-256 hash; a family is one login's chain of rotations. */
@Entity()
// When a token stopped working (revoked or expired): the retention prune's range (domain/ops/retention.ts).
@Index({ name: 'refresh_token_ended_index', expression: `create index "refresh_token_ended_index" on "refresh_token" ((least(coalesce("revoked_at", 'infinity'::timestamptz), "expires_at")))` })
export class RefreshToken extends UuidEntity {
  @ManyToOne(() => User)
  user!: User;

  @Property({ length: 64, unique: true })
  tokenHash!: string;

  @Index()
  @Property({ type: 'uuid' })
  familyId!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;
}

abstract class PersonCard extends VersionedEntity {
  @ManyToOne(() => School)
  school!: School;

  @ManyToOne(() => User, { nullable: true, unique: true })
  user?: User;

  @Property({ length: 100 })
  lastName!: string;

  @Property({ length: 100 })
  firstName!: string;

  @Property({ length: 100, nullable: true })
  middleName?: string;

  get fullName(): Opt<string> {
    return [this.lastName, this.firstName, this.middleName].filter(Boolean).join(' ');
  }
}

/** Employee card (004 §4.3, §6.2). `personalDataConsentAt` as on Student. */
@Entity()
export class Employee extends PersonCard {
  @Property({ length: 200, nullable: true })
  position?: string;

  @Property({ length: 40, nullable: true })
  phone?: string;

  @Property({ length: 254, nullable: true })
  email?: string;

  @Property({ type: 'date', nullable: true })
  hiredOn?: string;

  @Property({ type: 'date', nullable: true })
  dismissedOn?: string;

  /** As on Student: since when a consent to processing is in force (004 §6.1); null when none is. */
  @Property({ type: 'datetime', nullable: true })
  personalDataConsentAt?: Date;
}

/**
 * Student card (004 §6). Personal data is kept only with a recorded consent (004 §6.1):
 * the consents themselves are PersonalDataConsent rows; `personalDataConsentAt` is the
 * quick "is there one" mark, kept equal to the newest consent not withdrawn (null when none).
 */
@Entity()
@Check({ name: 'student_snils_format', expression: "snils ~ '^[0-9]{11}$'" })
export class Student extends PersonCard {
  @Property({ type: 'date', nullable: true })
  birthDate?: string;

  @Enum({ items: () => Gender, nativeEnumName: 'gender', nullable: true })
  gender?: Gender;

  @Property({ length: 500, nullable: true })
  address?: string;

  @Property({ length: 40, nullable: true })
  phone?: string;

  @Property({ length: 254, nullable: true })
  email?: string;

  @Enum({ items: () => IdentityDocumentKind, nativeEnumName: 'identity_document_kind', nullable: true })
  identityDocumentKind?: IdentityDocumentKind;

  /** Series and number as written on the document. */
  @Property({ length: 60, nullable: true })
  identityDocumentNumber?: string;

  /** СНИЛС: the 11 digits, without dashes or spaces. */
  @Property({ length: 11, nullable: true })
  snils?: string;

  @Property({ type: 'datetime', nullable: true })
  personalDataConsentAt?: Date;
}

/** Parent or legal representative (004 §6.3). `personalDataConsentAt` as on Student. */
@Entity()
export class Guardian extends PersonCard {
  @Property({ length: 40, nullable: true })
  phone?: string;

  @Property({ length: 254, nullable: true })
  email?: string;

  @Property({ length: 500, nullable: true })
  address?: string;

  @Property({ type: 'datetime', nullable: true })
  personalDataConsentAt?: Date;
}

/** Links a guardian to a student; revoking it ends the guardian's access at once. */
@Entity()
@Index({ properties: ['student'] })
@Index({ properties: ['guardian'] })
export class Guardianship extends UuidEntity {
  @ManyToOne(() => Guardian)
  guardian!: Guardian;

  @ManyToOne(() => Student)
  student!: Student;

  @Property({ length: 40, nullable: true })
  relation?: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;
}
