import { Migration } from '@mikro-orm/migrations';

/**
 * Personal data as the regulation keeps it (004 §3.1, §6.1):
 * - an employee card carries the "consent in force since" mark, as student and guardian cards
 *   do, filled from the consents already recorded;
 * - the personal-data access log is read by reader (the log's `readerId` filter).
 */
export class Migration20261203152000_personal_data extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "employee" add column "personal_data_consent_at" timestamptz null;`);
    this.addSql(`update "employee" e set "personal_data_consent_at" =
      (select max(c.created_at) from "personal_data_consent" c where c.employee_id = e.id and c.withdrawn_on is null);`);
    this.addSql(`create index "personal_data_access_actor_id_at_index" on "personal_data_access" ("actor_id", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "personal_data_access_actor_id_at_index";`);
    this.addSql(`alter table "employee" drop column "personal_data_consent_at";`);
  }
}
