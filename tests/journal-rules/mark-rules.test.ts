import type { EntityManager } from '@mikro-orm/postgresql';
import { GradingScale, LessonState, Role, WorkType } from '../../entities';
import {
  buildAssignment, buildClass, buildStaff, buildStudent, buildSubgroup, buildSubject, transfer, type World,
} from '../support/factories';
import type { TestServer } from '../support/server';
import { Journal, useJournalWorld, expectRefused, lessonOf, lessonState, ok, onlyChanged, query, uuidOf, withDelta } from './support';

/**
 * Rules 3, 4 and 5: no marks in first grade (attendance is still kept); a mark needs a
 * known work type and a value on the subject's scale; a student gets marks only for the
 * lessons of a class or subgroup they were enrolled in on that date.
 */

let server: TestServer;
let em: EntityManager;
let w: World;
let j: Journal;

useJournalWorld((world) => ({ server, em, w, j } = world));

describe('rule 3: first grade', () => {
  it('refuses any mark for a first grader, on any work type, and writes nothing', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-20', classGroup: w.class1a, teacher: w.primaryTeacher.employee, state: LessonState.SCHEDULED });
    for (const [value, workTypeCode] of [['5', 'ORAL'], ['4', 'CONTROL'], ['3', 'HOMEWORK']]) {
      await expectRefused(server, 'NO_MARKS_IN_FIRST_GRADE',
        () => j.recordMark(w.primaryTeacher, { lesson, student: w.firstGrader.student, value, workTypeCode }));
    }
    const [{ n }] = await query(server, 'select count(*)::int as n from mark where student_id = ?', [w.firstGrader.student.id]);
    expect(n).toBe(0);
    expect(await lessonState(server, lesson.id)).toBe('SCHEDULED');
  });

  it('still keeps first-grade attendance, and the topic and homework', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-20', number: 2, classGroup: w.class1a, teacher: w.primaryTeacher.employee });
    const { result, delta } = await withDelta(server, () =>
      j.recordAttendance(w.primaryTeacher, { lesson, student: w.firstGrader.student, kind: 'LATE' }));
    expect(ok(result, 'recordAttendance')).toMatchObject({ kind: 'LATE', reason: 'UNKNOWN' });
    expect(delta).toEqual(onlyChanged({ attendance: 1, audit_entry: 1, diary_event: 1 }));
    expect(ok(await j.setLessonRecord(w.primaryTeacher, { lesson, topic: 'Счёт до 10' }), 'setLessonRecord').topic).toBe('Счёт до 10');
  });
});

describe('rule 4: work type and scale', () => {
  const lessonToday = (number = 1) => lessonOf(em, w, { date: '2026-11-20', number });

  it('refuses an unknown work type (BAD_USER_INPUT on "workTypeCode")', async () => {
    const lesson = await lessonToday();
    for (const workTypeCode of ['ESSAY_XL', 'oral', '', '  ']) {
      await expectRefused(server, 'BAD_USER_INPUT',
        () => j.recordMark(w.teacher, { lesson, student: w.student.student, value: '5', workTypeCode }), 'workTypeCode');
    }
  });

  it('does not take a work type that exists only in another school', async () => {
    em.create(WorkType, { school: w.otherSchool, code: 'ESSAY', name: 'Сочинение', weight: '2.00' });
    await em.flush();
    const lesson = await lessonToday();
    await expectRefused(server, 'BAD_USER_INPUT',
      () => j.recordMark(w.teacher, { lesson, student: w.student.student, value: '5', workTypeCode: 'ESSAY' }), 'workTypeCode');
    // Once the school has that work type, it is taken, with its weight.
    em.create(WorkType, { school: w.school, code: 'ESSAY', name: 'Сочинение', weight: '2.50' });
    await em.flush();
    const mark = ok(await j.recordMark(w.teacher, { lesson, student: w.student.student, value: '5', workTypeCode: 'ESSAY' }), 'recordMark');
    expect(mark.workType).toEqual({ code: 'ESSAY', weight: 2.5 });
  });

  it.each(['ORAL', 'HOMEWORK', 'INDEPENDENT', 'CONTROL', 'LAB', 'PRACTICAL', 'TEST'])('takes the work type %s with its weight', async (code) => {
    const lesson = await lessonToday();
    const mark = ok(await j.recordMark(w.teacher, { lesson, student: w.student.student, value: '4', workTypeCode: code }), 'recordMark');
    const [stored] = await query(server, 'select wt.code, wt.weight::float8 as weight from mark m join work_type wt on wt.id = m.work_type_id where m.id = ?', [uuidOf(mark.id)]);
    expect(mark.workType).toEqual({ code, weight: stored.weight });
    expect(stored.code).toBe(code);
    if (code === 'CONTROL') expect(mark.workType.weight).toBe(2);
  });

  it.each(['6', '0', 'A', 'зач', 'незач', 'н/а', '4+', '4.5', '-1', '55'])(
    'refuses "%s" on a five-point subject (BAD_USER_INPUT on "value")', async (value) => {
      const lesson = await lessonToday();
      await expectRefused(server, 'BAD_USER_INPUT', () => j.recordMark(w.teacher, { lesson, student: w.student.student, value }), 'value');
    });

  it('refuses an empty value', async () => {
    const lesson = await lessonToday();
    await expectRefused(server, 'BAD_USER_INPUT', () => j.recordMark(w.teacher, { lesson, student: w.student.student, value: ' ' }), 'value');
  });

  it('takes every value 1–5 on a five-point subject', async () => {
    const lesson = await lessonToday();
    const { delta } = await withDelta(server, async () => {
      for (const value of ['1', '2', '3', '4', '5']) {
        expect(ok(await j.recordMark(w.teacher, { lesson, student: w.classmate.student, value }), 'recordMark').value).toBe(value);
      }
    });
    expect(delta).toEqual(onlyChanged({ mark: 5, mark_version: 5, audit_entry: 5, diary_event: 5 }));
  });

  it('on a pass/fail subject takes "зач" and "незач" and refuses points', async () => {
    const pe = await buildSubject(em, w.school, 'Физкультура');
    pe.gradingScale = GradingScale.PASS_FAIL;
    await em.flush();
    const peTeacher = await buildStaff(em, w.school, [Role.TEACHER]);
    await buildAssignment(em, peTeacher.employee, w.class5a, pe);
    const lesson = await lessonOf(em, w, { date: '2026-11-20', subject: pe, teacher: peTeacher.employee });

    expect(ok(await j.recordMark(peTeacher, { lesson, student: w.student.student, value: 'зач', workTypeCode: 'PRACTICAL' }), 'recordMark').value).toBe('зач');
    const failed = ok(await j.recordMark(peTeacher, { lesson, student: w.classmate.student, value: 'незач', workTypeCode: 'PRACTICAL' }), 'recordMark');
    expect(failed.value).toBe('незач');
    for (const value of ['5', '1', 'н/а', 'ЗАЧ']) {
      await expectRefused(server, 'BAD_USER_INPUT',
        () => j.recordMark(peTeacher, { lesson, student: w.student.student, value, workTypeCode: 'PRACTICAL' }), 'value');
    }
    // Corrections follow the same scale.
    await expectRefused(server, 'BAD_USER_INPUT', () => j.correctMark(peTeacher, { mark: failed.id, value: '3', reason: 'пересдача' }), 'value');
    expect(ok(await j.correctMark(peTeacher, { mark: failed.id, value: 'зач', reason: 'пересдача' }), 'correctMark').value).toBe('зач');
  });
});

describe('rule 5: enrollment on the lesson\'s date', () => {
  it('refuses a mark and an absence for a student of another class the teacher also teaches (NOT_ENROLLED)', async () => {
    // The teacher teaches 5Б too, so otherStudent is known to them: the answer is NOT_ENROLLED, not NOT_FOUND.
    const lesson = await lessonOf(em, w, { date: '2026-11-20', state: LessonState.SCHEDULED });
    await expectRefused(server, 'NOT_ENROLLED', () => j.recordMark(w.teacher, { lesson, student: w.otherStudent.student, value: '5' }));
    await expectRefused(server, 'NOT_ENROLLED', () => j.recordAttendance(w.teacher, { lesson, student: w.otherStudent.student }));
    // The refused write did not even mark the lesson as held.
    expect(await lessonState(server, lesson.id)).toBe('SCHEDULED');
  });

  it('refuses a student who joins the class after the lesson, and takes them from their first day', async () => {
    const { student } = await buildStudent(em, w.class5a, { startsOn: '2026-11-19' });
    const before = await lessonOf(em, w, { date: '2026-11-18' });
    const firstDay = await lessonOf(em, w, { date: '2026-11-19' });
    await expectRefused(server, 'NOT_ENROLLED', () => j.recordMark(w.teacher, { lesson: before, student, value: '4' }));
    await expectRefused(server, 'NOT_ENROLLED', () => j.recordAttendance(w.teacher, { lesson: before, student }));
    ok(await j.recordMark(w.teacher, { lesson: firstDay, student, value: '4' }), 'recordMark');
  });

  it('refuses a student whose enrollment ended before the lesson, and takes them on their last day', async () => {
    const { student } = await buildStudent(em, w.class5a, { endsOn: '2026-11-18' });
    const lastDay = await lessonOf(em, w, { date: '2026-11-18' });
    const after = await lessonOf(em, w, { date: '2026-11-19' });
    await expectRefused(server, 'NOT_ENROLLED', () => j.recordMark(w.teacher, { lesson: after, student, value: '3' }));
    await expectRefused(server, 'NOT_ENROLLED', () => j.recordAttendance(w.teacher, { lesson: after, student }));
    ok(await j.recordMark(w.teacher, { lesson: lastDay, student, value: '3' }), 'recordMark');
  });

  it('follows a transfer: the old class until the move, the new class from it', async () => {
    const newClass = await buildClass(em, w.school, { grade: 5, letter: 'В' });
    await buildAssignment(em, w.teacher.employee, newClass, w.math);
    // In 5В until 11-18, in 5А from 11-19.
    const { student } = await buildStudent(em, newClass);
    await transfer(em, student, newClass, w.class5a, { effectiveOn: '2026-11-19' });
    const oldClassAfter = await lessonOf(em, w, { date: '2026-11-19', classGroup: newClass, number: 3 });
    const newClassBefore = await lessonOf(em, w, { date: '2026-11-18', number: 3 });
    await expectRefused(server, 'NOT_ENROLLED', () => j.recordMark(w.teacher, { lesson: oldClassAfter, student, value: '5' }));
    await expectRefused(server, 'NOT_ENROLLED', () => j.recordMark(w.teacher, { lesson: newClassBefore, student, value: '5' }));
    ok(await j.recordMark(w.teacher, { lesson: await lessonOf(em, w, { date: '2026-11-18', classGroup: newClass, number: 4 }), student, value: '5' }), 'recordMark');
    ok(await j.recordMark(w.teacher, { lesson: await lessonOf(em, w, { date: '2026-11-19', number: 4 }), student, value: '5' }), 'recordMark');
  });

  it('on a subgroup lesson takes the subgroup\'s members only', async () => {
    const subgroup = await buildSubgroup(em, w.class5a, w.math, [w.student.student]);
    const lesson = await lessonOf(em, w, { date: '2026-11-20', number: 3, subgroup });
    // The teacher teaches all of 5А math, so the classmate is known to them, but was not in this subgroup's lesson.
    await expectRefused(server, 'NOT_ENROLLED', () => j.recordMark(w.teacher, { lesson, student: w.classmate.student, value: '5' }));
    await expectRefused(server, 'NOT_ENROLLED', () => j.recordAttendance(w.teacher, { lesson, student: w.classmate.student }));
    ok(await j.recordMark(w.teacher, { lesson, student: w.student.student, value: '5' }), 'recordMark');
    ok(await j.recordAttendance(w.teacher, { lesson, student: w.student.student, kind: 'LATE' }), 'recordAttendance');
  });

  it('a subgroup\'s own teacher does not even see the classmates outside it (NOT_FOUND)', async () => {
    const english = await buildSubject(em, w.school, 'Английский язык');
    const englishTeacher = await buildStaff(em, w.school, [Role.TEACHER]);
    const subgroup = await buildSubgroup(em, w.class5a, english, [w.student.student]);
    await buildAssignment(em, englishTeacher.employee, w.class5a, english, subgroup);
    const lesson = await lessonOf(em, w, { date: '2026-11-20', number: 4, subject: english, teacher: englishTeacher.employee, subgroup });
    await expectRefused(server, 'NOT_FOUND', () => j.recordMark(englishTeacher, { lesson, student: w.classmate.student, value: '5' }));
    ok(await j.recordMark(englishTeacher, { lesson, student: w.student.student, value: '5' }), 'recordMark');
  });
});
