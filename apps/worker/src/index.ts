export * from './email.ts';
export * from './handlers.ts';
