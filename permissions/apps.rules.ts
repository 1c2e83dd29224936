import type { IRules } from 'graphql-shield';
import { can } from './rules';

// Third-party apps (permissions/policies/apps.policy.ts): a family lists and revokes its own grants
// (the rows are the viewer's by construction, domain/apps/), the region's operator registers apps.
const grantor = can('app.grant');
const registrar = can('app.register');

export const APPS_RULES = {
  Query: { myApps: grantor },
  Mutation: { revokeApp: grantor, registerApp: registrar, registerAppDocument: registrar },
  types: {
    AuthorizedApp: Object.fromEntries(['id', 'clientId', 'name', 'scopes', 'children', 'grantedAt', 'lastUsedAt'].map((f) => [f, grantor])),
    RegisteredApp: Object.fromEntries(['clientId', 'name', 'redirectUris', 'scopes', 'webhookUrl', 'trustedDocumentsOnly', 'rateLimitPerMinute']
      .map((f) => [f, registrar])),
  },
} satisfies Record<string, IRules | Record<string, IRules>>;
