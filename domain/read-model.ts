import type { EntityClass, EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Read-only entity objects for the journal's big reads (the diary, the class journal): rows
 * become instances of the entity classes directly, without MikroORM's unit of work (identity
 * map, change-set snapshots, reference propagation), which took about a third of a diary
 * request's CPU. They are answers, never persisted: writes load managed entities of their own.
 * Relations are `{ id }` stubs (resolvers read only the id and go through the loaders); objects
 * of one class and id are shared within one ReadModel, like an identity map would.
 */
export class ReadModel {
  private readonly seen = new Map<string, object>();

  constructor(private readonly em: EntityManager) {}

  /** `row`: the table's columns, as node-postgres or `to_jsonb` give them. */
  entity<T extends object>(cls: EntityClass<T>, row: Record<string, unknown>): T {
    const key = `${cls.name}:${String(row.id)}`;
    const known = this.seen.get(key);
    if (known) return known as T;
    const entity = Object.create(cls.prototype) as Record<string, unknown>;
    for (const c of columnsOf(this.em, cls)) {
      const value = row[c.field];
      let mapped: unknown;
      if (value === null || value === undefined) mapped = undefined;
      else if (c.kind === 'reference') mapped = { id: value };
      else if (c.kind === 'datetime' && typeof value === 'string') mapped = new Date(value);
      else mapped = value;
      // Own data properties, so no accessor MikroORM put on the prototype runs.
      Object.defineProperty(entity, c.property, { value: mapped, writable: true, enumerable: true, configurable: true });
    }
    this.seen.set(key, entity);
    return entity as T;
  }
}

interface Column { property: string; field: string; kind: 'scalar' | 'datetime' | 'reference' }

const COLUMNS = new WeakMap<EntityClass<unknown>, Column[]>();

function columnsOf(em: EntityManager, cls: EntityClass<unknown>): Column[] {
  let columns = COLUMNS.get(cls);
  if (!columns) {
    const meta: EntityMetadata = em.getMetadata().get(cls.name);
    columns = Object.values(meta.props)
      .filter((p) => p.persist !== false && p.fieldNames?.length === 1 && (p.kind === 'scalar' || p.kind === 'm:1' || (p.kind === '1:1' && p.owner)))
      .map((p) => ({
        property: p.name,
        field: p.fieldNames[0],
        kind: p.kind === 'scalar' ? (p.runtimeType === 'Date' ? 'datetime' : 'scalar') : 'reference',
      }));
    COLUMNS.set(cls, columns);
  }
  return columns;
}
