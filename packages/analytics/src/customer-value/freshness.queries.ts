// Freshness: which merged feed batches a firm's customer value includes. A recompute records the newest
// batch it may see when it starts reading (every batch merged before that is in what it reads); a reader
// compares that with the batches merged since.
import { query, type Database, type Transaction } from '@accord/db';
import { sql } from 'drizzle-orm';

export interface BatchMark {
  id: string;
  mergedAt: Date;
}

/** The newest succeeded batch whose rows the firm reads per customer in the network; null before any. */
export async function newestVisibleBatch(tx: Database | Transaction, networkId: string): Promise<BatchMark | null> {
  const [row] = await query<{ id: string; finished_at: string | Date }>(
    tx,
    sql`select id, finished_at from app_visible_batches(${networkId}::uuid) limit 1`,
  );
  return row ? { id: row.id, mergedAt: new Date(row.finished_at) } : null;
}

export interface Freshness {
  /** The newest batch the snapshot includes, and the newest the firm may see now. */
  throughBatch: { id: string; mergedAt: string } | null;
  latestBatch: { id: string; mergedAt: string } | null;
  /** Batches merged after the snapshot read its data. */
  batchesBehind: number;
  /** Seconds since the oldest of those merged: how long the newest data has waited; 0 when none. */
  secondsBehind: number;
}

/** How far a snapshot that read its data through `through` is behind the batches merged since. */
export async function snapshotFreshness(
  tx: Database | Transaction,
  networkId: string,
  through: BatchMark | null,
  now = new Date(),
): Promise<Freshness> {
  const since = through?.mergedAt.toISOString() ?? null;
  const [row] = await query<{
    latest_id: string | null;
    latest_at: string | null;
    behind: number;
    oldest: string | null;
  }>(
    tx,
    sql`select (array_agg(id order by finished_at desc, id desc))[1] as latest_id, max(finished_at) as latest_at,
               count(*) filter (where after)::int as behind, min(finished_at) filter (where after) as oldest
        from (select id, finished_at, finished_at > coalesce(${since}::timestamptz, '-infinity') as after
              from app_visible_batches(${networkId}::uuid)) b`,
  );
  const mark = (id: string | null | undefined, at: string | Date | null | undefined) =>
    id && at ? { id, mergedAt: new Date(at).toISOString() } : null;
  return {
    throughBatch: through ? { id: through.id, mergedAt: through.mergedAt.toISOString() } : null,
    latestBatch: mark(row?.latest_id, row?.latest_at),
    batchesBehind: row?.behind ?? 0,
    secondsBehind: row?.oldest ? Math.max(0, Math.round((now.getTime() - new Date(row.oldest).getTime()) / 1000)) : 0,
  };
}
