// Feature snapshots: a recompute writes into a new one, completes it with the features in one
// transaction, and keeps only the newest complete snapshots per firm.
import { featureSnapshots, type Database, type Transaction } from '@accord/db';
import { and, desc, eq, ne, sql } from 'drizzle-orm';

/** Complete snapshots kept per firm: the current one and the one before it. */
const KEEP_SNAPSHOTS = 2;

/** Keeps the newest complete snapshots (and the one just made); older and failed ones go. */
export async function dropOldSnapshots(tx: Database | Transaction, networkId: string, firmId: string, current: string) {
  const kept = await tx
    .select({ id: featureSnapshots.id })
    .from(featureSnapshots)
    .where(
      and(
        eq(featureSnapshots.networkId, networkId),
        eq(featureSnapshots.firmId, firmId),
        eq(featureSnapshots.status, 'complete'),
      ),
    )
    .orderBy(desc(featureSnapshots.finishedAt))
    .limit(KEEP_SNAPSHOTS);
  const keep = [current, ...kept.map((k) => k.id)];
  await tx.delete(featureSnapshots).where(
    and(
      eq(featureSnapshots.networkId, networkId),
      eq(featureSnapshots.firmId, firmId),
      ne(featureSnapshots.status, 'computing'),
      sql`${featureSnapshots.id} not in (${sql.join(
        keep.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    ),
  );
}
