import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../server/clock';
import type { AccessScope } from './access';
import type { Viewer } from './viewer';

/** What a domain service needs to know about the request it serves. */
export interface RequestScope {
  em: EntityManager;
  viewer: Viewer;
  access: AccessScope;
  clock: Clock;
  ip: string | null;
}
