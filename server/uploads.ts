import busboy from 'busboy';
import { Router, type Request, type Response } from 'express';
import { IMPORT_LIMITS, type ImportFile } from '../domain/interchange/import-files';
import { IMPORT_STAGING, stageFiles } from '../domain/interchange/staged-files';
import { ABSENCE_NOTE_STAGING } from '../domain/messages/absence-notes.service';
import { toGlobalId } from '../schema/global-id';
import { AppError } from '../lib/errors';
import type { AppServices } from '../resolvers/context';
import { createContext } from './context';

/**
 * `POST /uploads` (multipart/form-data, `Authorization: Bearer …`): stages files for a mutation
 * that takes their ids (`importRoster(files:)`). busboy stops reading at the size limit, so a
 * 30 MB file costs the server 16 MB of buffer at most and is answered 413 FILE_TOO_LARGE.
 * The bearer header (never a cookie) is what keeps this from being a cross-site request target.
 * `?purpose=absence-note` stages one scan for `submitAbsenceNote(documentId:)`: a parent's, 5 MB at
 * most (its type, PDF/JPEG/PNG, is checked from its bytes when the note takes it).
 */
export function uploadRoutes(services: AppServices): Router {
  const router = Router();
  router.post('/uploads', async (req: Request, res: Response) => {
    const fail = (status: number, code: string, message: string) => { if (!res.headersSent) res.status(status).json({ errors: [{ message, extensions: { code } }] }); };
    const ctx = await createContext(services, req.headers.authorization, req.ip ?? null);
    if (!ctx.viewer) { fail(401, 'UNAUTHENTICATED', 'Authentication required.'); req.resume(); return; }
    const forNote = req.query.purpose === 'absence-note';
    const purpose = forNote ? ABSENCE_NOTE_STAGING : IMPORT_STAGING;
    const maxFiles = forNote ? 1 : IMPORT_LIMITS.files;
    const refusal = purpose.refusal(ctx.viewer);
    if (refusal) { fail(403, String(refusal.extensions.code), refusal.message); req.resume(); return; }
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: maxFiles, fileSize: purpose.fileBytes, fields: 0, parts: maxFiles } });
    } catch {
      fail(400, 'BAD_USER_INPUT', 'Send the files as multipart/form-data.'); req.resume(); return;
    }
    const files: ImportFile[] = [];
    let refused: { status: number; code: string; message: string } | null = null;
    let total = 0;
    parser.on('file', (_field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        total += c.length;
        if (total > IMPORT_LIMITS.totalBytes && !refused) refused = { status: 413, code: 'FILE_TOO_LARGE', message: `At most ${IMPORT_LIMITS.totalBytes / 1048576} MB in one upload.` };
        if (!refused) chunks.push(c);
      });
      stream.on('limit', () => {
        refused ??= { status: 413, code: 'FILE_TOO_LARGE', message: `${info.filename} is larger than ${purpose.fileBytes / 1048576} MB.` };
      });
      stream.on('end', () => { if (!refused) files.push({ name: info.filename || 'file.csv', content: Buffer.concat(chunks) }); });
    });
    parser.on('filesLimit', () => { refused ??= { status: 400, code: 'BAD_USER_INPUT', message: `At most ${maxFiles} files in one upload.` }; });
    parser.on('error', () => { refused ??= { status: 400, code: 'BAD_USER_INPUT', message: 'The multipart body is malformed.' }; });
    parser.on('close', async () => {
      if (refused) { fail(refused.status, refused.code, refused.message); return; }
      if (files.length === 0) { fail(400, 'BAD_USER_INPUT', 'No file in the upload.'); return; }
      try {
        const staged = await stageFiles(ctx.em, ctx.viewer!, files, services.clock.now(), purpose);
        res.status(201).json({ files: staged.map((f) => ({ id: toGlobalId('StagedFile', f.id), name: f.name, size: f.size, sha256: f.sha256, expiresAt: f.expiresAt })) });
      } catch (e) {
        if (e instanceof AppError) fail(e.extensions.code === 'FILE_TOO_LARGE' ? 413 : 400, String(e.extensions.code), e.message);
        else fail(500, 'INTERNAL_SERVER_ERROR', 'The upload could not be stored.');
      }
    });
    req.pipe(parser);
  });
  return router;
}
