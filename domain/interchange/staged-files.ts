import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { StagedFile, User } from '../../entities';
import { schoolsWhere } from '../../permissions/registry';
import type { Viewer } from '../../permissions/viewer';
import { AppError, ErrorCode, forbidden, notFound } from '../../lib/errors';
import { IMPORT_LIMITS, type ImportFile } from './import-files';

/**
 * Files uploaded ahead of the mutation that uses them (`POST /uploads`, server/uploads.ts): a
 * GraphQL request stays small and JSON; the upload is one multipart request. A staged file is
 * its uploader's alone, lives an hour, and is gone once an import has applied it.
 */
export const STAGED_FILE_TTL_MS = 60 * 60 * 1000;
export const STAGED_BYTES_PER_ACCOUNT = 64 * 1024 * 1024;

/**
 * Only someone who may import somewhere may stage: the bytes are for nothing else. An account on
 * its starting password may do nothing but change it, here as in GraphQL (permissions/rules.ts).
 */
export function stagingRefusal(viewer: Viewer): AppError | null {
  if (viewer.mustChangePassword) return new AppError(ErrorCode.PASSWORD_CHANGE_REQUIRED, 'Change your password first (changePassword).');
  if (schoolsWhere(viewer, 'interchange.import').length === 0) return forbidden('Only a school\'s administrator stages files for import.');
  return null;
}

/** A name as a client sent it, reduced to a plain file name. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters never belong in a file name shown back
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255) || 'file.csv';
}

/** What a staging is for: who may stage (a refusal, or null) and how large a file may be. */
export interface StagingPurpose { refusal: (viewer: Viewer) => AppError | null; fileBytes: number }

export const IMPORT_STAGING: StagingPurpose = { refusal: stagingRefusal, fileBytes: IMPORT_LIMITS.fileBytes };

export async function stageFiles(em: EntityManager, viewer: Viewer, files: ImportFile[], now: Date, purpose: StagingPurpose = IMPORT_STAGING): Promise<StagedFile[]> {
  const refusal = purpose.refusal(viewer);
  if (refusal) throw refusal;
  const staged = files.map((f) => {
    if (f.content.length > purpose.fileBytes) {
      throw new AppError(ErrorCode.FILE_TOO_LARGE, `${f.name} is larger than ${purpose.fileBytes / 1048576} MB.`, { file: f.name });
    }
    return em.create(StagedFile, {
      uploadedBy: em.getReference(User, viewer.userId), name: cleanFileName(f.name), size: f.content.length,
      sha256: createHash('sha256').update(f.content).digest('hex'), content: f.content,
      createdAt: now, expiresAt: new Date(now.getTime() + STAGED_FILE_TTL_MS),
    });
  });
  // Expired files of anyone go as new ones come: no scheduler needed for an hour's retention.
  await em.getConnection().execute('delete from staged_file where expires_at < ?', [now]);
  // What one account keeps staged at once is bounded, so uploads in a loop cannot fill the database.
  const [{ bytes }] = await em.getConnection().execute<{ bytes: string }[]>(
    'select coalesce(sum(size), 0)::text as bytes from staged_file where uploaded_by_id = ?', [viewer.userId]);
  const adding = files.reduce((n, f) => n + f.content.length, 0);
  if (Number(bytes) + adding > STAGED_BYTES_PER_ACCOUNT) {
    throw new AppError(ErrorCode.FILE_TOO_LARGE, `At most ${STAGED_BYTES_PER_ACCOUNT / 1048576} MB staged at once; import the files staged, or wait an hour for them to expire.`);
  }
  await em.flush();
  return staged;
}

/** The viewer's own unexpired staged files, by id; any other id answers NOT_FOUND, like a missing one. */
export async function stagedFiles(em: EntityManager, viewer: Viewer, ids: string[], now: Date): Promise<{ ids: string[]; files: ImportFile[] }> {
  const unique = [...new Set(ids)];
  if (unique.length === 0 || unique.length > IMPORT_LIMITS.files) throw notFound('StagedFile');
  const rows = await em.getConnection().execute<{ id: string; name: string; content: Buffer }[]>(
    'select id, name, content from staged_file where id = any(?::uuid[]) and uploaded_by_id = ? and expires_at > ?',
    [`{${unique.join(',')}}`, viewer.userId, now],
  );
  if (rows.length !== unique.length) throw notFound('StagedFile');
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { ids: unique, files: unique.map((id) => ({ name: byId.get(id)!.name, content: byId.get(id)!.content })) };
}

export async function dropStagedFiles(em: EntityManager, ids: string[]): Promise<void> {
  await em.getConnection().execute('delete from staged_file where id = any(?::uuid[])', [`{${ids.join(',')}}`]);
}
