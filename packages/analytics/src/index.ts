// @accord/analytics: the computations the API and the worker share, over the database and the domain.
// The worker's jobs and the API's handlers call these; neither holds the computation itself.
export { logOtherFirmsReads } from './customer-value/access-log.ts';
export {
  customerAggregates,
  salesSource,
  visibleSellers,
  type CustomerAggregateRow,
  type SalesSource,
  type VisibleSeller,
} from './customer-value/aggregate.queries.ts';
export {
  newestVisibleBatch,
  snapshotFreshness,
  type BatchMark,
  type Freshness,
} from './customer-value/freshness.queries.ts';
export { answeredFeatureSelect } from './customer-value/features.queries.ts';
export { CustomerColumns, type PurchaseHistories } from './customer-value/customer-columns.ts';
export { fitCustomerModels } from './customer-value/models.ts';
export { dataView, type DataView } from './customer-value/data-view.queries.ts';
export { defaultCalibrationEnd, modelDiagnostics, type DiagnosticsRequest } from './customer-value/diagnostics.ts';
export { recompute as recomputeCustomerValue, SharedReads, type RecomputeRequest } from './customer-value/recompute.ts';
export { currentScheme, firmCostModel, measureAlignment } from './segmentation/segmentation.queries.ts';
export { periodKnowledge, type PeriodKnowledge } from './scorecard/period-knowledge.ts';
export { periodStart, shiftPeriod } from './scorecard/periods.ts';
export { openCurrentPeriod, scoreNetwork } from './scorecard/score-network.ts';
export { scorePeriod } from './scorecard/score-period.ts';
