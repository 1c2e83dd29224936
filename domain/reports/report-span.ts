import { reachParams, reachSql, reportSchools, roleReach, type RoleReach } from '../../permissions/report-reach';
import { localDate } from '../../lib/clock';
import { badInput, notFound } from '../../lib/errors';
import type { RequestScope } from '../request-scope';

/**
 * Who reads which journal report (DOMAIN.md, access matrix "reports"):
 * - the administration (ADMIN, DIRECTOR, DEPUTY_ACADEMIC): the whole school, every report;
 * - DEPUTY_PASTORAL ("own direction", educational work with classes and families): the
 *   attendance summary and students' report cards, for the whole school;
 * - a teacher: rows of their own subjects — the lessons they teach or stand in for and the
 *   class × subject pairs they are assigned to (a subgroup's teacher sees the class × subject);
 * - a class teacher: every row of their own class;
 * - students and parents: only their own / their children's report cards (reportCardReport);
 * - coordinators: per-school aggregates with no names (schoolJournalAggregatesReport).
 * Anything outside the viewer's reach is left out, and a school, class or student the viewer
 * has no reach into at all answers NOT_FOUND, like one that does not exist.
 */
/** The longest span a report covers: one school year and a bit. */
export const MAX_REPORT_DAYS = 366;

export interface ReportReach extends RoleReach {
  timezone: string;
}

/** The registry entries of the school-wide journal reports (permissions/policies/reports.policy.ts). */
export type ReportPermission = 'report.academic' | 'report.attendance';

export { reachParams, reachSql, roleReach };

/**
 * The school a school-wide report is about: the one asked for, or the viewer's only school.
 * NOT_FOUND when the viewer reaches nothing of it.
 */
export async function reachInSchool(
  scope: RequestScope, schoolId: string | null, permission: ReportPermission,
): Promise<ReportReach> {
  const reachable = reportSchools(scope.viewer, permission);
  let id = schoolId;
  if (!id) {
    if (reachable.size !== 1) throw badInput('schoolId', 'Name the school: you work in more than one (or none).');
    [id] = [...reachable];
  }
  if (!reachable.has(id)) throw notFound('School');
  return reachFor(scope, id, permission);
}

/** The reach of the viewer in a school they belong to (the caller has checked that). */
export async function reachFor(
  scope: RequestScope, schoolId: string, permission: ReportPermission, knownTimezone?: string,
): Promise<ReportReach> {
  const reach = roleReach(scope.viewer, schoolId, permission);
  if (!reach) throw notFound('School');
  let timezone = knownTimezone;
  if (!timezone) {
    const rows = await scope.em.execute<{ timezone: string }[]>('select timezone from school where id = ?', [schoolId]);
    if (!rows[0]) throw notFound('School');
    timezone = rows[0].timezone;
  }
  return { ...reach, timezone };
}

export interface DateSpan { from: string; to: string }

/** A span of dates, `from` ≤ `to`, at most MAX_REPORT_DAYS long; else BAD_USER_INPUT naming `to`. */
export function checkSpan(from: string, to: string): DateSpan {
  if (from > to) throw badInput('to', '"to" must not be before "from".');
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days >= MAX_REPORT_DAYS) throw badInput('to', `A report covers at most ${MAX_REPORT_DAYS} days.`);
  return { from, to };
}

export function todayIn(scope: RequestScope, timezone: string): string {
  return localDate(scope.clock.now(), timezone);
}

/** numeric/bigint columns arrive as strings: a rounded number, or null. */
export function num(value: string | number | null | undefined, digits = 2): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function int(value: string | number | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** SQL: a person's full name from the `last_name`, `first_name`, `middle_name` of alias `a`. */
export const fullNameSql = (a: string) => `concat_ws(' ', ${a}.last_name, ${a}.first_name, nullif(${a}.middle_name, ''))`;

/** SQL: the five-point marks only (pass/fail marks have no place in an average). */
export const FIVE_POINT = `m.value in ('1', '2', '3', '4', '5')`;
