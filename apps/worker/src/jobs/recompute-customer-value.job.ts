// recompute-customer-value: one firm's customer features in a network (packages/analytics), one run at
// a time per firm; its scorecards follow, since they read its customer value.
import { recomputeCustomerValue as recompute } from '@accord/analytics';
import type { DatabaseHandle } from '@accord/db';
import type { JobHandler, JobQueue } from '@accord/jobs';
import type { Logger } from 'pino';

export function recomputeCustomerValue(
  database: DatabaseHandle,
  logger: Logger,
  queue: Pick<JobQueue, 'enqueue'>,
): JobHandler<'recompute-customer-value'> {
  return async (payload) => {
    const outcome = await database.exclusively(`customer-value:${payload.networkId}:${payload.firmId}`, () =>
      recompute(database, logger, payload),
    );
    if (outcome === 'busy') throw new Error('a recompute for this firm is running; retrying later');
    // the firm's scorecards read its customer value (profit, CLV, share of wallet)
    if (outcome !== null)
      await queue.enqueue(
        'recompute-scorecards',
        { firmId: payload.firmId, networkId: payload.networkId },
        { dedupeKey: `recompute-scorecards:${payload.networkId}:${payload.firmId}` },
      );
  };
}
