// Batches whose job was lost (a process stopped between storing a body and running its job, or the
// in-process queue of the embedded mode was restarted) are enqueued again at start-up. Running a
// batch's job twice is harmless: the job skips finished batches and restarts unfinished ones cleanly.
import { feedBatches, type Database } from '@accord/db';
import type { JobQueue } from '@accord/jobs';
import { inArray } from 'drizzle-orm';

/** Runs as the connecting (owner) role: a maintenance sweep across firms, not a firm's request. */
export async function resumeUnfinishedBatches(db: Database, queue: JobQueue): Promise<number> {
  const unfinished = await db
    .select({ id: feedBatches.id, firmId: feedBatches.firmId, networkId: feedBatches.networkId })
    .from(feedBatches)
    .where(inArray(feedBatches.status, ['received', 'validating', 'loading']));
  for (const batch of unfinished) {
    await queue.enqueue(
      'ingest-batch',
      { firmId: batch.firmId, networkId: batch.networkId, batchId: batch.id },
      {
        jobId: `ingest-${batch.id}`,
      },
    );
  }
  return unfinished.length;
}
