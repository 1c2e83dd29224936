import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { ClassGroup } from '../entities';
import type { Clock } from '../lib/clock';
import { preparedRead } from '../lib/prepared-read';
import { joinSql, raw, sql, uuidArray, type Sql } from '../lib/sql';
import { evaluate, type Condition, type Tie } from './policy';
import { REGISTRY, holdsIn, type Permission } from './registry';
import { Ties, todayInSchool } from './ties';
import type { Viewer } from './viewer';

export { uuidArray };

/**
 * How much of a student's record the viewer may read, from the registry's entries
 * (permissions/policies/journal.policy.ts, cards.policy.ts):
 * FULL    – `studentRecord.read`: the school administration, the class teacher, self, own child;
 * TAUGHT  – `studentRecord.readTaught`: a teacher of the student: the card's names, and journal data of their own lessons only;
 * CARD    – `studentCard.read` alone: the card only (the secretary keeps cards but reads no marks);
 * NONE    – nothing, and indistinguishable from a student that does not exist.
 */
export type StudentAccessLevel = 'FULL' | 'TAUGHT' | 'CARD' | 'NONE';

export interface StudentAccess {
  level: StudentAccessLevel;
  schoolId: string | null;
  /** The viewer's ties to the student (for entries beyond the level, e.g. `attendance.setReason`). */
  ties: ReadonlySet<Tie>;
}

export interface LessonAccess {
  read: boolean;
  /** The viewer teaches it (or stands in for its teacher): they write its journal. */
  teaches: boolean;
  /** The viewer leads the lesson's class. */
  leadsClass: boolean;
  schoolId: string | null;
  ties: ReadonlySet<Tie>;
}

/** How the viewer stands to a class (one statement): the curriculum's and timetable's "own" rows. */
export interface ClassReach {
  classGroup: ClassGroup;
  /** The school administration of the class's school. */
  readsAll: boolean;
  leads: boolean;
  /** Subjects the viewer is assigned to teach in the class. */
  taughtSubjects: string[];
  /** The viewer is, or is a parent of, a student in the class's list today. */
  attends: boolean;
  schoolId: string;
  ties: ReadonlySet<Tie>;
}

export interface LessonAccessRow { id: string; school_id: string; teaches: boolean; leads_class: boolean; is_self: boolean; is_child: boolean }
export interface StudentAccessRow { id: string; school_id: string; is_self: boolean; is_child: boolean; leads_class: boolean; teaches: boolean }

const TIE_COLUMNS: Record<Exclude<Tie, 'coordinates'>, string> = {
  self: 'is_self', child: 'is_child', leadsClass: 'leads_class', teaches: 'teaches',
};

function tiesOfRow(r: { is_self?: boolean; is_child?: boolean; leads_class?: boolean; teaches?: boolean }): Set<Tie> {
  const ties = new Set<Tie>();
  if (r.is_self) ties.add('self');
  if (r.is_child) ties.add('child');
  if (r.leads_class) ties.add('leadsClass');
  if (r.teaches) ties.add('teaches');
  return ties;
}

/**
 * A per-request batch loader of access rows: every id asked for in one tick (a list's rows each
 * asking for their own) costs one statement together, and each id is judged once per request.
 */
function accessLoader<T>(load: (ids: string[]) => Promise<Map<string, T>>, none: T): DataLoader<string, T> {
  return new DataLoader<string, T>(async (ids) => {
    const found = await load([...ids]);
    return ids.map((id) => found.get(id) ?? none);
  });
}

async function loadAll<T>(loader: DataLoader<string, T>, ids: readonly string[]): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  const rows = await loader.loadMany(unique);
  const result = new Map<string, T>();
  unique.forEach((id, i) => {
    const row = rows[i];
    if (row instanceof Error) throw row;
    result.set(id, row);
  });
  return result;
}

/**
 * A condition as SQL over a row that carries the tie columns (`is_self`…) and `school_id`
 * under `alias`: the same entry that judges single rows filters a list in its own statement.
 */
export function conditionOverTieColumns(condition: Condition, viewer: Viewer, alias: string): Sql {
  switch (condition.kind) {
    case 'holds': return sql`${raw(alias)}.school_id = any(${uuidArray(viewer.schoolsWith(condition.roles))}::uuid[])`;
    case 'tie':
      if (condition.tie === 'coordinates') return raw('false');
      return raw(`${alias}.${TIE_COLUMNS[condition.tie]}`);
    case 'anyOf': return sql`(${joinSql(condition.of.map((c) => conditionOverTieColumns(c, viewer, alias)), ' or ')})`;
  }
}

const NO_STUDENT: StudentAccess = { level: 'NONE', schoolId: null, ties: new Set() };
const NO_LESSON: LessonAccess = { read: false, teaches: false, leadsClass: false, schoolId: null, ties: new Set() };

/**
 * Row scoping for one request: which students, lessons and schools the viewer is
 * tied to. Every answer is computed in one statement per batch and memoized.
 */
export class AccessScope {
  private readonly students = accessLoader((ids) => this.loadStudents(ids), NO_STUDENT);
  private readonly lessons = accessLoader((ids) => this.loadLessons(ids), NO_LESSON);
  private schools?: Promise<Set<string>>;

  readonly ties: Ties;

  constructor(
    private readonly em: EntityManager,
    readonly viewer: Viewer,
    private readonly clock: Clock,
  ) {
    this.ties = new Ties(viewer);
  }

  async student(id: string): Promise<StudentAccess> {
    return (await this.studentsAccess([id])).get(id) ?? NO_STUDENT;
  }

  /** Access to many students in one statement. */
  async studentsAccess(ids: readonly string[]): Promise<Map<string, StudentAccess>> {
    return loadAll(this.students, ids);
  }

  private async loadStudents(ids: string[]): Promise<Map<string, StudentAccess>> {
    const { sql, params } = this.studentAccessStatement(ids);
    const rows = await preparedRead<StudentAccessRow[]>(this.em, sql, params);
    return new Map(rows.map((r) => [r.id, this.studentAccessOf(r)]));
  }

  /**
   * The statement behind studentsAccess: one row per existing student. Exposed for a read
   * that wants the student's rows in the same round trip (the diary, domain/journal/journal.queries.ts),
   * which then hands the row to `rememberStudentAccess`.
   */
  studentAccessStatement(ids: readonly string[]): { sql: string; params: unknown[] } {
    const student = raw('s.id');
    const today = todayInSchool(this.clock.now());
    const statement = sql`select s.id, s.school_id,
              ${this.ties.isSelf(student)} as is_self,
              ${this.ties.isChild(student)} as is_child,
              ${this.ties.leadsClassOf(student, today)} as leads_class,
              ${this.ties.teaches(student, today)} as teaches
         from student s join school sc on sc.id = s.school_id
        where s.id = any(${uuidArray(ids)}::uuid[])`;
    return { sql: statement.text, params: [...statement.values] };
  }

  /** Takes in what `studentAccessStatement` said of one student (`row` null: no such student). */
  rememberStudentAccess(id: string, row: StudentAccessRow | null): StudentAccess {
    const access = row ? this.studentAccessOf(row) : NO_STUDENT;
    this.students.clear(id).prime(id, access);
    return access;
  }

  /**
   * FULL-or-TAUGHT (`studentRecord.read` or `studentRecord.readTaught`) as SQL over a row of
   * `studentAccessStatement` (alias `a`), so a read can skip the student's rows when they would be
   * refused: a refused student then costs what a missing one does (the answer's timing tells
   * nothing either). Compiled from the same registry entries `studentAccessOf` evaluates.
   */
  readableStudentCondition(): { sql: string; params: unknown[] } {
    const condition = sql`(${conditionOverTieColumns(REGISTRY['studentRecord.read'].allow, this.viewer, 'a')}
      or ${conditionOverTieColumns(REGISTRY['studentRecord.readTaught'].allow, this.viewer, 'a')})`;
    return { sql: condition.text, params: [...condition.values] };
  }

  private studentAccessOf(r: StudentAccessRow): StudentAccess {
    const facts = { schoolId: r.school_id, ties: tiesOfRow(r) };
    let level: StudentAccessLevel = 'NONE';
    if (this.allows('studentRecord.read', facts)) level = 'FULL';
    else if (this.allows('studentRecord.readTaught', facts)) level = 'TAUGHT';
    else if (this.allows('studentCard.read', facts)) level = 'CARD';
    return { level, schoolId: r.school_id, ties: facts.ties };
  }

  /** The registry's verdict on one row whose school and ties are known. */
  allows(permission: Permission, facts: { schoolId: string | null; ties: ReadonlySet<Tie> }): boolean {
    return evaluate(REGISTRY[permission].allow, this.viewer, facts);
  }

  /** Holds the permission in the school by a role alone (a school-wide read or write). */
  holdsIn(permission: Permission, schoolId: string): boolean {
    return holdsIn(this.viewer, permission, schoolId);
  }

  private readonly taughtSubjectsLoader = new DataLoader<string, Set<string>>(async (studentIds) => {
    const today = todayInSchool(this.clock.now());
    const statement = sql`select s.id, coalesce(array_agg(distinct ta.subject_id::text) filter (where ta.id is not null), '{}') as subjects
        from student s join school sc on sc.id = s.school_id
        left join enrollment e on e.student_id = s.id and ${Ties.enrolledOn(today)}
        left join teaching_assignment ta on ta.class_group_id = e.class_group_id and ta.teacher_id = ${this.ties.teacherCard}::uuid
             and (ta.subgroup_id is null or exists(select 1 from subgroup_member sm where sm.subgroup_id = ta.subgroup_id and sm.student_id = s.id))
       where s.id = any(${uuidArray(studentIds)}::uuid[]) group by s.id`;
    const rows = await preparedRead<{ id: string; subjects: string[] }[]>(this.em, statement.text, statement.values);
    const byId = new Map(rows.map((r) => [r.id, new Set(r.subjects)]));
    return studentIds.map((id) => byId.get(id) ?? new Set<string>());
  });

  /**
   * The subjects the viewer teaches the student today (assignments, subgroup-aware): what a
   * subject teacher reads of the student's period marks (`periodMark.readAllSubjects` is for the
   * others). Batched: a list of students costs one statement.
   */
  taughtSubjects(studentId: string): Promise<Set<string>> {
    return this.taughtSubjectsLoader.load(studentId);
  }

  /** May the viewer read this period mark: all subjects by `periodMark.readAllSubjects`, else a subject they teach the student. */
  async readsPeriodMark(studentId: string, subjectId: string): Promise<boolean> {
    if (await this.mayForStudent('periodMark.readAllSubjects', studentId)) return true;
    const access = await this.student(studentId);
    return access.level === 'TAUGHT' && (await this.taughtSubjects(studentId)).has(subjectId);
  }

  /**
   * The registry's verdict for one row of the entry's target kind: the one evaluator every
   * check goes through (the matrix snapshot, tests/permissions/matrix.test.ts, prints it).
   * Accounts are judged by permissions/account-reach.ts; this answers the tie-based kinds.
   */
  async verdict(permission: Permission, target: { kind: 'school' | 'student' | 'lesson' | 'class'; id: string }): Promise<boolean> {
    switch (target.kind) {
      case 'school': {
        const coordinated = await this.coordinatedSchools([target.id]);
        return this.allows(permission, { schoolId: target.id, ties: new Set(coordinated.has(target.id) ? ['coordinates'] : []) });
      }
      case 'student': return this.mayForStudent(permission, target.id);
      case 'lesson': {
        const access = await this.lesson(target.id);
        return access.schoolId !== null && this.allows(permission, access);
      }
      case 'class': {
        const reach = await this.classReach(target.id);
        return reach !== null && this.allows(permission, reach);
      }
    }
  }

  /** The registry's verdict on a student (one statement per batch, shared with `student`). */
  async mayForStudent(permission: Permission, studentId: string): Promise<boolean> {
    const access = await this.student(studentId);
    return access.schoolId !== null && this.allows(permission, access);
  }

  async lesson(id: string): Promise<LessonAccess> {
    return (await this.lessonsAccess([id])).get(id) ?? NO_LESSON;
  }

  async lessonsAccess(ids: readonly string[]): Promise<Map<string, LessonAccess>> {
    return loadAll(this.lessons, ids);
  }

  private async loadLessons(ids: string[]): Promise<Map<string, LessonAccess>> {
    const { sql: text, params } = this.lessonAccessStatement(ids);
    const rows = await preparedRead<LessonAccessRow[]>(this.em, text, params);
    return new Map(rows.map((r) => [r.id, this.lessonAccessOf(r)]));
  }

  /**
   * The statement behind lessonsAccess: one row per existing lesson. Exposed, like
   * studentAccessStatement, for a write that reads the lesson's facts in the same round trip
   * (domain/journal/lesson-entries.ts), which then hands the row to `rememberLessonAccess`.
   */
  lessonAccessStatement(ids: readonly string[]): { sql: string; params: unknown[] } {
    const day = raw('l.date');
    const statement = sql`select l.id, l.school_id,
              ${this.ties.teachesLesson()} as teaches,
              ${this.ties.leadsClass('c')} as leads_class,
              ${this.ties.attends(day, 'c', raw('l.subgroup_id'), 'self')} as is_self,
              ${this.ties.attends(day, 'c', raw('l.subgroup_id'), 'child')} as is_child
         from lesson l join class_group c on c.id = l.class_group_id
        where l.id = any(${uuidArray(ids)}::uuid[])`;
    return { sql: statement.text, params: [...statement.values] };
  }

  /** Takes in what `lessonAccessStatement` said of one lesson (`row` null: no such lesson). */
  rememberLessonAccess(id: string, row: LessonAccessRow | null): LessonAccess {
    const access = row ? this.lessonAccessOf(row) : NO_LESSON;
    this.lessons.clear(id).prime(id, access);
    return access;
  }

  private lessonAccessOf(r: LessonAccessRow): LessonAccess {
    const facts = { schoolId: r.school_id, ties: tiesOfRow(r) };
    return {
      read: this.allows('lesson.read', facts),
      teaches: this.allows('lesson.writeJournal', facts),
      leadsClass: r.leads_class,
      schoolId: r.school_id,
      ties: facts.ties,
    };
  }

  /** Schools the viewer belongs to: where they hold a role (a tie counts only while its role is held). */
  async memberSchools(): Promise<Set<string>> {
    return new Set(this.viewer.grants.map((g) => g.schoolId).filter((id): id is string => Boolean(id)));
  }

  async isMemberOf(schoolId: string): Promise<boolean> {
    return (await this.memberSchools()).has(schoolId);
  }

  /** Of these schools, the ones the viewer coordinates (one statement; none for a non-coordinator). */
  async coordinatedSchools(schoolIds: readonly string[]): Promise<Set<string>> {
    const wanted = [...new Set(schoolIds)];
    if (wanted.length === 0 || !this.viewer.grants.some((g) => g.municipalityId || g.regionId)) return new Set();
    const statement = sql`select s.id from school s where s.id = any(${uuidArray(wanted)}::uuid[]) and ${this.ties.coordinates(raw('s.id'))}`;
    const rows = await preparedRead<{ id: string }[]>(this.em, statement.text, statement.values);
    return new Set(rows.map((r) => r.id));
  }

  /** Every school whose calendar the viewer reads (`calendar.read`): its members' and, for coordinators, the schools under them. */
  async calendarSchools(): Promise<string[]> {
    const schools = new Set([...(await this.memberSchools())].filter((id) => this.holdsIn('calendar.read', id)));
    for (const id of await this.schoolsCoordinated()) schools.add(id);
    return [...schools];
  }

  /** Every school the viewer coordinates (the `coordinates` tie); none, without a statement, for anyone else. */
  async schoolsCoordinated(): Promise<string[]> {
    if (!this.viewer.grants.some((g) => g.municipalityId || g.regionId)) return [];
    const statement = sql`select s.id from school s where ${this.ties.coordinates(raw('s.id'))}`;
    return (await preparedRead<{ id: string }[]>(this.em, statement.text, statement.values)).map((r) => r.id);
  }

  /** `calendar.read`: the school's calendar (years, periods, holidays) — its members and its coordinators. */
  async readsCalendarOf(schoolId: string): Promise<boolean> {
    if (this.holdsIn('calendar.read', schoolId)) return true;
    return (await this.coordinatedSchools([schoolId])).has(schoolId);
  }

  /** Of these classes, the ones the viewer leads (one statement). */
  async leadsClasses(classIds: readonly (string | null | undefined)[]): Promise<Set<string>> {
    const ids = classIds.filter((id): id is string => Boolean(id));
    if (ids.length === 0 || !this.ties.teacherCard) return new Set();
    const statement = sql`select c.id from class_group c where c.id = any(${uuidArray(ids)}::uuid[]) and ${this.ties.leadsClass('c')}`;
    return new Set((await preparedRead<{ id: string }[]>(this.em, statement.text, statement.values)).map((r) => r.id));
  }

  /** How the viewer stands to a class, in one statement; null when there is no such class. */
  async classReach(classGroupId: string): Promise<ClassReach | null> {
    const today = todayInSchool(this.clock.now());
    const statement = sql`select c.id, c.school_id,
            ${this.ties.leadsClass('c')} as leads_class,
            coalesce((select array_agg(distinct ta.subject_id::text) from teaching_assignment ta
                       where ta.class_group_id = c.id and ta.teacher_id = ${this.ties.teacherCard}::uuid), '{}') as subjects,
            ${this.ties.attends(today, 'c', null, 'self')} as is_self,
            ${this.ties.attends(today, 'c', null, 'child')} as is_child
       from class_group c join school sc on sc.id = c.school_id where c.id = ${classGroupId}::uuid`;
    const [row] = await preparedRead<{ id: string; school_id: string; leads_class: boolean; subjects: string[]; is_self: boolean; is_child: boolean }[]>(
      this.em, statement.text, statement.values);
    if (!row) return null;
    const classGroup = await this.em.findOneOrFail<ClassGroup>('ClassGroup', classGroupId);
    const ties = tiesOfRow({ ...row, teaches: row.subjects.length > 0 });
    return {
      classGroup,
      schoolId: row.school_id,
      readsAll: this.viewer.readsWholeSchool(row.school_id),
      leads: row.leads_class,
      taughtSubjects: row.subjects,
      attends: row.is_self || row.is_child,
      ties,
    };
  }

  /**
   * Which lessons of a class × subject the viewer may see in the class journal:
   * ALL (administration, class teacher, the assigned teacher), OWN (a substitute:
   * only the lessons they stood in for) or NONE.
   */
  async classJournal(
    classGroupId: string, subjectId: string, permission: Permission = 'classJournal.read',
  ): Promise<{ scope: 'ALL' | 'OWN' | 'NONE'; schoolId: string | null }> {
    const statement = sql`select c.school_id,
              ${this.ties.leadsClass('c')} as leads_class,
              ${this.ties.assignedInClass(sql`${subjectId}::uuid`)} as teaches
         from class_group c where c.id = ${classGroupId}::uuid`;
    const [row] = await preparedRead<{ school_id: string; leads_class: boolean; teaches: boolean }[]>(this.em, statement.text, statement.values);
    if (!row) return { scope: 'NONE', schoolId: null };
    if (this.allows(permission, { schoolId: row.school_id, ties: tiesOfRow(row) })) return { scope: 'ALL', schoolId: row.school_id };
    // A substitute reads the lessons they stood in for (resolvers/journal/diary.resolver.ts narrows to them).
    return { scope: this.ties.teacherCard ? 'OWN' : 'NONE', schoolId: row.school_id };
  }
}
