import type { EntityManager } from '@mikro-orm/postgresql';
import type { AbsenceReason } from '../../entities';

/**
 * The family's absence note the class teacher accepted for this pupil, day and bell, if any
 * (issue 15 part 4): an absence recorded later in its span takes the note's reason as it is
 * recorded, in the same transaction (JournalService.recordAttendance).
 */
export async function acceptedNoteFor(
  em: EntityManager, studentId: string, date: string, lessonNumber: number,
): Promise<{ id: string; reason: AbsenceReason; startsOn: string } | null> {
  const [row] = await em.execute<{ id: string; reason: AbsenceReason; starts_on: string }[]>(
    `select n.id, n.reason, n.starts_on::text from absence_note n
      where n.student_id = ? and n.state = 'ACCEPTED' and n.starts_on <= ?::date and n.ends_on >= ?::date
        and (n.first_lesson is null or n.first_lesson <= ?) and (n.last_lesson is null or n.last_lesson >= ?)
      order by n.decided_at desc limit 1`,
    [studentId, date, date, lessonNumber, lessonNumber]);
  return row ? { id: row.id, reason: row.reason, startsOn: row.starts_on } : null;
}

/** The supporting document an accepted note puts on the absences it covers. */
export function noteDocument(startsOn: string): string {
  return `Заявление родителя (${startsOn})`;
}
