import type { EntityManager } from '@mikro-orm/postgresql';
import { LessonState } from '../../entities';
import { toGlobalId } from '../../schema/global-id';
import { buildAssignment, buildClass, buildStudent, buildSubgroup, type World } from '../support/factories';
import type { TestServer } from '../support/server';
import {
  Journal, useJournalWorld, auditEntriesOf, diaryEventsOf, expectRefused, fingerprint, lessonOf, lessonState, ok, onlyChanged, query, uuidOf, withDelta,
} from './support';

/**
 * What every journal write leaves behind (its row, exactly one audit entry, its diary
 * events, all in one transaction), who writes a lesson's journal (its teacher, or the
 * teacher standing in), and the lesson becoming HELD once something is entered for it.
 */

let server: TestServer;
let em: EntityManager;
let w: World;
let j: Journal;

useJournalWorld((world) => ({ server, em, w, j } = world));

describe('what a write leaves behind', () => {
  it('recordMark: the mark, its version 1, one audit entry and one MARK_ADDED event', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-20' });
    server.clock.set('2026-11-20T12:34:56+03:00');
    const { result, delta } = await withDelta(server, () =>
      j.recordMark(w.teacher, { lesson, student: w.student.student, value: '5', workTypeCode: 'CONTROL', comment: 'Контрольная №2' }));
    const mark = ok(result, 'recordMark');
    expect(mark).toMatchObject({ value: '5', revision: 1, corrected: false, comment: 'Контрольная №2', workType: { code: 'CONTROL', weight: 2 } });
    expect(delta).toEqual(onlyChanged({ mark: 1, mark_version: 1, audit_entry: 1, diary_event: 1 }));

    const id = uuidOf(mark.id);
    const [row] = await query(server, 'select student_id, lesson_id, value, revision, created_by_id, created_at, comment from mark where id = ?', [id]);
    expect(row).toMatchObject({ student_id: w.student.student.id, lesson_id: lesson.id, value: '5', revision: 1, created_by_id: w.teacher.user.id, comment: 'Контрольная №2' });
    expect(new Date(row.created_at).toISOString()).toBe('2026-11-20T09:34:56.000Z');
    const audit = await auditEntriesOf(server, id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'mark.record', entity_type: 'Mark', actor_id: w.teacher.user.id, school_id: w.school.id });
    expect(new Date(audit[0].at).toISOString()).toBe('2026-11-20T09:34:56.000Z');
    const events = await diaryEventsOf(server, { markId: id });
    expect(events).toEqual([expect.objectContaining({ type: 'MARK_ADDED', student_id: w.student.student.id, lesson_id: lesson.id, attendance_id: null })]);
    expect(new Date(events[0].occurred_at).toISOString()).toBe('2026-11-20T09:34:56.000Z');
  });

  it('recordAttendance: one row, one audit entry and one ABSENCE_RECORDED event; a change of kind adds no row; a repeat writes nothing', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-20' });
    const first = await withDelta(server, () => j.recordAttendance(w.teacher, { lesson, student: w.classmate.student, kind: 'ABSENT' }));
    const attendance = ok(first.result, 'recordAttendance');
    expect(attendance).toMatchObject({ kind: 'ABSENT', reason: 'UNKNOWN', document: null });
    expect(first.delta).toEqual(onlyChanged({ attendance: 1, audit_entry: 1, diary_event: 1 }));
    const id = uuidOf(attendance.id);

    // Came in late after all: the same row changes kind, with its own audit entry and event.
    const change = await withDelta(server, () => j.recordAttendance(w.teacher, { lesson, student: w.classmate.student, kind: 'LATE' }));
    expect(ok(change.result, 'recordAttendance')).toMatchObject({ id: attendance.id, kind: 'LATE' });
    expect(change.delta).toEqual(onlyChanged({ audit_entry: 1, diary_event: 1 }));

    // The same again: nothing to record.
    const before = await fingerprint(server);
    expect(ok(await j.recordAttendance(w.teacher, { lesson, student: w.classmate.student, kind: 'LATE' }), 'recordAttendance'))
      .toMatchObject({ id: attendance.id, kind: 'LATE' });
    expect(await fingerprint(server)).toEqual(before);

    const audit = await auditEntriesOf(server, id);
    expect(audit.map((a) => [a.action, a.before, a.after?.kind])).toEqual([
      ['attendance.record', null, 'ABSENT'], ['attendance.change', { kind: 'ABSENT' }, 'LATE'],
    ]);
    expect((await diaryEventsOf(server, { attendanceId: id })).map((e) => [e.type, e.student_id, e.lesson_id])).toEqual([
      ['ABSENCE_RECORDED', w.classmate.student.id, lesson.id], ['ABSENCE_RECORDED', w.classmate.student.id, lesson.id],
    ]);
  });

  it('setLessonRecord: one record, one audit entry, and one LESSON_RECORD_SET event per student in the class on that day', async () => {
    const classGroup = await buildClass(em, w.school, { grade: 6 });
    await buildAssignment(em, w.teacher.employee, classGroup, w.math);
    const present = [await buildStudent(em, classGroup), await buildStudent(em, classGroup), await buildStudent(em, classGroup, { startsOn: '2026-11-20' })];
    await buildStudent(em, classGroup, { endsOn: '2026-11-19' }); // left the day before
    await buildStudent(em, classGroup, { startsOn: '2026-11-21' }); // joins the day after
    const lesson = await lessonOf(em, w, { date: '2026-11-20', classGroup, number: 2 });
    const expected = present.map((s) => s.student.id).sort();

    const first = await withDelta(server, () => j.setLessonRecord(w.teacher, { lesson, topic: 'Проценты', homework: '№ 101–103' }));
    expect(ok(first.result, 'setLessonRecord')).toMatchObject({ id: toGlobalId('Lesson', lesson.id), topic: 'Проценты', homework: '№ 101–103' });
    expect(first.delta).toEqual(onlyChanged({ lesson_record: 1, audit_entry: 1, diary_event: 3 }));
    const events = await diaryEventsOf(server, { lessonId: lesson.id });
    expect(events.every((e) => e.type === 'LESSON_RECORD_SET' && e.mark_id === null && e.attendance_id === null)).toBe(true);
    expect(events.map((e) => e.student_id).sort()).toEqual(expected);

    // Changing the homework only: the same record, the topic kept; the audit entry shows before and after.
    const second = await withDelta(server, () => j.setLessonRecord(w.teacher, { lesson, homework: '№ 104' }));
    expect(ok(second.result, 'setLessonRecord')).toMatchObject({ topic: 'Проценты', homework: '№ 104' });
    expect(second.delta).toEqual(onlyChanged({ audit_entry: 1, diary_event: 3 }));
    const audit = await auditEntriesOf(server, lesson.id);
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ['lesson.record', null, { topic: 'Проценты', homework: '№ 101–103' }],
      ['lesson.record', { topic: 'Проценты', homework: '№ 101–103' }, { topic: 'Проценты', homework: '№ 104' }],
    ]);
    const [record] = await query(server, 'select topic, homework, updated_by_id from lesson_record where lesson_id = ?', [lesson.id]);
    expect(record).toEqual({ topic: 'Проценты', homework: '№ 104', updated_by_id: w.teacher.user.id });

    // Saving the same text again changes nothing and notifies nobody.
    const same = await withDelta(server, () => j.setLessonRecord(w.teacher, { lesson, topic: ' Проценты ', homework: '№ 104' }));
    expect(ok(same.result, 'setLessonRecord')).toMatchObject({ topic: 'Проценты', homework: '№ 104' });
    expect(same.delta).toEqual(onlyChanged({}));

    // An empty string clears a field.
    expect(ok(await j.setLessonRecord(w.teacher, { lesson, homework: '' }), 'setLessonRecord')).toMatchObject({ topic: 'Проценты', homework: null });
  });

  it('a double submit of the same absence, or of the first topic, writes one row, one audit entry and one set of events', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-20', number: 5 });
    server.clock.set('2026-11-20T13:30:00+03:00');
    const absences = await withDelta(server, () => Promise.all([1, 2, 3].map(() =>
      j.recordAttendance(w.teacher, { lesson, student: w.student.student, kind: 'ABSENT' }))));
    const ids = absences.result.map((r) => ok(r, 'recordAttendance').id);
    expect(new Set(ids).size).toBe(1);
    expect(absences.delta).toEqual(onlyChanged({ attendance: 1, audit_entry: 1, diary_event: 1 }));

    const records = await withDelta(server, () => Promise.all([1, 2].map(() =>
      j.setLessonRecord(w.teacher, { lesson, topic: 'Уравнения', homework: '№ 7' }))));
    for (const r of records.result) expect(ok(r, 'setLessonRecord')).toMatchObject({ topic: 'Уравнения', homework: '№ 7' });
    // One record; each save is audited and announced (the second one changed nothing, but was a save).
    expect(records.delta.lesson_record).toBe(1);
    const [{ n }] = await query(server, 'select count(*)::int as n from lesson_record where lesson_id = ?', [lesson.id]);
    expect(n).toBe(1);
  });

  it('setLessonRecord on a subgroup lesson notifies the subgroup\'s members only', async () => {
    const subgroup = await buildSubgroup(em, w.class5a, w.math, [w.classmate.student]);
    const lesson = await lessonOf(em, w, { date: '2026-11-20', number: 6, subgroup });
    server.clock.set('2026-11-20T15:00:00+03:00');
    const { delta } = await withDelta(server, () => j.setLessonRecord(w.teacher, { lesson, topic: 'Задачи повышенной сложности' }));
    expect(delta).toEqual(onlyChanged({ lesson_record: 1, audit_entry: 1, diary_event: 1 }));
    expect((await diaryEventsOf(server, { lessonId: lesson.id })).map((e) => [e.type, e.student_id]))
      .toEqual([['LESSON_RECORD_SET', w.classmate.student.id]]);
  });

  it('setLessonRecord with neither a topic nor a homework is refused', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-20' });
    await expectRefused(server, 'BAD_USER_INPUT', () => j.setLessonRecord(w.teacher, { lesson }));
    await expectRefused(server, 'BAD_USER_INPUT', () => j.setLessonRecord(w.teacher, { lesson, topic: 'я'.repeat(501) }), 'topic');
  });
});

describe('who writes a lesson\'s journal', () => {
  it('the teacher standing in writes marks, attendance, the topic and corrections for that lesson', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-20', number: 2, substituteTeacher: w.substitute.employee });
    const mark = ok(await j.recordMark(w.substitute, { lesson, student: w.student.student, value: '4' }), 'recordMark');
    ok(await j.recordAttendance(w.substitute, { lesson, student: w.classmate.student }), 'recordAttendance');
    ok(await j.setLessonRecord(w.substitute, { lesson, topic: 'Замена: повторение', homework: 'Повторить § 3' }), 'setLessonRecord');
    expect(ok(await j.correctMark(w.substitute, { mark: mark.id, value: '5', reason: 'Ошибся строкой' }), 'correctMark').revision).toBe(2);
    const actors = await query(server,
      `select distinct actor_id from audit_entry where entity_id in (?, ?) or (entity_type = 'Attendance' and after->>'lessonId' = ?)`,
      [uuidOf(mark.id), lesson.id, lesson.id]);
    expect(actors).toEqual([{ actor_id: w.substitute.user.id }]);
  });

  it('the teacher standing in does not write the class\'s other lessons', async () => {
    await lessonOf(em, w, { date: '2026-11-20', number: 3, substituteTeacher: w.substitute.employee });
    const regular = await lessonOf(em, w, { date: '2026-11-20', number: 4 });
    await expectRefused(server, 'NOT_FOUND', () => j.recordMark(w.substitute, { lesson: regular, student: w.student.student, value: '5' }));
    await expectRefused(server, 'NOT_FOUND', () => j.recordAttendance(w.substitute, { lesson: regular, student: w.student.student }));
    await expectRefused(server, 'NOT_FOUND', () => j.setLessonRecord(w.substitute, { lesson: regular, topic: 'чужой урок' }));
  });

  it('the class teacher reads but does not write another teacher\'s lesson (FORBIDDEN); strangers get NOT_FOUND', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-20', number: 2 });
    for (const [who, code] of [[w.classTeacher, 'FORBIDDEN'], [w.primaryTeacher, 'NOT_FOUND'], [w.otherTeacher, 'NOT_FOUND']] as const) {
      await expectRefused(server, code, () => j.recordMark(who, { lesson, student: w.student.student, value: '5' }));
      await expectRefused(server, code, () => j.recordAttendance(who, { lesson, student: w.student.student }));
      await expectRefused(server, code, () => j.setLessonRecord(who, { lesson, topic: 'не мой урок' }));
    }
  });

  it('families and non-teaching staff are refused by role', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-20', number: 2 });
    for (const who of [w.parent, w.student, w.director, w.admin, w.deputy, w.secretary, w.hr]) {
      const as = who as { user: { id: string } };
      await expectRefused(server, 'FORBIDDEN', () => j.recordMark(as, { lesson, student: w.student.student, value: '5' }));
      await expectRefused(server, 'FORBIDDEN', () => j.recordAttendance(as, { lesson, student: w.student.student }));
      await expectRefused(server, 'FORBIDDEN', () => j.setLessonRecord(as, { lesson, topic: 'Взлом' }));
    }
  });

  it('anonymous writes are refused (UNAUTHENTICATED) and leave nothing', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-20', number: 2 });
    await expectRefused(server, 'UNAUTHENTICATED', () => server.gql(
      'mutation($i: RecordMarkInput!) { recordMark(input: $i) { id } }',
      { i: { lessonId: toGlobalId('Lesson', lesson.id), studentId: toGlobalId('Student', w.student.student.id), value: '5', workTypeCode: 'ORAL' } }));
  });
});

describe('the lesson becomes HELD', () => {
  it('after the first mark on a SCHEDULED lesson that has started', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-20', number: 3, state: LessonState.SCHEDULED }); // 10:30
    // A refused mark does not move it.
    await expectRefused(server, 'BAD_USER_INPUT', () => j.recordMark(w.teacher, { lesson, student: w.student.student, value: '9' }), 'value');
    expect(await lessonState(server, lesson.id)).toBe('SCHEDULED');
    const mark = ok(await j.recordMark(w.teacher, { lesson, student: w.student.student, value: '4' }), 'recordMark');
    expect(mark.lesson.state).toBe('HELD');
    expect(await lessonState(server, lesson.id)).toBe('HELD');
  });

  it('after the first absence on a SCHEDULED lesson that has started', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-19', number: 6, state: LessonState.SCHEDULED });
    const absence = ok(await j.recordAttendance(w.teacher, { lesson, student: w.student.student }), 'recordAttendance');
    expect(absence.lesson.state).toBe('HELD');
    expect(await lessonState(server, lesson.id)).toBe('HELD');
  });
});
