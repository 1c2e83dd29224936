import { badInput, notFound } from '../../lib/errors';
import { uuidArray } from '../../permissions/scope';
import { schoolsWhere } from '../../permissions/registry';
import { toGlobalId } from '../../schema/global-id';
import type { RequestScope } from '../request-scope';
import { int } from './report-span';

/**
 * «Состояние перехода на следующий учебный год» (004 §4.2): how far each school has come in
 * forming the next year — from 1 April, watched weekly by the district coordinator until the
 * school has moved. Per school, counts only (no names): the school's administration for their
 * school, the coordinators for the schools under them. Two SQL statements after the viewer
 * (the coordinated schools, the report), whatever the number of schools.
 */
export interface YearTransitionRow {
  schoolId: string; schoolName: string;
  currentYearName: string | null; currentYearState: string | null;
  nextYearName: string | null; nextYearState: string | null;
  nextYearStudyPeriods: number; nextYearClasses: number;
  /** Next year's classes that continue one of this year's (promoted in the rollover). */
  nextYearClassesContinued: number; nextYearClassesWithoutClassTeacher: number;
  nextYearCurriculumItems: number; nextYearTeachingAssignments: number;
  /** Pupils in this year's classes on its last day (today while it runs). */
  pupils: number;
  /** Movement orders out of this year's classes (withdrawn: any time in the year). */
  promoted: number; promotedConditionally: number; repeating: number; graduated: number; withdrawn: number;
  /** Pupils with no movement order out of this year's class yet. */
  undecided: number;
  /** The next year is ACTIVE or later: the school has moved. */
  completed: boolean;
}

export async function yearTransitionReport(scope: RequestScope, args: { schoolId: string | null }): Promise<YearTransitionRow[]> {
  const own = schoolsWhere(scope.viewer, 'report.yearTransition');
  const coordinated = await scope.access.schoolsCoordinated();
  const reachable = new Set([...own, ...coordinated]);
  if (args.schoolId && !reachable.has(args.schoolId)) throw notFound('School');
  if (!args.schoolId && reachable.size === 0) throw badInput('schoolId', 'Name the school: "schoolId".');
  const ids = args.schoolId ? [args.schoolId] : [...reachable];
  const rows = await scope.reportsEm.execute<any[]>(`select s.id, s.name, cy.name as cy_name, cy.state as cy_state, ny.name as ny_name, ny.state as ny_state,
            (select count(*) from study_period p where p.year_id = ny.id) as periods,
            (select count(*) from class_group c where c.year_id = ny.id and c.closed_at is null) as classes,
            (select count(*) from class_group c where c.year_id = ny.id and c.promoted_from_id is not null) as continued,
            (select count(*) from class_group c where c.year_id = ny.id and c.closed_at is null and c.class_teacher_id is null) as no_teacher,
            (select count(*) from curriculum_item ci where ci.year_id = ny.id) as curriculum,
            (select count(*) from teaching_assignment ta where ta.year_id = ny.id) as assignments,
            pu.pupils, mv.promoted, mv.conditional, mv.repeating, mv.graduated, mv.withdrawn, pu.undecided
       from school s
       left join lateral (select y.* from academic_year y
                           where y.school_id = s.id and y.starts_on <= (?::timestamptz at time zone s.timezone)::date
                           order by y.starts_on desc limit 1) cy on true
       left join lateral (select y.* from academic_year y where y.previous_year_id = cy.id order by y.starts_on limit 1) ny on true
       left join lateral (
         select count(*) filter (where o.type = 'PROMOTE') as promoted, count(*) filter (where o.type = 'PROMOTE_CONDITIONAL') as conditional,
                count(*) filter (where o.type = 'REPEAT_YEAR') as repeating, count(*) filter (where o.type = 'GRADUATE') as graduated,
                count(*) filter (where o.type = 'WITHDRAW') as withdrawn
           from movement_order o join class_group c on c.id = o.from_class_id
          where c.year_id = cy.id and o.type in ('PROMOTE', 'PROMOTE_CONDITIONAL', 'REPEAT_YEAR', 'GRADUATE', 'WITHDRAW')
          ) mv on true
       left join lateral (
         select count(distinct e.student_id) as pupils,
                count(distinct e.student_id) filter (where not exists(
                  select 1 from movement_order o join class_group oc on oc.id = o.from_class_id
                   where o.student_id = e.student_id and oc.year_id = cy.id
                     and o.type in ('PROMOTE', 'PROMOTE_CONDITIONAL', 'REPEAT_YEAR', 'GRADUATE', 'WITHDRAW'))) as undecided
           from enrollment e join class_group c on c.id = e.class_group_id
          where c.year_id = cy.id
            and e.starts_on <= least(cy.ends_on, (?::timestamptz at time zone s.timezone)::date)
            and (e.ends_on is null or e.ends_on >= least(cy.ends_on, (?::timestamptz at time zone s.timezone)::date))) pu on true
      where s.id = any(?::uuid[])
      order by s.name, s.id`,
    [scope.clock.now(), scope.clock.now(), scope.clock.now(), uuidArray(ids)]);
  if (args.schoolId && rows.length === 0) throw notFound('School');
  return rows.map((r) => ({
    schoolId: toGlobalId('School', r.id), schoolName: r.name,
    currentYearName: r.cy_name ?? null, currentYearState: r.cy_state ?? null, nextYearName: r.ny_name ?? null, nextYearState: r.ny_state ?? null,
    nextYearStudyPeriods: int(r.periods), nextYearClasses: int(r.classes), nextYearClassesContinued: int(r.continued),
    nextYearClassesWithoutClassTeacher: int(r.no_teacher), nextYearCurriculumItems: int(r.curriculum), nextYearTeachingAssignments: int(r.assignments),
    pupils: int(r.pupils), promoted: int(r.promoted), promotedConditionally: int(r.conditional), repeating: int(r.repeating),
    graduated: int(r.graduated), withdrawn: int(r.withdrawn), undecided: int(r.undecided),
    completed: r.ny_state === 'ACTIVE' || r.ny_state === 'CLOSED',
  }));
}
