import { PeriodMarkKind } from '../../entities';
import { assignedTeacherSql, reachParams, reachSql, reportSchools, roleReach, type RoleReach } from '../../permissions/report-reach';
import { badInput, forbidden, notFound } from '../../lib/errors';
import { raw } from '../../lib/sql';
import { PupilCategory, ResultsGrouping } from '../../lib/report-enums';
import { preparedRead } from '../../lib/prepared-read';
import { toGlobalId } from '../../schema/global-id';
import type { RequestScope } from '../request-scope';
import { fullNameSql, int } from './report-span';

/**
 * Period results from the period marks (004 §11.3–11.5; DOMAIN.md "Reports"): per pupil, the
 * category their period (year, exam, final) marks put them in, counted per school, parallel,
 * class, subject, class × subject or teacher.
 *
 * The categories, one per pupil and group (the marks of the group's subjects only), exclusive:
 * - EXCELLENT, отличники: every mark 5;
 * - GOOD, хорошисты: only 4 and 5, at least one 4 (those with exactly one 4, "с одной «4»", are
 *   counted here and again in `oneFour`: they have only 4 and 5, so they are in the quality share);
 * - SATISFACTORY: at least one 3, no 2 and no «н/а» (those with exactly one 3, "с одной «3»", are
 *   counted here and again in `oneThree`: the 3 keeps them out of the quality share);
 * - FAILING, неуспевающие: any 1 or 2, «незач» or «н/а» (`notAttestedMark` counts those with «н/а»);
 * - NOT_ATTESTED, не аттестованы: no period mark at all in the group yet (nothing was entered).
 * A pupil with only pass marks («зач») is SATISFACTORY: successful, not in the quality share.
 * The seeds name the reports (004 §11.3–11.5) but give no columns; these follow DOMAIN.md's
 * definitions: quality = share with only 4 and 5, success = share with no 2 and no «н/а»,
 * both over the attested pupils (those with at least one mark).
 *
 * Pupils: enrolled in a class of the school's year on the period's last day (today while the
 * period runs), grades 2–11 (first grade gets no marks) of the period's grades. A pupil's
 * subjects: the class's curriculum and any subject they hold a period mark in (for EXAM, only
 * the latter). Figures of a teacher who does not read the whole school are over their own
 * rows (the subjects they are assigned to, every subject of a class they lead).
 *
 * Three SQL statements: the viewer, the school and period with the viewer's ties, the report.
 * The report is a plain statement, planned for its values each time (a few ms): a generic plan of
 * a prepared one guesses a handful of pupils and nests loops over a thousand (14 s, measured).
 */
export { PupilCategory, ResultsGrouping };

export const QUALITY_FORMULA = 'quality % = (excellent + good) / attested × 100, attested = pupils − notAttested';
export const SUCCESS_FORMULA = 'success % = (attested − failing) / attested × 100';


export interface ResultCounts {
  pupils: number; attested: number; excellent: number; good: number; oneFour: number; satisfactory: number; oneThree: number;
  failing: number; notAttestedMark: number; notAttested: number;
  /** Pupil × subject cells without a mark (the period mark not entered yet). */
  missingMarks: number;
  qualityPercent: number | null; successPercent: number | null;
}

export interface ResultGroup extends ResultCounts {
  grade: number | null;
  classGroupId: string | null; classGroupName: string | null;
  /** The class's teacher (CLASS grouping); null for coordinators (no names). */
  classTeacherName: string | null;
  subjectId: string | null; subjectName: string | null;
  teacherId: string | null; teacherName: string | null;
}

export interface PupilResult {
  studentId: string; studentName: string; classGroupId: string; classGroupName: string; category: PupilCategory;
  marks: { subjectId: string; subjectName: string; value: string | null }[];
}

export interface PeriodResults {
  schoolId: string; schoolName: string; academicYearId: string; academicYearName: string;
  studyPeriodId: string | null; studyPeriodName: string | null; kind: PeriodMarkKind; groupBy: ResultsGrouping;
  /** The day the class lists are taken on. */
  onDay: string;
  qualityFormula: string; successFormula: string;
  /** Every pupil of the report's rows, each once, over all their subjects in it. */
  total: ResultCounts;
  groups: ResultGroup[];
  /** Per pupil (class reports only). */
  pupils: PupilResult[];
}

export interface PeriodResultsArgs {
  schoolId: string | null; studyPeriodId: string | null; academicYearId: string | null; kind: PeriodMarkKind;
  groupBy: ResultsGrouping; classGroupId?: string | null; subjectId?: string | null; teacherId?: string | null;
}

/** What the report is about, resolved and judged (statement 2). */
export interface ResultsContext {
  schoolId: string; schoolName: string; timezone: string; yearId: string; yearName: string;
  periodId: string | null; periodName: string | null; startsOn: string; endsOn: string; onDay: string; today: string;
  gradeFrom: number; gradeTo: number; classGroupId: string | null; classGroupName: string | null;
  reach: RoleReach;
  /** A coordinator's view: aggregates, no names. */
  coordinator: boolean;
}

/**
 * Resolves the school, year, period (and class) and the viewer's reach. NOT_FOUND for a school,
 * class or period that is not the viewer's, exactly as for one that does not exist.
 */
export async function resultsContext(
  scope: RequestScope,
  args: { schoolId: string | null; studyPeriodId: string | null; academicYearId: string | null; kind: PeriodMarkKind; classGroupId?: string | null },
  options: { coordinators: boolean; permission: 'report.periodResults' | 'report.termOfClass' | 'report.academic' },
): Promise<ResultsContext> {
  if (args.kind === PeriodMarkKind.PERIOD && !args.studyPeriodId) throw badInput('studyPeriodId', 'Name the study period of PERIOD marks.');
  if (args.kind !== PeriodMarkKind.PERIOD && args.studyPeriodId) throw badInput('studyPeriodId', 'YEAR, EXAM and FINAL marks belong to no study period.');
  const { viewer } = scope;
  let schoolId = args.schoolId;
  if (!schoolId && !args.classGroupId) {
    const own = reportSchools(viewer, options.permission);
    if (own.size !== 1) throw badInput('schoolId', 'Name the school: "schoolId".');
    [schoolId] = [...own];
  }
  const ties = scope.access.ties;
  const coordinates = ties.coordinates(raw('s.id'));
  const leads = ties.leadsClass('c');
  const now = scope.clock.now();
  const [row] = await preparedRead<any[]>(scope.em,
    `select s.id as school_id, s.name as school_name, s.timezone, ${coordinates.text} as coordinates,
            c.id as class_id, c.grade || c.letter as class_name, c.grade as class_grade, ${leads.text} as leads,
            yp.year_id, yp.year_name, yp.period_id, yp.period_name, yp.starts_on, yp.ends_on, yp.grade_from, yp.grade_to,
            (?::timestamptz at time zone s.timezone)::date::text as today
       from school s
       left join class_group c on c.id = ?::uuid and c.school_id = s.id
       left join lateral (
         select y.id as year_id, y.name as year_name, p.id as period_id, p.name as period_name,
                coalesce(p.starts_on, y.starts_on)::text as starts_on, coalesce(p.ends_on, y.ends_on)::text as ends_on,
                coalesce(p.grade_from, 1) as grade_from, coalesce(p.grade_to, 11) as grade_to
           from academic_year y left join study_period p on p.id = ?::uuid and p.year_id = y.id
          where y.school_id = s.id
            and case when ?::uuid is not null then p.id is not null
                     when ?::uuid is not null then y.id = ?::uuid
                     when c.id is not null then y.id = c.year_id
                     else y.starts_on <= (?::timestamptz at time zone s.timezone)::date end
          order by y.starts_on desc limit 1) yp on true
      where s.id = coalesce(?::uuid, (select school_id from class_group where id = ?::uuid))`,
    [...coordinates.values, ...leads.values, now, args.classGroupId ?? null, args.studyPeriodId, args.studyPeriodId, args.academicYearId,
      args.academicYearId, now, schoolId, args.classGroupId ?? null],
  );
  const reach = row ? roleReach(viewer, row.school_id, options.permission) : null;
  // Coordinators read the school's aggregates (`report.schoolAggregates`), never names.
  const coordinator = Boolean(row && !reach?.wholeSchool && options.coordinators
    && scope.access.allows('report.schoolAggregates', { schoolId: row.school_id, ties: new Set(row.coordinates ? ['coordinates' as const] : []) }));
  if (!row || (!reach && !coordinator)) throw notFound(args.classGroupId ? 'ClassGroup' : 'School');
  if (args.classGroupId) {
    // A class report: the administration, its class teacher, or (for the subject teacher's report) its teachers.
    if (!row.class_id) throw notFound('ClassGroup');
    const facts = { schoolId: row.school_id, ties: new Set(row.leads ? ['leadsClass' as const] : []) };
    if (options.permission === 'report.termOfClass' && !scope.access.allows('report.termOfClass', facts)) throw notFound('ClassGroup');
  }
  if (!row.year_id) throw notFound(args.studyPeriodId ? 'StudyPeriod' : 'AcademicYear');
  if (row.class_id && args.studyPeriodId && !(row.class_grade >= row.grade_from && row.class_grade <= row.grade_to)) throw notFound('StudyPeriod');
  const onDay = row.today < row.starts_on ? row.starts_on : row.today > row.ends_on ? row.ends_on : row.today;
  return {
    schoolId: row.school_id, schoolName: row.school_name, timezone: row.timezone, yearId: row.year_id, yearName: row.year_name,
    periodId: row.period_id, periodName: row.period_name, startsOn: row.starts_on, endsOn: row.ends_on, onDay, today: row.today,
    gradeFrom: row.grade_from, gradeTo: row.grade_to, classGroupId: row.class_id, classGroupName: row.class_name,
    reach: reach ?? { schoolId: row.school_id, wholeSchool: true, employeeId: null },
    coordinator,
  };
}

const gid = (type: Parameters<typeof toGlobalId>[0], id: string | null | undefined) => (id ? toGlobalId(type, id) : null);

/** The group key columns of the pupil cells, per grouping. */
const KEYS: Record<ResultsGrouping, string[]> = {
  SCHOOL: [],
  PARALLEL: ['grade'],
  CLASS: ['grade', 'class_id'],
  SUBJECT: ['subject_id'],
  CLASS_SUBJECT: ['grade', 'class_id', 'subject_id'],
  TEACHER: ['teacher_id'],
};

const COUNTS = `count(*) as pupils,
  count(*) filter (where marked = 0) as not_attested,
  count(*) filter (where category = 'EXCELLENT') as excellent,
  count(*) filter (where category = 'GOOD') as good,
  count(*) filter (where category = 'GOOD' and fours = 1) as one_four,
  count(*) filter (where category = 'SATISFACTORY') as satisfactory,
  count(*) filter (where category = 'SATISFACTORY' and threes = 1) as one_three,
  count(*) filter (where category = 'FAILING') as failing,
  count(*) filter (where na > 0) as na,
  coalesce(sum(missing), 0) as missing`;

const CATEGORY = `case when marked = 0 then 'NOT_ATTESTED' when failing > 0 then 'FAILING' when threes > 0 then 'SATISFACTORY'
                       when fours > 0 then 'GOOD' when fives > 0 then 'EXCELLENT' else 'SATISFACTORY' end`;

const PER_PUPIL = `count(value) as marked, count(*) - count(value) as missing,
  count(*) filter (where value = '5') as fives, count(*) filter (where value = '4') as fours, count(*) filter (where value = '3') as threes,
  count(*) filter (where value in ('1', '2', 'незач', 'н/а')) as failing, count(*) filter (where value = 'н/а') as na`;

/**
 * The pupil × subject cells of the report (CTE `cells`: student_id, class_id, grade, subject_id,
 * value) within the viewer's reach, and their parameters.
 */
function cellsSql(ctx: ResultsContext, kind: PeriodMarkKind, filter: { subjectId?: string | null; teacherId?: string | null }) {
  const exam = kind === PeriodMarkKind.EXAM;
  // Only the conditions that narrow: each left out keeps the statement simple for the planner.
  const filters: { text: string; params: unknown[] }[] = [];
  if (filter.subjectId) filters.push({ text: 'x.subject_id = ?::uuid', params: [filter.subjectId] });
  if (filter.teacherId) filters.push({ text: assignedTeacherSql('x.class_id', 'x.subject_id'), params: [filter.teacherId, filter.teacherId] });
  if (!ctx.reach.wholeSchool) filters.push({ text: reachSql('x.subject_id', false), params: reachParams(ctx.reach, false) });
  const text = `roster as (
      select distinct on (e.student_id) e.student_id, c.id as class_id, c.grade
        from class_group c join enrollment e on e.class_group_id = c.id
       where c.school_id = ?::uuid and c.year_id = ?::uuid and c.grade between greatest(?::int, 2) and ?::int
         and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on >= ?::date)${ctx.classGroupId ? ' and c.id = ?::uuid' : ''}
       order by e.student_id, e.starts_on desc),
    marks as (
      select pm.student_id, pm.subject_id, pm.value from period_mark pm
       where pm.year_id = ?::uuid and pm.kind = ?::period_mark_kind and ${kind === PeriodMarkKind.PERIOD ? 'pm.study_period_id = ?::uuid' : 'pm.study_period_id is null'}
         and pm.student_id in (select student_id from roster)),
    own as (
      select r.student_id, r.class_id, r.grade, ci.subject_id, m.value
        from roster r join curriculum_item ci on ci.class_group_id = r.class_id
        left join marks m on m.student_id = r.student_id and m.subject_id = ci.subject_id
       where ${exam ? 'false' : 'true'}
      union all
      -- A period mark in a subject outside the class's curriculum counts too (for EXAM: only these).
      select r.student_id, r.class_id, r.grade, m.subject_id, m.value
        from marks m join roster r on r.student_id = m.student_id
       where ${exam ? 'true' : 'not exists(select 1 from curriculum_item ci where ci.class_group_id = r.class_id and ci.subject_id = m.subject_id)'}),
    cells as (
      select x.* from own x join class_group c on c.id = x.class_id
       where ${filters.length ? filters.map((f) => f.text).join(' and ') : 'true'})`;
  const params = [ctx.schoolId, ctx.yearId, ctx.gradeFrom, ctx.gradeTo, ctx.onDay, ctx.onDay, ...(ctx.classGroupId ? [ctx.classGroupId] : []),
    ctx.yearId, kind, ...(kind === PeriodMarkKind.PERIOD ? [ctx.periodId] : []), ...filters.flatMap((f) => f.params)];
  return { text, params };
}

function counts(r: any): ResultCounts {
  const pupils = int(r.pupils);
  const notAttested = int(r.not_attested);
  const attested = pupils - notAttested;
  const excellent = int(r.excellent);
  const good = int(r.good);
  const failing = int(r.failing);
  const pct = (n: number) => (attested ? Math.round((1000 * n) / attested) / 10 : null);
  return {
    pupils, attested, excellent, good, oneFour: int(r.one_four), satisfactory: int(r.satisfactory), oneThree: int(r.one_three), failing,
    notAttestedMark: int(r.na), notAttested, missingMarks: int(r.missing),
    qualityPercent: pct(excellent + good), successPercent: pct(attested - failing),
  };
}

/** The report itself (one statement): per group and the total, and per pupil when `withPupils`. */
export async function periodResultsFor(
  scope: RequestScope, ctx: ResultsContext, args: PeriodResultsArgs, options: { withPupils: boolean },
): Promise<PeriodResults> {
  if (ctx.coordinator && (args.groupBy === ResultsGrouping.TEACHER || options.withPupils)) throw forbidden('Coordinators read aggregates with no names.');
  const cells = cellsSql(ctx, args.kind, args);
  const keys = KEYS[args.groupBy];
  const teacherJoin = args.groupBy === ResultsGrouping.TEACHER
    ? `join teaching_assignment ta on ta.class_group_id = x.class_id and ta.subject_id = x.subject_id and ta.year_id = ?::uuid
         and (ta.subgroup_id is null or exists(select 1 from subgroup_member sm where sm.subgroup_id = ta.subgroup_id and sm.student_id = x.student_id))`
    : '';
  const keyed = args.groupBy === ResultsGrouping.TEACHER ? 'x.*, ta.teacher_id' : 'x.*';
  const keyList = keys.map((k) => `${k}`).join(', ');
  const withKeys = keys.length ? `${keyList}, ` : '';
  const names = !ctx.coordinator;
  const pupilSelect = options.withPupils
    ? `select 'P' as part, p.student_id, p.class_id, cg.grade || cg.letter as class_name, ${fullNameSql('st')} as student_name, p.category,
              (select json_agg(json_build_object('subject', x.subject_id, 'name', sj.name, 'value', x.value) order by sj.name, sj.id)
                 from cells x join subject sj on sj.id = x.subject_id where x.student_id = p.student_id) as marks,
              null::bigint as pupils, null::bigint as not_attested, null::bigint as excellent, null::bigint as good, null::bigint as one_four,
              null::bigint as satisfactory, null::bigint as one_three, null::bigint as failing, null::bigint as na, null::numeric as missing,
              null::int as grade, null::uuid as subject_id, null::text as subject_name, null::uuid as teacher_id, null::text as teacher_name,
              null::text as class_teacher_name
         from pupil_total p join student st on st.id = p.student_id join class_group cg on cg.id = p.class_id`
    : '';
  const text = `with ${cells.text},
    keyed as (select ${keyed} from cells x ${teacherJoin}),
    pupil as (select ${withKeys}student_id, ${PER_PUPIL} from keyed group by ${withKeys}student_id),
    pupil_c as (select *, ${CATEGORY} as category from pupil),
    pupil_total as (select *, ${CATEGORY} as category from (select student_id, min(class_id::text)::uuid as class_id, ${PER_PUPIL} from cells group by student_id) t),
    grouped as (select ${withKeys}${COUNTS} from pupil_c ${keys.length ? `group by ${keyList}` : ''})
    select 'G' as part, null::uuid as student_id, ${keys.includes('class_id') ? 'g.class_id' : 'null::uuid'} as class_id,
           ${keys.includes('class_id') ? `cg.grade || cg.letter` : 'null::text'} as class_name, null::text as student_name, null::text as category, null::json as marks,
           g.pupils, g.not_attested, g.excellent, g.good, g.one_four, g.satisfactory, g.one_three, g.failing, g.na, g.missing,
           ${keys.includes('grade') ? 'g.grade' : 'null::int'} as grade,
           ${keys.includes('subject_id') ? 'g.subject_id' : 'null::uuid'} as subject_id,
           ${keys.includes('subject_id') ? 'sj.name' : 'null::text'} as subject_name,
           ${keys.includes('teacher_id') ? 'g.teacher_id' : 'null::uuid'} as teacher_id,
           ${keys.includes('teacher_id') && names ? fullNameSql('te') : 'null::text'} as teacher_name,
           ${keys.includes('class_id') && names ? `(select ${fullNameSql('ct')} from employee ct where ct.id = cg.class_teacher_id)` : 'null::text'} as class_teacher_name
      from grouped g
      ${keys.includes('class_id') ? 'join class_group cg on cg.id = g.class_id' : ''}
      ${keys.includes('subject_id') ? 'join subject sj on sj.id = g.subject_id' : ''}
      ${keys.includes('teacher_id') ? 'join employee te on te.id = g.teacher_id' : ''}
    union all
    select 'T', null, null, null, null, null, null, t.pupils, t.not_attested, t.excellent, t.good, t.one_four, t.satisfactory, t.one_three,
           t.failing, t.na, t.missing, null, null, null, null, null, null
      from (select ${COUNTS} from pupil_total) t
    ${pupilSelect ? `union all ${pupilSelect}` : ''}`;
  const params = [...cells.params, ...(args.groupBy === ResultsGrouping.TEACHER ? [ctx.yearId] : [])];
  const rows = await scope.reportsEm.execute<any[]>(text, params);
  const groups = rows.filter((r) => r.part === 'G').map((r): ResultGroup => ({
    ...counts(r), grade: r.grade ?? null, classGroupId: gid('ClassGroup', r.class_id), classGroupName: r.class_name ?? null,
    classTeacherName: r.class_teacher_name ?? null, subjectId: gid('Subject', r.subject_id), subjectName: r.subject_name ?? null,
    teacherId: gid('Employee', r.teacher_id), teacherName: r.teacher_name ?? null,
  }));
  groups.sort((a, b) => (a.grade ?? 0) - (b.grade ?? 0) || (a.classGroupName ?? '').localeCompare(b.classGroupName ?? '')
    || (a.subjectName ?? '').localeCompare(b.subjectName ?? '') || (a.teacherName ?? '').localeCompare(b.teacherName ?? ''));
  const totalRow = rows.find((r) => r.part === 'T');
  const pupils = rows.filter((r) => r.part === 'P').map((r): PupilResult => ({
    studentId: toGlobalId('Student', r.student_id), studentName: r.student_name, classGroupId: toGlobalId('ClassGroup', r.class_id),
    classGroupName: r.class_name, category: r.category,
    marks: (r.marks ?? []).map((m: any) => ({ subjectId: toGlobalId('Subject', m.subject), subjectName: m.name, value: m.value ?? null })),
  }));
  pupils.sort((a, b) => a.classGroupName.localeCompare(b.classGroupName) || a.studentName.localeCompare(b.studentName, 'ru'));
  return {
    schoolId: toGlobalId('School', ctx.schoolId), schoolName: ctx.schoolName, academicYearId: toGlobalId('AcademicYear', ctx.yearId),
    academicYearName: ctx.yearName, studyPeriodId: gid('StudyPeriod', ctx.periodId), studyPeriodName: ctx.periodName, kind: args.kind, groupBy: args.groupBy, onDay: ctx.onDay,
    qualityFormula: QUALITY_FORMULA, successFormula: SUCCESS_FORMULA,
    total: counts(totalRow ?? {}), groups, pupils,
  };
}

/** Period results of a school (or one class of it), grouped as asked: the generic query. */
export async function periodResults(scope: RequestScope, args: PeriodResultsArgs): Promise<PeriodResults> {
  const ctx = await resultsContext(scope, args, { coordinators: true, permission: 'report.periodResults' });
  return periodResultsFor(scope, ctx, args, { withPupils: false });
}
