import { Check, Entity, Enum, Index, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { UuidEntity } from './base';
import { Role } from './enums';
import { Municipality, Region, School } from './tenancy';

@Entity({ tableName: 'app_user' })
export class User extends UuidEntity {
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

  @Property({ type: 'datetime', nullable: true })
  lastLoginAt?: Date;
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
}

/** Refresh tokens are stored only as a SHA-256 hash; a family is one login's chain of rotations. */
@Entity()
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

abstract class PersonCard extends UuidEntity {
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

/** Employee card (004 §4.3, §6.2). */
@Entity()
export class Employee extends PersonCard {
  @Property({ length: 200, nullable: true })
  position?: string;

  @Property({ type: 'date', nullable: true })
  hiredOn?: string;

  @Property({ type: 'date', nullable: true })
  dismissedOn?: string;
}

/** Student card (004 §6). Personal data is kept only with a recorded consent (004 §6.1). */
@Entity()
export class Student extends PersonCard {
  @Property({ type: 'date', nullable: true })
  birthDate?: string;

  @Property({ type: 'datetime', nullable: true })
  personalDataConsentAt?: Date;
}

/** Parent or legal representative (004 §6.3). */
@Entity()
export class Guardian extends PersonCard {
  @Property({ length: 40, nullable: true })
  phone?: string;

  @Property({ type: 'datetime', nullable: true })
  personalDataConsentAt?: Date;
}

/** Links a guardian to a student; revoking it ends the guardian's access at once. */
@Entity()
@Index({ properties: ['student'] })
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
