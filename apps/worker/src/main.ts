// The worker process: takes jobs from Redis and runs them until told to stop.
import { openDatabase } from '@accord/db';
import { createBullQueue, startBullWorker } from '@accord/jobs';
import { setPriority } from 'node:os';
import { pino } from 'pino';
import { logTransport } from './email.ts';
import { createJobHandlers } from './handlers.ts';
import { PRUNE_EVERY_MS } from './jobs/prune-expired.job.ts';
import { resumeUnfinishedBatches } from './resume.ts';

const logger = pino({ name: 'worker', level: process.env.LOG_LEVEL ?? 'info' });
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
// A job may hold three connections at once (its advisory lock's session, a load's transaction and the
// load's progress written aside), so a smaller pool deadlocks when every job waits for a third.
const CONNECTIONS_PER_JOB = 3;
const database = openDatabase({
  url: databaseUrl,
  max: Number(process.env.WORKER_DB_POOL ?? concurrency * CONNECTIONS_PER_JOB + 1),
  // the analytics' statements are planned for their parameters each time (a prepared statement's generic
  // plan can misjudge a network's size or a date range)
  prepare: false,
});
const queue = createBullQueue(redisUrl);
const handlers = createJobHandlers({ database, email: logTransport(logger), logger, queue });
const worker = startBullWorker(redisUrl, handlers, {
  concurrency,
  ...(process.env.WORKER_LOCK_MS ? { lockDurationMs: Number(process.env.WORKER_LOCK_MS) } : {}),
  onFailed: (name, error, attempt) => logger.warn({ job: name, attempt, err: error }, 'job failed'),
});
await queue.every('prune-expired', {}, PRUNE_EVERY_MS);
const resumed = await resumeUnfinishedBatches(database.db, queue);
logger.info({ resumed }, 'worker started');

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker stopping: finishing running jobs');
  await worker.close();
  await queue.close();
  await database.close();
  logger.info('worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
