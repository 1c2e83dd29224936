import DataLoader from 'dataloader';
import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ClassGroup, LessonRecord, MarkVersion } from '../entities';
import { uuidArray } from '../domain/access';
import type { Clock } from '../server/clock';

/**
 * Per-request batching: every field that fetches a related row goes through one of
 * these, so a list of N rows costs one query per relation, never one per row.
 */
export class Loaders {
  private readonly byId = new Map<EntityClass<unknown>, DataLoader<string, unknown>>();

  constructor(private readonly em: EntityManager, private readonly clock: Clock) {}

  /** Any entity by id (undefined when missing). */
  entity<T extends { id: string }>(cls: EntityClass<T>): DataLoader<string, T | undefined> {
    let loader = this.byId.get(cls as EntityClass<unknown>);
    if (!loader) {
      loader = new DataLoader<string, T | undefined>(async (ids) => {
        const rows = await this.em.find(cls, { id: { $in: [...ids] } } as never);
        const map = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => map.get(id));
      });
      this.byId.set(cls as EntityClass<unknown>, loader);
    }
    return loader as DataLoader<string, T | undefined>;
  }

  readonly lessonRecord = new DataLoader<string, LessonRecord | undefined>(async (lessonIds) => {
    const rows = await this.em.find(LessonRecord, { lesson: { $in: [...lessonIds] } });
    const map = new Map(rows.map((r) => [r.lesson.id, r]));
    return lessonIds.map((id) => map.get(id));
  });

  readonly markVersions = new DataLoader<string, MarkVersion[]>(async (markIds) => {
    const rows = await this.em.find(MarkVersion, { mark: { $in: [...markIds] } }, { orderBy: { revision: 'asc' } });
    return markIds.map((id) => rows.filter((v) => v.mark.id === id));
  });

  /** The class a student is in today (in the school's own time zone). */
  readonly currentClass = new DataLoader<string, ClassGroup | null>(async (studentIds) => {
    const rows = await this.em.getConnection().execute<{ student_id: string; class_group_id: string }[]>(
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
