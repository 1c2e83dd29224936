import { PeriodMarkKind } from '../../entities';
import type { Tie } from '../../permissions/policy';
import { toGlobalId } from '../../schema/global-id';
import { uuidArray } from '../../permissions/scope';
import { notFound } from '../../lib/errors';
import { fullNameSql } from '../reports/report-span';
import type { RequestScope } from '../request-scope';

/**
 * A class's period-mark sheet (ведомость), class × subject × period: the students who were in
 * the class during the year (or the period asked for), the subjects the viewer may read, and
 * the period, year, exam and final marks as flat cells. Who reads it: the administration
 * (ADMIN, DIRECTOR, both deputies) and the class teacher every subject; a subject teacher the
 * subjects they teach in the class; anyone else gets NOT_FOUND, as for a class that does not
 * exist. Two SQL statements whatever the size: the class with the viewer's reach, then the rest.
 */
export interface PeriodMarkCell {
  periodMarkId: string; studentId: string; subjectId: string; kind: PeriodMarkKind; studyPeriodId: string | null;
  value: string; revision: number; corrected: boolean;
}
export interface PeriodMarkSheet {
  classGroupId: string; classGroupName: string; studyPeriodId: string | null; studyPeriodName: string | null;
  students: { studentId: string; fullName: string }[];
  subjects: { subjectId: string; name: string }[];
  marks: PeriodMarkCell[];
}

export async function periodMarkSheet(
  scope: RequestScope, args: { classGroupId: string; studyPeriodId: string | null },
): Promise<PeriodMarkSheet> {
  const ties = scope.access.ties;
  const leadsClass = ties.leadsClass('c');
  const ownAssignment = ties.isOwnAssignment('ta', 'c');
  const [row] = await scope.em.execute<{
    school_id: string; year_id: string; class_name: string; period_name: string | null; leads: boolean;
    taught: string[]; subjects: string[]; students: string[]; period_ok: boolean;
  }[]>(
    `select c.school_id, c.year_id, c.grade || c.letter as class_name, p.name as period_name,
            ${leadsClass.text} as leads,
            array(select distinct ta.subject_id from teaching_assignment ta where ${ownAssignment.text})::text[] as taught,
            array(select ci.subject_id from curriculum_item ci where ci.class_group_id = c.id
                  union select ta.subject_id from teaching_assignment ta where ta.class_group_id = c.id)::text[] as subjects,
            array(select distinct e.student_id from enrollment e
                   where e.class_group_id = c.id and e.starts_on <= coalesce(p.ends_on, y.ends_on)
                     and (e.ends_on is null or e.ends_on >= coalesce(p.starts_on, y.starts_on)))::text[] as students,
            (?::uuid is null or p.id is not null) as period_ok
       from class_group c join academic_year y on y.id = c.year_id
       left join study_period p on p.id = ?::uuid and p.year_id = c.year_id and c.grade between p.grade_from and p.grade_to
      where c.id = ?::uuid`,
    [...leadsClass.values, ...ownAssignment.values, args.studyPeriodId, args.studyPeriodId, args.classGroupId],
  );
  if (!row) throw notFound('ClassGroup');
  const facts = { schoolId: row.school_id, ties: new Set<Tie>([...(row.leads ? ['leadsClass' as const] : []), ...(row.taught.length > 0 ? ['teaches' as const] : [])]) };
  if (!scope.access.allows('report.periodMarkSheet', facts)) throw notFound('ClassGroup');
  // A subject teacher sees their subjects' columns; the administration and the class teacher every subject.
  const all = scope.access.allows('periodMark.readAllSubjects', facts);
  if (!row.period_ok) throw notFound('StudyPeriod');

  const students = uuidArray(row.students);
  const subjects = uuidArray(all ? row.subjects : row.taught);
  const [sheet] = await scope.em.execute<{ students: any[]; subjects: any[]; marks: any[] }[]>(
    `select
       (select coalesce(json_agg(json_build_object('id', st.id, 'name', ${fullNameSql('st')}) order by st.last_name, st.first_name, st.id), '[]')
          from student st where st.id = any(?::uuid[])) as students,
       (select coalesce(json_agg(json_build_object('id', s.id, 'name', s.name) order by s.name, s.id), '[]')
          from subject s where s.id = any(?::uuid[])) as subjects,
       (select coalesce(json_agg(json_build_object('id', pm.id, 'student', pm.student_id, 'subject', pm.subject_id, 'kind', pm.kind,
                 'period', pm.study_period_id, 'value', pm.value, 'revision', pm.revision) order by pm.created_at, pm.id), '[]')
          from period_mark pm
         where pm.student_id = any(?::uuid[]) and pm.subject_id = any(?::uuid[]) and pm.year_id = ?
           and (?::uuid is null or pm.study_period_id = ?::uuid or pm.study_period_id is null)) as marks`,
    [students, subjects, students, subjects, row.year_id, args.studyPeriodId, args.studyPeriodId],
  );
  return {
    classGroupId: toGlobalId('ClassGroup', args.classGroupId), classGroupName: row.class_name,
    studyPeriodId: args.studyPeriodId ? toGlobalId('StudyPeriod', args.studyPeriodId) : null, studyPeriodName: row.period_name,
    students: sheet.students.map((s) => ({ studentId: toGlobalId('Student', s.id), fullName: s.name })),
    subjects: sheet.subjects.map((s) => ({ subjectId: toGlobalId('Subject', s.id), name: s.name })),
    marks: sheet.marks.map((m) => ({
      periodMarkId: toGlobalId('PeriodMark', m.id), studentId: toGlobalId('Student', m.student), subjectId: toGlobalId('Subject', m.subject),
      kind: m.kind, studyPeriodId: m.period ? toGlobalId('StudyPeriod', m.period) : null, value: m.value,
      revision: m.revision, corrected: m.revision > 1,
    })),
  };
}
