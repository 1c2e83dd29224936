import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { UuidEntity } from './base';
import { User } from './people';

/**
 * Failed-login counters, shared by every instance on the database (domain/auth/login-throttle.service.ts).
 * One row per throttled key: `account:<login>` (known or not, alike) or `address:<ip>`.
 */
@Entity()
export class LoginThrottle {
  @PrimaryKey({ length: 160 })
  key!: string;

  /** Attempts counted in the current window (each begins as a failure and is given back on success). */
  @Property()
  attempts!: number;

  @Property({ type: 'datetime' })
  windowStartedAt!: Date;

  /** Refused until then (a temporary lockout). */
  @Property({ type: 'datetime', nullable: true })
  lockedUntil?: Date;
}

/**
 * A mutation's answer under its Idempotency-Key (server/idempotency.ts): written in the same
 * transaction as the mutation's writes, so it exists exactly when they committed.
 */
@Entity()
@Unique({ properties: ['user', 'key'] })
export class IdempotencyRecord extends UuidEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ length: 200 })
  key!: string;

  /** SHA-256 of the operation (query, operation name, variables): the same key with another body is a CONFLICT. */
  @Property({ length: 64 })
  fingerprint!: string;

  @Property({ type: 'jsonb' })
  response!: unknown;

  @Index()
  @Property({ type: 'datetime' })
  createdAt!: Date;
}
