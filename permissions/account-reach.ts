import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../entities';
import type { Clock } from '../lib/clock';
import { preparedRead } from '../lib/prepared-read';
import { raw, sql } from '../lib/sql';
import { FAMILY } from './roles';
import { holdsIn } from './registry';
import { Ties, todayInSchool } from './ties';
import type { Viewer } from './viewer';

/**
 * Whose account the actor may manage (matrix row "user accounts, roles, password reset";
 * `account.manage`, `account.issueCredentials`). Managing an account hands over everything it
 * holds, so it is allowed only when every grant and every card of the account lies within what
 * the actor manages; an account that reaches further (a staff role, another school, a child in
 * another class) is for the ADMIN of every school involved.
 */
export type AccountReach =
  /** Nothing of the account is the actor's: answered as missing. */
  | 'NONE'
  /** Every grant and card is within the actor's reach. */
  | 'WITHIN'
  /** Some of it is the actor's, some lies beyond: refused (FORBIDDEN), the account's existence is known to the actor anyway. */
  | 'BEYOND';

interface AccountFacts {
  grants: { role: Role; school_id: string | null }[];
  /** Each card of the account: its school, and for a student or guardian card whether the actor leads the class of every child it stands for. */
  cards: { kind: 'employee' | 'student' | 'guardian'; school_id: string; some_led: boolean; all_led: boolean }[];
}

/** One statement: the account's grants and cards, and how the actor's class-teacher tie meets them. */
async function accountFacts(em: EntityManager, viewer: Viewer, clock: Clock, userId: string): Promise<AccountFacts> {
  const ties = new Ties(viewer);
  const today = todayInSchool(clock.now());
  const statement = sql`select
      coalesce((select json_agg(json_build_object('role', g.role, 'school_id', g.school_id)) from role_grant g where g.user_id = ${userId}::uuid), '[]') as grants,
      coalesce((select json_agg(c) from (
         select 'employee' as kind, e.school_id, false as some_led, false as all_led from employee e where e.user_id = ${userId}::uuid
         union all
         select 'student', s.school_id, ${ties.leadsClassOf(raw('s.id'), today)}, ${ties.leadsClassOf(raw('s.id'), today)}
           from student s join school sc on sc.id = s.school_id where s.user_id = ${userId}::uuid
         union all
         -- A guardian is tied to the class teacher by one child of the class, and within their reach only when every child is.
         select 'guardian', gd.school_id,
                exists(select 1 from guardianship g where g.guardian_id = gd.id and g.revoked_at is null
                        and ${ties.leadsClassOf(raw('g.student_id'), today)}),
                not exists(select 1 from guardianship g where g.guardian_id = gd.id and g.revoked_at is null
                            and not ${ties.leadsClassOf(raw('g.student_id'), today)})
           from guardian gd join school sc on sc.id = gd.school_id where gd.user_id = ${userId}::uuid
      ) c), '[]') as cards`;
  const [row] = await preparedRead<AccountFacts[]>(em, statement.text, statement.values);
  return row;
}

/** How far the actor's ADMIN grants reach over the account (`account.manage`). */
function adminReach(viewer: Viewer, facts: AccountFacts): AccountReach {
  const schools = [...facts.grants.map((g) => g.school_id), ...facts.cards.map((c) => c.school_id)];
  const administered = (school: string | null) => school !== null && holdsIn(viewer, 'account.manage', school);
  if (!schools.some(administered)) return 'NONE';
  return schools.every(administered) ? 'WITHIN' : 'BEYOND';
}

/** How far the actor's class-teacher tie reaches over the account: a family's account, all of it in the actor's class. */
function classTeacherReach(facts: AccountFacts): AccountReach {
  if (!facts.cards.some((c) => c.some_led)) return 'NONE';
  const schools = new Set(facts.cards.map((c) => c.school_id));
  const familyOnly = facts.grants.every((g) => FAMILY.includes(g.role) && g.school_id !== null && schools.has(g.school_id));
  const allLed = facts.cards.every((c) => c.kind !== 'employee' && c.all_led);
  return familyOnly && allLed ? 'WITHIN' : 'BEYOND';
}

export async function accountReach(
  em: EntityManager, viewer: Viewer, clock: Clock, userId: string, permission: 'account.manage' | 'account.issueCredentials',
): Promise<AccountReach> {
  const facts = await accountFacts(em, viewer, clock, userId);
  const asAdmin = adminReach(viewer, facts);
  if (permission === 'account.manage' || asAdmin !== 'NONE') return asAdmin;
  return viewer.hasRole(Role.TEACHER) ? classTeacherReach(facts) : 'NONE';
}

/**
 * A card without an account, for `account.issueCredentials` (the new account gets what the card
 * stands for): the ADMIN, any card of their school; the class teacher, a student their class holds
 * today, or a guardian who stands for a child of it — WITHIN only when every child is in it.
 */
export async function issueReachForCard(
  em: EntityManager, viewer: Viewer, clock: Clock, card: { kind: 'student' | 'guardian'; id: string; schoolId: string },
): Promise<AccountReach> {
  if (holdsIn(viewer, 'account.manage', card.schoolId)) return 'WITHIN';
  const ties = new Ties(viewer);
  if (!ties.teacherCard) return 'NONE';
  const today = todayInSchool(clock.now());
  const statement = card.kind === 'student'
    ? sql`select ${ties.leadsClassOf(sql`${card.id}::uuid`, today)} as some_led, true as all_led from school sc where sc.id = ${card.schoolId}::uuid`
    : sql`select exists(select 1 from guardianship g where g.guardian_id = ${card.id}::uuid and g.revoked_at is null
                         and ${ties.leadsClassOf(raw('g.student_id'), today)}) as some_led,
                 not exists(select 1 from guardianship g where g.guardian_id = ${card.id}::uuid and g.revoked_at is null
                             and not ${ties.leadsClassOf(raw('g.student_id'), today)}) as all_led
            from school sc where sc.id = ${card.schoolId}::uuid`;
  const [row] = await preparedRead<{ some_led: boolean; all_led: boolean }[]>(em, statement.text, statement.values);
  if (!row?.some_led) return 'NONE';
  return row.all_led ? 'WITHIN' : 'BEYOND';
}

/** `guardianship` by a class teacher: the guardian already stands for a child of the actor's class today. */
export async function isGuardianOfLedClass(em: EntityManager, viewer: Viewer, clock: Clock, guardianId: string, schoolId: string): Promise<boolean> {
  const ties = new Ties(viewer);
  if (!ties.teacherCard) return false;
  const statement = sql`select exists(select 1 from guardianship g where g.guardian_id = ${guardianId}::uuid and g.revoked_at is null
                          and ${ties.leadsClassOf(raw('g.student_id'), todayInSchool(clock.now()))}) as ok
                          from school sc where sc.id = ${schoolId}::uuid`;
  const [row] = await preparedRead<{ ok: boolean }[]>(em, statement.text, statement.values);
  return row?.ok === true;
}
