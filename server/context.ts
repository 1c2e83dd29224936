import { loadDelegatedViewer, loadViewer, type Viewer } from '../permissions/viewer';
import { RequestContext, type AppAccess, type AppServices } from '../resolvers/context';
import type { DiaryHub } from './diary-hub';

/** The services as the server holds them: the resolvers see the hub only as a LiveDiary. */
export interface ServerServices extends AppServices {
  hub: DiaryHub;
}

/** First-party access tokens are JWTs; an app's (oidc-provider's opaque tokens) have no dots. */
export const isAppToken = (token: string) => !token.includes('.');

export const bearerToken = (authorization: string | undefined) => /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];

/**
 * Builds the context from an `Authorization: Bearer …` value; a bad or expired token means anonymous.
 * An app's token (already resolved by server/oauth/api-gate.ts when given) stands for its user
 * narrowed to the grant's children and scopes (permissions/viewer.ts loadDelegatedViewer).
 */
export async function createContext(
  services: AppServices, authorization: string | undefined, ip: string | null, appAccess?: AppAccess | null,
): Promise<RequestContext> {
  const em = services.em.fork();
  let viewer: Viewer | null = null;
  const token = bearerToken(authorization);
  if (token && isAppToken(token)) {
    const access = appAccess !== undefined ? appAccess : await services.appTokens?.verify(token);
    if (access) viewer = await loadDelegatedViewer(em, access.userId, access.delegation, services.clock.now());
  } else if (token) {
    const verified = await services.signer.verify(token, services.clock.now());
    if (verified) viewer = await loadViewer(em, verified.userId, verified.sessionId, services.clock.now());
  }
  return new RequestContext(em, services, viewer, ip);
}
