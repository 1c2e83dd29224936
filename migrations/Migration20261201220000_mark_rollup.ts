import { Migration } from '@mikro-orm/migrations';

/**
 * The term report's rollup (entities/report.ts): running totals of current marks per
 * class × subject × study period, kept by triggers in the writing transaction.
 *
 * - mark insert/update/delete: statement-level triggers with transition tables add the new
 *   rows and subtract the old ones, so a bulk insert costs one grouped upsert, not one per mark;
 * - a lesson moved to another date, class or subject, a work type re-weighted, or study periods
 *   changed: the affected classes are recomputed from the marks (`mark_rollup_rebuild`).
 */
function totals(sign: '+' | '-'): string {
  return [
    'count(*)', 'count(v.n)', 'coalesce(sum(v.n), 0)', 'coalesce(sum(v.n * wt.weight), 0)',
    'coalesce(sum(wt.weight) filter (where v.n is not null), 0)', 'count(*) filter (where v.n >= 4)', 'count(*) filter (where v.n >= 3)',
  ].map((t) => `${sign}${t}`).join(', ');
}

/** Marks of `source` with what their totals need: the lesson's class and subject, the period, the weight. */
function marksIn(source: string): string {
  return `from ${source} m
      join lesson l on l.id = m.lesson_id
      join class_group c on c.id = l.class_group_id
      join study_period sp on sp.year_id = c.year_id and l.date between sp.starts_on and sp.ends_on
      join work_type wt on wt.id = m.work_type_id
      cross join lateral (select case when m.value in ('1', '2', '3', '4', '5') then m.value::int end as n) v`;
}

const COLUMNS = `school_id, class_group_id, subject_id, study_period_id,
  marks_count, graded_count, value_sum, weighted_sum, weight_sum, good_count, passing_count`;

/** Adds `sign` × the totals of `source`'s marks to the rollup. */
function applySql(source: string, sign: '+' | '-'): string {
  const add = (c: string) => `${c} = r.${c} + excluded.${c}`;
  return `insert into mark_rollup as r (id, ${COLUMNS})
      select gen_random_uuid(), t.* from (
        select l.school_id, l.class_group_id, l.subject_id, sp.id,
               ${totals(sign)}
        ${marksIn(source)}
        group by l.school_id, l.class_group_id, l.subject_id, sp.id
        order by l.class_group_id, l.subject_id, sp.id) t
      on conflict (class_group_id, subject_id, study_period_id) do update set
        ${['marks_count', 'graded_count', 'value_sum', 'weighted_sum', 'weight_sum', 'good_count', 'passing_count'].map(add).join(', ')}`;
}

/** The table, as `npm run db:migration:create` wrote it for entities/report.ts. */
const DDL = [
  `create table "mark_rollup" ("id" uuid not null, "school_id" uuid not null, "class_group_id" uuid not null, "subject_id" uuid not null, "study_period_id" uuid not null, "marks_count" int not null default 0, "graded_count" int not null default 0, "value_sum" bigint not null default '0', "weighted_sum" numeric(16,2) not null default '0', "weight_sum" numeric(16,2) not null default '0', "good_count" int not null default 0, "passing_count" int not null default 0, constraint "mark_rollup_pkey" primary key ("id"));`,
  `create index "mark_rollup_school_id_index" on "mark_rollup" ("school_id");`,
  `alter table "mark_rollup" add constraint "mark_rollup_class_group_id_subject_id_study_period_id_unique" unique ("class_group_id", "subject_id", "study_period_id");`,
  `alter table "mark_rollup" add constraint "mark_rollup_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade on delete cascade;`,
  `alter table "mark_rollup" add constraint "mark_rollup_class_group_id_foreign" foreign key ("class_group_id") references "class_group" ("id") on update cascade on delete cascade;`,
  `alter table "mark_rollup" add constraint "mark_rollup_subject_id_foreign" foreign key ("subject_id") references "subject" ("id") on update cascade on delete cascade;`,
  `alter table "mark_rollup" add constraint "mark_rollup_study_period_id_foreign" foreign key ("study_period_id") references "study_period" ("id") on update cascade on delete cascade;`,
];

export class Migration20261201220000_mark_rollup extends Migration {
  override async up(): Promise<void> {
    for (const line of DDL) this.addSql(line);

    this.addSql(`create function mark_rollup_on_mark() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          ${applySql('old_marks', '-')};
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          ${applySql('new_marks', '+')};
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger mark_rollup_insert after insert on mark referencing new table as new_marks
      for each statement execute function mark_rollup_on_mark();`);
    this.addSql(`create trigger mark_rollup_update after update on mark referencing old table as old_marks new table as new_marks
      for each statement execute function mark_rollup_on_mark();`);
    this.addSql(`create trigger mark_rollup_delete after delete on mark referencing old table as old_marks
      for each statement execute function mark_rollup_on_mark();`);

    // Recomputes whole classes from their marks: for changes that move many marks at once.
    this.addSql(`create function mark_rollup_rebuild(class_ids uuid[]) returns void language plpgsql as $$
      begin
        delete from mark_rollup where class_group_id = any(class_ids);
        insert into mark_rollup (id, ${COLUMNS})
        select gen_random_uuid(), t.* from (
          select l.school_id, l.class_group_id, l.subject_id, sp.id, ${totals('+')}
          ${marksIn('mark')}
          where l.class_group_id = any(class_ids)
          group by l.school_id, l.class_group_id, l.subject_id, sp.id) t;
      end $$;`);
    this.addSql(`create function mark_rollup_on_lesson() returns trigger language plpgsql as $$
      begin
        perform mark_rollup_rebuild(array(
          select o.class_group_id from old_lessons o join new_lessons n on n.id = o.id
           where (o.date, o.class_group_id, o.subject_id) is distinct from (n.date, n.class_group_id, n.subject_id)
          union select n.class_group_id from old_lessons o join new_lessons n on n.id = o.id
           where (o.date, o.class_group_id, o.subject_id) is distinct from (n.date, n.class_group_id, n.subject_id)));
        return null;
      end $$;`);
    this.addSql(`create trigger mark_rollup_lesson after update on lesson referencing old table as old_lessons new table as new_lessons
      for each statement execute function mark_rollup_on_lesson();`);
    this.addSql(`create function mark_rollup_on_work_type() returns trigger language plpgsql as $$
      begin
        perform mark_rollup_rebuild(array(
          select distinct c.id from old_types o join new_types n on n.id = o.id join class_group c on c.school_id = n.school_id
           where o.weight is distinct from n.weight));
        return null;
      end $$;`);
    this.addSql(`create trigger mark_rollup_work_type after update on work_type referencing old table as old_types new table as new_types
      for each statement execute function mark_rollup_on_work_type();`);
    // Periods added, moved or removed: every class of the year is recomputed.
    this.addSql(`create function mark_rollup_on_study_period() returns trigger language plpgsql as $$
      begin
        perform mark_rollup_rebuild(array(select c.id from class_group c
          where c.year_id in (select year_id from changed_periods)));
        return null;
      end $$;`);
    for (const [op, ref] of [['insert', 'new table as changed_periods'], ['update', 'new table as changed_periods'], ['delete', 'old table as changed_periods']]) {
      this.addSql(`create trigger mark_rollup_study_period_${op} after ${op} on study_period referencing ${ref}
        for each statement execute function mark_rollup_on_study_period();`);
    }
  }

  override async down(): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) this.addSql(`drop trigger mark_rollup_study_period_${op} on study_period;`);
    this.addSql(`drop trigger mark_rollup_work_type on work_type;`);
    this.addSql(`drop trigger mark_rollup_lesson on lesson;`);
    for (const op of ['insert', 'update', 'delete']) this.addSql(`drop trigger mark_rollup_${op} on mark;`);
    this.addSql(`drop function mark_rollup_on_study_period();`);
    this.addSql(`drop function mark_rollup_on_work_type();`);
    this.addSql(`drop function mark_rollup_on_lesson();`);
    this.addSql(`drop function mark_rollup_rebuild(uuid[]);`);
    this.addSql(`drop function mark_rollup_on_mark();`);
    this.addSql(`drop table if exists "mark_rollup" cascade;`);
  }
}

