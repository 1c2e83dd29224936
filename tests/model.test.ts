import {
  CheckConstraintViolationException, LockMode, OptimisticLockError, UniqueConstraintViolationException,
} from '@mikro-orm/core';
import {
  ClassGroup, Enrollment, Lesson, LessonState, MovementOrder, MovementOrderType, PeriodMark, PeriodMarkKind,
  PersonalDataConsent, Room, StudyPeriod, TimetableEntry, User,
} from '../entities';
import { PASSWORD, buildClass, buildSchool, buildStudent, currentYear, enroll, transfer } from './support/factories';
import { Journal, lessonOf, ok, query, useJournalWorld, type JournalWorld } from './journal-rules/support';

// The persistence model of issue 4: the conventions the API builds on (optimistic locking,
// enrollments opened and closed by movement orders) and the constraints the database keeps.

let server: JournalWorld['server'];
let w: JournalWorld['w'];
let j: Journal;
useJournalWorld((world) => { ({ server, w, j } = world); });

describe('optimistic locking (`version`)', () => {
  it('starts at 1, goes up with each changing flush, and refuses a stale copy', async () => {
    const first = server.em();
    const room = first.create(Room, { school: w.school.id, name: 'каб. 21', capacity: 30 });
    await first.flush();
    expect(room.version).toBe(1);

    const staleEm = server.em();
    const stale = await staleEm.findOneOrFail(Room, room.id);
    room.capacity = 28;
    await first.flush();
    expect(room.version).toBe(2);

    // A second editor saving over what they loaded before: refused, nothing is overwritten.
    stale.capacity = 35;
    await expect(staleEm.flush()).rejects.toBeInstanceOf(OptimisticLockError);
    expect((await server.em().findOneOrFail(Room, room.id)).capacity).toBe(28);

    // A login is no edit of the account: it leaves the version alone.
    const login = await server.gql(`mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken } }`,
      { l: (await server.em().findOneOrFail(User, w.teacher.user.id)).login, p: PASSWORD });
    expect(login.errors).toBeUndefined();
    expect((await server.em().findOneOrFail(User, w.teacher.user.id)).version).toBe(1);

    // The check a resolver makes with the version the client sent back.
    const em = server.em();
    const fresh = await em.findOneOrFail(Room, room.id);
    await expect(em.lock(fresh, LockMode.OPTIMISTIC, 1)).rejects.toBeInstanceOf(OptimisticLockError);
    await expect(em.lock(fresh, LockMode.OPTIMISTIC, 2)).resolves.toBeUndefined();
  });

  it('first journal writes on a scheduled lesson at once all succeed; the lesson is held once', async () => {
    const lesson = await lessonOf(server.em(), w, { date: '2026-11-20', number: 6, state: LessonState.SCHEDULED });
    server.clock.set('2026-11-20T14:30:00+03:00');
    const results = await Promise.all([
      j.recordMark(w.teacher, { lesson, student: w.student.student, value: '5' }),
      j.recordMark(w.teacher, { lesson, student: w.classmate.student, value: '4' }),
      j.recordAttendance(w.teacher, { lesson, student: w.classmate.student, kind: 'LATE' }),
    ]);
    ok(results[0], 'recordMark');
    ok(results[1], 'recordMark');
    ok(results[2], 'recordAttendance');
    const stored = await server.em().findOneOrFail(Lesson, lesson.id);
    expect({ state: stored.state, version: stored.version }).toEqual({ state: LessonState.HELD, version: 2 });
  });
});

describe('the movement book', () => {
  it('opens every factory enrollment with an ENROLL order, and a transfer closes and opens with one order', async () => {
    const em = server.em();
    const from = await buildClass(em, w.school, { grade: 6, letter: 'А' });
    const to = await buildClass(em, w.school, { grade: 6, letter: 'Б' });
    const { student } = await buildStudent(em, from);
    const opened = await em.findOneOrFail(Enrollment, { student }, { populate: ['openedBy'] });
    expect(opened.openedBy).toMatchObject({ type: MovementOrderType.ENROLL, effectiveOn: '2026-09-01', student: { id: student.id } });
    expect(opened.openedBy.toClass?.id).toBe(from.id);

    const { order } = await transfer(em, student, from, to, { effectiveOn: '2026-11-23' });
    const rows = await query(server,
      `select class_group_id, starts_on::text, ends_on::text, opened_by_id, closed_by_id from enrollment where student_id = ? order by starts_on`, [student.id]);
    expect(rows).toEqual([
      { class_group_id: from.id, starts_on: '2026-09-01', ends_on: '2026-11-22', opened_by_id: opened.openedBy.id, closed_by_id: order.id },
      { class_group_id: to.id, starts_on: '2026-11-23', ends_on: null, opened_by_id: order.id, closed_by_id: null },
    ]);
  });

  it('keeps an order number unique within a school and year, and refuses an ENROLL without a class', async () => {
    const em = server.em();
    const { student } = await buildStudent(em, w.class5b);
    const year = await currentYear(em, w.school);
    const row = {
      school: w.school, year, number: '7-у', orderDate: '2026-11-20', effectiveOn: '2026-11-20',
      type: MovementOrderType.DEBT_CLEARED, student, createdAt: new Date(),
    };
    em.create(MovementOrder, row);
    await em.flush();

    const again = server.em();
    again.create(MovementOrder, { ...row, school: w.school.id, year: year.id, student: student.id });
    await expect(again.flush()).rejects.toBeInstanceOf(UniqueConstraintViolationException);

    // The same number in another school's book is another order.
    const otherSchool = await buildSchool(server.em());
    const other = server.em();
    const otherClass = await buildClass(other, otherSchool);
    const { student: theirs } = await buildStudent(other, otherClass);
    other.create(MovementOrder, { ...row, school: otherSchool, year: otherClass.year, student: theirs });
    await expect(other.flush()).resolves.toBeUndefined();

    const noClass = server.em();
    noClass.create(MovementOrder, { ...row, number: '8-у', type: MovementOrderType.ENROLL, school: w.school.id, year: year.id, student: student.id });
    await expect(noClass.flush()).rejects.toBeInstanceOf(CheckConstraintViolationException);
  });

  it('enroll() gives each enrollment an order of its own', async () => {
    const em = server.em();
    const { student } = await buildStudent(em, w.class5a);
    const classGroup = await em.findOneOrFail(ClassGroup, w.class5b.id);
    const { order, enrollment } = await enroll(em, student, classGroup, { startsOn: '2027-01-12' });
    expect(enrollment.openedBy.id).toBe(order.id);
    const dup = server.em();
    dup.create(Enrollment, { student: student.id, classGroup: classGroup.id, startsOn: '2027-01-13', openedBy: order.id });
    await expect(dup.flush()).rejects.toBeInstanceOf(UniqueConstraintViolationException);
  });
});

describe('database constraints', () => {
  it('a consent is for exactly one card', async () => {
    const base = {
      school: w.school.id, givenByName: 'Иванова Елена Викторовна', givenOn: '2026-08-28', recordedBy: w.secretary.user.id, createdAt: new Date(),
    };
    const none = server.em();
    none.create(PersonalDataConsent, base);
    await expect(none.flush()).rejects.toBeInstanceOf(CheckConstraintViolationException);
    const two = server.em();
    two.create(PersonalDataConsent, { ...base, student: w.student.student.id, guardian: w.parent.guardian.id });
    await expect(two.flush()).rejects.toBeInstanceOf(CheckConstraintViolationException);
    const one = server.em();
    one.create(PersonalDataConsent, { ...base, student: w.student.student.id, givenByRelation: 'мать' });
    await expect(one.flush()).resolves.toBeUndefined();
  });

  it('a YEAR mark is one per student, subject and year; a PERIOD mark names its period', async () => {
    const em = server.em();
    const year = await currentYear(em, w.school);
    const mark = {
      school: w.school.id, student: w.classmate.student.id, subject: w.math.id, year: year.id, kind: PeriodMarkKind.YEAR,
      value: 'н/а', revision: 1, createdBy: w.teacher.user.id, createdAt: new Date(),
    };
    em.create(PeriodMark, mark);
    await em.flush();
    const twice = server.em();
    twice.create(PeriodMark, { ...mark, value: '4' });
    await expect(twice.flush()).rejects.toBeInstanceOf(UniqueConstraintViolationException);

    const noPeriod = server.em();
    noPeriod.create(PeriodMark, { ...mark, kind: PeriodMarkKind.PERIOD });
    await expect(noPeriod.flush()).rejects.toBeInstanceOf(CheckConstraintViolationException);
    const q2 = await server.em().findOneOrFail(StudyPeriod, { year: year.id, ordinal: 2 });
    const yearWithPeriod = server.em();
    yearWithPeriod.create(PeriodMark, { ...mark, kind: PeriodMarkKind.EXAM, studyPeriod: q2.id });
    await expect(yearWithPeriod.flush()).rejects.toBeInstanceOf(CheckConstraintViolationException);
  });

  it('a timetable slot has a weekday 1–7', async () => {
    const em = server.em();
    const year = await currentYear(em, w.school);
    em.create(TimetableEntry, {
      year, classGroup: w.class5a.id, subject: w.math.id, teacher: w.teacher.employee.id, weekday: 8, bellNumber: 1, validFrom: '2026-09-01',
    });
    await expect(em.flush()).rejects.toBeInstanceOf(CheckConstraintViolationException);
  });
});
