/**
 * The federation key of every entity type (server/schema/federation.ts): other subgraphs
 * reference and extend these types by their opaque global id.
 */
export const ENTITY_KEY = '@key(fields: "id")';
