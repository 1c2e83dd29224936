import { raw } from '../../lib/sql';
import { schoolsWhere } from '../../permissions/registry';
import { badInput, notFound } from '../../lib/errors';
import type { RequestScope } from '../request-scope';
import { preparedRead } from '../../lib/prepared-read';

/**
 * Term reports (004 §11): per subject and study period, how many marks, their average and
 * weighted average, and the quality and success shares. Aggregates only, no names: read from
 * `mark_rollup` (entities/report.ts), which the database keeps in step with every mark, so a
 * whole school costs a few hundred rows whatever its number of marks.
 *
 * Who (DOMAIN.md, reports): the school administration (ADMIN, DIRECTOR, DEPUTY_ACADEMIC) the
 * whole school and each of its classes; a class teacher their own class; the municipal and
 * regional coordinators the schools under them, per school only. Anything else is NOT_FOUND,
 * like a class or school that does not exist.
 */

export interface TermReportRow {
  subjectId: string;
  subjectName: string;
  studyPeriodId: string;
  studyPeriodName: string;
  studyPeriodOrdinal: number;
  academicYearName: string;
  marksCount: number;
  gradedCount: number;
  average: number | null;
  weightedAverage: number | null;
  qualityPercent: number | null;
  successPercent: number | null;
}

export interface TermReport {
  schoolId: string;
  schoolName: string;
  /** Set for a class report. */
  classGroupName: string | null;
  rows: TermReportRow[];
}

interface TotalsRow {
  subject_id: string; subject_name: string; study_period_id: string; study_period_name: string; ordinal: number; year_name: string;
  marks_count: string; graded_count: string; value_sum: string; weighted_sum: string; weight_sum: string; good_count: string; passing_count: string;
}

/** Sums rollup rows (one class, or every class of a school) per subject × study period. */
function totalsSql(where: string): string {
  return `select r.subject_id, sj.name as subject_name, r.study_period_id, sp.name as study_period_name, sp.ordinal, y.name as year_name,
                 sum(r.marks_count) as marks_count, sum(r.graded_count) as graded_count, sum(r.value_sum) as value_sum,
                 sum(r.weighted_sum) as weighted_sum, sum(r.weight_sum) as weight_sum,
                 sum(r.good_count) as good_count, sum(r.passing_count) as passing_count
            from mark_rollup r
            join subject sj on sj.id = r.subject_id
            join study_period sp on sp.id = r.study_period_id
            join academic_year y on y.id = sp.year_id
           where ${where}
           group by r.subject_id, sj.name, r.study_period_id, sp.name, sp.ordinal, y.name, y.starts_on
          having sum(r.marks_count) > 0
           order by y.starts_on, sp.ordinal, sj.name`;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function toRow(t: TotalsRow): TermReportRow {
  const graded = Number(t.graded_count);
  const weight = Number(t.weight_sum);
  return {
    subjectId: t.subject_id, subjectName: t.subject_name, studyPeriodId: t.study_period_id, studyPeriodName: t.study_period_name,
    studyPeriodOrdinal: t.ordinal, academicYearName: t.year_name, marksCount: Number(t.marks_count), gradedCount: graded,
    average: graded ? round(Number(t.value_sum) / graded, 2) : null,
    weightedAverage: weight ? round(Number(t.weighted_sum) / weight, 2) : null,
    qualityPercent: graded ? round((100 * Number(t.good_count)) / graded, 1) : null,
    successPercent: graded ? round((100 * Number(t.passing_count)) / graded, 1) : null,
  };
}

export async function classTermReport(scope: RequestScope, classGroupId: string): Promise<TermReport> {
  const { em, reportsEm } = scope;
  const leadsClass = scope.access.ties.leadsClass('c');
  const [cls] = await preparedRead<{ school_id: string; school_name: string; leads_class: boolean; name: string }[]>(em,
    `select c.school_id, s.name as school_name, ${leadsClass.text} as leads_class, c.grade || c.letter as name
       from class_group c join school s on s.id = c.school_id where c.id = ?`, [...leadsClass.values, classGroupId]);
  if (!cls || !scope.access.allows('report.termOfClass', { schoolId: cls.school_id, ties: new Set(cls.leads_class ? ['leadsClass'] : []) })) {
    throw notFound('ClassGroup');
  }
  const rows = await preparedRead<TotalsRow[]>(reportsEm, totalsSql('r.class_group_id = ?'), [classGroupId]);
  return { schoolId: cls.school_id, schoolName: cls.school_name, classGroupName: cls.name, rows: rows.map(toRow) };
}

/** `schoolId` null: the one school where the viewer is in the administration. */
export async function schoolTermReport(scope: RequestScope, schoolId: string | null): Promise<TermReport> {
  const { em, reportsEm, viewer } = scope;
  let id = schoolId;
  if (!id) {
    const own = schoolsWhere(viewer, 'report.schoolAggregates');
    if (own.length !== 1) throw badInput('schoolId', 'Name the school: "schoolId".');
    id = own[0];
  }
  const coordinates = scope.access.ties.coordinates(raw('s.id'));
  const [school] = await preparedRead<{ name: string; coordinates: boolean }[]>(em,
    `select s.name, ${coordinates.text} as coordinates from school s where s.id = ?`, [...coordinates.values, id]);
  if (!school || !scope.access.allows('report.schoolAggregates', { schoolId: id, ties: new Set(school.coordinates ? ['coordinates'] : []) })) {
    throw notFound('School');
  }
  const rows = await preparedRead<TotalsRow[]>(reportsEm, totalsSql('r.school_id = ?'), [id]);
  return { schoolId: id, schoolName: school.name, classGroupName: null, rows: rows.map(toRow) };
}
