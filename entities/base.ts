import { randomUUID } from 'node:crypto';
import { PrimaryKey } from '@mikro-orm/core';

/** Every table keys on a random UUID: not guessable, and never shown raw (see schema/global-id.ts). */
export abstract class UuidEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();
}
