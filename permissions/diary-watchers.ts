import { Role } from '../entities';
import { joinSql, sql, uuidArray, type Sql } from '../lib/sql';
import { tiesOf } from './policy';
import { REGISTRY } from './registry';
import { Ties, employedOn, holdsRoleSql, todayInSchool } from './ties';

/**
 * Who may watch these students' live diary now (DOMAIN.md "Live diary": each subscribed student,
 * each of the student's parents, and the class teacher, and nobody else), as the ties of
 * permissions/ties.ts seen from the student's side: the student (while a STUDENT of the school),
 * a parent with a live guardianship (while a PARENT of it), the class teacher of the class the
 * student is in today (while a TEACHER of it and not dismissed); never a locked account.
 * One row per student and user, `tie` the ties joined by "+" (shared execution groups by it).
 * Which of the three parts exist follows `studentRecord.read` (permissions/policies/journal.policy.ts),
 * so taking a tie out of that entry takes it out of the live diary too.
 */
export function diaryWatchers(studentIds: readonly string[], now: Date): Sql {
  const ids = uuidArray(studentIds);
  const today = todayInSchool(now);
  const parts: Sql[] = [];
  // Who watches is who reads the student's journal (`studentRecord.read`): its ties decide the parts.
  const ties = new Set(tiesOf(REGISTRY['studentRecord.read'].allow));
  if (ties.has('self')) {
    parts.push(sql`select s.id as student_id, s.user_id, 'self' as tie from student s
       where s.id = any(${ids}::uuid[]) and s.user_id is not null and ${holdsRoleSql('s.user_id', 's.school_id', Role.STUDENT)}`);
  }
  if (ties.has('child')) {
    parts.push(sql`select g.student_id, gd.user_id, 'parent' from guardianship g join guardian gd on gd.id = g.guardian_id
       where g.student_id = any(${ids}::uuid[]) and g.revoked_at is null and gd.user_id is not null
         and ${holdsRoleSql('gd.user_id', 'gd.school_id', Role.PARENT)}`);
  }
  if (ties.has('leadsClass')) {
    parts.push(sql`select e.student_id, emp.user_id, 'class_teacher' from enrollment e
        join class_group c on c.id = e.class_group_id
        join employee emp on emp.id = c.class_teacher_id
        join school sc on sc.id = c.school_id
       where e.student_id = any(${ids}::uuid[]) and emp.user_id is not null and ${Ties.enrolledOn(today)}
         and ${employedOn('emp', today)} and ${holdsRoleSql('emp.user_id', 'c.school_id', Role.TEACHER)}`);
  }
  if (parts.length === 0) return sql`select null::uuid as student_id, null::uuid as user_id, null::text as tie where false`;
  return sql`select w.student_id, w.user_id, string_agg(distinct w.tie, '+' order by w.tie) as tie from (
      ${joinSql(parts, ' union all ')}
    ) w join app_user u on u.id = w.user_id and not u.locked
    group by w.student_id, w.user_id`;
}
