import type { EntityManager } from '@mikro-orm/postgresql';
import { AcademicYear, ClassGroup, SchoolEvent, School, User } from '../../entities';
import { badInput, forbidden, notFound } from '../../lib/errors';
import { optionalText, requiredText } from '../../lib/text';
import { AdminWriter, checkDate, checkSpan } from './admin-write';
import { mayReadEvent } from './events.queries';
import { assertYearWritable } from './school-year.service';

/**
 * School and class events (004 §7.2–7.3): the deputy heads write the school's events (no class)
 * and any class's; a class teacher their own class's (`schoolEvent.write`, `classEvent.write` in
 * permissions/policies/events.policy.ts). Every write is one transaction with its audit entry
 * (domain/write.ts). Checks in the house order: input shape; the event or class exists and is of
 * a school the viewer belongs to (NOT_FOUND otherwise, like a missing row); the permission
 * (FORBIDDEN); then the rules: the event lies within one school year, which must not be CLOSED.
 * An event is never deleted: it is cancelled, with a reason, and still shown as cancelled.
 */

export const EVENT_LIMITS = { title: 200, description: 4000, place: 200, reason: 500, days: 92 } as const;

export interface CreateEventCommand {
  schoolId?: string | null;
  classGroupId?: string | null;
  title: string;
  description?: string | null;
  place?: string | null;
  startsOn: string;
  endsOn?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
}

export interface UpdateEventCommand {
  eventId: string;
  expectedVersion: number;
  title?: string | null;
  description?: string | null;
  place?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
}

export interface CancelEventCommand { eventId: string; expectedVersion: number; reason: string }

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "HH:MM" or nothing (null / empty). */
function checkTime(value: string | null | undefined, field: string): string | null {
  if (value == null || value.trim() === '') return null;
  const time = value.trim();
  if (!TIME.test(time)) throw badInput(field, `"${field}" must be a time of day (HH:MM).`);
  return time;
}

interface EventShape { startsOn: string; endsOn: string; startsAt: string | null; endsAt: string | null }

function checkShape(e: EventShape): void {
  checkSpan(e.startsOn, e.endsOn);
  const days = (Date.parse(`${e.endsOn}T00:00:00Z`) - Date.parse(`${e.startsOn}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > EVENT_LIMITS.days) throw badInput('endsOn', `An event lasts at most ${EVENT_LIMITS.days} days.`);
  if (e.startsOn === e.endsOn && e.startsAt && e.endsAt && e.endsAt <= e.startsAt) throw badInput('endsAt', '"endsAt" must be after "startsAt".');
  if (e.endsAt && !e.startsAt) throw badInput('startsAt', 'An event with an end time needs its start time.');
}

function checkWithinYear(year: AcademicYear, e: EventShape): void {
  if (e.startsOn < year.startsOn || e.endsOn > year.endsOn) {
    throw badInput('startsOn', `The event must lie within the ${year.name} school year (${year.startsOn} – ${year.endsOn}).`);
  }
}

export function eventSnapshot(e: SchoolEvent) {
  return {
    classGroupId: e.classGroup?.id ?? null, title: e.title, description: e.description ?? null, place: e.place ?? null,
    startsOn: e.startsOn, endsOn: e.endsOn, startsAt: e.startsAt ?? null, endsAt: e.endsAt ?? null,
    cancelledAt: e.cancelledAt ?? null, cancelReason: e.cancelReason ?? null,
  };
}

export class EventsService extends AdminWriter {
  async create(cmd: CreateEventCommand): Promise<SchoolEvent> {
    const title = requiredText(cmd.title, 'title', EVENT_LIMITS.title);
    const description = optionalText(cmd.description, 'description', EVENT_LIMITS.description);
    const place = optionalText(cmd.place, 'place', EVENT_LIMITS.place);
    const startsOn = checkDate(cmd.startsOn, 'startsOn');
    const shape: EventShape = {
      startsOn, endsOn: cmd.endsOn == null ? startsOn : checkDate(cmd.endsOn, 'endsOn'),
      startsAt: checkTime(cmd.startsAt, 'startsAt'), endsAt: checkTime(cmd.endsAt, 'endsAt'),
    };
    checkShape(shape);
    if (cmd.classGroupId && cmd.schoolId) throw badInput('schoolId', 'A class event is of its class\'s school: name the class only.');
    return this.write(async (em, now) => {
      let schoolId: string;
      let classGroup: ClassGroup | null = null;
      let year: AcademicYear;
      if (cmd.classGroupId) {
        classGroup = await this.writableClass(em, cmd.classGroupId);
        schoolId = classGroup.school.id;
        year = await em.findOneOrFail(AcademicYear, classGroup.year.id);
      } else {
        schoolId = await this.schoolFor(cmd.schoolId, 'schoolEvent.write');
        const found = await em.findOne(AcademicYear, { school: schoolId, startsOn: { $lte: startsOn }, endsOn: { $gte: startsOn } });
        if (!found) throw badInput('startsOn', 'The school has no school year on that day.');
        year = found;
      }
      checkWithinYear(year, shape);
      await assertYearWritable(em, year.id);
      const event = em.create(SchoolEvent, {
        school: em.getReference(School, schoolId), year, classGroup: classGroup ?? undefined, title,
        description: description ?? undefined, place: place ?? undefined,
        startsOn: shape.startsOn, endsOn: shape.endsOn, startsAt: shape.startsAt ?? undefined, endsAt: shape.endsAt ?? undefined,
        createdBy: em.getReference(User, this.scope.viewer.userId), createdAt: now,
      });
      this.audit(em, now, schoolId, 'school_event.create', 'SchoolEvent', event.id, null, eventSnapshot(event));
      return event;
    });
  }

  async update(cmd: UpdateEventCommand): Promise<SchoolEvent> {
    const title = cmd.title == null ? null : requiredText(cmd.title, 'title', EVENT_LIMITS.title);
    const description = cmd.description == null ? undefined : optionalText(cmd.description, 'description', EVENT_LIMITS.description);
    const place = cmd.place == null ? undefined : optionalText(cmd.place, 'place', EVENT_LIMITS.place);
    const startsOn = cmd.startsOn == null ? null : checkDate(cmd.startsOn, 'startsOn');
    const endsOn = cmd.endsOn == null ? null : checkDate(cmd.endsOn, 'endsOn');
    const startsAt = cmd.startsAt == null ? undefined : checkTime(cmd.startsAt, 'startsAt');
    const endsAt = cmd.endsAt == null ? undefined : checkTime(cmd.endsAt, 'endsAt');
    return this.write(async (em, now) => {
      const event = await this.writableEvent(em, cmd.eventId);
      await this.checkVersion(em, event, cmd.expectedVersion);
      if (event.cancelledAt) throw badInput('eventId', 'The event was cancelled; create a new one instead.');
      const before = eventSnapshot(event);
      const shape: EventShape = {
        startsOn: startsOn ?? event.startsOn,
        // Moving a one-day event moves its end along unless a new end is given.
        endsOn: endsOn ?? (startsOn && event.endsOn === event.startsOn ? startsOn : event.endsOn),
        startsAt: startsAt === undefined ? event.startsAt ?? null : startsAt,
        endsAt: endsAt === undefined ? event.endsAt ?? null : endsAt,
      };
      checkShape(shape);
      const year = await em.findOneOrFail(AcademicYear, event.year.id);
      checkWithinYear(year, shape);
      await assertYearWritable(em, year.id);
      if (title) event.title = title;
      if (description !== undefined) event.description = description ?? undefined;
      if (place !== undefined) event.place = place ?? undefined;
      event.startsOn = shape.startsOn;
      event.endsOn = shape.endsOn;
      event.startsAt = shape.startsAt ?? undefined;
      event.endsAt = shape.endsAt ?? undefined;
      event.updatedAt = now;
      this.audit(em, now, event.school.id, 'school_event.update', 'SchoolEvent', event.id, before, eventSnapshot(event));
      return event;
    });
  }

  async cancel(cmd: CancelEventCommand): Promise<SchoolEvent> {
    const reason = requiredText(cmd.reason, 'reason', EVENT_LIMITS.reason);
    return this.write(async (em, now) => {
      const event = await this.writableEvent(em, cmd.eventId);
      await this.checkVersion(em, event, cmd.expectedVersion);
      if (event.cancelledAt) throw badInput('eventId', 'The event is already cancelled.');
      await assertYearWritable(em, event.year.id);
      const before = eventSnapshot(event);
      event.cancelledAt = now;
      event.cancelReason = reason;
      event.updatedAt = now;
      this.audit(em, now, event.school.id, 'school_event.cancel', 'SchoolEvent', event.id, before, eventSnapshot(event));
      return event;
    });
  }

  /** A class the viewer may write events of: NOT_FOUND unless it is of their school; FORBIDDEN unless `classEvent.write` holds for it. */
  private async writableClass(em: EntityManager, classGroupId: string): Promise<ClassGroup> {
    const classGroup = await em.findOne(ClassGroup, classGroupId);
    if (!classGroup || !(await this.scope.access.isMemberOf(classGroup.school.id))) throw notFound('ClassGroup');
    const reach = await this.scope.access.classReach(classGroup.id);
    if (!reach || !this.scope.access.allows('classEvent.write', reach)) throw forbidden('Only the class teacher and the deputy heads write this class\'s events.');
    return classGroup;
  }

  /** An event the viewer may change: its school's deputy heads; for a class event, also its class teacher. */
  private async writableEvent(em: EntityManager, eventId: string): Promise<SchoolEvent> {
    const event = await em.findOne(SchoolEvent, eventId);
    // Not the viewer's to read (another school, another class's event for a parent): like a missing one.
    if (!event || !(await mayReadEvent(this.scope.access, this.scope.viewer, event))) throw notFound('SchoolEvent');
    if (event.classGroup) await this.writableClass(em, event.classGroup.id);
    else if (!this.scope.access.holdsIn('schoolEvent.write', event.school.id)) throw forbidden('Only the deputy heads write the school\'s events.');
    return event;
  }
}
