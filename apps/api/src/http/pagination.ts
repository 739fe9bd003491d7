// Keyset pagination: a page ends where its last row's sort key is, and the next page starts after
// it. Cursors are opaque: the sort key of that last row, base64url-encoded.
import { databaseErrorOf } from '@accord/db';
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { badRequest } from './problems.ts';

export const DEFAULT_PAGE_SIZE = 50;

export interface PageRequest {
  limit?: number | undefined;
  cursor?: string | undefined;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** How a list is ordered: the parts of its sort key, and a row's key. */
export interface Keyset<T> {
  parts: number;
  key: (row: T) => string[];
}

/** What a query is asked for: rows after `after` (from the start when absent), at most `take` of them. */
export interface PageWindow {
  after: string[] | undefined;
  take: number;
}

export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, parts: number): string[] | undefined {
  if (!cursor) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === parts && key.every((k) => typeof k === 'string')) return key;
  } catch {
    // fall through to the problem below
  }
  throw invalidCursor();
}

const invalidCursor = () =>
  badRequest('invalid_cursor', 'The cursor is not one this API issued; start again without it.');

/**
 * One page of a keyset-ordered list. The query is asked for one row more than the page holds: when
 * it comes, there is a next page, and the last row kept is where it starts.
 */
export async function paginate<T>(
  request: PageRequest,
  fetch: (window: PageWindow) => Promise<T[]>,
  keyset: Keyset<T>,
): Promise<Page<T>> {
  const limit = request.limit ?? DEFAULT_PAGE_SIZE;
  const after = decodeCursor(request.cursor, keyset.parts);
  const rows = await fetch({ after, take: limit + 1 }).catch((error: unknown) => {
    // a cursor of the right shape whose parts PostgreSQL cannot read as the key's types (a uuid, a time)
    if (after && databaseErrorOf(error)?.code?.startsWith('22')) throw invalidCursor();
    throw error;
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyset.key(last)) : null };
}

/** A page's rows presented for the answer. */
export function presentPage<T, U>(page: Page<T>, present: (row: T) => U): Page<U> {
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}

/** For lists newest first by (created_at, id): the rows after the cursor's row. */
export function olderThan(createdAt: PgColumn, id: PgColumn, after: string[] | undefined): SQL | undefined {
  return after ? sql`(${createdAt}, ${id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined;
}
