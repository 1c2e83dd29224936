import type { EntityManager } from '@mikro-orm/postgresql';
import { SchoolEvent } from '../../entities';
import { badInput } from '../../lib/errors';
import { daysBetween } from '../../lib/clock';
import { mayHoldIn } from '../../permissions/registry';
import type { AccessScope, ClassReach } from '../../permissions/scope';
import type { Viewer } from '../../permissions/viewer';

/**
 * Reads of school and class events (004 §7.2–7.3). Who reads which: `event.read`
 * (permissions/policies/events.policy.ts) — the school's staff (HR aside) every event of the
 * school; a student and their parents the school's events and their own class's, never another
 * class's. A class's timetable shows the school's events and the class's own.
 */

export const EVENTS_MAX_DAYS = 366;

export function checkEventRange(from: string, to: string): void {
  if (to < from) throw badInput('to', '"to" is before "from".');
  if (daysBetween(from, to) + 1 > EVENTS_MAX_DAYS) throw badInput('to', `At most ${EVENTS_MAX_DAYS} days at a time.`);
}

const ORDER = { orderBy: { startsOn: 'asc', startsAt: 'asc', title: 'asc', id: 'asc' } } as const;

/** The school's events and the class's own overlapping [from, to]: what the class's timetable shows. */
export async function eventsOfClass(em: EntityManager, reach: ClassReach, from: string, to: string): Promise<SchoolEvent[]> {
  return em.find(SchoolEvent, {
    school: reach.schoolId, startsOn: { $lte: to }, endsOn: { $gte: from },
    $or: [{ classGroup: null }, { classGroup: reach.classGroup.id }],
  }, ORDER);
}

/** Every event of the school overlapping [from, to] (the school-wide readers). */
export async function eventsOfSchool(em: EntityManager, schoolId: string, from: string, to: string): Promise<SchoolEvent[]> {
  return em.find(SchoolEvent, { school: schoolId, startsOn: { $lte: to }, endsOn: { $gte: from } }, ORDER);
}

/**
 * A student's events day by day over [from, to], in one statement whatever the span: the
 * school's events, and their class's events on the days they were in that class (a transfer
 * mid-week shows each class's events on its own days). Cancelled ones are included, marked.
 */
export async function eventsOfStudentByDay(em: EntityManager, studentId: string, from: string, to: string): Promise<Map<string, SchoolEvent[]>> {
  const rows = await em.getConnection().execute<(Record<string, unknown> & { day: string })[]>(
    `select to_char(d.day, 'YYYY-MM-DD') as day, ev.*
       from student s
       join school_event ev on ev.school_id = s.school_id and ev.starts_on <= ?::date and ev.ends_on >= ?::date
       cross join lateral generate_series(greatest(ev.starts_on, ?::date), least(ev.ends_on, ?::date), interval '1 day') as d(day)
      where s.id = ?::uuid
        and (ev.class_group_id is null or exists (
              select 1 from enrollment e
               where e.student_id = s.id and e.class_group_id = ev.class_group_id
                 and e.starts_on <= d.day::date and (e.ends_on is null or e.ends_on >= d.day::date)))
      order by d.day, ev.starts_at nulls first, ev.title, ev.id`,
    [to, from, from, to, studentId],
  );
  const byDay = new Map<string, SchoolEvent[]>();
  const seen = new Map<string, SchoolEvent>();
  for (const { day, ...row } of rows) {
    const id = row.id as string;
    let event = seen.get(id);
    if (!event) {
      event = em.map(SchoolEvent, row);
      seen.set(id, event);
    }
    const list = byDay.get(day);
    if (list) list.push(event);
    else byDay.set(day, [event]);
  }
  return byDay;
}

/** Whether the viewer may read this event (`event.read`): for `node(id:)`. */
export async function mayReadEvent(access: AccessScope, viewer: Viewer, event: SchoolEvent): Promise<boolean> {
  if (access.holdsIn('event.read', event.school.id)) return true;
  if (!event.classGroup) return mayHoldIn(viewer, 'event.read', event.school.id);
  const reach = await access.classReach(event.classGroup.id);
  return reach !== null && access.allows('event.read', reach);
}
