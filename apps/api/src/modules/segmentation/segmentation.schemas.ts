import { DEFAULT_ANNUAL_DISCOUNT_RATE } from '@accord/db';
import { quadrantNames, rfmSegmentNames, schemeFeatures, type AnsweredFeature } from '@accord/domain';
import Type from 'typebox';
import { strict, Timestamp, Uuid } from '../../http/common.schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Decimal = Type.String({ description: 'An exact decimal, e.g. "1234.500000".' });
const Day = Type.String({ format: 'date', description: 'A day, YYYY-MM-DD.' });

const Rate = Type.Number({ minimum: 0, maximum: 1e9 });
export const CostRates = Type.Object(
  {
    perOrder: Rate,
    perOrderLine: Rate,
    perDelivery: Rate,
    perExpeditedDelivery: Type.Number({
      minimum: 0,
      maximum: 1e9,
      description: 'Added to perDelivery for an expedited delivery.',
    }),
    perReturn: Type.Number({ minimum: 0, maximum: 1e9, description: 'Per returned order line (quantity < 0).' }),
    perServiceCase: Rate,
    perActivity: Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Rate, {
      description: 'Per unit of quantity of each activity code of the activities feed.',
      maxProperties: 200,
    }),
  },
  strict,
);

export const CostModel = Type.Object({
  rates: CostRates,
  clvMargin: Nullable(
    Type.Number({
      minimum: 0,
      maximum: 1,
      description: 'Margin on spend for CLV; null uses the gross margin observed in the data you see.',
    }),
  ),
  annualDiscountRate: Type.Number({ minimum: 0, maximum: 1 }),
  netMarginPctThreshold: Nullable(
    Type.Number({
      minimum: -10,
      maximum: 1,
      description: 'Where the profitability matrix splits net margin %; null: the median.',
    }),
  ),
  costToServeThreshold: Nullable(
    Type.Number({ minimum: 0, description: 'Where the profitability matrix splits cost-to-serve; null: the median.' }),
  ),
  updatedAt: Nullable(Timestamp),
});

export const CostModelBody = Type.Object(
  {
    rates: CostRates,
    clvMargin: CostModel.properties.clvMargin,
    annualDiscountRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1, default: DEFAULT_ANNUAL_DISCOUNT_RATE })),
    netMarginPctThreshold: Type.Optional(CostModel.properties.netMarginPctThreshold),
    costToServeThreshold: Type.Optional(CostModel.properties.costToServeThreshold),
  },
  strict,
);

export const RecomputeBody = Type.Object(
  { asOf: Type.Optional({ ...Day, description: 'The day to compute as of (default today, UTC).' }) },
  strict,
);

export const sortableFeatures = [
  'clv_12m',
  'profit',
  'net_revenue',
  'cost_to_serve',
  'monetary',
  'frequency',
  'recency_days',
  'p_alive',
  'expected_purchases_12m',
  'channels',
  'customer_key',
] as const satisfies readonly AnsweredFeature[];
export type SortableFeature = (typeof sortableFeatures)[number];

export const FeatureQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 300, description: 'From `nextCursor` of the previous page.' })),
    sort: Type.Optional(Type.Enum([...sortableFeatures], { default: 'clv_12m' })),
    order: Type.Optional(Type.Enum(['asc', 'desc'], { default: 'desc' })),
    segment: Type.Optional(Type.String({ maxLength: 100, description: 'Only this joint segment.' })),
    unsegmented: Type.Optional(
      Type.Boolean({ description: 'Only customers no segment rule matched (or all, before there is a scheme).' }),
    ),
    rfm_segment: Type.Optional(Type.Enum([...rfmSegmentNames])),
    quadrant: Type.Optional(Type.Enum([...quadrantNames])),
    format: Type.Optional(
      Type.Enum(['json', 'csv'], { default: 'json', description: 'csv exports every row that matches, unpaged.' }),
    ),
  },
  strict,
);

export const CustomerFeature = Type.Object({
  customer_key: Type.String(),
  recency_days: Type.Integer({ description: 'Days from the last purchase to the as-of day.' }),
  frequency: Type.Integer({ description: 'Purchase days (same-day purchases are one transaction).' }),
  monetary: { ...Decimal, description: 'Mean net spend per purchase day.' },
  rfm_r: Type.Integer({ minimum: 1, maximum: 5 }),
  rfm_f: Type.Integer({ minimum: 1, maximum: 5 }),
  rfm_m: Type.Integer({ minimum: 1, maximum: 5 }),
  rfm_segment: Type.Enum([...rfmSegmentNames]),
  expected_purchases_12m: Nullable(Type.Number({ description: 'BG/NBD; null when the models could not be fitted.' })),
  p_alive: Nullable(Type.Number()),
  clv_12m: Nullable(Type.Number({ description: 'Discounted expected margin over the next 12 months.' })),
  net_revenue: Decimal,
  cost_of_goods: Decimal,
  cost_to_serve: Decimal,
  profit: { ...Decimal, description: 'Net revenue - cost of goods - cost-to-serve.' },
  quadrant: Nullable(Type.Enum([...quadrantNames])),
  segment: Nullable(Type.String({ description: 'The joint segment; null without a scheme or when no rule matched.' })),
  channels: Type.Integer({ description: 'Sales channels the customer bought through.' }),
  wallet_shares: Type.Record(Type.String(), Type.Number(), {
    description: "Each visible firm's share of the customer's net spend, by firm id.",
  }),
});

/** Standard errors of the named parameters; null where the Hessian was not negative definite. */
const standardErrors = (names: string[]) =>
  Type.Object(Object.fromEntries(names.map((name) => [name, Nullable(Type.Number())])), {
    description: 'Asymptotic standard errors from the Hessian of the log-likelihood at the optimum.',
  });

/** How the optimiser ended; absent on snapshots computed before they were reported. */
const fitOutcome = (names: string[]) => ({
  logLikelihood: Type.Number(),
  standardErrors: Type.Optional(standardErrors(names)),
  converged: Type.Optional(Type.Boolean({ description: 'The gradient of the log-likelihood reached ~0.' })),
  iterations: Type.Optional(Type.Integer()),
});

const FrequencyModelFit = Type.Object({
  model: Type.Enum(['bg_nbd', 'modified_bg_nbd', 'pareto_nbd']),
  params: Type.Record(Type.String(), Type.Number(), {
    description: 'bg_nbd and modified_bg_nbd: r, alpha, a, b; pareto_nbd: r, alpha, s, beta.',
  }),
  standardErrors: Type.Record(Type.String(), Nullable(Type.Number())),
  logLikelihood: Type.Number(),
  parameters: Type.Integer(),
  aic: Type.Number({ description: '2k - 2 ln L; lower is better.' }),
  bic: Type.Number({ description: 'k ln(customers) - 2 ln L; lower is better, the ranking key.' }),
  converged: Type.Boolean(),
  iterations: Type.Integer(),
});

const FrequencyModelComparison = Type.Array(FrequencyModelFit, {
  description:
    'BG/NBD, modified BG/NBD and Pareto/NBD fitted on the same histories, best (lowest BIC) first; ' +
    'customers are valued with BG/NBD whichever ranks first.',
});

const FittedModels = Type.Object({
  bgNbd: Nullable(
    Type.Object({
      r: Type.Number(),
      alpha: Type.Number(),
      a: Type.Number(),
      b: Type.Number(),
      ...fitOutcome(['r', 'alpha', 'a', 'b']),
    }),
  ),
  gammaGamma: Nullable(
    Type.Object({
      p: Type.Number(),
      q: Type.Number(),
      gamma: Type.Number(),
      ...fitOutcome(['p', 'q', 'gamma']),
    }),
  ),
  fittedCustomers: Type.Integer({ description: 'Every customer: the fits use no sample.' }),
  repeatCustomers: Type.Integer(),
  distinctHistories: Type.Optional(
    Type.Integer({ description: 'Distinct (x, t_x, T) histories the likelihood was summed over, weighted.' }),
  ),
  comparison: Type.Optional(Nullable(FrequencyModelComparison)),
});

const BatchMark = Type.Object({ id: Uuid, mergedAt: Timestamp });

export const Snapshot = Type.Object({
  id: Uuid,
  asOf: Day,
  customers: Type.Integer(),
  startedAt: Timestamp,
  finishedAt: Nullable(Timestamp),
  models: Nullable(FittedModels),
  settings: Nullable(
    Type.Object({
      margin: Type.Number(),
      marginSource: Type.Enum(['cost_model', 'observed']),
      annualDiscountRate: Type.Number(),
      netMarginPctThreshold: Nullable(Type.Number()),
      costToServeThreshold: Nullable(Type.Number()),
      schemeVersion: Nullable(Type.Integer()),
    }),
  ),
  freshness: Type.Object(
    {
      throughBatch: Type.Union([BatchMark, Type.Null()], {
        description: 'The newest merged feed batch the snapshot includes (of those you read per customer).',
      }),
      latestBatch: Type.Union([BatchMark, Type.Null()], { description: 'The newest such batch merged now.' }),
      batchesBehind: Type.Integer({ description: 'Batches merged after the snapshot read its data.' }),
      secondsBehind: Type.Integer({
        description: 'Seconds since the oldest of those merged: how long the newest data has waited; 0 when none.',
      }),
    },
    { description: 'How far the snapshot is behind the feed batches merged since it read its data.' },
  ),
});

const SnapshotState = {
  snapshot: Nullable(Snapshot),
  computing: Type.Boolean({ description: 'Whether a newer recompute is running.' }),
  lastError: Nullable(Type.String({ description: 'Why the latest recompute failed, when it did.' })),
};

export const FeaturePage = Type.Object({
  ...SnapshotState,
  items: Type.Array(CustomerFeature),
  nextCursor: Nullable(Type.String()),
});

const Share = Nullable(Type.Number({ description: 'Of the whole, 0..1; null when the whole is 0.' }));
const GroupValue = {
  customers: Type.Integer(),
  revenue: Decimal,
  profit: Decimal,
  customerShare: Share,
  revenueShare: Share,
  profitShare: Share,
};

export const CustomerValueSummary = Type.Object({
  ...SnapshotState,
  segments: Type.Array(
    Type.Object({
      segment: Nullable(Type.String({ description: 'Null: customers no rule matched (or no scheme yet).' })),
      ...GroupValue,
      meanClv: Nullable(Type.Number()),
      treatment: Nullable(Type.String()),
      valueProposition: Nullable(Type.String()),
    }),
  ),
  rfmSegments: Type.Array(
    Type.Object({
      segment: Type.Enum([...rfmSegmentNames]),
      rule: Type.Object({
        cells: Type.String({ description: 'R score and FM = round((F + M) / 2), e.g. "R 5, FM 4-5".' }),
        description: Type.String(),
      }),
      ...GroupValue,
    }),
  ),
  rfmGrid: Type.Array(
    Type.Object({
      r: Type.Integer(),
      f: Type.Integer(),
      customers: Type.Integer(),
      meanMonetary: Type.Number(),
    }),
    { description: 'The RFM heatmap: customers and mean monetary value per recency x frequency score.' },
  ),
  whaleCurve: Nullable(
    Type.Object({
      points: Type.Array(Type.Object({ customerShare: Type.Number(), profitShare: Type.Number() })),
      totalProfit: Type.Number(),
      customers: Type.Integer(),
      top20ProfitShare: Nullable(Type.Number()),
      lossMakers: Type.Integer(),
      peak: Type.Object({ customerShare: Type.Number(), profitShare: Type.Number() }),
    }),
  ),
  profitability: Type.Object({
    thresholds: Type.Object({ netMarginPct: Nullable(Type.Number()), costToServe: Nullable(Type.Number()) }),
    quadrants: Type.Array(
      Type.Object({
        quadrant: Nullable(Type.Enum([...quadrantNames])),
        label: Type.String(),
        treatment: Type.String(),
        ...GroupValue,
      }),
    ),
    sample: Type.Array(
      Type.Object({
        customer_key: Type.String(),
        net_margin_pct: Type.Number(),
        cost_to_serve: Type.Number(),
        profit: Type.Number(),
        quadrant: Nullable(Type.Enum([...quadrantNames])),
      }),
      { description: 'Up to 500 customers, drawn evenly by key, for a scatter plot.' },
    ),
  }),
});

export const ClvModelQuery = Type.Object(
  {
    calibrationEnd: Type.Optional({
      ...Day,
      description: 'The last day of the calibration period (default today, UTC).',
    }),
    timeUnit: Type.Optional(Type.Enum(['day', 'week'], { default: 'week' })),
  },
  strict,
);

export const ClvModel = Type.Object({
  calibrationStart: Nullable(Day),
  calibrationEnd: Day,
  timeUnit: Type.Enum(['day', 'week']),
  customers: Type.Integer(),
  repeatCustomers: Type.Integer(),
  distinctHistories: Type.Integer(),
  bgNbd: FittedModels.properties.bgNbd,
  gammaGamma: FittedModels.properties.gammaGamma,
  comparison: FrequencyModelComparison,
});

export const ClvDiagnosticsQuery = Type.Object(
  {
    calibrationEnd: Type.Optional({
      ...Day,
      description:
        'The last day of the calibration period the model is fitted on (default halfway from the first purchase ' +
        'you see to holdoutEnd). Must be before holdoutEnd.',
    }),
    holdoutEnd: Type.Optional({
      ...Day,
      description: 'The last day of the holdout period the fit is checked against (default today, UTC).',
    }),
    timeUnit: Type.Optional(
      Type.Enum(['day', 'week'], { default: 'week', description: 'The model’s time unit and the tracking’s period.' }),
    ),
  },
  strict,
);

const PerCustomer = (what: string) => Nullable(Type.Number({ description: `${what}; null for an empty group.` }));

const CalibrationVsHoldout = Type.Object(
  {
    bins: Type.Array(
      Type.Object({
        frequency: Type.Integer({ description: 'Repeat purchases in calibration (x); with orMore, x or more.' }),
        orMore: Type.Boolean(),
        customers: Type.Integer(),
        actual: PerCustomer('Mean repeat purchases made in the holdout'),
        expected: PerCustomer('Mean of BG/NBD’s E[Y(holdoutLength) | x, t_x, T]'),
      }),
      { description: 'Calibration frequency 0, 1, ..., 6 and 7+.' },
    ),
    actual: Type.Number({ description: 'Repeat purchases the customers made in the holdout.' }),
    expected: Type.Number({ description: 'The same, expected by the model.' }),
  },
  {
    description:
      'Customers grouped by their calibration repeat purchases: holdout purchases made against expected ' +
      '(lifetimes’ plot_calibration_purchases_vs_holdout_purchases).',
  },
);

const TrackingPeriod = Type.Object({
  start: Day,
  end: { ...Day, description: 'Inclusive; the last period ends on holdoutEnd and may be short.' },
  holdout: Type.Boolean({ description: 'After the calibration end.' }),
  actual: Type.Integer({ description: 'Repeat purchases the cohort made in the period.' }),
  expected: Type.Number({ description: 'Repeat purchases the model expects of the cohort in the period.' }),
  cumulativeActual: Type.Integer(),
  cumulativeExpected: Type.Number(),
});

const FrequencyRecency = Type.Object(
  {
    T: Type.Number({ description: 'The age every cell is evaluated at: the oldest customer’s, in the time unit.' }),
    horizon: Type.Number({ description: 'expectedPurchases are over the next `horizon` time units.' }),
    frequencies: Type.Array(Type.Integer(), { description: 'Evenly spaced from 0 to the largest x, at most 25.' }),
    recencies: Type.Array(Type.Number(), { description: 'Evenly spaced from 0 to T (t_x), at most 25.' }),
    cells: Type.Array(
      Type.Object({
        frequency: Type.Integer(),
        recency: Type.Number(),
        customers: Type.Integer({ description: 'Customers whose (x, t_x) is nearest this point, whatever their age.' }),
        expectedPurchases: Nullable(Type.Number({ description: 'Null where no history can be: x = 0, t_x > 0.' })),
        probabilityAlive: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
      }),
      { description: 'Every recency of the first frequency, then of the next.' },
    ),
  },
  {
    description:
      'Expected purchases and P(alive) over a grid of histories at age T (lifetimes’ ' +
      'plot_frequency_recency_matrix and plot_probability_alive_matrix).',
  },
);

export const ClvDiagnostics = Type.Object({
  calibrationStart: Nullable({ ...Day, description: 'The first purchase day of the cohort; null without one.' }),
  calibrationEnd: Day,
  holdoutEnd: Day,
  timeUnit: Type.Enum(['day', 'week']),
  holdoutLength: Type.Number({ description: 'In the time unit.' }),
  customers: Type.Integer({ description: 'The cohort: customers who first bought by calibrationEnd.' }),
  repeatCustomers: Type.Integer(),
  bgNbd: FittedModels.properties.bgNbd,
  calibrationVsHoldout: Nullable(CalibrationVsHoldout),
  tracking: Nullable(
    Type.Object(
      { periods: Type.Array(TrackingPeriod) },
      {
        description:
          'Per period of one time unit, laid so one ends on calibrationEnd, the cohort’s repeat purchases against ' +
          'the sum of each customer’s E[X(t)] since its first purchase (lifetimes’ expected_cumulative_transactions).',
      },
    ),
  ),
  frequencyRecency: Nullable(FrequencyRecency),
});

const SegmentCondition = Type.Object(
  {
    feature: Type.Enum([...schemeFeatures]),
    op: Type.Enum(['lt', 'lte', 'gt', 'gte', 'eq', 'neq', 'in']),
    value: Type.Union([
      Type.Number(),
      Type.String({ maxLength: 100 }),
      Type.Array(Type.Union([Type.Number(), Type.String({ maxLength: 100 })]), { maxItems: 50 }),
    ]),
  },
  strict,
);

export const SchemeSegment = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    conditions: Type.Array(SegmentCondition, { maxItems: 20, description: 'All must hold; none: everyone left.' }),
    treatment: Type.String({ maxLength: 2000 }),
    valueProposition: Type.String({ maxLength: 2000 }),
  },
  strict,
);

export const PublishSchemeBody = Type.Object(
  {
    segments: Type.Array(SchemeSegment, {
      minItems: 1,
      maxItems: 30,
      description: 'In order: a customer belongs to the first segment whose conditions all hold.',
    }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  strict,
);

export const Scheme = Type.Object({
  id: Uuid,
  version: Type.Integer(),
  segments: Type.Array(SchemeSegment),
  note: Type.String(),
  publishedBy: Type.Object({ id: Uuid, name: Type.String() }),
  publishedAt: Timestamp,
});

export const SchemeList = Type.Object({
  items: Type.Array(Scheme, { description: 'Newest version first.' }),
  features: Type.Array(
    Type.Object({
      name: Type.Enum([...schemeFeatures]),
      kind: Type.Enum(['number', 'text']),
      values: Type.Optional(Type.Array(Type.String(), { description: 'The values a text feature takes.' })),
    }),
  ),
});

export const SegmentLabels = Type.Object({
  labelled: Type.Integer({ description: 'Customers you labelled.' }),
  uploadedAt: Nullable(Timestamp),
  labels: Type.Array(
    Type.Object({
      label: Type.String(),
      customers: Type.Integer(),
      segment: Nullable(Type.String({ description: 'The joint segment it is mapped to.' })),
    }),
  ),
});

export const MappingsBody = Type.Object(
  {
    mappings: Type.Array(
      Type.Object(
        { label: Type.String({ minLength: 1, maxLength: 100 }), segment: Type.String({ maxLength: 100 }) },
        strict,
      ),
      { maxItems: 500 },
    ),
  },
  strict,
);

const AlignmentMeasures = {
  computedAt: Timestamp,
  asOf: Day,
  schemeVersion: Type.Integer(),
  labelled: Type.Integer(),
  compared: Type.Integer({ description: 'Customers with a mapped label and a joint segment.' }),
  agreementRate: Nullable(Type.Number()),
  kappa: Nullable(Type.Number({ description: "Cohen's kappa." })),
  adjustedRand: Nullable(Type.Number({ description: 'Adjusted Rand index.' })),
};

export const Alignment = Type.Object({
  latest: Nullable(
    Type.Object({
      ...AlignmentMeasures,
      matrix: Type.Object({
        rowLabels: Type.Array(Type.String(), { description: 'Your own labels.' }),
        columnLabels: Type.Array(Type.String(), { description: 'The joint segments.' }),
        counts: Type.Array(Type.Array(Type.Integer())),
      }),
    }),
  ),
  history: Type.Array(Type.Object(AlignmentMeasures), { description: 'Oldest first, the latest 100.' }),
});

export const LabelUploadResult = Type.Object({ labels: SegmentLabels, alignment: Alignment });

/** A recompute was queued. */
export const Queued = Type.Object({ queued: Type.Boolean() });
