import { Migration } from '@mikro-orm/migrations';

/**
 * Row scoping asks, on every diary and student read, whether the viewer is a guardian of the
 * student or the teacher of the student's class. The diary's statement is prepared with a
 * generic plan (lib/prepared-read.ts), which cannot narrow those checks to the one student
 * and scanned both tables; with these indexes it looks them up at any scale.
 */
export class Migration20261201230000_access_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "guardianship_guardian_id_index" on "guardianship" ("guardian_id");`);
    this.addSql(`create index "class_group_class_teacher_id_index" on "class_group" ("class_teacher_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "class_group_class_teacher_id_index";`);
    this.addSql(`drop index "guardianship_guardian_id_index";`);
  }
}
