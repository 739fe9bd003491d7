export * from './passwords.ts';
export * from './feeds.ts';
