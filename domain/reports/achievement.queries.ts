import { onlyTeacherParams, onlyTeacherSql } from '../../permissions/report-reach';
import { sql } from '../../lib/sql';
import { toGlobalId } from '../../schema/global-id';
import { notFound } from '../../lib/errors';
import type { RequestScope } from '../request-scope';
import {
  FIVE_POINT, type ReportReach, fullNameSql, int, num, reachInSchool, reachParams, reachSql, roleReach, todayIn,
} from './report-span';

/**
 * Averages, the report card and the at-risk list (004 §2.2, §11; rule 7).
 *
 * The weighted average of a set of five-point marks is Σ(value × weight) / Σ(weight), each
 * mark weighted by its work type's weight (a control work "К" counts twice an oral answer);
 * pass/fail marks and "н/а" take no part. The plain average is Σ(value) / count.
 */
export const WEIGHTED_AVERAGE_FORMULA =
  'Σ(value × weight) / Σ(weight) over the five-point marks ("1"–"5"), each weighted by its work type\'s weight; pass/fail marks take no part.';

/** Rule 7 (001): marks a student needs in a period for attestation, by the subject's weekly hours. */
export function marksRequired(hoursPerWeek: number): number {
  return hoursPerWeek >= 2 ? 5 : 3;
}

/**
 * Which of a student's journal the viewer reads: everything (self, parent, class teacher,
 * administration) or, for a teacher of the student, the subjects they teach them.
 */
async function studentReach(scope: RequestScope, studentId: string): Promise<{ schoolId: string; onlyTeacher: string | null }> {
  const access = await scope.access.student(studentId);
  if (access.level === 'FULL') return { schoolId: access.schoolId!, onlyTeacher: null };
  if (access.level === 'TAUGHT' && scope.access.ties.teacherCard) return { schoolId: access.schoolId!, onlyTeacher: scope.access.ties.teacherCard };
  throw notFound('Student');
}

const ONLY_TEACHER_SQL = onlyTeacherSql;

// ------------------------------------------------------------------------ student average and trend

export interface AveragePoint {
  /** A study period's name, or the week's Monday. */
  label: string; startsOn: string; endsOn: string; marks: number; average: number | null; weightedAverage: number | null;
}
export interface StudentAverageReport {
  studentId: string; studentName: string; subjectId: string | null;
  marks: number; average: number | null; weightedAverage: number | null;
  /** Weighted average of the last four weeks with marks minus that of the four before; null without both. */
  trend: number | null;
  periods: AveragePoint[]; weeks: AveragePoint[];
}

export async function studentAverageReport(
  scope: RequestScope, args: { studentId: string; subjectId: string | null },
): Promise<StudentAverageReport> {
  const { schoolId, onlyTeacher } = await studentReach(scope, args.studentId);
  const tz = (await scope.reportsEm.execute<{ timezone: string }[]>('select timezone from school where id = ?', [schoolId]))[0].timezone;
  const today = todayIn(scope, tz);
  const rows = await scope.reportsEm.execute<any[]>(
    `with y as (select y.id, y.starts_on, y.ends_on,
                       -- The student's grade that year (its study periods are their parallel's; the latest class).
                       coalesce((select c.grade from enrollment e join class_group c on c.id = e.class_group_id
                                  where e.student_id = ?::uuid and c.year_id = y.id order by e.starts_on desc limit 1), 1) as grade
                  from academic_year y where y.school_id = ? and y.starts_on <= ? order by y.starts_on desc limit 1),
     m as (select l.date, m.value::int as v, w.weight::numeric as w
             from y, mark m join lesson l on l.id = m.lesson_id join work_type w on w.id = m.work_type_id
            where m.student_id = ? and m.retracted_at is null and l.date between y.starts_on and y.ends_on and ${FIVE_POINT}
              and (?::uuid is null or l.subject_id = ?::uuid)
              and ${ONLY_TEACHER_SQL('l.subject_id', 'l.class_group_id', true)})
     select 'P' as kind, p.name as label, p.ordinal, p.starts_on::text as starts_on, p.ends_on::text as ends_on,
            count(m.v) as n, sum(m.v) as sv, sum(m.v * m.w) as svw, sum(m.w) as sw
       from y join study_period p on p.year_id = y.id and y.grade between p.grade_from and p.grade_to
       left join m on m.date between p.starts_on and p.ends_on
      group by p.id, p.name, p.ordinal, p.starts_on, p.ends_on
     union all
     select 'W', null, null, date_trunc('week', m.date)::date::text, (date_trunc('week', m.date)::date + 6)::text,
            count(*), sum(m.v), sum(m.v * m.w), sum(m.w)
       from m group by date_trunc('week', m.date)
     union all
     select 'S', ${fullNameSql('s')}, null, null, null, 0, null, null, null from student s where s.id = ?
     order by 1, 3, 4`,
    [args.studentId, schoolId, today, args.studentId, args.subjectId, args.subjectId, ...onlyTeacherParams(onlyTeacher, true), args.studentId],
  );
  const point = (r: any, label: string): AveragePoint => ({
    label, startsOn: r.starts_on, endsOn: r.ends_on, marks: int(r.n),
    average: int(r.n) ? num(Number(r.sv) / int(r.n)) : null, weightedAverage: ratio(r.svw, r.sw),
  });
  const periods = rows.filter((r) => r.kind === 'P').map((r) => point(r, r.label));
  const weekRows = rows.filter((r) => r.kind === 'W');
  const weeks = weekRows.map((r) => point(r, r.starts_on));
  const sum = (list: any[], k: string) => list.reduce((a, r) => a + Number(r[k] ?? 0), 0);
  const recent = weekRows.slice(-4);
  const before = weekRows.slice(-8, -4);
  const trend = recent.length && before.length
    ? num(sum(recent, 'svw') / sum(recent, 'sw') - sum(before, 'svw') / sum(before, 'sw'))
    : null;
  const n = sum(weekRows, 'n');
  return {
    studentId: toGlobalId('Student', args.studentId), studentName: rows.find((r) => r.kind === 'S')?.label ?? '',
    subjectId: args.subjectId ? toGlobalId('Subject', args.subjectId) : null,
    marks: n, average: n ? num(sum(weekRows, 'sv') / n) : null, weightedAverage: ratio(sum(weekRows, 'svw'), sum(weekRows, 'sw')),
    trend, periods, weeks,
  };
}

function ratio(a: unknown, b: unknown): number | null {
  const d = Number(b ?? 0);
  return d ? num(Number(a) / d) : null;
}

// ------------------------------------------------------------------------ weighted average per subject

export interface WeightedAverageRow {
  studentId: string; studentName: string; subjectId: string; subjectName: string;
  marks: number; average: number | null; weightedAverage: number | null;
}
export interface WeightedAverageReport {
  classGroupId: string; classGroupName: string; studyPeriodId: string; studyPeriodName: string; formula: string; rows: WeightedAverageRow[];
}

/**
 * The period's row and the viewer's reach into the class; NOT_FOUND when the class is not in the
 * viewer's school, or the viewer neither reads the whole school, leads the class, nor teaches in it.
 */
async function classAndPeriod(scope: RequestScope, classGroupId: string, studyPeriodId: string) {
  const ties = scope.access.ties;
  const teachesHere = sql`(${ties.leadsClass('c')} or ${ties.assignedInClass()} or ${ties.substitutesInClass()})`;
  const rows = await scope.em.execute<any[]>(
    `select c.school_id, sc.timezone, c.grade || c.letter as class_name, p.name as period_name,
            p.starts_on::text as starts_on, p.ends_on::text as ends_on,
            ${teachesHere.text} as teaches_here
       from class_group c join school sc on sc.id = c.school_id
       join study_period p on p.id = ?::uuid and c.grade between p.grade_from and p.grade_to
       join academic_year y on y.id = p.year_id and y.school_id = c.school_id
      where c.id = ?::uuid`,
    [...teachesHere.values, studyPeriodId, classGroupId],
  );
  const row = rows[0];
  const reach = row ? roleReach(scope.viewer, row.school_id, 'report.academic') : null;
  if (!row || !reach || (!reach.wholeSchool && !row.teaches_here)) throw notFound('ClassGroup');
  return { ...row, reach: { ...reach, timezone: row.timezone } } as {
    school_id: string; class_name: string; period_name: string; starts_on: string; ends_on: string; reach: ReportReach;
  };
}

export async function weightedAverageReport(
  scope: RequestScope, args: { classGroupId: string; studyPeriodId: string; subjectId: string | null },
): Promise<WeightedAverageReport> {
  const ctx = await classAndPeriod(scope, args.classGroupId, args.studyPeriodId);
  const rows = await scope.reportsEm.execute<any[]>(
    `select m.student_id, ${fullNameSql('st')} as student_name, l.subject_id, s.name as subject_name,
            count(*) as n, avg(m.value::int) as average, sum(m.value::int * w.weight) / nullif(sum(w.weight), 0) as weighted
       from lesson l join class_group c on c.id = l.class_group_id join mark m on m.lesson_id = l.id
       join work_type w on w.id = m.work_type_id join subject s on s.id = l.subject_id join student st on st.id = m.student_id
      where l.class_group_id = ? and l.date between ? and ? and ${FIVE_POINT} and m.retracted_at is null and (?::uuid is null or l.subject_id = ?::uuid)
        and ${reachSql('l.subject_id', true)}
      group by m.student_id, st.last_name, st.first_name, st.middle_name, l.subject_id, s.name
      order by student_name, s.name`,
    [args.classGroupId, ctx.starts_on, ctx.ends_on, args.subjectId, args.subjectId, ...reachParams(ctx.reach, true)],
  );
  return {
    classGroupId: toGlobalId('ClassGroup', args.classGroupId), classGroupName: ctx.class_name,
    studyPeriodId: toGlobalId('StudyPeriod', args.studyPeriodId), studyPeriodName: ctx.period_name, formula: WEIGHTED_AVERAGE_FORMULA,
    rows: rows.map((r) => ({
      studentId: toGlobalId('Student', r.student_id), studentName: r.student_name,
      subjectId: toGlobalId('Subject', r.subject_id), subjectName: r.subject_name,
      marks: int(r.n), average: num(r.average), weightedAverage: num(r.weighted),
    })),
  };
}

// ------------------------------------------------------------------------ report card (табель)

export interface ReportCardSubject {
  subjectId: string; subjectName: string; periodMark: string | null; yearMark: string | null;
  marks: number; average: number | null; weightedAverage: number | null;
}
export interface ReportCardAbsences {
  absentLessons: number; lateLessons: number; illness: number; excused: number; unexcused: number; unknown: number;
}
export interface ReportCard {
  studentId: string; studentName: string; classGroupName: string | null; studyPeriodId: string; studyPeriodName: string;
  subjects: ReportCardSubject[]; absences: ReportCardAbsences;
}

/** Two SQL statements after the access check: the header with the absences, then the subjects. */
export async function reportCardReport(scope: RequestScope, args: { studentId: string; studyPeriodId: string }): Promise<ReportCard> {
  const { schoolId, onlyTeacher } = await studentReach(scope, args.studentId);
  const [head] = await scope.reportsEm.execute<any[]>(
    `with p as (select p.id, p.name, p.starts_on, p.ends_on, p.year_id, p.grade_from, p.grade_to from study_period p join academic_year y on y.id = p.year_id
                 where p.id = ?::uuid and y.school_id = ?::uuid)
     select p.name as period_name, p.year_id, ${fullNameSql('st')} as student_name,
            cl.id as class_id, cl.name as class_name,
            a.absent, a.late, a.illness, a.excused, a.unexcused, a.unknown
       from p cross join student st
       left join lateral (
         select c.id, c.grade || c.letter as name from enrollment e join class_group c on c.id = e.class_group_id
          where e.student_id = st.id and c.year_id = p.year_id and e.starts_on <= p.ends_on and (e.ends_on is null or e.ends_on >= p.starts_on)
          order by e.starts_on desc limit 1) cl on true
       cross join lateral (
         select count(*) filter (where at.kind = 'ABSENT') as absent, count(*) filter (where at.kind = 'LATE') as late,
                count(*) filter (where at.reason = 'ILLNESS') as illness, count(*) filter (where at.reason = 'EXCUSED') as excused,
                count(*) filter (where at.reason = 'UNEXCUSED') as unexcused, count(*) filter (where at.reason = 'UNKNOWN') as unknown
           from attendance at join lesson l on l.id = at.lesson_id
          where at.student_id = st.id and at.cleared_at is null and l.date between p.starts_on and p.ends_on
            and ${ONLY_TEACHER_SQL('l.subject_id', 'l.class_group_id', true)}) a
      where st.id = ?::uuid
        -- A period of another parallel's scheme is not one of the student's (a 10th grader's half-years, not quarters).
        and not exists(select 1 from enrollment e join class_group c on c.id = e.class_group_id
                        where e.student_id = st.id and c.year_id = p.year_id and e.starts_on <= p.ends_on
                          and (e.ends_on is null or e.ends_on >= p.starts_on) and c.grade not between p.grade_from and p.grade_to)`,
    [args.studyPeriodId, schoolId, ...onlyTeacherParams(onlyTeacher, true), args.studentId],
  );
  if (!head) throw notFound('StudyPeriod');
  const classRow = head.class_id as string | null;
  const subjects = await scope.reportsEm.execute<any[]>(
    `with p as (select id, starts_on, ends_on, year_id from study_period where id = ?::uuid),
     mk as (select l.subject_id, count(*) as n,
                   avg(m.value::int) filter (where ${FIVE_POINT}) as average,
                   sum(m.value::int * w.weight) filter (where ${FIVE_POINT}) / nullif(sum(w.weight) filter (where ${FIVE_POINT}), 0) as weighted
              from p, mark m join lesson l on l.id = m.lesson_id join work_type w on w.id = m.work_type_id
             where m.student_id = ?::uuid and m.retracted_at is null and l.date between p.starts_on and p.ends_on
               and ${ONLY_TEACHER_SQL('l.subject_id', 'l.class_group_id', true)}
             group by l.subject_id),
     pm as (select pm.subject_id,
                   max(pm.value) filter (where pm.kind = 'PERIOD' and pm.study_period_id = p.id) as period_value,
                   max(pm.value) filter (where pm.kind = 'YEAR') as year_value
              from p, period_mark pm where pm.student_id = ?::uuid and pm.year_id = p.year_id group by pm.subject_id),
     subj as (select ci.subject_id from curriculum_item ci where ci.class_group_id = ?::uuid
              union select subject_id from mk union select subject_id from pm)
     select s.id, s.name, pm.period_value, pm.year_value, mk.n, mk.average, mk.weighted
       from subj join subject s on s.id = subj.subject_id left join mk on mk.subject_id = s.id left join pm on pm.subject_id = s.id
      where ${ONLY_TEACHER_SQL('s.id', '?::uuid', false)}
      order by s.name`,
    [args.studyPeriodId, args.studentId, ...onlyTeacherParams(onlyTeacher, true), args.studentId, classRow,
      onlyTeacher, classRow, onlyTeacher],
  );
  return {
    studentId: toGlobalId('Student', args.studentId), studentName: head.student_name, classGroupName: head.class_name ?? null,
    studyPeriodId: toGlobalId('StudyPeriod', args.studyPeriodId), studyPeriodName: head.period_name,
    subjects: subjects.map((r) => ({
      subjectId: toGlobalId('Subject', r.id), subjectName: r.name, periodMark: r.period_value ?? null, yearMark: r.year_value ?? null,
      marks: int(r.n), average: num(r.average), weightedAverage: num(r.weighted),
    })),
    absences: {
      absentLessons: int(head.absent), lateLessons: int(head.late), illness: int(head.illness), excused: int(head.excused),
      unexcused: int(head.unexcused), unknown: int(head.unknown),
    },
  };
}

// ------------------------------------------------------------------------ at risk of non-attestation (rule 7)

export interface AtRiskSubject { subjectId: string; subjectName: string; hoursPerWeek: number; marks: number; required: number }
/** One student short of marks, with each subject they are short in. */
export interface AtRiskStudent {
  studentId: string; studentName: string; classGroupId: string; classGroupName: string; subjects: AtRiskSubject[];
}
export interface AtRiskReport { schoolId: string; studyPeriodId: string; studyPeriodName: string; students: AtRiskStudent[] }

/**
 * Students of grades 2–11 (first grade has no marks) enrolled in a class during the period
 * with fewer marks in a curriculum subject than rule 7 asks: 3 for a subject of under 2 hours a
 * week, 5 for 2 hours or more. Counted: the student's current marks of any scale in lessons of
 * that class and subject dated in the period. One SQL statement.
 */
export async function atRiskReport(
  scope: RequestScope, args: { schoolId: string | null; studyPeriodId: string; classGroupId: string | null },
): Promise<AtRiskReport> {
  const reach = await reachInSchool(scope, args.schoolId, 'report.academic');
  const [period] = await scope.reportsEm.execute<any[]>(
    `select p.name from study_period p join academic_year y on y.id = p.year_id where p.id = ?::uuid and y.school_id = ?::uuid`,
    [args.studyPeriodId, reach.schoolId],
  );
  if (!period) throw notFound('StudyPeriod');
  const rows = await scope.reportsEm.execute<any[]>(
    `with p as (select id, starts_on, ends_on, year_id, grade_from, grade_to from study_period where id = ?::uuid),
     en as (select distinct e.student_id, e.class_group_id
              from p, enrollment e join class_group c on c.id = e.class_group_id
             where c.year_id = p.year_id and c.grade > 1 and c.grade between p.grade_from and p.grade_to and e.starts_on <= p.ends_on and (e.ends_on is null or e.ends_on >= p.starts_on)
               and (?::uuid is null or c.id = ?::uuid)),
     counts as (select m.student_id, l.class_group_id, l.subject_id, count(*) as n
                  from p, mark m join lesson l on l.id = m.lesson_id
                 where l.date between p.starts_on and p.ends_on and l.class_group_id in (select class_group_id from en) and m.retracted_at is null
                 group by m.student_id, l.class_group_id, l.subject_id)
     select en.student_id, ${fullNameSql('st')} as student_name, c.id as class_id, c.grade || c.letter as class_name,
            s.id as subject_id, s.name as subject_name, ci.hours_per_week, coalesce(k.n, 0) as n
       from en join class_group c on c.id = en.class_group_id join curriculum_item ci on ci.class_group_id = c.id
       join subject s on s.id = ci.subject_id join student st on st.id = en.student_id
       left join counts k on k.student_id = en.student_id and k.class_group_id = c.id and k.subject_id = s.id
      where coalesce(k.n, 0) < case when ci.hours_per_week >= 2 then 5 else 3 end
        and ${reachSql('s.id', false)}
      order by c.grade, c.letter, student_name, en.student_id, s.name`,
    [args.studyPeriodId, args.classGroupId, args.classGroupId, ...reachParams(reach, false)],
  );
  return {
    schoolId: toGlobalId('School', reach.schoolId), studyPeriodId: toGlobalId('StudyPeriod', args.studyPeriodId), studyPeriodName: period.name,
    students: groupAtRisk(rows),
  };
}

/** The rows come ordered by class and student: one entry per student, their subjects in order. */
function groupAtRisk(rows: any[]): AtRiskStudent[] {
  const students: AtRiskStudent[] = [];
  let current: AtRiskStudent | null = null;
  let currentKey = '';
  for (const r of rows) {
    const key = `${r.class_id}|${r.student_id}`;
    if (!current || key !== currentKey) {
      current = {
        studentId: toGlobalId('Student', r.student_id), studentName: r.student_name,
        classGroupId: toGlobalId('ClassGroup', r.class_id), classGroupName: r.class_name, subjects: [],
      };
      currentKey = key;
      students.push(current);
    }
    const hours = Number(r.hours_per_week);
    current.subjects.push({
      subjectId: toGlobalId('Subject', r.subject_id), subjectName: r.subject_name, hoursPerWeek: hours, marks: int(r.n), required: marksRequired(hours),
    });
  }
  return students;
}
