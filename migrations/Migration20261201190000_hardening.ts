import { Migration } from '@mikro-orm/migrations';

/** Login throttling counters and idempotency records (issue 6). */
export class Migration20261201190000_hardening extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "login_throttle" ("key" varchar(160) not null, "attempts" int not null, "window_started_at" timestamptz not null, "locked_until" timestamptz null, constraint "login_throttle_pkey" primary key ("key"));`);

    this.addSql(`create table "idempotency_record" ("id" uuid not null, "user_id" uuid not null, "key" varchar(200) not null, "fingerprint" varchar(64) not null, "response" jsonb not null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("id"));`);
    this.addSql(`create index "idempotency_record_created_at_index" on "idempotency_record" ("created_at");`);
    this.addSql(`alter table "idempotency_record" add constraint "idempotency_record_user_id_key_unique" unique ("user_id", "key");`);

    this.addSql(`alter table "idempotency_record" add constraint "idempotency_record_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "login_throttle" cascade;`);

    this.addSql(`drop table if exists "idempotency_record" cascade;`);
  }

}
