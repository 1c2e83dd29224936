import { AcademicYear, ClassGroup } from '../../entities';
import { notFound } from '../../lib/errors';
import { sql } from '../../lib/sql';
import { spec } from '../../permissions/registry';
import { conditionOverTieColumns } from '../../permissions/scope';
import { todayInSchool } from '../../permissions/ties';
import type { RequestScope } from '../request-scope';

/**
 * The classes of a year the viewer reads (`classes.read`): all of them for the school's staff
 * (but HR); a student their own class, a parent their children's (enrolled today). NOT_FOUND
 * for a year outside the viewer's schools. Closed classes only when asked for.
 */
export async function classesOfYear(scope: RequestScope, yearId: string, includeClosed: boolean): Promise<ClassGroup[]> {
  const year = await scope.em.findOne(AcademicYear, yearId);
  if (!year || !(await scope.access.isMemberOf(year.school.id))) throw notFound('AcademicYear');
  return (await classesOfYears(scope, [yearId], includeClosed)).get(yearId) ?? [];
}

/**
 * The same for years the viewer already reads (`AcademicYear.classGroups`), in one statement for
 * all of them: a student sees their own class in the year's list, not every class of the school.
 */
export async function classesOfYears(scope: RequestScope, yearIds: readonly string[], includeClosed: boolean): Promise<Map<string, ClassGroup[]>> {
  const ties = scope.access.ties;
  const today = todayInSchool(scope.clock.now());
  const allowed = conditionOverTieColumns(spec('classes.read').allow, scope.viewer, 't');
  const statement = sql`select t.id, t.year_id from (
      select c.id, c.year_id, c.school_id, c.grade, c.letter, c.closed_at, false as leads_class, false as teaches,
             ${ties.attends(today, 'c', null, 'self')} as is_self, ${ties.attends(today, 'c', null, 'child')} as is_child
        from class_group c join school sc on sc.id = c.school_id where c.year_id = any(${`{${yearIds.join(',')}}`}::uuid[])) t
     where ${allowed} and (${includeClosed}::boolean or t.closed_at is null)
     order by t.grade, t.letter`;
  const rows = await scope.em.execute<{ id: string; year_id: string }[]>(statement.text, [...statement.values]);
  const byYear = new Map<string, ClassGroup[]>(yearIds.map((id) => [id, []]));
  if (rows.length === 0) return byYear;
  const classes = new Map((await scope.em.find(ClassGroup, { id: { $in: rows.map((r) => r.id) } })).map((c) => [c.id, c]));
  for (const r of rows) byYear.get(r.year_id)?.push(classes.get(r.id)!);
  return byYear;
}

/** Whether the viewer reads this class (`classes.read`, by role or as its pupil or a pupil's parent). */
export async function readsClass(scope: RequestScope, classGroupId: string): Promise<boolean> {
  const reach = await scope.access.classReach(classGroupId);
  return Boolean(reach && scope.access.allows('classes.read', reach));
}

