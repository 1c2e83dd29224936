import { badInput } from '../lib/errors';
import type { Page, PageRequest } from '../domain/journal/journal.queries';
import type { Connection } from '../schema/connection';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Reads `first`/`after` (Relay); cursors are opaque positions in the ordered list. */
export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput('first', `"first" must be between 1 and ${MAX_PAGE_SIZE}.`);
  }
  return { first: size, offset: after ? decodeCursor(after) + 1 : 0 };
}

export function toConnection<T>(page: Page<T>, request: PageRequest): Connection<T> {
  const edges = page.items.map((node, i) => ({ cursor: encodeCursor(request.offset + i), node }));
  return {
    edges,
    pageInfo: { hasNextPage: request.offset + page.items.length < page.total, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: page.total,
  };
}

function encodeCursor(position: number): string {
  return Buffer.from(`pos:${position}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^pos:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput('after', '"after" is not a cursor from this list.');
  return Number(match[1]);
}
