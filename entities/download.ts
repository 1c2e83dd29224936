import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { UuidEntity } from './base';
import { User } from './people';
import { School } from './tenancy';

/**
 * A file made for one person to fetch once (issue 18 part 3: an export, `requestExport`), at
 * `GET /downloads/:token` (server/downloads.ts). Only the token's SHA-256 is kept; the file is
 * served once, to the account that asked for it, within an hour, and its bytes are dropped when
 * it is fetched.
 */
@Entity()
@Unique({ properties: ['tokenHash'] })
export class Download extends UuidEntity {
  @Property({ length: 64 })
  tokenHash!: string;

  @ManyToOne(() => School)
  school!: School;

  @ManyToOne(() => User)
  requestedBy!: User;

  /** What was made: ONEROSTER_ZIP, SPREADSHEET_ZIP or LIST_CSV; a document's kind (DIARY_WEEK, CLASS_JOURNAL, YEAR_ARCHIVE). */
  @Property({ length: 30 })
  kind!: string;

  @Property({ length: 255 })
  fileName!: string;

  @Property({ length: 100 })
  contentType!: string;

  @Property({ type: 'blob', lazy: true })
  bytes!: Buffer;

  /** A document's request (domain/documents): it is made when fetched, so `bytes` stay empty. */
  @Property({ type: 'json', nullable: true })
  params?: Record<string, unknown>;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  redeemedAt?: Date;
}
