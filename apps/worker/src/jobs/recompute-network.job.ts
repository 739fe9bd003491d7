// After a batch loads, everything derived from the network's exchange is recomputed for each active
// member, since each sees a different part of it: one customer-value recompute per member firm, each
// deduplicated so that a burst of batches makes one run (and one more after it).
import { networkMemberships, withTenant, type Database } from '@accord/db';
import type { JobHandler, JobQueue } from '@accord/jobs';
import { and, eq } from 'drizzle-orm';

export function recomputeNetwork(db: Database, queue: Pick<JobQueue, 'enqueue'>): JobHandler<'recompute-network'> {
  return async ({ firmId, networkId }) => {
    const members = await withTenant(db, { firmId, userId: null }, (tx) =>
      tx
        .select({ firmId: networkMemberships.firmId })
        .from(networkMemberships)
        .where(and(eq(networkMemberships.networkId, networkId), eq(networkMemberships.status, 'active'))),
    );
    for (const member of members)
      await queue.enqueue(
        'recompute-customer-value',
        { firmId: member.firmId, networkId },
        { dedupeKey: `recompute-customer-value:${networkId}:${member.firmId}` },
      );
  };
}
