import { Migration } from '@mikro-orm/migrations';

/**
 * The live diary's delivery order. `position` is stamped at the end of each writing
 * transaction under an advisory lock (domain/diary/diary-outbox.ts), so positions grow in commit
 * order and a reader that has seen position p has seen every committed event below it.
 * Changes to who may watch a student (guardianship, locks, sessions, class teachers,
 * enrollments) are announced on `diary_access`, so live streams are re-checked at once.
 */
export class Migration20261122150000_diary_event_position extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create sequence "diary_event_position_seq";`);
    this.addSql(`alter table "diary_event" add column "position" bigint null;`);
    this.addSql(`alter table "diary_event" add constraint "diary_event_position_unique" unique ("position");`);
    this.addSql(`create index "diary_event_student_id_position_index" on "diary_event" ("student_id", "position");`);
    // Each write looks for its own unstamped rows: only those are ever in this index.
    this.addSql(`create index "diary_event_unstamped_index" on "diary_event" ("id") where "position" is null;`);
    this.addSql(`create function notify_diary_access() returns trigger language plpgsql as $$
      begin perform pg_notify('diary_access', ''); return null; end $$;`);
    for (const table of ['guardianship', 'app_user', 'class_group', 'enrollment', 'refresh_token', 'employee', 'student', 'guardian']) {
      this.addSql(`create trigger ${table}_diary_access after update or delete on "${table}"
        for each statement execute function notify_diary_access();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['guardianship', 'app_user', 'class_group', 'enrollment', 'refresh_token', 'employee', 'student', 'guardian']) {
      this.addSql(`drop trigger ${table}_diary_access on "${table}";`);
    }
    this.addSql(`drop function notify_diary_access();`);
    this.addSql(`drop index "diary_event_unstamped_index";`);
    this.addSql(`drop index "diary_event_student_id_position_index";`);
    this.addSql(`alter table "diary_event" drop constraint "diary_event_position_unique";`);
    this.addSql(`alter table "diary_event" drop column "position";`);
    this.addSql(`drop sequence "diary_event_position_seq";`);
  }
}
