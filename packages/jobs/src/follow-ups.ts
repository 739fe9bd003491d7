// What follows a loaded feed batch: the network's recompute, which fans out to each member's
// recomputes (customer value and segmentation; scorecards later). A dedupe key per network makes a
// burst of batches one recompute, and one more after it for batches that arrive while it runs. The
// worker enqueues them once the batch has committed, never for a failed one.
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

/** The recomputes every loaded batch calls for. */
export const afterBatchLoaded: readonly ((batch: LoadedBatch) => FollowUp)[] = [
  (batch) => ({
    name: 'recompute-network',
    payload: { firmId: batch.firmId, networkId: batch.networkId },
    options: { dedupeKey: `recompute-network:${batch.networkId}` },
  }),
];

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
