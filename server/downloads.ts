import { Router, type Request, type Response } from 'express';
import { DocumentService } from '../domain/documents/document.service';
import { redeemDownload } from '../domain/interchange/export.service';
import type { AppServices } from '../resolvers/context';
import { createContext } from './context';

/**
 * `GET /downloads/:token` with `Authorization: Bearer …`: serves a file made for the caller
 * (`requestExport`) once. Both are needed — the one-time token in the path *and* the bearer token
 * of the account that asked for it — because a URL leaks (proxy and server logs, browser history,
 * a pasted link) while the bearer header does not travel with it: a leaked URL alone opens
 * nothing, and a leaked access token alone names no file. Anyone else, the requester after losing
 * the export role, a used token, an expired one and a made-up one all get the same 404; without a
 * bearer token, 401. A document's download (`requestDiaryWeekDocument`, `requestClassJournalDocument`,
 * `requestYearArchive`) is made as it is served, streamed, after its access entry is checked again.
 */
export function downloadRoutes(services: AppServices): Router {
  const router = Router();
  router.get('/downloads/:token', async (req: Request, res: Response) => {
    res.set('cache-control', 'no-store');
    const ctx = await createContext(services, req.headers.authorization, req.ip ?? null);
    if (!ctx.viewer) { res.status(401).json({ errors: [{ message: 'Authentication required.', extensions: { code: 'UNAUTHENTICATED' } }] }); return; }
    try {
      // A document (domain/documents) is made now, into the response; an export's file was made when asked for.
      const document = await new DocumentService(ctx.scope).openDownload(String(req.params.token));
      if (document) {
        setAttachment(res, document.fileName, document.contentType);
        res.status(200);
        await document.write(res);
        return;
      }
      const file = await redeemDownload(ctx.em, ctx.viewer, String(req.params.token), services.clock.now());
      if (!file) { res.status(404).json({ errors: [{ message: 'Download not found.', extensions: { code: 'NOT_FOUND' } }] }); return; }
      setAttachment(res, file.fileName, file.contentType);
      res.set('content-length', String(file.bytes.length));
      res.status(200).end(file.bytes);
    } catch {
      // Broken off mid-stream: the client sees a truncated body (no content-length), never a half file taken for whole.
      if (res.headersSent) { res.destroy(); return; }
      if (!res.headersSent) res.status(500).json({ errors: [{ message: 'The download could not be served.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  });
  return router;
}

function setAttachment(res: Response, fileName: string, contentType: string): void {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  res.set('content-type', contentType);
  res.set('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
}
