// What follows a loaded feed batch. The modules that compute from the exchange (customer value and
// segmentation, scorecards) add their recompute to `afterBatchLoaded`, with a job id per network and
// day so that a burst of batches makes one recompute. The worker enqueues them once the batch has
// committed, never for a failed one.
import type { EnqueueOptions, JobName, JobPayloads, JobQueue } from './jobs.ts';

export interface LoadedBatch {
  firmId: string;
  networkId: string;
  batchId: string;
  dataset: string;
}

export interface FollowUp<N extends JobName = JobName> {
  name: N;
  payload: JobPayloads[N];
  options?: EnqueueOptions;
}

export type FollowUps = (batch: LoadedBatch) => FollowUp[];

/** The recomputes every loaded batch calls for; none yet. */
export const afterBatchLoaded: readonly ((batch: LoadedBatch) => FollowUp)[] = [];

export const followUpsOfLoadedBatch: FollowUps = (batch) => afterBatchLoaded.map((followUp) => followUp(batch));

/** Enqueues a batch's follow-ups. */
export async function enqueueFollowUps(
  queue: Pick<JobQueue, 'enqueue'>,
  followUps: FollowUps,
  batch: LoadedBatch,
): Promise<number> {
  const jobs = followUps(batch);
  for (const job of jobs) await queue.enqueue(job.name, job.payload, job.options);
  return jobs.length;
}
