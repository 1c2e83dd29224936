import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { AcademicYearState, IssuedDocument, LessonRecord, MarkVersion } from '../../entities';
import { toGlobalId } from '../../schema/global-id';
import { buildAbsence, buildLesson, buildMark, buildWorld, type World } from '../support/factories';
import { errorCode, TestServer } from '../support/server';
import { download, pdfText, printedHashes, zipEntries } from './support';

// The archive of a closed year (issue 13 part 4, 004 §9.1–9.2): journals as PDF, rows as CSV and
// JSON, a manifest with checksums; the same year gives the same file.

let server: TestServer;
let w: World;

const ARCHIVE = `mutation($yearId: ID!) { requestYearArchive(yearId: $yearId) { url fileName contentType } }`;
const VERIFY = `query($sha256: String!) { verifyDocument(sha256: $sha256) { kind title contentSha256 fileSha256 } }`;
const CLOSED_AT = '2027-06-30T12:00:00.000Z';

async function requestArchive(userId: string, yearId = w.class5a.year.id) {
  return server.gql(ARCHIVE, { yearId: toGlobalId('AcademicYear', yearId) }, await server.token(userId));
}

async function archive(): Promise<Buffer> {
  const r = await requestArchive(w.admin.user.id);
  expect(r.errors).toBeUndefined();
  expect(r.data!.requestYearArchive.contentType).toBe('application/zip');
  const res = await download(server, r.data!.requestYearArchive.url, w.admin.user.id);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

let first: Buffer;
let files: Map<string, Buffer>;

beforeAll(async () => {
  server = await TestServer.start();
  const em = server.em();
  w = await buildWorld(em);
  em.create(LessonRecord, { lesson: w.lesson, topic: 'Сложение дробей', homework: '№ 245', updatedBy: w.teacher.user, updatedAt: new Date() });
  const russian = await buildLesson(em, { classGroup: w.class5a, subject: w.russian, teacher: w.classTeacher.employee, date: '2026-11-17', number: 3 });
  await em.flush();
  await buildMark(em, { lesson: w.lesson, student: w.student.student, author: w.teacher.user, value: '5', workTypeCode: 'CONTROL' });
  const corrected = await buildMark(em, { lesson: russian, student: w.classmate.student, author: w.classTeacher.user, value: '3' });
  Object.assign(corrected, { value: '4', revision: 2, correctedAt: new Date('2026-11-17T15:00:00+03:00') });
  em.create(MarkVersion, { mark: corrected, revision: 2, value: '4', reason: 'Ошибка', createdBy: w.classTeacher.user, createdAt: new Date('2026-11-17T15:00:00+03:00') });
  await buildMark(em, { lesson: w.lesson5b, student: w.otherStudent.student, author: w.teacher.user, value: '2' });
  await buildAbsence(em, { lesson: russian, student: w.student.student, author: w.classTeacher.user });
  await em.flush();
  await em.getConnection().execute(
    `insert into period_mark (id, school_id, student_id, subject_id, year_id, kind, value, revision, created_by_id, created_at)
     values (gen_random_uuid(), ?, ?, ?, ?, 'YEAR', '5', 1, ?, ?)`,
    [w.school.id, w.student.student.id, w.math.id, w.class5a.year.id, w.teacher.user.id, new Date('2027-05-20T10:00:00Z')]);
});
afterAll(async () => { await server.stop(); });

describe('a year still open', () => {
  it('is not archived (BAD_USER_INPUT), and nothing is asked', async () => {
    expect(errorCode(await requestArchive(w.admin.user.id))).toBe('BAD_USER_INPUT');
  });
});

describe('the archive of a closed year', () => {
  beforeAll(async () => {
    await server.em().getConnection().execute(`update academic_year set state = ?, closed_at = ? where id = ?`, [AcademicYearState.CLOSED, CLOSED_AT, w.class5a.year.id]);
    first = await archive();
    files = await zipEntries(first);
  });

  it('holds each class journal as PDF, the rows as CSV and JSON, and the manifest', () => {
    expect([...files.keys()].sort()).toEqual([
      'data/absences.csv', 'data/absences.json', 'data/lesson_records.csv', 'data/lesson_records.json', 'data/marks.csv', 'data/marks.json',
      'data/movement_orders.csv', 'data/movement_orders.json', 'data/period_marks.csv', 'data/period_marks.json',
      'journals/1А/001_Математика.pdf', 'journals/5А/002_Математика.pdf', 'journals/5А/003_Русский_язык.pdf', 'journals/5Б/004_Математика.pdf',
      'manifest.json',
    ].sort());
  });

  it('the manifest gives every file\'s size and SHA-256', () => {
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.year).toMatchObject({ id: w.class5a.year.id, name: '2026/2027', closedAt: CLOSED_AT });
    expect(manifest.files).toHaveLength(files.size - 1);
    for (const f of manifest.files) {
      const content = files.get(f.path)!;
      expect(content.length).toBe(f.bytes);
      expect(createHash('sha256').update(content).digest('hex')).toBe(f.sha256);
    }
    expect(manifest.files.find((f: { path: string }) => f.path === 'data/marks.csv').rows).toBe(3);
  });

  it('writes every mark, period mark, absence, lesson record and movement order as CSV and the same rows as JSON', () => {
    const csv = (name: string) => parse(files.get(`data/${name}.csv`)!, { columns: true, bom: true }) as Record<string, string>[];
    const json = (name: string) => JSON.parse(files.get(`data/${name}.json`)!.toString('utf8')) as Record<string, unknown>[];
    const marks = csv('marks');
    expect(marks.map((m) => [m.class, m.subject, m.student, m.value, m.work_type, m.revision]).sort()).toEqual([
      ['5А', 'Математика', 'Аверин Иван', '5', 'CONTROL', '1'],
      ['5А', 'Русский язык', 'Борисов Иван', '4', 'ORAL', '2'],
      ['5Б', 'Математика', expect.stringMatching(/^Ученик-/), '2', 'ORAL', '1'],
    ].sort());
    expect(json('marks').map((m) => m.id)).toEqual(marks.map((m) => m.id));
    expect(csv('period_marks')).toEqual([expect.objectContaining({ student: 'Аверин Иван', subject: 'Математика', kind: 'YEAR', value: '5' })]);
    expect(csv('absences')).toEqual([expect.objectContaining({ student: 'Аверин Иван', subject: 'Русский язык', kind: 'ABSENT', date: '2026-11-17' })]);
    expect(csv('lesson_records')).toHaveLength(4);
    expect(csv('lesson_records').find((l) => l.topic)).toMatchObject({ topic: 'Сложение дробей', homework: '№ 245', date: '2026-11-20' });
    // Each pupil's ENROLL order of the movement book.
    expect(csv('movement_orders').map((o) => o.type)).toEqual(['ENROLL', 'ENROLL', 'ENROLL', 'ENROLL']);
    expect(json('movement_orders')).toHaveLength(4);
  });

  it('the journals are the year\'s, stamped with the archive and the year\'s close, not the downloader', async () => {
    const { text } = await pdfText(files.get('journals/5А/003_Русский_язык.pdf')!);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('5А класс · Русский язык · 2026/2027 учебный год');
    expect(flat).toContain('Борисов Иван 3 4 Ошибка');
    expect(flat).toContain('Сформирован 30.06.2027, 15:00, архив учебного года 2026/2027');
    expect(printedHashes(text).length).toBeGreaterThan(0);
  });

  it('is the same file when made again', async () => {
    const again = await archive();
    expect(again.equals(first)).toBe(true);
  });

  it('is recorded: the manifest\'s and the file\'s SHA-256 verify it', async () => {
    const manifestHash = createHash('sha256').update(files.get('manifest.json')!).digest('hex');
    const fileHash = createHash('sha256').update(first).digest('hex');
    const rows = await server.em().find(IssuedDocument, { kind: 'YEAR_ARCHIVE' });
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.contentSha256 === manifestHash && r.fileSha256 === fileHash)).toBe(true);
    const r = await server.gql(VERIFY, { sha256: fileHash }, await server.token(w.director.user.id));
    expect(r.data!.verifyDocument).toMatchObject({ kind: 'YEAR_ARCHIVE', contentSha256: manifestHash, fileSha256: fileHash });
  });

  it('is the ADMIN\'s of the school only', async () => {
    expect(errorCode(await requestArchive(w.director.user.id))).toBe('FORBIDDEN');
    expect(errorCode(await requestArchive(w.deputy.user.id))).toBe('FORBIDDEN');
    expect(errorCode(await requestArchive(w.teacher.user.id))).toBe('FORBIDDEN');
    expect(errorCode(await requestArchive(w.otherAdmin.user.id))).toBe('NOT_FOUND');
    expect(errorCode(await requestArchive(w.admin.user.id, '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
  });
});
