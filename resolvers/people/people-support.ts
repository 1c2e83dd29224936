import { mayHoldIn, schoolsWhereMayHold, type Permission } from '../../permissions/registry';
import { badInput, notFound } from '../../lib/errors';
import type { RequestContext } from '../context';
import { fromGlobalId } from '../../schema/global-id';

/**
 * The school an administration query or write is about: the `schoolId` given, or the one
 * school where the viewer holds a role that can hold `permission` (permissions/registry.ts).
 * A school where they hold none answers as missing; the row checks come after.
 */
export function schoolArg(ctx: RequestContext, schoolId: string | null | undefined, permission: Permission): string {
  const viewer = ctx.requireViewer();
  if (schoolId) {
    const id = fromGlobalId(schoolId, 'School', 'schoolId');
    if (!mayHoldIn(viewer, permission, id)) throw notFound('School');
    return id;
  }
  const schools = schoolsWhereMayHold(viewer, permission);
  if (schools.length === 1) return schools[0];
  if (schools.length === 0) throw notFound('School');
  throw badInput('schoolId', 'You work in several schools: say which one ("schoolId").');
}

/** An optional id argument of the given type (null when left out). */
export function optionalId(id: string | null | undefined, type: Parameters<typeof fromGlobalId>[1], field: string): string | null {
  return id ? fromGlobalId(id, type, field) : null;
}

const perRequest = new WeakMap<RequestContext, Map<string, unknown>>();

/** A value (a DataLoader, a log) that lives as long as the request. */
export function requestLocal<T>(ctx: RequestContext, key: string, make: () => T): T {
  let map = perRequest.get(ctx);
  if (!map) {
    map = new Map();
    perRequest.set(ctx, map);
  }
  if (!map.has(key)) map.set(key, make());
  return map.get(key) as T;
}
