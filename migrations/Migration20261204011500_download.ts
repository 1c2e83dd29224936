import { Migration } from '@mikro-orm/migrations';

export class Migration20261204011500_download extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "download" ("id" uuid not null, "token_hash" varchar(64) not null, "school_id" uuid not null, "requested_by_id" uuid not null, "kind" varchar(30) not null, "file_name" varchar(255) not null, "content_type" varchar(100) not null, "bytes" bytea not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "redeemed_at" timestamptz null, constraint "download_pkey" primary key ("id"));`);
    this.addSql(`alter table "download" add constraint "download_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "download" add constraint "download_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "download" add constraint "download_requested_by_id_foreign" foreign key ("requested_by_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "download" cascade;`);
  }

}
