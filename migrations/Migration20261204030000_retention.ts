import { Migration } from '@mikro-orm/migrations';

/**
 * Retention (issue 16, domain/ops/retention.ts): each running instance's live diary records the
 * newest outbox position it has read (`diary_hub_instance`), so the prune never deletes an event an
 * instance has not read yet; `diary_outbox_pruned_through` in app_setting is the outbox's watermark
 * (every event at or below it may be gone: a cursor below it is CURSOR_EXPIRED); refresh tokens are
 * indexed by when they stopped working, the range the prune deletes.
 */
export class Migration20261204030000_retention extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "diary_hub_instance" ("id" uuid not null, "last_position" bigint not null, "seen_at" timestamptz not null, constraint "diary_hub_instance_pkey" primary key ("id"));`);
    // When a token stopped working: the prune reads its range, oldest first.
    this.addSql(`create index "refresh_token_ended_index" on "refresh_token" ((least(coalesce("revoked_at", 'infinity'::timestamptz), "expires_at")));`);
    this.addSql(`insert into "app_setting" ("key", "value") values ('diary_outbox_pruned_through', '0') on conflict ("key") do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "app_setting" where "key" = 'diary_outbox_pruned_through';`);
    this.addSql(`drop index "refresh_token_ended_index";`);
    this.addSql(`drop table if exists "diary_hub_instance" cascade;`);
  }
}
