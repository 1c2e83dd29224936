import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { UuidEntity } from './base';
import { User } from './people';
import { School } from './tenancy';

/**
 * A document this server made (issue 13 part 3: a printed diary, a class journal, a year
 * archive), kept so a certified paper or file copy can be checked (`verifyDocument`): what it
 * was, who made it and when, and two hashes. `contentSha256` is printed on every page of a PDF:
 * the SHA-256 of the document's content (its data model as canonical JSON, with who and when),
 * known before the first byte is written; for an archive, of its manifest. `fileSha256` is the
 * SHA-256 of the file's bytes as they were served, recorded once the last byte went out. The file
 * itself is never kept.
 */
@Entity()
@Index({ properties: ['contentSha256'] })
@Index({ properties: ['fileSha256'] })
export class IssuedDocument extends UuidEntity {
  @ManyToOne(() => School)
  school!: School;

  /** DIARY_WEEK, CLASS_JOURNAL or YEAR_ARCHIVE. */
  @Property({ length: 30 })
  kind!: string;

  /** What it is, in words («Дневник ученика …, неделя …»). */
  @Property({ length: 500 })
  title!: string;

  /** What it was made of: the request's ids (student, class, subject, period, year). */
  @Property({ type: 'json' })
  subject!: Record<string, unknown>;

  @ManyToOne(() => User)
  madeBy!: User;

  /** The maker's name as printed on the document. */
  @Property({ length: 300 })
  madeByName!: string;

  @Property({ type: 'datetime' })
  madeAt!: Date;

  @Property({ length: 64, nullable: true })
  contentSha256?: string;

  @Property({ length: 64, nullable: true })
  fileSha256?: string;

  @Property({ type: 'bigint', nullable: true })
  bytes?: string;

  @Property({ nullable: true })
  pages?: number;

  /** When the last byte was served (null: the download broke off; the document is still recorded as made). */
  @Property({ type: 'datetime', nullable: true })
  completedAt?: Date;
}
