import { PeriodMarkKind } from '../../entities';
import { onlyTeacherParams, onlyTeacherSql, reachParams, reachSql } from '../../permissions/report-reach';
import { notFound } from '../../lib/errors';
import { toGlobalId } from '../../schema/global-id';
import type { RequestScope } from '../request-scope';
import { type ReportCard, WEIGHTED_AVERAGE_FORMULA, reportCardReport } from './achievement.queries';
import {
  type PeriodResults, PupilCategory, ResultsGrouping, type ResultsContext, periodResultsFor, resultsContext,
} from './period-results.queries';
import { FIVE_POINT, fullNameSql, int, num } from './report-span';

/**
 * The regulation's §11 reports (004 §11.3–11.5) that count a period's results, each a domain
 * function `(scope, args) => Promise<Report>` over period-results.queries.ts, so a document
 * maker renders the same typed structure the GraphQL query answers. At most four SQL
 * statements each whatever the school's size: the viewer, the context with the viewer's ties,
 * the results, and one more read where the report has a second part (absences, coverage).
 *
 * Who (DOMAIN.md, matrix "reports"): school-wide reports the academic administration (ADMIN,
 * DIRECTOR, DEPUTY_ACADEMIC) and, per school with no names, the coordinators over it; a class's
 * reports its class teacher and the academic administration; the subject teacher's report the
 * teacher (own rows) and the administration. DEPUTY_PASTORAL's own direction (educational work:
 * attendance, report cards) does not include these academic reports.
 */

export interface PeriodScopeArgs { studyPeriodId: string | null; academicYearId: string | null; kind: PeriodMarkKind }

// ------------------------------------------------------------------------ school-wide

export interface AbsenceCounts { absentLessons: number; lateLessons: number; illness: number; excused: number; unexcused: number; unknown: number }
export interface ClassAbsences extends AbsenceCounts { classGroupId: string }
export interface ClassTeachersSummary { results: PeriodResults; absences: ClassAbsences[] }

const ABSENCE_COUNTS = `count(*) filter (where a.kind = 'ABSENT') as absent, count(*) filter (where a.kind = 'LATE') as late,
  count(*) filter (where a.reason = 'ILLNESS') as illness, count(*) filter (where a.reason = 'EXCUSED') as excused,
  count(*) filter (where a.reason = 'UNEXCUSED') as unexcused, count(*) filter (where a.reason = 'UNKNOWN') as unknown`;

const absenceCounts = (r: any): AbsenceCounts => ({
  absentLessons: int(r?.absent), lateLessons: int(r?.late), illness: int(r?.illness), excused: int(r?.excused),
  unexcused: int(r?.unexcused), unknown: int(r?.unknown),
});

/** «Сводный отчёт классного руководителя» (по школе): every class's results and absences in the period. */
export async function classTeachersSummaryReport(
  scope: RequestScope, args: { schoolId: string | null } & PeriodScopeArgs,
): Promise<ClassTeachersSummary> {
  const ctx = await resultsContext(scope, args, { coordinators: true, permission: 'report.periodResults' });
  const results = await periodResultsFor(scope, ctx, { ...args, groupBy: ResultsGrouping.CLASS }, { withPupils: false });
  const rows = await scope.reportsEm.execute<any[]>(`select l.class_group_id, ${ABSENCE_COUNTS}
       from class_group c join lesson l on l.class_group_id = c.id and l.date between ?::date and ?::date
       join attendance a on a.lesson_id = l.id
      where c.school_id = ?::uuid and c.year_id = ?::uuid and a.cleared_at is null
        and ${reachSql('l.subject_id', true)}
      group by l.class_group_id`,
    [ctx.startsOn, ctx.endsOn, ctx.schoolId, ctx.yearId, ...reachParams(ctx.reach, true)]);
  return { results, absences: rows.map((r) => ({ classGroupId: toGlobalId('ClassGroup', r.class_group_id), ...absenceCounts(r) })) };
}

/** «Сводный отчёт об успеваемости по школе»: per parallel, and the school's total. */
export async function schoolPerformanceReport(scope: RequestScope, args: { schoolId: string | null } & PeriodScopeArgs): Promise<PeriodResults> {
  const ctx = await resultsContext(scope, args, { coordinators: true, permission: 'report.periodResults' });
  return periodResultsFor(scope, ctx, { ...args, groupBy: ResultsGrouping.PARALLEL }, { withPupils: false });
}

/** «Итоги успеваемости и качества знаний»: quality and success per class × subject (one class, or the school). */
export async function knowledgeQualityReport(
  scope: RequestScope, args: { schoolId: string | null; classGroupId: string | null } & PeriodScopeArgs,
): Promise<PeriodResults> {
  const ctx = await resultsContext(scope, args, { coordinators: true, permission: 'report.periodResults' });
  return periodResultsFor(scope, ctx, { ...args, groupBy: ResultsGrouping.CLASS_SUBJECT }, { withPupils: false });
}

// ------------------------------------------------------------------------ a class

/** «Итоги успеваемости класса за учебный период»: per subject, and each pupil's category with their marks. */
export async function classPeriodResultsReport(scope: RequestScope, args: { classGroupId: string } & PeriodScopeArgs): Promise<PeriodResults> {
  const ctx = await resultsContext(scope, { ...args, schoolId: null }, { coordinators: false, permission: 'report.termOfClass' });
  return periodResultsFor(scope, ctx, { ...args, schoolId: null, groupBy: ResultsGrouping.SUBJECT }, { withPupils: true });
}

export interface PupilAbsences extends AbsenceCounts { studentId: string }
export interface ClassTeacherPeriodReport { results: PeriodResults; absences: AbsenceCounts; pupilAbsences: PupilAbsences[] }

/** «Отчёт классного руководителя за учебный период»: the class's results per subject and pupil, with absences. */
export async function classTeacherPeriodReport(
  scope: RequestScope, args: { classGroupId: string } & PeriodScopeArgs,
): Promise<ClassTeacherPeriodReport> {
  const ctx = await resultsContext(scope, { ...args, schoolId: null }, { coordinators: false, permission: 'report.termOfClass' });
  const results = await periodResultsFor(scope, ctx, { ...args, schoolId: null, groupBy: ResultsGrouping.SUBJECT }, { withPupils: true });
  const rows = await scope.reportsEm.execute<any[]>(`select grouping(a.student_id) as total, a.student_id, ${ABSENCE_COUNTS}
       from attendance a join lesson l on l.id = a.lesson_id
      where l.class_group_id = ?::uuid and a.cleared_at is null and l.date between ?::date and ?::date
      group by grouping sets ((a.student_id), ())`,
    [ctx.classGroupId, ctx.startsOn, ctx.endsOn]);
  return {
    results, absences: absenceCounts(rows.find((r) => Number(r.total) === 1)),
    pupilAbsences: rows.filter((r) => Number(r.total) === 0).map((r) => ({ studentId: toGlobalId('Student', r.student_id), ...absenceCounts(r) })),
  };
}

export interface HeadingForMark {
  subjectId: string; subjectName: string; marks: number; weightedAverage: number | null;
  /** The weighted average rounded half up: the period mark the pupil is heading for. */
  headingFor: string | null;
}
export interface PreliminaryPupil {
  studentId: string; studentName: string; category: PupilCategory; subjects: HeadingForMark[];
}
export interface PreliminaryReport {
  classGroupId: string; classGroupName: string; studyPeriodId: string; studyPeriodName: string; onDay: string; formula: string;
  pupils: PreliminaryPupil[];
  /** The class's categories if the period ended on `onDay` with these marks. */
  excellent: number; good: number; satisfactory: number; failing: number; notAttested: number;
}

/** Rounds half up: 4.5 → 5, 4.49 → 4 (a weighted average to the mark it is heading for). */
export function headingFor(weightedAverage: number | null): string | null {
  if (weightedAverage === null) return null;
  return String(Math.min(5, Math.max(1, Math.floor(weightedAverage + 0.5))));
}

/** A pupil's category from the marks they are heading for (the same rules as period-results.queries.ts). */
export function categoryOf(values: (string | null)[]): PupilCategory {
  const marked = values.filter((v): v is string => v !== null);
  if (marked.length === 0) return PupilCategory.NOT_ATTESTED;
  if (marked.some((v) => v === '1' || v === '2')) return PupilCategory.FAILING;
  if (marked.includes('3')) return PupilCategory.SATISFACTORY;
  if (marked.includes('4')) return PupilCategory.GOOD;
  return PupilCategory.EXCELLENT;
}

/**
 * «Предварительный отчёт классного руководителя за учебный период»: for each pupil of the class
 * and each curriculum subject, the weighted average of the current marks of the period so far
 * and the period mark it heads for; the class's categories if the period ended now.
 */
export async function preliminaryClassReport(
  scope: RequestScope, args: { classGroupId: string; studyPeriodId: string },
): Promise<PreliminaryReport> {
  const ctx = await resultsContext(scope, { ...args, schoolId: null, academicYearId: null, kind: PeriodMarkKind.PERIOD },
    { coordinators: false, permission: 'report.termOfClass' });
  const rows = await scope.reportsEm.execute<any[]>(`with roster as (select distinct e.student_id from enrollment e
                      where e.class_group_id = ?::uuid and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on >= ?::date)),
     subj as (select ci.subject_id from curriculum_item ci where ci.class_group_id = ?::uuid),
     mk as (select m.student_id, l.subject_id, count(*) as n, sum(m.value::int * w.weight) / nullif(sum(w.weight), 0) as weighted
              from lesson l join mark m on m.lesson_id = l.id join work_type w on w.id = m.work_type_id
             where l.class_group_id = ?::uuid and l.date between ?::date and ?::date and m.retracted_at is null and ${FIVE_POINT}
               and m.student_id in (select student_id from roster)
             group by m.student_id, l.subject_id)
     select r.student_id, ${fullNameSql('st')} as student_name, s.id as subject_id, s.name as subject_name, mk.n, mk.weighted
       from roster r join student st on st.id = r.student_id cross join subj join subject s on s.id = subj.subject_id
       left join mk on mk.student_id = r.student_id and mk.subject_id = s.id
      order by st.last_name, st.first_name, st.id, s.name`,
    [ctx.classGroupId, ctx.onDay, ctx.onDay, ctx.classGroupId, ctx.classGroupId, ctx.startsOn, ctx.endsOn]);
  const pupils: PreliminaryPupil[] = [];
  for (const r of rows) {
    let pupil = pupils[pupils.length - 1];
    const studentId = toGlobalId('Student', r.student_id);
    if (!pupil || pupil.studentId !== studentId) {
      pupil = { studentId, studentName: r.student_name, category: PupilCategory.NOT_ATTESTED, subjects: [] };
      pupils.push(pupil);
    }
    const weightedAverage = num(r.weighted);
    pupil.subjects.push({
      subjectId: toGlobalId('Subject', r.subject_id), subjectName: r.subject_name, marks: int(r.n), weightedAverage,
      headingFor: headingFor(weightedAverage),
    });
  }
  for (const p of pupils) p.category = categoryOf(p.subjects.map((s) => s.headingFor));
  const count = (c: PupilCategory) => pupils.filter((p) => p.category === c).length;
  return {
    classGroupId: toGlobalId('ClassGroup', ctx.classGroupId!), classGroupName: ctx.classGroupName!,
    studyPeriodId: toGlobalId('StudyPeriod', ctx.periodId!), studyPeriodName: ctx.periodName!, onDay: ctx.onDay,
    formula: `${WEIGHTED_AVERAGE_FORMULA} The mark heading for: the weighted average rounded half up (4.5 → 5).`,
    pupils, excellent: count(PupilCategory.EXCELLENT), good: count(PupilCategory.GOOD), satisfactory: count(PupilCategory.SATISFACTORY),
    failing: count(PupilCategory.FAILING), notAttested: count(PupilCategory.NOT_ATTESTED),
  };
}

// ------------------------------------------------------------------------ the subject teacher

export interface CoverageRow {
  classGroupId: string; classGroupName: string; subjectId: string; subjectName: string;
  /** Thematic plan hours of the period (items planned inside it), and of those planned up to `onDay`. */
  plannedHours: number; plannedHoursToDate: number;
  /** Lessons held in the period up to `onDay`. */
  lessonsHeld: number;
  /** lessonsHeld / plannedHoursToDate × 100; null without a plan. */
  coveragePercent: number | null;
}
export interface SubjectTeacherReport { teacherId: string; teacherName: string; results: PeriodResults; coverage: CoverageRow[] }

/**
 * «Отчёт учителя-предметника»: a teacher's results per class × subject they are assigned to, and
 * the program coverage — lessons held against the thematic plan's hours. `teacherId` null: the
 * viewer's own; another teacher's report is the administration's (NOT_FOUND otherwise).
 */
export async function subjectTeacherReport(
  scope: RequestScope, args: { schoolId: string | null; teacherId: string | null } & PeriodScopeArgs,
): Promise<SubjectTeacherReport> {
  const ctx: ResultsContext = await resultsContext(scope, args, { coordinators: false, permission: 'report.academic' });
  const own = scope.access.ties.teacherCard;
  const teacherId = args.teacherId ?? own;
  if (!teacherId || (!ctx.reach.wholeSchool && teacherId !== own)) throw notFound('Employee');
  const rows = await scope.reportsEm.execute<any[]>(`with te as (select e.id, ${fullNameSql('e')} as name from employee e where e.id = ?::uuid and e.school_id = ?::uuid)
     select te.name as teacher_name, c.id as class_id, c.grade || c.letter as class_name, s.id as subject_id, s.name as subject_name,
            (select coalesce(sum(t.hours), 0) from thematic_plan_item t where t.teacher_id = te.id and t.class_group_id = c.id
               and t.subject_id = s.id and t.subgroup_id is not distinct from ta.subgroup_id and t.planned_on between ?::date and ?::date) as planned,
            (select coalesce(sum(t.hours), 0) from thematic_plan_item t where t.teacher_id = te.id and t.class_group_id = c.id
               and t.subject_id = s.id and t.subgroup_id is not distinct from ta.subgroup_id and t.planned_on between ?::date and ?::date) as planned_to_date,
            (select count(*) from lesson l where l.class_group_id = c.id and l.subject_id = s.id and l.subgroup_id is not distinct from ta.subgroup_id
               and l.state = 'HELD' and l.date between ?::date and ?::date) as held
       from te left join (teaching_assignment ta join class_group c on c.id = ta.class_group_id join subject s on s.id = ta.subject_id)
              on ta.teacher_id = te.id and ta.year_id = ?::uuid
      order by c.grade, c.letter, s.name`,
    [teacherId, ctx.schoolId, ctx.startsOn, ctx.endsOn, ctx.startsOn, ctx.onDay, ctx.startsOn, ctx.onDay, ctx.yearId]);
  if (!rows[0]) throw notFound('Employee');
  const results = await periodResultsFor(scope, { ...ctx, reach: { ...ctx.reach, wholeSchool: true } },
    { ...args, groupBy: ResultsGrouping.CLASS_SUBJECT, teacherId }, { withPupils: false });
  // Subgroups of one class × subject add up into one row.
  const coverage = new Map<string, CoverageRow>();
  for (const r of rows.filter((x) => x.class_id)) {
    const key = `${r.class_id}|${r.subject_id}`;
    const row = coverage.get(key) ?? {
      classGroupId: toGlobalId('ClassGroup', r.class_id), classGroupName: r.class_name, subjectId: toGlobalId('Subject', r.subject_id),
      subjectName: r.subject_name, plannedHours: 0, plannedHoursToDate: 0, lessonsHeld: 0, coveragePercent: null,
    };
    row.plannedHours += int(r.planned);
    row.plannedHoursToDate += int(r.planned_to_date);
    row.lessonsHeld += int(r.held);
    row.coveragePercent = row.plannedHoursToDate ? Math.round((1000 * row.lessonsHeld) / row.plannedHoursToDate) / 10 : null;
    coverage.set(key, row);
  }
  return { teacherId: toGlobalId('Employee', teacherId), teacherName: rows[0].teacher_name, results, coverage: [...coverage.values()] };
}

// ------------------------------------------------------------------------ a pupil

export interface ProgressMark { subjectId: string; date: string; value: string; workTypeName: string; weight: number }
export interface StudentProgressReport { card: ReportCard; marks: ProgressMark[] }

/**
 * «Отчёт об успеваемости и посещаемости ученика»: the pupil's report card for the period (period
 * marks, averages, absences) with every current mark of the period, for the class teacher's work
 * with the family (004 §11.5). Who: like the report card (`report.reportCard`); a subject teacher
 * sees their own subjects only.
 */
export async function studentProgressReport(scope: RequestScope, args: { studentId: string; studyPeriodId: string }): Promise<StudentProgressReport> {
  const card = await reportCardReport(scope, args);
  const access = await scope.access.student(args.studentId);
  const onlyTeacher = access.level === 'FULL' ? null : scope.access.ties.teacherCard;
  const rows = await scope.reportsEm.execute<any[]>(`select l.subject_id, l.date::text as date, m.value, w.name as work_type, w.weight
       from study_period p join mark m on m.student_id = ?::uuid join lesson l on l.id = m.lesson_id join work_type w on w.id = m.work_type_id
      where p.id = ?::uuid and l.date between p.starts_on and p.ends_on and m.retracted_at is null
        and ${onlyTeacherSql('l.subject_id', 'l.class_group_id', true)}
      order by l.date, l.number, m.created_at`,
    [args.studentId, args.studyPeriodId, ...onlyTeacherParams(onlyTeacher, true)]);
  return {
    card,
    marks: rows.map((r) => ({ subjectId: toGlobalId('Subject', r.subject_id), date: r.date, value: r.value, workTypeName: r.work_type, weight: Number(r.weight) })),
  };
}
