import { Migration } from '@mikro-orm/migrations';

/**
 * Web Push (issue 15 part 5, server/push/): the browsers' push subscriptions, each user's
 * preferences (event types, quiet hours), and the push consumer's durable cursor in the outbox
 * (`push_outbox_position` in app_setting), starting at the newest event: nothing from before
 * push existed is sent. The job queue's own tables are pg-boss's, in schema `pgboss`, which it
 * installs and upgrades itself when the server starts (server/push/push-queue.ts).
 */
export class Migration20261204180000_web_push extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "push_subscription" ("id" uuid not null, "user_id" uuid not null, "endpoint" text not null, "p256dh" varchar(100) not null, "auth" varchar(40) not null, "user_agent" varchar(200) null, "created_at" timestamptz not null, "last_delivered_at" timestamptz null, constraint "push_subscription_pkey" primary key ("id"));`);
    this.addSql(`create index "push_subscription_user_id_index" on "push_subscription" ("user_id");`);
    this.addSql(`alter table "push_subscription" add constraint "push_subscription_endpoint_unique" unique ("endpoint");`);
    this.addSql(`create table "push_preference" ("user_id" uuid not null, "event_types" text[] null, "quiet_start_minute" smallint null, "quiet_end_minute" smallint null, "quiet_mode" varchar(10) not null default 'DEFER', "time_zone" varchar(64) null, "updated_at" timestamptz not null, constraint "push_preference_pkey" primary key ("user_id"));`);
    this.addSql(`alter table "push_subscription" add constraint "push_subscription_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "push_preference" add constraint "push_preference_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`insert into "app_setting" ("key", "value")
      select 'push_outbox_position', greatest(coalesce((select max("position") from "diary_event"), 0),
        coalesce((select "value"::bigint from "app_setting" where "key" = 'diary_outbox_pruned_through'), 0))::text
      on conflict ("key") do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "app_setting" where "key" in ('push_outbox_position', 'vapid_keys');`);
    this.addSql(`drop table if exists "push_preference" cascade;`);
    this.addSql(`drop table if exists "push_subscription" cascade;`);
  }
}
