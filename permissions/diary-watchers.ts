import { Role } from '../entities';
import { sql, uuidArray, type Sql } from '../lib/sql';
import { Ties, employedOn, holdsRoleSql, todayInSchool } from './ties';

/**
 * Who may watch these students' live diary now (DOMAIN.md "Live diary": each subscribed student,
 * each of the student's parents, and the class teacher, and nobody else), as the ties of
 * permissions/ties.ts seen from the student's side: the student (while a STUDENT of the school),
 * a parent with a live guardianship (while a PARENT of it), the class teacher of the class the
 * student is in today (while a TEACHER of it and not dismissed); never a locked account.
 * One row per student and user, `tie` the ties joined by "+" (shared execution groups by it).
 */
export function diaryWatchers(studentIds: readonly string[], now: Date): Sql {
  const ids = uuidArray(studentIds);
  const today = todayInSchool(now);
  return sql`select w.student_id, w.user_id, string_agg(distinct w.tie, '+' order by w.tie) as tie from (
      select s.id as student_id, s.user_id, 'self' as tie from student s
       where s.id = any(${ids}::uuid[]) and s.user_id is not null and ${holdsRoleSql('s.user_id', 's.school_id', Role.STUDENT)}
      union all
      select g.student_id, gd.user_id, 'parent' from guardianship g join guardian gd on gd.id = g.guardian_id
       where g.student_id = any(${ids}::uuid[]) and g.revoked_at is null and gd.user_id is not null
         and ${holdsRoleSql('gd.user_id', 'gd.school_id', Role.PARENT)}
      union all
      select e.student_id, emp.user_id, 'class_teacher' from enrollment e
        join class_group c on c.id = e.class_group_id
        join employee emp on emp.id = c.class_teacher_id
        join school sc on sc.id = c.school_id
       where e.student_id = any(${ids}::uuid[]) and emp.user_id is not null and ${Ties.enrolledOn(today)}
         and ${employedOn('emp', today)} and ${holdsRoleSql('emp.user_id', 'c.school_id', Role.TEACHER)}
    ) w join app_user u on u.id = w.user_id and not u.locked
    group by w.student_id, w.user_id`;
}
