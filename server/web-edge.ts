import cors from 'cors';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { describeFault, type Logger } from './logging';

/** Settings of the HTTP edge (README: CORS_ORIGINS, BODY_LIMIT_BYTES, TRUST_PROXY). */
export interface WebEdgeSettings {
  /** Browser origins allowed to call the API cross-origin; none by default. */
  corsOrigins?: readonly string[];
  /** Largest request body; larger ones get 413 PAYLOAD_TOO_LARGE. */
  bodyLimitBytes?: number;
  /** Express's "trust proxy" (hops or addresses): where the client address comes from behind a proxy. */
  trustProxy?: string | number | boolean;
}

export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Headers and policies for every response: helmet's security headers (a JSON API: no content
 * may be framed or run scripts), CORS for the configured origins only, and the client address
 * taken from X-Forwarded-For only when a proxy is trusted.
 */
export function applyWebEdge(app: Express, settings: WebEdgeSettings): void {
  app.disable('x-powered-by');
  // Every answer is per viewer and POSTed: an ETag (a SHA-1 of each body) would never be used.
  app.set('etag', false);
  if (settings.trustProxy !== undefined) app.set('trust proxy', settings.trustProxy);
  app.use(helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  }));
  const allowed = new Set(settings.corsOrigins ?? []);
  app.use(cors({
    // No Access-Control-Allow-Origin for an origin not on the list: the browser refuses the response.
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'idempotency-key', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'],
    // A browser client may read the request id (server/observe.ts) to quote it in a report.
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  }));
}

/** express.json with the body limit. */
export function jsonBody(settings: WebEdgeSettings): RequestHandler {
  return express.json({ limit: settings.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES });
}

/**
 * Body-parser failures as GraphQL-shaped errors with a stable code, never express's HTML page
 * with a stack: 413 PAYLOAD_TOO_LARGE, 400 BAD_REQUEST for unreadable JSON.
 */
export function bodyErrors(settings: WebEdgeSettings, log?: Logger): ErrorRequestHandler {
  const limit = settings.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  return (error: { type?: string; status?: number }, _req, res, next) => {
    if (res.headersSent) return next(error);
    if (error.type === 'entity.too.large') {
      res.status(413).json({ errors: [{ message: `The request body is larger than ${limit} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: limit } }] });
      return;
    }
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      res.status(400).json({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    log?.error({ requestId: res.getHeader('x-request-id'), fault: describeFault(error) }, 'unexpected error');
    res.status(500).json({ errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };
}
