import { randomUUID } from 'node:crypto';
import { PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** Every table keys on a random UUID: not guessable, and never shown raw (see schema/global-id.ts). */
export abstract class UuidEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();
}

/**
 * A row people edit through the API. `version` is MikroORM's optimistic lock: every flush
 * that changes the row runs `update … where version = <loaded>` and bumps it, and throws
 * OptimisticLockError when someone else got there first. Clients send the version they saw
 * back; the domain checks it with `em.lock(row, LockMode.OPTIMISTIC, version)` and answers
 * CONFLICT for either error. Bulk `nativeUpdate`s do not bump it (on purpose: see markHeld).
 */
export abstract class VersionedEntity extends UuidEntity {
  @Property({ version: true, type: 'integer' })
  version!: Opt<number>;
}
