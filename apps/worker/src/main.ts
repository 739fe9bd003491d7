// The worker process: takes jobs from Redis and runs them until told to stop.
import { loggableError, openDatabase } from '@accord/db';
import { createBullQueue, startBullWorker } from '@accord/jobs';
import { createServer } from 'node:http';
import { setPriority } from 'node:os';
import { pino } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { logTransport } from './email.ts';
import { createJobHandlers, workerPoolSize } from './handlers.ts';
import { jobMetrics } from './metrics.ts';
import { PRUNE_EVERY_MS } from './jobs/prune-expired.job.ts';
import { untilAvailable, untilDatabaseReady } from './outage.ts';
import { resumeUnfinishedBatches } from './resume.ts';

// a failed statement is logged without its parameters (raw identifiers, token hashes)
const logger = pino({
  name: 'worker',
  level: process.env.LOG_LEVEL ?? 'info',
  serializers: { err: (error: unknown) => pino.stdSerializers.err(loggableError(error) as Error) },
});
const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.DATABASE_URL;
if (!redisUrl || !databaseUrl) {
  logger.fatal('REDIS_URL and DATABASE_URL must be set; without them the API runs jobs in its own process');
  process.exit(1);
}

const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 4);
// Batch work yields the processor to requests: the worker's own computing (parsing, hashing, fitting)
// runs at a lower scheduling priority than the API (its database sessions are the server's to schedule).
try {
  setPriority(Number(process.env.WORKER_NICE ?? 10));
} catch (error) {
  logger.warn({ err: error }, 'could not lower the worker priority (WORKER_NICE); running at the one it has');
}
const registry = new Registry();
collectDefaultMetrics({ register: registry });
// the queue's depth is read when scraped, once the queue exists
const metrics = jobMetrics(registry, { depth: () => queue.depth() });
const database = openDatabase({
  url: databaseUrl,
  onConnectionClosed: () => metrics.connectionClosed(),
  max: Number(process.env.WORKER_DB_POOL ?? workerPoolSize(concurrency)),
  // the analytics' statements are planned for their parameters each time (a prepared statement's generic
  // plan can misjudge a network's size or a date range)
  prepare: false,
});
// Stopping: running jobs may finish within the grace, then are handed back to the queue; whatever still
// holds on is cut off before Kubernetes' 30 s (and our 10 s) is up.
const SHUTDOWN_GRACE_MS = Number(process.env.WORKER_SHUTDOWN_GRACE_MS ?? 6000);
const SHUTDOWN_LIMIT_MS = 9000;
const stopping = new AbortController();

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
// Until jobs run, stopping is just exiting.
const exitNow = () => process.exit(0);
for (const signal of SIGNALS) process.once(signal, exitNow);

// Started before the database is up or migrated (the API migrates), the worker waits for it.
await untilDatabaseReady(database, logger, stopping.signal);
const queue = createBullQueue(redisUrl);
serveMetrics(process.env.WORKER_METRICS_PORT ?? '9464');

// A job that meets a lost database runs again later; meanwhile the worker takes no jobs, and once the
// database answers it resumes and queues again the batches whose jobs were lost.
let outage: Promise<void> | undefined;
function onDatabaseUnavailable(error: unknown) {
  if (outage || stopping.signal.aborted) return;
  logger.warn({ err: error }, 'database unavailable: pausing the queue until it answers');
  outage = (async () => {
    await worker.pause();
    await untilDatabaseReady(database, logger, stopping.signal);
    if (stopping.signal.aborted) return;
    await worker.resume();
    logger.info({ requeued: await requeue() }, 'database back: queue resumed');
  })()
    .catch((failure: unknown) => logger.warn({ err: failure }, 'outage handling stopped'))
    .finally(() => (outage = undefined));
}

const handlers = createJobHandlers({
  database,
  email: logTransport(logger),
  logger,
  queue,
  onDatabaseUnavailable,
  metrics,
});
const worker = startBullWorker(redisUrl, handlers, {
  concurrency,
  ...(process.env.WORKER_LOCK_MS ? { lockDurationMs: Number(process.env.WORKER_LOCK_MS) } : {}),
  onFailed: (name, error, attempt) => {
    metrics.jobFailed(name);
    logger.warn({ job: name, attempt, err: error }, 'job failed');
  },
  onReconnected: () =>
    void requeue().then((requeued) => logger.info({ requeued }, 'Redis back: unfinished batches queued again')),
});
for (const signal of SIGNALS) {
  process.off(signal, exitNow);
  process.on(signal, () => void stop(signal));
}
// Redis may not be there yet either: the schedule and the sweep wait for it.
logger.info({ resumed: await requeue() }, 'worker started');

/**
 * Sets the schedule and queues again the batches the database has unfinished: at start, and whenever
 * Redis is back (restarted empty, it has lost both). Their job ids make this a no-op for jobs it kept.
 */
async function requeue(): Promise<number> {
  await untilAvailable('queue', () => queue.every('prune-expired', {}, PRUNE_EVERY_MS), logger, stopping.signal);
  return untilAvailable('queue', () => resumeUnfinishedBatches(database.db, queue), logger, stopping.signal);
}

/** Prometheus metrics on their own port (`WORKER_METRICS_PORT`, 9464; `off` for none). */
function serveMetrics(port: string) {
  if (port === 'off' || port === '') return;
  const server = createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    registry
      .metrics()
      .then((text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text))
      .catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  // a port taken is no reason to stop working
  server.on('error', (error) => logger.warn({ err: error, port }, 'metrics not served'));
  server.listen(Number(port), process.env.WORKER_METRICS_HOST ?? '0.0.0.0');
  server.unref();
}

async function stop(signal: string) {
  if (stopping.signal.aborted) return;
  stopping.abort();
  logger.info({ signal }, 'worker stopping: finishing or handing back running jobs');
  setTimeout(() => {
    logger.error(`worker still stopping after ${SHUTDOWN_LIMIT_MS / 1000} s; exiting`);
    process.exit(1);
  }, SHUTDOWN_LIMIT_MS).unref();
  const closing = worker.close({ graceMs: SHUTDOWN_GRACE_MS });
  // a job told to stop returns at its next safe point; one inside a long statement (a recompute) is cut
  // off: its transaction rolls back, it fails on the closed connection, and it is handed back
  const cutOff = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS + 500, 'cut off'));
  if ((await Promise.race([closing, cutOff])) === 'cut off')
    logger.warn('jobs still running: closing their connections');
  await database.close({ timeoutSeconds: 0 });
  logger.info('database connections closed');
  await closing;
  logger.info('queue worker closed');
  await queue.close();
  logger.info('worker stopped');
  process.exit(0);
}
