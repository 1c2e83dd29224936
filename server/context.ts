import type { EntityManager } from '@mikro-orm/postgresql';
import type { OperationDefinitionNode } from 'graphql';
import { AccessScope } from '../permissions/scope';
import { AuthService, type AuthSettings, type TokenSigner } from '../domain/auth.service';
import { unauthenticated } from '../lib/errors';
import { JournalService } from '../domain/journal.service';
import type { RequestScope } from '../domain/request-scope';
import { loadViewer, type Viewer } from '../permissions/viewer';
import { Loaders } from '../resolvers/loaders';
import type { Clock } from '../lib/clock';
import type { DiaryHub } from './diary-hub';

/** What lives as long as the server: shared by every request. */
export interface AppServices {
  em: EntityManager;
  clock: Clock;
  signer: TokenSigner;
  auth: AuthSettings;
  hub: DiaryHub;
}

/** One request (or one subscription event): its own EntityManager fork, viewer, loaders and row scope. */
export class RequestContext {
  private currentEm: EntityManager | null;
  private currentLoaders: Loaders;
  private accessScope?: AccessScope;
  /** graphql-shield's per-request rule cache, and the operation preauthorized for this viewer (permissions/preauthorization.ts). */
  _shield?: { cache: Record<string, unknown> };
  preauthorizedOperation?: OperationDefinitionNode;
  /** Set on WebSocket operations: closes the socket when the viewer's session ends. */
  onSessionEnded?: () => void;

  constructor(
    em: EntityManager,
    readonly services: AppServices,
    readonly viewer: Viewer | null,
    readonly ip: string | null,
  ) {
    this.currentEm = em;
    this.currentLoaders = new Loaders(() => this.em, services.clock);
  }

  get em(): EntityManager {
    this.currentEm ??= this.services.em.fork();
    return this.currentEm;
  }

  get loaders(): Loaders {
    return this.currentLoaders;
  }

  /**
   * A fresh unit of work for the next subscription event: a subscription outlives its
   * request, and an identity map or loader cache kept across events would serve stale rows.
   * The fork itself is made only if the event needs the database.
   */
  renew(): void {
    this.currentEm = null;
    this.currentLoaders = new Loaders(() => this.em, this.services.clock);
    this.accessScope = undefined;
  }

  get clock(): Clock {
    return this.services.clock;
  }

  /** The signed-in viewer; the permission layer has already refused anonymous callers. */
  requireViewer(): Viewer {
    if (!this.viewer) throw unauthenticated();
    return this.viewer;
  }

  get access(): AccessScope {
    this.accessScope ??= new AccessScope(this.em, this.requireViewer(), this.clock);
    return this.accessScope;
  }

  get scope(): RequestScope {
    return { em: this.em, viewer: this.requireViewer(), access: this.access, clock: this.clock, ip: this.ip };
  }

  journal(): JournalService {
    return new JournalService(this.scope);
  }

  authService(): AuthService {
    return new AuthService(this.em, this.services.signer, this.clock, this.services.auth, this.ip);
  }
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
