import { PeriodMarkKind } from '../../entities';
import { onlyTeacherParams, onlyTeacherSql } from '../../permissions/report-reach';
import { uuidArray } from '../../permissions/scope';
import { preparedRead } from '../../lib/prepared-read';
import { notFound } from '../../lib/errors';
import { toGlobalId } from '../../schema/global-id';
import type { RequestScope } from '../request-scope';
import { resultsContext } from './period-results.queries';
import { fullNameSql } from './report-span';

/**
 * The year's report card (табель, 004 §11.5 «Табель успеваемости учащегося») of a pupil, and the
 * class's «Сводная ведомость учёта успеваемости»: for every subject, the mark of each study
 * period of the pupil's parallel, and the year, exam and final marks — a whole year at once.
 *
 * Who: the report card like `report.reportCard` (the pupil, their parents, the staff who reach
 * the pupil; a subject teacher their own subjects); the class's sheet like `report.termOfClass`
 * (its class teacher and the academic administration). Three SQL statements after the viewer.
 */
export interface YearCardPeriod { studyPeriodId: string; name: string; ordinal: number }
export interface YearCardPeriodMark { studyPeriodId: string; value: string | null }
export interface YearCardSubject {
  subjectId: string; subjectName: string; periods: YearCardPeriodMark[];
  yearMark: string | null; examMark: string | null; finalMark: string | null;
}
export interface YearCard { studentId: string; studentName: string; classGroupName: string | null; subjects: YearCardSubject[] }
export interface YearCardSet {
  academicYearId: string; academicYearName: string; periods: YearCardPeriod[]; cards: YearCard[];
}

/**
 * One statement: the periods of `grade`'s scheme, and for each pupil their class that year and
 * every subject of its curriculum or with a period mark, with the marks.
 */
async function yearCards(
  scope: RequestScope, args: { yearId: string; grade: number | null; students: string[]; onlyTeacher: string | null },
): Promise<YearCardSet> {
  const [row] = await scope.reportsEm.execute<any[]>(`with y as (select id, name from academic_year where id = ?::uuid),
     pupil as (select st.id, ${fullNameSql('st')} as name, st.last_name, st.first_name,
                      (select c.id from enrollment e join class_group c on c.id = e.class_group_id
                        where e.student_id = st.id and c.year_id = ?::uuid order by e.starts_on desc limit 1) as class_id
                 from student st where st.id = any(?::uuid[])),
     grade as (select coalesce(?::int, (select c.grade from pupil p join class_group c on c.id = p.class_id limit 1), 1) as grade),
     periods as (select p.id, p.name, p.ordinal from study_period p, grade g where p.year_id = ?::uuid and g.grade between p.grade_from and p.grade_to),
     pm as (select pm.student_id, pm.subject_id, pm.kind, pm.study_period_id, pm.value from period_mark pm
             where pm.student_id = any(?::uuid[]) and pm.year_id = ?::uuid),
     subj as (select p.id as student_id, ci.subject_id from pupil p join curriculum_item ci on ci.class_group_id = p.class_id
              union select student_id, subject_id from pm),
     -- Each pupil × subject's marks in one pass: the periods' by id, the year's, exam's and final.
     agg as (select student_id, subject_id, jsonb_object_agg(study_period_id, value) filter (where kind = 'PERIOD') as by_period,
                    max(value) filter (where kind = 'YEAR') as year_mark, max(value) filter (where kind = 'EXAM') as exam_mark,
                    max(value) filter (where kind = 'FINAL') as final_mark
               from pm group by student_id, subject_id),
     cells as (select sj.student_id, s.id as subject_id, s.name as subject_name,
                      (select json_agg(json_build_object('period', per.id, 'value', a.by_period ->> per.id::text) order by per.ordinal) from periods per) as periods,
                      a.year_mark, a.exam_mark, a.final_mark
                 from subj sj join subject s on s.id = sj.subject_id join pupil p on p.id = sj.student_id
                 left join agg a on a.student_id = sj.student_id and a.subject_id = sj.subject_id
                where ${onlyTeacherSql('s.id', 'p.class_id', false)})
     select y.id as year_id, y.name as year_name,
            (select coalesce(json_agg(json_build_object('id', id, 'name', name, 'ordinal', ordinal) order by ordinal), '[]') from periods) as periods,
            (select coalesce(json_agg(json_build_object('id', p.id, 'name', p.name,
                      'class', (select c.grade || c.letter from class_group c where c.id = p.class_id),
                      'subjects', (select coalesce(json_agg(json_build_object('id', x.subject_id, 'name', x.subject_name, 'periods', x.periods,
                                          'year', x.year_mark, 'exam', x.exam_mark, 'final', x.final_mark) order by x.subject_name, x.subject_id), '[]')
                                     from cells x where x.student_id = p.id)) order by p.last_name, p.first_name, p.id), '[]') from pupil p) as cards
       from y`,
    [args.yearId, args.yearId, uuidArray(args.students), args.grade, args.yearId, uuidArray(args.students), args.yearId,
      ...onlyTeacherParams(args.onlyTeacher, false)]);
  if (!row) throw notFound('AcademicYear');
  return {
    academicYearId: toGlobalId('AcademicYear', row.year_id), academicYearName: row.year_name,
    periods: row.periods.map((p: any) => ({ studyPeriodId: toGlobalId('StudyPeriod', p.id), name: p.name, ordinal: p.ordinal })),
    cards: row.cards.map((c: any): YearCard => ({
      studentId: toGlobalId('Student', c.id), studentName: c.name, classGroupName: c.class ?? null,
      subjects: c.subjects.map((s: any): YearCardSubject => ({
        subjectId: toGlobalId('Subject', s.id), subjectName: s.name,
        periods: (s.periods ?? []).map((p: any) => ({ studyPeriodId: toGlobalId('StudyPeriod', p.period), value: p.value ?? null })),
        yearMark: s.year ?? null, examMark: s.exam ?? null, finalMark: s.final ?? null,
      })),
    })),
  };
}

/** The year report card of one pupil; `academicYearId` null: the school's current year. */
export async function yearReportCard(scope: RequestScope, args: { studentId: string; academicYearId: string | null }): Promise<YearCardSet> {
  const access = await scope.access.student(args.studentId);
  if (!access.schoolId || !scope.access.allows('report.reportCard', access) || (access.level !== 'FULL' && access.level !== 'TAUGHT')) {
    throw notFound('Student');
  }
  const onlyTeacher = access.level === 'TAUGHT' ? scope.access.ties.teacherCard : null;
  const [year] = await preparedRead<{ id: string }[]>(scope.em,
    `select y.id from academic_year y join school s on s.id = y.school_id
      where y.school_id = ?::uuid and (y.id = ?::uuid or (?::uuid is null and y.starts_on <= (?::timestamptz at time zone s.timezone)::date))
      order by y.starts_on desc limit 1`,
    [access.schoolId, args.academicYearId, args.academicYearId, scope.clock.now()]);
  if (!year) throw notFound('AcademicYear');
  return yearCards(scope, { yearId: year.id, grade: null, students: [args.studentId], onlyTeacher });
}

/** «Сводная ведомость учёта успеваемости»: the year cards of every pupil of a class in the year. */
export async function classMarkSheetReport(scope: RequestScope, args: { classGroupId: string }): Promise<YearCardSet & { classGroupName: string }> {
  const ctx = await resultsContext(scope, { schoolId: null, studyPeriodId: null, academicYearId: null, kind: PeriodMarkKind.YEAR, classGroupId: args.classGroupId },
    { coordinators: false, permission: 'report.termOfClass' });
  const [roster] = await scope.reportsEm.execute<{ grade: number; students: string[] }[]>(`select c.grade, array(select distinct e.student_id from enrollment e join academic_year y on y.id = c.year_id
                            where e.class_group_id = c.id and e.starts_on <= y.ends_on and (e.ends_on is null or e.ends_on >= y.starts_on))::text[] as students
       from class_group c where c.id = ?::uuid`, [args.classGroupId]);
  const set = await yearCards(scope, { yearId: ctx.yearId, grade: roster.grade, students: roster.students, onlyTeacher: null });
  return { ...set, classGroupName: ctx.classGroupName! };
}
