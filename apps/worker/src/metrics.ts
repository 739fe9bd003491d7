// What operators watch (Prometheus): batches finished, their rows and durations, job failures, the
// queue's depth, and the database going away. The worker serves these on its own port; with jobs in
// the API process, the API's /metrics has them.
import type { JobQueue } from '@accord/jobs';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export interface FinishedBatch {
  dataset: string;
  status: 'succeeded' | 'failed';
  rowsAccepted: number;
  rowsRejected: number;
  seconds: number;
}

export interface JobMetrics {
  batchFinished(batch: FinishedBatch): void;
  jobFailed(job: string): void;
  /** A job met a lost database (the worker pauses until it answers again). */
  databaseUnavailable(): void;
  /** One of the pool's connections closed: lost, or recycled. */
  connectionClosed(): void;
}

export function jobMetrics(registry: Registry, queue: Pick<JobQueue, 'depth'>): JobMetrics {
  const registers = [registry];
  const finished = new Counter({
    name: 'accord_batches_finished_total',
    help: 'Feed batches the worker finished, by dataset and status (succeeded or failed)',
    labelNames: ['dataset', 'status'] as const,
    registers,
  });
  const rows = new Counter({
    name: 'accord_batch_rows_total',
    help: 'Rows of finished feed batches, by dataset and outcome (accepted or rejected)',
    labelNames: ['dataset', 'outcome'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'accord_batch_duration_seconds',
    help: 'From a batch taken up by the worker to it finished, by dataset',
    labelNames: ['dataset'] as const,
    buckets: [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
    registers,
  });
  const failures = new Counter({
    name: 'accord_job_failures_total',
    help: 'Job attempts that failed (each is retried with backoff, up to 5 attempts), by job',
    labelNames: ['job'] as const,
    registers,
  });
  const unavailable = new Counter({
    name: 'accord_database_unavailable_total',
    help: 'Jobs that met a lost database and were put back to run once it answers',
    registers,
  });
  const closed = new Counter({
    name: 'accord_database_connections_closed_total',
    help: 'Database connections of this process that closed (lost, or recycled); each is reopened on demand',
    registers,
  });
  new Gauge({
    name: 'accord_queue_jobs',
    help: 'Jobs in the queue by state: waiting (delayed and backing off included) or active',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      // a queue that cannot answer (Redis away: its commands wait for the reconnect) leaves the gauge out
      // after 2 s rather than failing or holding the scrape
      const depth = await Promise.race([
        queue.depth(),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 2000).unref()),
      ]).catch(() => undefined);
      this.reset();
      if (!depth) return;
      this.set({ state: 'waiting' }, depth.waiting);
      this.set({ state: 'active' }, depth.active);
    },
  });
  return {
    batchFinished(batch) {
      finished.inc({ dataset: batch.dataset, status: batch.status });
      rows.inc({ dataset: batch.dataset, outcome: 'accepted' }, batch.rowsAccepted);
      rows.inc({ dataset: batch.dataset, outcome: 'rejected' }, batch.rowsRejected);
      duration.observe({ dataset: batch.dataset }, batch.seconds);
    },
    jobFailed: (job) => failures.inc({ job }),
    databaseUnavailable: () => unavailable.inc(),
    connectionClosed: () => closed.inc(),
  };
}
