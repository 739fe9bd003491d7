// The worker's job handlers, for the worker process and for the API's composition root (which runs them
// in-process when there is no Redis). The computations themselves are in packages/analytics.
export * from './email.ts';
export * from './handlers.ts';
export * from './metrics.ts';
export * from './outage.ts';
export * from './resume.ts';
export { PRUNE_EVERY_MS, pruneExpired } from './jobs/prune-expired.job.ts';
