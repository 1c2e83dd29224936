import { Migration } from '@mikro-orm/migrations';

/**
 * Late-entry permits (issue 18 part 4; entities/late-entry.ts): the deputy head lets a teacher
 * write the journal of their lessons of given days after the entry window, with a reason, until an
 * end date. The mark, the attendance row and the lesson record written under one name it.
 */
export class Migration20261204011000_late_entry_permit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "late_entry_permit" ("id" uuid not null, "school_id" uuid not null, "teacher_id" uuid not null, "days_from" date not null, "days_to" date not null, "reason" varchar(500) not null, "valid_until" date not null, "granted_by_id" uuid not null, "granted_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_by_id" uuid null, constraint "late_entry_permit_pkey" primary key ("id"), constraint late_entry_permit_days check (days_to >= days_from));`);
    this.addSql(`create index "late_entry_permit_teacher_id_days_from_index" on "late_entry_permit" ("teacher_id", "days_from");`);
    this.addSql(`create index "late_entry_permit_school_id_granted_at_index" on "late_entry_permit" ("school_id", "granted_at");`);
    this.addSql(`alter table "late_entry_permit" add constraint "late_entry_permit_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "late_entry_permit" add constraint "late_entry_permit_teacher_id_foreign" foreign key ("teacher_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "late_entry_permit" add constraint "late_entry_permit_granted_by_id_foreign" foreign key ("granted_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "late_entry_permit" add constraint "late_entry_permit_revoked_by_id_foreign" foreign key ("revoked_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    for (const table of ['mark', 'attendance', 'lesson_record']) {
      this.addSql(`alter table "${table}" add column "entered_under_permit_id" uuid null;`);
      this.addSql(`alter table "${table}" add constraint "${table}_entered_under_permit_id_foreign" foreign key ("entered_under_permit_id") references "late_entry_permit" ("id") on update cascade on delete set null;`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['mark', 'attendance', 'lesson_record']) {
      this.addSql(`alter table "${table}" drop constraint "${table}_entered_under_permit_id_foreign";`);
      this.addSql(`alter table "${table}" drop column "entered_under_permit_id";`);
    }
    this.addSql(`drop table if exists "late_entry_permit" cascade;`);
  }
}
