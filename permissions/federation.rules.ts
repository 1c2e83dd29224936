import { can, isAuthenticated } from './rules';

/**
 * The federation fields (server/schema/federation.ts). `_entities` is as open as `node`: each
 * reference then goes through the same row scope (resolvers/entities.ts), and the entity
 * types' own fields keep their rules. `_service` hands out the whole subgraph SDL, so it is
 * for administrators (a gateway composes from the committed schema/subgraph.graphql).
 */
export const FEDERATION_QUERY_RULES = {
  _entities: isAuthenticated,
  _service: can('federation.service'),
};

export const FEDERATION_RULES = {
  _Service: { sdl: can('federation.service') },
  School: { id: isAuthenticated, name: isAuthenticated },
};
