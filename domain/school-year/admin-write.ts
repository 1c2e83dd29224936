import { LockMode, helper } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { VersionedEntity } from '../../entities/base';
import { schoolsWhere, type Permission } from '../../permissions/registry';
import { audit } from '../audit';
import { badInput, conflict, forbidden, notFound } from '../../lib/errors';
import type { RequestScope } from '../request-scope';
import { writeTransaction } from '../write';

/**
 * What the school-running writes (year, curriculum, timetable) share: one transaction on the
 * server's clock with its audit entry, the viewer's role checked in the row's own school
 * (not a member: NOT_FOUND, like a missing row; a member without the role: FORBIDDEN), and the
 * optimistic lock on the version the client saw.
 */
export class AdminWriter {
  constructor(protected readonly scope: RequestScope) {}

  protected async write<T>(work: (em: EntityManager, now: Date) => Promise<T>): Promise<T> {
    return writeTransaction(this.scope, (unit) => work(unit.em, unit.now));
  }

  /** NOT_FOUND unless the viewer belongs to the school; FORBIDDEN unless they hold `permission` there (permissions/registry.ts). */
  protected async requireRoleIn(schoolId: string, permission: Permission, what: string): Promise<void> {
    if (!(await this.scope.access.isMemberOf(schoolId))) throw notFound(what);
    if (!this.scope.access.holdsIn(permission, schoolId)) throw forbidden('Your role does not allow this here.');
  }

  /**
   * The school a new row goes into: `schoolId` when given (the viewer must hold `permission`
   * there), else the one school where they do; BAD_USER_INPUT on `schoolId` when that is ambiguous.
   */
  protected async schoolFor(schoolId: string | null | undefined, permission: Permission): Promise<string> {
    if (schoolId) {
      await this.requireRoleIn(schoolId, permission, 'School');
      return schoolId;
    }
    const schools = schoolsWhere(this.scope.viewer, permission);
    if (schools.length !== 1) throw badInput('schoolId', 'Name the school ("schoolId").');
    return schools[0];
  }

  /** The version check of the convention (entities/base.ts): a stale `expectedVersion` is CONFLICT. */
  protected async checkVersion(em: EntityManager, row: VersionedEntity, expectedVersion: number | null | undefined): Promise<void> {
    if (expectedVersion == null) throw badInput('expectedVersion', 'Send back the version you saw ("expectedVersion").');
    await em.lock(row, LockMode.OPTIMISTIC, expectedVersion);
  }

  protected audit(em: EntityManager, now: Date, schoolId: string, action: string, entityType: string, entityId: string, before: unknown, after: unknown): void {
    audit(em, { actorId: this.scope.viewer.userId, schoolId, action, entityType, entityId, before, after, ip: this.scope.ip, at: now });
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date "YYYY-MM-DD", else BAD_USER_INPUT naming the field. */
export function checkDate(value: string | null | undefined, field: string): string {
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))
    || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw badInput(field, `"${field}" must be a date (YYYY-MM-DD).`);
  }
  return value;
}

export function checkSpan(startsOn: string, endsOn: string, endField = 'endsOn'): void {
  if (endsOn < startsOn) throw badInput(endField, `"${endField}" must not be before the start.`);
}

export function checkInt(value: number | null | undefined, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badInput(field, `"${field}" must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

/**
 * Bumps a row's `version` for a change that lives in other rows (a subgroup's members, a
 * year's calendar), conditional on the version this transaction read: CONFLICT when someone
 * else changed it first. The loaded entity learns the new version without becoming dirty.
 */
export async function bumpVersion(em: EntityManager, table: string, row: VersionedEntity): Promise<void> {
  const changed = await em.execute<{ version: number }[]>(
    `update "${table}" set version = version + 1 where id = ? and version = ? returning version`, [row.id, row.version],
  );
  if (changed.length === 0) throw conflict('It was changed meanwhile; reload it and try again.');
  row.version += 1;
  const loaded = helper(row).__originalEntityData;
  if (loaded) loaded.version = row.version;
}
