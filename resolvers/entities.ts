import { ClassGroup, Employee, Lesson, Mark, School, Student, Subject } from '../entities';
import type { RequestContext } from './context';
import type { Resolvers } from './generated/graphql';
import { parseGlobalId, type NodeTypeName } from '../schema/global-id';
import { fetchNode } from './visibility';

/**
 * Federation references (`_entities`), answered exactly as `node(id:)` answers: through
 * the viewer's row scope, null when the object is missing *or* not the viewer's to see.
 * A representation whose id names another type, or is no id at all, is missing too.
 */
async function resolveEntityReference<T extends object>(
  entity: new (...args: never[]) => T, typeName: NodeTypeName, reference: { id?: unknown }, ctx: RequestContext,
): Promise<T | null> {
  const id = reference?.id;
  if (typeof id !== 'string' || parseGlobalId(id)?.type !== typeName) return null;
  const found = await fetchNode(ctx, id);
  return found instanceof entity ? found : null;
}

/**
 * Every `@key` type's reference resolver, typed by the generated resolver types
 * (resolvers/generated/graphql.ts, from schema/subgraph.graphql): server/schema/federation.ts
 * refuses to build a subgraph with an entity type missing here.
 */
export const ENTITY_REFERENCE_RESOLVERS = {
  School: { __resolveReference: (ref, ctx) => resolveEntityReference(School, 'School', ref, ctx) },
  ClassGroup: { __resolveReference: (ref, ctx) => resolveEntityReference(ClassGroup, 'ClassGroup', ref, ctx) },
  Student: { __resolveReference: (ref, ctx) => resolveEntityReference(Student, 'Student', ref, ctx) },
  Employee: { __resolveReference: (ref, ctx) => resolveEntityReference(Employee, 'Employee', ref, ctx) },
  Subject: { __resolveReference: (ref, ctx) => resolveEntityReference(Subject, 'Subject', ref, ctx) },
  Lesson: { __resolveReference: (ref, ctx) => resolveEntityReference(Lesson, 'Lesson', ref, ctx) },
  Mark: { __resolveReference: (ref, ctx) => resolveEntityReference(Mark, 'Mark', ref, ctx) },
} satisfies Resolvers<RequestContext>;

/**
 * Loads the rows and access of a whole `_entities` batch up front, a statement per kind,
 * so the per-reference lookups above are answered from the request's loaders and scope.
 */
export async function prefetchEntities(ctx: RequestContext, representations: unknown): Promise<void> {
  if (!ctx.viewer || !Array.isArray(representations)) return;
  const ids = new Map<string, string[]>();
  for (const r of representations) {
    const parsed = typeof r?.id === 'string' ? parseGlobalId(r.id) : null;
    if (parsed) ids.set(parsed.type, [...(ids.get(parsed.type) ?? []), parsed.uuid]);
  }
  const of = (type: string) => ids.get(type) ?? [];
  const marks = (await ctx.loaders.entity(Mark).loadMany(of('Mark'))).filter((m): m is Mark => m instanceof Mark);
  await Promise.all([
    ctx.access.studentsAccess([...of('Student'), ...marks.map((m) => m.student.id)]),
    ctx.access.lessonsAccess([...of('Lesson'), ...marks.map((m) => m.lesson.id)]),
    ctx.loaders.entity(Student).loadMany(of('Student')),
    ctx.loaders.entity(Lesson).loadMany(of('Lesson')),
    ctx.loaders.entity(School).loadMany(of('School')),
    ctx.loaders.entity(ClassGroup).loadMany(of('ClassGroup')),
    ctx.loaders.entity(Employee).loadMany(of('Employee')),
    ctx.loaders.entity(Subject).loadMany(of('Subject')),
    ...(ids.size > 0 ? [ctx.access.memberSchools()] : []),
  ]);
}
