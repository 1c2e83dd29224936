import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../entities';
import { toGlobalId } from '../../schema/global-id';
import { buildAssignment, buildMark, buildStaff, type World } from '../support/factories';
import { TestServer, errorCode } from '../support/server';
import {
  Journal, useJournalWorld, auditEntriesOf, diaryEventsOf, expectRefused, failure, lessonOf, markVersionsOf, ok, onlyChanged, query, uuidOf, withDelta,
} from './support';

/**
 * Rule 2 (001 "запрещается исправление отметок и выставление «задним числом»"): a mark is
 * never overwritten; a correction is a new version with a required reason; the teacher
 * corrects their own lesson's mark inside the entry window, the deputy (DEPUTY_ACADEMIC)
 * at any time; every version stays; the diary shows the current value and that it was corrected.
 */

let server: TestServer;
let em: EntityManager;
let w: World;
let j: Journal;
/** Teaches Russian to 5А, but is not its class teacher: reads the student, not the math marks. */
let russianTeacher: Awaited<ReturnType<typeof buildStaff>>;

useJournalWorld(async (world) => {
  ({ server, em, w, j } = world);
  russianTeacher = await buildStaff(em, w.school, [Role.TEACHER]);
  await buildAssignment(em, russianTeacher.employee, w.class5a, w.russian);
});

/** A fresh lesson of 5А math on `date` with a mark '4' for `student`, recorded through the API by the teacher. */
async function recordedMark(date = '2026-11-20', value = '4') {
  const lesson = await lessonOf(em, w, { date, number: 1 });
  const mark = ok(await j.recordMark(w.teacher, { lesson, student: w.student.student, value, comment: 'у доски' }), 'recordMark');
  return { lesson, markId: uuidOf(mark.id), globalId: mark.id as string };
}

const rowText = async (table: string, id: string) =>
  (await query(server, `select x::text as t from "${table}" x where id = ?`, [id]))[0]?.t as string;

describe('a correction is a new version', () => {
  it('keeps version 1 as entered and adds version 2 with the reason', async () => {
    const { markId, globalId } = await recordedMark('2026-11-20', '4');
    const [v1] = await query(server, 'select id from mark_version where mark_id = ? and revision = 1', [markId]);
    const v1Before = await rowText('mark_version', v1.id);
    const [markBefore] = await query(server, 'select created_at, created_by_id, comment from mark where id = ?', [markId]);

    server.clock.set('2026-11-20T14:05:00+03:00');
    const { result, delta } = await withDelta(server, () =>
      j.correctMark(w.teacher, { mark: globalId, value: '3', reason: 'Ошибка при вводе', expectedRevision: 1 }));
    const corrected = ok(result, 'correctMark');
    expect(corrected).toMatchObject({ id: globalId, value: '3', revision: 2, corrected: true, comment: 'у доски' });
    // Same mark (no second mark row), one more version, one audit entry, one diary event.
    expect(delta).toEqual(onlyChanged({ mark_version: 1, audit_entry: 1, diary_event: 1 }));

    const [markAfter] = await query(server, 'select value, revision, created_at, created_by_id, comment, corrected_at from mark where id = ?', [markId]);
    expect(markAfter).toMatchObject({ value: '3', revision: 2, created_by_id: markBefore.created_by_id, comment: 'у доски' });
    expect(markAfter.created_at).toEqual(markBefore.created_at);
    expect(new Date(markAfter.corrected_at).toISOString()).toBe('2026-11-20T11:05:00.000Z');

    const versions = await markVersionsOf(server, markId);
    expect(versions).toEqual([
      expect.objectContaining({ revision: 1, value: '4', reason: null, created_by_id: w.teacher.user.id }),
      expect.objectContaining({ revision: 2, value: '3', reason: 'Ошибка при вводе', created_by_id: w.teacher.user.id }),
    ]);
    expect(await rowText('mark_version', v1.id)).toBe(v1Before);

    // A second correction: revision 3, and still every earlier version.
    ok(await j.correctMark(w.teacher, { mark: globalId, value: '5', reason: 'Пересдал устно', expectedRevision: 2 }), 'correctMark');
    expect((await markVersionsOf(server, markId)).map((v) => [v.revision, v.value, v.reason])).toEqual([
      [1, '4', null], [2, '3', 'Ошибка при вводе'], [3, '5', 'Пересдал устно'],
    ]);
    expect(await rowText('mark_version', v1.id)).toBe(v1Before);
  });

  it.each([['empty', ''], ['whitespace', '   \t ']])('needs a reason (%s → BAD_USER_INPUT on "reason")', async (_label, reason) => {
    const { globalId } = await recordedMark();
    await expectRefused(server, 'BAD_USER_INPUT', () => j.correctMark(w.teacher, { mark: globalId, value: '3', reason }), 'reason');
  });

  it('refuses a correction without the reason argument at all', async () => {
    const { globalId } = await recordedMark();
    const token = await server.token(w.teacher.user.id);
    await expectRefused(server, 'BAD_USER_INPUT', () => server.gql(
      'mutation($i: CorrectMarkInput!) { correctMark(input: $i) { id } }', { i: { markId: globalId, value: '3' } }, token));
  });

  it('refuses a value off the scale and a "correction" to the same value', async () => {
    const { globalId } = await recordedMark('2026-11-20', '4');
    await expectRefused(server, 'BAD_USER_INPUT', () => j.correctMark(w.teacher, { mark: globalId, value: '7', reason: 'опечатка' }), 'value');
    await expectRefused(server, 'BAD_USER_INPUT', () => j.correctMark(w.teacher, { mark: globalId, value: 'н/а', reason: 'опечатка' }), 'value');
    await expectRefused(server, 'BAD_USER_INPUT', () => j.correctMark(w.teacher, { mark: globalId, value: '4', reason: 'опечатка' }), 'value');
  });

  it('answers CONFLICT when the mark was corrected meanwhile (expectedRevision)', async () => {
    const { markId, globalId } = await recordedMark();
    ok(await j.correctMark(w.teacher, { mark: globalId, value: '3', reason: 'первая правка', expectedRevision: 1 }), 'correctMark');
    // A second client still holding revision 1.
    await expectRefused(server, 'CONFLICT', () => j.correctMark(w.teacher, { mark: globalId, value: '2', reason: 'вторая правка', expectedRevision: 1 }));
    const [row] = await query(server, 'select value, revision from mark where id = ?', [markId]);
    expect(row).toEqual({ value: '3', revision: 2 });
    // With the current revision it goes through.
    expect(ok(await j.correctMark(w.teacher, { mark: globalId, value: '2', reason: 'вторая правка', expectedRevision: 2 }), 'correctMark').revision).toBe(3);
  });

  it('lets exactly one of several simultaneous corrections of the same revision through', async () => {
    const { markId, globalId } = await recordedMark('2026-11-20', '4');
    const responses = await Promise.all(['3', '2', '5', '1'].map((value) =>
      j.correctMark(w.teacher, { mark: globalId, value, reason: `правка на ${value}`, expectedRevision: 1 })));
    const codes = responses.map((r) => errorCode(r) ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
    const winner = responses.find((r) => !r.errors)!.data!.correctMark;
    const versions = await markVersionsOf(server, markId);
    expect(versions.map((v) => [v.revision, v.value])).toEqual([[1, '4'], [2, winner.value]]);
    const [row] = await query(server, 'select value, revision from mark where id = ?', [markId]);
    expect(row).toEqual({ value: winner.value, revision: 2 });
    expect((await auditEntriesOf(server, markId)).map((a) => a.action)).toEqual(['mark.record', 'mark.correct']);
  });
});

describe('who may correct, and when', () => {
  it('lets the teacher correct their own lesson\'s mark inside the window (3 days late), not after', async () => {
    const { markId, globalId } = await recordedMark('2026-11-17');
    server.clock.set('2026-11-20T23:00:00+03:00');
    expect(ok(await j.correctMark(w.teacher, { mark: globalId, value: '5', reason: 'Досчитал баллы' }), 'correctMark').value).toBe('5');

    server.clock.set('2026-11-21T00:01:00+03:00');
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.correctMark(w.teacher, { mark: globalId, value: '3', reason: 'Передумал' }));
    expect((await markVersionsOf(server, markId)).map((v) => v.value)).toEqual(['4', '5']);
  });

  it('lets the deputy head correct at any time, even a mark from the previous quarter', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-10-01' });
    const mark = await buildMark(em, { lesson, student: w.student.student, author: w.teacher.user, value: '2' });
    // The teacher may not any more…
    await expectRefused(server, 'ENTRY_WINDOW_CLOSED', () => j.correctMark(w.teacher, { mark, value: '3', reason: 'Апелляция' }));
    // …the deputy may, with a reason, and is recorded as the version's author.
    await expectRefused(server, 'BAD_USER_INPUT', () => j.correctMark(w.deputy, { mark, value: '3', reason: ' ' }), 'reason');
    const { result, delta } = await withDelta(server, () => j.correctMark(w.deputy, { mark, value: '3', reason: 'Апелляция, протокол №4' }));
    expect(ok(result, 'correctMark')).toMatchObject({ value: '3', revision: 2, corrected: true });
    expect(delta).toEqual(onlyChanged({ mark_version: 1, audit_entry: 1, diary_event: 1 }));
    expect(await markVersionsOf(server, mark.id)).toEqual([
      expect.objectContaining({ revision: 1, value: '2', reason: null, created_by_id: w.teacher.user.id }),
      expect.objectContaining({ revision: 2, value: '3', reason: 'Апелляция, протокол №4', created_by_id: w.deputy.user.id }),
    ]);
    const [entry] = (await auditEntriesOf(server, mark.id)).filter((e) => e.action === 'mark.correct');
    expect(entry.actor_id).toBe(w.deputy.user.id);
  });

  it('does not let a deputy head of another school correct (NOT_FOUND)', async () => {
    const otherDeputy = await buildStaff(em, w.otherSchool, [Role.DEPUTY_ACADEMIC]);
    const { globalId } = await recordedMark();
    await expectRefused(server, 'NOT_FOUND', () => j.correctMark(otherDeputy, { mark: globalId, value: '2', reason: 'Чужая школа' }));
  });

  it('refuses another teacher: FORBIDDEN when they can read the mark, NOT_FOUND when they cannot', async () => {
    const { globalId } = await recordedMark();
    const correct = (who: { user: { id: string } } | { id: string }) => () => j.correctMark(who, { mark: globalId, value: '2', reason: 'Хочу' });
    // The class teacher of 5А reads every mark of the class, but did not teach this lesson.
    await expectRefused(server, 'FORBIDDEN', correct(w.classTeacher));
    // A teacher of the student in another subject does not see this lesson's marks at all.
    await expectRefused(server, 'NOT_FOUND', correct(russianTeacher));
    // A teacher with no tie to the student, and one from another school.
    await expectRefused(server, 'NOT_FOUND', correct(w.primaryTeacher));
    await expectRefused(server, 'NOT_FOUND', correct(w.otherTeacher));
    // …exactly as for a mark that does not exist.
    const missing = toGlobalId('Mark', '00000000-0000-4000-8000-000000000000');
    const none = await expectRefused(server, 'NOT_FOUND', () => j.correctMark(w.primaryTeacher, { mark: missing, value: '2', reason: 'Хочу' }));
    const hidden = await j.correctMark(w.primaryTeacher, { mark: globalId, value: '2', reason: 'Хочу' });
    expect(hidden.errors![0].message).toBe(none.errors![0].message);
  });

  it('refuses families, the administration without the deputy role, and the secretary by role', async () => {
    const { globalId } = await recordedMark();
    for (const who of [w.parent, w.student, w.director, w.admin, w.secretary]) {
      await expectRefused(server, 'FORBIDDEN', () => j.correctMark(who as { user: { id: string } }, { mark: globalId, value: '2', reason: 'Хочу' }));
    }
  });

  it('does not let the deputy head enter new marks (corrections only)', async () => {
    const lesson = await lessonOf(em, w, { date: '2026-11-20' });
    await expectRefused(server, 'FORBIDDEN', () => j.recordMark(w.deputy, { lesson, student: w.student.student, value: '5' }));
  });
});

describe('what the diary, the staff and the audit log show', () => {
  const DIARY = `query($s: ID!) { diary(studentId: $s, from: "2026-11-16", to: "2026-11-22") {
    date lessons { lesson { id } marks { id value corrected } } } }`;

  it('shows families the current value and that it was corrected, once', async () => {
    const { lesson, globalId } = await recordedMark('2026-11-19');
    ok(await j.correctMark(w.teacher, { mark: globalId, value: '5', reason: 'Ошибка при вводе' }), 'correctMark');
    for (const viewer of [w.parent, w.student]) {
      const d = await j.as(viewer, DIARY, { s: toGlobalId('Student', w.student.student.id) });
      expect(d.errors).toBeUndefined();
      const day = d.data!.diary.find((x: { date: string }) => x.date === '2026-11-19');
      const entry = day.lessons.find((l: { lesson: { id: string } }) => l.lesson.id === toGlobalId('Lesson', lesson.id));
      expect(entry.marks).toEqual([{ id: globalId, value: '5', corrected: true }]);
    }
  });

  it('keeps the version history from families (FORBIDDEN on "versions") and shows it to staff', async () => {
    const { globalId } = await recordedMark('2026-11-19', '2');
    ok(await j.correctMark(w.teacher, { mark: globalId, value: '4', reason: 'Секретная причина 42' }), 'correctMark');
    const VERSIONS = `query($id: ID!) { node(id: $id) { ... on Mark { value versions { revision value reason author { login } } } } }`;

    for (const viewer of [w.parent, w.student]) {
      const r = await j.as(viewer, VERSIONS, { id: globalId });
      expect(errorCode(r)).toBe('FORBIDDEN');
      expect(r.errors![0].path).toContain('versions');
      expect(JSON.stringify(r)).not.toContain('Секретная причина 42');
      // Without the history the same family member reads the mark itself.
      const plain = await j.as(viewer, `query($id: ID!) { node(id: $id) { ... on Mark { value corrected } } }`, { id: globalId });
      expect(plain.data?.node).toEqual({ value: '4', corrected: true });
    }
    const diary = await j.as(w.parent, `query($s: ID!) { diary(studentId: $s, from: "2026-11-19", to: "2026-11-19") { lessons { marks { versions { reason } } } } }`,
      { s: toGlobalId('Student', w.student.student.id) });
    expect(failure(diary).code).toBe('FORBIDDEN');
    expect(JSON.stringify(diary)).not.toContain('Секретная причина 42');

    for (const viewer of [w.teacher, w.classTeacher, w.deputy, w.director]) {
      const r = await j.as(viewer, VERSIONS, { id: globalId });
      expect(r.errors).toBeUndefined();
      expect(r.data!.node).toEqual({
        value: '4',
        versions: [
          { revision: 1, value: '2', reason: null, author: { login: w.teacher.user.login } },
          { revision: 2, value: '4', reason: 'Секретная причина 42', author: { login: w.teacher.user.login } },
        ],
      });
    }
  });

  it('writes audit entries mark.record and mark.correct with before and after, and a MARK_CORRECTED event', async () => {
    const { lesson, markId, globalId } = await recordedMark('2026-11-20', '4');
    ok(await j.correctMark(w.teacher, { mark: globalId, value: '3', reason: 'Ошибка при вводе' }), 'correctMark');

    const entries = await auditEntriesOf(server, markId);
    expect(entries.map((e) => e.action)).toEqual(['mark.record', 'mark.correct']);
    const [recorded, corrected] = entries;
    expect(recorded).toMatchObject({ entity_type: 'Mark', actor_id: w.teacher.user.id, school_id: w.school.id, before: null });
    expect(recorded.after).toMatchObject({ value: '4', workType: 'ORAL', lessonId: lesson.id, studentId: w.student.student.id });
    expect(corrected).toMatchObject({ entity_type: 'Mark', actor_id: w.teacher.user.id, school_id: w.school.id });
    expect(corrected.before).toMatchObject({ value: '4', revision: 1 });
    expect(corrected.after).toMatchObject({ value: '3', revision: 2, reason: 'Ошибка при вводе' });

    const events = await diaryEventsOf(server, { markId });
    expect(events.map((e) => [e.type, e.student_id, e.lesson_id])).toEqual([
      ['MARK_ADDED', w.student.student.id, lesson.id],
      ['MARK_CORRECTED', w.student.student.id, lesson.id],
    ]);
  });
});
