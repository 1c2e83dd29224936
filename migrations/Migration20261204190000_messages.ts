import { Migration } from '@mikro-orm/migrations';

/**
 * Talking with families (issue 15): conversations, their participants (how far each has read),
 * messages numbered per conversation with their earlier texts (a Russian full-text index on the
 * body), announcements with their classes and reads, the week's acknowledgements, absence notes
 * (the scan as bytea); the outbox gains events addressed to one user (`recipient_id`, indexed with
 * the position for a user's replay) and the ids of what they point at; a staff conversation's
 * event has no student.
 */
export class Migration20261204190000_messages extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "announcement_audience" as enum ('SCHOOL', 'GRADE', 'CLASSES');`);
    this.addSql(`create type "absence_note_state" as enum ('SUBMITTED', 'ACCEPTED', 'DECLINED');`);
    this.addSql(`create table "conversation" ("id" uuid not null, "school_id" uuid not null, "student_id" uuid null, "subject" varchar(200) not null, "created_by_id" uuid not null, "created_at" timestamptz not null, "last_message_at" timestamptz not null, "message_count" int not null default 0, constraint "conversation_pkey" primary key ("id"));`);
    this.addSql(`create index "conversation_school_id_last_message_at_index" on "conversation" ("school_id", "last_message_at");`);
    this.addSql(`create table "message" ("id" uuid not null, "number" int not null, "conversation_id" uuid not null, "author_id" uuid not null, "body" text not null, "created_at" timestamptz not null, "edited_at" timestamptz null, "revision" int not null default 1, constraint "message_pkey" primary key ("id"));`);
    this.addSql(`create index "message_body_search_index" on "message" using gin (to_tsvector('russian', "body"));`);
    this.addSql(`create index "message_author_id_index" on "message" ("author_id");`);
    this.addSql(`alter table "message" add constraint "message_conversation_id_number_unique" unique ("conversation_id", "number");`);
    this.addSql(`create table "message_version" ("id" uuid not null, "message_id" uuid not null, "revision" int not null, "body" text not null, "written_at" timestamptz not null, constraint "message_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "message_version" add constraint "message_version_message_id_revision_unique" unique ("message_id", "revision");`);
    this.addSql(`create table "conversation_participant" ("id" uuid not null, "conversation_id" uuid not null, "user_id" uuid not null, "joined_at" timestamptz not null, "last_read_number" int not null default 0, "last_read_at" timestamptz null, constraint "conversation_participant_pkey" primary key ("id"));`);
    this.addSql(`create index "conversation_participant_user_id_index" on "conversation_participant" ("user_id");`);
    this.addSql(`alter table "conversation_participant" add constraint "conversation_participant_conversation_id_user_id_unique" unique ("conversation_id", "user_id");`);
    this.addSql(`create table "announcement" ("id" uuid not null, "school_id" uuid not null, "author_id" uuid not null, "audience" "announcement_audience" not null, "grade" int null, "title" varchar(200) not null, "body" text not null, "created_at" timestamptz not null, constraint "announcement_pkey" primary key ("id"));`);
    this.addSql(`create index "announcement_school_id_created_at_index" on "announcement" ("school_id", "created_at");`);
    this.addSql(`create table "announcement_read" ("id" uuid not null, "announcement_id" uuid not null, "user_id" uuid not null, "read_at" timestamptz not null, constraint "announcement_read_pkey" primary key ("id"));`);
    this.addSql(`alter table "announcement_read" add constraint "announcement_read_announcement_id_user_id_unique" unique ("announcement_id", "user_id");`);
    this.addSql(`create table "announcement_class" ("id" uuid not null, "announcement_id" uuid not null, "class_group_id" uuid not null, constraint "announcement_class_pkey" primary key ("id"));`);
    this.addSql(`create index "announcement_class_class_group_id_index" on "announcement_class" ("class_group_id");`);
    this.addSql(`alter table "announcement_class" add constraint "announcement_class_announcement_id_class_group_id_unique" unique ("announcement_id", "class_group_id");`);
    this.addSql(`create table "absence_note" ("id" uuid not null, "school_id" uuid not null, "student_id" uuid not null, "submitted_by_id" uuid not null, "starts_on" date not null, "ends_on" date not null, "first_lesson" int null, "last_lesson" int null, "reason" "absence_reason" not null, "comment" text null, "document_name" varchar(255) null, "document_type" varchar(50) null, "document_content" bytea null, "state" "absence_note_state" not null default 'SUBMITTED', "decided_by_id" uuid null, "decided_at" timestamptz null, "decision_comment" text null, "created_at" timestamptz not null, constraint "absence_note_pkey" primary key ("id"), constraint absence_note_span check (ends_on >= starts_on));`);
    this.addSql(`create index "absence_note_school_id_state_index" on "absence_note" ("school_id", "state");`);
    this.addSql(`create index "absence_note_student_id_starts_on_index" on "absence_note" ("student_id", "starts_on");`);
    this.addSql(`create table "week_acknowledgement" ("id" uuid not null, "school_id" uuid not null, "student_id" uuid not null, "guardian_id" uuid not null, "user_id" uuid not null, "week_starts_on" date not null, "acknowledged_at" timestamptz not null, constraint "week_acknowledgement_pkey" primary key ("id"));`);
    this.addSql(`create index "week_acknowledgement_student_id_week_starts_on_index" on "week_acknowledgement" ("student_id", "week_starts_on");`);
    this.addSql(`alter table "week_acknowledgement" add constraint "week_acknowledgement_student_id_guardian_id_week__6a82d_unique" unique ("student_id", "guardian_id", "week_starts_on");`);
    this.addSql(`alter table "conversation" add constraint "conversation_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "conversation" add constraint "conversation_student_id_foreign" foreign key ("student_id") references "student" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "conversation" add constraint "conversation_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "message" add constraint "message_conversation_id_foreign" foreign key ("conversation_id") references "conversation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "message" add constraint "message_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "message_version" add constraint "message_version_message_id_foreign" foreign key ("message_id") references "message" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "conversation_participant" add constraint "conversation_participant_conversation_id_foreign" foreign key ("conversation_id") references "conversation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "conversation_participant" add constraint "conversation_participant_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "announcement" add constraint "announcement_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "announcement" add constraint "announcement_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "announcement_read" add constraint "announcement_read_announcement_id_foreign" foreign key ("announcement_id") references "announcement" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "announcement_read" add constraint "announcement_read_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "announcement_class" add constraint "announcement_class_announcement_id_foreign" foreign key ("announcement_id") references "announcement" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "announcement_class" add constraint "announcement_class_class_group_id_foreign" foreign key ("class_group_id") references "class_group" ("id") on update cascade;`);
    this.addSql(`alter table "absence_note" add constraint "absence_note_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "absence_note" add constraint "absence_note_student_id_foreign" foreign key ("student_id") references "student" ("id") on update cascade;`);
    this.addSql(`alter table "absence_note" add constraint "absence_note_submitted_by_id_foreign" foreign key ("submitted_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "absence_note" add constraint "absence_note_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "week_acknowledgement" add constraint "week_acknowledgement_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "week_acknowledgement" add constraint "week_acknowledgement_student_id_foreign" foreign key ("student_id") references "student" ("id") on update cascade;`);
    this.addSql(`alter table "week_acknowledgement" add constraint "week_acknowledgement_guardian_id_foreign" foreign key ("guardian_id") references "guardian" ("id") on update cascade;`);
    this.addSql(`alter table "week_acknowledgement" add constraint "week_acknowledgement_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "diary_event" drop constraint "diary_event_student_id_foreign";`);
    this.addSql(`alter type "diary_event_type" add value if not exists 'MESSAGE_RECEIVED' after 'ABSENCE_CLEARED';`);
    this.addSql(`alter type "diary_event_type" add value if not exists 'ANNOUNCEMENT' after 'MESSAGE_RECEIVED';`);
    this.addSql(`alter type "diary_event_type" add value if not exists 'ABSENCE_NOTE_SUBMITTED' after 'ANNOUNCEMENT';`);
    this.addSql(`alter type "diary_event_type" add value if not exists 'ABSENCE_NOTE_DECIDED' after 'ABSENCE_NOTE_SUBMITTED';`);
    this.addSql(`alter table "diary_event" add column "recipient_id" uuid null, add column "message_id" uuid null, add column "announcement_id" uuid null, add column "absence_note_id" uuid null;`);
    this.addSql(`alter table "diary_event" alter column "student_id" drop not null;`);
    this.addSql(`alter table "diary_event" add constraint "diary_event_recipient_id_foreign" foreign key ("recipient_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "diary_event" add constraint "diary_event_student_id_foreign" foreign key ("student_id") references "student" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "diary_event_recipient_id_position_index" on "diary_event" ("recipient_id", "position");`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "diary_event" where "student_id" is null;`);
    this.addSql(`drop index "diary_event_recipient_id_position_index";`);
    this.addSql(`alter table "diary_event" drop constraint "diary_event_recipient_id_foreign";`);
    this.addSql(`alter table "diary_event" drop column "recipient_id", drop column "message_id", drop column "announcement_id", drop column "absence_note_id";`);
    this.addSql(`alter table "diary_event" alter column "student_id" set not null;`);
    this.addSql(`alter table "diary_event" drop constraint "diary_event_student_id_foreign";`);
    this.addSql(`alter table "diary_event" add constraint "diary_event_student_id_foreign" foreign key ("student_id") references "student" ("id") on update cascade;`);
    for (const table of ['week_acknowledgement', 'absence_note', 'announcement_read', 'announcement_class', 'announcement', 'message_version', 'message', 'conversation_participant', 'conversation']) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
    this.addSql(`drop type "absence_note_state";`);
    this.addSql(`drop type "announcement_audience";`);
    // PostgreSQL cannot drop enum values: the four new diary_event_type values stay, unused.
  }
}
