// recompute-scorecards: a network's scorecards as one member firm sees them (packages/analytics).
import { scoreNetwork } from '@accord/analytics';
import { todayUtc } from '@accord/domain';
import type { Database } from '@accord/db';
import type { JobHandler } from '@accord/jobs';
import type { Logger } from 'pino';

export function recomputeScorecards(db: Database, logger: Logger): JobHandler<'recompute-scorecards'> {
  return async ({ firmId, networkId, today }) => {
    const periods = await scoreNetwork(db, firmId, networkId, today ?? todayUtc());
    logger.info({ networkId, firmId, periods }, 'scorecards recomputed');
  };
}
