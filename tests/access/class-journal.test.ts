import { Role } from '../../entities';
import { buildLesson, buildMark, buildStaff } from '../support/factories';
import { TestServer, errorCode } from '../support/server';
import { actors, as, buildAccessWorld, gid, randomId, type AccessWorld } from './access-support';

// classJournal(classGroupId, subjectId, from, to), role by role (DOMAIN.md access matrix).
// One world for the file: nothing here writes after the arrangement.

let server: TestServer;
let w: AccessWorld;
let who: Record<string, string | null>;
let substituted: Awaited<ReturnType<typeof buildLesson>>;
let substitutedMark: Awaited<ReturnType<typeof buildMark>>;

beforeAll(async () => {
  server = await TestServer.start();
  const em = server.em();
  w = await buildAccessWorld(em);
  who = actors(w);
  // `substitute` stood in for `teacher` at one 5А math lesson on Wednesday; `substituteNoLessons` is someone else.
  const other = await buildStaff(em, w.school, [Role.TEACHER]);
  substituted = await buildLesson(em, {
    classGroup: w.class5a, subject: w.math, teacher: w.teacher.employee, substituteTeacher: w.substitute.employee, date: '2026-11-18', number: 3,
  });
  substitutedMark = await buildMark(em, { lesson: substituted, student: w.classmate.student, author: w.substitute.user, value: '2' });
  who.substitute = w.substitute.user.id;
  who.substituteNoLessons = other.user.id;
});
afterAll(async () => { await server.stop(); });

const JOURNAL = `query($c: ID!, $s: ID!) { classJournal(classGroupId: $c, subjectId: $s, from: "2026-11-16", to: "2026-11-22") {
  lessons { id date } students { id } marks { id value } attendance { id } } }`;
const math5a = () => ({ c: gid('ClassGroup', w.class5a.id), s: gid('Subject', w.math.id) });

describe('classJournal of 5А math', () => {
  it.each([
    'teacher', 'classTeacher', 'admin', 'director', 'deputyAcademic', 'deputyPastoral',
  ])('%s sees the whole page', async (actor) => {
    const r = await as(server, who[actor], JOURNAL, math5a());
    expect(r.errors).toBeUndefined();
    const j = r.data!.classJournal;
    expect(j.lessons).toEqual([
      { id: gid('Lesson', substituted.id), date: '2026-11-18' },
      { id: gid('Lesson', w.lesson.id), date: '2026-11-20' },
    ]);
    expect(j.students.map((s: { id: string }) => s.id).sort())
      .toEqual([gid('Student', w.student.student.id), gid('Student', w.classmate.student.id)].sort());
    expect(j.marks.map((m: { id: string }) => m.id).sort())
      .toEqual([gid('Mark', w.mathMark.id), gid('Mark', substitutedMark.id)].sort());
    expect(j.attendance.map((a: { id: string }) => a.id).sort())
      .toEqual([gid('Attendance', w.mathAbsence.id), gid('Attendance', w.mathLate.id)].sort());
    // The Russian lesson of the same class is another page.
    expect(JSON.stringify(r)).not.toContain(gid('Mark', w.russianMark.id));
  });

  it.each(['student', 'otherStudent', 'parent', 'otherParent', 'secretary', 'hr', 'coordinator'])(
    '%s is refused by role: FORBIDDEN, no data', async (actor) => {
      const r = await as(server, who[actor], JOURNAL, math5a());
      expect(errorCode(r)).toBe('FORBIDDEN');
      expect(r.errors).toHaveLength(1);
      expect(r.data).toBeNull();
      // The role decides, not the row: a class that does not exist gets the same answer.
      expect(await as(server, who[actor], JOURNAL, { c: randomId('ClassGroup'), s: gid('Subject', w.math.id) })).toEqual(r);
    });

  it.each(['unrelatedTeacher', 'substituteNoLessons', 'otherSchoolTeacher', 'otherSchoolAdmin', 'otherSchoolDeputy'])(
    '%s gets NOT_FOUND, identical to a class that does not exist', async (actor) => {
      const r = await as(server, who[actor], JOURNAL, math5a());
      expect(errorCode(r)).toBe('NOT_FOUND');
      expect(r.data).toBeNull();
      const missing = await as(server, who[actor], JOURNAL, { c: randomId('ClassGroup'), s: gid('Subject', w.math.id) });
      expect(r).toEqual(missing);
    });

  it('the math teacher asking for 5А Russian (not theirs) gets NOT_FOUND, like a missing class', async () => {
    const r = await as(server, who.teacher, JOURNAL, { c: gid('ClassGroup', w.class5a.id), s: gid('Subject', w.russian.id) });
    expect(errorCode(r)).toBe('NOT_FOUND');
    expect(r).toEqual(await as(server, who.teacher, JOURNAL, { c: randomId('ClassGroup'), s: gid('Subject', w.russian.id) }));
  });

  it('the class teacher of 5А asking for 5Б math gets NOT_FOUND', async () => {
    const r = await as(server, who.classTeacher, JOURNAL, { c: gid('ClassGroup', w.class5b.id), s: gid('Subject', w.math.id) });
    expect(errorCode(r)).toBe('NOT_FOUND');
    expect(r).toEqual(await as(server, who.classTeacher, JOURNAL, { c: randomId('ClassGroup'), s: gid('Subject', w.math.id) }));
  });

  it('a substitute sees only the lesson they stood in for, with its marks only', async () => {
    const r = await as(server, who.substitute, JOURNAL, math5a());
    expect(r.errors).toBeUndefined();
    const j = r.data!.classJournal;
    expect(j.lessons).toEqual([{ id: gid('Lesson', substituted.id), date: '2026-11-18' }]);
    expect(j.marks).toEqual([{ id: gid('Mark', substitutedMark.id), value: '2' }]);
    expect(j.attendance).toEqual([]);
    const text = JSON.stringify(r);
    expect(text).not.toContain(gid('Lesson', w.lesson.id));
    expect(text).not.toContain(gid('Mark', w.mathMark.id));
  });

  it('a substitute asking for a class × subject they stood in for nowhere gets NOT_FOUND', async () => {
    const r = await as(server, who.substitute, JOURNAL, { c: gid('ClassGroup', w.class5b.id), s: gid('Subject', w.math.id) });
    expect(errorCode(r)).toBe('NOT_FOUND');
    expect(r).toEqual(await as(server, who.substitute, JOURNAL, { c: randomId('ClassGroup'), s: gid('Subject', w.math.id) }));
  });

  it('anonymous gets UNAUTHENTICATED', async () => {
    expect(errorCode(await as(server, null, JOURNAL, math5a()))).toBe('UNAUTHENTICATED');
  });
});
