import { randomUUID } from 'node:crypto';
import { PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** Every table keys on a random UUID: not guessable, and never shown raw (see schema/global-id.ts). */
export abstract class UuidEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();
}

/**
 * A row people edit through the API. `version` is MikroORM's optimistic lock: a flush that
 * changes a loaded row runs `update … where version = <loaded>` and bumps it, throwing
 * OptimisticLockError when someone else changed the row first; `em.nativeUpdate` bumps it
 * too (without the check). Clients send back the version they saw; the domain checks it with
 * `em.lock(row, LockMode.OPTIMISTIC, version)` and answers CONFLICT for either error.
 */
export abstract class VersionedEntity extends UuidEntity {
  @Property({ version: true, type: 'integer' })
  version!: Opt<number>;
}
