import { loadViewer, type Viewer } from '../permissions/viewer';
import { RequestContext, type AppServices } from '../resolvers/context';
import type { DiaryHub } from './diary-hub';

/** The services as the server holds them: the resolvers see the hub only as a LiveDiary. */
export interface ServerServices extends AppServices {
  hub: DiaryHub;
}

/** Builds the context from an `Authorization: Bearer …` value; a bad or expired token means anonymous. */
export async function createContext(services: AppServices, authorization: string | undefined, ip: string | null): Promise<RequestContext> {
  const em = services.em.fork();
  let viewer: Viewer | null = null;
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (token) {
    const verified = await services.signer.verify(token, services.clock.now());
    if (verified) viewer = await loadViewer(em, verified.userId, verified.sessionId, services.clock.now());
  }
  return new RequestContext(em, services, viewer, ip);
}
