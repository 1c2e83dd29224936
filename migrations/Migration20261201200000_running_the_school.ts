import { Migration } from '@mikro-orm/migrations';

/**
 * The persistence model of issue 4 ("Running the school"): the movement book (enrollments
 * are now opened and closed by orders), personal-data consents and the card access log,
 * account and role-grant history, rollover links on years and classes, the curriculum and
 * thematic plan, rooms and the weekly timetable, and an optimistic-lock `version` on every
 * row the admin dashboards edit. Existing rows are backfilled: each enrollment gets the
 * ENROLL order that opens it, each teaching assignment its class's year, each role grant
 * a `granted_at` of the migration's time.
 */
export class Migration20261201200000_running_the_school extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "gender" as enum ('MALE', 'FEMALE');`);
    this.addSql(`create type "identity_document_kind" as enum ('BIRTH_CERTIFICATE', 'PASSPORT', 'FOREIGN_DOCUMENT', 'OTHER');`);
    this.addSql(`create type "person_card_kind" as enum ('STUDENT', 'GUARDIAN', 'EMPLOYEE');`);
    this.addSql(`create type "movement_order_type" as enum ('ENROLL', 'WITHDRAW', 'PROMOTE', 'PROMOTE_CONDITIONAL', 'DEBT_CLEARED', 'REPEAT_YEAR', 'GRADUATE', 'TRANSFER_CLASS', 'FAMILY_EDUCATION');`);
    this.addSql(`create type "curriculum_component" as enum ('COMPULSORY', 'PARTICIPANTS');`);
    this.addSql(`create table "room" ("id" uuid not null, "version" int not null default 1, "school_id" uuid not null, "name" varchar(60) not null, "capacity" int null, constraint "room_pkey" primary key ("id"), constraint room_capacity_positive check (capacity > 0));`);
    this.addSql(`alter table "room" add constraint "room_school_id_name_unique" unique ("school_id", "name");`);

    this.addSql(`create table "personal_data_access" ("id" bigserial primary key, "at" timestamptz not null, "actor_id" uuid not null, "school_id" uuid not null, "card_kind" "person_card_kind" not null, "card_id" uuid not null, "what" varchar(200) not null);`);
    this.addSql(`create index "personal_data_access_card_id_index" on "personal_data_access" ("card_id");`);
    this.addSql(`create index "personal_data_access_school_id_at_index" on "personal_data_access" ("school_id", "at");`);

    this.addSql(`create table "personal_data_consent" ("id" uuid not null, "school_id" uuid not null, "student_id" uuid null, "guardian_id" uuid null, "employee_id" uuid null, "given_by_name" varchar(300) not null, "given_by_relation" varchar(60) null, "given_on" date not null, "document" varchar(300) null, "withdrawn_on" date null, "recorded_by_id" uuid not null, "created_at" timestamptz not null, constraint "personal_data_consent_pkey" primary key ("id"), constraint personal_data_consent_withdrawn_after_given check (withdrawn_on >= given_on), constraint personal_data_consent_one_card check (num_nonnulls(student_id, guardian_id, employee_id) = 1));`);
    this.addSql(`create index "personal_data_consent_employee_id_index" on "personal_data_consent" ("employee_id");`);
    this.addSql(`create index "personal_data_consent_guardian_id_index" on "personal_data_consent" ("guardian_id");`);
    this.addSql(`create index "personal_data_consent_student_id_index" on "personal_data_consent" ("student_id");`);

    this.addSql(`create table "timetable_entry" ("id" uuid not null, "version" int not null default 1, "year_id" uuid not null, "class_group_id" uuid not null, "subgroup_id" uuid null, "subject_id" uuid not null, "teacher_id" uuid not null, "room_id" uuid null, "weekday" smallint not null, "bell_number" int not null, "shift" int not null default 1, "valid_from" date not null, "valid_to" date null, constraint "timetable_entry_pkey" primary key ("id"), constraint timetable_entry_valid_span check (valid_to >= valid_from), constraint timetable_entry_bell_positive check (bell_number > 0), constraint timetable_entry_weekday_range check (weekday >= 1 and weekday <= 7));`);
    this.addSql(`create index "timetable_entry_year_id_index" on "timetable_entry" ("year_id");`);
    this.addSql(`create index "timetable_entry_teacher_id_weekday_bell_number_index" on "timetable_entry" ("teacher_id", "weekday", "bell_number");`);
    this.addSql(`create index "timetable_entry_class_group_id_weekday_bell_number_index" on "timetable_entry" ("class_group_id", "weekday", "bell_number");`);

    this.addSql(`create table "thematic_plan_item" ("id" uuid not null, "version" int not null default 1, "teacher_id" uuid not null, "class_group_id" uuid not null, "subject_id" uuid not null, "subgroup_id" uuid null, "ordinal" int not null, "topic" varchar(500) not null, "hours" int not null, "planned_on" date null, constraint "thematic_plan_item_pkey" primary key ("id"), constraint thematic_plan_item_hours_positive check (hours > 0), constraint thematic_plan_item_ordinal_positive check (ordinal > 0));`);
    this.addSql(`create index "thematic_plan_item_class_group_id_subject_id_index" on "thematic_plan_item" ("class_group_id", "subject_id");`);
    this.addSql(`create unique index "thematic_plan_item_whole_class_ordinal_unique" on "thematic_plan_item" ("teacher_id", "class_group_id", "subject_id", "ordinal") where "subgroup_id" is null;`);
    this.addSql(`alter table "thematic_plan_item" add constraint "thematic_plan_item_teacher_id_class_group_id_subj_edab0_unique" unique ("teacher_id", "class_group_id", "subject_id", "subgroup_id", "ordinal");`);

    this.addSql(`create table "movement_order" ("id" uuid not null, "version" int not null default 1, "school_id" uuid not null, "year_id" uuid not null, "number" varchar(30) not null, "order_date" date not null, "effective_on" date not null, "type" "movement_order_type" not null, "student_id" uuid not null, "from_class_id" uuid null, "to_class_id" uuid null, "basis" text null, "created_by_id" uuid null, "created_at" timestamptz not null, constraint "movement_order_pkey" primary key ("id"), constraint movement_order_transfer_has_classes check (type <> 'TRANSFER_CLASS' or (from_class_id is not null and to_class_id is not null)), constraint movement_order_enroll_has_class check (type <> 'ENROLL' or to_class_id is not null));`);
    this.addSql(`create index "movement_order_school_id_order_date_index" on "movement_order" ("school_id", "order_date");`);
    this.addSql(`create index "movement_order_student_id_effective_on_index" on "movement_order" ("student_id", "effective_on");`);
    this.addSql(`alter table "movement_order" add constraint "movement_order_school_id_year_id_number_unique" unique ("school_id", "year_id", "number");`);

    this.addSql(`create table "curriculum_item" ("id" uuid not null, "version" int not null default 1, "year_id" uuid not null, "class_group_id" uuid not null, "subject_id" uuid not null, "hours_per_week" numeric(4,1) not null, "component" "curriculum_component" not null, constraint "curriculum_item_pkey" primary key ("id"), constraint curriculum_item_hours_positive check (hours_per_week > 0));`);
    this.addSql(`create index "curriculum_item_year_id_index" on "curriculum_item" ("year_id");`);
    this.addSql(`alter table "curriculum_item" add constraint "curriculum_item_class_group_id_subject_id_unique" unique ("class_group_id", "subject_id");`);

    this.addSql(`alter table "room" add constraint "room_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);

    this.addSql(`alter table "personal_data_access" add constraint "personal_data_access_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "personal_data_access" add constraint "personal_data_access_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);

    this.addSql(`alter table "personal_data_consent" add constraint "personal_data_consent_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "personal_data_consent" add constraint "personal_data_consent_student_id_foreign" foreign key ("student_id") references "student" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "personal_data_consent" add constraint "personal_data_consent_guardian_id_foreign" foreign key ("guardian_id") references "guardian" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "personal_data_consent" add constraint "personal_data_consent_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "personal_data_consent" add constraint "personal_data_consent_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "timetable_entry" add constraint "timetable_entry_year_id_foreign" foreign key ("year_id") references "academic_year" ("id") on update cascade;`);
    this.addSql(`alter table "timetable_entry" add constraint "timetable_entry_class_group_id_foreign" foreign key ("class_group_id") references "class_group" ("id") on update cascade;`);
    this.addSql(`alter table "timetable_entry" add constraint "timetable_entry_subgroup_id_foreign" foreign key ("subgroup_id") references "subgroup" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "timetable_entry" add constraint "timetable_entry_subject_id_foreign" foreign key ("subject_id") references "subject" ("id") on update cascade;`);
    this.addSql(`alter table "timetable_entry" add constraint "timetable_entry_teacher_id_foreign" foreign key ("teacher_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "timetable_entry" add constraint "timetable_entry_room_id_foreign" foreign key ("room_id") references "room" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "thematic_plan_item" add constraint "thematic_plan_item_teacher_id_foreign" foreign key ("teacher_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "thematic_plan_item" add constraint "thematic_plan_item_class_group_id_foreign" foreign key ("class_group_id") references "class_group" ("id") on update cascade;`);
    this.addSql(`alter table "thematic_plan_item" add constraint "thematic_plan_item_subject_id_foreign" foreign key ("subject_id") references "subject" ("id") on update cascade;`);
    this.addSql(`alter table "thematic_plan_item" add constraint "thematic_plan_item_subgroup_id_foreign" foreign key ("subgroup_id") references "subgroup" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "movement_order" add constraint "movement_order_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "movement_order" add constraint "movement_order_year_id_foreign" foreign key ("year_id") references "academic_year" ("id") on update cascade;`);
    this.addSql(`alter table "movement_order" add constraint "movement_order_student_id_foreign" foreign key ("student_id") references "student" ("id") on update cascade;`);
    this.addSql(`alter table "movement_order" add constraint "movement_order_from_class_id_foreign" foreign key ("from_class_id") references "class_group" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "movement_order" add constraint "movement_order_to_class_id_foreign" foreign key ("to_class_id") references "class_group" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "movement_order" add constraint "movement_order_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "curriculum_item" add constraint "curriculum_item_year_id_foreign" foreign key ("year_id") references "academic_year" ("id") on update cascade;`);
    this.addSql(`alter table "curriculum_item" add constraint "curriculum_item_class_group_id_foreign" foreign key ("class_group_id") references "class_group" ("id") on update cascade;`);
    this.addSql(`alter table "curriculum_item" add constraint "curriculum_item_subject_id_foreign" foreign key ("subject_id") references "subject" ("id") on update cascade;`);

    this.addSql(`alter table "bell" add column "version" int not null default 1;`);

    this.addSql(`alter table "academic_year" add column "version" int not null default 1, add column "previous_year_id" uuid null, add column "closed_at" timestamptz null;`);
    this.addSql(`alter table "academic_year" add constraint "academic_year_previous_year_id_foreign" foreign key ("previous_year_id") references "academic_year" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "moved_working_day" add column "version" int not null default 1;`);

    this.addSql(`alter table "holiday" add column "version" int not null default 1;`);

    this.addSql(`alter table "study_period" add column "version" int not null default 1;`);

    this.addSql(`alter table "subject" add column "version" int not null default 1;`);

    this.addSql(`alter table "app_user" add column "version" int not null default 1, add column "locked_at" timestamptz null, add column "locked_reason" varchar(500) null, add column "created_by_id" uuid null;`);
    this.addSql(`alter table "app_user" add constraint "app_user_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "student" add column "version" int not null default 1, add column "gender" "gender" null, add column "address" varchar(500) null, add column "phone" varchar(40) null, add column "email" varchar(254) null, add column "identity_document_kind" "identity_document_kind" null, add column "identity_document_number" varchar(60) null, add column "snils" varchar(11) null;`);
    this.addSql(`alter table "student" add constraint student_snils_format check(snils ~ '^[0-9]{11}\$');`);

    // Existing grants get the migration's time; new ones always name their own.
    this.addSql(`alter table "role_grant" add column "granted_at" timestamptz not null default now(), add column "granted_by_id" uuid null;`);
    this.addSql(`alter table "role_grant" alter column "granted_at" drop default;`);
    this.addSql(`alter table "role_grant" add constraint "role_grant_granted_by_id_foreign" foreign key ("granted_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`create unique index "period_mark_yearly_unique" on "period_mark" ("student_id", "subject_id", "year_id", "kind") where "study_period_id" is null;`);
    this.addSql(`alter table "period_mark" add constraint period_mark_period_iff_kind check((kind = 'PERIOD') = (study_period_id is not null));`);

    this.addSql(`alter table "guardian" add column "version" int not null default 1, add column "email" varchar(254) null, add column "address" varchar(500) null;`);

    this.addSql(`alter table "employee" add column "version" int not null default 1, add column "phone" varchar(40) null, add column "email" varchar(254) null;`);

    this.addSql(`alter table "class_group" add column "version" int not null default 1, add column "promoted_from_id" uuid null;`);
    this.addSql(`alter table "class_group" add constraint "class_group_promoted_from_id_foreign" foreign key ("promoted_from_id") references "class_group" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "subgroup" add column "version" int not null default 1;`);

    this.addSql(`alter table "teaching_assignment" add column "version" int not null default 1, add column "year_id" uuid null;`);
    this.addSql(`update "teaching_assignment" ta set "year_id" = cg."year_id" from "class_group" cg where cg."id" = ta."class_group_id";`);
    this.addSql(`alter table "teaching_assignment" alter column "year_id" set not null;`);
    this.addSql(`alter table "teaching_assignment" add constraint "teaching_assignment_year_id_foreign" foreign key ("year_id") references "academic_year" ("id") on update cascade;`);
    this.addSql(`create index "teaching_assignment_year_id_teacher_id_index" on "teaching_assignment" ("year_id", "teacher_id");`);

    this.addSql(`alter table "lesson" add column "version" int not null default 1, add column "room_id" uuid null, add column "timetable_entry_id" uuid null, add column "cancel_reason" varchar(500) null;`);
    this.addSql(`alter table "lesson" add constraint "lesson_room_id_foreign" foreign key ("room_id") references "room" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "lesson" add constraint "lesson_timetable_entry_id_foreign" foreign key ("timetable_entry_id") references "timetable_entry" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "lesson_room_id_date_index" on "lesson" ("room_id", "date");`);
    this.addSql(`create index "lesson_timetable_entry_id_index" on "lesson" ("timetable_entry_id");`);

    // Every existing enrollment gets the ENROLL order that opens it, numbered "М-1", "М-2", … per school and year.
    this.addSql(`alter table "enrollment" add column "opened_by_id" uuid null, add column "closed_by_id" uuid null;`);
    this.addSql(`update "enrollment" set "opened_by_id" = gen_random_uuid();`);
    this.addSql(`insert into "movement_order"
        ("id", "school_id", "year_id", "number", "order_date", "effective_on", "type", "student_id", "to_class_id", "basis", "created_at")
      select e."opened_by_id", cg."school_id", cg."year_id",
        'М-' || row_number() over (partition by cg."school_id", cg."year_id" order by e."starts_on", e."id"),
        e."starts_on", e."starts_on", 'ENROLL', e."student_id", cg."id", 'Зачисление, записанное до книги движения', now()
      from "enrollment" e join "class_group" cg on cg."id" = e."class_group_id";`);
    this.addSql(`alter table "enrollment" alter column "opened_by_id" set not null;`);
    this.addSql(`alter table "enrollment" add constraint "enrollment_opened_by_id_foreign" foreign key ("opened_by_id") references "movement_order" ("id") on update cascade;`);
    this.addSql(`alter table "enrollment" add constraint "enrollment_closed_by_id_foreign" foreign key ("closed_by_id") references "movement_order" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "enrollment" add constraint "enrollment_opened_by_id_unique" unique ("opened_by_id");`);
    this.addSql(`alter table "enrollment" add constraint "enrollment_closed_by_id_unique" unique ("closed_by_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "timetable_entry" drop constraint "timetable_entry_room_id_foreign";`);

    this.addSql(`alter table "lesson" drop constraint "lesson_room_id_foreign";`);

    this.addSql(`alter table "lesson" drop constraint "lesson_timetable_entry_id_foreign";`);

    this.addSql(`alter table "enrollment" drop constraint "enrollment_opened_by_id_foreign";`);

    this.addSql(`alter table "enrollment" drop constraint "enrollment_closed_by_id_foreign";`);

    this.addSql(`drop table if exists "room" cascade;`);

    this.addSql(`drop table if exists "personal_data_access" cascade;`);

    this.addSql(`drop table if exists "personal_data_consent" cascade;`);

    this.addSql(`drop table if exists "timetable_entry" cascade;`);

    this.addSql(`drop table if exists "thematic_plan_item" cascade;`);

    this.addSql(`drop table if exists "movement_order" cascade;`);

    this.addSql(`drop table if exists "curriculum_item" cascade;`);

    this.addSql(`alter table "academic_year" drop constraint "academic_year_previous_year_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_created_by_id_foreign";`);

    this.addSql(`alter table "class_group" drop constraint "class_group_promoted_from_id_foreign";`);

    this.addSql(`alter table "role_grant" drop constraint "role_grant_granted_by_id_foreign";`);

    this.addSql(`alter table "teaching_assignment" drop constraint "teaching_assignment_year_id_foreign";`);

    this.addSql(`alter table "academic_year" drop column "version", drop column "previous_year_id", drop column "closed_at";`);

    this.addSql(`alter table "app_user" drop column "version", drop column "locked_at", drop column "locked_reason", drop column "created_by_id";`);

    this.addSql(`alter table "bell" drop column "version";`);

    this.addSql(`alter table "class_group" drop column "version", drop column "promoted_from_id";`);

    this.addSql(`alter table "employee" drop column "version", drop column "phone", drop column "email";`);

    this.addSql(`alter table "enrollment" drop constraint "enrollment_opened_by_id_unique";`);
    this.addSql(`alter table "enrollment" drop constraint "enrollment_closed_by_id_unique";`);
    this.addSql(`alter table "enrollment" drop column "opened_by_id", drop column "closed_by_id";`);

    this.addSql(`alter table "guardian" drop column "version", drop column "email", drop column "address";`);

    this.addSql(`alter table "holiday" drop column "version";`);

    this.addSql(`drop index "lesson_room_id_date_index";`);
    this.addSql(`drop index "lesson_timetable_entry_id_index";`);
    this.addSql(`alter table "lesson" drop column "version", drop column "room_id", drop column "timetable_entry_id", drop column "cancel_reason";`);

    this.addSql(`alter table "moved_working_day" drop column "version";`);

    this.addSql(`drop index "period_mark_yearly_unique";`);
    this.addSql(`alter table "period_mark" drop constraint period_mark_period_iff_kind;`);

    this.addSql(`alter table "role_grant" drop column "granted_at", drop column "granted_by_id";`);

    this.addSql(`alter table "student" drop constraint student_snils_format;`);
    this.addSql(`alter table "student" drop column "version", drop column "gender", drop column "address", drop column "phone", drop column "email", drop column "identity_document_kind", drop column "identity_document_number", drop column "snils";`);

    this.addSql(`alter table "study_period" drop column "version";`);

    this.addSql(`alter table "subgroup" drop column "version";`);

    this.addSql(`alter table "subject" drop column "version";`);

    this.addSql(`drop index "teaching_assignment_year_id_teacher_id_index";`);
    this.addSql(`alter table "teaching_assignment" drop column "version", drop column "year_id";`);

    this.addSql(`drop type "gender";`);
    this.addSql(`drop type "identity_document_kind";`);
    this.addSql(`drop type "person_card_kind";`);
    this.addSql(`drop type "movement_order_type";`);
    this.addSql(`drop type "curriculum_component";`);
  }

}
