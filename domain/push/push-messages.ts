import { DiaryEventType } from '../../entities';

/** What a push message may say: the pupil's first name and the lesson's subject (both shown in that user's diary). */
export interface PushFacts {
  /** null for an event about no pupil (a message among staff). */
  studentFirstName: string | null;
  subjectName: string | null;
}

export interface PushMessage {
  title: string;
  body: string;
}

const about = (f: PushFacts) => (f.subjectName ? ` (${f.subjectName})` : '');
const whose = (f: PushFacts) => (f.studentFirstName ? `${f.studentFirstName}: ` : '');

/**
 * The text of each diary event type pushed to browsers, in Russian. Deliberately short: no mark
 * values, comments or reasons (a lock screen is not the diary); the app opens the diary for
 * details. A new outbox type is pushed once it has a line here; a type without one is not pushed.
 */
export const PUSH_TEMPLATES: Partial<Record<DiaryEventType, (facts: PushFacts) => PushMessage>> = {
  [DiaryEventType.MARK_ADDED]: (f) => ({ title: 'Новая отметка', body: `${f.studentFirstName}: новая отметка${about(f)}` }),
  [DiaryEventType.MARK_CORRECTED]: (f) => ({ title: 'Отметка исправлена', body: `${f.studentFirstName}: отметка исправлена${about(f)}` }),
  [DiaryEventType.MARK_RETRACTED]: (f) => ({ title: 'Отметка снята', body: `${f.studentFirstName}: отметка снята${about(f)}` }),
  [DiaryEventType.ABSENCE_RECORDED]: (f) => ({ title: 'Отсутствие на уроке', body: `${f.studentFirstName}: отмечено отсутствие${about(f)}` }),
  [DiaryEventType.ABSENCE_REASON_SET]: (f) => ({ title: 'Причина отсутствия', body: `${f.studentFirstName}: указана причина отсутствия${about(f)}` }),
  [DiaryEventType.ABSENCE_CLEARED]: (f) => ({ title: 'Отсутствие снято', body: `${f.studentFirstName}: отметка об отсутствии снята${about(f)}` }),
  // Addressed to one user (issue 15): who wrote and what stays in the app, behind the user's sign-in.
  [DiaryEventType.MESSAGE_RECEIVED]: (f) => ({ title: 'Новое сообщение', body: `${whose(f)}новое сообщение` }),
  [DiaryEventType.ANNOUNCEMENT]: () => ({ title: 'Объявление', body: 'Новое объявление' }),
  [DiaryEventType.ABSENCE_NOTE_SUBMITTED]: (f) => ({ title: 'Заявление об отсутствии', body: `${whose(f)}новое заявление об отсутствии` }),
  [DiaryEventType.ABSENCE_NOTE_DECIDED]: (f) => ({ title: 'Заявление об отсутствии', body: `${whose(f)}заявление рассмотрено` }),
  [DiaryEventType.LESSON_RECORD_SET]: (f) => ({ title: 'Тема и домашнее задание', body: `${f.studentFirstName}: запись урока обновлена${about(f)}` }),
};

/**
 * Types written once per pupil of a lesson for one change of the lesson (topic, homework): pushed
 * once per browser and lesson in a batch, not once per pupil (a class teacher would get the class).
 */
export const PUSHED_ONCE_PER_LESSON: ReadonlySet<DiaryEventType> = new Set([DiaryEventType.LESSON_RECORD_SET]);

/** The types a push goes out for (those with a text). */
export function pushedEventTypes(): DiaryEventType[] {
  return Object.keys(PUSH_TEMPLATES) as DiaryEventType[];
}

export function pushMessage(type: DiaryEventType, facts: PushFacts): PushMessage | null {
  return PUSH_TEMPLATES[type]?.(facts) ?? null;
}
