// Boots the API: opens the database (PostgreSQL or embedded PGlite), migrates, seeds the demo in
// demo mode, picks the job queue (BullMQ with Redis, else in-process), listens, and shuts down cleanly.
import { loggableError, openDatabase } from '@accord/db';
import { createBullQueue, createInProcessQueue, type JobQueue } from '@accord/jobs';
import {
  createJobHandlers,
  jobMetrics,
  logTransport,
  PRUNE_EVERY_MS,
  resumeUnfinishedBatches,
  untilAvailable,
  untilDatabaseReady,
} from '@accord/worker';
import { Redis } from 'ioredis';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { pushDemoFeeds } from './modules/demo/demo.feeds.ts';
import { DEMO_PASSWORD, demoEmail, demoFirms, seedDemo } from './modules/demo/demo.seed.ts';
import { txtResolverOf } from './modules/sso/sso.service.ts';

const config = loadConfig();
// a failed statement is logged without its parameters (password and token hashes, raw identifiers)
const serializers = { err: (error: unknown) => pino.stdSerializers.err(loggableError(error) as Error) };
const logger = pino({ level: config.logLevel, serializers });
if (config.uploadStaleMs <= config.bodyIdleTimeoutMs) {
  logger.fatal(
    'ACCORD_UPLOAD_STALE_MS must be longer than ACCORD_BODY_IDLE_TIMEOUT_MS (a live upload is never taken over)',
  );
  process.exit(1);
}

// one registry for /metrics: the API's own, and the jobs' when they run here
const registry = new Registry();
const metrics = jobMetrics(registry, { depth: () => queue.depth() });
if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
const database = openDatabase(
  config.databaseUrl
    ? {
        url: config.databaseUrl,
        // a bound for requests; jobs run here without Redis, and a recompute may take longer
        statementTimeoutMs: config.redisUrl ? config.statementTimeoutMs : 0,
        onConnectionClosed: () => metrics.connectionClosed(),
      }
    : { dataDir: join(config.dataDir, 'pglite') },
);
// Started before PostgreSQL is up (a deploy, a compose file starting everything at once), the API waits.
if (config.migrateOnStart) {
  await untilAvailable('database', () => database.migrate(), logger);
  logger.info({ database: database.kind }, 'database migrated');
} else {
  await untilDatabaseReady(database, logger);
}
if (!config.secretKey && !config.demo) {
  logger.warn('ACCORD_SECRET_KEY is not set: stored secrets are sealed with a key derived from JWT_SECRET');
}
let freshDemo = false;
if (config.demo) {
  const { seeded } = await seedDemo(database.db);
  freshDemo = seeded;
  logger.info(
    { seeded, password: DEMO_PASSWORD, logins: demoFirms.map((f) => demoEmail(f.name)) },
    'demo value chain ready: sign in as any of these with the demo password',
  );
}

let queue: JobQueue;
let rateLimitRedis: Redis | undefined;
// The worker needs the same database as the API: embedded PGlite lives in this process only.
if (config.redisUrl && !config.databaseUrl) {
  logger.warn('REDIS_URL is ignored without DATABASE_URL: jobs run in the API process on embedded PGlite');
}
if (config.redisUrl && config.databaseUrl) {
  queue = createBullQueue(config.redisUrl);
  rateLimitRedis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
} else {
  const handlers = createJobHandlers({
    database,
    email: logTransport(logger.child({ name: 'jobs' })),
    logger: logger.child({ name: 'jobs' }),
    // the queue these handlers run in, made just below
    queue: { enqueue: (name, payload, options) => queue.enqueue(name, payload, options) },
    metrics,
  });
  queue = createInProcessQueue(handlers, {
    onFailed: (name, error, attempt) => {
      metrics.jobFailed(name);
      logger.warn({ job: name, attempt, err: error }, 'job failed');
    },
  });
}

if (queue.kind === 'in-process') {
  const resumed = await resumeUnfinishedBatches(database.db, queue);
  if (resumed) logger.info({ resumed }, 'resumed unfinished feed batches');
  // with Redis, the worker keeps this schedule
  await queue.every('prune-expired', {}, PRUNE_EVERY_MS);
}

const app = await buildApp({
  database,
  queue,
  jwtSecret: config.jwtSecret,
  secretKey: config.secretKey,
  portalUrl: config.portalUrl,
  loginRateLimit: config.loginRateLimit,
  loginAddressLimit: config.loginAddressLimit,
  sso: {
    ...(config.ssoRedirectUri ? { redirectUri: config.ssoRedirectUri } : {}),
    allowHttpLoopback: config.ssoAllowHttpLoopback,
    ...(config.dnsServers.length ? { resolveTxt: txtResolverOf(config.dnsServers) } : {}),
  },
  trustProxy: config.trustProxy,
  logger: { level: config.logLevel, serializers },
  ...(rateLimitRedis ? { rateLimitRedis } : {}),
  uploads: {
    perFirm: config.uploadsPerFirm,
    total: config.uploadsTotal,
    idleTimeoutMs: config.bodyIdleTimeoutMs,
    staleAfterMs: config.uploadStaleMs,
  },
  metrics: registry,
});
await app.listen({ host: config.host, port: config.port });
logger.info({ database: database.kind, queue: queue.kind }, `API on http://localhost:${config.port} (docs at /docs)`);
if (freshDemo && config.demoFeeds) {
  // In the background: the API answers meanwhile, and the batches show up in Data exchange as they land.
  pushDemoFeeds(app, app.log).catch((error: unknown) => logger.error({ err: error }, 'demo feeds failed'));
}

// Stopping: no new connections; requests in flight and in-process jobs may finish within the grace
// (jobs are then told to stop: an unfinished batch resumes at the next start); exit within 10 s.
const SHUTDOWN_GRACE_MS = 5000;
const SHUTDOWN_LIMIT_MS = 9000;
let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'API stopping');
  setTimeout(() => {
    logger.error(`API still stopping after ${SHUTDOWN_LIMIT_MS / 1000} s; exiting`);
    process.exit(1);
  }, SHUTDOWN_LIMIT_MS).unref();
  await Promise.all([app.close(), queue.close({ graceMs: SHUTDOWN_GRACE_MS })]);
  rateLimitRedis?.disconnect();
  await database.close();
  process.exit(0);
}
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
