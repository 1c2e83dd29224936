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

  /** `row`: the table's columns, as node-postgres or `row_to_json`/`json_agg` give them. */
  entity<T extends object>(cls: EntityClass<T>, row: Record<string, unknown>): T {
    const key = `${cls.name}:${String(row.id)}`;
    const known = this.seen.get(key);
    if (known) return known as T;
    const { shadow, columns } = readClassOf(this.em, cls);
    const entity = Object.create(shadow) as Record<string, unknown>;
    for (const c of columns) {
      const value = row[c.field];
      let mapped: unknown;
      if (value === null || value === undefined) mapped = undefined;
      else if (c.kind === 'reference') mapped = { id: value };
      else if (c.kind === 'datetime' && typeof value === 'string') mapped = new Date(value);
      else mapped = value;
      entity[c.property] = mapped;
    }
    this.seen.set(key, entity);
    return entity as T;
  }
}

interface Column { property: string; field: string; kind: 'scalar' | 'datetime' | 'reference' }

/**
 * Per entity class: its columns, and a prototype between the class's and the objects. MikroORM
 * puts an accessor on the class's prototype for every property; the shadow prototype hides each
 * behind a plain writable data property, so assigning one on an object makes an own data
 * property (no MikroORM accessor runs) at the cost of a plain assignment. `instanceof` still holds.
 */
interface ReadClass { shadow: object; columns: Column[] }

const READ_CLASSES = new WeakMap<EntityClass<unknown>, ReadClass>();

function readClassOf(em: EntityManager, cls: EntityClass<unknown>): ReadClass {
  let readClass = READ_CLASSES.get(cls);
  if (!readClass) {
    const meta: EntityMetadata = em.getMetadata().get(cls.name);
    const columns: Column[] = Object.values(meta.props)
      .filter((p) => p.persist !== false && p.fieldNames?.length === 1 && (p.kind === 'scalar' || p.kind === 'm:1' || (p.kind === '1:1' && p.owner)))
      .map((p) => ({
        property: p.name,
        field: p.fieldNames[0],
        kind: p.kind === 'scalar' ? (p.runtimeType === 'Date' ? 'datetime' : 'scalar') : 'reference',
      }));
    const shadow = Object.create(cls.prototype as object) as object;
    for (const c of columns) Object.defineProperty(shadow, c.property, { value: undefined, writable: true, enumerable: false, configurable: true });
    readClass = { shadow, columns };
    READ_CLASSES.set(cls, readClass);
  }
  return readClass;
}
