export * from './passwords.ts';
export * from './feeds.ts';
export * from './rfm.ts';
export * from './clv.ts';
export * from './cost-to-serve.ts';
export * from './segmentation.ts';
export * from './scorecard.ts';
