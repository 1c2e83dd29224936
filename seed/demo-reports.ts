import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * What the journal reports need to show something on the demo school (demo-school.ts writes a
 * perfectly kept journal): all deterministic, by subject, class and date, and only in the past.
 * - the register marked called on every held lesson but geography's of the last two weeks;
 * - no homework on history's Wednesday lessons, no topic on 5Б music of the last three weeks
 *   (5А's diary keeps every topic: the contract's "a diary is never empty");
 * - English marks on every third day of the month entered two days late, mathematics on the
 *   10th and 20th one day late;
 * - one generated 5Б student with no biology mark in the first quarter (at risk, "н/а");
 * - first-quarter marks for grade 5, once it is over: the weighted average rounded half up,
 *   "н/а" without any five-point mark, set by the subject teacher on the quarter's last day.
 *   (The generated journal asks each student of a 1-hour subject about once a fortnight, so
 *   the at-risk list of rule 7 is long on the demo: that is the generator's density.)
 */
export async function seedDemoReports(em: EntityManager, o: { schoolId: string; today: string; timezone: string }): Promise<void> {
  const { schoolId, today, timezone } = o;
  await em.execute(
    `update lesson l set attendance_taken_at = (l.date + time '12:00') at time zone ?
      where l.school_id = ? and l.state = 'HELD'
        and not (l.date >= ?::date - 14 and l.subject_id = (select id from subject where school_id = ? and name = 'География'))`,
    [timezone, schoolId, today, schoolId],
  );
  await em.execute(
    `update lesson_record r set homework = null from lesson l join subject s on s.id = l.subject_id
      where r.lesson_id = l.id and l.school_id = ? and s.name = 'История' and extract(isodow from l.date) = 3`,
    [schoolId],
  );
  await em.execute(
    `update lesson_record r set topic = null from lesson l join subject s on s.id = l.subject_id join class_group c on c.id = l.class_group_id
      where r.lesson_id = l.id and l.school_id = ? and s.name = 'Музыка' and c.grade = 5 and c.letter = 'Б' and l.date >= ?::date - 21`,
    [schoolId, today],
  );
  for (const [subject, days, lateBy] of [['Английский язык', 'extract(day from l.date)::int % 3 = 0', 2], ['Математика', 'extract(day from l.date)::int in (10, 20)', 1]] as const) {
    const lateMarks = `select m.id from mark m join lesson l on l.id = m.lesson_id join subject s on s.id = l.subject_id
                        where l.school_id = ? and s.name = ? and ${days} and l.date < ?::date - 3`;
    await em.execute(`update mark_version set created_at = created_at + interval '${lateBy} days' where mark_id in (${lateMarks})`, [schoolId, subject, today]);
    await em.execute(`update mark set created_at = created_at + interval '${lateBy} days' where id in (${lateMarks})`, [schoolId, subject, today]);
  }
  const shortOfMarks = `select m.id from mark m join lesson l on l.id = m.lesson_id join subject s on s.id = l.subject_id
      join study_period p on p.ordinal = 1 and l.date between p.starts_on and p.ends_on
      join academic_year y on y.id = p.year_id and y.school_id = l.school_id
     where m.student_id = (select e.student_id from enrollment e join class_group c on c.id = e.class_group_id join student st on st.id = e.student_id
                            where c.school_id = ? and c.grade = 5 and c.letter = 'Б' and st.user_id is null order by st.last_name, st.first_name limit 1)
       and s.name = 'Биология'
`;
  await em.execute(`delete from mark_version where mark_id in (${shortOfMarks})`, [schoolId]);
  await em.execute(`delete from mark where id in (${shortOfMarks})`, [schoolId]);

  // First-quarter marks, one statement for the marks and one for their first versions.
  await em.execute(
    `with p as (select p.id, p.starts_on, p.ends_on, p.year_id from study_period p join academic_year y on y.id = p.year_id
                 where y.school_id = ? and p.ordinal = 1 and p.ends_on < ?::date),
     en as (select e.student_id, c.id as class_id from p, enrollment e join class_group c on c.id = e.class_group_id
             where c.year_id = p.year_id and c.grade > 1),
     agg as (select en.student_id, ci.subject_id, ci.hours_per_week, count(m.id) as n,
                    sum(m.value::int * w.weight) / nullif(sum(w.weight), 0) as weighted
               from p, en join curriculum_item ci on ci.class_group_id = en.class_id
               left join lesson l on l.class_group_id = en.class_id and l.subject_id = ci.subject_id
               left join mark m on m.lesson_id = l.id and m.student_id = en.student_id and m.value in ('1', '2', '3', '4', '5')
               left join work_type w on w.id = m.work_type_id
              where l.id is null or l.date between p.starts_on and p.ends_on
              group by en.student_id, en.class_id, ci.subject_id, ci.hours_per_week)
     insert into period_mark (id, school_id, student_id, subject_id, year_id, kind, study_period_id, value, revision, created_by_id, created_at)
     select gen_random_uuid(), ?, agg.student_id, agg.subject_id, p.year_id, 'PERIOD', p.id,
            case when agg.weighted is null then 'н/а' else floor(agg.weighted + 0.5)::int::text end,
            1, coalesce((select e.user_id from teaching_assignment ta join employee e on e.id = ta.teacher_id
                          join enrollment en2 on en2.class_group_id = ta.class_group_id and en2.student_id = agg.student_id
                         where ta.subject_id = agg.subject_id and e.user_id is not null limit 1),
                        (select u.id from app_user u where u.login = 'admin')),
            (p.ends_on + time '15:00') at time zone ?
       from p, agg`,
    [schoolId, today, schoolId, timezone],
  );
  await em.execute(
    `insert into period_mark_version (id, period_mark_id, revision, value, created_by_id, created_at)
     select gen_random_uuid(), pm.id, 1, pm.value, pm.created_by_id, pm.created_at from period_mark pm
      where pm.school_id = ? and not exists(select 1 from period_mark_version v where v.period_mark_id = pm.id)`,
    [schoolId],
  );
  // Fresh statistics after the bulk load: without them the planner takes every table for empty
  // and the reports' joins run as nested loops until autovacuum's analyze comes by.
  await em.execute('analyze');
}
