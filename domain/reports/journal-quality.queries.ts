import { toGlobalId } from '../../schema/global-id';
import type { RequestScope } from '../request-scope';
import {
  type DateSpan, checkSpan, fullNameSql, int, num, reachInSchool, reachParams, reachSql, todayIn,
} from './report-span';

/**
 * Journal completeness (004 §11): of the lessons that have taken place (not cancelled; held,
 * or dated before today), which lack a topic, a homework or attendance. "Attendance taken"
 * means the teacher marked the register called (markAttendanceTaken) or recorded at least one
 * absence or late arrival at the lesson (one cleared as a mistake does not count). One row per
 * class × subject × teacher (the teacher standing in, when someone did), with the incomplete
 * lessons listed. One SQL statement.
 */
export interface IncompleteLesson {
  lessonId: string; date: string; number: number; missingTopic: boolean; missingHomework: boolean; missingAttendance: boolean;
}
export interface JournalCompletenessRow {
  classGroupId: string; classGroupName: string; subjectId: string; subjectName: string; teacherId: string; teacherName: string;
  lessons: number; missingTopic: number; missingHomework: number; missingAttendance: number; complete: number;
  incompleteLessons: IncompleteLesson[];
}
export interface JournalCompletenessReport { schoolId: string; from: string; to: string; rows: JournalCompletenessRow[] }

export async function journalCompletenessReport(
  scope: RequestScope, args: { schoolId: string | null; classGroupId: string | null } & DateSpan,
): Promise<JournalCompletenessReport> {
  const span = checkSpan(args.from, args.to);
  const reach = await reachInSchool(scope, args.schoolId, 'report.academic');
  const today = todayIn(scope, reach.timezone);
  const rows = await scope.reportsEm.execute<any[]>(
    `with done as (
       select l.id, l.date, l.number, l.class_group_id, l.subject_id, coalesce(l.substitute_teacher_id, l.teacher_id) as teacher_id,
              (r.topic is null or btrim(r.topic) = '') as no_topic,
              (r.homework is null or btrim(r.homework) = '') as no_homework,
              (l.attendance_taken_at is null and not exists(select 1 from attendance a where a.lesson_id = l.id and a.cleared_at is null)) as no_attendance
         from lesson l join class_group c on c.id = l.class_group_id
         left join lesson_record r on r.lesson_id = l.id
        where l.school_id = ? and l.date between ? and ? and l.state <> 'CANCELLED' and (l.state = 'HELD' or l.date < ?)
          and (?::uuid is null or l.class_group_id = ?::uuid)
          and ${reachSql('l.subject_id', true)})
     select d.class_group_id, c.grade || c.letter as class_name, d.subject_id, s.name as subject_name,
            d.teacher_id, ${fullNameSql('e')} as teacher_name,
            count(*) as lessons, count(*) filter (where d.no_topic) as no_topic, count(*) filter (where d.no_homework) as no_homework,
            count(*) filter (where d.no_attendance) as no_attendance,
            count(*) filter (where not (d.no_topic or d.no_homework or d.no_attendance)) as complete,
            coalesce(json_agg(json_build_object('id', d.id, 'date', d.date, 'number', d.number, 't', d.no_topic, 'h', d.no_homework,
                       'a', d.no_attendance) order by d.date, d.number)
                     filter (where d.no_topic or d.no_homework or d.no_attendance), '[]') as incomplete
       from done d join class_group c on c.id = d.class_group_id join subject s on s.id = d.subject_id join employee e on e.id = d.teacher_id
      group by d.class_group_id, c.grade, c.letter, d.subject_id, s.name, d.teacher_id, e.last_name, e.first_name, e.middle_name
      order by c.grade, c.letter, s.name, teacher_name`,
    [reach.schoolId, span.from, span.to, today, args.classGroupId, args.classGroupId, ...reachParams(reach, true)],
  );
  return {
    schoolId: toGlobalId('School', reach.schoolId), from: span.from, to: span.to,
    rows: rows.map((r) => ({
      classGroupId: toGlobalId('ClassGroup', r.class_group_id), classGroupName: r.class_name,
      subjectId: toGlobalId('Subject', r.subject_id), subjectName: r.subject_name,
      teacherId: toGlobalId('Employee', r.teacher_id), teacherName: r.teacher_name,
      lessons: int(r.lessons), missingTopic: int(r.no_topic), missingHomework: int(r.no_homework),
      missingAttendance: int(r.no_attendance), complete: int(r.complete),
      incompleteLessons: (r.incomplete as any[]).map((x) => ({
        lessonId: toGlobalId('Lesson', x.id), date: x.date, number: x.number,
        missingTopic: x.t, missingHomework: x.h, missingAttendance: x.a,
      })),
    })),
  };
}

/**
 * Timeliness of marks (004 §8.6): a mark is entered late when it was created after its lesson's
 * day (in the school's time zone); one the teacher entered under the deputy head's late-entry
 * permit is counted apart (`underPermit`, not in `lateMarks`). Retracted marks do not count. Per teacher (the one standing in, when someone did) × subject:
 * how many marks, how many late, the late share (0–1), the mean delay in days of the late ones.
 * Marks of lessons dated within the span. One SQL statement.
 */
export interface MarkTimelinessRow {
  teacherId: string; teacherName: string; subjectId: string; subjectName: string;
  marks: number; lateMarks: number; lateShare: number | null; averageDelayDays: number | null; underPermit: number;
}
export interface MarkTimelinessReport {
  schoolId: string; from: string; to: string; marks: number; lateMarks: number; lateShare: number | null; underPermit: number; rows: MarkTimelinessRow[];
}

export async function markTimelinessReport(
  scope: RequestScope, args: { schoolId: string | null; classGroupId: string | null } & DateSpan,
): Promise<MarkTimelinessReport> {
  const span = checkSpan(args.from, args.to);
  const reach = await reachInSchool(scope, args.schoolId, 'report.academic');
  const rows = await scope.reportsEm.execute<any[]>(
    `with m as (
       select coalesce(l.substitute_teacher_id, l.teacher_id) as teacher_id, l.subject_id,
              (m.created_at at time zone ?)::date - l.date as delay, m.entered_under_permit_id is not null as permitted
         from mark m join lesson l on l.id = m.lesson_id join class_group c on c.id = l.class_group_id
        where l.school_id = ? and l.date between ? and ? and (?::uuid is null or l.class_group_id = ?::uuid)
          and m.retracted_at is null and ${reachSql('l.subject_id', true)})
     select m.teacher_id, ${fullNameSql('e')} as teacher_name, m.subject_id, s.name as subject_name,
            count(*) as marks, count(*) filter (where m.delay > 0 and not m.permitted) as late,
            avg(m.delay) filter (where m.delay > 0 and not m.permitted) as delay, count(*) filter (where m.permitted) as permitted
       from m join employee e on e.id = m.teacher_id join subject s on s.id = m.subject_id
      group by m.teacher_id, e.last_name, e.first_name, e.middle_name, m.subject_id, s.name
      order by teacher_name, s.name`,
    [reach.timezone, reach.schoolId, span.from, span.to, args.classGroupId, args.classGroupId, ...reachParams(reach, true)],
  );
  const result = rows.map((r) => ({
    teacherId: toGlobalId('Employee', r.teacher_id), teacherName: r.teacher_name,
    subjectId: toGlobalId('Subject', r.subject_id), subjectName: r.subject_name,
    marks: int(r.marks), lateMarks: int(r.late), lateShare: share(int(r.late), int(r.marks)), averageDelayDays: num(r.delay, 1),
    underPermit: int(r.permitted),
  }));
  const marks = result.reduce((n, r) => n + r.marks, 0);
  const lateMarks = result.reduce((n, r) => n + r.lateMarks, 0);
  const underPermit = result.reduce((n, r) => n + r.underPermit, 0);
  return {
    schoolId: toGlobalId('School', reach.schoolId), from: span.from, to: span.to, marks, lateMarks, lateShare: share(lateMarks, marks), underPermit, rows: result,
  };
}

export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}
