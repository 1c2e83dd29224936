import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Download, School, User } from '../../entities';
import { badInput, forbidden } from '../../lib/errors';
import { holdsIn, type Permission } from '../../permissions/registry';
import type { Viewer } from '../../permissions/viewer';
import { AdminWriter } from '../school-year/admin-write';
import { readExportData, type ExportVisibility } from './export-data';
import { oneRosterFiles, zipFiles, type CsvFile } from './oneroster-export';
import { LISTS, spreadsheetSetFiles, type ListName, type ListParams } from './spreadsheet-export';

/**
 * Export of a school's lists and results (issue 18 part 3; 003 «экспорт внутренних массивов
 * данных»): `requestExport` makes the file in one transaction (one consistent picture of the
 * school, a fixed number of statements), keeps it as a Download for its requester for an hour, and
 * answers the one-time URL; `GET /downloads/:token` (server/downloads.ts) serves it once.
 * Who may export: `interchange.export` in the school (NOT_FOUND for a stranger to it, FORBIDDEN
 * for a member without the role); what the file holds is what the exporter may see there.
 */

export type ExportFormat = 'ONEROSTER_ZIP' | 'SPREADSHEET_ZIP' | 'LIST_CSV';
export interface ExportRequest { format: ExportFormat; yearId?: string | null; list?: ({ name: ListName } & ListParams) | null }
export interface ExportFileMade {
  fileName: string; contentType: string; content: Buffer;
  /** The pupils' and guardians' cards the file holds: logged as read (004 §3.1, personal_data_access). */
  cards: { kind: 'STUDENT' | 'GUARDIAN'; id: string }[];
}
export interface ExportDownload { url: string; expiresAt: Date; fileName: string; contentType: string; size: number }

export const DOWNLOAD_TTL_MS = 60 * 60 * 1000;
export const DOWNLOAD_PATH = '/downloads/';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class ExportService extends AdminWriter {
  async requestExport(schoolId: string, request: ExportRequest): Promise<ExportDownload> {
    await this.requireRoleIn(schoolId, 'interchange.export', 'School');
    this.checkRequest(schoolId, request);
    return this.write(async (em, now) => {
      // Checked again inside the transaction: a role revoked meanwhile stops the export.
      await this.requireRoleIn(schoolId, 'interchange.export', 'School');
      const file = await this.makeFile(em, schoolId, request, now);
      await logCardReads(em, now, this.scope.viewer.userId, schoolId, file.cards, 'requestExport');
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + DOWNLOAD_TTL_MS);
      // Expired downloads of anyone go as new ones come (no scheduler needed for an hour's retention).
      await em.getConnection().execute('delete from download where expires_at < ?', [now]);
      em.create(Download, {
        tokenHash: hashToken(token), school: em.getReference(School, schoolId), requestedBy: em.getReference(User, this.scope.viewer.userId),
        kind: request.format, fileName: file.fileName, contentType: file.contentType, bytes: file.content, createdAt: now, expiresAt,
      });
      this.audit(em, now, schoolId, 'interchange.export', 'School', schoolId, null, {
        format: request.format, yearId: request.yearId ?? null, list: request.list ?? null, fileName: file.fileName, bytes: file.content.length,
        sha256: createHash('sha256').update(file.content).digest('hex'), expiresAt: expiresAt.toISOString(),
      });
      return { url: `${DOWNLOAD_PATH}${token}`, expiresAt, fileName: file.fileName, contentType: file.contentType, size: file.content.length };
    });
  }

  /** Which parts of the school this exporter sees (the registry's entries, by role in the school). */
  visibility(schoolId: string): ExportVisibility {
    const sees = (p: Permission) => this.scope.access.holdsIn(p, schoolId);
    return {
      accounts: sees('account.read'), curriculum: sees('curriculum.read'), marks: sees('studentRecord.read'),
      employees: sees('employeeCard.read'), guardians: sees('guardianCard.readOthers'),
    };
  }

  private checkRequest(schoolId: string, request: ExportRequest): void {
    if (request.format === 'LIST_CSV') {
      if (!request.list) throw badInput('list', 'A LIST_CSV export names its list ("list").');
      if (!this.scope.access.holdsIn(LISTS[request.list.name].permission, schoolId)) throw forbidden('Your role does not allow this list here.');
    } else if (!this.scope.access.holdsIn('studentCard.read', schoolId)) {
      throw forbidden('Your role does not allow this here.');
    }
  }

  /** The file itself, without storing it (the CLI writes it to disk; the mutation keeps it as a Download). */
  async makeFile(em: EntityManager, schoolId: string, request: ExportRequest, now: Date): Promise<ExportFileMade> {
    this.checkRequest(schoolId, request);
    if (request.format === 'LIST_CSV') {
      const list = request.list!;
      const made = await LISTS[list.name].read(em, schoolId, { ...list, yearId: list.yearId ?? request.yearId ?? null }, now);
      return { fileName: made.fileName, contentType: 'text/csv; charset=utf-8', content: made.content, cards: made.studentIds.map((id) => ({ kind: 'STUDENT' as const, id })) };
    }
    const data = await readExportData(em, schoolId, request.yearId ?? null, this.visibility(schoolId), now);
    const files: CsvFile[] = request.format === 'ONEROSTER_ZIP' ? oneRosterFiles(data, now) : spreadsheetSetFiles(data);
    const year = data.year.name.replace(/[^0-9]+/g, '-');
    return {
      fileName: `${request.format === 'ONEROSTER_ZIP' ? 'oneroster' : 'spreadsheet'}-${year}.zip`,
      contentType: 'application/zip', content: await zipFiles(files, now),
      cards: [...data.students.map((c) => ({ kind: 'STUDENT' as const, id: c.id })), ...data.guardians.map((c) => ({ kind: 'GUARDIAN' as const, id: c.id }))],
    };
  }

  /** For the CLI: the file made in one read-only transaction, with the same audit entry as the mutation. */
  async exportFile(schoolId: string, request: ExportRequest): Promise<ExportFileMade> {
    await this.requireRoleIn(schoolId, 'interchange.export', 'School');
    return this.write(async (em, now) => {
      await this.requireRoleIn(schoolId, 'interchange.export', 'School');
      const file = await this.makeFile(em, schoolId, request, now);
      await logCardReads(em, now, this.scope.viewer.userId, schoolId, file.cards, 'export (command line)');
      this.audit(em, now, schoolId, 'interchange.export', 'School', schoolId, null, {
        format: request.format, yearId: request.yearId ?? null, list: request.list ?? null, fileName: file.fileName, bytes: file.content.length,
        sha256: createHash('sha256').update(file.content).digest('hex'), via: 'cli',
      });
      return file;
    });
  }
}

/** The cards an export wrote, in the personal-data access log (one statement, like CardReadLog's). */
async function logCardReads(em: EntityManager, now: Date, actorId: string, schoolId: string, cards: ExportFileMade['cards'], what: string): Promise<void> {
  if (cards.length === 0) return;
  await em.getConnection().execute(
    `insert into personal_data_access (at, actor_id, school_id, card_kind, card_id, what)
     select ?, ?, ?, r.kind::person_card_kind, r.id, ? from unnest(?::text[], ?::uuid[]) as r(kind, id)`,
    [now, actorId, schoolId, what, `{${cards.map((c) => c.kind).join(',')}}`, `{${cards.map((c) => c.id).join(',')}}`]);
}

/**
 * Serves a download once: to the account that requested it, while it still may export in the
 * school (a role taken away meanwhile closes it too), before it expires, the first time. Anything
 * else (another account, a wrong, used or expired token) answers null, all alike. Its bytes are
 * dropped as it is served: a file of personal data is not kept after its one use.
 */
export async function redeemDownload(em: EntityManager, viewer: Viewer, token: string, now: Date): Promise<{ fileName: string; contentType: string; bytes: Buffer } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  // A document's download (`params`) is served by domain/documents only, after its own access check.
  const [found] = await em.getConnection().execute<{ id: string; school_id: string }[]>(
    'select id, school_id from download where token_hash = ? and requested_by_id = ? and redeemed_at is null and expires_at > ? and params is null', [hashToken(token), viewer.userId, now]);
  if (!found || !holdsIn(viewer, 'interchange.export', found.school_id)) return null;
  // Once: of two requests at the same moment, the one that takes the row's lock first gets the bytes.
  const rows = await em.getConnection().execute<{ file_name: string; content_type: string; bytes: Buffer }[]>(
    `with d as (select id, file_name, content_type, bytes from download where id = ? and redeemed_at is null for update)
     update download x set redeemed_at = ?, bytes = ''::bytea from d where x.id = d.id
     returning d.file_name, d.content_type, d.bytes`, [found.id, now]);
  const row = rows[0];
  return row ? { fileName: row.file_name, contentType: row.content_type, bytes: row.bytes } : null;
}
