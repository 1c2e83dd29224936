import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A running server instance's live diary (server/diary-hub.ts): the newest outbox position it has
 * read, and when it last said so (database time). The retention prune (domain/ops/retention.ts)
 * never deletes an event above the lowest position a live instance has read; a row not refreshed
 * for a while is an instance that is gone (deleted by the prune).
 */
@Entity()
export class DiaryHubInstance {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'bigint' })
  lastPosition!: string;

  @Property({ type: 'datetime' })
  seenAt!: Date;
}
