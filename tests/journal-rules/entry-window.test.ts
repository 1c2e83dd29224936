import type { EntityManager } from '@mikro-orm/postgresql';
import { LessonState, Role } from '../../entities';
import {
  buildAbsence, buildAssignment, buildClass, buildSchool, buildStaff, buildStudent, buildSubject, buildLesson, type World,
} from '../support/factories';
import type { TestServer } from '../support/server';
import { Journal, useJournalWorld, expectRefused, lessonOf, lessonState, ok, query } from './support';

/**
 * Rule 1 (004 §8.6): marks, attendance, topic and homework go in on the lesson's day and
 * up to 3 calendar days later, judged on the server's clock in the school's time zone;
 * nothing for a lesson that has not started yet or was cancelled.
 */

let server: TestServer;
let em: EntityManager;
let w: World;
let j: Journal;

useJournalWorld((world) => ({ server, em, w, j } = world));

/** All three lesson-bound writes by the lesson's teacher must succeed. */
async function writeAll(lesson: Awaited<ReturnType<typeof lessonOf>>) {
  const mark = ok(await j.recordMark(w.teacher, { lesson, student: w.student.student, value: '5' }), 'recordMark');
  const absence = ok(await j.recordAttendance(w.teacher, { lesson, student: w.classmate.student }), 'recordAttendance');
  const record = ok(await j.setLessonRecord(w.teacher, { lesson, topic: 'Дроби', homework: '№ 12' }), 'setLessonRecord');
  return { mark, absence, record };
}

async function refuseAll(lesson: Awaited<ReturnType<typeof lessonOf>>, codes: { mark: string; attendance: string; record: string }) {
  await expectRefused(server, codes.mark, () => j.recordMark(w.teacher, { lesson, student: w.student.student, value: '5' }));
  await expectRefused(server, codes.attendance, () => j.recordAttendance(w.teacher, { lesson, student: w.classmate.student }));
  await expectRefused(server, codes.record, () => j.setLessonRecord(w.teacher, { lesson, topic: 'Дроби', homework: '№ 12' }));
}

describe('the 3-day entry window', () => {
  // The lesson is on Monday 2026-11-16 at bell 1 (08:30 Moscow); the clock moves on.
  it.each([
    ['on the lesson\'s day', '2026-11-16T12:00:00+03:00'],
    ['1 day late', '2026-11-17T08:00:00+03:00'],
    ['2 days late', '2026-11-18T20:00:00+03:00'],
    ['3 days late, in the last minute of the third day', '2026-11-19T23:59:00+03:00'],
  ])('accepts a mark, an absence and the topic %s', async (_label, now) => {
    const lesson = await lessonOf(em, w, { date: '2026-11-16' });
    server.clock.set(now);
    const { mark, absence, record } = await writeAll(lesson);
    expect(mark.value).toBe('5');
    // The timestamp is the server's clock, never the client's.
    expect(new Date(mark.createdAt).toISOString()).toBe(new Date(now).toISOString());
    expect(absence.kind).toBe('ABSENT');
    expect(record).toMatchObject({ topic: 'Дроби', homework: '№ 12' });
  });

  it.each([
    ['4 days late, from the first minute of the fourth day', '2026-11-20T00:00:00+03:00'],
    ['two weeks late', '2026-11-30T12:00:00+03:00'],
  ])('refuses a mark, an absence and the topic %s (ENTRY_WINDOW_CLOSED)', async (_label, now) => {
    const lesson = await lessonOf(em, w, { date: '2026-11-16' });
    server.clock.set(now);
    await refuseAll(lesson, { mark: 'ENTRY_WINDOW_CLOSED', attendance: 'ENTRY_WINDOW_CLOSED', record: 'ENTRY_WINDOW_CLOSED' });
  });

  it('refuses changing an absence into a late arrival after the window', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-16' });
    await buildAbsence(em, { lesson, student: w.student.student, author: w.teacher.user });
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED',
      () => j.recordAttendance(w.teacher, { lesson, student: w.student.student, kind: 'LATE' }));
    const [row] = await query(server, 'select kind from attendance where lesson_id = ?', [lesson.id]);
    expect(row.kind).toBe('ABSENT');
  });

  it('refuses a lesson record for a lesson on a later date, but takes one 3 days late', async () => {
    const future = await lessonOf(em, w, { date: '2026-11-23', state: LessonState.SCHEDULED });
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.setLessonRecord(w.teacher, { lesson: future, homework: 'Прочитать § 5' }));
    const past = await lessonOf(em, w, { date: '2026-11-17' });
    expect(ok(await j.setLessonRecord(w.teacher, { lesson: past, homework: 'Прочитать § 4' }), 'setLessonRecord').homework).toBe('Прочитать § 4');
  });
});

describe('lessons that have not been held', () => {
  it('refuses marks and attendance for today\'s lesson before its bell, and takes them once it has started', async () => {
    // Bell 5 starts at 12:30 Moscow; it is 12:00.
    const lesson = await lessonOf(em, w, { date: '2026-11-20', number: 5, state: LessonState.SCHEDULED });
    await expectRefused(server, 'LESSON_NOT_HELD', () => j.recordMark(w.teacher, { lesson, student: w.student.student, value: '4' }));
    await expectRefused(server, 'LESSON_NOT_HELD', () => j.recordAttendance(w.teacher, { lesson, student: w.classmate.student }));
    expect(await lessonState(server, lesson.id)).toBe('SCHEDULED');

    server.clock.set('2026-11-20T12:29:59+03:00');
    await expectRefused(server, 'LESSON_NOT_HELD', () => j.recordMark(w.teacher, { lesson, student: w.student.student, value: '4' }));

    server.clock.set('2026-11-20T12:31:00+03:00');
    const mark = ok(await j.recordMark(w.teacher, { lesson, student: w.student.student, value: '4' }), 'recordMark');
    expect(mark.lesson.state).toBe('HELD');
    ok(await j.recordAttendance(w.teacher, { lesson, student: w.classmate.student, kind: 'LATE' }), 'recordAttendance');
  });

  it.each([LessonState.SCHEDULED, LessonState.HELD])(
    'refuses marks and attendance for a lesson on a later date (stored state %s)', async (state) => {
      const lesson = await lessonOf(em, w, { date: '2026-11-23', number: 1, state });
      await expectRefused(server, 'LESSON_NOT_HELD', () => j.recordMark(w.teacher, { lesson, student: w.student.student, value: '5' }));
      await expectRefused(server, 'LESSON_NOT_HELD', () => j.recordAttendance(w.teacher, { lesson, student: w.classmate.student }));
      await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.setLessonRecord(w.teacher, { lesson, topic: 'Заранее' }));
    });

  it.each([['today', '2026-11-20'], ['two days ago', '2026-11-18']])(
    'refuses every write for a cancelled lesson (%s)', async (_label, date) => {
      const lesson = await lessonOf(em, w, { date, number: 2, state: LessonState.CANCELLED });
      await refuseAll(lesson, { mark: 'LESSON_NOT_HELD', attendance: 'LESSON_NOT_HELD', record: 'LESSON_NOT_HELD' });
      expect(await lessonState(server, lesson.id)).toBe('CANCELLED');
    });
});

describe('"today" is the school\'s day, not UTC\'s', () => {
  it('closes the window at midnight Moscow time: at 22:30Z on 11-24 a lesson of 11-21 is 4 days old', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-21' });
    server.clock.set('2026-11-24T22:30:00Z'); // 2026-11-25 01:30 in Moscow, still 11-24 in UTC
    await refuseAll(lesson, { mark: 'ENTRY_WINDOW_CLOSED', attendance: 'ENTRY_WINDOW_CLOSED', record: 'ENTRY_WINDOW_CLOSED' });

    server.clock.set('2026-11-24T20:30:00Z'); // 23:30 on 11-24 in Moscow: the last day
    await writeAll(lesson);
  });

  it('judges the lesson\'s start in Moscow: 00:30 Moscow on the lesson\'s day is before bell 1', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-25', number: 1, state: LessonState.SCHEDULED });
    server.clock.set('2026-11-24T21:30:00Z'); // 2026-11-25 00:30 Moscow
    await expectRefused(server, 'LESSON_NOT_HELD', () => j.recordMark(w.teacher, { lesson, student: w.student.student, value: '5' }));
    server.clock.set('2026-11-25T05:31:00Z'); // 08:31 Moscow, bell 1 started at 08:30
    ok(await j.recordMark(w.teacher, { lesson, student: w.student.student, value: '5' }), 'recordMark');
  });

  it('uses each school\'s own time zone (a school in Vladivostok, UTC+10)', async () => {
    const school = await buildSchool(em);
    school.timezone = 'Asia/Vladivostok';
    await em.flush();
    const subject = await buildSubject(em, school, 'Математика');
    const teacher = await buildStaff(em, school, [Role.TEACHER]);
    const classGroup = await buildClass(em, school, { grade: 6, letter: 'А' });
    await buildAssignment(em, teacher.employee, classGroup, subject);
    const { student } = await buildStudent(em, classGroup);
    const old = await buildLesson(em, { classGroup, subject, teacher: teacher.employee, date: '2026-11-17', number: 1 });
    const monday = await buildLesson(em, { classGroup, subject, teacher: teacher.employee, date: '2026-11-23', number: 1, state: LessonState.SCHEDULED });

    // 13:30Z on 11-20 is 23:30 in Vladivostok: 11-17 is 3 days back, still open.
    server.clock.set('2026-11-20T13:30:00Z');
    ok(await j.recordMark(teacher, { lesson: old, student, value: '3' }), 'recordMark');
    // 14:30Z is 00:30 on 11-21 there (only 17:30 in Moscow): now it is 4 days back.
    server.clock.set('2026-11-20T14:30:00Z');
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.recordMark(teacher, { lesson: old, student, value: '4' }));

    // Bell 1 (08:30 local) on 11-23 is 22:30Z on 11-22.
    server.clock.set('2026-11-22T22:00:00Z');
    await expectRefused(server, 'LESSON_NOT_HELD', () => j.recordMark(teacher, { lesson: monday, student, value: '5' }));
    server.clock.set('2026-11-22T22:45:00Z');
    ok(await j.recordMark(teacher, { lesson: monday, student, value: '5' }), 'recordMark');
  });
});
