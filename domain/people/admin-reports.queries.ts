import type { EntityManager } from '@mikro-orm/postgresql';
import { MovementOrderType, Role, School } from '../../entities';
import { STAFF } from '../../permissions/roles';
import type { AccessScope } from '../../permissions/scope';
import { uuidArray } from '../../permissions/scope';
import { badInput } from '../../lib/errors';

// The administration's reports (004 §11): class fill, movement summary, user activity.
// Each is a fixed number of grouped SQL statements whatever the school's size. The
// coordinators' variants give the same figures per school under them, without names.

/** Students per class the norm counts against (наполняемость класса: 25, ст. 67 Типового положения / СанПиН). */
export const CLASS_SIZE_NORM = 25;
/** The longest span a report covers: a school year and a bit. */
export const MAX_REPORT_DAYS = 400;

export interface ClassFillRow { classGroupId: string; grade: number; name: string; students: number; norm: number }
export interface GradeFillRow { grade: number; classes: number; students: number; norm: number }
export interface ClassFill { date: string; norm: number; classes: ClassFillRow[]; grades: GradeFillRow[]; students: number; capacity: number }

export interface TypeCount { type: MovementOrderType; count: number }
export interface ClassMovementRow { classGroupId: string; name: string; grade: number; arrivals: number; departures: number }
export interface MovementSummary { from: string; to: string; byType: TypeCount[]; classes: ClassMovementRow[]; arrivals: number; departures: number }

export interface UserActivityRow { userId: string; login: string; fullName: string | null; roles: Role[]; logins: number; writes: number; lastLoginAt: Date | null }
export interface RoleActivityRow { role: Role; users: number; activeUsers: number; logins: number; writes: number }
export interface WeekActivityRow { weekStart: string; activeUsers: number; logins: number; writes: number }
export interface UserActivity { from: string; to: string; users: UserActivityRow[]; roles: RoleActivityRow[]; weeks: WeekActivityRow[] }

/** Orders that bring a student into the school, and those that take one out of it. */
const JOINS_SCHOOL = [MovementOrderType.ENROLL];
const LEAVES_SCHOOL = [MovementOrderType.WITHDRAW, MovementOrderType.GRADUATE, MovementOrderType.FAMILY_EDUCATION];

export function checkSpan(from: string, to: string): void {
  if (to < from) throw badInput('to', '"to" is before "from".');
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days > MAX_REPORT_DAYS) throw badInput('to', `A report covers at most ${MAX_REPORT_DAYS} days.`);
}

/** The schools a coordinator's grants cover (`report.bySchool`: the `coordinates` tie of permissions/ties.ts). */
export async function coordinatedSchools(em: EntityManager, access: AccessScope): Promise<School[]> {
  const ids = await access.schoolsCoordinated();
  if (ids.length === 0) return [];
  return em.find(School, { id: { $in: ids } }, { orderBy: { name: 'asc' } });
}

/** Students enrolled on `date` in each class (in class: pupils on family education are only attached to it) of the schools' years running that day, against the norm. */
export async function classFill(em: EntityManager, schoolIds: string[], date: string, norm: number): Promise<Map<string, ClassFill>> {
  if (!Number.isInteger(norm) || norm < 1 || norm > 60) throw badInput('norm', '"norm" must be between 1 and 60.');
  const rows = await em.getConnection().execute<{ school_id: string; id: string; grade: number; letter: string; students: number }[]>(
    `select c.school_id, c.id, c.grade, c.letter,
            (select count(*)::int from enrollment e
              where e.class_group_id = c.id and e.form = 'IN_CLASS'
                and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on >= ?::date)) as students
       from class_group c join academic_year y on y.id = c.year_id
      where c.school_id = any(?::uuid[]) and y.starts_on <= ?::date and y.ends_on >= ?::date
      order by c.grade, c.letter`,
    [date, date, uuidArray(schoolIds), date, date],
  );
  const out = new Map<string, ClassFill>(schoolIds.map((id) => [id, { date, norm, classes: [], grades: [], students: 0, capacity: 0 }]));
  for (const r of rows) {
    const fill = out.get(r.school_id)!;
    fill.classes.push({ classGroupId: r.id, grade: r.grade, name: `${r.grade}${r.letter}`, students: r.students, norm });
    let grade = fill.grades.at(-1);
    if (grade?.grade !== r.grade) {
      grade = { grade: r.grade, classes: 0, students: 0, norm: 0 };
      fill.grades.push(grade);
    }
    grade.classes += 1;
    grade.students += r.students;
    grade.norm += norm;
    fill.students += r.students;
    fill.capacity += norm;
  }
  return out;
}

/**
 * Orders taking effect within [from, to]: their count per type, and per class the students
 * who arrived (the class is the order's `toClass`) and left it (its `fromClass`, on an order that closes).
 */
export async function movementSummary(em: EntityManager, schoolIds: string[], from: string, to: string): Promise<Map<string, MovementSummary>> {
  checkSpan(from, to);
  const conn = em.getConnection();
  const [types, classes] = await Promise.all([
    conn.execute<{ school_id: string; type: MovementOrderType; count: number }[]>(
      `select school_id, type, count(*)::int as count from movement_order
        where school_id = any(?::uuid[]) and effective_on between ?::date and ?::date
        group by school_id, type order by school_id, type::text`,
      [uuidArray(schoolIds), from, to],
    ),
    conn.execute<{ school_id: string; id: string; grade: number; letter: string; arrivals: number; departures: number }[]>(
      `select c.school_id, c.id, c.grade, c.letter,
              count(*) filter (where m.to_class_id = c.id)::int as arrivals,
              count(*) filter (where m.from_class_id = c.id and m.type <> 'DEBT_CLEARED')::int as departures
         from movement_order m join class_group c on c.id in (m.from_class_id, m.to_class_id)
        where m.school_id = any(?::uuid[]) and m.effective_on between ?::date and ?::date
        group by c.id order by c.grade, c.letter`,
      [uuidArray(schoolIds), from, to],
    ),
  ]);
  const out = new Map<string, MovementSummary>(schoolIds.map((id) => [id, { from, to, byType: [], classes: [], arrivals: 0, departures: 0 }]));
  for (const t of types) {
    const s = out.get(t.school_id)!;
    s.byType.push({ type: t.type, count: t.count });
    if (JOINS_SCHOOL.includes(t.type)) s.arrivals += t.count;
    if (LEAVES_SCHOOL.includes(t.type)) s.departures += t.count;
  }
  for (const c of classes) {
    out.get(c.school_id)!.classes.push({ classGroupId: c.id, name: `${c.grade}${c.letter}`, grade: c.grade, arrivals: c.arrivals, departures: c.departures });
  }
  return out;
}

/**
 * Logins and writes of the school's accounts within [from, to] (002/003: weekly or quarterly):
 * per account, per role and per week. A write is an audit entry of the school by the account
 * (not a login); a login is an `auth.login` entry. `staffOnly`: HR sees staff accounts only.
 */
export async function userActivity(
  em: EntityManager, schoolIds: string[], from: string, to: string, options: { staffOnly?: boolean } = {},
): Promise<Map<string, UserActivity>> {
  checkSpan(from, to);
  const roles = options.staffOnly ? STAFF : Object.values(Role);
  const rows = await em.getConnection().execute<{
    school_id: string; user_id: string; login: string; full_name: string | null; roles: Role[]; logins: number; writes: number;
    last_login_at: string | Date | null; weeks: { week: string; logins: number; writes: number }[] | null;
  }[]>(
    `with members as (
       select g.school_id, g.user_id, array_agg(distinct g.role::text order by g.role::text) as roles
         from role_grant g where g.school_id = any(?::uuid[]) and g.role = any(?::role[])
        group by g.school_id, g.user_id),
     span as (
       select m.school_id, m.user_id, sc.timezone,
              (?::date::timestamp at time zone sc.timezone) as starts, ((?::date + 1)::timestamp at time zone sc.timezone) as ends
         from members m join school sc on sc.id = m.school_id),
     events as (
       select s.school_id, s.user_id, a.action = 'auth.login' as is_login,
              date_trunc('week', a.at at time zone s.timezone)::date as week
         from span s join audit_entry a on a.actor_id = s.user_id and a.at >= s.starts and a.at < s.ends
        where a.action = 'auth.login' or (a.school_id = s.school_id and a.action not like 'auth.%'))
     select m.school_id, m.user_id, u.login, m.roles, u.last_login_at,
            coalesce((select concat_ws(' ', e.last_name, e.first_name, e.middle_name) from employee e where e.user_id = m.user_id),
                     (select concat_ws(' ', st.last_name, st.first_name, st.middle_name) from student st where st.user_id = m.user_id),
                     (select concat_ws(' ', gd.last_name, gd.first_name, gd.middle_name) from guardian gd where gd.user_id = m.user_id)) as full_name,
            coalesce(w.logins, 0)::int as logins, coalesce(w.writes, 0)::int as writes, w.weeks
       from members m join app_user u on u.id = m.user_id
       left join lateral (
         select sum(x.logins) as logins, sum(x.writes) as writes,
                json_agg(json_build_object('week', x.week, 'logins', x.logins, 'writes', x.writes) order by x.week) as weeks
           from (select ev.week, count(*) filter (where ev.is_login) as logins, count(*) filter (where not ev.is_login) as writes
                   from events ev where ev.school_id = m.school_id and ev.user_id = m.user_id group by ev.week) x) w on true
      order by m.school_id, u.login`,
    [uuidArray(schoolIds), `{${roles.join(',')}}`, from, to],
  );
  const out = new Map<string, UserActivity>(schoolIds.map((id) => [id, { from, to, users: [], roles: [], weeks: [] }]));
  const byRole = new Map<string, Map<Role, RoleActivityRow>>();
  const byWeek = new Map<string, Map<string, WeekActivityRow & { active: Set<string> }>>();
  for (const r of rows) {
    const report = out.get(r.school_id)!;
    report.users.push({
      userId: r.user_id, login: r.login, fullName: r.full_name || null, roles: r.roles, logins: r.logins, writes: r.writes,
      // Raw rows carry timestamps as text.
      lastLoginAt: r.last_login_at ? new Date(r.last_login_at) : null,
    });
    const roleMap = byRole.get(r.school_id) ?? new Map<Role, RoleActivityRow>();
    byRole.set(r.school_id, roleMap);
    for (const role of r.roles) {
      const row = roleMap.get(role) ?? { role, users: 0, activeUsers: 0, logins: 0, writes: 0 };
      roleMap.set(role, row);
      row.users += 1;
      if (r.logins + r.writes > 0) row.activeUsers += 1;
      row.logins += r.logins;
      row.writes += r.writes;
    }
    const weekMap = byWeek.get(r.school_id) ?? new Map();
    byWeek.set(r.school_id, weekMap);
    for (const w of r.weeks ?? []) {
      const row = weekMap.get(w.week) ?? { weekStart: w.week, activeUsers: 0, logins: 0, writes: 0, active: new Set<string>() };
      weekMap.set(w.week, row);
      row.logins += w.logins;
      row.writes += w.writes;
      row.active.add(r.user_id);
    }
  }
  for (const [schoolId, report] of out) {
    report.roles = [...(byRole.get(schoolId)?.values() ?? [])].sort((a, b) => a.role.localeCompare(b.role));
    report.weeks = [...(byWeek.get(schoolId)?.values() ?? [])]
      .map(({ active, ...w }) => ({ ...w, activeUsers: active.size }))
      .sort((a, b) => a.weekStart.localeCompare(b.weekStart));
  }
  return out;
}
