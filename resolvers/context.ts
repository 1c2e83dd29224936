import type { EntityManager } from '@mikro-orm/postgresql';
import type { OperationDefinitionNode } from 'graphql';
import { AccessScope } from '../permissions/scope';
import { AuthService, type AuthSettings, type TokenSigner } from '../domain/auth/auth.service';
import type { AuthEvents } from '../domain/auth/auth-events';
import { unauthenticated } from '../lib/errors';
import { JournalService } from '../domain/journal/journal.service';
import type { RequestScope } from '../domain/request-scope';
import type { Delegation, Viewer } from '../permissions/viewer';
import type { OutboxEvent, SubscriptionEnd, Watcher } from '../domain/diary/diary-outbox';
import { Loaders } from './loaders';
import type { Clock } from '../lib/clock';

/**
 * What the resolvers need of the live diary (server/diary-hub.ts's DiaryHub has it): whether a
 * user may watch a student, and a stream of the outbox events they may see.
 */
export interface LiveDiary {
  /** May this user watch this student right now (self, parent, class teacher)? */
  mayWatch(userId: string, studentId: string): Promise<boolean>;
  /** Starts a stream after the `after` position (null: from now), replaying what was missed first. */
  subscribe(watcher: Watcher, after: bigint | null): LiveDiaryStream;
  /** Were events after this cursor pruned (the outbox's retention)? Then it cannot be resumed. */
  cursorExpired(after: bigint): Promise<boolean>;
}

/** One subscriber's stream of diary events, in position order, each at most once. */
export interface LiveDiaryStream extends AsyncIterableIterator<OutboxEvent> {
  /** Stops the stream: a waiting next() resolves as done. */
  end(): void;
  /** Called once when the stream stops because the viewer lost the right to it. */
  onFailure: ((reason: SubscriptionEnd) => void) | null;
}

/** An app's access token, resolved (server/oauth/app-token.ts): whose, for which app, narrowed how. */
export interface AppAccess {
  userId: string;
  delegation: Delegation;
  trustedDocumentsOnly: boolean;
  rateLimitPerMinute: number;
}

/** Resolves the opaque access tokens of third-party apps (server/oauth/). */
export interface AppTokens {
  verify(token: string): Promise<AppAccess | null>;
}

/** What lives as long as the server: shared by every request. */
export interface AppServices {
  em: EntityManager;
  clock: Clock;
  signer: TokenSigner;
  auth: AuthSettings;
  hub: LiveDiary;
  /** The read replica's EntityManager (DATABASE_READ_URL) for report data; reports read `em` when unset. */
  readEm?: EntityManager;
  /** Told of refused sign-ins and lockouts (server/metrics.ts counts them). */
  authEvents?: AuthEvents;
  /** Web Push (server/push/): the VAPID public key clients subscribe with, and whether endpoints are checked as in production. */
  push?: { publicKey: string; production: boolean };
  /** Apps' access tokens (server/oauth/); without it only first-party tokens are accepted. */
  appTokens?: AppTokens;
}

/** One request (or one subscription event): its own EntityManager fork, viewer, loaders and row scope. */
export class RequestContext {
  private currentEm: EntityManager | null;
  private currentReportsEm: EntityManager | null = null;
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

  /** Report data's EntityManager: a fork of the replica's when configured, else the request's own. */
  get reportsEm(): EntityManager {
    if (!this.services.readEm) return this.em;
    this.currentReportsEm ??= this.services.readEm.fork();
    return this.currentReportsEm;
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
    this.currentReportsEm = null;
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
    return { em: this.em, reportsEm: this.reportsEm, viewer: this.requireViewer(), access: this.access, clock: this.clock, ip: this.ip };
  }

  journal(): JournalService {
    return new JournalService(this.scope);
  }

  authService(): AuthService {
    return new AuthService(this.em, this.services.signer, this.clock, this.services.auth, this.ip, this.services.authEvents);
  }
}
