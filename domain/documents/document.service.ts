import { createHash, randomBytes } from 'node:crypto';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AcademicYearState, Download, IssuedDocument, School, User } from '../../entities';
import { AppError, badInput, forbidden, notFound } from '../../lib/errors';
import type { Permission } from '../../permissions/registry';
import { DOWNLOAD_PATH, DOWNLOAD_TTL_MS } from '../interchange/export.service';
import type { RequestScope } from '../request-scope';
import { writeTransaction } from '../write';
import { layoutClassJournal, readClassJournal, type JournalSpan } from './class-journal.document';
import { layoutDiaryWeek, readDiaryWeek, weekOf } from './diary-week.document';
import { contentHash, renderPdf, type DocumentLayout, type DocumentStamp } from './pdf';
import { writeYearArchive, type ArchiveYear } from './year-archive';

/**
 * Documents (issue 13 parts 3–4): a printed diary of a week, a class × subject journal, the
 * archive of a closed year. Asking for one (`requestDocument`) checks the matrix entry and keeps
 * the request as a one-time Download (the same table and `GET /downloads/:token` as exports);
 * fetching it checks the entry again (a viewer who lost the tie meanwhile gets the 404 of a
 * wrong token), records the document (`issued_document`) and the audit entry in one commit, then
 * makes the file straight into the response. Nothing of the file is kept: only its hashes.
 *
 * A kind of document is one data function and one layout function (PDF_KINDS below): the data
 * model is what the content hash covers, the layout draws it.
 */
export type DocumentKind = 'DIARY_WEEK' | 'CLASS_JOURNAL' | 'YEAR_ARCHIVE';

export type DocumentParams =
  | { kind: 'DIARY_WEEK'; studentId: string; week: string }
  | { kind: 'CLASS_JOURNAL'; classGroupId: string; subjectId: string; studyPeriodId: string | null }
  | { kind: 'YEAR_ARCHIVE'; yearId: string };

export interface DocumentDownload { url: string; expiresAt: Date; fileName: string; contentType: string }

interface PdfKind<P extends DocumentParams, D> {
  permission: Permission;
  /** The school the document is of, when the viewer may make it (NOT_FOUND / FORBIDDEN otherwise). */
  authorize(scope: RequestScope, params: P): Promise<string>;
  read(em: EntityManager, params: P, timeZone: string): Promise<{ data: D; subject: Record<string, unknown> } | null>;
  layout(data: D): DocumentLayout;
  fileName(params: P): string;
}

/** A student's document: NOT_FOUND unless the entry allows this student (a stranger's child answers as a missing id). */
async function studentSchool(scope: RequestScope, permission: Permission, studentId: string): Promise<string> {
  const access = await scope.access.student(studentId);
  if (!access.schoolId || !(await scope.access.mayForStudent(permission, studentId))) throw notFound('Student');
  return access.schoolId;
}

const DIARY_WEEK: PdfKind<Extract<DocumentParams, { kind: 'DIARY_WEEK' }>, NonNullable<Awaited<ReturnType<typeof readDiaryWeek>>>> = {
  permission: 'document.diaryWeek',
  authorize: (scope, p) => studentSchool(scope, 'document.diaryWeek', p.studentId),
  async read(em, p) {
    const data = await readDiaryWeek(em, p.studentId, p.week);
    return data && { data, subject: { studentId: p.studentId, from: data.from, to: data.to } };
  },
  layout: layoutDiaryWeek,
  fileName: (p) => `diary-${weekOf(p.week).from}.pdf`,
};

/** The span of a class journal: the study period, or the class's whole year. */
async function journalSpan(em: EntityManager, classGroupId: string, studyPeriodId: string | null): Promise<JournalSpan | null> {
  const [row] = await em.getConnection().execute<{ year_id: string; starts_on: string; ends_on: string; period_id: string | null; period_name: string | null; p_starts: string | null; p_ends: string | null }[]>(
    `select y.id as year_id, y.starts_on::text as starts_on, y.ends_on::text as ends_on, sp.id as period_id, sp.name as period_name,
            sp.starts_on::text as p_starts, sp.ends_on::text as p_ends
       from class_group c join academic_year y on y.id = c.year_id
       left join study_period sp on sp.id = ?::uuid and sp.year_id = y.id
      where c.id = ?`, [studyPeriodId, classGroupId]);
  if (!row || (studyPeriodId && !row.period_id)) return null;
  return row.period_id
    ? { label: row.period_name!, from: row.p_starts!, to: row.p_ends!, studyPeriodId: row.period_id, yearId: row.year_id }
    : { label: 'учебный год', from: row.starts_on, to: row.ends_on, studyPeriodId: null, yearId: row.year_id };
}

const CLASS_JOURNAL: PdfKind<Extract<DocumentParams, { kind: 'CLASS_JOURNAL' }>, NonNullable<Awaited<ReturnType<typeof readClassJournal>>>> = {
  permission: 'document.classJournal',
  async authorize(scope, p) {
    // The whole journal only: a substitute's few lessons are no class journal (OWN answers as NONE here).
    const access = await scope.access.classJournal(p.classGroupId, p.subjectId, 'document.classJournal');
    if (access.scope !== 'ALL' || !access.schoolId) throw notFound('ClassGroup');
    if (!(await journalSpan(scope.em, p.classGroupId, p.studyPeriodId))) throw notFound('StudyPeriod');
    return access.schoolId;
  },
  async read(em, p, timeZone) {
    const span = await journalSpan(em, p.classGroupId, p.studyPeriodId);
    const data = span && await readClassJournal(em, p.classGroupId, p.subjectId, span, timeZone);
    return data && { data, subject: { classGroupId: p.classGroupId, subjectId: p.subjectId, studyPeriodId: p.studyPeriodId, from: span!.from, to: span!.to } };
  },
  layout: layoutClassJournal,
  fileName: () => 'class-journal.pdf',
};

const PDF_KINDS = { DIARY_WEEK, CLASS_JOURNAL } as const;

/** The year to archive: the viewer's school's, CLOSED (NOT_FOUND for a stranger's year, FORBIDDEN without the role). */
async function archiveYear(scope: RequestScope, yearId: string): Promise<ArchiveYear> {
  const [row] = await scope.em.getConnection().execute<{ id: string; school_id: string; school: string; name: string; starts_on: string; ends_on: string; state: string; closed_at: string | Date | null; timezone: string }[]>(
    `select y.id, y.school_id, sc.name as school, y.name, y.starts_on::text as starts_on, y.ends_on::text as ends_on, y.state, y.closed_at, sc.timezone
       from academic_year y join school sc on sc.id = y.school_id where y.id = ?`, [yearId]);
  if (!row || !(await scope.access.isMemberOf(row.school_id))) throw notFound('AcademicYear');
  if (!(await scope.access.verdict('document.yearArchive', { kind: 'school', id: row.school_id }))) throw forbidden('Your role does not allow this here.');
  if (row.state !== AcademicYearState.CLOSED) throw badInput('yearId', 'Only a closed year is archived (004 §9.2).');
  // A year closed before closing times were recorded archives as of its last day.
  const closedAt = row.closed_at ? new Date(row.closed_at) : new Date(`${row.ends_on}T00:00:00Z`);
  return { id: row.id, schoolId: row.school_id, school: row.school, name: row.name, startsOn: row.starts_on, endsOn: row.ends_on, closedAt, timeZone: row.timezone };
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const PDF_TYPE = 'application/pdf';
export const ZIP_TYPE = 'application/zip';

export class DocumentService {
  constructor(private readonly scope: RequestScope) {}

  private async authorize(params: DocumentParams): Promise<string> {
    switch (params.kind) {
      case 'DIARY_WEEK': return DIARY_WEEK.authorize(this.scope, params);
      case 'CLASS_JOURNAL': return CLASS_JOURNAL.authorize(this.scope, params);
      case 'YEAR_ARCHIVE': return (await archiveYear(this.scope, params.yearId)).schoolId;
    }
  }

  private fileName(params: DocumentParams): string {
    switch (params.kind) {
      case 'DIARY_WEEK': return DIARY_WEEK.fileName(params);
      case 'CLASS_JOURNAL': return CLASS_JOURNAL.fileName(params);
      case 'YEAR_ARCHIVE': return `year-archive-${params.yearId}.zip`;
    }
  }

  /** Checks the entry now, and keeps the request for its requester to fetch once within the hour. */
  async requestDocument(params: DocumentParams): Promise<DocumentDownload> {
    const schoolId = await this.authorize(params);
    const fileName = this.fileName(params);
    const contentType = params.kind === 'YEAR_ARCHIVE' ? ZIP_TYPE : PDF_TYPE;
    return writeTransaction(this.scope, async ({ em, now, audit }) => {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + DOWNLOAD_TTL_MS);
      await em.getConnection().execute('delete from download where expires_at < ?', [now]);
      em.create(Download, {
        tokenHash: hashToken(token), school: em.getReference(School, schoolId), requestedBy: em.getReference(User, this.scope.viewer.userId),
        kind: params.kind, fileName, contentType, bytes: Buffer.alloc(0), params: { ...params }, createdAt: now, expiresAt,
      });
      audit({ schoolId, action: 'document.request', entityType: 'School', entityId: schoolId, after: { ...params, expiresAt: expiresAt.toISOString() } });
      return { url: `${DOWNLOAD_PATH}${token}`, expiresAt, fileName, contentType };
    });
  }

  /**
   * A document download, once, to its requester, while the entry still allows it; null for
   * anything else (a wrong, used or expired token, another account, a tie lost meanwhile), all alike.
   * The answer's `write` makes the file into `out`, streaming.
   */
  async openDownload(token: string): Promise<{ fileName: string; contentType: string; write(out: Writable): Promise<void> } | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const now = this.scope.clock.now();
    const [found] = await this.scope.em.getConnection().execute<{ id: string; params: DocumentParams; file_name: string; content_type: string }[]>(
      `select id, params, file_name, content_type from download
        where token_hash = ? and requested_by_id = ? and redeemed_at is null and expires_at > ? and params is not null`,
      [hashToken(token), this.scope.viewer.userId, now]);
    if (!found) return null;
    let schoolId: string;
    try {
      schoolId = await this.authorize(found.params);
    } catch (e) {
      if (e instanceof AppError) return null;
      throw e;
    }
    const params = found.params;
    const made = await writeTransaction(this.scope, async ({ em, now: at, audit }) => {
      // Once: of two fetches at the same moment, the one that takes the row's lock first makes it.
      const claimed = await em.getConnection().execute<{ id: string }[]>(
        'update download set redeemed_at = ? where id = ? and redeemed_at is null returning id', [at, found.id]);
      if (claimed.length === 0) return null;
      const [school] = await em.getConnection().execute<{ timezone: string; maker: string }[]>(
        `select sc.timezone, coalesce(
            (select concat_ws(' ', e.last_name, e.first_name, e.middle_name) from employee e where e.user_id = u.id and e.school_id = sc.id limit 1),
            (select concat_ws(' ', g.last_name, g.first_name, g.middle_name) from guardian g where g.user_id = u.id and g.school_id = sc.id limit 1),
            (select concat_ws(' ', s.last_name, s.first_name, s.middle_name) from student s where s.user_id = u.id and s.school_id = sc.id limit 1),
            'пользователь') || ' (' || u.login || ')' as maker
           from school sc, app_user u where sc.id = ? and u.id = ?`, [schoolId, this.scope.viewer.userId]);
      const stamp: DocumentStamp = { madeBy: school.maker, madeAt: at, timeZone: school.timezone };
      let pdf: { layout: DocumentLayout; sha256: string } | null = null;
      let subject: Record<string, unknown> = { ...params };
      let title: string;
      if (params.kind === 'YEAR_ARCHIVE') {
        title = 'Архив учебного года';
      } else {
        const kind = PDF_KINDS[params.kind] as PdfKind<DocumentParams, unknown>;
        const read = await kind.read(em, params, school.timezone);
        if (!read) return null;
        const layout = kind.layout(read.data);
        pdf = { layout, sha256: contentHash({ kind: params.kind, data: read.data, stamp }) };
        subject = read.subject;
        title = layout.title;
      }
      const document = em.create(IssuedDocument, {
        school: em.getReference(School, schoolId), kind: params.kind, title, subject, madeBy: em.getReference(User, this.scope.viewer.userId),
        madeByName: stamp.madeBy, madeAt: at, contentSha256: pdf?.sha256,
      });
      audit({ schoolId, action: 'document.make', entityType: 'IssuedDocument', entityId: document.id, after: { kind: params.kind, title, subject, contentSha256: pdf?.sha256 ?? null } });
      return { document: document.id, stamp, pdf };
    });
    if (!made) return null;
    const em = this.scope.em;
    return {
      fileName: found.file_name,
      contentType: found.content_type,
      write: async (out) => {
        const file = createHash('sha256');
        let bytes = 0;
        const counter = new Transform({ transform(chunk: Buffer, _enc, done) { file.update(chunk); bytes += chunk.length; done(null, chunk); } });
        // The response ends only once the document's hashes are recorded: whoever has the whole file can verify it.
        counter.pipe(out, { end: false });
        const drained = new Promise<void>((resolve, reject) => { counter.on('end', resolve); counter.on('error', reject); out.on('error', reject); });
        // A client that goes away stops the making (else it would wait on backpressure forever).
        let complete = false;
        out.once('close', () => { if (!complete) counter.destroy(new Error('The client closed the download.')); });
        let pages: number | null = null;
        let contentSha256: string | null = made.pdf?.sha256 ?? null;
        if (made.pdf) {
          const stream = await renderPdf(made.pdf.layout, made.stamp, made.pdf.sha256, (count) => { pages = count; });
          const done = pipeline(stream, counter);
          stream.end();
          await done;
        } else {
          const year = await archiveYear(this.scope, (params as Extract<DocumentParams, { kind: 'YEAR_ARCHIVE' }>).yearId);
          const result = await writeYearArchive(em, year, counter);
          pages = result.pages;
          contentSha256 = result.manifestSha256;
        }
        await drained;
        complete = true;
        await em.getConnection().execute(
          'update issued_document set file_sha256 = ?, bytes = ?, pages = ?, content_sha256 = ?, completed_at = ? where id = ?',
          [file.digest('hex'), bytes, pages, contentSha256, this.scope.clock.now(), made.document]);
        await new Promise<void>((resolve) => out.end(resolve));
      },
    };
  }

  /** A document made here, by either hash (the printed content hash, or the file's); NOT_FOUND unless the viewer may verify in its school. */
  async verify(sha256: string): Promise<IssuedDocument> {
    const hash = sha256.trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(hash)) throw badInput('sha256', '"sha256" is 64 hexadecimal digits.');
    const found = await this.scope.em.find(IssuedDocument, { $or: [{ contentSha256: hash }, { fileSha256: hash }] }, { orderBy: { madeAt: 'desc', id: 'asc' } });
    const mine = found.find((d) => this.scope.access.holdsIn('document.verify', d.school.id));
    if (!mine) throw notFound('Document');
    return mine;
  }
}
