import { ClassGroup, PeriodMark, Role, SCHOOL_WIDE_READERS, Student, StudyPeriod, Subject } from '../entities';
import { notFound } from './errors';
import type { RequestScope } from './request-scope';

/**
 * A class's period-mark sheet (ведомость): the students who were in the class during the
 * year (or the period), the subjects the viewer may read, and the period, year, exam and final
 * marks. Who reads it: the administration (ADMIN, DIRECTOR, both deputies) and the class
 * teacher every subject; a subject teacher the subjects they teach in the class; anyone else
 * gets NOT_FOUND, as for a class that does not exist. A fixed number of SQL statements: the
 * class with the viewer's reach, the students, subjects and marks, one each.
 */
export interface PeriodMarkSheet {
  classGroup: ClassGroup;
  studyPeriod: StudyPeriod | null;
  students: Student[];
  subjects: Subject[];
  marks: PeriodMark[];
}

export async function periodMarkSheet(
  scope: RequestScope, args: { classGroupId: string; studyPeriodId: string | null },
): Promise<PeriodMarkSheet> {
  const v = scope.viewer;
  const [row] = await scope.em.execute<{
    school_id: string; year_id: string; leads: boolean; taught: string[]; subjects: string[]; students: string[]; period_ok: boolean;
  }[]>(
    `select c.school_id, c.year_id, coalesce(c.class_teacher_id = ?::uuid, false) as leads,
            array(select distinct ta.subject_id from teaching_assignment ta
                   where ta.class_group_id = c.id and ta.teacher_id = ?::uuid)::text[] as taught,
            array(select ci.subject_id from curriculum_item ci where ci.class_group_id = c.id
                  union select ta.subject_id from teaching_assignment ta where ta.class_group_id = c.id)::text[] as subjects,
            array(select distinct e.student_id from enrollment e
                   where e.class_group_id = c.id and e.starts_on <= coalesce(p.ends_on, y.ends_on)
                     and (e.ends_on is null or e.ends_on >= coalesce(p.starts_on, y.starts_on)))::text[] as students,
            (?::uuid is null or p.id is not null) as period_ok
       from class_group c join academic_year y on y.id = c.year_id
       left join study_period p on p.id = ?::uuid and p.year_id = c.year_id
      where c.id = ?::uuid`,
    [v.employeeId, v.employeeId, args.studyPeriodId, args.studyPeriodId, args.classGroupId],
  );
  if (!row) throw notFound('ClassGroup');
  const teacher = v.hasRoleInSchool(row.school_id, Role.TEACHER);
  const all = v.hasRoleInSchool(row.school_id, ...SCHOOL_WIDE_READERS) || (teacher && row.leads);
  if (!all && !(teacher && row.taught.length > 0)) throw notFound('ClassGroup');
  if (!row.period_ok) throw notFound('StudyPeriod');

  const em = scope.em;
  const subjectIds = all ? row.subjects : row.taught;
  // One after another: a request's EntityManager runs one statement at a time.
  const classGroup = await em.findOneOrFail(ClassGroup, args.classGroupId);
  const students = row.students.length === 0 ? []
    : await em.find(Student, { id: { $in: row.students } }, { orderBy: { lastName: 'asc', firstName: 'asc', id: 'asc' } });
  const subjects = subjectIds.length === 0 ? [] : await em.find(Subject, { id: { $in: subjectIds } }, { orderBy: { name: 'asc' } });
  const marks = students.length === 0 || subjects.length === 0 ? [] : await em.find(PeriodMark, {
    student: { $in: students.map((s) => s.id) }, subject: { $in: subjects.map((s) => s.id) }, year: row.year_id,
    ...(args.studyPeriodId ? { $or: [{ studyPeriod: args.studyPeriodId }, { studyPeriod: null }] } : {}),
  }, { orderBy: { createdAt: 'asc' } });
  const studyPeriod = args.studyPeriodId ? await em.findOneOrFail(StudyPeriod, args.studyPeriodId) : null;
  return { classGroup, studyPeriod, students, subjects, marks };
}
