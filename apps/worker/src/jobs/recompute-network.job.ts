// After a batch loads, everything derived from the network's exchange is recomputed for each active
// member, since each sees a different part of it. Members with the same view of the data (the same
// owners' rows in every dataset) share one read and one model fit: they are recomputed here one after
// the other in the order of their views, each under its own lock and row-level security, and each
// one's scorecards follow. A member whose recompute is running already gets one queued after it.
// Deduplicated per network, so that a burst of batches makes one run (and one more after it).
import { dataView, recomputeCustomerValue, SharedReads } from '@accord/analytics';
import { networkMemberships, withTenant, type DatabaseHandle } from '@accord/db';
import type { JobHandler, JobQueue } from '@accord/jobs';
import { and, eq } from 'drizzle-orm';
import type { Logger } from 'pino';

export function recomputeNetwork(
  database: DatabaseHandle,
  logger: Logger,
  queue: Pick<JobQueue, 'enqueue'>,
): JobHandler<'recompute-network'> {
  return async ({ firmId, networkId }) => {
    const members = await withTenant(database.db, { firmId, userId: null }, (tx) =>
      tx
        .select({ firmId: networkMemberships.firmId })
        .from(networkMemberships)
        .where(and(eq(networkMemberships.networkId, networkId), eq(networkMemberships.status, 'active'))),
    );
    const views: { firmId: string; key: string }[] = [];
    for (const member of members) {
      const view = await withTenant(database.db, { firmId: member.firmId, userId: null }, (tx) =>
        dataView(tx, networkId, member.firmId),
      );
      views.push({ firmId: member.firmId, key: view.key });
    }
    views.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const shared = new SharedReads();
    const failures: unknown[] = [];
    for (const { firmId: member } of views) {
      const payload = { firmId: member, networkId };
      try {
        const outcome = await database.exclusively(`customer-value:${networkId}:${member}`, () =>
          recomputeCustomerValue(database, logger, payload, shared),
        );
        if (outcome === 'busy') {
          await queue.enqueue('recompute-customer-value', payload, {
            dedupeKey: `recompute-customer-value:${networkId}:${member}`,
          });
        } else if (outcome !== null) {
          await queue.enqueue('recompute-scorecards', payload, {
            dedupeKey: `recompute-scorecards:${networkId}:${member}`,
          });
        }
      } catch (error) {
        // the others go on; the job fails (and is retried) once they are done
        failures.push(error);
      }
    }
    if (failures.length) throw failures[0];
  };
}
