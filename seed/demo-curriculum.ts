import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TIMETABLE } from './demo-data';

/**
 * The demo school's curriculum (учебный план): one item per class and subject, its hours per
 * week counted from the weekly timetable (demo-data.ts), so the two always agree. Music and
 * art, once a week, are the 1-hour subjects of rule 7 (3 marks a period); the rest need 5.
 */
export function demoHoursPerWeek(): Map<string, Map<string, number>> {
  const result = new Map<string, Map<string, number>>();
  for (const [classKey, week] of Object.entries(TIMETABLE)) {
    const hours = new Map<string, number>();
    for (const day of Object.values(week)) for (const subject of day) hours.set(subject, (hours.get(subject) ?? 0) + 1);
    result.set(classKey, hours);
  }
  return result;
}

export async function seedDemoCurriculum(em: EntityManager, schoolId: string): Promise<void> {
  const classes = await em.execute<{ id: string; name: string; year_id: string }[]>(
    'select id, grade || letter as name, year_id from class_group where school_id = ?', [schoolId]);
  const subjects = await em.execute<{ id: string; name: string }[]>('select id, name from subject where school_id = ?', [schoolId]);
  const subjectId = new Map(subjects.map((s) => [s.name, s.id]));
  const rows: unknown[][] = [];
  for (const c of classes) {
    for (const [subject, hours] of demoHoursPerWeek().get(c.name) ?? []) {
      rows.push([randomUUID(), c.year_id, c.id, subjectId.get(subject), hours.toFixed(1), 'COMPULSORY']);
    }
  }
  if (rows.length === 0) return;
  await em.execute(
    `insert into curriculum_item (id, year_id, class_group_id, subject_id, hours_per_week, component)
     values ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
    rows.flat(),
  );
}
