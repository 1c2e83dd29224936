import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { Provider } from 'oidc-provider';
import { AppScope } from '../../entities';
import { AppError, ErrorCode } from '../../lib/errors';
import { APP_SCOPE_MEANING, ALL_APP_SCOPES } from '../../permissions/app-scopes';
import { loadAccountViewer } from '../../permissions/viewer';
import { grantableStudents } from '../../domain/apps/apps.queries';
import { AuthService } from '../../domain/auth/auth.service';
import { recordConsent } from '../../domain/apps/apps.service';
import { toGlobalId } from '../../schema/global-id';
import type { ServerServices } from '../context';
import { consentPage, errorPage, loginPage, pageCsp, pageText, pickLang, type Lang, type Page } from './pages';
import { API_RESOURCE } from './provider';
import { APP_SCOPES_METADATA } from './adapter';

/**
 * The sign-in and consent pages of the authorization server (oidc-provider's "interactions").
 * Every POST carries a CSRF token bound to the interaction (an HMAC of its uid under the
 * provider's cookie key), besides the interaction cookie oidc-provider itself checks. Sign-in goes
 * through AuthService.authenticate: the same throttle as `login` (domain/auth/login-throttle.service.ts).
 * The parent ticks children and scopes; the grant gets the ticked scopes, `oauth_consent` the children.
 */
export function interactionRoutes(options: {
  provider: () => Provider | null; services: ServerServices; csrfKey: () => string;
}): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 100 });
  const csrfFor = (uid: string) => createHmac('sha256', options.csrfKey()).update(`interaction-csrf:${uid}`).digest('base64url');
  const csrfValid = (uid: string, given: unknown) => {
    if (typeof given !== 'string') return false;
    const expected = Buffer.from(csrfFor(uid));
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  };
  const send = (res: Response, page: Page, status = 200) => {
    res.status(status).set({ 'Content-Security-Policy': pageCsp(page.nonce), 'Cache-Control': 'no-store' }).type('html').send(page.html);
  };
  const langOf = (req: Request): Lang => pickLang(req.body?.lang ?? req.query.lang, req.get('accept-language'));
  const fail = (req: Request, res: Response, status: number, message: string) => send(res, errorPage(message, req.get('accept-language')), status);

  /** The interaction of this browser (its cookie) with this uid, or an error page. */
  const details = async (req: Request, res: Response) => {
    const provider = options.provider();
    if (!provider) return null;
    try {
      const found = await provider.interactionDetails(req, res);
      if (found.uid !== req.params.uid) return null;
      return { provider, found };
    } catch {
      return null;
    }
  };

  const renderConsent = async (req: Request, res: Response, lang: Lang, error?: string, status = 200) => {
    const d = await details(req, res);
    if (!d || d.found.prompt.name !== 'consent' || !d.found.session) return fail(req, res, 400, pageText(lang).expired);
    const { provider, found } = d;
    const now = options.services.clock.now();
    const em = options.services.em.fork();
    const viewer = await loadAccountViewer(em, found.session!.accountId, now);
    if (!viewer) return fail(req, res, 400, pageText(lang).expired);
    const client = await provider.Client.find(String(found.params.client_id));
    const students = await grantableStudents(em, viewer);
    const requested = requestedScopes(found.params.scope, client?.[APP_SCOPES_METADATA]);
    const chosenStudents = new Set(Array.isArray(req.body?.student) ? req.body.student : req.body?.student ? [req.body.student] : []);
    const chosenScopes = new Set(Array.isArray(req.body?.scope) ? req.body.scope : req.body?.scope ? [req.body.scope] : requested);
    const t = pageText(lang);
    send(res, consentPage({
      lang, uid: found.uid, appName: client?.clientName ?? String(found.params.client_id), login: viewer.login, csrf: csrfFor(found.uid), error,
      children: students.map((s) => {
        const id = toGlobalId('Student', s.id);
        return { id, label: s.own ? `${s.fullName} (${t.self})` : s.fullName, checked: chosenStudents.has(id) };
      }),
      scopes: requested.map((scope) => ({ id: scope, label: APP_SCOPE_MEANING[scope as AppScope][lang], checked: chosenScopes.has(scope) })),
    }), status);
  };

  router.get('/interaction/:uid', async (req, res) => {
    const lang = langOf(req);
    const d = await details(req, res);
    if (!d) return fail(req, res, 400, pageText(lang).expired);
    if (d.found.prompt.name === 'login') {
      const client = await d.provider.Client.find(String(d.found.params.client_id));
      return send(res, loginPage({ lang, uid: d.found.uid, appName: client?.clientName ?? '', csrf: csrfFor(d.found.uid) }));
    }
    return renderConsent(req, res, lang);
  });

  router.post('/interaction/:uid/login', form, async (req, res) => {
    const lang = langOf(req);
    const t = pageText(lang);
    const d = await details(req, res);
    if (!d || d.found.prompt.name !== 'login') return fail(req, res, 400, t.expired);
    if (!csrfValid(d.found.uid, req.body?.csrf)) return fail(req, res, 403, t.csrf);
    const client = await d.provider.Client.find(String(d.found.params.client_id));
    const again = (error: string, status: number) => send(res, loginPage({
      lang, uid: d.found.uid, appName: client?.clientName ?? '', csrf: csrfFor(d.found.uid), error, login: String(req.body?.login ?? '').slice(0, 100),
    }), status);
    const services = options.services;
    const auth = new AuthService(
      services.em.fork(), services.signer, services.clock, services.auth, req.ip ?? null, services.authEvents,
    );
    try {
      const user = await auth.authenticate(String(req.body?.login ?? ''), String(req.body?.password ?? ''));
      await d.provider.interactionFinished(req, res, { login: { accountId: user.id, remember: false } }, { mergeWithLastSubmission: false });
    } catch (error) {
      if (error instanceof AppError && error.extensions.code === ErrorCode.TOO_MANY_ATTEMPTS) {
        const retry = Number(error.extensions.retryAfterSeconds ?? 60);
        res.set('Retry-After', String(retry));
        return again(t.throttled(retry), 429);
      }
      if (error instanceof AppError) return again(t.badLogin, 401);
      throw error;
    }
  });

  router.post('/interaction/:uid/consent', form, async (req, res) => {
    const lang = langOf(req);
    const t = pageText(lang);
    const d = await details(req, res);
    if (!d || d.found.prompt.name !== 'consent' || !d.found.session) return fail(req, res, 400, t.expired);
    if (!csrfValid(d.found.uid, req.body?.csrf)) return fail(req, res, 403, t.csrf);
    const { provider, found } = d;
    const accountId = found.session!.accountId;
    const em = options.services.em.fork();
    const viewer = await loadAccountViewer(em, accountId, options.services.clock.now());
    if (!viewer) return fail(req, res, 400, t.expired);
    const list = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
    // Only what the app asked for and only the viewer's own children count: anything else in the form is ignored.
    const client = await provider.Client.find(String(found.params.client_id));
    const requested = requestedScopes(found.params.scope, client?.[APP_SCOPES_METADATA]);
    const scopes = list(req.body?.scope).filter((s) => requested.includes(s));
    const grantable = new Map((await grantableStudents(em, viewer)).map((s) => [toGlobalId('Student', s.id), s.id]));
    const studentIds = [...new Set(list(req.body?.student).flatMap((id) => (grantable.has(id) ? [grantable.get(id)!] : [])))];
    if (studentIds.length === 0) return renderConsent(req, res, lang, t.pickChild, 400);
    if (scopes.length === 0) return renderConsent(req, res, lang, t.pickScope, 400);
    const grant = new provider.Grant({ accountId, clientId: String(found.params.client_id) });
    const oidcScopes = String(found.params.scope ?? '').split(' ').filter((s) => s === 'openid' || s === 'offline_access');
    if (oidcScopes.length) grant.addOIDCScope(oidcScopes.join(' '));
    grant.addResourceScope(API_RESOURCE, scopes.join(' '));
    const grantId = await grant.save();
    await recordConsent(em, { grantId, clientId: String(found.params.client_id), userId: accountId, studentIds, scopes, ip: req.ip ?? null, at: options.services.clock.now() });
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  });

  router.post('/interaction/:uid/abort', form, async (req, res) => {
    const lang = langOf(req);
    const d = await details(req, res);
    if (!d) return fail(req, res, 400, pageText(lang).expired);
    if (!csrfValid(d.found.uid, req.body?.csrf)) return fail(req, res, 403, pageText(lang).csrf);
    await d.provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user denied access.' }, { mergeWithLastSubmission: false });
  });

  return router;
}

/** The app scopes asked for that the app is registered for, in a fixed order: nothing else is offered or granted. */
function requestedScopes(scope: unknown, registered: unknown): string[] {
  const asked = new Set(String(scope ?? '').split(' '));
  const allowed = new Set(String(registered ?? '').split(' '));
  return ALL_APP_SCOPES.filter((s) => asked.has(s) && allowed.has(s));
}
