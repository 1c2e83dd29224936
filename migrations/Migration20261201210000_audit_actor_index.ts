import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log read by actor: the audit-log filter `actorId`, and the user-activity report,
 * which counts each account's sign-ins (school-less `auth.login` entries) and writes in a span.
 */
export class Migration20261201210000_audit_actor_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "audit_entry_actor_id_at_index" on "audit_entry" ("actor_id", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "audit_entry_actor_id_at_index";`);
  }
}
