import { Migration } from '@mikro-orm/migrations';

export class Migration20261203160000_staged_file extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "staged_file" ("id" uuid not null, "uploaded_by_id" uuid not null, "name" varchar(255) not null, "size" int not null, "sha256" varchar(64) not null, "content" bytea not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "staged_file_pkey" primary key ("id"));`);
    this.addSql(`create index "staged_file_uploaded_by_id_created_at_index" on "staged_file" ("uploaded_by_id", "created_at");`);

    this.addSql(`alter table "staged_file" add constraint "staged_file_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "staged_file" cascade;`);
  }

}
