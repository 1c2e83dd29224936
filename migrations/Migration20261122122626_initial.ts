import { Migration } from '@mikro-orm/migrations';

export class Migration20261122122626_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "academic_year_state" as enum ('PLANNING', 'ACTIVE', 'CLOSED');`);
    this.addSql(`create type "study_period_kind" as enum ('QUARTER', 'TRIMESTER', 'HALF_YEAR');`);
    this.addSql(`create type "grading_scale" as enum ('FIVE_POINT', 'PASS_FAIL');`);
    this.addSql(`create type "role" as enum ('ADMIN', 'DIRECTOR', 'DEPUTY_ACADEMIC', 'DEPUTY_PASTORAL', 'TEACHER', 'SECRETARY', 'HR', 'STUDENT', 'PARENT', 'MUNICIPAL_COORDINATOR', 'REGIONAL_COORDINATOR');`);
    this.addSql(`create type "period_mark_kind" as enum ('PERIOD', 'YEAR', 'EXAM', 'FINAL');`);
    this.addSql(`create type "lesson_state" as enum ('SCHEDULED', 'HELD', 'CANCELLED');`);
    this.addSql(`create type "attendance_kind" as enum ('ABSENT', 'LATE');`);
    this.addSql(`create type "absence_reason" as enum ('UNKNOWN', 'ILLNESS', 'EXCUSED', 'UNEXCUSED');`);
    this.addSql(`create type "diary_event_type" as enum ('MARK_ADDED', 'MARK_CORRECTED', 'ABSENCE_RECORDED', 'ABSENCE_REASON_SET', 'LESSON_RECORD_SET');`);
    this.addSql(`create table "app_setting" ("key" varchar(60) not null, "value" text not null, constraint "app_setting_pkey" primary key ("key"));`);

    this.addSql(`create table "region" ("id" uuid not null, "name" varchar(200) not null, constraint "region_pkey" primary key ("id"));`);

    this.addSql(`create table "municipality" ("id" uuid not null, "region_id" uuid not null, "name" varchar(200) not null, constraint "municipality_pkey" primary key ("id"));`);

    this.addSql(`create table "school" ("id" uuid not null, "municipality_id" uuid not null, "name" varchar(300) not null, "timezone" varchar(64) not null default 'Europe/Moscow', constraint "school_pkey" primary key ("id"));`);

    this.addSql(`create table "bell" ("id" uuid not null, "school_id" uuid not null, "shift" int not null, "number" int not null, "starts_at" time(0) not null, "ends_at" time(0) not null, constraint "bell_pkey" primary key ("id"));`);
    this.addSql(`alter table "bell" add constraint "bell_school_id_shift_number_unique" unique ("school_id", "shift", "number");`);

    this.addSql(`create table "academic_year" ("id" uuid not null, "school_id" uuid not null, "name" varchar(20) not null, "starts_on" date not null, "ends_on" date not null, "state" "academic_year_state" not null default 'PLANNING', constraint "academic_year_pkey" primary key ("id"));`);
    this.addSql(`alter table "academic_year" add constraint "academic_year_school_id_name_unique" unique ("school_id", "name");`);

    this.addSql(`create table "moved_working_day" ("id" uuid not null, "year_id" uuid not null, "work_date" date not null, "day_off_date" date not null, "note" varchar(200) null, constraint "moved_working_day_pkey" primary key ("id"));`);

    this.addSql(`create table "holiday" ("id" uuid not null, "year_id" uuid not null, "name" varchar(120) not null, "starts_on" date not null, "ends_on" date not null, constraint "holiday_pkey" primary key ("id"));`);

    this.addSql(`create table "study_period" ("id" uuid not null, "year_id" uuid not null, "kind" "study_period_kind" not null, "ordinal" int not null, "name" varchar(60) not null, "starts_on" date not null, "ends_on" date not null, constraint "study_period_pkey" primary key ("id"));`);
    this.addSql(`alter table "study_period" add constraint "study_period_year_id_ordinal_unique" unique ("year_id", "ordinal");`);

    this.addSql(`create table "subject" ("id" uuid not null, "school_id" uuid not null, "name" varchar(120) not null, "grading_scale" "grading_scale" not null default 'FIVE_POINT', constraint "subject_pkey" primary key ("id"));`);
    this.addSql(`alter table "subject" add constraint "subject_school_id_name_unique" unique ("school_id", "name");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "login" varchar(100) not null, "password_hash" varchar(255) not null, "must_change_password" boolean not null default false, "locked" boolean not null default false, "created_at" timestamptz not null, "last_login_at" timestamptz null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_login_unique" unique ("login");`);

    this.addSql(`create table "student" ("id" uuid not null, "school_id" uuid not null, "user_id" uuid null, "last_name" varchar(100) not null, "first_name" varchar(100) not null, "middle_name" varchar(100) null, "birth_date" date null, "personal_data_consent_at" timestamptz null, constraint "student_pkey" primary key ("id"));`);
    this.addSql(`alter table "student" add constraint "student_user_id_unique" unique ("user_id");`);

    this.addSql(`create table "role_grant" ("id" uuid not null, "user_id" uuid not null, "role" "role" not null, "school_id" uuid null, "municipality_id" uuid null, "region_id" uuid null, constraint "role_grant_pkey" primary key ("id"));`);
    this.addSql(`alter table "role_grant" add constraint "role_grant_user_id_role_school_id_unique" unique nulls not distinct ("user_id", "role", "school_id");`);

    this.addSql(`create table "refresh_token" ("id" uuid not null, "user_id" uuid not null, "token_hash" varchar(64) not null, "family_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "refresh_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "refresh_token_family_id_index" on "refresh_token" ("family_id");`);

    this.addSql(`create table "period_mark" ("id" uuid not null, "school_id" uuid not null, "student_id" uuid not null, "subject_id" uuid not null, "year_id" uuid not null, "kind" "period_mark_kind" not null, "study_period_id" uuid null, "value" varchar(10) not null, "revision" int not null default 1, "created_by_id" uuid not null, "created_at" timestamptz not null, "corrected_at" timestamptz null, constraint "period_mark_pkey" primary key ("id"));`);
    this.addSql(`alter table "period_mark" add constraint "period_mark_student_id_subject_id_year_id_kind_st_88488_unique" unique nulls not distinct ("student_id", "subject_id", "year_id", "kind", "study_period_id");`);

    this.addSql(`create table "period_mark_version" ("id" uuid not null, "period_mark_id" uuid not null, "revision" int not null, "value" varchar(10) not null, "reason" varchar(500) null, "created_by_id" uuid not null, "created_at" timestamptz not null, constraint "period_mark_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "period_mark_version" add constraint "period_mark_version_period_mark_id_revision_unique" unique ("period_mark_id", "revision");`);

    this.addSql(`create table "guardian" ("id" uuid not null, "school_id" uuid not null, "user_id" uuid null, "last_name" varchar(100) not null, "first_name" varchar(100) not null, "middle_name" varchar(100) null, "phone" varchar(40) null, "personal_data_consent_at" timestamptz null, constraint "guardian_pkey" primary key ("id"));`);
    this.addSql(`alter table "guardian" add constraint "guardian_user_id_unique" unique ("user_id");`);

    this.addSql(`create table "guardianship" ("id" uuid not null, "guardian_id" uuid not null, "student_id" uuid not null, "relation" varchar(40) null, "created_at" timestamptz not null, "revoked_at" timestamptz null, constraint "guardianship_pkey" primary key ("id"));`);
    this.addSql(`create index "guardianship_student_id_index" on "guardianship" ("student_id");`);

    this.addSql(`create table "employee" ("id" uuid not null, "school_id" uuid not null, "user_id" uuid null, "last_name" varchar(100) not null, "first_name" varchar(100) not null, "middle_name" varchar(100) null, "position" varchar(200) null, "hired_on" date null, "dismissed_on" date null, constraint "employee_pkey" primary key ("id"));`);
    this.addSql(`alter table "employee" add constraint "employee_user_id_unique" unique ("user_id");`);

    this.addSql(`create table "class_group" ("id" uuid not null, "school_id" uuid not null, "year_id" uuid not null, "grade" int not null, "letter" varchar(4) not null, "shift" int not null default 1, "class_teacher_id" uuid null, constraint "class_group_pkey" primary key ("id"));`);
    this.addSql(`alter table "class_group" add constraint "class_group_year_id_grade_letter_unique" unique ("year_id", "grade", "letter");`);

    this.addSql(`create table "subgroup" ("id" uuid not null, "class_group_id" uuid not null, "subject_id" uuid not null, "name" varchar(60) not null, constraint "subgroup_pkey" primary key ("id"));`);

    this.addSql(`create table "teaching_assignment" ("id" uuid not null, "teacher_id" uuid not null, "class_group_id" uuid not null, "subgroup_id" uuid null, "subject_id" uuid not null, constraint "teaching_assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "teaching_assignment_teacher_id_index" on "teaching_assignment" ("teacher_id");`);

    this.addSql(`create table "subgroup_member" ("id" uuid not null, "subgroup_id" uuid not null, "student_id" uuid not null, constraint "subgroup_member_pkey" primary key ("id"));`);
    this.addSql(`alter table "subgroup_member" add constraint "subgroup_member_subgroup_id_student_id_unique" unique ("subgroup_id", "student_id");`);

    this.addSql(`create table "lesson" ("id" uuid not null, "school_id" uuid not null, "class_group_id" uuid not null, "subgroup_id" uuid null, "subject_id" uuid not null, "teacher_id" uuid not null, "substitute_teacher_id" uuid null, "date" date not null, "number" int not null, "state" "lesson_state" not null default 'SCHEDULED', constraint "lesson_pkey" primary key ("id"));`);
    this.addSql(`create index "lesson_substitute_teacher_id_date_index" on "lesson" ("substitute_teacher_id", "date");`);
    this.addSql(`create index "lesson_teacher_id_date_index" on "lesson" ("teacher_id", "date");`);
    this.addSql(`create index "lesson_class_group_id_date_index" on "lesson" ("class_group_id", "date");`);

    this.addSql(`create table "lesson_record" ("id" uuid not null, "lesson_id" uuid not null, "topic" varchar(500) null, "homework" text null, "updated_by_id" uuid not null, "updated_at" timestamptz not null, constraint "lesson_record_pkey" primary key ("id"));`);
    this.addSql(`alter table "lesson_record" add constraint "lesson_record_lesson_id_unique" unique ("lesson_id");`);

    this.addSql(`create table "enrollment" ("id" uuid not null, "student_id" uuid not null, "class_group_id" uuid not null, "starts_on" date not null, "ends_on" date null, constraint "enrollment_pkey" primary key ("id"));`);
    this.addSql(`create index "enrollment_student_id_starts_on_index" on "enrollment" ("student_id", "starts_on");`);
    this.addSql(`create index "enrollment_class_group_id_starts_on_index" on "enrollment" ("class_group_id", "starts_on");`);

    this.addSql(`create table "audit_entry" ("id" bigserial primary key, "at" timestamptz not null, "actor_id" uuid null, "school_id" uuid null, "action" varchar(60) not null, "entity_type" varchar(60) not null, "entity_id" uuid null, "before" jsonb null, "after" jsonb null, "ip" varchar(64) null);`);
    this.addSql(`create index "audit_entry_entity_type_entity_id_index" on "audit_entry" ("entity_type", "entity_id");`);
    this.addSql(`create index "audit_entry_school_id_at_index" on "audit_entry" ("school_id", "at");`);

    this.addSql(`create table "attendance" ("id" uuid not null, "school_id" uuid not null, "student_id" uuid not null, "lesson_id" uuid not null, "kind" "attendance_kind" not null, "reason" "absence_reason" not null default 'UNKNOWN', "document" varchar(300) null, "created_by_id" uuid not null, "created_at" timestamptz not null, "reason_set_at" timestamptz null, constraint "attendance_pkey" primary key ("id"));`);
    this.addSql(`create index "attendance_lesson_id_index" on "attendance" ("lesson_id");`);
    this.addSql(`alter table "attendance" add constraint "attendance_student_id_lesson_id_unique" unique ("student_id", "lesson_id");`);

    this.addSql(`create table "work_type" ("id" uuid not null, "school_id" uuid not null, "code" varchar(30) not null, "name" varchar(120) not null, "weight" numeric(4,2) not null, constraint "work_type_pkey" primary key ("id"));`);
    this.addSql(`alter table "work_type" add constraint "work_type_school_id_code_unique" unique ("school_id", "code");`);

    this.addSql(`create table "mark" ("id" uuid not null, "school_id" uuid not null, "student_id" uuid not null, "lesson_id" uuid not null, "work_type_id" uuid not null, "value" varchar(10) not null, "comment" varchar(500) null, "revision" int not null default 1, "created_by_id" uuid not null, "created_at" timestamptz not null, "corrected_at" timestamptz null, constraint "mark_pkey" primary key ("id"));`);
    this.addSql(`create index "mark_lesson_id_index" on "mark" ("lesson_id");`);
    this.addSql(`create index "mark_student_id_lesson_id_index" on "mark" ("student_id", "lesson_id");`);

    this.addSql(`create table "mark_version" ("id" uuid not null, "mark_id" uuid not null, "revision" int not null, "value" varchar(10) not null, "comment" varchar(500) null, "reason" varchar(500) null, "created_by_id" uuid not null, "created_at" timestamptz not null, constraint "mark_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "mark_version" add constraint "mark_version_mark_id_revision_unique" unique ("mark_id", "revision");`);

    this.addSql(`create table "diary_event" ("id" bigserial primary key, "type" "diary_event_type" not null, "school_id" uuid not null, "student_id" uuid not null, "lesson_id" uuid null, "mark_id" uuid null, "attendance_id" uuid null, "occurred_at" timestamptz not null);`);
    this.addSql(`create index "diary_event_student_id_id_index" on "diary_event" ("student_id", "id");`);

    this.addSql(`alter table "municipality" add constraint "municipality_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`);

    this.addSql(`alter table "school" add constraint "school_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade;`);

    this.addSql(`alter table "bell" add constraint "bell_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);

    this.addSql(`alter table "academic_year" add constraint "academic_year_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);

    this.addSql(`alter table "moved_working_day" add constraint "moved_working_day_year_id_foreign" foreign key ("year_id") references "academic_year" ("id") on update cascade;`);

    this.addSql(`alter table "holiday" add constraint "holiday_year_id_foreign" foreign key ("year_id") references "academic_year" ("id") on update cascade;`);

    this.addSql(`alter table "study_period" add constraint "study_period_year_id_foreign" foreign key ("year_id") references "academic_year" ("id") on update cascade;`);

    this.addSql(`alter table "subject" add constraint "subject_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);

    this.addSql(`alter table "student" add constraint "student_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "student" add constraint "student_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "role_grant" add constraint "role_grant_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "role_grant" add constraint "role_grant_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "role_grant" add constraint "role_grant_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "role_grant" add constraint "role_grant_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "refresh_token" add constraint "refresh_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "period_mark" add constraint "period_mark_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "period_mark" add constraint "period_mark_student_id_foreign" foreign key ("student_id") references "student" ("id") on update cascade;`);
    this.addSql(`alter table "period_mark" add constraint "period_mark_subject_id_foreign" foreign key ("subject_id") references "subject" ("id") on update cascade;`);
    this.addSql(`alter table "period_mark" add constraint "period_mark_year_id_foreign" foreign key ("year_id") references "academic_year" ("id") on update cascade;`);
    this.addSql(`alter table "period_mark" add constraint "period_mark_study_period_id_foreign" foreign key ("study_period_id") references "study_period" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "period_mark" add constraint "period_mark_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "period_mark_version" add constraint "period_mark_version_period_mark_id_foreign" foreign key ("period_mark_id") references "period_mark" ("id") on update cascade;`);
    this.addSql(`alter table "period_mark_version" add constraint "period_mark_version_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "guardian" add constraint "guardian_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "guardian" add constraint "guardian_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "guardianship" add constraint "guardianship_guardian_id_foreign" foreign key ("guardian_id") references "guardian" ("id") on update cascade;`);
    this.addSql(`alter table "guardianship" add constraint "guardianship_student_id_foreign" foreign key ("student_id") references "student" ("id") on update cascade;`);

    this.addSql(`alter table "employee" add constraint "employee_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "employee" add constraint "employee_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "class_group" add constraint "class_group_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "class_group" add constraint "class_group_year_id_foreign" foreign key ("year_id") references "academic_year" ("id") on update cascade;`);
    this.addSql(`alter table "class_group" add constraint "class_group_class_teacher_id_foreign" foreign key ("class_teacher_id") references "employee" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "subgroup" add constraint "subgroup_class_group_id_foreign" foreign key ("class_group_id") references "class_group" ("id") on update cascade;`);
    this.addSql(`alter table "subgroup" add constraint "subgroup_subject_id_foreign" foreign key ("subject_id") references "subject" ("id") on update cascade;`);

    this.addSql(`alter table "teaching_assignment" add constraint "teaching_assignment_teacher_id_foreign" foreign key ("teacher_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "teaching_assignment" add constraint "teaching_assignment_class_group_id_foreign" foreign key ("class_group_id") references "class_group" ("id") on update cascade;`);
    this.addSql(`alter table "teaching_assignment" add constraint "teaching_assignment_subgroup_id_foreign" foreign key ("subgroup_id") references "subgroup" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "teaching_assignment" add constraint "teaching_assignment_subject_id_foreign" foreign key ("subject_id") references "subject" ("id") on update cascade;`);

    this.addSql(`alter table "subgroup_member" add constraint "subgroup_member_subgroup_id_foreign" foreign key ("subgroup_id") references "subgroup" ("id") on update cascade;`);
    this.addSql(`alter table "subgroup_member" add constraint "subgroup_member_student_id_foreign" foreign key ("student_id") references "student" ("id") on update cascade;`);

    this.addSql(`alter table "lesson" add constraint "lesson_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "lesson" add constraint "lesson_class_group_id_foreign" foreign key ("class_group_id") references "class_group" ("id") on update cascade;`);
    this.addSql(`alter table "lesson" add constraint "lesson_subgroup_id_foreign" foreign key ("subgroup_id") references "subgroup" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "lesson" add constraint "lesson_subject_id_foreign" foreign key ("subject_id") references "subject" ("id") on update cascade;`);
    this.addSql(`alter table "lesson" add constraint "lesson_teacher_id_foreign" foreign key ("teacher_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "lesson" add constraint "lesson_substitute_teacher_id_foreign" foreign key ("substitute_teacher_id") references "employee" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "lesson_record" add constraint "lesson_record_lesson_id_foreign" foreign key ("lesson_id") references "lesson" ("id") on update cascade;`);
    this.addSql(`alter table "lesson_record" add constraint "lesson_record_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "enrollment" add constraint "enrollment_student_id_foreign" foreign key ("student_id") references "student" ("id") on update cascade;`);
    this.addSql(`alter table "enrollment" add constraint "enrollment_class_group_id_foreign" foreign key ("class_group_id") references "class_group" ("id") on update cascade;`);

    this.addSql(`alter table "audit_entry" add constraint "audit_entry_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "attendance" add constraint "attendance_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "attendance" add constraint "attendance_student_id_foreign" foreign key ("student_id") references "student" ("id") on update cascade;`);
    this.addSql(`alter table "attendance" add constraint "attendance_lesson_id_foreign" foreign key ("lesson_id") references "lesson" ("id") on update cascade;`);
    this.addSql(`alter table "attendance" add constraint "attendance_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "work_type" add constraint "work_type_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);

    this.addSql(`alter table "mark" add constraint "mark_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "mark" add constraint "mark_student_id_foreign" foreign key ("student_id") references "student" ("id") on update cascade;`);
    this.addSql(`alter table "mark" add constraint "mark_lesson_id_foreign" foreign key ("lesson_id") references "lesson" ("id") on update cascade;`);
    this.addSql(`alter table "mark" add constraint "mark_work_type_id_foreign" foreign key ("work_type_id") references "work_type" ("id") on update cascade;`);
    this.addSql(`alter table "mark" add constraint "mark_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "mark_version" add constraint "mark_version_mark_id_foreign" foreign key ("mark_id") references "mark" ("id") on update cascade;`);
    this.addSql(`alter table "mark_version" add constraint "mark_version_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "diary_event" add constraint "diary_event_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
    this.addSql(`alter table "diary_event" add constraint "diary_event_student_id_foreign" foreign key ("student_id") references "student" ("id") on update cascade;`);
    this.addSql(`alter table "diary_event" add constraint "diary_event_lesson_id_foreign" foreign key ("lesson_id") references "lesson" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "diary_event" add constraint "diary_event_mark_id_foreign" foreign key ("mark_id") references "mark" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "diary_event" add constraint "diary_event_attendance_id_foreign" foreign key ("attendance_id") references "attendance" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "municipality" drop constraint "municipality_region_id_foreign";`);

    this.addSql(`alter table "role_grant" drop constraint "role_grant_region_id_foreign";`);

    this.addSql(`alter table "school" drop constraint "school_municipality_id_foreign";`);

    this.addSql(`alter table "role_grant" drop constraint "role_grant_municipality_id_foreign";`);

    this.addSql(`alter table "bell" drop constraint "bell_school_id_foreign";`);

    this.addSql(`alter table "academic_year" drop constraint "academic_year_school_id_foreign";`);

    this.addSql(`alter table "subject" drop constraint "subject_school_id_foreign";`);

    this.addSql(`alter table "student" drop constraint "student_school_id_foreign";`);

    this.addSql(`alter table "role_grant" drop constraint "role_grant_school_id_foreign";`);

    this.addSql(`alter table "period_mark" drop constraint "period_mark_school_id_foreign";`);

    this.addSql(`alter table "guardian" drop constraint "guardian_school_id_foreign";`);

    this.addSql(`alter table "employee" drop constraint "employee_school_id_foreign";`);

    this.addSql(`alter table "class_group" drop constraint "class_group_school_id_foreign";`);

    this.addSql(`alter table "lesson" drop constraint "lesson_school_id_foreign";`);

    this.addSql(`alter table "audit_entry" drop constraint "audit_entry_school_id_foreign";`);

    this.addSql(`alter table "attendance" drop constraint "attendance_school_id_foreign";`);

    this.addSql(`alter table "work_type" drop constraint "work_type_school_id_foreign";`);

    this.addSql(`alter table "mark" drop constraint "mark_school_id_foreign";`);

    this.addSql(`alter table "diary_event" drop constraint "diary_event_school_id_foreign";`);

    this.addSql(`alter table "moved_working_day" drop constraint "moved_working_day_year_id_foreign";`);

    this.addSql(`alter table "holiday" drop constraint "holiday_year_id_foreign";`);

    this.addSql(`alter table "study_period" drop constraint "study_period_year_id_foreign";`);

    this.addSql(`alter table "period_mark" drop constraint "period_mark_year_id_foreign";`);

    this.addSql(`alter table "class_group" drop constraint "class_group_year_id_foreign";`);

    this.addSql(`alter table "period_mark" drop constraint "period_mark_study_period_id_foreign";`);

    this.addSql(`alter table "period_mark" drop constraint "period_mark_subject_id_foreign";`);

    this.addSql(`alter table "subgroup" drop constraint "subgroup_subject_id_foreign";`);

    this.addSql(`alter table "teaching_assignment" drop constraint "teaching_assignment_subject_id_foreign";`);

    this.addSql(`alter table "lesson" drop constraint "lesson_subject_id_foreign";`);

    this.addSql(`alter table "student" drop constraint "student_user_id_foreign";`);

    this.addSql(`alter table "role_grant" drop constraint "role_grant_user_id_foreign";`);

    this.addSql(`alter table "refresh_token" drop constraint "refresh_token_user_id_foreign";`);

    this.addSql(`alter table "period_mark" drop constraint "period_mark_created_by_id_foreign";`);

    this.addSql(`alter table "period_mark_version" drop constraint "period_mark_version_created_by_id_foreign";`);

    this.addSql(`alter table "guardian" drop constraint "guardian_user_id_foreign";`);

    this.addSql(`alter table "employee" drop constraint "employee_user_id_foreign";`);

    this.addSql(`alter table "lesson_record" drop constraint "lesson_record_updated_by_id_foreign";`);

    this.addSql(`alter table "audit_entry" drop constraint "audit_entry_actor_id_foreign";`);

    this.addSql(`alter table "attendance" drop constraint "attendance_created_by_id_foreign";`);

    this.addSql(`alter table "mark" drop constraint "mark_created_by_id_foreign";`);

    this.addSql(`alter table "mark_version" drop constraint "mark_version_created_by_id_foreign";`);

    this.addSql(`alter table "period_mark" drop constraint "period_mark_student_id_foreign";`);

    this.addSql(`alter table "guardianship" drop constraint "guardianship_student_id_foreign";`);

    this.addSql(`alter table "subgroup_member" drop constraint "subgroup_member_student_id_foreign";`);

    this.addSql(`alter table "enrollment" drop constraint "enrollment_student_id_foreign";`);

    this.addSql(`alter table "attendance" drop constraint "attendance_student_id_foreign";`);

    this.addSql(`alter table "mark" drop constraint "mark_student_id_foreign";`);

    this.addSql(`alter table "diary_event" drop constraint "diary_event_student_id_foreign";`);

    this.addSql(`alter table "period_mark_version" drop constraint "period_mark_version_period_mark_id_foreign";`);

    this.addSql(`alter table "guardianship" drop constraint "guardianship_guardian_id_foreign";`);

    this.addSql(`alter table "class_group" drop constraint "class_group_class_teacher_id_foreign";`);

    this.addSql(`alter table "teaching_assignment" drop constraint "teaching_assignment_teacher_id_foreign";`);

    this.addSql(`alter table "lesson" drop constraint "lesson_teacher_id_foreign";`);

    this.addSql(`alter table "lesson" drop constraint "lesson_substitute_teacher_id_foreign";`);

    this.addSql(`alter table "subgroup" drop constraint "subgroup_class_group_id_foreign";`);

    this.addSql(`alter table "teaching_assignment" drop constraint "teaching_assignment_class_group_id_foreign";`);

    this.addSql(`alter table "lesson" drop constraint "lesson_class_group_id_foreign";`);

    this.addSql(`alter table "enrollment" drop constraint "enrollment_class_group_id_foreign";`);

    this.addSql(`alter table "teaching_assignment" drop constraint "teaching_assignment_subgroup_id_foreign";`);

    this.addSql(`alter table "subgroup_member" drop constraint "subgroup_member_subgroup_id_foreign";`);

    this.addSql(`alter table "lesson" drop constraint "lesson_subgroup_id_foreign";`);

    this.addSql(`alter table "lesson_record" drop constraint "lesson_record_lesson_id_foreign";`);

    this.addSql(`alter table "attendance" drop constraint "attendance_lesson_id_foreign";`);

    this.addSql(`alter table "mark" drop constraint "mark_lesson_id_foreign";`);

    this.addSql(`alter table "diary_event" drop constraint "diary_event_lesson_id_foreign";`);

    this.addSql(`alter table "diary_event" drop constraint "diary_event_attendance_id_foreign";`);

    this.addSql(`alter table "mark" drop constraint "mark_work_type_id_foreign";`);

    this.addSql(`alter table "mark_version" drop constraint "mark_version_mark_id_foreign";`);

    this.addSql(`alter table "diary_event" drop constraint "diary_event_mark_id_foreign";`);

    this.addSql(`drop table if exists "app_setting" cascade;`);

    this.addSql(`drop table if exists "region" cascade;`);

    this.addSql(`drop table if exists "municipality" cascade;`);

    this.addSql(`drop table if exists "school" cascade;`);

    this.addSql(`drop table if exists "bell" cascade;`);

    this.addSql(`drop table if exists "academic_year" cascade;`);

    this.addSql(`drop table if exists "moved_working_day" cascade;`);

    this.addSql(`drop table if exists "holiday" cascade;`);

    this.addSql(`drop table if exists "study_period" cascade;`);

    this.addSql(`drop table if exists "subject" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "student" cascade;`);

    this.addSql(`drop table if exists "role_grant" cascade;`);

    this.addSql(`drop table if exists "refresh_token" cascade;`);

    this.addSql(`drop table if exists "period_mark" cascade;`);

    this.addSql(`drop table if exists "period_mark_version" cascade;`);

    this.addSql(`drop table if exists "guardian" cascade;`);

    this.addSql(`drop table if exists "guardianship" cascade;`);

    this.addSql(`drop table if exists "employee" cascade;`);

    this.addSql(`drop table if exists "class_group" cascade;`);

    this.addSql(`drop table if exists "subgroup" cascade;`);

    this.addSql(`drop table if exists "teaching_assignment" cascade;`);

    this.addSql(`drop table if exists "subgroup_member" cascade;`);

    this.addSql(`drop table if exists "lesson" cascade;`);

    this.addSql(`drop table if exists "lesson_record" cascade;`);

    this.addSql(`drop table if exists "enrollment" cascade;`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "attendance" cascade;`);

    this.addSql(`drop table if exists "work_type" cascade;`);

    this.addSql(`drop table if exists "mark" cascade;`);

    this.addSql(`drop table if exists "mark_version" cascade;`);

    this.addSql(`drop table if exists "diary_event" cascade;`);

    this.addSql(`drop type "academic_year_state";`);
    this.addSql(`drop type "study_period_kind";`);
    this.addSql(`drop type "grading_scale";`);
    this.addSql(`drop type "role";`);
    this.addSql(`drop type "period_mark_kind";`);
    this.addSql(`drop type "lesson_state";`);
    this.addSql(`drop type "attendance_kind";`);
    this.addSql(`drop type "absence_reason";`);
    this.addSql(`drop type "diary_event_type";`);
  }

}
