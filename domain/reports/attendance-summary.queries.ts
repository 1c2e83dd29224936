import { toGlobalId } from '../../schema/global-id';
import type { RequestScope } from '../request-scope';
import { type DateSpan, checkSpan, fullNameSql, int, reachInSchool, reachParams, reachSql } from './report-span';

/**
 * Attendance summary per class (004 §8.5, §11): absences and late arrivals at lessons dated in
 * the span, by kind and reason, with each student who missed something. A subject teacher sees
 * the attendance of their own lessons and subjects only. One SQL statement.
 */
export interface ReasonCount { kind: string; reason: string; count: number }
export interface StudentAttendanceRow { studentId: string; studentName: string; absent: number; late: number; unexcused: number }
export interface ClassAttendanceRow {
  classGroupId: string; classGroupName: string; absences: number; lates: number;
  byReason: ReasonCount[]; students: StudentAttendanceRow[];
}
export interface AttendanceSummaryReport { schoolId: string; from: string; to: string; rows: ClassAttendanceRow[] }

export async function attendanceSummaryReport(
  scope: RequestScope, args: { schoolId: string | null; classGroupId: string | null } & DateSpan,
): Promise<AttendanceSummaryReport> {
  const span = checkSpan(args.from, args.to);
  const reach = await reachInSchool(scope, args.schoolId, 'report.attendance');
  const rows = await scope.reportsEm.execute<any[]>(
    `with a as (
       select l.class_group_id, a.student_id, a.kind, a.reason
         from attendance a join lesson l on l.id = a.lesson_id join class_group c on c.id = l.class_group_id
        where l.school_id = ? and a.cleared_at is null and l.date between ? and ? and (?::uuid is null or l.class_group_id = ?::uuid)
          and ${reachSql('l.subject_id', true)}),
     by_reason as (select class_group_id, json_agg(json_build_object('kind', kind, 'reason', reason, 'count', n) order by kind, reason) as list
                     from (select class_group_id, kind, reason, count(*) as n from a group by 1, 2, 3) x group by class_group_id),
     by_student as (select x.class_group_id, json_agg(json_build_object('id', x.student_id, 'name', ${fullNameSql('st')},
                              'absent', x.absent, 'late', x.late, 'unexcused', x.unexcused) order by st.last_name, st.first_name) as list
                      from (select class_group_id, student_id, count(*) filter (where kind = 'ABSENT') as absent,
                                   count(*) filter (where kind = 'LATE') as late, count(*) filter (where reason = 'UNEXCUSED') as unexcused
                              from a group by 1, 2) x join student st on st.id = x.student_id
                     group by x.class_group_id)
     select c.id, c.grade || c.letter as name,
            (select count(*) from a where a.class_group_id = c.id and a.kind = 'ABSENT') as absences,
            (select count(*) from a where a.class_group_id = c.id and a.kind = 'LATE') as lates,
            coalesce(r.list, '[]') as by_reason, coalesce(s.list, '[]') as students
       from class_group c join by_reason r on r.class_group_id = c.id left join by_student s on s.class_group_id = c.id
      order by c.grade, c.letter`,
    [reach.schoolId, span.from, span.to, args.classGroupId, args.classGroupId, ...reachParams(reach, true)],
  );
  return {
    schoolId: toGlobalId('School', reach.schoolId), from: span.from, to: span.to,
    rows: rows.map((r) => ({
      classGroupId: toGlobalId('ClassGroup', r.id), classGroupName: r.name, absences: int(r.absences), lates: int(r.lates),
      byReason: (r.by_reason as any[]).map((x) => ({ kind: x.kind, reason: x.reason, count: int(x.count) })),
      students: (r.students as any[]).map((x) => ({
        studentId: toGlobalId('Student', x.id), studentName: x.name, absent: int(x.absent), late: int(x.late), unexcused: int(x.unexcused),
      })),
    })),
  };
}
