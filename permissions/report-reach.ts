import type { Permission } from './registry';
import { holdsIn, schoolsWhere } from './registry';
import { Ties } from './ties';
import type { Viewer } from './viewer';

/**
 * The reach of a school-wide journal report (`report.academic`, `report.attendance`, matrix row
 * "reports"): the whole school for the roles the entry names, else a teacher's own rows — the
 * lessons they teach or stand in for, the class × subjects they are assigned to, the classes
 * they lead (the ties of permissions/ties.ts, as one SQL condition inside the report's statement).
 */
export interface RoleReach {
  schoolId: string;
  /** Sees every row of the school. */
  wholeSchool: boolean;
  /** Otherwise: the teacher card whose own rows are shown (null for the whole school). */
  employeeId: string | null;
}

/** What the viewer's roles in the school give for `permission`: the whole school, a teacher's own rows, or nothing (null). */
export function roleReach(viewer: Viewer, schoolId: string, permission: Permission): RoleReach | null {
  const wholeSchool = holdsIn(viewer, permission, schoolId);
  const teacher = new Ties(viewer).teacherCard;
  const employeeId = !wholeSchool && teacher && viewer.employeeSchoolId === schoolId ? teacher : null;
  return wholeSchool || employeeId ? { schoolId, wholeSchool, employeeId } : null;
}

/** The schools a report can be about for the viewer: where they hold `permission` by a role, or teach. */
export function reportSchools(viewer: Viewer, permission: Permission): Set<string> {
  const schools = new Set(schoolsWhere(viewer, permission));
  const teacher = new Ties(viewer).teacherCard;
  if (teacher && viewer.employeeSchoolId) schools.add(viewer.employeeSchoolId);
  return schools;
}

/**
 * SQL: the row of class `c`, subject `subjectCol` (and lesson `l` when `withLesson`) is within
 * the reach. Parameters: `reachParams(reach, withLesson)`, in this order.
 */
export function reachSql(subjectCol: string, withLesson: boolean): string {
  const lesson = withLesson ? ' or l.teacher_id = ?::uuid or l.substitute_teacher_id = ?::uuid' : '';
  return `(?::boolean or c.class_teacher_id = ?::uuid
           or exists(select 1 from teaching_assignment ta
                      where ta.class_group_id = c.id and ta.subject_id = ${subjectCol} and ta.teacher_id = ?::uuid)${lesson})`;
}

/**
 * SQL: lesson `l` (of class `classCol`, subject `subjectCol`) is one the teacher `?` reads (they teach
 * or stand in for it, or are assigned to the class × subject), or `?` is null (no narrowing).
 * Parameters: `onlyTeacherParams(teacher, withLesson)`.
 */
export const onlyTeacherSql = (subjectCol: string, classCol: string, withLesson: boolean) =>
  `(?::uuid is null${withLesson ? ' or l.teacher_id = ?::uuid or l.substitute_teacher_id = ?::uuid' : ''}
     or exists(select 1 from teaching_assignment ta where ta.class_group_id = ${classCol} and ta.subject_id = ${subjectCol} and ta.teacher_id = ?::uuid))`;
export const onlyTeacherParams = (t: string | null, withLesson: boolean) => (withLesson ? [t, t, t, t] : [t, t]);

export function reachParams(reach: RoleReach, withLesson: boolean): unknown[] {
  const e = reach.employeeId;
  return withLesson ? [reach.wholeSchool, e, e, e, e] : [reach.wholeSchool, e, e];
}

/**
 * SQL: class `classCol` × subject `subjectCol` is one teacher `?` is assigned to, or `?` is null.
 * The rows of a named teacher's report («Отчёт учителя-предметника»); who may ask for it is
 * decided before (their own, or the administration's). Parameters: `[teacher, teacher]`.
 */
export const assignedTeacherSql = (classCol: string, subjectCol: string) =>
  `(?::uuid is null or exists(select 1 from teaching_assignment ta where ta.class_group_id = ${classCol} and ta.subject_id = ${subjectCol}
                                and ta.teacher_id = ?::uuid))`;
