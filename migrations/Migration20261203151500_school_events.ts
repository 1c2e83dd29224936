import { Migration } from '@mikro-orm/migrations';

/** School and class events (004 §7.2–7.3), shown in the timetable and the diary. */
export class Migration20261203151500_school_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "school_event" ("id" uuid not null, "version" int not null default 1, "school_id" uuid not null, "year_id" uuid not null, "class_group_id" uuid null, "title" varchar(200) not null, "description" text null, "place" varchar(200) null, "starts_on" date not null, "ends_on" date not null, "starts_at" varchar(5) null, "ends_at" varchar(5) null, "created_by_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz null, "cancelled_at" timestamptz null, "cancel_reason" text null, constraint "school_event_pkey" primary key ("id"), constraint school_event_span check (ends_on >= starts_on));`);
    this.addSql(`create index "school_event_class_group_id_starts_on_index" on "school_event" ("class_group_id", "starts_on");`);
    this.addSql(`create index "school_event_school_id_starts_on_index" on "school_event" ("school_id", "starts_on");`);
    this.addSql(`alter table "school_event" add constraint "school_event_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "school_event" add constraint "school_event_year_id_foreign" foreign key ("year_id") references "academic_year" ("id") on update cascade;`);
    this.addSql(`alter table "school_event" add constraint "school_event_class_group_id_foreign" foreign key ("class_group_id") references "class_group" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "school_event" add constraint "school_event_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "school_event" cascade;`);
  }
}
