import { Migration } from '@mikro-orm/migrations';

/** Logins are matched case-insensitively, so they are stored lowercase. */
export class Migration20261122140000_login_lowercase extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "app_user" add constraint app_user_login_lowercase check (login = lower(login));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app_user" drop constraint app_user_login_lowercase;`);
  }
}
