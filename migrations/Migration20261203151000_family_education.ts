import { Migration } from '@mikro-orm/migrations';

/**
 * Family education keeps the pupil attached to the school (004 §10): an enrollment now says how
 * the pupil is educated. Existing enrollments are in class; a FAMILY_EDUCATION order that closed
 * one before this migration left the pupil unattached, as it was then.
 */
export class Migration20261203151000_family_education extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "education_form" as enum ('IN_CLASS', 'FAMILY_EDUCATION');`);
    this.addSql(`alter table "enrollment" add column "form" "education_form" not null default 'IN_CLASS';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "enrollment" drop column "form";`);
    this.addSql(`drop type "education_form";`);
  }
}
