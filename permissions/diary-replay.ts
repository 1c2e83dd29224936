import { Role } from '../entities';
import { joinSql, sql, type Sql } from '../lib/sql';
import { tiesOf } from './policy';
import { REGISTRY } from './registry';
import { Ties, employedOn, holdsRoleSql, todayInSchool } from './ties';

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
  const today = todayInSchool(now);
  const parts: Sql[] = [];
  // The same parts as the live diary's watchers (diary-watchers.ts): the ties of `studentRecord.read`.
  const ties = new Set(tiesOf(REGISTRY['studentRecord.read'].allow));
  if (ties.has('self')) {
    parts.push(sql`select s.id as student_id, 'self' as tie,
             (select max(y.starts_on)::timestamp at time zone sc.timezone from academic_year y
               where y.school_id = s.school_id and y.starts_on <= ${today}) as since
        from student s join school sc on sc.id = s.school_id
       where s.user_id = ${userId}::uuid and ${holdsRoleSql('s.user_id', 's.school_id', Role.STUDENT)}`);
  }
  if (ties.has('child')) {
    parts.push(sql`select g.student_id, 'parent', g.created_at
        from guardian gd join guardianship g on g.guardian_id = gd.id and g.revoked_at is null
       where gd.user_id = ${userId}::uuid and ${holdsRoleSql('gd.user_id', 'gd.school_id', Role.PARENT)}`);
  }
  if (ties.has('leadsClass')) {
    parts.push(sql`select e.student_id, 'class_teacher', greatest(e.starts_on, y.starts_on)::timestamp at time zone sc.timezone
        from employee emp
        join class_group c on c.class_teacher_id = emp.id
        join academic_year y on y.id = c.year_id
        join school sc on sc.id = c.school_id
        join enrollment e on e.class_group_id = c.id
       where emp.user_id = ${userId}::uuid and ${employedOn('emp', today)}
         and ${holdsRoleSql('emp.user_id', 'c.school_id', Role.TEACHER)} and ${Ties.enrolledOn(today)}`);
  }
  if (parts.length === 0) parts.push(sql`select null::uuid, null::text, null::timestamptz where false`);
  const statement = sql`select t.student_id, min(t.since) as since, string_agg(distinct t.tie, '+' order by t.tie) as tie from (
      ${joinSql(parts, ' union all ')}
    ) t
    join app_user u on u.id = ${userId}::uuid and not u.locked
   where t.since is not null and (${studentId}::uuid is null or t.student_id = ${studentId}::uuid)
   group by t.student_id`;
  return { sql: statement.text, params: [...statement.values] };
}
