import { Role } from '../entities';
import { joinSql, raw, sql, type Sql } from '../lib/sql';
import { rolesOf, tiesOf } from './policy';
import { REGISTRY } from './registry';
import { Ties, employedOn, holdsRoleSql, todayInSchool } from './ties';

/**
 * Who may take part in talking with families (issue 15), as the ties of permissions/ties.ts seen
 * from the student's side, judged at read time (never copied into the conversation): a revoked
 * guardianship, a lost class or a lost role takes the user out of the conversation's reads, writes
 * and live events at once. The parts follow `conversation.aboutStudent`
 * (permissions/policies/messages.policy.ts), as the live diary's watchers follow `studentRecord.read`.
 *
 * - the student themself (while a STUDENT of the school), a parent with a live guardianship
 *   (while a PARENT of it): the family side;
 *
 * Callers pass columns of their own statement (`student`, `user`, an alias): never the aliases used
 * here (e, c, sc, s, g, gd, emp, ta, rg, …); `conv`, `part`, `ann`, `note` are safe.
 * - the class teacher of the class the student is in today, a teacher assigned to a subject of
 *   it (subgroup-aware), each while a TEACHER there and not dismissed; the school administration
 *   by role: the staff side. Never a locked account.
 */
const ADMINISTRATION_ROLES = rolesOf(REGISTRY['conversation.aboutStudent'].allow);

/** SQL: grant row `alias` is of one of the roles. */
function grantIsOneOf(alias: string, roles: readonly Role[]): Sql {
  if (roles.length === 0) return raw('false');
  return sql`(${joinSql(roles.map((r) => sql`${raw(alias)}.role = ${r}`), ' or ')})`;
}

/**
 * The parties of a conversation about `student` (a uuid expression): rows (user_id, side, tie),
 * `side` 'family' or 'staff', `tie` the ties joined by "+".
 */
export function partiesOfStudent(student: Sql, now: Date): Sql {
  const ties = new Set(tiesOf(REGISTRY['conversation.aboutStudent'].allow));
  const today = todayInSchool(now);
  const parts: Sql[] = [];
  if (ties.has('self')) {
    parts.push(sql`select s.user_id, 'family' as side, 'self' as tie from student s
       where s.id = ${student} and s.user_id is not null and ${holdsRoleSql('s.user_id', 's.school_id', Role.STUDENT)}`);
  }
  if (ties.has('child')) {
    parts.push(sql`select gd.user_id, 'family', 'parent' from guardianship g join guardian gd on gd.id = g.guardian_id
       where g.student_id = ${student} and g.revoked_at is null and gd.user_id is not null
         and ${holdsRoleSql('gd.user_id', 'gd.school_id', Role.PARENT)}`);
  }
  if (ties.has('leadsClass')) {
    parts.push(sql`select emp.user_id, 'staff', 'class_teacher' from enrollment e
        join class_group c on c.id = e.class_group_id join employee emp on emp.id = c.class_teacher_id
        join school sc on sc.id = c.school_id
       where e.student_id = ${student} and emp.user_id is not null and ${Ties.enrolledOn(today)}
         and ${employedOn('emp', today)} and ${holdsRoleSql('emp.user_id', 'c.school_id', Role.TEACHER)}`);
  }
  if (ties.has('teaches')) {
    parts.push(sql`select emp.user_id, 'staff', 'teacher' from enrollment e
        join class_group c on c.id = e.class_group_id join school sc on sc.id = c.school_id
        join teaching_assignment ta on ta.class_group_id = e.class_group_id join employee emp on emp.id = ta.teacher_id
       where e.student_id = ${student} and emp.user_id is not null and ${Ties.enrolledOn(today)}
         and (ta.subgroup_id is null or exists(select 1 from subgroup_member sm where sm.subgroup_id = ta.subgroup_id and sm.student_id = e.student_id))
         and ${employedOn('emp', today)} and ${holdsRoleSql('emp.user_id', 'c.school_id', Role.TEACHER)}`);
  }
  if (ADMINISTRATION_ROLES.length > 0) {
    parts.push(sql`select ag.user_id, 'staff', 'administration' from student s join role_grant ag on ag.school_id = s.school_id
       where s.id = ${student} and ${grantIsOneOf('ag', ADMINISTRATION_ROLES)}`);
  }
  if (parts.length === 0) return sql`select null::uuid as user_id, null::text as side, null::text as tie where false`;
  return sql`select p.user_id, p.side, string_agg(distinct p.tie, '+' order by p.tie) as tie from (
      ${joinSql(parts, ' union all ')}
    ) p join app_user u on u.id = p.user_id and not u.locked
    group by p.user_id, p.side`;
}

/** SQL: `user` may take part in a conversation about `student` now. */
export function isPartyOfStudent(user: Sql, student: Sql, now: Date): Sql {
  return sql`exists(select 1 from (${partiesOfStudent(student, now)}) party where party.user_id = ${user})`;
}

/** SQL: `user` is on the staff of `school` (`conversation.amongStaff`), account not locked. */
export function isStaffOfSchool(user: Sql, school: Sql): Sql {
  const roles = rolesOf(REGISTRY['conversation.amongStaff'].allow);
  return sql`exists(select 1 from app_user su where su.id = ${user} and not su.locked
      and exists(select 1 from role_grant sg where sg.user_id = su.id and sg.school_id = ${school} and ${grantIsOneOf('sg', roles)}))`;
}

/** The staff of the school a staff conversation may include: rows (user_id). */
export function staffOfSchool(school: Sql): Sql {
  const roles = rolesOf(REGISTRY['conversation.amongStaff'].allow);
  return sql`select distinct sg.user_id from role_grant sg join app_user su on su.id = sg.user_id and not su.locked
     where sg.school_id = ${school} and ${grantIsOneOf('sg', roles)}`;
}

/**
 * SQL: `user` may read and write conversation `alias` now: a participant, and still tied — to its
 * student for a conversation about one, to its school's staff for one among staff.
 */
export function mayTakePartSql(user: Sql, alias: string, now: Date): Sql {
  const c = raw(alias);
  return sql`(exists(select 1 from conversation_participant mcp where mcp.conversation_id = ${c}.id and mcp.user_id = ${user})
     and case when ${c}.student_id is null then ${isStaffOfSchool(user, sql`${c}.school_id`)}
              else ${isPartyOfStudent(user, sql`${c}.student_id`, now)} end)`;
}

/**
 * The audience of announcement `alias` (rows user_id), through the ties now: the pupils enrolled
 * today in its classes (all the school's, a parallel's, or the chosen ones) while STUDENTs, their
 * parents with a live guardianship while PARENTs; for the whole school also its staff. The author
 * reads their own announcement besides (not counted in the audience). Rows may repeat (a parent
 * of two pupils of the class): `exists` stops at the first, counts take `distinct`.
 */
export function announcementAudience(alias: string, now: Date): Sql {
  const a = raw(alias);
  const today = todayInSchool(now);
  const classes = sql`select c.id from class_group c join school sc on sc.id = c.school_id
      where c.school_id = ${a}.school_id
        and (${a}.audience = 'SCHOOL' or (${a}.audience = 'GRADE' and c.grade = ${a}.grade)
             or (${a}.audience = 'CLASSES' and exists(select 1 from announcement_class ac where ac.announcement_id = ${a}.id and ac.class_group_id = c.id)))`;
  const students = sql`select e.student_id from enrollment e join class_group c on c.id = e.class_group_id join school sc on sc.id = c.school_id
      where e.class_group_id in (${classes}) and ${Ties.enrolledOn(today)}`;
  return sql`select aud.user_id from (
      select s.user_id from student s where s.id in (${students}) and s.user_id is not null
         and ${holdsRoleSql('s.user_id', 's.school_id', Role.STUDENT)}
      union all
      select gd.user_id from guardianship g join guardian gd on gd.id = g.guardian_id
       where g.student_id in (${students}) and g.revoked_at is null and gd.user_id is not null
         and ${holdsRoleSql('gd.user_id', 'gd.school_id', Role.PARENT)}
      union all
      select st.user_id from (${staffOfSchool(sql`${a}.school_id`)}) st where ${a}.audience = 'SCHOOL'
    ) aud join app_user au on au.id = aud.user_id and not au.locked`;
}

/** SQL: `user` is in the audience of announcement `alias` now. */
export function isInAudience(user: Sql, alias: string, now: Date): Sql {
  return sql`exists(select 1 from (${announcementAudience(alias, now)}) audience where audience.user_id = ${user})`;
}

/**
 * SQL: `user` may see absence note `alias` now (`absenceNote.read` from the student's side): its
 * family, the class teacher, a teacher of the student, the administration.
 */
export function mayReadAbsenceNoteSql(user: Sql, alias: string, now: Date): Sql {
  return isPartyOfStudent(user, sql`${raw(alias)}.student_id`, now);
}

/** The class teachers of the student today (who decide a note): rows (user_id). */
export function classTeachersOf(student: Sql, now: Date): Sql {
  return sql`select party.user_id from (${partiesOfStudent(student, now)}) party where party.tie like '%class_teacher%'`;
}

/** The family side of the student (who hears of a decided note): rows (user_id). */
export function familyOf(student: Sql, now: Date): Sql {
  return sql`select party.user_id from (${partiesOfStudent(student, now)}) party where party.side = 'family'`;
}

/** The viewer's guardian card through which they are the student's parent now (live guardianship, PARENT held): rows (id). */
export function ownGuardianCardOf(user: Sql, student: Sql): Sql {
  return sql`select gd.id from guardianship g join guardian gd on gd.id = g.guardian_id
     where g.student_id = ${student} and g.revoked_at is null and gd.user_id = ${user}
       and ${holdsRoleSql('gd.user_id', 'gd.school_id', Role.PARENT)}`;
}

/**
 * Which of these outbox positions addressed to one user (`diary_event.recipient_id`) that user
 * may still receive now, in one statement per batch: a message while they may take part in its
 * conversation, an announcement while they are in its audience (computed once per announcement of
 * the batch), an absence note's event while they may read the note. Rows (position).
 */
export function receivableAddressedEvents(positions: readonly string[], now: Date): Sql {
  const batch = sql`select d.position, d.type, d.recipient_id, d.message_id, d.announcement_id, d.absence_note_id
      from diary_event d where d.position = any(${`{${positions.join(',')}}`}::bigint[]) and d.recipient_id is not null`;
  return sql`with batch as materialized (${batch}),
      audiences as materialized (
        select ann.id as announcement_id, aud.user_id from announcement ann cross join lateral (${announcementAudience('ann', now)}) aud
         where ann.id in (select b.announcement_id from batch b where b.announcement_id is not null))
    select b.position from batch b
     where (b.type = 'MESSAGE_RECEIVED' and exists(select 1 from message msg join conversation conv on conv.id = msg.conversation_id
              where msg.id = b.message_id and ${mayTakePartSql(sql`b.recipient_id`, 'conv', now)}))
        or (b.type = 'ANNOUNCEMENT' and exists(select 1 from audiences x where x.announcement_id = b.announcement_id and x.user_id = b.recipient_id))
        or (b.type in ('ABSENCE_NOTE_SUBMITTED', 'ABSENCE_NOTE_DECIDED') and exists(select 1 from absence_note note
              where note.id = b.absence_note_id and ${mayReadAbsenceNoteSql(sql`b.recipient_id`, 'note', now)}))`;
}
