import { createHash } from 'node:crypto';
import { AuditEntry, Guardianship, IssuedDocument, LessonRecord, Mark, MarkVersion } from '../../entities';
import { toGlobalId } from '../../schema/global-id';
import { buildAbsence, buildLesson, buildMark, buildWorld, type World } from '../support/factories';
import { errorCode, TestServer } from '../support/server';
import { download, pdfText, printedHashes } from './support';

// Documents (issue 13 part 3): the printed diary of a week and the class journal as PDF, made when
// fetched once from a one-time link, checked against the matrix both times; verifyDocument.

let server: TestServer;
let w: World;

const DIARY = `mutation($studentId: ID!, $week: Date!) { requestDiaryWeekDocument(studentId: $studentId, week: $week) { url expiresAt fileName contentType } }`;
const JOURNAL = `mutation($classGroupId: ID!, $subjectId: ID!, $studyPeriodId: ID) {
  requestClassJournalDocument(classGroupId: $classGroupId, subjectId: $subjectId, studyPeriodId: $studyPeriodId) { url fileName contentType } }`;
const VERIFY = `query($sha256: String!) { verifyDocument(sha256: $sha256) { kind title madeBy madeAt contentSha256 fileSha256 pages size } }`;

async function requestDiary(userId: string, studentId: string, week = '2026-11-18') {
  return server.gql(DIARY, { studentId: toGlobalId('Student', studentId), week }, await server.token(userId));
}
async function requestJournal(userId: string, classGroupId: string, subjectId: string, studyPeriodId?: string) {
  return server.gql(JOURNAL, {
    classGroupId: toGlobalId('ClassGroup', classGroupId), subjectId: toGlobalId('Subject', subjectId),
    studyPeriodId: studyPeriodId ? toGlobalId('StudyPeriod', studyPeriodId) : null,
  }, await server.token(userId));
}

/** Asks for the document as `userId`, fetches it, and answers its bytes and text. */
async function fetched(request: () => Promise<{ data?: any; errors?: unknown }>, field: string, userId: string) {
  const r = await request();
  expect(r.errors).toBeUndefined();
  const res = await download(server, r.data[field].url, userId);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const pdf = Buffer.from(await res.arrayBuffer());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return { pdf, url: r.data[field].url as string, ...(await pdfText(pdf)) };
}

let studyPeriod2: string;

beforeAll(async () => {
  server = await TestServer.start();
  const em = server.em();
  w = await buildWorld(em);
  studyPeriod2 = (await em.getConnection().execute(`select id from study_period where year_id = ? and ordinal = 2`, [w.class5a.year.id]))[0].id;
  em.create(LessonRecord, { lesson: w.lesson, topic: 'Сложение дробей', homework: '№ 245, 247', updatedBy: w.teacher.user, updatedAt: new Date() });
  const monday = await buildLesson(em, { classGroup: w.class5a, subject: w.math, teacher: w.teacher.employee, date: '2026-11-16', number: 2 });
  em.create(LessonRecord, { lesson: monday, topic: 'Обыкновенные дроби', homework: 'Прочитать § 12', updatedBy: w.teacher.user, updatedAt: new Date() });
  const russian = await buildLesson(em, { classGroup: w.class5a, subject: w.russian, teacher: w.classTeacher.employee, date: '2026-11-17', number: 3 });
  await em.flush();
  await buildMark(em, { lesson: w.lesson, student: w.student.student, author: w.teacher.user, value: '5', workTypeCode: 'CONTROL' });
  await buildMark(em, { lesson: w.lesson, student: w.classmate.student, author: w.teacher.user, value: '3' });
  // A corrected mark (3 → 4, with its reason) and a retracted one (put on the wrong pupil).
  const corrected = await buildMark(em, { lesson: monday, student: w.student.student, author: w.teacher.user, value: '3', workTypeCode: 'HOMEWORK' });
  Object.assign(corrected, { value: '4', revision: 2, correctedAt: new Date('2026-11-16T15:00:00+03:00') });
  em.create(MarkVersion, { mark: corrected, revision: 2, value: '4', reason: 'Ошибка при вводе', createdBy: w.teacher.user, createdAt: new Date('2026-11-16T15:00:00+03:00') });
  const retracted = await buildMark(em, { lesson: monday, student: w.classmate.student, author: w.teacher.user, value: '2' });
  Object.assign(retracted, { revision: 2, retractedAt: new Date('2026-11-16T16:00:00+03:00'), retractedBy: w.teacher.user, retractionReason: 'Не тот ученик' });
  em.create(MarkVersion, { mark: retracted, revision: 2, value: '2', reason: 'Не тот ученик', retraction: true, createdBy: w.teacher.user, createdAt: new Date('2026-11-16T16:00:00+03:00') });
  await em.flush();
  await buildAbsence(em, { lesson: russian, student: w.student.student, author: w.classTeacher.user });
  const cleared = await buildAbsence(em, { lesson: monday, student: w.classmate.student, author: w.teacher.user });
  Object.assign(cleared, { clearedAt: new Date('2026-11-16T17:00:00+03:00'), clearedBy: w.teacher.user, clearReason: 'Был на уроке' });
  // The other class's mark, which no 5А document may carry.
  await buildMark(em, { lesson: w.lesson5b, student: w.otherStudent.student, author: w.teacher.user, value: '2', workTypeCode: 'TEST' });
  await em.flush();
});
afterAll(async () => { await server.stop(); });

describe('the printed diary of a week', () => {
  let doc: Awaited<ReturnType<typeof fetched>>;
  beforeAll(async () => { doc = await fetched(() => requestDiary(w.student.user!.id, w.student.student.id), 'requestDiaryWeekDocument', w.student.user!.id); });

  it('holds the pupil, the week, the lessons with topics and homework, marks with their work types and absences', () => {
    const text = doc.text.replace(/\s+/g, ' ');
    expect(text).toContain('Дневник обучающегося');
    expect(text).toContain('Аверин Иван, 5А класс');
    expect(text).toContain('Неделя с 16.11.2026 по 21.11.2026');
    expect(text).toContain('Понедельник, 16.11.2026');
    expect(text).toContain('Пятница, 20.11.2026');
    expect(text).toContain('Суббота, 21.11.2026');
    expect(text).toContain('Сложение дробей');
    expect(text).toContain('№ 245, 247');
    expect(text).toContain('Обыкновенные дроби');
    expect(text).toMatch(/5 Контрольная работа/);
    // The corrected mark shows its current value, marked.
    expect(text).toMatch(/4\* Домашняя работа/);
    expect(text).toContain('Русский язык');
    expect(text).toMatch(/н причина не указана/);
    // Nobody else's marks: the classmate's 3 and the retracted 2 are not the pupil's.
    expect(text).not.toContain('Борисов');
    expect(text).not.toMatch(/\b3 Устный ответ/);
  });

  it('carries who made it and when, page numbers and the content hash on every page', async () => {
    expect(doc.text).toMatch(/Сформирован 20\.11\.2026, 12:00, Аверин Иван \(/);
    expect(doc.text).toContain(`стр. 1 из ${doc.pages}`);
    const hashes = printedHashes(doc.text);
    expect(hashes).toHaveLength(doc.pages);
    expect(new Set(hashes).size).toBe(1);
    const rows = await server.em().find(IssuedDocument, { contentSha256: hashes[0] });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'DIARY_WEEK', madeByName: expect.stringContaining('Аверин Иван'), pages: doc.pages, bytes: String(doc.pdf.length) });
    expect(rows[0].fileSha256).toBe(createHash('sha256').update(doc.pdf).digest('hex'));
    expect(rows[0].completedAt).toBeTruthy();
  });

  it('records the request and the making in the audit log', async () => {
    const entries = await server.em().find(AuditEntry, { actor: w.student.user!.id, action: { $in: ['document.request', 'document.make'] } });
    expect(entries.map((e) => e.action).sort()).toEqual(['document.make', 'document.request']);
    const made = entries.find((e) => e.action === 'document.make')!;
    expect(made.after).toMatchObject({ kind: 'DIARY_WEEK', contentSha256: printedHashes(doc.text)[0] });
  });

  it('is the family\'s and the class teacher\'s and the administration\'s', async () => {
    for (const userId of [w.parent.user.id, w.classTeacher.user.id, w.deputy.user.id, w.admin.user.id]) {
      const made = await fetched(() => requestDiary(userId, w.student.student.id), 'requestDiaryWeekDocument', userId);
      expect(made.text).toContain('Аверин Иван');
    }
  });

  it('is nobody else\'s: another family, a subject teacher, another school answer as a missing id; a role without documents is FORBIDDEN', async () => {
    for (const userId of [w.otherParent.user.id, w.otherStudent.user!.id, w.teacher.user.id, w.otherAdmin.user.id]) {
      expect(errorCode(await requestDiary(userId, w.student.student.id))).toBe('NOT_FOUND');
    }
    expect(errorCode(await requestDiary(w.admin.user.id, '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(errorCode(await requestDiary(w.secretary.user.id, w.student.student.id))).toBe('FORBIDDEN');
    expect(errorCode(await requestDiary(w.coordinator.id, w.student.student.id))).toBe('FORBIDDEN');
  });
});

describe('the one-time link', () => {
  it('serves once; a second fetch is 404', async () => {
    const r = await requestDiary(w.parent.user.id, w.student.student.id);
    const url = r.data!.requestDiaryWeekDocument.url;
    expect((await download(server, url, w.parent.user.id)).status).toBe(200);
    expect((await download(server, url, w.parent.user.id)).status).toBe(404);
  });

  it('is refused to another user (404, and the link still works for its requester) and without a bearer token (401)', async () => {
    const r = await requestDiary(w.parent.user.id, w.student.student.id);
    const url = r.data!.requestDiaryWeekDocument.url;
    expect((await download(server, url, w.admin.user.id)).status).toBe(404);
    expect((await download(server, url, w.otherParent.user.id)).status).toBe(404);
    expect((await download(server, url, null)).status).toBe(401);
    expect((await download(server, url, w.parent.user.id)).status).toBe(200);
  });

  it('is refused after the viewer loses the tie, and nothing is made', async () => {
    const r = await requestDiary(w.parent.user.id, w.student.student.id);
    const url = r.data!.requestDiaryWeekDocument.url;
    const before = await server.em().count(IssuedDocument, {});
    const link = w.parent.guardianships[0];
    await server.em().nativeUpdate(Guardianship, { id: link.id }, { revokedAt: new Date('2026-11-20T11:00:00+03:00') });
    try {
      const res = await download(server, url, w.parent.user.id);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('NOT_FOUND');
      expect(await server.em().count(IssuedDocument, {})).toBe(before);
    } finally {
      await server.em().nativeUpdate(Guardianship, { id: link.id }, { revokedAt: null });
    }
  });

  it('is never stored for a replay: a request with an Idempotency-Key is refused and nothing is kept', async () => {
    const downloads = async () => Number((await server.em().getConnection().execute(`select count(*)::int as n from download`))[0].n);
    const before = await downloads();
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.token(w.parent.user.id)}`, 'idempotency-key': 'diary-1' },
      body: JSON.stringify({ query: `mutation($s: ID!) { a: requestDiaryWeekDocument(studentId: $s, week: "2026-11-18") { link: url } }`, variables: { s: toGlobalId('Student', w.student.student.id) } }),
    });
    const r = (await res.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(await downloads()).toBe(before);
  });

  it('a refused request keeps nothing: no download, no audit entry', async () => {
    const count = async () => Number((await server.em().getConnection().execute(
      `select (select count(*) from download) + (select count(*) from audit_entry where action like 'document.%') as n`))[0].n);
    const before = await count();
    expect(errorCode(await requestDiary(w.otherParent.user.id, w.student.student.id))).toBe('NOT_FOUND');
    expect(errorCode(await requestJournal(w.teacher.user.id, w.class5a.id, w.russian.id))).toBe('NOT_FOUND');
    expect(await count()).toBe(before);
  });

  it('expires after an hour', async () => {
    const r = await requestDiary(w.parent.user.id, w.student.student.id);
    const now = server.clock.now();
    server.clock.set(new Date(now.getTime() + 61 * 60 * 1000));
    try {
      expect((await download(server, r.data!.requestDiaryWeekDocument.url, w.parent.user.id)).status).toBe(404);
    } finally {
      server.clock.set(now);
    }
  });

  it('is never an export: the export route does not serve a document token as an empty file', async () => {
    const r = await requestDiary(w.admin.user.id, w.student.student.id);
    const url = r.data!.requestDiaryWeekDocument.url;
    // The admin may export, but a document's token is served only as the document.
    const res = await download(server, url, w.admin.user.id);
    expect(res.status).toBe(200);
    expect(Number((await res.arrayBuffer()).byteLength)).toBeGreaterThan(1000);
  });
});

describe('the class journal', () => {
  let year: Awaited<ReturnType<typeof fetched>>;
  beforeAll(async () => { year = await fetched(() => requestJournal(w.teacher.user.id, w.class5a.id, w.math.id), 'requestClassJournalDocument', w.teacher.user.id); });

  it('holds the class, subject, teacher, pupils, dates, marks with work types, topics and homework', () => {
    const text = year.text.replace(/\s+/g, ' ');
    expect(text).toContain('Классный журнал');
    expect(text).toContain('5А класс · Математика · 2026/2027 учебный год · учебный год (01.09.2026 – 26.05.2027)');
    expect(text).toContain(`Учитель: ${w.teacher.employee.lastName}`);
    expect(text).toContain('1 Аверин Иван');
    expect(text).toContain('2 Борисов Иван');
    expect(text).toContain('ноябрь');
    expect(text).toContain('16.11.2026');
    expect(text).toContain('20.11.2026');
    expect(text).toContain('Сложение дробей');
    expect(text).toContain('Прочитать § 12');
    // Work types by their initials, as on paper: К for the control work, Д for homework.
    expect(text).toContain("ноябрь 16 20 Д К УО");
    expect(text).toMatch(/Виды работ: К — Контрольная работа \(вес 2\); Д — Домашняя работа \(вес 1\); УО — Устный ответ \(вес 1\)/);
    expect(text).not.toContain('Тест');
  });

  it('shows the corrections as paper does: marked in the grid and written out with who, when and why', () => {
    const text = year.text.replace(/\s+/g, ' ');
    expect(text).toContain('4*');
    expect(text).toContain('Исправления на этой странице (исправленному верить)');
    expect(text).toMatch(/16\.11\.2026 Аверин Иван 3 4 Ошибка при вводе/);
    expect(text).toMatch(/16\.11\.2026 Борисов Иван 2 аннулирована Не тот ученик/);
    expect(text).toMatch(/16\.11\.2026 Борисов Иван н пропуск снят Был на уроке/);
  });

  it('is for a study period too', async () => {
    const q2 = await fetched(() => requestJournal(w.classTeacher.user.id, w.class5a.id, w.math.id, studyPeriod2), 'requestClassJournalDocument', w.classTeacher.user.id);
    expect(q2.text.replace(/\s+/g, ' ')).toContain('2 четверть (05.11.2026 – 28.12.2026)');
  });

  it('is for the subject\'s teacher, the class teacher and the academic administration only', async () => {
    expect(errorCode(await requestJournal(w.teacher.user.id, w.class5a.id, w.russian.id))).toBe('NOT_FOUND');
    expect(errorCode(await requestJournal(w.primaryTeacher.user.id, w.class5a.id, w.math.id))).toBe('NOT_FOUND');
    expect(errorCode(await requestJournal(w.otherAdmin.user.id, w.class5a.id, w.math.id))).toBe('NOT_FOUND');
    expect(errorCode(await requestJournal(w.student.user!.id, w.class5a.id, w.math.id))).toBe('FORBIDDEN');
    expect(errorCode(await requestJournal(w.parent.user.id, w.class5a.id, w.math.id))).toBe('FORBIDDEN');
    expect(errorCode(await requestJournal(w.secretary.user.id, w.class5a.id, w.math.id))).toBe('FORBIDDEN');
    // A study period of another year or school is no span of this journal.
    const otherPeriod = (await server.em().getConnection().execute(`select sp.id from study_period sp join academic_year y on y.id = sp.year_id where y.school_id = ? limit 1`, [w.otherSchool.id]))[0].id;
    expect(errorCode(await requestJournal(w.admin.user.id, w.class5a.id, w.math.id, otherPeriod))).toBe('NOT_FOUND');
    expect((await requestJournal(w.director.user.id, w.class5a.id, w.math.id)).errors).toBeUndefined();
  });
});

describe('verifyDocument', () => {
  let hash: string;
  let fileHash: string;
  beforeAll(async () => {
    const doc = await fetched(() => requestJournal(w.deputy.user.id, w.class5a.id, w.math.id), 'requestClassJournalDocument', w.deputy.user.id);
    hash = printedHashes(doc.text)[0];
    fileHash = createHash('sha256').update(doc.pdf).digest('hex');
  });

  it('confirms the printed hash: what, who, when', async () => {
    const r = await server.gql(VERIFY, { sha256: hash.toUpperCase() }, await server.token(w.secretary.user.id));
    expect(r.errors).toBeUndefined();
    expect(r.data!.verifyDocument).toMatchObject({
      kind: 'CLASS_JOURNAL', title: 'Классный журнал: 5А класс, Математика, учебный год 2026/2027',
      madeBy: expect.stringContaining(w.deputy.employee.lastName), madeAt: new Date('2026-11-20T09:00:00.000Z').toISOString(),
      contentSha256: hash, fileSha256: fileHash,
    });
  });

  it('confirms the file\'s own hash too', async () => {
    const r = await server.gql(VERIFY, { sha256: fileHash }, await server.token(w.admin.user.id));
    expect(r.data!.verifyDocument.contentSha256).toBe(hash);
  });

  it('answers NOT_FOUND for a hash never made, and for another school\'s office; FORBIDDEN for roles that certify nothing', async () => {
    const made = await server.gql(VERIFY, { sha256: 'a'.repeat(64) }, await server.token(w.admin.user.id));
    expect(errorCode(made)).toBe('NOT_FOUND');
    expect(errorCode(await server.gql(VERIFY, { sha256: hash }, await server.token(w.otherAdmin.user.id)))).toBe('NOT_FOUND');
    expect(errorCode(await server.gql(VERIFY, { sha256: hash }, await server.token(w.parent.user.id)))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(VERIFY, { sha256: 'not a hash' }, await server.token(w.admin.user.id)))).toBe('BAD_USER_INPUT');
  });

  it('a changed document is not the one made: the hash covers the content', async () => {
    await server.em().nativeUpdate(Mark, { student: w.classmate.student.id, lesson: w.lesson.id }, { value: '4' });
    try {
      const again = await fetched(() => requestJournal(w.deputy.user.id, w.class5a.id, w.math.id), 'requestClassJournalDocument', w.deputy.user.id);
      expect(printedHashes(again.text)[0]).not.toBe(hash);
    } finally {
      await server.em().nativeUpdate(Mark, { student: w.classmate.student.id, lesson: w.lesson.id }, { value: '3' });
    }
  });
});
