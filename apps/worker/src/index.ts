export * from './email.ts';
export * from './handlers.ts';
export * from './resume.ts';
export { customerAggregates, visibleSellers, type CustomerAggregateRow } from './jobs/customer-value.queries.ts';
export {
  CustomerColumns,
  fitCustomerModels,
  logOtherFirmsReads,
  recompute,
  todayUtc,
} from './jobs/recompute-customer-value.job.ts';
export { PRUNE_EVERY_MS, pruneExpired } from './jobs/prune-expired.job.ts';
export { currentScheme, firmCostModel, measureAlignment } from './jobs/segmentation.queries.ts';
export {
  openCurrentPeriod,
  periodStart,
  scoreNetwork,
  scorePeriod,
  shiftPeriod,
} from './jobs/recompute-scorecards.job.ts';
