// The worker process: takes jobs from Redis and runs them until told to stop.
import { openDatabase } from '@accord/db';
import { createBullQueue, startBullWorker } from '@accord/jobs';
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

const database = openDatabase({ url: databaseUrl, max: Number(process.env.WORKER_DB_POOL ?? 5) });
const queue = createBullQueue(redisUrl);
const handlers = createJobHandlers({ database, email: logTransport(logger), logger, queue });
const worker = startBullWorker(redisUrl, handlers, {
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 4),
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
