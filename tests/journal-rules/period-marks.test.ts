import type { EntityManager } from '@mikro-orm/postgresql';
import { GradingScale, Role, StudyPeriod } from '../../entities';
import { toGlobalId } from '../../schema/global-id';
import {
  buildAssignment, buildClass, buildParent, buildStaff, buildStudent, buildSubgroup, buildSubject, type World,
} from '../support/factories';
import { TEST_NOW, TestServer, errorCode } from '../support/server';
import { Journal, useJournalWorld, auditEntriesOf, expectRefused, ok, onlyChanged, query, quarter, uuidOf, withDelta } from './support';

/**
 * Rule 6 (004 §8.7, §8.9): period marks go in by the last day of the period. The subject's
 * teacher sets them; a primary-school class teacher (grades 2–4; first grade has no marks)
 * sets them in every subject of their class; the deputy head corrects them at any time;
 * a change needs a reason; "н/а" means not attested.
 */

let server: TestServer;
let em: EntityManager;
let w: World;
let j: Journal;
let q1: StudyPeriod;
let q2: StudyPeriod;
let q3: StudyPeriod;

useJournalWorld(async (world) => {
  ({ server, em, w, j } = world);
  [q1, q2, q3] = [await quarter(em, w, 1), await quarter(em, w, 2), await quarter(em, w, 3)];
});

/** A new 5А student, so every test has period marks of its own. */
const freshStudent = async () => (await buildStudent(em, w.class5a)).student;

const periodMarksOf = (studentId: string) => query(server,
  `select pm.id, pm.value, pm.revision, pm.kind, pm.study_period_id, pm.subject_id, pm.created_by_id from period_mark pm
    where pm.student_id = ? order by pm.created_at`, [studentId]);
const versionsOf = (periodMarkId: string) => query(server,
  'select revision, value, reason, created_by_id from period_mark_version where period_mark_id = ? order by revision', [periodMarkId]);

describe('the subject teacher, inside the period', () => {
  it('sets a quarter mark: one period mark, its first version and one audit entry', async () => {
    const student = await freshStudent();
    const { result, delta } = await withDelta(server, () =>
      j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: q2, value: '5' }));
    const mark = ok(result, 'setPeriodMark');
    expect(mark).toMatchObject({
      kind: 'PERIOD', value: '5', revision: 1, corrected: false,
      subject: { id: toGlobalId('Subject', w.math.id) }, student: { id: toGlobalId('Student', student.id) },
      studyPeriod: { id: toGlobalId('StudyPeriod', q2.id), ordinal: 2 },
    });
    expect(delta).toEqual(onlyChanged({ period_mark: 1, period_mark_version: 1, audit_entry: 1 }));
    expect(await periodMarksOf(student.id)).toEqual([expect.objectContaining({
      id: uuidOf(mark.id), value: '5', revision: 1, kind: 'PERIOD', study_period_id: q2.id, subject_id: w.math.id, created_by_id: w.teacher.user.id,
    })]);
    expect(await versionsOf(uuidOf(mark.id))).toEqual([{ revision: 1, value: '5', reason: null, created_by_id: w.teacher.user.id }]);
    const audit = await auditEntriesOf(server, uuidOf(mark.id));
    expect(audit).toEqual([expect.objectContaining({ action: 'period_mark.set', actor_id: w.teacher.user.id, before: null })]);
    expect(audit[0].after).toMatchObject({ value: '5', kind: 'PERIOD', subjectId: w.math.id, studentId: student.id });
  });

  it('takes "н/а" (not attested), and on a pass/fail subject "зач"/"незач" but not points', async () => {
    const student = await freshStudent();
    expect(ok(await j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: q2, value: 'н/а' }), 'setPeriodMark').value).toBe('н/а');

    const music = await buildSubject(em, w.school, 'Музыка');
    music.gradingScale = GradingScale.PASS_FAIL;
    await em.flush();
    await buildAssignment(em, w.teacher.employee, w.class5a, music);
    await expectRefused(server, 'BAD_USER_INPUT', () => j.setPeriodMark(w.teacher, { student, subject: music, studyPeriod: q2, value: '5' }), 'value');
    expect(ok(await j.setPeriodMark(w.teacher, { student, subject: music, studyPeriod: q2, value: 'зач' }), 'setPeriodMark').value).toBe('зач');
    const other = await freshStudent();
    expect(ok(await j.setPeriodMark(w.teacher, { student: other, subject: music, studyPeriod: q2, value: 'незач' }), 'setPeriodMark').value).toBe('незач');
  });

  it.each(['6', '0', 'A', 'зач', 'na', ''])('refuses "%s" on a five-point subject', async (value) => {
    const student = await freshStudent();
    await expectRefused(server, 'BAD_USER_INPUT', () => j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: q2, value }), 'value');
  });

  it('refuses a PERIOD mark without its study period, and a study period of another school', async () => {
    const student = await freshStudent();
    await expectRefused(server, 'BAD_USER_INPUT', () => j.setPeriodMark(w.teacher, { student, subject: w.math, value: '5' }), 'studyPeriodId');
    const foreign = await em.findOneOrFail(StudyPeriod, { year: { school: w.otherSchool }, ordinal: 2 });
    await expectRefused(server, 'NOT_FOUND', () => j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: foreign, value: '5' }));
  });
});

describe('the period\'s last day', () => {
  it('takes the mark on the last day of the period and refuses it from the next day (ENTRY_WINDOW_CLOSED)', async () => {
    const student = await freshStudent();
    const late = await freshStudent();
    server.clock.set('2026-12-28T23:30:00+03:00'); // the last day of quarter 2
    ok(await j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: q2, value: '4' }), 'setPeriodMark');
    server.clock.set('2026-12-29T00:00:00+03:00');
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.setPeriodMark(w.teacher, { student: late, subject: w.math, studyPeriod: q2, value: '4' }));
    // In UTC it is still 12-28 21:30 at that moment: the day is the school's.
    server.clock.set('2026-12-28T21:30:00Z');
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.setPeriodMark(w.teacher, { student: late, subject: w.math, studyPeriod: q2, value: '4' }));
  });

  it('refuses the teacher a mark for a quarter that is over, or that has not begun', async () => {
    const student = await freshStudent();
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: q1, value: '5' }));
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: q3, value: '5' }));
  });
});

describe('changing a period mark', () => {
  it('needs a reason, keeps the old version, and shows families the new value as corrected', async () => {
    const student = await freshStudent();
    const parent = await buildParent(em, w.school, [student]);
    const first = ok(await j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: q2, value: '3' }), 'setPeriodMark');
    const id = uuidOf(first.id);

    await expectRefused(server, 'BAD_USER_INPUT', () => j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: q2, value: '4' }), 'reason');
    await expectRefused(server, 'BAD_USER_INPUT',
      () => j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: q2, value: '4', reason: '   ' }), 'reason');
    await expectRefused(server, 'BAD_USER_INPUT',
      () => j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: q2, value: '3', reason: 'то же самое' }), 'value');

    const { result, delta } = await withDelta(server, () =>
      j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: q2, value: '4', reason: 'Пересдал контрольную' }));
    expect(ok(result, 'setPeriodMark')).toMatchObject({ id: first.id, value: '4', revision: 2, corrected: true });
    expect(delta).toEqual(onlyChanged({ period_mark_version: 1, audit_entry: 1 }));
    expect(await versionsOf(id)).toEqual([
      { revision: 1, value: '3', reason: null, created_by_id: w.teacher.user.id },
      { revision: 2, value: '4', reason: 'Пересдал контрольную', created_by_id: w.teacher.user.id },
    ]);
    const audit = await auditEntriesOf(server, id);
    expect(audit.map((a) => a.action)).toEqual(['period_mark.set', 'period_mark.correct']);
    expect(audit[1].before).toMatchObject({ value: '3', revision: 1 });
    expect(audit[1].after).toMatchObject({ value: '4', reason: 'Пересдал контрольную' });

    const r = await j.as(parent, `query($s: ID!) { student(id: $s) { periodMarks { kind value corrected studyPeriod { ordinal } } } }`,
      { s: toGlobalId('Student', student.id) });
    expect(r.errors).toBeUndefined();
    expect(r.data!.student.periodMarks).toEqual([{ kind: 'PERIOD', value: '4', corrected: true, studyPeriod: { ordinal: 2 } }]);
  });

  it('after the period: closed for the teacher, open to the deputy head with a reason', async () => {
    const student = await freshStudent();
    server.clock.set('2026-10-23T15:00:00+03:00'); // the last day of quarter 1
    const first = ok(await j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: q1, value: '2' }), 'setPeriodMark');
    server.clock.set(TEST_NOW);

    await expectRefused(server, 'ENTRY_WINDOW_CLOSED',
      () => j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: q1, value: '3', reason: 'Исправил двойку' }));
    await expectRefused(server, 'BAD_USER_INPUT', () => j.setPeriodMark(w.deputy, { student, subject: w.math, studyPeriod: q1, value: '3' }), 'reason');
    const corrected = ok(await j.setPeriodMark(w.deputy, {
      student, subject: w.math, studyPeriod: q1, value: '3', reason: 'Ликвидация задолженности, приказ №15',
    }), 'setPeriodMark');
    expect(corrected).toMatchObject({ id: first.id, value: '3', revision: 2, corrected: true });
    expect(await versionsOf(uuidOf(first.id))).toEqual([
      { revision: 1, value: '2', reason: null, created_by_id: w.teacher.user.id },
      { revision: 2, value: '3', reason: 'Ликвидация задолженности, приказ №15', created_by_id: w.deputy.user.id },
    ]);
  });

  it('the deputy head does not set new period marks inside the period (the teacher does), nor before it', async () => {
    const student = await freshStudent();
    await expectRefused(server, 'FORBIDDEN', () => j.setPeriodMark(w.deputy, { student, subject: w.math, studyPeriod: q2, value: '5' }));
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.setPeriodMark(w.deputy, { student, subject: w.math, studyPeriod: q3, value: '5', reason: 'Заранее' }));
  });

  it('after the deadline the deputy head enters a missing period mark, with a reason (issue 18 part 4); the teacher still cannot', async () => {
    const student = await freshStudent();
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: q1, value: '4', reason: 'Забыл' }));
    await expectRefused(server, 'BAD_USER_INPUT', () => j.setPeriodMark(w.deputy, { student, subject: w.math, studyPeriod: q1, value: '4' }), 'reason');
    await expectRefused(server, 'BAD_USER_INPUT', () => j.setPeriodMark(w.deputy, { student, subject: w.math, studyPeriod: q1, value: '4', reason: '  ' }), 'reason');
    const { result, delta } = await withDelta(server, () => j.setPeriodMark(w.deputy, {
      student, subject: w.math, studyPeriod: q1, value: '4', reason: 'Учитель на больничном, ведомость от 24.10',
    }));
    const mark = ok(result, 'setPeriodMark');
    expect(mark).toMatchObject({ kind: 'PERIOD', value: '4', revision: 1, corrected: false, studyPeriod: { ordinal: 1 } });
    expect(delta).toEqual(onlyChanged({ period_mark: 1, period_mark_version: 1, audit_entry: 1 }));
    expect(await versionsOf(uuidOf(mark.id))).toEqual([
      { revision: 1, value: '4', reason: 'Учитель на больничном, ведомость от 24.10', created_by_id: w.deputy.user.id },
    ]);
    const [entry] = await auditEntriesOf(server, uuidOf(mark.id));
    expect(entry).toMatchObject({ action: 'period_mark.set_late', actor_id: w.deputy.user.id });
    expect(entry.after).toMatchObject({ value: '4', reason: 'Учитель на больничном, ведомость от 24.10', deadline: q1.endsOn });
    // Now it exists: a second entry is a correction (and the teacher still cannot).
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: q1, value: '5', reason: 'Забыл' }));
    // The deputy head of another school does not reach the student.
    const otherDeputy = await buildStaff(em, w.otherSchool, [Role.DEPUTY_ACADEMIC]);
    const other = await freshStudent();
    await expectRefused(server, 'NOT_FOUND', () => j.setPeriodMark(otherDeputy, { student: other, subject: w.math, studyPeriod: q1, value: '4', reason: 'Чужая школа' }));
    await expectRefused(server, 'FORBIDDEN', () => j.setPeriodMark(w.parent, { student: other, subject: w.math, studyPeriod: q1, value: '4', reason: 'Хочу' }));
  });
});

describe('who sets period marks', () => {
  it('refuses a teacher who does not teach the subject (FORBIDDEN), and one who does not know the student (NOT_FOUND)', async () => {
    const student = await freshStudent();
    // The math teacher knows the student but does not teach them Russian.
    await expectRefused(server, 'FORBIDDEN', () => j.setPeriodMark(w.teacher, { student, subject: w.russian, studyPeriod: q2, value: '5' }));
    // The class teacher of a 5th grade sets only their own subject: Russian yes, math no.
    await expectRefused(server, 'FORBIDDEN', () => j.setPeriodMark(w.classTeacher, { student, subject: w.math, studyPeriod: q2, value: '5' }));
    ok(await j.setPeriodMark(w.classTeacher, { student, subject: w.russian, studyPeriod: q2, value: '5' }), 'setPeriodMark');
    // No tie to the student at all; a teacher of another school.
    await expectRefused(server, 'NOT_FOUND', () => j.setPeriodMark(w.primaryTeacher, { student, subject: w.math, studyPeriod: q2, value: '5' }));
    await expectRefused(server, 'NOT_FOUND', () => j.setPeriodMark(w.otherTeacher, { student, subject: w.math, studyPeriod: q2, value: '5' }));
  });

  it('a subgroup\'s teacher sets the subject\'s marks for that subgroup\'s members only', async () => {
    const english = await buildSubject(em, w.school, 'Английский язык');
    const mine = await freshStudent();
    const theirs = await freshStudent();
    const g1 = await buildSubgroup(em, w.class5a, english, [mine]);
    const g2 = await buildSubgroup(em, w.class5a, english, [theirs]);
    const colleague = await buildStaff(em, w.school, [Role.TEACHER]);
    // The math teacher also teaches English to group 1; a colleague teaches group 2.
    await buildAssignment(em, w.teacher.employee, w.class5a, english, g1);
    await buildAssignment(em, colleague.employee, w.class5a, english, g2);
    ok(await j.setPeriodMark(w.teacher, { student: mine, subject: english, studyPeriod: q2, value: '4' }), 'setPeriodMark');
    // The teacher knows the group-2 student (from math) but does not teach them English.
    await expectRefused(server, 'FORBIDDEN', () => j.setPeriodMark(w.teacher, { student: theirs, subject: english, studyPeriod: q2, value: '2' }));
    ok(await j.setPeriodMark(colleague, { student: theirs, subject: english, studyPeriod: q2, value: '5' }), 'setPeriodMark');
  });

  it('a double submit of a new period mark stores it once and answers the second plainly', async () => {
    const student = await freshStudent();
    const { result, delta } = await withDelta(server, () => Promise.all([1, 2].map(() =>
      j.setPeriodMark(w.teacher, { student, subject: w.math, studyPeriod: q2, value: '5' }))));
    expect(delta).toEqual(onlyChanged({ period_mark: 1, period_mark_version: 1, audit_entry: 1 }));
    const outcomes = result.map((r) => errorCode(r) ?? 'OK').sort();
    // The second finds the first: it would be a change, and a change needs a reason.
    expect(outcomes).toEqual(['BAD_USER_INPUT', 'OK']);
  });

  it('refuses families, the director and the secretary by role', async () => {
    for (const who of [w.parent, w.student, w.director, w.secretary, w.admin]) {
      await expectRefused(server, 'FORBIDDEN',
        () => j.setPeriodMark(who as { user: { id: string } }, { student: w.student.student, subject: w.math, studyPeriod: q2, value: '5' }));
    }
  });

  it.each([2, 3, 4])('lets the class teacher of a grade-%i class set marks in every subject of the class', async (grade) => {
    const lead = await buildStaff(em, w.school, [Role.TEACHER]);
    const classGroup = await buildClass(em, w.school, { grade, classTeacher: lead.employee });
    // Math there is taught by someone else; the class teacher teaches nothing by assignment.
    await buildAssignment(em, w.teacher.employee, classGroup, w.math);
    const { student } = await buildStudent(em, classGroup);
    const reading = await buildSubject(em, w.school, `Литературное чтение ${grade}`);
    for (const subject of [w.math, w.russian, reading]) {
      ok(await j.setPeriodMark(lead, { student, subject, studyPeriod: q2, value: '5' }), 'setPeriodMark');
    }
    expect((await periodMarksOf(student.id)).map((m) => m.created_by_id)).toEqual([lead.user.id, lead.user.id, lead.user.id]);
    // That right stops at their own class.
    const other = await freshStudent();
    await expectRefused(server, 'NOT_FOUND', () => j.setPeriodMark(lead, { student: other, subject: w.math, studyPeriod: q2, value: '5' }));
    // And at the period's end.
    server.clock.set('2026-12-29T10:00:00+03:00');
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED',
      () => j.setPeriodMark(lead, { student, subject: w.math, studyPeriod: q2, value: '4', reason: 'поздно' }));
  });

  it('gives first grade no period marks (NO_MARKS_IN_FIRST_GRADE), even from its class teacher', async () => {
    for (const subject of [w.math, w.russian]) {
      await expectRefused(server, 'NO_MARKS_IN_FIRST_GRADE',
        () => j.setPeriodMark(w.primaryTeacher, { student: w.firstGrader.student, subject, studyPeriod: q2, value: '5' }));
    }
    await expectRefused(server, 'NO_MARKS_IN_FIRST_GRADE',
      () => j.setPeriodMark(w.primaryTeacher, { student: w.firstGrader.student, subject: w.math, studyPeriod: q2, value: 'н/а' }));
  });
});
