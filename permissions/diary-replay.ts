/**
 * Who may replay the live diary, of which students, and from when (`diaryEvents(after: …)`).
 *
 * The ties are the live diary's (permissions/diary-watchers.ts, which decides `mayWatch`): the
 * student themself, a parent with a guardianship not revoked, the class teacher of the student's
 * current class, each while the role that grants it is held in the school (and the teacher is
 * not dismissed); never a locked account. A replay reaches back no further than the
 * tie does, so a newly linked guardian does not read the child's whole history:
 *
 * - parent: from the guardianship's `created_at`;
 * - class teacher: from the later of the student's enrollment in the class and the class's
 *   academic year start (nothing records when the teacher took the class over, so the
 *   enrollment is the closest bound we have: the tie exists only while the student is in it);
 * - the student: from the start of their school's current academic year (the latest one that
 *   has started by today, so the summer after a year still belongs to it).
 *
 * One row per student: `student_id`, `since` (the earliest of the viewer's ties to them) and
 * `tie` (the ties joined by "+", as `watchable` spells them, for shared execution).
 */
export interface ReplayScopeQuery {
  sql: string;
  params: unknown[];
}

export function diaryReplayScope(viewer: { userId: string; studentId: string | null; now: Date }): ReplayScopeQuery {
  const { userId, studentId, now } = viewer;
  // Dates are the school's: "today" and a year's or enrollment's first day start at its local midnight.
  const sql = `select t.student_id, min(t.since) as since, string_agg(distinct t.tie, '+' order by t.tie) as tie from (
      select s.id as student_id, 'self' as tie,
             (select max(y.starts_on)::timestamp at time zone sc.timezone from academic_year y
               where y.school_id = s.school_id and y.starts_on <= (?::timestamptz at time zone sc.timezone)::date) as since
        from student s join school sc on sc.id = s.school_id
       where s.user_id = ? and exists(select 1 from role_grant rg where rg.user_id = s.user_id and rg.school_id = s.school_id and rg.role = 'STUDENT')
      union all
      select g.student_id, 'parent', g.created_at
        from guardian gd join guardianship g on g.guardian_id = gd.id and g.revoked_at is null
       where gd.user_id = ? and exists(select 1 from role_grant rg where rg.user_id = gd.user_id and rg.school_id = gd.school_id and rg.role = 'PARENT')
      union all
      select e.student_id, 'class_teacher', greatest(e.starts_on, y.starts_on)::timestamp at time zone sc.timezone
        from employee emp
        join class_group c on c.class_teacher_id = emp.id
        join academic_year y on y.id = c.year_id
        join school sc on sc.id = c.school_id
        join enrollment e on e.class_group_id = c.id
       where emp.user_id = ?
         and (emp.dismissed_on is null or emp.dismissed_on > (?::timestamptz at time zone sc.timezone)::date)
         and exists(select 1 from role_grant rg where rg.user_id = emp.user_id and rg.school_id = c.school_id and rg.role = 'TEACHER')
         and e.starts_on <= (?::timestamptz at time zone sc.timezone)::date
         and (e.ends_on is null or e.ends_on >= (?::timestamptz at time zone sc.timezone)::date)
    ) t
    join app_user u on u.id = ? and not u.locked
   where t.since is not null and (?::uuid is null or t.student_id = ?::uuid)
   group by t.student_id`;
  return { sql, params: [now, userId, userId, userId, now, now, now, userId, studentId, studentId] };
}
