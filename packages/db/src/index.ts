export * from './client.ts';
export * from './tenancy.ts';
export * as schema from './schema/index.ts';
export * from './schema/index.ts';
export * from './access-log.ts';
