import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestHandler, Response } from 'express';
import { ErrorCode } from '../../lib/errors';
import type { AppAccess, AppTokens } from '../../resolvers/context';
import { bearerToken, isAppToken } from '../context';

/** What the gate leaves for the context (server/app.ts passes it to createContext): the token, resolved once. */
export const appAccessOf = (res: Response): AppAccess | null | undefined => res.locals.appAccess as AppAccess | null | undefined;

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Before Apollo, for requests with an app's token: its per-app rate limit (a fixed one-minute
 * window counted in oauth_rate_window, shared by every instance: over it, 429 with Retry-After)
 * and its trusted documents (docs/apps.md): `extensions.persistedQuery.sha256Hash` (Apollo's APQ
 * shape) or `documentId` is replaced by the document the app registered under that hash; in
 * production an app registered "trusted documents only" may send nothing else.
 */
export function appGate(options: { em: EntityManager; tokens: AppTokens; production: boolean }): RequestHandler {
  return async (req, res, next) => {
    try {
      const token = bearerToken(req.headers.authorization);
      if (!token || !isAppToken(token)) return next();
      const access = await options.tokens.verify(token);
      res.locals.appAccess = access;
      if (!access) return next();
      const db = options.em.fork().getConnection();
      const clientId = access.delegation.clientId;
      const [window] = await db.execute<{ requests: number; retry_after: number; fresh: boolean }[]>(
        `insert into oauth_rate_window (client_id, window_start, requests) values (?, date_trunc('minute', now()), 1)
         on conflict (client_id, window_start) do update set requests = oauth_rate_window.requests + 1
         returning requests, ceil(extract(epoch from (window_start + interval '1 minute' - now())))::int as retry_after, (xmax = 0) as fresh`,
        [clientId],
      );
      // A new window: the app's older ones are of no use any more.
      if (window.fresh) await db.execute(`delete from oauth_rate_window where client_id = ? and window_start < date_trunc('minute', now())`, [clientId]);
      if (window.requests > access.rateLimitPerMinute) {
        const retryAfter = Math.max(1, window.retry_after);
        res.status(429).set('Retry-After', String(retryAfter)).json({ errors: [{
          message: `Too many requests from this app; at most ${access.rateLimitPerMinute} a minute.`,
          extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: retryAfter },
        }] });
        return;
      }
      const body = req.method === 'POST' && req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body as Record<string, any> : null;
      const source = body ?? (req.query as Record<string, any>);
      let extensions = source.extensions;
      if (typeof extensions === 'string') {
        try { extensions = JSON.parse(extensions); } catch { extensions = undefined; }
      }
      const hash: unknown = extensions?.persistedQuery?.sha256Hash ?? source.documentId;
      const refuse = (code: ErrorCode, message: string) => res.status(400).json({ errors: [{ message, extensions: { code } }] });
      if (hash !== undefined) {
        const id = typeof hash === 'string' ? hash.replace(/^sha256:/, '').toLowerCase() : '';
        const [doc] = /^[0-9a-f]{64}$/.test(id)
          ? await db.execute<{ document: string }[]>(`select document from oauth_trusted_document where client_id = ? and sha256 = ?`, [clientId, id])
          : [];
        if (!doc) return refuse(ErrorCode.PERSISTED_QUERY_NOT_FOUND, 'No document of this app is registered under this hash.');
        if (!body) return refuse(ErrorCode.BAD_USER_INPUT, 'Send registered documents by POST.');
        body.query = doc.document;
        delete body.documentId;
        if (body.extensions && typeof body.extensions === 'object') delete body.extensions.persistedQuery;
        return next();
      }
      if (options.production && access.trustedDocumentsOnly) {
        const query = typeof source.query === 'string' ? source.query : '';
        // The registered text itself is let through: it is the same document.
        const [known] = query
          ? await db.execute<{ one: number }[]>(`select 1 as one from oauth_trusted_document where client_id = ? and sha256 = ?`, [clientId, sha256Hex(query)])
          : [];
        if (!known) return refuse(ErrorCode.TRUSTED_DOCUMENT_REQUIRED, 'This app may only run the documents it registered; send extensions.persistedQuery.sha256Hash.');
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
