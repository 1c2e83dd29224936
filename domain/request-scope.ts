import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../lib/clock';
import type { AccessScope } from '../permissions/scope';
import type { Viewer } from '../permissions/viewer';

/** What a domain service needs to know about the request it serves. */
export interface RequestScope {
  em: EntityManager;
  viewer: Viewer;
  access: AccessScope;
  clock: Clock;
  ip: string | null;
}
