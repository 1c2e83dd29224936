import { Entity, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { UuidEntity } from './base';
import { User } from './people';

/**
 * A browser's Web Push subscription (RFC 8030), registered by its signed-in user
 * (`registerPushSubscription`): where the push service takes messages for it and the keys
 * its payloads are encrypted to (RFC 8291). One endpoint belongs to one account at a time:
 * the last to register it. Dropped when the push service answers 404/410.
 */
@Entity()
@Unique({ properties: ['endpoint'] })
export class PushSubscription extends UuidEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  user!: User;

  @Property({ type: 'text' })
  endpoint!: string;

  /** The browser's P-256 ECDH public key, base64url (65 bytes raw). */
  @Property({ length: 100 })
  p256dh!: string;

  /** The browser's auth secret, base64url (16 bytes raw). */
  @Property({ length: 40 })
  auth!: string;

  /** What the browser said it is (User-Agent of the registering request, cut to 200), for the user's list. */
  @Property({ length: 200, nullable: true })
  userAgent?: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  lastDeliveredAt?: Date | null;
}

/**
 * What a user wants pushed and when (`setPushPreferences`). No row: every type, no quiet hours.
 * Quiet hours are minutes after midnight in `timeZone` (or the school's of the pupil the event
 * is about); `quietMode` DEFER holds a delivery until they end, DROP skips it.
 */
@Entity()
export class PushPreference {
  @ManyToOne(() => User, { primary: true, deleteRule: 'cascade' })
  user!: User;

  /** The diary event types that notify; null: all of them. */
  @Property({ type: 'text[]', nullable: true })
  eventTypes?: string[] | null;

  @Property({ type: 'smallint', nullable: true })
  quietStartMinute?: number | null;

  @Property({ type: 'smallint', nullable: true })
  quietEndMinute?: number | null;

  @Property({ length: 10 })
  quietMode: Opt<string> = 'DEFER';

  @Property({ length: 64, nullable: true })
  timeZone?: string | null;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
