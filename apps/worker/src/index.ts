export * from './email.ts';
export * from './handlers.ts';
export * from './resume.ts';
