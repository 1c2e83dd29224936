import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, SCHOOL_WIDE_READERS } from '../entities';
import type { Clock } from '../lib/clock';
import type { Viewer } from './viewer';
import { preparedRead } from '../lib/prepared-read';

/**
 * How much of a student's record the viewer may read (access matrix, DOMAIN.md):
 * FULL    – self, own child, own class (class teacher), the school's administration;
 * TAUGHT  – a teacher of the student: the card, and journal data of their own lessons only;
 * CARD    – the card only (the secretary keeps cards but reads no marks);
 * NONE    – nothing, and indistinguishable from a student that does not exist.
 */
export type StudentAccessLevel = 'FULL' | 'TAUGHT' | 'CARD' | 'NONE';

export interface StudentAccess {
  level: StudentAccessLevel;
  schoolId: string | null;
}

export interface LessonAccess {
  read: boolean;
  /** The viewer teaches it (or stands in for its teacher): they write its journal. */
  teaches: boolean;
  /** The viewer leads the lesson's class. */
  leadsClass: boolean;
  schoolId: string | null;
}

export interface StudentAccessRow { id: string; school_id: string; is_self: boolean; is_child: boolean; leads_class: boolean; teaches: boolean }

const NO_STUDENT: StudentAccess = { level: 'NONE', schoolId: null };
const NO_LESSON: LessonAccess = { read: false, teaches: false, leadsClass: false, schoolId: null };

/** A Postgres array literal for `= any(?::uuid[])`, so one statement serves any batch size. */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}

/**
 * Row scoping for one request: which students, lessons and schools the viewer is
 * tied to. Every answer is computed in one statement per batch and memoized.
 */
export class AccessScope {
  private readonly students = new Map<string, Promise<StudentAccess>>();
  private readonly lessons = new Map<string, Promise<LessonAccess>>();
  private schools?: Promise<Set<string>>;

  constructor(
    private readonly em: EntityManager,
    readonly viewer: Viewer,
    private readonly clock: Clock,
  ) {}

  async student(id: string): Promise<StudentAccess> {
    return (await this.studentsAccess([id])).get(id) ?? NO_STUDENT;
  }

  /** Access to many students in one statement. */
  async studentsAccess(ids: readonly string[]): Promise<Map<string, StudentAccess>> {
    const missing = [...new Set(ids)].filter((id) => !this.students.has(id));
    if (missing.length > 0) {
      const batch = this.loadStudents(missing);
      for (const id of missing) this.students.set(id, batch.then((m) => m.get(id) ?? NO_STUDENT));
    }
    const result = new Map<string, StudentAccess>();
    for (const id of ids) result.set(id, await this.students.get(id)!);
    return result;
  }

  private async loadStudents(ids: string[]): Promise<Map<string, StudentAccess>> {
    const { sql, params } = this.studentAccessStatement(ids);
    const rows = await preparedRead<StudentAccessRow[]>(this.em, sql, params);
    return new Map(rows.map((r) => [r.id, this.studentAccessOf(r)]));
  }

  /**
   * The statement behind studentsAccess: one row per existing student. Exposed for a read
   * that wants the student's rows in the same round trip (the diary, domain/journal-queries.ts),
   * which then hands the row to `rememberStudentAccess`.
   */
  studentAccessStatement(ids: readonly string[]): { sql: string; params: unknown[] } {
    const v = this.viewer;
    // A teacher keeps access to a student who has left a class they teach (classes belong to one
    // academic year): marks for the student's last days may still be due inside the entry window.
    return {
      sql: `select s.id, s.school_id,
              coalesce(s.id = ?::uuid, false) as is_self,
              exists(select 1 from guardianship g
                      where g.student_id = s.id and g.guardian_id = ?::uuid and g.revoked_at is null) as is_child,
              exists(select 1 from enrollment e join class_group c on c.id = e.class_group_id
                      where e.student_id = s.id and c.class_teacher_id = ?::uuid
                        and (e.ends_on is null or e.ends_on >= (?::timestamptz at time zone sc.timezone)::date)) as leads_class,
              (exists(select 1 from enrollment e join teaching_assignment ta on ta.class_group_id = e.class_group_id
                       where e.student_id = s.id and ta.teacher_id = ?::uuid
                         and (ta.subgroup_id is null or exists(select 1 from subgroup_member sm
                                where sm.subgroup_id = ta.subgroup_id and sm.student_id = s.id)))
               or exists(select 1 from enrollment e join lesson l on l.class_group_id = e.class_group_id
                       where e.student_id = s.id and l.substitute_teacher_id = ?::uuid
                         and l.date >= e.starts_on and (e.ends_on is null or l.date <= e.ends_on))) as teaches
         from student s join school sc on sc.id = s.school_id
        where s.id = any(?::uuid[])`,
      params: [v.studentId, v.guardianId, v.employeeId, this.clock.now(), v.employeeId, v.employeeId, uuidArray(ids)],
    };
  }

  /** Takes in what `studentAccessStatement` said of one student (`row` null: no such student). */
  rememberStudentAccess(id: string, row: StudentAccessRow | null): StudentAccess {
    const access = row ? this.studentAccessOf(row) : NO_STUDENT;
    this.students.set(id, Promise.resolve(access));
    return access;
  }

  /**
   * `studentAccessOf`'s FULL-or-TAUGHT as SQL over a row of `studentAccessStatement` (alias
   * `a`), so a read can skip the student's rows when they would be refused: a refused student
   * then costs what a missing one does (the answer's timing tells nothing either). Keep the two
   * in step; `studentAccessOf` stays the judge.
   */
  readableStudentCondition(): { sql: string; params: unknown[] } {
    const v = this.viewer;
    return {
      sql: `(a.is_self or a.is_child or a.leads_class or a.school_id = any(?::uuid[])
             or (a.teaches and a.school_id = any(?::uuid[])))`,
      params: [uuidArray(v.schoolsWith(SCHOOL_WIDE_READERS)), uuidArray(v.schoolsWith([Role.TEACHER]))],
    };
  }

  private studentAccessOf(r: StudentAccessRow): StudentAccess {
    const v = this.viewer;
    let level: StudentAccessLevel = 'NONE';
    if (r.is_self || r.is_child || r.leads_class || v.readsWholeSchool(r.school_id)) level = 'FULL';
    else if (r.teaches && v.hasRoleInSchool(r.school_id, Role.TEACHER)) level = 'TAUGHT';
    else if (v.hasRoleInSchool(r.school_id, Role.SECRETARY)) level = 'CARD';
    return { level, schoolId: r.school_id };
  }

  async lesson(id: string): Promise<LessonAccess> {
    return (await this.lessonsAccess([id])).get(id) ?? NO_LESSON;
  }

  async lessonsAccess(ids: readonly string[]): Promise<Map<string, LessonAccess>> {
    const missing = [...new Set(ids)].filter((id) => !this.lessons.has(id));
    if (missing.length > 0) {
      const batch = this.loadLessons(missing);
      for (const id of missing) this.lessons.set(id, batch.then((m) => m.get(id) ?? NO_LESSON));
    }
    const result = new Map<string, LessonAccess>();
    for (const id of ids) result.set(id, await this.lessons.get(id)!);
    return result;
  }

  private async loadLessons(ids: string[]): Promise<Map<string, LessonAccess>> {
    const v = this.viewer;
    const rows = await preparedRead<
      { id: string; school_id: string; teaches: boolean; leads_class: boolean; attends: boolean }[]
    >(this.em,
      `select l.id, l.school_id,
              coalesce(l.teacher_id = ?::uuid or l.substitute_teacher_id = ?::uuid, false) as teaches,
              coalesce(c.class_teacher_id = ?::uuid, false) as leads_class,
              exists(select 1 from enrollment e
                      where e.class_group_id = l.class_group_id
                        and e.student_id in (select ?::uuid union all
                              select g.student_id from guardianship g where g.guardian_id = ?::uuid and g.revoked_at is null)
                        and l.date >= e.starts_on and (e.ends_on is null or l.date <= e.ends_on)
                        and (l.subgroup_id is null or exists(select 1 from subgroup_member sm
                               where sm.subgroup_id = l.subgroup_id and sm.student_id = e.student_id))) as attends
         from lesson l join class_group c on c.id = l.class_group_id
        where l.id = any(?::uuid[])`,
      [v.employeeId, v.employeeId, v.employeeId, v.studentId, v.guardianId, uuidArray(ids)],
    );
    const result = new Map<string, LessonAccess>();
    for (const r of rows) {
      const teaches = r.teaches && v.hasRoleInSchool(r.school_id, Role.TEACHER);
      const leadsClass = r.leads_class && v.hasRoleInSchool(r.school_id, Role.TEACHER);
      const read = teaches || leadsClass || r.attends || v.readsWholeSchool(r.school_id);
      result.set(r.id, { read, teaches, leadsClass, schoolId: r.school_id });
    }
    return result;
  }

  /** Schools the viewer belongs to: by a role there, or through their own or their children's card. */
  async memberSchools(): Promise<Set<string>> {
    this.schools ??= (async () => {
      const v = this.viewer;
      const rows = await preparedRead<{ school_id: string }[]>(this.em,
        `select s.school_id from student s
          where s.id = ?::uuid
             or s.id in (select g.student_id from guardianship g where g.guardian_id = ?::uuid and g.revoked_at is null)`,
        [v.studentId, v.guardianId],
      );
      const ids = new Set(rows.map((r) => r.school_id));
      for (const g of v.grants) if (g.schoolId) ids.add(g.schoolId);
      return ids;
    })();
    return this.schools;
  }

  async isMemberOf(schoolId: string): Promise<boolean> {
    return (await this.memberSchools()).has(schoolId);
  }

  /**
   * Which lessons of a class × subject the viewer may see in the class journal:
   * ALL (administration, class teacher, the assigned teacher), OWN (a substitute:
   * only the lessons they stood in for) or NONE.
   */
  async classJournal(classGroupId: string, subjectId: string): Promise<{ scope: 'ALL' | 'OWN' | 'NONE'; schoolId: string | null }> {
    const v = this.viewer;
    const rows = await preparedRead<{ school_id: string; leads: boolean; assigned: boolean }[]>(this.em,
      `select c.school_id,
              coalesce(c.class_teacher_id = ?::uuid, false) as leads,
              exists(select 1 from teaching_assignment ta
                      where ta.class_group_id = c.id and ta.subject_id = ?::uuid and ta.teacher_id = ?::uuid) as assigned
         from class_group c where c.id = ?::uuid`,
      [v.employeeId, subjectId, v.employeeId, classGroupId],
    );
    const row = rows[0];
    if (!row) return { scope: 'NONE', schoolId: null };
    const teacherHere = v.hasRoleInSchool(row.school_id, Role.TEACHER);
    if (v.readsWholeSchool(row.school_id) || (teacherHere && (row.leads || row.assigned))) {
      return { scope: 'ALL', schoolId: row.school_id };
    }
    return { scope: teacherHere && v.employeeId ? 'OWN' : 'NONE', schoolId: row.school_id };
  }
}
