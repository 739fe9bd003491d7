export * from './jobs.ts';
export * from './bullmq.ts';
export * from './in-process.ts';
