import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Employee, LateEntryPermit, type Lesson, School, User } from '../../entities';
import { addDays, daysBetween, localDate } from '../../lib/clock';
import { badInput, conflict, notFound } from '../../lib/errors';
import { requiredText } from '../../lib/text';
import { schoolsWhere } from '../../permissions/registry';
import type { RequestScope } from '../request-scope';
import { AdminWriter, checkDate } from '../school-year/admin-write';

/** A permit opens at most this many days of lessons, for at most this many days ahead. */
export const PERMIT_LIMITS = { days: 31, validDays: 31, reason: 500 } as const;

export interface GrantLateEntryPermitCommand { teacherId: string; daysFrom: string; daysTo: string; reason: string; validUntil: string }
export interface LateEntryPermitFilter { schoolId?: string | null; teacherId?: string | null; activeOnly?: boolean | null }

/**
 * Late-entry permits (DOMAIN.md "Corrections, never silent"; 004 §8.6): the deputy head of the
 * school (`lateEntryPermit.write`) lets a teacher write the journal of their own lessons of some
 * past days after the entry window, with a reason, until an end date; and may revoke it. The
 * journal's entry-window check honours it (`permitFor`, in the writing transaction).
 */
export class LateEntryPermitService extends AdminWriter {
  constructor(scope: RequestScope) {
    super(scope);
  }

  async grant(cmd: GrantLateEntryPermitCommand): Promise<LateEntryPermit> {
    const reason = requiredText(cmd.reason, 'reason', PERMIT_LIMITS.reason);
    const daysFrom = checkDate(cmd.daysFrom, 'daysFrom');
    const daysTo = checkDate(cmd.daysTo, 'daysTo');
    const validUntil = checkDate(cmd.validUntil, 'validUntil');
    if (daysTo < daysFrom) throw badInput('daysTo', '"daysTo" must not be before "daysFrom".');
    if (daysBetween(daysFrom, daysTo) + 1 > PERMIT_LIMITS.days) throw badInput('daysTo', `A permit opens at most ${PERMIT_LIMITS.days} days.`);
    return this.write(async (em, now) => {
      const teacher = await em.findOne(Employee, cmd.teacherId);
      if (!teacher) throw notFound('Employee');
      await this.requireRoleIn(teacher.school.id, 'lateEntryPermit.write', 'Employee');
      const school = await em.findOneOrFail(School, teacher.school);
      const today = localDate(now, school.timezone);
      if (teacher.dismissedOn && teacher.dismissedOn <= today) throw badInput('teacherId', 'The employee has been dismissed.');
      if (daysTo >= today) throw badInput('daysTo', 'A permit is for past days: today\'s lessons need none.');
      if (validUntil < today) throw badInput('validUntil', '"validUntil" must not be in the past.');
      if (validUntil > addDays(today, PERMIT_LIMITS.validDays)) throw badInput('validUntil', `A permit lasts at most ${PERMIT_LIMITS.validDays} days.`);
      const permit = em.create(LateEntryPermit, {
        school, teacher, daysFrom, daysTo, reason, validUntil, grantedBy: em.getReference(User, this.scope.viewer.userId), grantedAt: now,
      });
      this.audit(em, now, school.id, 'late_entry_permit.grant', 'LateEntryPermit', permit.id, null, {
        teacherId: teacher.id, daysFrom, daysTo, validUntil, reason,
      });
      return permit;
    });
  }

  async revoke(permitId: string): Promise<LateEntryPermit> {
    return this.write(async (em, now) => {
      const permit = await em.findOne(LateEntryPermit, permitId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!permit) throw notFound('LateEntryPermit');
      await this.requireRoleIn(permit.school.id, 'lateEntryPermit.write', 'LateEntryPermit');
      if (permit.revokedAt) throw conflict('The permit was revoked already.');
      permit.revokedAt = now;
      permit.revokedBy = em.getReference(User, this.scope.viewer.userId);
      this.audit(em, now, permit.school.id, 'late_entry_permit.revoke', 'LateEntryPermit', permit.id, { revokedAt: null }, { revokedAt: now });
      return permit;
    });
  }

  /**
   * The school's permits for its academic administration (`lateEntryPermit.read`); a teacher's
   * own (`lateEntryPermit.readOwn`) for a teacher. Newest first; one statement.
   */
  async list(filter: LateEntryPermitFilter): Promise<LateEntryPermit[]> {
    const viewer = this.scope.viewer;
    let schoolId = filter.schoolId ?? null;
    if (!schoolId) {
      const schools = [...new Set([...schoolsWhere(viewer, 'lateEntryPermit.read'), ...schoolsWhere(viewer, 'lateEntryPermit.readOwn')])];
      if (schools.length !== 1) throw badInput('schoolId', 'Name the school ("schoolId").');
      schoolId = schools[0];
    }
    const whole = this.scope.access.holdsIn('lateEntryPermit.read', schoolId);
    const own = this.scope.access.holdsIn('lateEntryPermit.readOwn', schoolId) ? this.scope.access.ties.teacherCard : null;
    if (!whole && !own) throw notFound('School');
    const school = await this.scope.em.findOne(School, schoolId);
    if (!school) throw notFound('School');
    const today = localDate(this.scope.clock.now(), school.timezone);
    const where: Record<string, unknown> = { school: schoolId };
    if (!whole) where.teacher = own;
    if (filter.teacherId) {
      if (!whole && filter.teacherId !== own) return [];
      where.teacher = filter.teacherId;
    }
    if (filter.activeOnly) Object.assign(where, { revokedAt: null, validUntil: { $gte: today } });
    return this.scope.em.find(LateEntryPermit, where, { orderBy: { grantedAt: 'desc', id: 'asc' } });
  }
}

/**
 * The viewer's permit that opens `lesson` today, if any: theirs (their teacher card), of the
 * lesson's school, covering its date, not revoked, valid today (the school's calendar). Read in
 * the writing transaction with a share lock, so a revocation committing meanwhile waits for the write.
 */
export async function permitFor(em: EntityManager, scope: RequestScope, lesson: Lesson, today: string): Promise<LateEntryPermit | null> {
  const card = scope.access.ties.teacherCard;
  if (!card) return null;
  return em.findOne(LateEntryPermit, {
    school: lesson.school.id, teacher: card, daysFrom: { $lte: lesson.date }, daysTo: { $gte: lesson.date },
    validUntil: { $gte: today }, revokedAt: null,
  }, { orderBy: { grantedAt: 'desc' }, lockMode: LockMode.PESSIMISTIC_READ });
}
