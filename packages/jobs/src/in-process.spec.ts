import { describe, expect, it } from 'vitest';
import { createInProcessQueue } from './in-process.ts';

describe('in-process queue', () => {
  it('retries a failing job and runs a job id once while pending', async () => {
    const seen: number[] = [];
    const queue = createInProcessQueue(
      {
        'deliver-email': async (_payload, { attempt }) => {
          seen.push(attempt);
          if (attempt < 3) throw new Error('smtp down');
        },
        'ingest-batch': async () => {},
      },
      { backoffMs: 1 },
    );
    await queue.enqueue('deliver-email', { firmId: 'f', emailId: 'e' }, { jobId: 'email:e' });
    await queue.enqueue('deliver-email', { firmId: 'f', emailId: 'e' }, { jobId: 'email:e' });
    await queue.drain();
    expect(seen).toEqual([1, 2, 3]);
    await queue.close();
    await expect(queue.enqueue('deliver-email', { firmId: 'f', emailId: 'e' })).rejects.toThrow(/closed/);
  });
});
