import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import {
  CurriculumComponent, CurriculumItem, Gender, Guardian, Guardianship, LessonRecord, PersonalDataConsent, Role, RoleGrant, Student,
} from '../../entities';
import { expandFiles, parseCsv, unzip } from '../../domain/interchange/import-files';
import { readRoster } from '../../domain/interchange/roster-readers';
import { safeCell } from '../../domain/interchange/spreadsheet-export';
import { exportCommand } from '../../server/cli-export';
import { toGlobalId } from '../../schema/global-id';
import { buildMark, buildParent, buildStaff, buildStudent, buildWorld, type World } from '../support/factories';
import { errorCode, TestServer } from '../support/server';

// Export of a school (issue 18 part 3): OneRoster 1.2 zip, the spreadsheet set, lists; delivery once.

let server: TestServer;
let w: World;

const REQUEST = `mutation($schoolId: ID!, $format: ExportFormat!, $yearId: ID, $list: ExportListInput) {
  requestExport(schoolId: $schoolId, format: $format, yearId: $yearId, list: $list) { url expiresAt fileName contentType size } }`;

type Rows = Record<string, string>[];

async function request(userId: string, format: string, list?: Record<string, unknown>) {
  return server.gql(REQUEST, { schoolId: toGlobalId('School', w.school.id), format, list }, await server.token(userId));
}

async function download(url: string, userId: string | null): Promise<Response> {
  return fetch(`${server.url}${url}`, { headers: userId ? { authorization: `Bearer ${await server.token(userId)}` } : {} });
}

/** Requests an export as `userId`, downloads it, and answers the zip's files parsed (or the CSV's bytes). */
async function exported(userId: string, format: string, list?: Record<string, unknown>): Promise<{ files: Map<string, Rows>; raw: Map<string, Buffer>; body: Buffer }> {
  const r = await request(userId, format, list);
  expect(r.errors).toBeUndefined();
  const res = await download(r.data!.requestExport.url, userId);
  expect(res.status).toBe(200);
  const body = Buffer.from(await res.arrayBuffer());
  expect(body.length).toBe(r.data!.requestExport.size);
  const files = new Map<string, Rows>();
  const raw = new Map<string, Buffer>();
  if (format !== 'LIST_CSV') {
    for (const f of await unzip(body, 'export.zip')) {
      raw.set(f.name, f.content);
      files.set(f.name, parse(f.content, { columns: true, bom: true, delimiter: format === 'SPREADSHEET_ZIP' ? ';' : ',' }) as Rows);
    }
  }
  return { files, raw, body };
}

/** The factories' names carry hex digits ("Ученик-3fa9"), which the importer refuses as names: letters instead. */
async function letterNames(): Promise<void> {
  for (const table of ['student', 'guardian', 'employee']) {
    await server.em().getConnection().execute(`update ${table} set last_name = translate(last_name, '0123456789', 'абвгдежзик')`);
  }
}

beforeAll(async () => {
  server = await TestServer.start();
  const em = server.em();
  w = await buildWorld(em);
  const year = w.class5a.year;
  for (const [cls, subject, hours] of [[w.class5a, w.math, '4.0'], [w.class5a, w.russian, '5.0'], [w.class5b, w.math, '4.5'], [w.class1a, w.math, '4.0']] as const) {
    em.create(CurriculumItem, { year, classGroup: cls, subject, hoursPerWeek: hours, component: CurriculumComponent.COMPULSORY });
  }
  const student = await em.findOneOrFail(Student, w.student.student.id);
  student.birthDate = '2015-04-02';
  student.gender = Gender.MALE;
  const link = await em.findOneOrFail(Guardianship, w.parent.guardianships[0].id);
  link.relation = 'мать';
  em.create(PersonalDataConsent, {
    school: w.school, student, givenByName: 'Иванова Ольга Петровна', givenByRelation: 'мать', givenOn: '2026-09-01', recordedBy: w.secretary.user, createdAt: new Date(),
  });
  // A teacher who is also a parent: one account, an employee card and a guardian card (of the classmate).
  const teacherAsParent = em.create(Guardian, { school: w.school, user: w.teacher.user, lastName: 'Учителева', firstName: 'Мария' });
  em.create(Guardianship, { guardian: teacherAsParent, student: w.classmate.student, relation: 'мать', createdAt: new Date('2026-09-01T00:00:00Z') });
  em.create(RoleGrant, { user: w.teacher.user, role: Role.PARENT, school: w.school });
  em.create(LessonRecord, { lesson: w.lesson, topic: 'Дроби', homework: '№ 12', updatedBy: w.teacher.user, updatedAt: new Date() });
  await em.flush();
  await buildMark(em, { lesson: w.lesson, student: w.student.student, author: w.teacher.user, value: '5', workTypeCode: 'CONTROL' });
  await buildMark(em, { lesson: w.lesson, student: w.classmate.student, author: w.teacher.user, value: '3' });
  // The other school's rows, which no export of this school may carry.
  await buildMark(em, { lesson: w.lesson5b, student: w.otherStudent.student, author: w.teacher.user, value: '4' });
  await letterNames();
});
afterAll(async () => { await server.stop(); });

describe('OneRoster 1.2 zip', () => {
  let files: Map<string, Rows>;
  let raw: Map<string, Buffer>;
  beforeAll(async () => { ({ files, raw } = await exported(w.admin.user.id, 'ONEROSTER_ZIP')); });

  it('holds the bulk files of OneRoster 1.2 and a manifest naming them', () => {
    expect([...files.keys()].sort()).toEqual(['academicSessions.csv', 'classes.csv', 'courses.csv', 'demographics.csv', 'enrollments.csv',
      'lineItems.csv', 'manifest.csv', 'orgs.csv', 'results.csv', 'roles.csv', 'users.csv'].sort());
    const manifest = new Map(files.get('manifest.csv')!.map((r) => [r.propertyName, r.value]));
    expect(manifest.get('oneroster.version')).toBe('1.2');
    expect(manifest.get('file.users')).toBe('bulk');
    expect(manifest.get('file.results')).toBe('bulk');
    expect(manifest.get('file.categories')).toBe('absent');
  });

  it('writes the school, its year with its periods, the homeroom and subject courses', () => {
    expect(files.get('orgs.csv')).toEqual([expect.objectContaining({ sourcedId: w.school.id, name: w.school.name, type: 'school' })]);
    const sessions = files.get('academicSessions.csv')!;
    expect(sessions[0]).toEqual(expect.objectContaining({ sourcedId: w.class5a.year.id, type: 'schoolYear', title: '2026/2027', startDate: '2026-09-01', schoolYear: '2027' }));
    expect(sessions.slice(1).map((s) => [s.type, s.parentSourcedId, s['metadata.ordinal']])).toEqual(
      [1, 2, 3, 4].map((n) => ['gradingPeriod', w.class5a.year.id, String(n)]));
    const courses = files.get('courses.csv')!;
    expect(courses.find((c) => c.courseCode === 'homeroom')).toBeTruthy();
    expect(courses.find((c) => c.sourcedId === w.math.id)).toEqual(expect.objectContaining({ title: 'Математика', 'metadata.gradingScale': 'FIVE_POINT', grades: '01,05' }));
  });

  it('writes homeroom classes and the curriculum as scheduled classes', () => {
    const classes = files.get('classes.csv')!;
    expect(classes.filter((c) => c.classType === 'homeroom').map((c) => [c.classCode, c.grades, c['metadata.shift']]).sort())
      .toEqual([['1А', '01', '1'], ['5А', '05', '1'], ['5Б', '05', '1']]);
    const scheduled = classes.filter((c) => c.classType === 'scheduled');
    expect(scheduled).toHaveLength(4);
    expect(scheduled.find((c) => c['metadata.homeroomSourcedId'] === w.class5b.id)).toEqual(expect.objectContaining({
      courseSourcedId: w.math.id, 'metadata.hoursPerWeek': '4.5', 'metadata.component': 'COMPULSORY', termSourcedIds: w.class5a.year.id,
    }));
  });

  it('writes users with logins, guardianship on both sides, relation, position and consent; only this school\'s', () => {
    const users = files.get('users.csv')!;
    const pupil = users.find((u) => u.sourcedId === w.student.student.id)!;
    expect(pupil).toEqual(expect.objectContaining({
      username: w.student.user!.login, enabledUser: 'true', grades: '05', agentSourcedIds: w.parent.guardian.id,
      'metadata.consentGivenOn': '2026-09-01', 'metadata.consentGivenBy': 'Иванова Ольга Петровна', 'metadata.consentRelation': 'мать',
    }));
    const parent = users.find((u) => u.sourcedId === w.parent.guardian.id)!;
    expect(parent).toEqual(expect.objectContaining({ username: w.parent.user.login, agentSourcedIds: w.student.student.id, 'metadata.relation': `${w.student.student.id}:мать` }));
    expect(users.find((u) => u.sourcedId === w.classmate.student.id)!.username).toBe('');
    const ids = new Set(users.map((u) => u.sourcedId));
    expect(ids.has(w.otherAdmin.employee.id)).toBe(false);
    expect(ids.has(w.otherTeacher.employee.id)).toBe(false);
    // The coordinator holds no card and no school role: not a user of the school's roster.
    expect(users.some((u) => u.username === w.coordinator.login)).toBe(false);
    expect(users.filter((u) => u.sourcedId === w.admin.employee.id)).toHaveLength(1);
    const roles = files.get('roles.csv')!;
    expect(roles.filter((r) => r.userSourcedId === w.deputy.employee.id).map((r) => [r.role, r['metadata.role']])).toEqual([['administrator', 'DEPUTY_ACADEMIC']]);
    expect(files.get('demographics.csv')).toEqual([expect.objectContaining({ sourcedId: w.student.student.id, birthDate: '2015-04-02', sex: 'male' })]);
  });

  it('writes an account with two cards as two rows, each with the login', () => {
    const users = files.get('users.csv')!;
    const asTeacher = users.find((u) => u.sourcedId === w.teacher.employee.id)!;
    const asParent = users.find((u) => u.familyName === 'Учителева')!;
    expect(asTeacher.username).toBe(w.teacher.user.login);
    expect(asParent.username).toBe(w.teacher.user.login);
    expect(asParent.agentSourcedIds).toBe(w.classmate.student.id);
    const roles = files.get('roles.csv')!;
    expect(roles.filter((r) => r.userSourcedId === asTeacher.sourcedId).map((r) => r['metadata.role'])).toEqual(['TEACHER']);
    expect(roles.filter((r) => r.userSourcedId === asParent.sourcedId).map((r) => r['metadata.role'])).toEqual(['PARENT']);
  });

  it('writes pupils, class teachers and teaching assignments as enrollments', () => {
    const enrollments = files.get('enrollments.csv')!;
    const pupil = enrollments.find((e) => e.userSourcedId === w.student.student.id)!;
    expect(pupil).toEqual(expect.objectContaining({ classSourcedId: w.class5a.id, role: 'student', primary: 'false', beginDate: '2026-09-01' }));
    expect(enrollments.filter((e) => e.classSourcedId === w.class5a.id && e.role === 'teacher')).toEqual([
      expect.objectContaining({ userSourcedId: w.classTeacher.employee.id, primary: 'true' })]);
    const scheduled = new Map(files.get('classes.csv')!.filter((c) => c.classType === 'scheduled').map((c) => [c.sourcedId, c]));
    const taught = enrollments.filter((e) => scheduled.has(e.classSourcedId));
    expect(taught.map((e) => `${scheduled.get(e.classSourcedId)!['metadata.homeroomSourcedId']}|${scheduled.get(e.classSourcedId)!.courseSourcedId}|${e.userSourcedId}`).sort()).toEqual([
      `${w.class5a.id}|${w.math.id}|${w.teacher.employee.id}`, `${w.class5b.id}|${w.math.id}|${w.teacher.employee.id}`,
      `${w.class5a.id}|${w.russian.id}|${w.classTeacher.employee.id}`, `${w.class1a.id}|${w.math.id}|${w.primaryTeacher.employee.id}`,
    ].sort());
  });

  it('writes a line item per lesson with marks and a result per current mark', () => {
    const lineItems = files.get('lineItems.csv')!;
    const lesson5a = lineItems.find((l) => l.sourcedId === w.lesson.id)!;
    const scheduled = files.get('classes.csv')!.find((c) => c.classType === 'scheduled' && c['metadata.homeroomSourcedId'] === w.class5a.id && c.courseSourcedId === w.math.id)!;
    expect(lesson5a).toEqual(expect.objectContaining({
      title: 'Дроби', assignDate: '2026-11-20', classSourcedId: scheduled.sourcedId, resultValueMin: '1.0', resultValueMax: '5.0',
      gradingPeriodSourcedId: files.get('academicSessions.csv')![2].sourcedId,
    }));
    const results = files.get('results.csv')!;
    expect(results.filter((r) => r.lineItemSourcedId === w.lesson.id).map((r) => [r.studentSourcedId, r.score, r['metadata.workType'], r.scoreDate]).sort()).toEqual([
      [w.classmate.student.id, '3', 'ORAL', '2026-11-20'], [w.student.student.id, '5', 'CONTROL', '2026-11-20'],
    ].sort());
  });

  it('is read back by the importer without a problem', async () => {
    const roster = readRoster((await expandFiles([...raw].map(([name, content]) => ({ name, content })))).map(parseCsv));
    expect(roster.problems).toEqual([]);
    expect(roster.format).toBe('ONEROSTER');
    expect(roster.classes).toHaveLength(3);
    expect(roster.curriculum).toHaveLength(4);
    expect(roster.classTeachers).toHaveLength(2);
    expect(roster.assignments).toHaveLength(4);
    const links = roster.guardianships.map((g) => `${g.guardianKey}|${g.studentKey}|${g.relation}`);
    expect(links).toHaveLength(3);
    expect(links).toEqual(expect.arrayContaining([
      `${w.parent.guardian.id}|${w.student.student.id}|мать`, `${w.otherParent.guardian.id}|${w.otherStudent.student.id}|null`,
      expect.stringMatching(new RegExp(`\\|${w.classmate.student.id}\\|мать$`)),
    ]));
    const teacherCards = roster.people.filter((p) => p.lastName === 'Учителева' || p.key === w.teacher.employee.id);
    expect(teacherCards.map((p) => [p.kind, p.login])).toEqual([['EMPLOYEE', w.teacher.user.login], ['GUARDIAN', w.teacher.user.login]]);
  });

  it('writes no logins and no marks for a secretary (what the matrix lets them see)', async () => {
    const { files: secretary } = await exported(w.secretary.user.id, 'ONEROSTER_ZIP');
    expect(secretary.has('results.csv')).toBe(false);
    expect(secretary.has('lineItems.csv')).toBe(false);
    expect(secretary.get('users.csv')!.every((u) => u.username === '')).toBe(true);
    expect(secretary.get('classes.csv')!.every((c) => c.classType === 'homeroom')).toBe(true);
    expect(secretary.get('users.csv')!.length).toBeGreaterThan(5);
  });
});

describe('who may export', () => {
  const downloads = async () => Number((await server.em().getConnection().execute<{ n: string }[]>('select count(*)::text n from download'))[0].n);

  it('refuses a teacher (FORBIDDEN), another school\'s admin (NOT_FOUND) and no one signed in, writing nothing', async () => {
    const before = await downloads();
    expect(errorCode(await request(w.teacher.user.id, 'ONEROSTER_ZIP'))).toBe('FORBIDDEN');
    expect(errorCode(await request(w.classTeacher.user.id, 'SPREADSHEET_ZIP'))).toBe('FORBIDDEN');
    expect(errorCode(await request(w.otherAdmin.user.id, 'ONEROSTER_ZIP'))).toBe('NOT_FOUND');
    expect(errorCode(await server.gql(REQUEST, { schoolId: toGlobalId('School', w.school.id), format: 'ONEROSTER_ZIP' }))).toBe('UNAUTHENTICATED');
    const missing = await server.gql(REQUEST, { schoolId: toGlobalId('School', randomUUID()), format: 'ONEROSTER_ZIP' }, await server.token(w.admin.user.id));
    expect(errorCode(missing)).toBe('NOT_FOUND');
    expect(await downloads()).toBe(before);
  });

  it('lets a secretary have the pupils list but not a class journal\'s marks', async () => {
    expect(errorCode(await request(w.secretary.user.id, 'LIST_CSV', { name: 'CLASS_JOURNAL_MARKS', classId: toGlobalId('ClassGroup', w.class5a.id) }))).toBe('FORBIDDEN');
    const r = await request(w.secretary.user.id, 'LIST_CSV', { name: 'PUPILS' });
    expect(r.errors).toBeUndefined();
  });

  it('refuses an Idempotency-Key (the answer is a credential: never stored, never replayed)', async () => {
    const before = await downloads();
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.token(w.admin.user.id)}`, 'idempotency-key': randomUUID() },
      body: JSON.stringify({ query: REQUEST, variables: { schoolId: toGlobalId('School', w.school.id), format: 'ONEROSTER_ZIP' } }),
    });
    const body = await res.json() as { errors?: { extensions?: { code?: string; field?: string } }[] };
    expect(body.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' }));
    expect(await downloads()).toBe(before);
  });

  it('records the export in the audit log', async () => {
    await request(w.deputy.user.id, 'SPREADSHEET_ZIP');
    const [entry] = await server.em().getConnection().execute<{ action: string; after: { format: string; sha256: string } }[]>(
      `select action, after from audit_entry where actor_id = ? and action = 'interchange.export' order by at desc limit 1`, [w.deputy.user.id]);
    expect(entry.after.format).toBe('SPREADSHEET_ZIP');
    expect(entry.after.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The cards the file holds are in the personal-data access log, as reads by the exporter.
    const logged = await server.em().getConnection().execute<{ card_kind: string; card_id: string }[]>(
      `select card_kind, card_id from personal_data_access where actor_id = ? and what = 'requestExport'`, [w.deputy.user.id]);
    expect(logged).toEqual(expect.arrayContaining([
      { card_kind: 'STUDENT', card_id: w.student.student.id }, { card_kind: 'GUARDIAN', card_id: w.parent.guardian.id },
    ]));
    expect(logged.some((l) => l.card_id === w.otherAdmin.employee.id)).toBe(false);
  });

  it('refuses a year of another school as NOT_FOUND', async () => {
    const [year] = await server.em().getConnection().execute<{ id: string }[]>('select id from academic_year where school_id = ?', [w.otherSchool.id]);
    const r = await server.gql(REQUEST, { schoolId: toGlobalId('School', w.school.id), format: 'ONEROSTER_ZIP', yearId: toGlobalId('AcademicYear', year.id) }, await server.token(w.admin.user.id));
    expect(errorCode(r)).toBe('NOT_FOUND');
  });
});

describe('the download', () => {
  it('is served once, to its requester only; after an hour it is gone', async () => {
    const r = await request(w.admin.user.id, 'ONEROSTER_ZIP');
    const { url, expiresAt, contentType, fileName } = r.data!.requestExport;
    expect(url).toMatch(/^\/downloads\/[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(expiresAt) - server.clock.now().getTime()).toBe(3600_000);
    expect(contentType).toBe('application/zip');
    expect(fileName).toBe('oneroster-2026-2027.zip');
    expect((await download(url, null)).status).toBe(401);
    expect((await download(url, w.director.user.id)).status).toBe(404);
    expect((await download(url, w.otherAdmin.user.id)).status).toBe(404);
    const first = await download(url, w.admin.user.id);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-disposition')).toContain('attachment; filename="oneroster-2026-2027.zip"');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect((await download(url, w.admin.user.id)).status).toBe(404);
    // The bytes are not kept once served.
    const [row] = await server.em().getConnection().execute<{ n: number }[]>('select length(bytes) n from download where redeemed_at is not null order by redeemed_at desc limit 1');
    expect(row.n).toBe(0);

    const late = (await request(w.admin.user.id, 'ONEROSTER_ZIP')).data!.requestExport.url;
    const token = await server.token(w.admin.user.id);
    const then = server.clock.now();
    server.clock.set(new Date(then.getTime() + 60 * 60_000 + 1000));
    try {
      const res = await fetch(`${server.url}${late}`, { headers: { authorization: `Bearer ${token}` } });
      expect([401, 404]).toContain(res.status);
      expect((await download(late, w.admin.user.id)).status).toBe(404);
    } finally {
      server.clock.set(then);
    }
    expect((await download('/downloads/not-a-token', w.admin.user.id)).status).toBe(404);
  });
});

describe('the download after a role is taken away', () => {
  it('is 404 once the requester no longer may export in the school', async () => {
    const secretary = await buildStaff(server.em(), w.school, [Role.SECRETARY]);
    const r = await request(secretary.user.id, 'LIST_CSV', { name: 'PUPILS' });
    expect(r.errors).toBeUndefined();
    const token = await server.token(secretary.user.id);
    await server.em().getConnection().execute('delete from role_grant where user_id = ?', [secretary.user.id]);
    const res = await fetch(`${server.url}${r.data!.requestExport.url}`, { headers: { authorization: `Bearer ${token}` } });
    expect([401, 404]).toContain(res.status);
    const [row] = await server.em().getConnection().execute<{ redeemed: boolean }[]>(
      'select redeemed_at is not null redeemed from download where requested_by_id = ?', [secretary.user.id]);
    expect(row.redeemed).toBe(false);
  });
});

describe('the cost', () => {
  it('takes the same number of statements however many pupils, guardians and marks the school has', async () => {
    const measure = async () => (await server.countStatements(() => request(w.admin.user.id, 'ONEROSTER_ZIP'))).statements;
    await measure();
    const small = await measure();
    const em = server.em();
    for (let i = 0; i < 15; i++) {
      const pupil = await buildStudent(em, w.class5b, { withLogin: i % 2 === 0 });
      await buildParent(em, w.school, [pupil.student]);
      await buildMark(em, { lesson: w.lesson5b, student: pupil.student, author: w.teacher.user, value: String(2 + (i % 4)) });
    }
    const large = await measure();
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(40);
  });
});

describe('spreadsheet CSV', () => {
  it('prefixes every cell a spreadsheet would run as a formula', () => {
    expect(['=SUM(A1)', '+7 900', '-1', '@x', '\tx', '\rx', 'Иванов', '', '5'].map((v) => safeCell(v)))
      .toEqual(["'=SUM(A1)", "'+7 900", "'-1", "'@x", "'\tx", "'\rx", 'Иванов', '', '5']);
  });

  it('writes the spreadsheet set with the import\'s columns, BOM and ";" — and no formula', async () => {
    await letterNames();
    const em = server.em();
    await em.getConnection().execute('update employee set position = ? where id = ?', ['=HYPERLINK("http://evil")', w.hr.employee.id]);
    await em.getConnection().execute('update guardian set phone = ? where id = ?', ['+7 900 111-22-33', w.parent.guardian.id]);
    const { files, raw } = await exported(w.admin.user.id, 'SPREADSHEET_ZIP');
    expect([...files.keys()].sort()).toEqual(['classes.csv', 'curriculum.csv', 'guardians.csv', 'staff.csv', 'students.csv']);
    for (const content of raw.values()) expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.get('staff.csv')!.toString('utf8').split('\r\n')[0]).toBe('\uFEFFid;фамилия;имя;отчество;должность;роли;логин;телефон;email;согласие дата;согласие дал;согласие кем приходится');
    expect(files.get('staff.csv')!.find((s) => s.id === w.hr.employee.id)!['должность']).toBe('\'=HYPERLINK("http://evil")');
    expect(files.get('guardians.csv')!.find((g) => g.id === w.parent.guardian.id)!['телефон']).toBe("'+7 900 111-22-33");
    expect(files.get('staff.csv')!.find((s) => s.id === w.deputy.employee.id)!['роли']).toBe('завуч');
    expect(files.get('classes.csv')!.find((c) => c['класс'] === '5А')!['классный руководитель']).toBe(w.classTeacher.employee.id);
    expect(files.get('students.csv')!.find((s) => s.id === w.student.student.id)).toEqual(expect.objectContaining({
      'класс': '5А', 'дата рождения': '02.04.2015', 'пол': 'м', 'логин': w.student.user!.login, 'зачислен с': '01.09.2026',
    }));
    expect(files.get('curriculum.csv')!.find((c) => c['класс'] === '5Б')).toEqual({ 'класс': '5Б', 'предмет': 'Математика', 'часов в неделю': '4,5', 'учитель': w.teacher.employee.id });
    // The importer reads the set: it takes the guard's ' off (the phone is a phone again), and refuses the formula itself.
    const roster = readRoster([...raw].map(([name, content]) => parseCsv({ name, content })));
    expect(roster.problems).toEqual([expect.objectContaining({ file: 'staff.csv', column: 'должность', message: expect.stringMatching(/formula/) })]);
    expect(roster.people.find((p) => p.key === `guardian:${w.parent.guardian.id}`)!.phone).toBe('+7 900 111-22-33');
    await em.getConnection().execute('update employee set position = null where id = ?', [w.hr.employee.id]);
    await em.getConnection().execute('update guardian set phone = null where id = ?', [w.parent.guardian.id]);
  });

  it('writes a class journal\'s marks of a class × subject × period, a column per lesson', async () => {
    const period = (await server.em().getConnection().execute<{ id: string }[]>('select id from study_period where year_id = ? and ordinal = 2', [w.class5a.year.id]))[0];
    const { body } = await exported(w.deputy.user.id, 'LIST_CSV', {
      name: 'CLASS_JOURNAL_MARKS', classId: toGlobalId('ClassGroup', w.class5a.id), subjectId: toGlobalId('Subject', w.math.id), studyPeriodId: toGlobalId('StudyPeriod', period.id),
    });
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(body, { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['№', 'ученик', '20.11', 'средний балл']);
    const aver = rows.find((r) => r[1].startsWith('Аверин'))!;
    expect(aver.slice(2)).toEqual(['5', '5,00']);
    expect(rows.find((r) => r[1].startsWith('Борисов'))!.slice(2)).toEqual(['3', '3,00']);
    expect(rows).toHaveLength(3);
  });

  it('refuses a class of another school as NOT_FOUND, and a list without its arguments as BAD_USER_INPUT', async () => {
    const otherClass = (await server.em().getConnection().execute<{ id: string }[]>(
      `insert into class_group (id, school_id, year_id, grade, letter, shift, version)
       select gen_random_uuid(), y.school_id, y.id, 7, 'Ж', 1, 1 from academic_year y where y.school_id = ? returning id`, [w.otherSchool.id]))[0];
    const period = (await server.em().getConnection().execute<{ id: string }[]>('select id from study_period where year_id = ? limit 1', [w.class5a.year.id]))[0];
    const r = await request(w.admin.user.id, 'LIST_CSV', {
      name: 'CLASS_JOURNAL_MARKS', classId: toGlobalId('ClassGroup', otherClass.id), subjectId: toGlobalId('Subject', w.math.id), studyPeriodId: toGlobalId('StudyPeriod', period.id),
    });
    expect(errorCode(r)).toBe('NOT_FOUND');
    const bad = await request(w.admin.user.id, 'LIST_CSV', { name: 'CLASS_JOURNAL_MARKS' });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(errorCode(await request(w.admin.user.id, 'LIST_CSV'))).toBe('BAD_USER_INPUT');
  });

  it('writes the school\'s pupils by class, formula-proof', async () => {
    await server.em().getConnection().execute('update student set middle_name = ? where id = ?', ['=1+1', w.classmate.student.id]);
    const { body } = await exported(w.admin.user.id, 'LIST_CSV', { name: 'PUPILS' });
    const rows = parse(body, { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['№', 'фамилия', 'имя', 'отчество', 'класс', 'дата рождения', 'пол', 'зачислен с', 'форма обучения']);
    expect(rows.find((r) => r[1] === 'Борисов')!.slice(3, 5)).toEqual(["'=1+1", '5А']);
    expect(rows.find((r) => r[1] === 'Аверин')!.slice(4, 9)).toEqual(['5А', '02.04.2015', 'м', '01.09.2026', 'очное']);
    expect(rows[1][4]).toBe('1А');
    await server.em().getConnection().execute('update student set middle_name = null where id = ?', [w.classmate.student.id]);
  });
});

describe('the CLI', () => {
  it('exports to a file as a named account, through the same checks', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
    const out = path.join(dir, 'school.zip');
    const log = jest.spyOn(console, 'log').mockImplementation(() => {});
    const err = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const done = await exportCommand(server.orm, server.clock, ['--school', w.school.id, '--as', w.admin.user.login, '--format', 'oneroster', '--out', out]);
      expect(done?.bytes).toBe(fs.statSync(out).size);
      const names = (await unzip(fs.readFileSync(out), 'school.zip')).map((f) => f.name);
      expect(names).toContain('users.csv');
      expect(names).toContain('results.csv');
      expect(fs.statSync(out).mode & 0o077).toBe(0);

      const refused = await exportCommand(server.orm, server.clock, ['--school', w.school.id, '--as', w.teacher.user.login, '--format', 'spreadsheet', '--out', path.join(dir, 'no.zip')]);
      expect(refused).toBeNull();
      expect(err).toHaveBeenCalledWith(expect.stringMatching(/^FORBIDDEN/));
      expect(fs.existsSync(path.join(dir, 'no.zip'))).toBe(false);
      await expect(exportCommand(server.orm, server.clock, ['--school', w.school.id])).rejects.toThrow(/export needs/);
    } finally {
      process.exitCode = 0;
      log.mockRestore();
      err.mockRestore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
