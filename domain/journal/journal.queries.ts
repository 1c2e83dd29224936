import { Ties } from '../../permissions/ties';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Attendance, ClassGroup, Employee, Lesson, LessonRecord, Mark, Student, Subject, WorkType,
} from '../../entities';
import { uuidArray, type AccessScope, type StudentAccess, type StudentAccessRow } from '../../permissions/scope';
import { ReadModel } from './read-model';
import { preparedRead } from '../../lib/prepared-read';

/**
 * The journal's read queries. Each is one statement whatever the number of rows:
 * the diary and the class journal cost a fixed number of queries.
 */

/**
 * A lesson with the rows every journal view shows beside it, read in the same
 * statement (they are primed into the request's loaders).
 */
export interface LessonRow {
  lesson: Lesson;
  subject: Subject;
  teacher: Employee;
  substituteTeacher: Employee | null;
  classGroup: ClassGroup;
  record: LessonRecord | null;
}

const LESSON_GRAPH_COLUMNS = `l.*, row_to_json(sj) as j_subject, row_to_json(te) as j_teacher, row_to_json(su) as j_substitute,
       row_to_json(cg) as j_class_group, row_to_json(lr) as j_record`;
const LESSON_GRAPH_JOINS = `join subject sj on sj.id = l.subject_id
       join employee te on te.id = l.teacher_id
       left join employee su on su.id = l.substitute_teacher_id
       join class_group cg on cg.id = l.class_group_id
       left join lesson_record lr on lr.lesson_id = l.id`;

function toLessonRows(em: EntityManager, rows: Record<string, any>[]): LessonRow[] {
  return rows.map(({ j_subject, j_teacher, j_substitute, j_class_group, j_record, ...lesson }) => ({
    lesson: em.map(Lesson, lesson),
    subject: em.map(Subject, j_subject),
    teacher: em.map(Employee, j_teacher),
    substituteTeacher: j_substitute ? em.map(Employee, j_substitute) : null,
    classGroup: em.map(ClassGroup, j_class_group),
    record: j_record ? em.map(LessonRecord, j_record) : null,
  }));
}

/** A lesson row with its marks (each with its work type) and attendance rows, read in the same statement. */
export interface LessonWithEntries extends LessonRow {
  marks: { mark: Mark; workType: WorkType }[];
  attendance: Attendance[];
}

/**
 * The lesson's marks and attendance as JSON arrays beside the lesson, so a journal view costs
 * one statement for lessons and everything in them. `studentColumn` narrows them to one student.
 */
function entryColumns(studentColumn: string | null): string {
  const ofStudent = (alias: string) => (studentColumn ? `and ${alias}.student_id = ${studentColumn}` : '');
  // json, not jsonb: built as text and sent as is, it costs PostgreSQL less than half as much.
  return `(select coalesce(json_agg(x order by x.created_at, x.id), '[]')
             from (select m.*, row_to_json(wt) as j_work_type from mark m join work_type wt on wt.id = m.work_type_id
                    where m.lesson_id = l.id ${ofStudent('m')}) x) as j_marks,
          (select coalesce(json_agg(a order by a.created_at, a.id), '[]')
             from attendance a where a.lesson_id = l.id ${ofStudent('a')}) as j_attendance`;
}

/** A lesson's raw rows (columns as node-postgres or `row_to_json` give them), as the journal statements return them. */
interface RawLessonWithEntries {
  lesson: Record<string, any>; subject: Record<string, any>; teacher: Record<string, any>; substitute: Record<string, any> | null;
  classGroup: Record<string, any>; record: Record<string, any> | null;
  marks: Record<string, any>[]; attendance: Record<string, any>[];
}

/** The read model's objects for one lesson and its entries (`read` shares objects of one id). */
function lessonWithEntries(read: ReadModel, raw: RawLessonWithEntries): LessonWithEntries {
  return {
    lesson: read.entity(Lesson, raw.lesson),
    subject: read.entity(Subject, raw.subject),
    teacher: read.entity(Employee, raw.teacher),
    substituteTeacher: raw.substitute ? read.entity(Employee, raw.substitute) : null,
    classGroup: read.entity(ClassGroup, raw.classGroup),
    record: raw.record ? read.entity(LessonRecord, raw.record) : null,
    marks: raw.marks.map(({ j_work_type, ...mark }) => ({ mark: read.entity(Mark, mark), workType: read.entity(WorkType, j_work_type) })),
    attendance: raw.attendance.map((a) => read.entity(Attendance, a)),
  };
}

function toLessonsWithEntries(em: EntityManager, rows: Record<string, any>[]): LessonWithEntries[] {
  const read = new ReadModel(em);
  return rows.map(({ j_subject, j_teacher, j_substitute, j_class_group, j_record, j_marks, j_attendance, ...lesson }) => lessonWithEntries(read, {
    lesson, subject: j_subject, teacher: j_teacher, substitute: j_substitute, classGroup: j_class_group, record: j_record,
    marks: j_marks, attendance: j_attendance,
  }));
}

/**
 * A student's diary between two dates, with the viewer's access to the student, in ONE
 * statement: the access row (AccessScope's own statement, as a CTE), the lessons the student
 * attends (rule 5: their class or subgroup on that date) with the student's marks and
 * attendance, and each subject, teacher, class and lesson record they refer to once (not once
 * per lesson). The lessons are read only for a student the viewer may read (the access row's
 * condition in SQL), so a refused student costs what a missing one does; and only what the
 * access allows leaves this function: nothing for NONE or CARD, a teacher's own lessons for TAUGHT.
 */
export async function diaryOfStudent(
  em: EntityManager, access: AccessScope, studentId: string, from: string, to: string,
): Promise<{ access: StudentAccess; lessons: LessonWithEntries[] }> {
  const scope = access.studentAccessStatement([studentId]);
  const readable = access.readableStudentCondition();
  const taughtByViewer = access.ties.teachesLesson();
  const [row] = await preparedRead<DiaryRow[]>(em,
    `with access as (${scope.sql}),
     lessons as (
       select l.*, ${taughtByViewer.text} as j_taught_by_viewer,
              ${entryColumns('e.student_id')}
         from lesson l
         join enrollment e on e.class_group_id = l.class_group_id and e.student_id = ?
                          and l.date >= e.starts_on and (e.ends_on is null or l.date <= e.ends_on)
        where l.date between ? and ?
          and (l.subgroup_id is null or exists(select 1 from subgroup_member sm
                 where sm.subgroup_id = l.subgroup_id and sm.student_id = e.student_id))
          and exists(select 1 from access a where ${readable.sql}))
     select (select row_to_json(a) from access a) as access,
            (select coalesce(json_agg(x order by x.date, x.number), '[]') from lessons x) as lessons,
            (select coalesce(json_agg(sj), '[]') from subject sj where sj.id in (select subject_id from lessons)) as subjects,
            (select coalesce(json_agg(te), '[]') from employee te
              where te.id in (select teacher_id from lessons union select substitute_teacher_id from lessons)) as employees,
            (select coalesce(json_agg(cg), '[]') from class_group cg where cg.id in (select class_group_id from lessons)) as class_groups,
            (select coalesce(json_agg(lr), '[]') from lesson_record lr where lr.lesson_id in (select id from lessons)) as records`,
    [...scope.params, ...taughtByViewer.values, studentId, from, to, ...readable.params],
  );
  const studentAccess = access.rememberStudentAccess(studentId, row.access);
  if (studentAccess.level !== 'FULL' && studentAccess.level !== 'TAUGHT') return { access: studentAccess, lessons: [] };
  // A teacher who is not the class teacher sees the student's diary for their own lessons only.
  const lessons = studentAccess.level === 'TAUGHT' ? row.lessons.filter((l) => l.j_taught_by_viewer) : row.lessons;

  const read = new ReadModel(em);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const subjects = byId(row.subjects);
  const employees = byId(row.employees);
  const classGroups = byId(row.class_groups);
  const records = new Map(row.records.map((r) => [r.lesson_id, r]));
  return {
    access: studentAccess,
    lessons: lessons.map(({ j_marks, j_attendance, ...lesson }) => lessonWithEntries(read, {
      lesson,
      subject: subjects.get(lesson.subject_id)!,
      teacher: employees.get(lesson.teacher_id)!,
      substitute: lesson.substitute_teacher_id ? employees.get(lesson.substitute_teacher_id) ?? null : null,
      classGroup: classGroups.get(lesson.class_group_id)!,
      record: records.get(lesson.id) ?? null,
      marks: j_marks,
      attendance: j_attendance,
    })),
  };
}

type JsonRow = Record<string, any> & { id: string };

interface DiaryRow {
  access: StudentAccessRow | null;
  lessons: (JsonRow & {
    subject_id: string; teacher_id: string; substitute_teacher_id: string | null; class_group_id: string;
    j_taught_by_viewer: boolean; j_marks: (JsonRow & { j_work_type: JsonRow })[]; j_attendance: JsonRow[];
  })[];
  subjects: JsonRow[];
  employees: JsonRow[];
  class_groups: JsonRow[];
  records: (JsonRow & { lesson_id: string })[];
}

/** Lessons by id, each with its graph (for the live diary's batches). */
export async function lessonsByIds(em: EntityManager, ids: string[]): Promise<LessonRow[]> {
  if (ids.length === 0) return [];
  const rows = await preparedRead(em,
    `select ${LESSON_GRAPH_COLUMNS} from lesson l ${LESSON_GRAPH_JOINS} where l.id = any(?::uuid[])`, [uuidArray(ids)],
  );
  return toLessonRows(em, rows);
}

/** Marks by id, each with its work type. */
export async function marksByIds(em: EntityManager, ids: string[]): Promise<{ mark: Mark; workType: WorkType }[]> {
  if (ids.length === 0) return [];
  const rows = await preparedRead(em,
    `select m.*, row_to_json(wt) as j_work_type from mark m join work_type wt on wt.id = m.work_type_id where m.id = any(?::uuid[])`,
    [uuidArray(ids)],
  );
  return rows.map(({ j_work_type, ...mark }) => ({ mark: em.map(Mark, mark), workType: em.map(WorkType, j_work_type) }));
}

/**
 * Lessons of a class in one subject with all their marks and attendance; `onlyTaughtBy` keeps
 * the ones a substitute stood in for.
 */
export async function classJournalLessons(
  em: EntityManager, classGroupId: string, subjectId: string, from: string, to: string, onlyTaughtBy: string | null,
): Promise<LessonWithEntries[]> {
  const own = Ties.lessonsOf(onlyTaughtBy);
  const rows = await preparedRead(em,
    `select ${LESSON_GRAPH_COLUMNS}, ${entryColumns(null)} from lesson l
       ${LESSON_GRAPH_JOINS}
      where l.class_group_id = ? and l.subject_id = ? and l.date between ? and ?
        and ${own.text}
      order by l.date, l.number`,
    [classGroupId, subjectId, from, to, ...own.values],
  );
  return toLessonsWithEntries(em, rows);
}

/** Everyone enrolled in the class at some point between the dates, by name. */
export async function studentsOfClass(em: EntityManager, classGroupId: string, from: string, to: string): Promise<Student[]> {
  const rows = await preparedRead(em,
    `select s.* from student s
      where exists(select 1 from enrollment e where e.student_id = s.id and e.class_group_id = ?
                     and e.starts_on <= ? and (e.ends_on is null or e.ends_on >= ?))
      order by s.last_name, s.first_name, s.middle_name, s.id`,
    [classGroupId, to, from],
  );
  return rows.map((r) => em.map(Student, r));
}

export interface PageRequest { first: number; offset: number }
export interface Page<T> { items: T[]; total: number }

export interface StudentJournalFilter {
  studentId: string;
  from?: string | null;
  to?: string | null;
  subjectId?: string | null;
  /** Only lessons this employee teaches or stands in for (a teacher's view of the student). */
  onlyTaughtBy?: string | null;
}

/** A student's marks, newest lesson first, one page and the total in one statement. */
export async function marksOfStudent(em: EntityManager, f: StudentJournalFilter, page: PageRequest): Promise<Page<Mark>> {
  const own = Ties.lessonsOf(f.onlyTaughtBy ?? null);
  const rows = await preparedRead<Record<string, unknown>[]>(em,
    `select m.*, count(*) over () as total_count
       from mark m join lesson l on l.id = m.lesson_id
      where m.student_id = ? and m.retracted_at is null
        and (?::date is null or l.date >= ?::date) and (?::date is null or l.date <= ?::date)
        and (?::uuid is null or l.subject_id = ?::uuid)
        and ${own.text}
      order by l.date desc, l.number desc, m.created_at desc, m.id
      limit ? offset ?`,
    [f.studentId, f.from ?? null, f.from ?? null, f.to ?? null, f.to ?? null, f.subjectId ?? null, f.subjectId ?? null,
      ...own.values, page.first, page.offset],
  );
  return toPage(em, Mark, rows, page);
}

export async function attendanceOfStudent(em: EntityManager, f: StudentJournalFilter, page: PageRequest): Promise<Page<Attendance>> {
  const own = Ties.lessonsOf(f.onlyTaughtBy ?? null);
  const rows = await preparedRead<Record<string, unknown>[]>(em,
    `select a.*, count(*) over () as total_count
       from attendance a join lesson l on l.id = a.lesson_id
      where a.student_id = ? and a.cleared_at is null
        and (?::date is null or l.date >= ?::date) and (?::date is null or l.date <= ?::date)
        and ${own.text}
      order by l.date desc, l.number desc, a.id
      limit ? offset ?`,
    [f.studentId, f.from ?? null, f.from ?? null, f.to ?? null, f.to ?? null,
      ...own.values, page.first, page.offset],
  );
  return toPage(em, Attendance, rows, page);
}

function toPage<T extends object>(em: EntityManager, cls: new () => T, rows: Record<string, unknown>[], page: PageRequest): Page<T> {
  if (rows.length === 0) {
    return { items: [], total: 0 };
  }
  const total = Number(rows[0].total_count);
  const items = rows.map(({ total_count: _ignored, ...row }) => em.map(cls, row));
  return { items, total: Math.max(total, page.offset + items.length) };
}
