import { Migration } from '@mikro-orm/migrations';

/**
 * Mistakes put right, never silently (issue 18 part 4; 001 «запрещается исправление отметок и
 * выставление «задним числом»»; 004 §8.5–8.9):
 * - `mark.retracted_at`, `retracted_by_id`, `retraction_reason`: a mark put on the wrong pupil or
 *   lesson is retracted — the row stays (with its versions and audit entries), it only stops
 *   counting; `mark_version.retraction` marks the version the retraction wrote;
 * - `attendance.cleared_at`, `cleared_by_id`, `clear_reason`: an absence recorded by mistake, cleared;
 * - the diary events `MARK_RETRACTED` and `ABSENCE_CLEARED`;
 * - the term report's rollup (`mark_rollup`) counts only marks not retracted: its functions, last
 *   defined in Migration20261203154000_school_setup, are redefined here on top of that one (the
 *   update trigger subtracts the mark as it was and adds it as it is, so a retraction drops it at once).
 */
function totals(sign: '+' | '-'): string {
  return [
    'count(*)', 'count(v.n)', 'coalesce(sum(v.n), 0)', 'coalesce(sum(v.n * wt.weight), 0)',
    'coalesce(sum(wt.weight) filter (where v.n is not null), 0)', 'count(*) filter (where v.n >= 4)', 'count(*) filter (where v.n >= 3)',
  ].map((t) => `${sign}${t}`).join(', ');
}

/** Marks of `source` with their class, subject, weight and study period (of the lesson's date and the class's grade). */
function marksIn(source: string): string {
  return `from ${source} m
      join lesson l on l.id = m.lesson_id
      join class_group c on c.id = l.class_group_id
      join study_period sp on sp.year_id = c.year_id and l.date between sp.starts_on and sp.ends_on and c.grade between sp.grade_from and sp.grade_to
      join work_type wt on wt.id = m.work_type_id
      cross join lateral (select case when m.value in ('1', '2', '3', '4', '5') then m.value::int end as n) v`;
}

const COLUMNS = `school_id, class_group_id, subject_id, study_period_id,
  marks_count, graded_count, value_sum, weighted_sum, weight_sum, good_count, passing_count`;

/** `counted`: only the marks that count (not retracted); false gives the definition this migration replaces. */
function applySql(source: string, sign: '+' | '-', counted: boolean): string {
  const add = (c: string) => `${c} = r.${c} + excluded.${c}`;
  return `insert into mark_rollup as r (id, ${COLUMNS})
      select gen_random_uuid(), t.* from (
        select l.school_id, l.class_group_id, l.subject_id, sp.id,
               ${totals(sign)}
        ${marksIn(source)}
        ${counted ? 'where m.retracted_at is null' : ''}
        group by l.school_id, l.class_group_id, l.subject_id, sp.id
        order by l.class_group_id, l.subject_id, sp.id) t
      on conflict (class_group_id, subject_id, study_period_id) do update set
        ${['marks_count', 'graded_count', 'value_sum', 'weighted_sum', 'weight_sum', 'good_count', 'passing_count'].map(add).join(', ')}`;
}

function rollupFunctions(counted: boolean): string[] {
  return [
    `create or replace function mark_rollup_on_mark() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          ${applySql('old_marks', '-', counted)};
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          ${applySql('new_marks', '+', counted)};
        end if;
        return null;
      end $$;`,
    `create or replace function mark_rollup_rebuild(class_ids uuid[]) returns void language plpgsql as $$
      begin
        delete from mark_rollup where class_group_id = any(class_ids);
        insert into mark_rollup (id, ${COLUMNS})
        select gen_random_uuid(), t.* from (
          select l.school_id, l.class_group_id, l.subject_id, sp.id, ${totals('+')}
          ${marksIn('mark')}
          where l.class_group_id = any(class_ids)${counted ? ' and m.retracted_at is null' : ''}
          group by l.school_id, l.class_group_id, l.subject_id, sp.id) t;
      end $$;`,
  ];
}

export class Migration20261204010000_corrections extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "mark" add column "retracted_at" timestamptz null, add column "retracted_by_id" uuid null, add column "retraction_reason" varchar(500) null;`);
    this.addSql(`alter table "mark" add constraint "mark_retracted_by_id_foreign" foreign key ("retracted_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "mark" add constraint mark_retraction_complete check ((retracted_at is null) = (retraction_reason is null));`);
    this.addSql(`alter table "mark_version" add column "retraction" boolean not null default false;`);
    this.addSql(`alter table "attendance" add column "cleared_at" timestamptz null, add column "cleared_by_id" uuid null, add column "clear_reason" varchar(500) null;`);
    this.addSql(`alter table "attendance" add constraint "attendance_cleared_by_id_foreign" foreign key ("cleared_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "attendance" add constraint attendance_clearing_complete check ((cleared_at is null) = (clear_reason is null));`);
    this.addSql(`alter type "diary_event_type" add value if not exists 'MARK_RETRACTED';`);
    this.addSql(`alter type "diary_event_type" add value if not exists 'ABSENCE_CLEARED';`);
    for (const line of rollupFunctions(true)) this.addSql(line);
  }

  override async down(): Promise<void> {
    for (const line of rollupFunctions(false)) this.addSql(line);
    // PostgreSQL cannot drop an enum value: the two event types stay (unused) in `diary_event_type`.
    this.addSql(`delete from "diary_event" where "type"::text in ('MARK_RETRACTED', 'ABSENCE_CLEARED');`);
    this.addSql(`alter table "attendance" drop constraint attendance_clearing_complete;`);
    this.addSql(`alter table "attendance" drop constraint "attendance_cleared_by_id_foreign";`);
    this.addSql(`alter table "attendance" drop column "cleared_at", drop column "cleared_by_id", drop column "clear_reason";`);
    this.addSql(`alter table "mark_version" drop column "retraction";`);
    this.addSql(`alter table "mark" drop constraint mark_retraction_complete;`);
    this.addSql(`alter table "mark" drop constraint "mark_retracted_by_id_foreign";`);
    this.addSql(`alter table "mark" drop column "retracted_at", drop column "retracted_by_id", drop column "retraction_reason";`);
  }
}
