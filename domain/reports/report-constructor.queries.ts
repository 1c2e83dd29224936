import { holdsIn, schoolsWhere } from '../../permissions/registry';
import { ConstructorDimension, ConstructorMeasure } from '../../lib/report-enums';
import { badInput, notFound } from '../../lib/errors';
import { toGlobalId } from '../../schema/global-id';
import type { RequestScope } from '../request-scope';
import { checkSpan, fullNameSql, int, num } from './report-span';

/**
 * The report constructor («Конструктор отчетов», 004 §11.6): the school's journal (current marks
 * and absences of lessons dated in a span) grouped by up to three chosen dimensions, with the
 * chosen measures. For ADMIN, DEPUTY_ACADEMIC, SECRETARY and HR of the school (`report.constructor`),
 * the whole school; anyone else NOT_FOUND for the school. Bounded: a span of at most 366 days,
 * `first` ≤ 100 rows (the cost limit prices the rows by `first`), `truncated` when more groups exist.
 * One SQL statement after the viewer (the school is judged from the viewer's grants): the groups, their
 * labels and their number. The marks' quality and success are shares of marks, as in the term reports.
 */
export { ConstructorDimension, ConstructorMeasure };

export const MAX_CONSTRUCTOR_ROWS = 100;
export const MAX_DIMENSIONS = 3;

export interface ConstructorKey { dimension: ConstructorDimension; id: string | null; label: string | null }
export interface ConstructorAbsences { absent: number; late: number; illness: number; excused: number; unexcused: number; unknown: number }
export interface ConstructorRow {
  keys: ConstructorKey[];
  /** Current marks of the group (every scale). */
  count: number | null;
  average: number | null; weightedAverage: number | null;
  /** Shares of the five-point marks that are 4–5 and 3–5, in percent. */
  qualityPercent: number | null; successPercent: number | null;
  absences: ConstructorAbsences | null;
}
export interface ConstructorReport {
  schoolId: string; from: string; to: string; dimensions: ConstructorDimension[]; measures: ConstructorMeasure[];
  rows: ConstructorRow[]; groupCount: number; truncated: boolean;
}
export interface ConstructorArgs {
  schoolId: string | null; from: string; to: string; dimensions: ConstructorDimension[]; measures: ConstructorMeasure[]; first: number;
}

/** Per dimension: the key column of the journal rows, its global id type, and its label. */
const DIMENSIONS: Record<ConstructorDimension, { key: string; type: Parameters<typeof toGlobalId>[0] | null; label: string; order: string }> = {
  CLASS: { key: 'class_id', type: 'ClassGroup', label: `(select c.grade || c.letter from class_group c where c.id = g.class_id)`, order: `(select c.grade * 100 from class_group c where c.id = g.class_id)` },
  PARALLEL: { key: 'grade', type: null, label: `g.grade::text`, order: 'g.grade' },
  SUBJECT: { key: 'subject_id', type: 'Subject', label: `(select s.name from subject s where s.id = g.subject_id)`, order: '0' },
  TEACHER: { key: 'teacher_id', type: 'Employee', label: `(select ${fullNameSql('e')} from employee e where e.id = g.teacher_id)`, order: '0' },
  PERIOD: { key: 'period_id', type: 'StudyPeriod', label: `(select p.name from study_period p where p.id = g.period_id)`, order: `(select p.ordinal from study_period p where p.id = g.period_id)` },
  WORK_TYPE: { key: 'work_type_id', type: 'WorkType', label: `(select w.name from work_type w where w.id = g.work_type_id)`, order: '0' },
  WEEK: { key: 'week', type: null, label: `g.week::text`, order: 'g.week' },
};

export async function reportConstructor(scope: RequestScope, args: ConstructorArgs): Promise<ConstructorReport> {
  const span = checkSpan(args.from, args.to);
  const dimensions = [...new Set(args.dimensions)];
  const measures = [...new Set(args.measures)];
  if (dimensions.length === 0 || dimensions.length > MAX_DIMENSIONS) throw badInput('dimensions', `Choose 1 to ${MAX_DIMENSIONS} dimensions.`);
  if (measures.length === 0) throw badInput('measures', 'Choose at least one measure.');
  if (measures.includes(ConstructorMeasure.ABSENCES) && dimensions.includes(ConstructorDimension.WORK_TYPE)) {
    throw badInput('measures', 'Absences have no work type: choose ABSENCES or the WORK_TYPE dimension.');
  }
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_CONSTRUCTOR_ROWS) {
    throw badInput('first', `"first" is 1 to ${MAX_CONSTRUCTOR_ROWS}.`);
  }
  let schoolId = args.schoolId;
  if (!schoolId) {
    const own = schoolsWhere(scope.viewer, 'report.constructor');
    if (own.length !== 1) throw badInput('schoolId', 'Name the school: "schoolId".');
    [schoolId] = own;
  }
  if (!holdsIn(scope.viewer, 'report.constructor', schoolId)) throw notFound('School');
  const marks = measures.some((m) => m !== ConstructorMeasure.ABSENCES);
  const absences = measures.includes(ConstructorMeasure.ABSENCES);
  const keys = dimensions.map((d) => DIMENSIONS[d].key);
  const keyList = keys.join(', ');
  const journal = (source: 'M' | 'A') => `
      select '${source}' as src, l.class_group_id as class_id, c.grade, l.subject_id, l.teacher_id, sp.id as period_id,
             ${source === 'M' ? 'm.work_type_id' : 'null::uuid'} as work_type_id, date_trunc('week', l.date)::date as week,
             ${source === 'M' ? `case when m.value in ('1', '2', '3', '4', '5') then m.value::int end` : 'null::int'} as v,
             ${source === 'M' ? 'w.weight' : 'null::numeric'} as weight,
             ${source === 'A' ? 'a.kind::text' : 'null::text'} as kind, ${source === 'A' ? 'a.reason::text' : 'null::text'} as reason
        -- Through the school's classes: lessons are indexed by class and date.
        from class_group c join lesson l on l.class_group_id = c.id and l.date between ?::date and ?::date
        ${source === 'M' ? 'join mark m on m.lesson_id = l.id join work_type w on w.id = m.work_type_id' : 'join attendance a on a.lesson_id = l.id'}
        left join study_period sp on sp.year_id = c.year_id and l.date between sp.starts_on and sp.ends_on and c.grade between sp.grade_from and sp.grade_to
       where c.school_id = ?::uuid
         and ${source === 'M' ? 'm.retracted_at is null' : 'a.cleared_at is null'}`;
  const sources = [...(marks ? [journal('M')] : []), ...(absences ? [journal('A')] : [])];
  const params = sources.flatMap(() => [span.from, span.to, schoolId]);
  const labels = dimensions.map((d, i) => `${DIMENSIONS[d].label} as label_${i}, ${DIMENSIONS[d].order} as order_${i}`).join(', ');
  const rows = await scope.reportsEm.execute<any[]>(`with j as (${sources.join(' union all ')}),
     g as (select ${keyList},
                  count(*) filter (where src = 'M') as n, count(v) as graded, sum(v) as sv, sum(v * weight) as svw,
                  sum(weight) filter (where v is not null) as sw, count(*) filter (where v >= 4) as good, count(*) filter (where v >= 3) as passing,
                  count(*) filter (where kind = 'ABSENT') as absent, count(*) filter (where kind = 'LATE') as late,
                  count(*) filter (where reason = 'ILLNESS') as illness, count(*) filter (where reason = 'EXCUSED') as excused,
                  count(*) filter (where reason = 'UNEXCUSED') as unexcused, count(*) filter (where reason = 'UNKNOWN') as unknown
             from j group by ${keyList}),
     labelled as (select g.*, ${labels}, count(*) over () as groups from g)
     select * from labelled
      order by ${dimensions.map((_, i) => `order_${i}, label_${i}`).join(', ')}
      limit ?`,
    [...params, args.first + 1]);
  const truncated = rows.length > args.first;
  const shown = rows.slice(0, args.first);
  const wants = (m: ConstructorMeasure) => measures.includes(m);
  return {
    schoolId: toGlobalId('School', schoolId), from: span.from, to: span.to, dimensions, measures,
    groupCount: rows.length ? int(rows[0].groups) : 0, truncated,
    rows: shown.map((r): ConstructorRow => {
      const graded = int(r.graded);
      return {
        keys: dimensions.map((d, i) => {
          const raw = r[DIMENSIONS[d].key];
          const type = DIMENSIONS[d].type;
          const id = raw === null || raw === undefined ? null : type ? toGlobalId(type, raw) : String(r[`label_${i}`]);
          return { dimension: d, id, label: r[`label_${i}`] ?? null };
        }),
        count: wants(ConstructorMeasure.COUNT) ? int(r.n) : null,
        average: wants(ConstructorMeasure.AVERAGE) && graded ? num(Number(r.sv) / graded) : null,
        weightedAverage: wants(ConstructorMeasure.WEIGHTED_AVERAGE) && Number(r.sw) ? num(Number(r.svw) / Number(r.sw)) : null,
        qualityPercent: wants(ConstructorMeasure.QUALITY) && graded ? num((100 * int(r.good)) / graded, 1) : null,
        successPercent: wants(ConstructorMeasure.SUCCESS) && graded ? num((100 * int(r.passing)) / graded, 1) : null,
        absences: wants(ConstructorMeasure.ABSENCES) ? {
          absent: int(r.absent), late: int(r.late), illness: int(r.illness), excused: int(r.excused), unexcused: int(r.unexcused), unknown: int(r.unknown),
        } : null,
      };
    }),
  };
}
