import { Migration } from '@mikro-orm/migrations';

/** The ids other systems gave imported records (OneRoster `sourcedId`): a re-import finds the same rows. */
export class Migration20261203100000_sourced_key extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "sourced_kind" as enum ('ORG', 'ACADEMIC_SESSION', 'STUDY_PERIOD', 'USER', 'STUDENT', 'GUARDIAN', 'EMPLOYEE', 'GUARDIANSHIP', 'COURSE', 'CLASS', 'CURRICULUM_ITEM', 'TEACHING_ASSIGNMENT', 'ENROLLMENT', 'WORK_TYPE');`);
    this.addSql(`create table "sourced_key" ("id" uuid not null, "school_id" uuid not null, "kind" "sourced_kind" not null, "sourced_id" varchar(255) not null, "entity_id" uuid not null, "created_at" timestamptz not null, constraint "sourced_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "sourced_key" add constraint "sourced_key_kind_entity_id_unique" unique ("kind", "entity_id");`);
    this.addSql(`alter table "sourced_key" add constraint "sourced_key_school_id_kind_sourced_id_unique" unique ("school_id", "kind", "sourced_id");`);
    this.addSql(`alter table "sourced_key" add constraint "sourced_key_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sourced_key" cascade;`);
    this.addSql(`drop type "sourced_kind";`);
  }

}
