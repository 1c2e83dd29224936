import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { School, WorkType } from '../../entities';
import { AppError, ErrorCode, badInput, notFound } from '../../lib/errors';
import { optionalText, requiredText } from '../../lib/text';
import { AdminWriter } from './admin-write';

/** A code as marks and files name it: "CONTROL", "ORAL", "LAB_2" (lower case is raised). */
const CODE = /^[A-Z][A-Z0-9_]{0,29}$/;
/** Weights as the column keeps them (numeric(4,2)): above 0, at most 10, in hundredths. */
export const WEIGHT = { min: 0.01, max: 10 } as const;

export function checkCode(value: string | null | undefined): string {
  const code = (value ?? '').trim().toUpperCase();
  if (!CODE.test(code)) throw badInput('code', '"code" is 1–30 Latin capitals, digits and "_", starting with a letter ("CONTROL").');
  return code;
}

export function checkWeight(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < WEIGHT.min || value > WEIGHT.max
    || Math.abs(Math.round(value * 100) - value * 100) > 1e-6) {
    throw badInput('weight', `"weight" is a number from ${WEIGHT.min} to ${WEIGHT.max} in hundredths ("1.5").`);
  }
  return value.toFixed(2);
}

export interface CreateWorkTypeCommand { schoolId?: string | null; code: string; name: string; weight: number }
export interface UpdateWorkTypeCommand { workTypeId: string; name?: string | null; weight?: number | null }

/** Whether a mark was given with the work type: such a type is retired, never deleted. */
async function marksWith(em: EntityManager, workTypeId: string): Promise<number> {
  const [{ n }] = await em.execute<{ n: string }[]>('select count(*) as n from mark where work_type_id = ?', [workTypeId]);
  return Number(n);
}

/**
 * Work types per school with their weights (001: a mark is for a named task of its type; rule 4:
 * the weighted average uses the weights). ADMIN writes (`workTypes.write`). A weight changed here
 * changes every average at once: the `mark_rollup_work_type` trigger (Migration20261201220000)
 * rebuilds the school's rollup in the same transaction, and live averages read the weight itself.
 * A retired type takes no new marks (domain/journal/journal.service.ts recordMark); the marks it
 * has keep it and their weight. A type is deleted only while no mark uses it (WORK_TYPE_IN_USE).
 */
export class WorkTypesService extends AdminWriter {
  async createWorkType(cmd: CreateWorkTypeCommand): Promise<WorkType> {
    const code = checkCode(cmd.code);
    const name = requiredText(cmd.name, 'name', 120);
    const weight = checkWeight(cmd.weight);
    const schoolId = await this.schoolFor(cmd.schoolId, 'workTypes.write');
    return this.write(async (em, now) => {
      if (await em.findOne(WorkType, { school: schoolId, code })) throw exists(code);
      const workType = em.create(WorkType, { school: em.getReference(School, schoolId), code, name, weight });
      try {
        await em.flush();
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw exists(code);
        throw error;
      }
      this.audit(em, now, schoolId, 'workType.create', 'WorkType', workType.id, null, { code, name, weight });
      return workType;
    });
  }

  async updateWorkType(cmd: UpdateWorkTypeCommand): Promise<WorkType> {
    const name = optionalText(cmd.name, 'name', 120);
    const weight = cmd.weight == null ? null : checkWeight(cmd.weight);
    return this.write(async (em, now) => {
      const workType = await this.writable(em, cmd.workTypeId);
      const before = { name: workType.name, weight: workType.weight };
      if (name) workType.name = name;
      if (weight) workType.weight = weight;
      if (workType.name === before.name && Number(workType.weight) === Number(before.weight)) return workType;
      this.audit(em, now, workType.school.id, 'workType.update', 'WorkType', workType.id, before, { name: workType.name, weight: workType.weight });
      return workType;
    });
  }

  async retireWorkType(workTypeId: string): Promise<WorkType> {
    return this.write(async (em, now) => {
      const workType = await this.writable(em, workTypeId);
      if (workType.retiredAt) throw badInput('workTypeId', `"${workType.code}" is already retired.`);
      workType.retiredAt = now;
      this.audit(em, now, workType.school.id, 'workType.retire', 'WorkType', workType.id, { retiredAt: null }, { retiredAt: now.toISOString() });
      return workType;
    });
  }

  /** Deletes a work type no mark uses; answers the school's remaining work types' school id. */
  async deleteWorkType(workTypeId: string): Promise<string> {
    return this.write(async (em, now) => {
      const workType = await this.writable(em, workTypeId);
      // Locks the row: a mark recorded meanwhile with this type waits (its foreign key), then fails, or the delete sees it.
      await em.execute('select id from work_type where id = ? for update', [workType.id]);
      const used = await marksWith(em, workType.id);
      if (used > 0) {
        throw new AppError(ErrorCode.WORK_TYPE_IN_USE, `"${workType.code}" has ${used} mark(s): retire it instead.`, { count: used });
      }
      em.remove(workType);
      this.audit(em, now, workType.school.id, 'workType.delete', 'WorkType', workType.id,
        { code: workType.code, name: workType.name, weight: workType.weight }, null);
      return workType.school.id;
    });
  }

  private async writable(em: EntityManager, workTypeId: string): Promise<WorkType> {
    const workType = await em.findOne(WorkType, workTypeId);
    if (!workType) throw notFound('WorkType');
    await this.requireRoleIn(workType.school.id, 'workTypes.write', 'WorkType');
    return workType;
  }
}

const exists = (code: string) =>
  new AppError(ErrorCode.WORK_TYPE_EXISTS, `The school already has the work type "${code}".`, { field: 'code' });
