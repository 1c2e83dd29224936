import { Holiday, Lesson, LessonState, MovedWorkingDay, Role, TimetableEntry } from '../../entities';
import {
  buildAssignment, buildLesson, buildMark, buildStaff, buildSubgroup, buildWorld, currentYear, type World,
} from '../support/factories';
import { TestServer } from '../support/server';
import { as, expectNotFoundLikeMissing, expectRefused, gid, ok, randomId } from './support';

// The timetable (issue 4 part 6): DEPUTY_ACADEMIC writes bells, rooms, the weekly timetable,
// substitutions and cancellations; lessons are generated from the timetable on school days.

let server: TestServer;
let w: World;
let ids: Record<string, string>;
let otherDeputy: Awaited<ReturnType<typeof buildStaff>>;

const CREATE_ROOM = `mutation($i: CreateRoomInput!) { createRoom(input: $i) { id name capacity version } }`;
const CREATE_ENTRY = `mutation($i: CreateTimetableEntryInput!) { createTimetableEntry(input: $i) { id weekday bellNumber version room { name } teacher { id } } }`;
const UPDATE_ENTRY = `mutation($i: UpdateTimetableEntryInput!) { updateTimetableEntry(input: $i) { id weekday version } }`;
const GENERATE = `mutation($i: GenerateLessonsInput!) { generateLessons(input: $i) { created kept updated removed conflicts { id date } } }`;
const SUBSTITUTE = `mutation($i: SubstituteLessonInput!) { substituteLesson(input: $i) { id version substituteTeacher { id } } }`;
const CANCEL = `mutation($i: CancelLessonInput!) { cancelLesson(input: $i) { id state cancelReason version } }`;
const TIMETABLE = `query($c: ID, $t: ID) { timetable(classGroupId: $c, teacherId: $t) { weekday bellNumber subject { name } classGroup { name } subgroup { name } } }`;
const RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id } }`;

beforeAll(async () => {
  server = await TestServer.start();
  const em = server.em();
  w = await buildWorld(em);
  otherDeputy = await buildStaff(em, w.otherSchool, [Role.DEPUTY_ACADEMIC]);
  await buildAssignment(em, w.classTeacher.employee, w.class5b, w.russian);
  const sg1 = await buildSubgroup(em, w.class5a, w.russian, [w.student.student]);
  const sg2 = await buildSubgroup(em, w.class5a, w.russian, [w.classmate.student]);
  await buildAssignment(em, w.classTeacher.employee, w.class5a, w.russian, sg1);
  await buildAssignment(em, w.substitute.employee, w.class5a, w.russian, sg2);
  const year = await currentYear(em, w.school);
  // A holiday on Tuesday 24 November; Monday 30 November is moved to Saturday 28 November.
  em.create(Holiday, { year, name: 'День школы', startsOn: '2026-11-24', endsOn: '2026-11-24' });
  em.create(MovedWorkingDay, { year, workDate: '2026-11-28', dayOffDate: '2026-11-30' });
  await em.flush();
  ids = {
    year: gid('AcademicYear', year.id), class5a: gid('ClassGroup', w.class5a.id), class5b: gid('ClassGroup', w.class5b.id),
    math: gid('Subject', w.math.id), russian: gid('Subject', w.russian.id), teacher: gid('Employee', w.teacher.employee.id),
    classTeacher: gid('Employee', w.classTeacher.employee.id), substitute: gid('Employee', w.substitute.employee.id),
    primaryTeacher: gid('Employee', w.primaryTeacher.employee.id), sg1: gid('Subgroup', sg1.id), sg2: gid('Subgroup', sg2.id),
    student: gid('Student', w.student.student.id),
  };
});
afterAll(async () => { await server.stop(); });

describe('rooms and the weekly timetable', () => {
  it('lets the deputy head add rooms; a duplicate name is refused', async () => {
    for (const name of ['каб. 21', 'каб. 22']) {
      const r = ok(await as(server, w.deputy.user.id, CREATE_ROOM, { i: { name, capacity: 30 } }));
      ids[name] = r.createRoom.id;
    }
    const dup = await expectRefused(server, w.deputy.user.id, CREATE_ROOM, { i: { name: 'каб. 21' } }, 'BAD_USER_INPUT');
    expect(dup.errors![0].extensions!.field).toBe('name');
    await expectRefused(server, w.teacher.user.id, CREATE_ROOM, { i: { name: 'каб. 99' } }, 'FORBIDDEN');
    await expectRefused(server, w.admin.user.id, CREATE_ROOM, { i: { name: 'каб. 99' } }, 'FORBIDDEN');
  });

  it('adds slots, and refuses a teacher, a class or a room booked twice at one bell, naming the clash', async () => {
    const math = ok(await as(server, w.deputy.user.id, CREATE_ENTRY, { i: { classGroupId: ids.class5a, subjectId: ids.math, teacherId: ids.teacher, roomId: ids['каб. 21'], weekday: 1, bellNumber: 2 } }));
    ids.mathEntry = math.createTimetableEntry.id;
    expect(math.createTimetableEntry).toMatchObject({ weekday: 1, bellNumber: 2, version: 1, room: { name: 'каб. 21' } });
    const teacher = await expectRefused(server, w.deputy.user.id, CREATE_ENTRY, { i: { classGroupId: ids.class5b, subjectId: ids.math, teacherId: ids.teacher, weekday: 1, bellNumber: 2 } }, 'CONFLICT');
    expect(teacher.errors![0].extensions!.clash).toBe('TEACHER');
    const cls = await expectRefused(server, w.deputy.user.id, CREATE_ENTRY, { i: { classGroupId: ids.class5a, subjectId: ids.russian, teacherId: ids.classTeacher, subgroupId: ids.sg1, weekday: 1, bellNumber: 2 } }, 'CONFLICT');
    expect(cls.errors![0].extensions!.clash).toBe('CLASS');
    const room = await expectRefused(server, w.deputy.user.id, CREATE_ENTRY, { i: { classGroupId: ids.class5b, subjectId: ids.russian, teacherId: ids.classTeacher, roomId: ids['каб. 21'], weekday: 1, bellNumber: 2 } }, 'CONFLICT');
    expect(room.errors![0].extensions!.clash).toBe('ROOM');
    expect(room.errors![0].message).toContain('5А');
  });

  it('lets two subgroups of a class share a bell, but not with the whole class', async () => {
    ok(await as(server, w.deputy.user.id, CREATE_ENTRY, { i: { classGroupId: ids.class5a, subjectId: ids.russian, subgroupId: ids.sg1, teacherId: ids.classTeacher, roomId: ids['каб. 22'], weekday: 2, bellNumber: 3 } }));
    ok(await as(server, w.deputy.user.id, CREATE_ENTRY, { i: { classGroupId: ids.class5a, subjectId: ids.russian, subgroupId: ids.sg2, teacherId: ids.substitute, weekday: 2, bellNumber: 3 } }));
    const whole = await expectRefused(server, w.deputy.user.id, CREATE_ENTRY, { i: { classGroupId: ids.class5a, subjectId: ids.math, teacherId: ids.teacher, weekday: 2, bellNumber: 3 } }, 'CONFLICT');
    expect(whole.errors![0].extensions!.clash).toBe('CLASS');
  });

  it.each([
    ['a weekday out of range', { weekday: 8 }, 'weekday'],
    ['a bell the shift does not have', { bellNumber: 9 }, 'bellNumber'],
    ['a teacher not assigned to the subject there', { teacherId: 'primaryTeacher' }, 'teacherId'],
    ['a slot ending before it starts', { validFrom: '2026-12-01', validTo: '2026-11-01' }, 'validTo'],
  ])('refuses %s, naming the field', async (_what, change, field) => {
    const i: Record<string, unknown> = { classGroupId: ids.class5a, subjectId: ids.math, teacherId: ids.teacher, weekday: 5, bellNumber: 5, ...change };
    if ('teacherId' in change) i.teacherId = ids[change.teacherId];
    const r = await expectRefused(server, w.deputy.user.id, CREATE_ENTRY, { i }, 'BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe(field);
  });

  it('answers another school\'s deputy head like a missing class, and refuses teachers', async () => {
    const i = { classGroupId: ids.class5a, subjectId: ids.math, teacherId: ids.teacher, weekday: 5, bellNumber: 5 };
    await expectNotFoundLikeMissing(server, otherDeputy.user.id, CREATE_ENTRY, { i }, { i: { ...i, classGroupId: randomId('ClassGroup') } });
    await expectRefused(server, w.teacher.user.id, CREATE_ENTRY, { i }, 'FORBIDDEN');
  });

  it('is read by the class\'s students and the school\'s staff; not by another family or HR', async () => {
    const mine = ok(await as(server, w.student.user!.id, TIMETABLE, { c: ids.class5a })).timetable;
    expect(mine.map((e: any) => [e.weekday, e.bellNumber, e.subject.name, e.subgroup?.name ?? null]).length).toBe(3);
    expect(ok(await as(server, w.secretary.user.id, TIMETABLE, { c: ids.class5a })).timetable).toHaveLength(3);
    expect(ok(await as(server, w.primaryTeacher.user.id, TIMETABLE, { t: ids.teacher })).timetable).toEqual([
      { weekday: 1, bellNumber: 2, subject: { name: 'Математика' }, classGroup: { name: '5А' }, subgroup: null },
    ]);
    await expectNotFoundLikeMissing(server, w.otherParent.user.id, TIMETABLE, { c: ids.class5a }, { c: randomId('ClassGroup') });
    await expectNotFoundLikeMissing(server, w.student.user!.id, TIMETABLE, { t: ids.teacher }, { t: randomId('Employee') });
    await expectRefused(server, w.hr.user.id, TIMETABLE, { c: ids.class5a }, 'FORBIDDEN');
  });
});

it('costs the same SQL statements for a timetable of one entry and of three (no query per entry)', async () => {
  ok(await as(server, w.deputy.user.id, CREATE_ENTRY, { i: { classGroupId: ids.class5b, subjectId: ids.russian, teacherId: ids.classTeacher, roomId: ids['каб. 22'], weekday: 3, bellNumber: 1, validFrom: '2027-01-12' } }));
  const token = await server.token(w.deputy.user.id);
  const FULL = `query($c: ID) { timetable(classGroupId: $c) { weekday subject { name } teacher { fullName } classGroup { name } subgroup { name members { id } } room { name } } }`;
  const cost = async (c: string) => {
    const runs = [await server.countStatements(() => server.gql(FULL, { c }, token)), await server.countStatements(() => server.gql(FULL, { c }, token))];
    return { n: runs[0].result.data!.timetable.length, statements: Math.min(...runs.map((r) => r.statements)) };
  };
  const one = await cost(ids.class5b);
  const three = await cost(ids.class5a);
  expect([one.n, three.n]).toEqual([1, 3]);
  // 5А's entries also name subgroups: one statement each for them, their members, access to those and the students.
  expect(three.statements).toBeLessThanOrEqual(one.statements + 4);
});

describe('generating the lessons', () => {
  const span = () => ({ yearId: ids.year, from: '2026-11-23', to: '2026-12-06' });
  const generated = () => server.em().find(Lesson, { timetableEntry: { $ne: null } }, { orderBy: { date: 'asc', number: 'asc' } });

  it('makes the lessons of school days: no lessons on a holiday or a moved day off; the moved working day runs its weekday', async () => {
    const r = ok(await as(server, w.deputy.user.id, GENERATE, { i: span() })).generateLessons;
    expect(r).toEqual({ created: 4, kept: 0, updated: 0, removed: 0, conflicts: [] });
    // Mondays: 23 Nov, and Saturday 28 Nov in place of Monday 30 Nov; Tuesdays: 1 Dec (24 Nov is a holiday).
    expect((await generated()).map((l) => [l.date, l.number, l.state])).toEqual([
      ['2026-11-23', 2, 'SCHEDULED'], ['2026-11-28', 2, 'SCHEDULED'], ['2026-12-01', 3, 'SCHEDULED'], ['2026-12-01', 3, 'SCHEDULED'],
    ]);
    const lesson = (await generated())[0];
    expect([lesson.teacher.id, lesson.room?.id]).toEqual([w.teacher.employee.id, (await server.em().findOneOrFail(TimetableEntry, { bellNumber: 2 })).room!.id]);
  });

  it('does not duplicate anything when run again', async () => {
    const r = ok(await as(server, w.deputy.user.id, GENERATE, { i: span() })).generateLessons;
    expect(r).toEqual({ created: 0, kept: 4, updated: 0, removed: 0, conflicts: [] });
    expect(await generated()).toHaveLength(4);
  });

  it('never deletes a lesson that carries marks: it is answered as a conflict', async () => {
    const em = server.em();
    const [monday] = await generated();
    await buildMark(em, { lesson: monday, student: w.student.student, author: w.teacher.user });
    const entry = await em.findOneOrFail(TimetableEntry, { id: fromGid(ids.mathEntry) });
    ok(await as(server, w.deputy.user.id, UPDATE_ENTRY, { i: { entryId: ids.mathEntry, expectedVersion: entry.version, weekday: 3 } }));
    await expectRefused(server, w.deputy.user.id, UPDATE_ENTRY, { i: { entryId: ids.mathEntry, expectedVersion: entry.version, weekday: 4 } }, 'CONFLICT');
    const r = ok(await as(server, w.deputy.user.id, GENERATE, { i: span() })).generateLessons;
    expect(r).toMatchObject({ created: 2, kept: 2, removed: 1, conflicts: [{ id: gid('Lesson', monday.id), date: '2026-11-23' }] });
    expect((await generated()).map((l) => l.date)).toEqual(['2026-11-23', '2026-11-25', '2026-12-01', '2026-12-01', '2026-12-02']);
  });

  it('moves scheduled lessons to the entry\'s new room', async () => {
    const entry = await server.em().findOneOrFail(TimetableEntry, { id: fromGid(ids.mathEntry) });
    ok(await as(server, w.deputy.user.id, UPDATE_ENTRY, { i: { entryId: ids.mathEntry, expectedVersion: entry.version, roomId: ids['каб. 22'], validTo: '2026-12-31' } }));
    const r = ok(await as(server, w.deputy.user.id, GENERATE, { i: span() })).generateLessons;
    expect(r).toMatchObject({ created: 0, updated: 2 });
  });

  it('is the deputy head\'s: refused for the admin and teachers, with nothing changed', async () => {
    await expectRefused(server, w.admin.user.id, GENERATE, { i: span() }, 'FORBIDDEN');
    await expectRefused(server, w.teacher.user.id, GENERATE, { i: span() }, 'FORBIDDEN');
    await expectNotFoundLikeMissing(server, otherDeputy.user.id, GENERATE, { i: span() }, { i: { ...span(), yearId: randomId('AcademicYear') } });
  });
});

describe('substitutions and cancellations', () => {
  it('lets a substitute stand in, and then write the lesson\'s journal', async () => {
    const before = await as(server, w.substitute.user.id, RECORD_MARK, { i: { lessonId: gid('Lesson', w.lesson.id), studentId: ids.student, value: '5', workTypeCode: 'ORAL' } });
    expect(before.errors![0].extensions!.code).toBe('NOT_FOUND');
    const r = ok(await as(server, w.deputy.user.id, SUBSTITUTE, { i: { lessonId: gid('Lesson', w.lesson.id), expectedVersion: 1, substituteTeacherId: ids.substitute } }));
    expect(r.substituteLesson).toMatchObject({ substituteTeacher: { id: ids.substitute }, version: 2 });
    ok(await as(server, w.substitute.user.id, RECORD_MARK, { i: { lessonId: gid('Lesson', w.lesson.id), studentId: ids.student, value: '5', workTypeCode: 'ORAL' } }));
  });

  it('refuses a substitute who teaches elsewhere at that bell, and a stale version', async () => {
    const em = server.em();
    await buildLesson(em, { classGroup: w.class1a, subject: w.math, teacher: w.primaryTeacher.employee, date: '2026-11-20', number: 2 });
    const clash = await expectRefused(server, w.deputy.user.id, SUBSTITUTE, { i: { lessonId: gid('Lesson', w.lesson5b.id), expectedVersion: 1, substituteTeacherId: ids.primaryTeacher } }, 'CONFLICT');
    expect(clash.errors![0].extensions!.clash).toBe('TEACHER');
    const stale = await expectRefused(server, w.deputy.user.id, SUBSTITUTE, { i: { lessonId: gid('Lesson', w.lesson5b.id), expectedVersion: 0, substituteTeacherId: ids.classTeacher } }, 'CONFLICT');
    expect(stale.errors![0].extensions!.clash).toBeUndefined();
    await expectRefused(server, w.director.user.id, SUBSTITUTE, { i: { lessonId: gid('Lesson', w.lesson5b.id), expectedVersion: 1, substituteTeacherId: ids.substitute } }, 'FORBIDDEN');
  });

  it('cancels a scheduled lesson with its reason; it then takes no marks', async () => {
    const later = await buildLesson(server.em(), { classGroup: w.class5a, subject: w.math, teacher: w.teacher.employee, date: '2026-11-27', number: 4, state: LessonState.SCHEDULED });
    const noReason = await expectRefused(server, w.deputy.user.id, CANCEL, { i: { lessonId: gid('Lesson', later.id), expectedVersion: 1, reason: ' ' } }, 'BAD_USER_INPUT');
    expect(noReason.errors![0].extensions!.field).toBe('reason');
    const r = ok(await as(server, w.deputy.user.id, CANCEL, { i: { lessonId: gid('Lesson', later.id), expectedVersion: 1, reason: 'Карантин' } }));
    expect(r.cancelLesson).toMatchObject({ state: 'CANCELLED', cancelReason: 'Карантин', version: 2 });
    server.clock.set('2026-11-27T15:00:00+03:00');
    const mark = await as(server, w.teacher.user.id, RECORD_MARK, { i: { lessonId: gid('Lesson', later.id), studentId: ids.student, value: '5', workTypeCode: 'ORAL' } });
    server.clock.set('2026-11-20T12:00:00+03:00');
    expect(mark.errors![0].extensions!.code).toBe('LESSON_NOT_HELD');
    const held = await expectRefused(server, w.deputy.user.id, CANCEL, { i: { lessonId: gid('Lesson', w.lesson.id), expectedVersion: 2, reason: 'x' } }, 'BAD_USER_INPUT');
    expect(held.errors![0].extensions!.field).toBe('lessonId');
  });
});

function fromGid(id: string): string {
  return Buffer.from(id, 'base64url').toString('utf8').split(':')[1];
}
