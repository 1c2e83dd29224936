import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../lib/clock';
import type { AccessScope } from '../permissions/scope';
import type { Viewer } from '../permissions/viewer';

/** What a domain service needs to know about the request it serves. */
export interface RequestScope {
  em: EntityManager;
  /**
   * Where report data is read (domain/reports/*.queries.ts, domain/people/admin-reports.queries.ts):
   * a fork of the read replica's ORM when DATABASE_READ_URL is set, else `em` itself. It may be a
   * moment behind the primary: access checks, writes and anything that must see a just-committed
   * write use `em`.
   */
  reportsEm: EntityManager;
  viewer: Viewer;
  access: AccessScope;
  clock: Clock;
  ip: string | null;
}
