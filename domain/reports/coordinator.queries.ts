import { toGlobalId } from '../../schema/global-id';
import type { RequestScope } from '../request-scope';
import { schoolsWhere } from '../../permissions/registry';
import { uuidArray } from '../../permissions/scope';
import { raw } from '../../lib/sql';
import { type DateSpan, checkSpan, int, num } from './report-span';
import { share } from './journal-quality.queries';

/**
 * The journal reports as per-school aggregates, with no names or personal data (the type has
 * no field for one): for the municipal and regional coordinators, the schools under them; for a
 * school's administration, their own school. Completeness, timeliness, the average mark,
 * attendance by reason, and how many student × subject pairs are at risk of non-attestation in
 * each school's study period that holds `to` (or the last one before it). One SQL statement.
 */
export interface SchoolJournalAggregate {
  schoolId: string; schoolName: string;
  lessons: number; lessonsMissingTopic: number; lessonsMissingHomework: number; lessonsMissingAttendance: number;
  marks: number; lateMarks: number; lateShare: number | null; averageMark: number | null; weightedAverageMark: number | null;
  absences: number; lates: number; illness: number; excused: number; unexcused: number; unknownReason: number;
  atRiskStudyPeriodName: string | null; atRiskPairs: number; atRiskStudents: number;
}

export async function schoolJournalAggregatesReport(scope: RequestScope, args: DateSpan): Promise<SchoolJournalAggregate[]> {
  const span = checkSpan(args.from, args.to);
  // `report.schoolAggregates`: the schools where the viewer holds it by a role, and those they coordinate (a tie, as SQL).
  const own = schoolsWhere(scope.viewer, 'report.schoolAggregates');
  const coordinated = scope.access.ties.coordinates(raw('s.id'));
  const rows = await scope.em.execute<any[]>(
    `with sc as (
       select s.id, s.name, s.timezone, (?::timestamptz at time zone s.timezone)::date as today
         from school s join municipality mu on mu.id = s.municipality_id
        where s.id = any(?::uuid[]) or ${coordinated.text}),
     les as (
       select l.school_id, count(*) as lessons,
              count(*) filter (where r.topic is null or btrim(r.topic) = '') as no_topic,
              count(*) filter (where r.homework is null or btrim(r.homework) = '') as no_homework,
              count(*) filter (where l.attendance_taken_at is null and not exists(select 1 from attendance a where a.lesson_id = l.id and a.cleared_at is null)) as no_att
         from sc join lesson l on l.school_id = sc.id left join lesson_record r on r.lesson_id = l.id
        where l.date between ? and ? and l.state <> 'CANCELLED' and (l.state = 'HELD' or l.date < sc.today)
        group by l.school_id),
     mk as (
       select l.school_id, count(*) as marks,
              count(*) filter (where (m.created_at at time zone sc.timezone)::date > l.date and m.entered_under_permit_id is null) as late,
              avg(m.value::int) filter (where m.value in ('1', '2', '3', '4', '5')) as average,
              sum(m.value::int * w.weight) filter (where m.value in ('1', '2', '3', '4', '5'))
                / nullif(sum(w.weight) filter (where m.value in ('1', '2', '3', '4', '5')), 0) as weighted
         from sc join lesson l on l.school_id = sc.id join mark m on m.lesson_id = l.id and m.retracted_at is null join work_type w on w.id = m.work_type_id
        where l.date between ? and ?
        group by l.school_id),
     att as (
       select l.school_id, count(*) filter (where a.kind = 'ABSENT') as absences, count(*) filter (where a.kind = 'LATE') as lates,
              count(*) filter (where a.reason = 'ILLNESS') as illness, count(*) filter (where a.reason = 'EXCUSED') as excused,
              count(*) filter (where a.reason = 'UNEXCUSED') as unexcused, count(*) filter (where a.reason = 'UNKNOWN') as unknown
         from sc join lesson l on l.school_id = sc.id join attendance a on a.lesson_id = l.id and a.cleared_at is null
        where l.date between ? and ?
        group by l.school_id),
     per as (
       -- The latest begun period of each scheme (range of grades) of the school's latest begun year.
       select distinct on (sc.id, p.grade_from) sc.id as school_id, p.id, p.name, p.starts_on, p.ends_on, p.year_id, p.grade_from, p.grade_to
         from sc cross join lateral (
           select y.id from academic_year y where y.school_id = sc.id and y.starts_on <= ? order by y.starts_on desc limit 1) y
         join study_period p on p.year_id = y.id and p.starts_on <= ?
        order by sc.id, p.grade_from, p.starts_on desc),
     per_name as (select school_id, string_agg(name, ' / ' order by grade_from) as name from per group by school_id),
     en as (
       select distinct per.school_id, e.student_id, e.class_group_id
         from per join class_group c on c.year_id = per.year_id and c.grade > 1 and c.grade between per.grade_from and per.grade_to
         join enrollment e on e.class_group_id = c.id
        where e.starts_on <= per.ends_on and (e.ends_on is null or e.ends_on >= per.starts_on)),
     counts as (
       select m.student_id, l.class_group_id, l.subject_id, count(*) as n
         from per join lesson l on l.school_id = per.school_id and l.date between per.starts_on and per.ends_on
         join class_group lc on lc.id = l.class_group_id and lc.grade between per.grade_from and per.grade_to
         join mark m on m.lesson_id = l.id and m.retracted_at is null
        group by m.student_id, l.class_group_id, l.subject_id),
     risk as (
       select en.school_id, count(*) as pairs, count(distinct en.student_id) as students
         from en join curriculum_item ci on ci.class_group_id = en.class_group_id
         left join counts k on k.student_id = en.student_id and k.class_group_id = en.class_group_id and k.subject_id = ci.subject_id
        where coalesce(k.n, 0) < case when ci.hours_per_week >= 2 then 5 else 3 end
        group by en.school_id)
     select sc.id, sc.name, les.lessons, les.no_topic, les.no_homework, les.no_att, mk.marks, mk.late, mk.average, mk.weighted,
            att.absences, att.lates, att.illness, att.excused, att.unexcused, att.unknown,
            per.name as period_name, risk.pairs, risk.students
       from sc left join les on les.school_id = sc.id left join mk on mk.school_id = sc.id left join att on att.school_id = sc.id
       left join per_name per on per.school_id = sc.id left join risk on risk.school_id = sc.id
      order by sc.name`,
    [scope.clock.now(), uuidArray(own), ...coordinated.values,
      span.from, span.to, span.from, span.to, span.from, span.to, span.to, span.to],
  );
  return rows.map((r) => ({
    schoolId: toGlobalId('School', r.id), schoolName: r.name,
    lessons: int(r.lessons), lessonsMissingTopic: int(r.no_topic), lessonsMissingHomework: int(r.no_homework),
    lessonsMissingAttendance: int(r.no_att),
    marks: int(r.marks), lateMarks: int(r.late), lateShare: share(int(r.late), int(r.marks)),
    averageMark: num(r.average), weightedAverageMark: num(r.weighted),
    absences: int(r.absences), lates: int(r.lates), illness: int(r.illness), excused: int(r.excused), unexcused: int(r.unexcused),
    unknownReason: int(r.unknown),
    atRiskStudyPeriodName: r.period_name ?? null, atRiskPairs: int(r.pairs), atRiskStudents: int(r.students),
  }));
}
