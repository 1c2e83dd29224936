import type { EntityManager } from '@mikro-orm/postgresql';
import { diaryWatchers } from '../../permissions/diary-watchers';
import { receivableAddressedEvents } from '../../permissions/messaging';
import type { OutboxEvent } from './diary-outbox';

/**
 * Who may receive these outbox events now (issue 15 part 5), position → user ids, in at most two
 * statements whatever the batch: an event about a student goes to the student's watchers (the
 * student, their parents, the class teacher: permissions/diary-watchers.ts); an event addressed to
 * one user (`recipient`: messages, announcements, absence notes) to that user while their tie
 * holds (permissions/messaging.ts). The live diary hub delivers by it; a Web Push queue reusing the
 * outbox asks the same question.
 */
export async function receiversOfOutboxEvents(em: EntityManager, now: Date, events: readonly OutboxEvent[]): Promise<Map<bigint, string[]>> {
  const result = new Map<bigint, string[]>();
  const aboutStudents = events.filter((e) => !e.recipientId && e.studentId);
  const addressed = events.filter((e) => e.recipientId);
  const [watchers, receivable] = await Promise.all([
    aboutStudents.length === 0 ? [] : (async () => {
      const statement = diaryWatchers([...new Set(aboutStudents.map((e) => e.studentId!))], now);
      return em.fork().execute<{ student_id: string; user_id: string }[]>(statement.text, [...statement.values]);
    })(),
    receivableAddressed(em.fork(), now, addressed),
  ]);
  const byStudent = new Map<string, string[]>();
  for (const w of watchers) byStudent.set(w.student_id, [...(byStudent.get(w.student_id) ?? []), w.user_id]);
  for (const e of aboutStudents) result.set(e.position, byStudent.get(e.studentId!) ?? []);
  for (const e of addressed) result.set(e.position, receivable.has(e.position) ? [e.recipientId!] : []);
  return result;
}

/** Of these addressed events, the positions their recipients may still receive now (one statement). */
export async function receivableAddressed(em: EntityManager, now: Date, events: readonly OutboxEvent[]): Promise<Set<bigint>> {
  if (events.length === 0) return new Set();
  const statement = receivableAddressedEvents(events.map((e) => e.position.toString()), now);
  const rows = await em.execute<{ position: string }[]>(statement.text, [...statement.values]);
  return new Set(rows.map((r) => BigInt(r.position)));
}
