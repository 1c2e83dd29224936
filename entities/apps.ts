import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from './people';

/** The scopes an app may ask for (DOMAIN.md "Third-party apps"; permissions/app-scopes.ts maps them onto the matrix). */
export enum AppScope {
  DIARY_READ = 'diary:read',
  EVENTS_READ = 'events:read',
  PROFILE = 'profile',
}

/**
 * A third-party app registered by the region's operator (server/oauth/, domain/apps/): an OAuth
 * public client (PKCE, no secret) with its exact redirect URIs and the scopes it may ask for.
 * `webhookUrl` is kept for the webhooks to come (issue 14 part 4).
 */
@Entity({ tableName: 'oauth_app' })
export class OAuthApp {
  /** The OAuth client_id. */
  @PrimaryKey({ length: 64 })
  id!: string;

  @Property({ length: 200 })
  name!: string;

  @Property({ type: 'text[]' })
  redirectUris!: string[];

  @Property({ type: 'text[]' })
  scopes!: string[];

  @Property({ type: 'text', nullable: true })
  webhookUrl?: string | null;

  /** In production, only documents registered ahead of time (oauth_trusted_document) run for it. */
  @Property({ default: false })
  trustedDocumentsOnly: boolean = false;

  /** Requests per minute over all its tokens, counted in oauth_rate_window (server/oauth/api-gate.ts). */
  @Property({ default: 600 })
  rateLimitPerMinute: number = 600;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy?: User | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  disabledAt?: Date | null;
}

/** oidc-provider's state, one row per model instance (server/oauth/adapter.ts). */
@Entity({ tableName: 'oidc_model' })
@Index({ name: 'oidc_model_grant_index', properties: ['grantId'], expression: `create index "oidc_model_grant_index" on "oidc_model" ("grant_id") where "grant_id" is not null` })
@Index({ name: 'oidc_model_uid_index', properties: ['uid'], expression: `create index "oidc_model_uid_index" on "oidc_model" ("uid") where "uid" is not null` })
export class OidcModel {
  @PrimaryKey({ length: 40 })
  model!: string;

  @PrimaryKey({ length: 200 })
  id!: string;

  @Property({ type: 'jsonb' })
  payload!: unknown;

  @Property({ length: 200, nullable: true })
  grantId?: string | null;

  @Property({ length: 200, nullable: true })
  uid?: string | null;

  @Index({ name: 'oidc_model_expires_index' })
  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  consumedAt?: Date | null;
}

/**
 * What a parent granted an app in one grant: the children and scopes they ticked. Revoking it
 * (revokedAt) ends the grant's tokens at once; a trigger announces it on `diary_access`.
 */
@Entity({ tableName: 'oauth_consent' })
@Index({ name: 'oauth_consent_user_index', properties: ['user', 'client'] })
export class OAuthConsent {
  @PrimaryKey({ length: 200 })
  grantId!: string;

  @ManyToOne(() => OAuthApp, { fieldName: 'client_id', deleteRule: 'cascade' })
  client!: OAuthApp;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'uuid[]' })
  studentIds!: string[];

  @Property({ type: 'text[]' })
  scopes!: string[];

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}

/** An operation an app registered ahead of time, by the SHA-256 of its document (docs/apps.md). */
@Entity({ tableName: 'oauth_trusted_document' })
export class OAuthTrustedDocument {
  @ManyToOne(() => OAuthApp, { fieldName: 'client_id', primary: true, deleteRule: 'cascade' })
  client!: OAuthApp;

  @PrimaryKey({ type: 'character', length: 64 })
  sha256!: string;

  @Property({ type: 'text' })
  document!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/** Requests of one app in one fixed minute, shared by every instance. */
@Entity({ tableName: 'oauth_rate_window' })
export class OAuthRateWindow {
  @PrimaryKey({ length: 64 })
  clientId!: string;

  @PrimaryKey({ type: 'datetime' })
  windowStart!: Date;

  @Property()
  requests!: number;
}
