import { Migration } from '@mikro-orm/migrations';

/**
 * Third-party apps (issue 14, server/oauth/): the apps the region's operator registers
 * (`oauth_app`, the OAuth client metadata and the webhook URL kept for the webhooks to come), the
 * authorization server's own state (`oidc_model`: sessions, interactions, grants, codes, tokens —
 * oidc-provider's Adapter, so every instance shares it), what a parent granted an app
 * (`oauth_consent`: the children and scopes of one grant; revoking it ends the grant's tokens and,
 * through `diary_access`, its sockets), the documents an app registered ahead of time
 * (`oauth_trusted_document`) and its per-client request counts (`oauth_rate_window`).
 */
export class Migration20261204190000_oauth_apps extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "oauth_app" (
      "id" varchar(64) not null, "name" varchar(200) not null, "redirect_uris" text[] not null, "scopes" text[] not null,
      "webhook_url" text null, "trusted_documents_only" boolean not null default false,
      "rate_limit_per_minute" int not null default 600,
      "created_by_id" uuid null, "created_at" timestamptz not null, "disabled_at" timestamptz null,
      constraint "oauth_app_pkey" primary key ("id"));`);
    this.addSql(`alter table "oauth_app" add constraint "oauth_app_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`create table "oidc_model" (
      "model" varchar(40) not null, "id" varchar(200) not null, "payload" jsonb not null,
      "grant_id" varchar(200) null, "uid" varchar(200) null,
      "expires_at" timestamptz null, "consumed_at" timestamptz null,
      constraint "oidc_model_pkey" primary key ("model", "id"));`);
    this.addSql(`create index "oidc_model_grant_index" on "oidc_model" ("grant_id") where "grant_id" is not null;`);
    this.addSql(`create index "oidc_model_uid_index" on "oidc_model" ("uid") where "uid" is not null;`);
    this.addSql(`create index "oidc_model_expires_index" on "oidc_model" ("expires_at");`);
    this.addSql(`create table "oauth_consent" (
      "grant_id" varchar(200) not null, "client_id" varchar(64) not null, "user_id" uuid not null,
      "student_ids" uuid[] not null, "scopes" text[] not null,
      "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null,
      constraint "oauth_consent_pkey" primary key ("grant_id"));`);
    this.addSql(`alter table "oauth_consent" add constraint "oauth_consent_client_id_foreign" foreign key ("client_id") references "oauth_app" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "oauth_consent" add constraint "oauth_consent_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`create index "oauth_consent_user_index" on "oauth_consent" ("user_id", "client_id");`);
    // A revoked consent changes who may watch: the hubs re-check their subscribers (sockets close with 4403).
    this.addSql(`create trigger oauth_consent_diary_access after update or delete on "oauth_consent"
      for each statement execute function notify_diary_access();`);
    this.addSql(`create table "oauth_trusted_document" (
      "client_id" varchar(64) not null, "sha256" char(64) not null, "document" text not null, "created_at" timestamptz not null,
      constraint "oauth_trusted_document_pkey" primary key ("client_id", "sha256"));`);
    this.addSql(`alter table "oauth_trusted_document" add constraint "oauth_trusted_document_client_id_foreign" foreign key ("client_id") references "oauth_app" ("id") on update cascade on delete cascade;`);
    this.addSql(`create table "oauth_rate_window" (
      "client_id" varchar(64) not null, "window_start" timestamptz not null, "requests" int not null,
      constraint "oauth_rate_window_pkey" primary key ("client_id", "window_start"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "oauth_rate_window" cascade;`);
    this.addSql(`drop table if exists "oauth_trusted_document" cascade;`);
    this.addSql(`drop table if exists "oauth_consent" cascade;`);
    this.addSql(`drop table if exists "oidc_model" cascade;`);
    this.addSql(`drop table if exists "oauth_app" cascade;`);
  }
}
