import { Migration } from '@mikro-orm/migrations';

/**
 * Period results (issue 13, domain/reports/period-results.queries.ts): a school's period marks of
 * one study period (or its YEAR, EXAM, FINAL marks) are read by year, kind and period — a year
 * belongs to one school, so this finds exactly that school's rows in a region's table.
 */
export class Migration20261204190000_period_results extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "period_mark_year_id_kind_study_period_id_index" on "period_mark" ("year_id", "kind", "study_period_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "period_mark_year_id_kind_study_period_id_index";`);
  }
}
