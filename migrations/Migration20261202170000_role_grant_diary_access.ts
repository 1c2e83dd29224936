import { Migration } from '@mikro-orm/migrations';

/**
 * A tie counts only while the role that grants it is held (permissions/ties.ts), so taking a
 * role away changes who may watch a student: announce it on `diary_access`, like the other
 * changes of who may watch, so the live streams are re-checked at once.
 */
export class Migration20261202170000_role_grant_diary_access extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create trigger role_grant_diary_access after update or delete on "role_grant"
      for each statement execute function notify_diary_access();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger role_grant_diary_access on "role_grant";`);
  }
}
