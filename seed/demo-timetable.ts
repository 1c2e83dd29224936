/**
 * The demo school's rooms and weekly timetable (seed/demo-data.ts TIMETABLE) as TimetableEntry
 * rows, valid for the whole year; seed/demo-school.ts generates the year's lessons from them,
 * each lesson linked to its entry and room — the same lessons `generateLessons` would make.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { AcademicYear, ClassGroup, Employee, Room, School, Subject, TimetableEntry } from '../entities';
import { TIMETABLE, type SubjectName } from './demo-data';

/** Each teacher has a room of their own (so no room is ever booked twice); 1А has PE in the small gym. */
const ROOM_OF_TEACHER: Record<string, string> = {
  't.primary': 'каб. 1', 't.math': 'каб. 21', 't.russian': 'каб. 22', english: 'каб. 23', history: 'каб. 24',
  biology: 'каб. 31', geography: 'каб. 32', music: 'каб. 12', art: 'каб. 13', pe: 'Спортзал',
};
const SMALL_GYM = 'Малый спортзал';

export interface DemoTimetableSlot<C extends string, T extends string> {
  entry: TimetableEntry;
  classKey: C;
  subject: SubjectName;
  teacher: T;
}

/**
 * Creates the rooms and entries (in the unit of work; the caller flushes) and answers, per ISO
 * weekday, the slots in the order the demo generates lessons: by class, then by bell.
 */
export function seedDemoTimetable<C extends string, T extends string>(
  em: EntityManager,
  demo: {
    school: School; year: AcademicYear;
    classes: readonly { key: C; classGroup: ClassGroup }[];
    subjects: ReadonlyMap<SubjectName, Subject>;
    employees: ReadonlyMap<string, Employee>;
    teacherOf: (classKey: C, subject: SubjectName) => T;
  },
): Map<number, DemoTimetableSlot<C, T>[]> {
  const rooms = new Map<string, Room>();
  const room = (name: string) => {
    let r = rooms.get(name);
    if (!r) {
      r = em.create(Room, { school: demo.school, name, capacity: name.includes('порт') ? 60 : 30 });
      rooms.set(name, r);
    }
    return r;
  };
  const byWeekday = new Map<number, DemoTimetableSlot<C, T>[]>();
  for (const { key, classGroup } of demo.classes) {
    for (const [weekday, subjects] of Object.entries(TIMETABLE[key])) {
      subjects.forEach((subject, i) => {
        const teacher = demo.teacherOf(key, subject);
        const roomName = teacher === 't.primary' && subject === 'Физическая культура' ? SMALL_GYM : ROOM_OF_TEACHER[teacher];
        const entry = em.create(TimetableEntry, {
          year: demo.year, classGroup, subject: demo.subjects.get(subject)!, teacher: demo.employees.get(teacher)!,
          room: room(roomName), weekday: Number(weekday), bellNumber: i + 1, shift: classGroup.shift, validFrom: demo.year.startsOn,
        });
        const list = byWeekday.get(Number(weekday)) ?? [];
        list.push({ entry, classKey: key, subject, teacher });
        byWeekday.set(Number(weekday), list);
      });
    }
  }
  return byWeekday;
}
