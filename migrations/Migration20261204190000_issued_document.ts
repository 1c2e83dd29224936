import { Migration } from '@mikro-orm/migrations';

/**
 * Documents (issue 13 parts 3–4): every document made (`issued_document`, its hashes and
 * metadata, never the file) for `verifyDocument`; a download may now be a document made at
 * fetch time from its request (`download.params`), so its `bytes` stay empty.
 */
export class Migration20261204190000_issued_document extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "issued_document" ("id" uuid not null, "school_id" uuid not null, "kind" varchar(30) not null, "title" varchar(500) not null, "subject" jsonb not null, "made_by_id" uuid not null, "made_by_name" varchar(300) not null, "made_at" timestamptz not null, "content_sha256" varchar(64) null, "file_sha256" varchar(64) null, "bytes" bigint null, "pages" int null, "completed_at" timestamptz null, constraint "issued_document_pkey" primary key ("id"));`);
    this.addSql(`create index "issued_document_content_sha256_index" on "issued_document" ("content_sha256");`);
    this.addSql(`create index "issued_document_file_sha256_index" on "issued_document" ("file_sha256");`);
    this.addSql(`alter table "issued_document" add constraint "issued_document_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "issued_document" add constraint "issued_document_made_by_id_foreign" foreign key ("made_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "download" add column "params" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "download" drop column "params";`);
    this.addSql(`drop table if exists "issued_document" cascade;`);
  }
}
