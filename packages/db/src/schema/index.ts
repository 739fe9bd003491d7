export * from './identity.ts';
export * from './networks.ts';
export * from './outbox.ts';
export * from './exchange.ts';
export * from './sharing.ts';
export * from './knowledge.ts';
export * from './segmentation.ts';
export * from './scorecard.ts';
