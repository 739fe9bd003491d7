// Customer value and joint segmentation: each firm's cost model (activity rates for cost-to-serve,
// CLV settings), the customer-feature snapshots computed for a firm from everything it may see, the
// network's versioned joint segmentation scheme, and each firm's own segment labels, their mapping onto
// the joint segments and the alignment measured between them.
import {
  char,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { firms, users } from './identity.ts';
import { networks } from './networks.ts';

const money = () => numeric({ precision: 20, scale: 6 });

/** Activity rates, as `ActivityRates` of @accord/domain: per order, line, delivery, ... and per activity code. */
export interface CostRates {
  perOrder: number;
  perOrderLine: number;
  perDelivery: number;
  perExpeditedDelivery: number;
  perReturn: number;
  perServiceCase: number;
  perActivity: Record<string, number>;
}

/** The annual discount rate of CLV unless a firm's cost model says otherwise. */
export const DEFAULT_ANNUAL_DISCOUNT_RATE = 0.1;

/** A firm's cost model in one network: what its activities cost, and how it values customers. */
export const costModels = pgTable(
  'cost_models',
  {
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    rates: jsonb().$type<CostRates>().notNull(),
    /** Margin on spend for CLV; null uses the gross margin observed in the data the firm sees. */
    clvMargin: doublePrecision(),
    annualDiscountRate: doublePrecision().notNull().default(DEFAULT_ANNUAL_DISCOUNT_RATE),
    /** Where the profitability matrix splits; null splits at the median. */
    netMarginPctThreshold: doublePrecision(),
    costToServeThreshold: doublePrecision(),
    updatedByUserId: uuid().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.firmId] })],
);

export const snapshotStatuses = ['computing', 'complete', 'failed'] as const;
export type SnapshotStatus = (typeof snapshotStatuses)[number];
export const snapshotStatus = pgEnum('feature_snapshot_status', snapshotStatuses);

/** How a maximum-likelihood fit ended: standard errors from the Hessian, and whether it converged. */
export interface FitOutcome<P> {
  logLikelihood: number;
  /** Null where the Hessian is not negative definite; absent in snapshots computed before they were reported. */
  standardErrors?: { [K in keyof P]: number | null };
  converged?: boolean;
  iterations?: number;
}

/** A purchase-frequency model fitted on the same histories as the others, for choosing between them. */
export interface FrequencyModelComparison {
  model: 'bg_nbd' | 'modified_bg_nbd' | 'pareto_nbd';
  params: Record<string, number>;
  standardErrors: Record<string, number | null>;
  logLikelihood: number;
  parameters: number;
  aic: number;
  bic: number;
  converged: boolean;
  iterations: number;
}

type BgNbdEstimates = { r: number; alpha: number; a: number; b: number };
type GammaGammaEstimates = { p: number; q: number; gamma: number };

export interface FittedModels {
  bgNbd: (BgNbdEstimates & FitOutcome<BgNbdEstimates>) | null;
  gammaGamma: (GammaGammaEstimates & FitOutcome<GammaGammaEstimates>) | null;
  /** Customers the fits used (all of them), and repeat buyers (the Gamma-Gamma fit's). */
  fittedCustomers: number;
  repeatCustomers: number;
  /** Distinct (x, t_x, T) histories the BG/NBD likelihood was summed over, weighted by their customers. */
  distinctHistories?: number;
  /** The frequency models ranked by BIC, when they were compared; null when not. */
  comparison?: FrequencyModelComparison[] | null;
}

export interface SnapshotSettings {
  margin: number;
  marginSource: 'cost_model' | 'observed';
  annualDiscountRate: number;
  netMarginPctThreshold: number | null;
  costToServeThreshold: number | null;
  schemeVersion: number | null;
}

export interface WhaleCurveSummary {
  points: { customerShare: number; profitShare: number }[];
  totalProfit: number;
  customers: number;
  top20ProfitShare: number | null;
  lossMakers: number;
  peak: { customerShare: number; profitShare: number };
}

/** One computation of a firm's customer features, as of a day; readers use the latest complete one. */
export const featureSnapshots = pgTable(
  'feature_snapshots',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    asOf: date().notNull(),
    status: snapshotStatus().notNull().default('computing'),
    customers: integer().notNull().default(0),
    models: jsonb().$type<FittedModels>(),
    settings: jsonb().$type<SnapshotSettings>(),
    whaleCurve: jsonb().$type<WhaleCurveSummary>(),
    error: text(),
    /** The newest merged batch the snapshot's data includes (of those the firm may see), and when it merged. */
    throughBatchId: uuid(),
    throughBatchAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.networkId, t.firmId, t.finishedAt)],
);

/**
 * Each firm's sales per customer, independent of any as-of day, kept by triggers on `transactions` as
 * lines merge, are restated or go (migration 0031): a recompute reads one row per customer and seller
 * instead of every line. Row-level security is that of the lines it sums.
 */
export const customerSales = pgTable(
  'customer_sales',
  {
    networkId: uuid().notNull(),
    /** The seller: the firm whose lines these are. */
    firmId: uuid().notNull(),
    customerKey: char({ length: 64 }).notNull(),
    /** Distinct days with a purchase line (quantity > 0), ascending. */
    purchaseDays: date({ mode: 'string' }).array().notNull(),
    firstDay: date({ mode: 'string' }),
    lastDay: date({ mode: 'string' }),
    /** Net amount of the purchase lines, and of those on the first purchase day. */
    purchaseAmount: numeric().notNull(),
    firstAmount: numeric().notNull(),
    /** Net amount and cost of goods of every line, returns included. */
    netAmount: numeric().notNull(),
    costAmount: numeric().notNull(),
    lines: integer().notNull(),
    returnLines: integer().notNull(),
    orders: integer().notNull(),
    /** Bit i set when a line was sold in sales channel i. */
    channels: smallint().notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.firmId, t.customerKey] })],
);

export const customerFeatures = pgTable(
  'customer_features',
  {
    networkId: uuid().notNull(),
    /**
     * The snapshot the row belongs to. Not a foreign key: a per-row check would cost a recompute about
     * as much as writing the rows; a statement trigger on feature_snapshots deletes a dropped snapshot's
     * features (migration 0018), and rows are only written after their snapshot.
     */
    snapshotId: uuid().notNull(),
    firmId: uuid().notNull(),
    customerKey: char({ length: 64 }).notNull(),
    recencyDays: integer().notNull(),
    /** Purchase days (same-day purchases are one transaction). */
    frequency: integer().notNull(),
    /** Mean net spend per purchase day. */
    monetary: money().notNull(),
    rfmR: smallint().notNull(),
    rfmF: smallint().notNull(),
    rfmM: smallint().notNull(),
    rfmSegment: text().notNull(),
    expectedPurchases12m: doublePrecision('expected_purchases_12m'),
    pAlive: doublePrecision(),
    clv12m: doublePrecision('clv_12m'),
    clvPercentile: doublePrecision(),
    netRevenue: money().notNull(),
    costOfGoods: money().notNull(),
    costToServe: money().notNull(),
    profit: money().notNull(),
    netMarginPct: doublePrecision(),
    profitPercentile: doublePrecision().notNull(),
    quadrant: text(),
    segment: text(),
    channels: smallint().notNull(),
    /** Each visible firm's share of this customer's net spend, by firm id. */
    walletShares: jsonb().$type<Record<string, number>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.snapshotId, t.customerKey] })],
);

export interface SchemeSegmentRecord {
  name: string;
  conditions: { feature: string; op: string; value: number | string | (number | string)[] }[];
  treatment: string;
  valueProposition: string;
}

/** The network's joint segmentation: versions published by the focal firm, never changed after. */
export const segmentationSchemes = pgTable(
  'segmentation_schemes',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    version: integer().notNull(),
    segments: jsonb().$type<SchemeSegmentRecord[]>().notNull(),
    note: text().notNull().default(''),
    publishedByFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    publishedByUserId: uuid()
      .notNull()
      .references(() => users.id),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('segmentation_schemes_version').on(t.networkId, t.version)],
);

/** A firm's own segment label per customer, as it last uploaded them. */
export const segmentLabels = pgTable(
  'segment_labels',
  {
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    customerKey: char({ length: 64 }).notNull(),
    label: text().notNull(),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.firmId, t.customerKey] })],
);

/** Which joint segment a firm's own label corresponds to. */
export const segmentLabelMappings = pgTable(
  'segment_label_mappings',
  {
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    label: text().notNull(),
    segment: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.firmId, t.label] })],
);

/** How far a firm's mapped labels agree with the joint segments, each time it was measured. */
export const segmentAlignments = pgTable(
  'segment_alignments',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    snapshotId: uuid().references(() => featureSnapshots.id, { onDelete: 'set null' }),
    asOf: date().notNull(),
    schemeVersion: integer().notNull(),
    /** Customers the firm labelled, and those both labelled (with a mapped label) and segmented. */
    labelled: integer().notNull(),
    compared: integer().notNull(),
    agreementRate: doublePrecision(),
    kappa: doublePrecision(),
    adjustedRand: doublePrecision(),
    matrix: jsonb().$type<{ rowLabels: string[]; columnLabels: string[]; counts: number[][] }>().notNull(),
    computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.networkId, t.firmId, t.computedAt)],
);
