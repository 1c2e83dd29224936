import { randomUUID } from 'node:crypto';
import { AuditEntry, ClassGroup, Role, TimetableEntry } from '../../entities';
import { buildClass, buildStaff, buildStudent, buildWorld, currentYear, type World } from '../support/factories';
import { DIARY_EVENTS, LiveClient, settle, waitFor } from '../support/live-client';
import { TestServer, errorCode } from '../support/server';
import { as, expectNotFoundLikeMissing, expectRefused, gid, ok, randomId } from './support';

// Classes (issue 18 part 1): ADMIN creates, changes and closes them; the school's staff (but HR)
// read them all, a student their own class, a parent their children's. A change of class teacher
// moves the tie at once: access, credentials duties, the live diary.

let server: TestServer;
let w: World;
let yearId: string;
let revokedAdmin: Awaited<ReturnType<typeof buildStaff>>;
let dismissed: Awaited<ReturnType<typeof buildStaff>>;
const clients: LiveClient[] = [];

beforeAll(async () => {
  server = await TestServer.start();
  const em = server.em();
  w = await buildWorld(em);
  yearId = gid('AcademicYear', (await currentYear(em, w.school)).id);
  // An ADMIN who lost the role but still teaches: signed in, no longer allowed.
  revokedAdmin = await buildStaff(em, w.school, [Role.ADMIN, Role.TEACHER]);
  await em.getConnection().execute(`delete from role_grant where user_id = ? and role = 'ADMIN'`, [revokedAdmin.user.id]);
  dismissed = await buildStaff(em, w.school, [Role.TEACHER]);
  dismissed.employee.dismissedOn = '2026-11-01';
  await em.flush();
});
afterEach(async () => { await Promise.all(clients.splice(0).map((c) => c.close())); });
afterAll(async () => { await server.stop(); });

const CREATE = `mutation($i: CreateClassInput!) { createClass(input: $i) { id name grade letter shift version closedAt classTeacher { id } } }`;
const UPDATE = `mutation($i: UpdateClassInput!) { updateClass(input: $i) { id name letter shift version classTeacher { id } } }`;
const CLOSE = `mutation($i: CloseClassInput!) { closeClass(input: $i) { id name closedAt version } }`;
const CLASSES = `query($y: ID!, $c: Boolean) { classGroups(yearId: $y, includeClosed: $c) { name shift } }`;
const ISSUE = `mutation($i: IssueCredentialsInput!) { issueCredentials(input: $i) { login } }`;
const RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id } }`;

const employee = (e: { employee: { id: string } }) => gid('Employee', e.employee.id);

describe('createClass', () => {
  it('lets ADMIN create a class with its shift and class teacher, audited', async () => {
    const r = ok(await as(server, w.admin.user.id, CREATE, { i: { yearId, grade: 6, letter: 'в', shift: 2, classTeacherId: employee(w.substitute) } }));
    expect(r.createClass).toMatchObject({ name: '6В', grade: 6, letter: 'В', shift: 2, version: 1, closedAt: null, classTeacher: { id: employee(w.substitute) } });
    const row = await server.em().findOneOrFail(ClassGroup, { year: { school: w.school }, grade: 6, letter: 'В' });
    expect(row.classTeacher?.id).toBe(w.substitute.employee.id);
    const entry = await server.em().findOneOrFail(AuditEntry, { action: 'class.create', entityId: row.id });
    expect(entry.actor?.id).toBe(w.admin.user.id);
  });

  it('answers CLASS_EXISTS for a grade and letter the year has, and changes nothing', async () => {
    const r = await expectRefused(server, w.admin.user.id, CREATE, { i: { yearId, grade: 5, letter: 'А' } }, 'CLASS_EXISTS');
    expect(r.errors![0].extensions!.field).toBe('letter');
  });

  it('answers CLASS_EXISTS, not a database error, to two creations of one class at once', async () => {
    const i = { yearId, grade: 7, letter: 'Д' };
    const answers = await Promise.all([1, 2, 3].map(() => as(server, w.admin.user.id, CREATE, { i })));
    expect(answers.map((a) => errorCode(a) ?? 'OK').sort()).toEqual(['CLASS_EXISTS', 'CLASS_EXISTS', 'OK']);
  });

  it.each([
    ['grade 0', { grade: 0 }, 'grade'],
    ['grade 12', { grade: 12 }, 'grade'],
    ['a Latin letter', { letter: 'A' }, 'letter'],
    ['three letters', { letter: 'АБВ' }, 'letter'],
    ['no letter', { letter: ' ' }, 'letter'],
    ['a digit', { letter: '1' }, 'letter'],
    ['shift 4', { shift: 4 }, 'shift'],
  ])('refuses %s, naming the field', async (_what, change, field) => {
    const r = await expectRefused(server, w.admin.user.id, CREATE, { i: { yearId, grade: 8, letter: 'А', ...change } }, 'BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe(field);
  });

  it('refuses a class teacher who is not a TEACHER of the school or is dismissed', async () => {
    for (const who of [w.hr, w.secretary, dismissed]) {
      const r = await expectRefused(server, w.admin.user.id, CREATE, { i: { yearId, grade: 8, letter: 'Б', classTeacherId: employee(who) } }, 'BAD_USER_INPUT');
      expect(r.errors![0].extensions!.field).toBe('classTeacherId');
    }
  });

  it('answers another school\'s teacher like a missing one', async () => {
    const i = { yearId, grade: 8, letter: 'Б' };
    await expectNotFoundLikeMissing(server, w.admin.user.id, CREATE, { i: { ...i, classTeacherId: employee(w.otherTeacher) } },
      { i: { ...i, classTeacherId: randomId('Employee') } });
  });

  it.each(['director', 'deputy', 'teacher', 'classTeacher', 'secretary', 'hr'] as const)('refuses %s (FORBIDDEN), changing nothing', async (who) => {
    await expectRefused(server, w[who].user.id, CREATE, { i: { yearId, grade: 9, letter: 'А' } }, 'FORBIDDEN');
  });

  it('refuses an ADMIN whose role was revoked', async () => {
    await expectRefused(server, revokedAdmin.user.id, CREATE, { i: { yearId, grade: 9, letter: 'А' } }, 'FORBIDDEN');
  });

  it('answers another school\'s ADMIN like a missing year', async () => {
    const i = { grade: 9, letter: 'А' };
    await expectNotFoundLikeMissing(server, w.otherAdmin.user.id, CREATE, { i: { ...i, yearId } }, { i: { ...i, yearId: randomId('AcademicYear') } });
  });
});

describe('updateClass', () => {
  let classId: string;
  beforeAll(async () => {
    classId = ok(await as(server, w.admin.user.id, CREATE, { i: { yearId, grade: 10, letter: 'А' } })).createClass.id;
  });

  it('changes the letter and the shift with the version it saw; a stale version is CONFLICT', async () => {
    const r = ok(await as(server, w.admin.user.id, UPDATE, { i: { classId, expectedVersion: 1, letter: 'Б', shift: 2 } }));
    expect(r.updateClass).toMatchObject({ name: '10Б', letter: 'Б', shift: 2, version: 2 });
    await expectRefused(server, w.admin.user.id, UPDATE, { i: { classId, expectedVersion: 1, shift: 1 } }, 'CONFLICT');
    expect(await server.em().findOne(AuditEntry, { action: 'class.update', entityId: (await server.em().findOneOrFail(ClassGroup, { grade: 10, letter: 'Б', school: w.school })).id })).not.toBeNull();
  });

  it('refuses a letter another class of the grade has (CLASS_EXISTS)', async () => {
    await as(server, w.admin.user.id, CREATE, { i: { yearId, grade: 10, letter: 'В' } });
    await expectRefused(server, w.admin.user.id, UPDATE, { i: { classId, letter: 'В' } }, 'CLASS_EXISTS');
  });

  it('refuses the staff but ADMIN, a revoked ADMIN, and answers another school\'s ADMIN like a missing class', async () => {
    for (const who of [w.director.user.id, w.deputy.user.id, w.classTeacher.user.id, revokedAdmin.user.id]) {
      await expectRefused(server, who, UPDATE, { i: { classId, shift: 1 } }, 'FORBIDDEN');
    }
    await expectNotFoundLikeMissing(server, w.otherAdmin.user.id, UPDATE, { i: { classId, shift: 1 } }, { i: { classId: randomId('ClassGroup'), shift: 1 } });
  });
});

describe('a change of class teacher', () => {
  it('moves the credentials duties and the live diary at once', async () => {
    const v = await buildWorld(server.em());
    const classId = gid('ClassGroup', v.class5a.id);
    const { student: newcomer } = await buildStudent(server.em(), v.class5a, { lastName: 'Новиков' });
    const { student: another } = await buildStudent(server.em(), v.class5a, { lastName: 'Петров' });

    // The old class teacher watches a pupil of the class; the new one watches the class.
    const oldClient = new LiveClient(server.wsUrl, await server.token(v.classTeacher.user.id));
    const newClient = new LiveClient(server.wsUrl, await server.token(v.substitute.user.id));
    clients.push(oldClient, newClient);
    await Promise.all([oldClient.ready(), newClient.ready()]);
    const oldStream = oldClient.subscribe(DIARY_EVENTS, { studentId: gid('Student', v.student.student.id) });
    const newStream = newClient.subscribe(DIARY_EVENTS);
    await settle(200);

    const mark = (value: string) => as(server, v.teacher.user.id, RECORD_MARK, {
      i: { lessonId: gid('Lesson', v.lesson.id), studentId: gid('Student', v.student.student.id), value, workTypeCode: 'ORAL' },
    });
    ok(await mark('5'));
    await waitFor(() => oldStream.events.length === 1, 5_000, 'the old class teacher to get the mark before');
    expect(newStream.events).toHaveLength(0);
    await expectRefused(server, v.substitute.user.id, ISSUE, { i: { studentId: gid('Student', newcomer.id) } }, 'NOT_FOUND');
    ok(await as(server, v.classTeacher.user.id, ISSUE, { i: { studentId: gid('Student', newcomer.id) } }));

    ok(await as(server, v.admin.user.id, UPDATE, { i: { classId, classTeacherId: employee(v.substitute) } }));

    // Credentials: the old class teacher is refused, the new one allowed, right after the change.
    await expectRefused(server, v.classTeacher.user.id, ISSUE, { i: { studentId: gid('Student', another.id) } }, 'NOT_FOUND');
    expect(ok(await as(server, v.substitute.user.id, ISSUE, { i: { studentId: gid('Student', another.id) } })).issueCredentials.login).toMatch(/^s\.petrov/);
    // The live diary: the old class teacher's stream ends; the new one's gets the class's events.
    await waitFor(() => oldStream.errors.length > 0, 2_000, 'the old class teacher\'s stream to end');
    expect(JSON.stringify(oldStream.errors)).toContain('FORBIDDEN');
    ok(await mark('4'));
    await waitFor(() => newStream.events.length === 1, 5_000, 'the new class teacher to get the mark');
    await settle();
    expect(oldStream.events).toHaveLength(1);
    expect(newStream.events[0].student.id).toBe(gid('Student', v.student.student.id));

    // Removing the class teacher (null) ends the new one's tie as well.
    ok(await as(server, v.admin.user.id, UPDATE, { i: { classId, classTeacherId: null } }));
    expect((await server.em().findOneOrFail(ClassGroup, v.class5a.id)).classTeacher).toBeFalsy();
    await expectRefused(server, v.substitute.user.id, ISSUE, { i: { studentId: gid('Student', another.id) } }, 'NOT_FOUND');
  });
});

describe('closeClass', () => {
  it('is refused while pupils are enrolled (CLASS_HAS_ENROLLMENTS), changing nothing', async () => {
    const r = await expectRefused(server, w.admin.user.id, CLOSE, { i: { classId: gid('ClassGroup', w.class5b.id) } }, 'CLASS_HAS_ENROLLMENTS');
    expect(r.errors![0].extensions!.count).toBeGreaterThan(0);
  });

  it('closes an empty class: gone from the list unless asked for; a closed class is not changed again', async () => {
    const created = ok(await as(server, w.admin.user.id, CREATE, { i: { yearId, grade: 11, letter: 'Я' } })).createClass;
    expect(ok(await as(server, w.director.user.id, CLASSES, { y: yearId })).classGroups.map((c: any) => c.name)).toContain('11Я');
    await expectRefused(server, w.director.user.id, CLOSE, { i: { classId: created.id } }, 'FORBIDDEN');
    await expectNotFoundLikeMissing(server, w.otherAdmin.user.id, CLOSE, { i: { classId: created.id } }, { i: { classId: randomId('ClassGroup') } });
    const closed = ok(await as(server, w.admin.user.id, CLOSE, { i: { classId: created.id, expectedVersion: created.version } })).closeClass;
    expect(closed.closedAt).toBe('2026-11-20T09:00:00.000Z');
    expect(ok(await as(server, w.director.user.id, CLASSES, { y: yearId })).classGroups.map((c: any) => c.name)).not.toContain('11Я');
    expect(ok(await as(server, w.director.user.id, CLASSES, { y: yearId, c: true })).classGroups.map((c: any) => c.name)).toContain('11Я');
    await expectRefused(server, w.admin.user.id, CLOSE, { i: { classId: created.id } }, 'BAD_USER_INPUT');
    await expectRefused(server, w.admin.user.id, UPDATE, { i: { classId: created.id, shift: 2 } }, 'BAD_USER_INPUT');
  });

  it('a closed class takes no one in: the movement book refuses an ENROLL or TRANSFER into it, changing nothing', async () => {
    const shut = await buildClass(server.em(), w.school, { grade: 3, letter: 'Щ' });
    ok(await as(server, w.admin.user.id, CLOSE, { i: { classId: gid('ClassGroup', shut.id) } }));
    const pupil = await buildStudent(server.em(), w.class5a);
    const order = (type: string) => ({ i: {
      studentId: gid('Student', pupil.student.id), type, number: `з-${type}`, orderDate: '2026-11-20', effectiveOn: '2026-11-23', toClassId: gid('ClassGroup', shut.id),
    } });
    const MOVE = `mutation($i: CreateMovementOrderInput!) { createMovementOrder(input: $i) { id } }`;
    const r = await expectRefused(server, w.admin.user.id, MOVE, order('TRANSFER_CLASS'), 'BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe('toClassId');
    const [{ n }] = await server.em().getConnection().execute<{ n: string }[]>('select count(*) n from enrollment where class_group_id = ?', [shut.id]);
    expect(Number(n)).toBe(0);
  });

  it('closes a class whose pupils have all left', async () => {
    const left = await buildClass(server.em(), w.school, { grade: 4, letter: 'Ю' });
    await buildStudent(server.em(), left, { endsOn: '2026-10-31' });
    ok(await as(server, w.admin.user.id, CLOSE, { i: { classId: gid('ClassGroup', left.id) } }));
  });
});

describe('classGroups (reads)', () => {
  it('lists every class to the staff but HR, the own class to a student, the children\'s to a parent', async () => {
    const names = async (userId: string) => ok(await as(server, userId, CLASSES, { y: yearId })).classGroups.map((c: any) => c.name);
    const all = await names(w.director.user.id);
    expect(all).toEqual(expect.arrayContaining(['1А', '5А', '5Б', '6В']));
    for (const who of [w.admin, w.deputy, w.teacher, w.secretary]) expect(await names(who.user.id)).toEqual(all);
    expect(await names(w.student.user!.id)).toEqual(['5А']);
    expect(await names(w.parent.user.id)).toEqual(['5А']);
    expect(await names(w.otherParent.user.id)).toEqual(['5Б']);
    expect(errorCode(await as(server, w.hr.user.id, CLASSES, { y: yearId }))).toBe('FORBIDDEN');
    expect(errorCode(await as(server, w.coordinator.id, CLASSES, { y: yearId }))).toBe('FORBIDDEN');
  });

  it('AcademicYear.classGroups lists the same classes as classGroups(yearId:), closed ones included', async () => {
    const ofYear = async (userId: string) => {
      const r = await as(server, userId, '{ academicYears { id classGroups { name } } }');
      return ok(r).academicYears.find((y: any) => y.id === yearId).classGroups.map((c: any) => c.name);
    };
    expect(await ofYear(w.director.user.id)).toEqual(expect.arrayContaining(['1А', '5А', '5Б']));
    expect(await ofYear(w.student.user!.id)).toEqual(['5А']);
    expect(await ofYear(w.parent.user.id)).toEqual(['5А']);
    expect(await ofYear(w.otherParent.user.id)).toEqual(['5Б']);
  });

  it('answers another school\'s year like a missing one', async () => {
    const foreign = await as(server, w.otherAdmin.user.id, CLASSES, { y: yearId });
    const missing = await as(server, w.otherAdmin.user.id, CLASSES, { y: gid('AcademicYear', randomUUID()) });
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors).toEqual(missing.errors);
  });
});

describe('school settings', () => {
  const SETTINGS = `{ schoolSettings { id name timeZone } }`;
  const UPDATE_SETTINGS = `mutation($i: UpdateSchoolSettingsInput!) { updateSchoolSettings(input: $i) { name timeZone } }`;
  const schoolRow = async () => server.em().getConnection().execute(`select name, timezone from school where id = ?`, [w.school.id]);

  it('lets ADMIN rename the school and change its time zone; the staff read them', async () => {
    ok(await as(server, w.admin.user.id, UPDATE_SETTINGS, { i: { name: 'Школа № 1', timeZone: 'Asia/Yekaterinburg' } }));
    for (const who of [w.director, w.teacher, w.secretary]) {
      expect(ok(await as(server, who.user.id, SETTINGS)).schoolSettings).toMatchObject({ name: 'Школа № 1', timeZone: 'Asia/Yekaterinburg' });
    }
    expect(errorCode(await as(server, w.hr.user.id, SETTINGS))).toBe('FORBIDDEN');
    ok(await as(server, w.admin.user.id, UPDATE_SETTINGS, { i: { timeZone: 'Europe/Moscow' } }));
  });

  it.each(['Mars/Olympus', 'moscow', '+03:00', 'Europe/Moscow; drop table school'])('refuses the time zone %s', async (timeZone) => {
    const before = await schoolRow();
    const r = await as(server, w.admin.user.id, UPDATE_SETTINGS, { i: { timeZone } });
    expect({ code: errorCode(r), field: r.errors?.[0].extensions?.field }).toEqual({ code: 'BAD_USER_INPUT', field: 'timeZone' });
    expect(await schoolRow()).toEqual(before);
  });

  it('is refused to the staff but ADMIN and to a revoked ADMIN; another school\'s ADMIN finds no such school', async () => {
    const before = await schoolRow();
    for (const who of [w.director.user.id, w.deputy.user.id, w.teacher.user.id, revokedAdmin.user.id]) {
      expect(errorCode(await as(server, who, UPDATE_SETTINGS, { i: { name: 'Чужая' } }))).toBe('FORBIDDEN');
    }
    const foreign = await as(server, w.otherAdmin.user.id, UPDATE_SETTINGS, { i: { schoolId: gid('School', w.school.id), name: 'Чужая' } });
    const missing = await as(server, w.otherAdmin.user.id, UPDATE_SETTINGS, { i: { schoolId: randomId('School'), name: 'Чужая' } });
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors).toEqual(missing.errors);
    expect(await schoolRow()).toEqual(before);
  });
});

describe('bells per shift', () => {
  const CREATE_BELL = `mutation($i: CreateBellInput!) { createBell(input: $i) { id shift number version } }`;
  const DELETE_BELL = `mutation($i: DeleteInput!) { deleteBell(input: $i) }`;

  it('the deputy head deletes a bell of a shift; others may not; a bell the timetable rings stays', async () => {
    const bell = ok(await as(server, w.deputy.user.id, CREATE_BELL, { i: { shift: 2, number: 1, startsAt: '13:30', endsAt: '14:15' } })).createBell;
    for (const who of [w.admin.user.id, w.teacher.user.id]) {
      await expectRefused(server, who, DELETE_BELL, { i: { id: bell.id, expectedVersion: bell.version } }, 'FORBIDDEN');
    }
    const otherDeputy = await buildStaff(server.em(), w.otherSchool, [Role.DEPUTY_ACADEMIC]);
    await expectNotFoundLikeMissing(server, otherDeputy.user.id, DELETE_BELL, { i: { id: bell.id, expectedVersion: bell.version } },
      { i: { id: randomId('Bell'), expectedVersion: 1 } });
    const em = server.em();
    const entry = em.create(TimetableEntry, {
      year: await currentYear(em, w.school), classGroup: w.class5b, subject: w.math, teacher: w.teacher.employee,
      weekday: 3, bellNumber: 1, shift: 2, validFrom: '2026-09-01',
    });
    await em.flush();
    await expectRefused(server, w.deputy.user.id, DELETE_BELL, { i: { id: bell.id, expectedVersion: bell.version } }, 'BAD_USER_INPUT');
    await em.getConnection().execute('delete from timetable_entry where id = ?', [entry.id]);
    expect(ok(await as(server, w.deputy.user.id, DELETE_BELL, { i: { id: bell.id, expectedVersion: bell.version } })).deleteBell).toBe(bell.id);
    expect(await em.getConnection().execute(`select 1 from bell where school_id = ? and shift = 2`, [w.school.id])).toEqual([]);
  });
});
