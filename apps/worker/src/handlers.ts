// The one table of job handlers, used by the worker process and by the API's in-process queue.
import type { DatabaseHandle } from '@accord/db';
import {
  enqueueFollowUps,
  followUpsOfLoadedBatch,
  type FollowUps,
  type JobHandlers,
  type JobQueue,
} from '@accord/jobs';
import type { Logger } from 'pino';
import type { EmailTransport } from './email.ts';
import type { JobMetrics } from './metrics.ts';
import { deferringOutages } from './outage.ts';
import { deliverEmail } from './jobs/deliver-email.job.ts';
import { ingestBatch } from './jobs/ingest-batch.job.ts';
import { pruneExpired } from './jobs/prune-expired.job.ts';
import { recomputeCustomerValue } from './jobs/recompute-customer-value.job.ts';
import { recomputeNetwork } from './jobs/recompute-network.job.ts';
import { recomputeScorecards } from './jobs/recompute-scorecards.job.ts';

export interface WorkerDependencies {
  database: DatabaseHandle;
  email: EmailTransport;
  logger: Logger;
  /** Where jobs that follow others (the recomputes after a loaded batch) are enqueued. */
  queue: Pick<JobQueue, 'enqueue'>;
  /** Which jobs follow a loaded batch; `followUpsOfLoadedBatch` unless a test says otherwise. */
  followUps?: FollowUps;
  /** Told when a job met a lost database (the job itself runs again later without spending an attempt). */
  onDatabaseUnavailable?: (error: unknown) => void;
  /** Where batch outcomes and lost-database meetings are counted. */
  metrics?: JobMetrics;
}

/**
 * The pool the jobs need: a job may hold three connections at once (its advisory lock's session, a
 * load's transaction and the load's progress written aside), so a smaller pool deadlocks when every
 * running job waits for its third.
 */
export function workerPoolSize(concurrency: number): number {
  return concurrency * 3 + 1;
}

export function createJobHandlers(deps: WorkerDependencies): JobHandlers {
  return deferringOutages(
    {
      'deliver-email': deliverEmail(deps.database.db, deps.email),
      'ingest-batch': ingestBatch(
        deps.database,
        deps.logger,
        (batch) => enqueueFollowUps(deps.queue, deps.followUps ?? followUpsOfLoadedBatch, batch),
        (batch) => deps.metrics?.batchFinished(batch),
      ),
      'recompute-network': recomputeNetwork(deps.database, deps.logger, deps.queue),
      'recompute-customer-value': recomputeCustomerValue(deps.database, deps.logger, deps.queue),
      'recompute-scorecards': recomputeScorecards(deps.database.db, deps.logger),
      'prune-expired': pruneExpired(deps.database.db, deps.logger),
    },
    (error) => {
      deps.metrics?.databaseUnavailable();
      deps.onDatabaseUnavailable?.(error);
    },
  );
}
