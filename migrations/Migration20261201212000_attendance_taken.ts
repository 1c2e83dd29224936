import { Migration } from '@mikro-orm/migrations';

/**
 * "Attendance taken" for the journal-completeness report: presence is the absence of an
 * attendance row, so a lesson where everybody came looks the same as one whose register was
 * never called. The teacher marks the register called (markAttendanceTaken); recording an
 * absence counts as well.
 */
export class Migration20261201212000_attendance_taken extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "lesson" add column "attendance_taken_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "lesson" drop column "attendance_taken_at";`);
  }
}
