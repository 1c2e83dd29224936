import { Migration } from '@mikro-orm/migrations';

/**
 * Classes and school settings (issue 18, part 1):
 * - `class_group.closed_at`: a closed class keeps its history and takes no new pupils;
 * - `work_type.retired_at`: a retired work type takes no new marks; the marks it has keep it;
 * - study periods per parallel (004 §4): `study_period.grade_from`..`grade_to` (default 1–11), one
 *   scheme per range of grades, ordinals counted within the scheme. The period of a date for a class
 *   is the one of its grade, so the term report's rollup (`mark_rollup`, Migration20261201220000)
 *   joins the period by date *and* grade; its functions are redefined here with that join.
 *   A work type re-weighted or study periods changed already rebuild the rollup (same migration).
 */
function totals(sign: '+' | '-'): string {
  return [
    'count(*)', 'count(v.n)', 'coalesce(sum(v.n), 0)', 'coalesce(sum(v.n * wt.weight), 0)',
    'coalesce(sum(wt.weight) filter (where v.n is not null), 0)', 'count(*) filter (where v.n >= 4)', 'count(*) filter (where v.n >= 3)',
  ].map((t) => `${sign}${t}`).join(', ');
}

/** Marks of `source` with their class, subject, weight and study period (of the lesson's date; `byGrade`: and of the class's grade). */
function marksIn(source: string, byGrade: boolean): string {
  const grade = byGrade ? ' and c.grade between sp.grade_from and sp.grade_to' : '';
  return `from ${source} m
      join lesson l on l.id = m.lesson_id
      join class_group c on c.id = l.class_group_id
      join study_period sp on sp.year_id = c.year_id and l.date between sp.starts_on and sp.ends_on${grade}
      join work_type wt on wt.id = m.work_type_id
      cross join lateral (select case when m.value in ('1', '2', '3', '4', '5') then m.value::int end as n) v`;
}

const COLUMNS = `school_id, class_group_id, subject_id, study_period_id,
  marks_count, graded_count, value_sum, weighted_sum, weight_sum, good_count, passing_count`;

function applySql(source: string, sign: '+' | '-', byGrade: boolean): string {
  const add = (c: string) => `${c} = r.${c} + excluded.${c}`;
  return `insert into mark_rollup as r (id, ${COLUMNS})
      select gen_random_uuid(), t.* from (
        select l.school_id, l.class_group_id, l.subject_id, sp.id,
               ${totals(sign)}
        ${marksIn(source, byGrade)}
        group by l.school_id, l.class_group_id, l.subject_id, sp.id
        order by l.class_group_id, l.subject_id, sp.id) t
      on conflict (class_group_id, subject_id, study_period_id) do update set
        ${['marks_count', 'graded_count', 'value_sum', 'weighted_sum', 'weight_sum', 'good_count', 'passing_count'].map(add).join(', ')}`;
}

function rollupFunctions(byGrade: boolean): string[] {
  return [
    `create or replace function mark_rollup_on_mark() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          ${applySql('old_marks', '-', byGrade)};
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          ${applySql('new_marks', '+', byGrade)};
        end if;
        return null;
      end $$;`,
    `create or replace function mark_rollup_rebuild(class_ids uuid[]) returns void language plpgsql as $$
      begin
        delete from mark_rollup where class_group_id = any(class_ids);
        insert into mark_rollup (id, ${COLUMNS})
        select gen_random_uuid(), t.* from (
          select l.school_id, l.class_group_id, l.subject_id, sp.id, ${totals('+')}
          ${marksIn('mark', byGrade)}
          where l.class_group_id = any(class_ids)
          group by l.school_id, l.class_group_id, l.subject_id, sp.id) t;
      end $$;`,
  ];
}

export class Migration20261203154000_school_setup extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "study_period" drop constraint "study_period_year_id_ordinal_unique";`);
    this.addSql(`alter table "study_period" add column "grade_from" int not null default 1, add column "grade_to" int not null default 11;`);
    this.addSql(`alter table "study_period" add constraint "study_period_year_id_grade_from_ordinal_unique" unique ("year_id", "grade_from", "ordinal");`);
    this.addSql(`alter table "study_period" add constraint study_period_grades check(grade_from >= 1 and grade_from <= grade_to and grade_to <= 11);`);
    this.addSql(`alter table "class_group" add column "closed_at" timestamptz null;`);
    this.addSql(`alter table "work_type" add column "retired_at" timestamptz null;`);
    for (const line of rollupFunctions(true)) this.addSql(line);
  }

  override async down(): Promise<void> {
    for (const line of rollupFunctions(false)) this.addSql(line);
    this.addSql(`alter table "work_type" drop column "retired_at";`);
    this.addSql(`alter table "class_group" drop column "closed_at";`);
    // A year had one scheme before: the one of the first grades stays, the others go.
    this.addSql(`delete from "study_period" where "grade_from" <> 1;`);
    this.addSql(`alter table "study_period" drop constraint "study_period_year_id_grade_from_ordinal_unique";`);
    this.addSql(`alter table "study_period" drop constraint study_period_grades;`);
    this.addSql(`alter table "study_period" drop column "grade_from", drop column "grade_to";`);
    this.addSql(`alter table "study_period" add constraint "study_period_year_id_ordinal_unique" unique ("year_id", "ordinal");`);
  }
}
