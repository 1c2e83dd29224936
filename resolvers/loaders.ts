import DataLoader from 'dataloader';
import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Attendance, ClassGroup, Employee, Lesson, LessonRecord, Mark, MarkVersion, PeriodMark, Student, Subject, WorkType } from '../entities';
import type { EventGraph } from '../domain/diary/diary-outbox';
import type { LessonRow } from '../domain/journal/journal.queries';
import { uuidArray } from '../permissions/scope';
import type { Clock } from '../lib/clock';

/**
 * Per-request batching: every field that fetches a related row goes through one of
 * these, so a list of N rows costs one query per relation, never one per row.
 */
export class Loaders {
  private readonly byId = new Map<EntityClass<unknown>, DataLoader<string, unknown>>();

  /** `em` is called only when a loader actually queries: primed rows cost no fork at all. */
  constructor(private readonly em: () => EntityManager, private readonly clock: Clock) {}

  /** Any entity by id (undefined when missing). */
  entity<T extends { id: string }>(cls: EntityClass<T>): DataLoader<string, T | undefined> {
    let loader = this.byId.get(cls as EntityClass<unknown>);
    if (!loader) {
      loader = new DataLoader<string, T | undefined>(async (ids) => {
        const rows = await this.em().find(cls, { id: { $in: [...ids] } } as never);
        const map = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => map.get(id));
      });
      this.byId.set(cls as EntityClass<unknown>, loader);
    }
    return loader as DataLoader<string, T | undefined>;
  }

  /**
   * Rows already in hand, by class and id. A field that finds its row here returns it as is,
   * not as a promise, so graphql-js completes it synchronously: a diary week has hundreds of
   * such fields, and a promise each (with the async-context hooks every promise pays for) was
   * a large part of its CPU.
   */
  private readonly known = new Map<EntityClass<unknown>, Map<string, unknown>>();
  private readonly knownRecords = new Map<string, LessonRecord | undefined>();

  /** The row by id: itself when this request already read it, else the loader's promise. */
  one<T extends { id: string }>(cls: EntityClass<T>, id: string): T | Promise<T | undefined> {
    const row = this.known.get(cls as EntityClass<unknown>)?.get(id) as T | undefined;
    return row ?? this.entity(cls).load(id);
  }

  /** The lesson's record (topic, homework) the same way. */
  record(lessonId: string): LessonRecord | undefined | Promise<LessonRecord | undefined> {
    return this.knownRecords.has(lessonId) ? this.knownRecords.get(lessonId) : this.lessonRecord.load(lessonId);
  }

  /** Seeds the loaders with rows a query already read, so the fields asking for them cost nothing. */
  prime<T extends { id: string }>(cls: EntityClass<T>, rows: Iterable<T>): void {
    const loader = this.entity(cls);
    let known = this.known.get(cls as EntityClass<unknown>);
    if (!known) this.known.set(cls as EntityClass<unknown>, (known = new Map()));
    for (const row of rows) {
      loader.prime(row.id, row);
      // Like DataLoader's prime: the first row for an id stays.
      if (!known.has(row.id)) known.set(row.id, row);
    }
  }

  /** Seeds everything a journal view shows beside its lessons (see domain/journal/journal.queries.ts). */
  primeLessons(rows: LessonRow[]): void {
    this.prime(Lesson, rows.map((r) => r.lesson));
    this.prime(Subject, rows.map((r) => r.subject));
    this.prime(Employee, rows.flatMap((r) => (r.substituteTeacher ? [r.teacher, r.substituteTeacher] : [r.teacher])));
    this.prime(ClassGroup, rows.map((r) => r.classGroup));
    for (const r of rows) {
      this.lessonRecord.prime(r.lesson.id, r.record ?? undefined);
      if (!this.knownRecords.has(r.lesson.id)) this.knownRecords.set(r.lesson.id, r.record ?? undefined);
    }
  }

  primeWorkTypes(workTypes: WorkType[]): void {
    this.prime(WorkType, workTypes);
  }

  /** Seeds what a live-diary batch already read (server/diary-hub.ts). */
  primeEventGraph(graph: EventGraph): void {
    this.primeLessons(graph.lessons);
    this.prime(Mark, graph.marks);
    this.prime(WorkType, graph.workTypes);
    this.prime(Attendance, graph.attendance);
    this.prime(Student, graph.students);
  }

  private readonly ofYears = new Map<string, DataLoader<string, unknown[]>>();

  /**
   * Rows of a kind per academic year (periods, holidays, classes, …): one statement for every
   * year asked in the same tick. `name` tells the kinds apart; `load` reads the rows of those years.
   */
  byYear<T extends { year: { id: string } }>(name: string, load: (yearIds: string[]) => Promise<T[]>): DataLoader<string, T[]> {
    let loader = this.ofYears.get(name);
    if (!loader) {
      loader = new DataLoader<string, unknown[]>(async (ids) => {
        const rows = await load([...ids]);
        return ids.map((id) => rows.filter((r) => r.year.id === id));
      });
      this.ofYears.set(name, loader);
    }
    return loader as DataLoader<string, T[]>;
  }

  readonly lessonRecord = new DataLoader<string, LessonRecord | undefined>(async (lessonIds) => {
    const rows = await this.em().find(LessonRecord, { lesson: { $in: [...lessonIds] } });
    const map = new Map(rows.map((r) => [r.lesson.id, r]));
    return lessonIds.map((id) => map.get(id));
  });

  readonly markVersions = new DataLoader<string, MarkVersion[]>(async (markIds) => {
    const rows = await this.em().find(MarkVersion, { mark: { $in: [...markIds] } }, { orderBy: { revision: 'asc' } });
    return markIds.map((id) => rows.filter((v) => v.mark.id === id));
  });

  /** A student's period, year, exam and final marks, oldest first. */
  readonly periodMarks = new DataLoader<string, PeriodMark[]>(async (studentIds) => {
    const rows = await this.em().find(PeriodMark, { student: { $in: [...studentIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return studentIds.map((id) => rows.filter((m) => m.student.id === id));
  });

  /** The class a student is in today (in the school's own time zone). */
  readonly currentClass = new DataLoader<string, ClassGroup | null>(async (studentIds) => {
    const rows = await this.em().getConnection().execute<{ student_id: string; class_group_id: string }[]>(
      `select distinct on (e.student_id) e.student_id, e.class_group_id
         from enrollment e join student s on s.id = e.student_id join school sc on sc.id = s.school_id
        where e.student_id = any(?::uuid[])
          and e.starts_on <= (?::timestamptz at time zone sc.timezone)::date
          and (e.ends_on is null or e.ends_on >= (?::timestamptz at time zone sc.timezone)::date)
        order by e.student_id, e.starts_on desc`,
      [uuidArray(studentIds), this.clock.now(), this.clock.now()],
    );
    const classIds = new Map(rows.map((r) => [r.student_id, r.class_group_id]));
    const classes = await this.entity(ClassGroup).loadMany([...new Set(classIds.values())]);
    const byId = new Map(classes.filter((c): c is ClassGroup => c instanceof ClassGroup).map((c) => [c.id, c]));
    return studentIds.map((id) => byId.get(classIds.get(id) ?? '') ?? null);
  });
}
