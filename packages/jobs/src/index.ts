export * from './jobs.ts';
export * from './bullmq.ts';
export * from './in-process.ts';
export * from './follow-ups.ts';
