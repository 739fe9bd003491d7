// Balanced scorecard (Kaplan & Norton) extended to the partner relationship: scoring a measure's
// actual value against its target and thresholds, rolling scores up from measures to perspectives
// to the whole scorecard, trends against the previous period, and the library of measures the
// exchange can compute from its own data (per firm and for the chain) with a default joint template.
//
// Scoring. Each measure is put on a 0-10 scale that is linear between its red threshold (0) and
// its target (10), in the measure's direction:
//   higher is better: score = clamp(10 * (actual - red) / (target - red), 0, 10)
//   lower is better:  score = clamp(10 * (red - actual) / (red - target), 0, 10)
// Anchoring 0 at red rather than at zero makes measures in different units comparable: a score
// says how far the actual has come from "unacceptable" towards "where we want to be". The cap at 10
// keeps one measure far beyond its target from hiding another's shortfall in the mean. When the
// target equals red the scale has no width, so the score is a step: 10 when the actual meets the
// target (>= for higher, <= for lower), 0 otherwise. A target on the bad side of red is invalid
// (validateMeasureSettings reports it); scoreMeasure treats it as the same step at the target
// rather than inverting the scale.
//
// Status is read off the thresholds, not the score, so owners can set the amber band where they
// like: green when the actual meets `green`, red when it is at or beyond `red` on the bad side,
// amber in between; when green and red coincide, meeting it is green.
//
// Missing is never zero: a measure without an actual has no score and is left out of its
// perspective's mean, so a partner who shares no delivery data is not scored as delivering nothing.

export const perspectives = ['financial', 'customer', 'internal_process', 'learning_growth', 'relationship'] as const;
export type Perspective = (typeof perspectives)[number];
export type Direction = 'higher' | 'lower';
export type MeasureStatus = 'green' | 'amber' | 'red' | 'missing';

/** A measure's scoring settings. `green` and `red` are thresholds on the actual value. */
export interface MeasureSettings {
  direction: Direction;
  /** The actual value that scores 10. */
  target: number;
  /** Meeting this (>= for higher, <= for lower) is green. */
  green: number;
  /** At or beyond this on the bad side is red, and scores 0. */
  red: number;
  /** Weight within the perspective; 0 makes the measure informational (shown, not counted). */
  weight: number;
}

const isMissing = (v: number | null | undefined): v is null | undefined =>
  v === null || v === undefined || Number.isNaN(v);

/** Whether `value` is at least as good as `than` in the direction. */
const meets = (value: number, than: number, direction: Direction): boolean =>
  direction === 'higher' ? value >= than : value <= than;

/** 0-10 score of an actual value, or null when the actual is missing (null / NaN). */
export function scoreMeasure(actual: number | null, s: MeasureSettings): number | null {
  if (isMissing(actual)) return null;
  const span = s.direction === 'higher' ? s.target - s.red : s.red - s.target;
  if (!(span > 0)) return meets(actual, s.target, s.direction) ? 10 : 0;
  const raw = s.direction === 'higher' ? (actual - s.red) / span : (s.red - actual) / span;
  return Math.min(10, Math.max(0, 10 * raw));
}

/** green / amber / red by thresholds, 'missing' when the actual is missing. */
export function measureStatus(actual: number | null, s: MeasureSettings): MeasureStatus {
  if (isMissing(actual)) return 'missing';
  if (meets(actual, s.green, s.direction)) return 'green';
  // At or beyond red on the bad side: red meets actual in the opposite sense.
  if (meets(s.red, actual, s.direction)) return 'red';
  return 'amber';
}

export interface SettingsProblem {
  /** JSON pointer into the settings, e.g. `/target`. */
  path: string;
  message: string;
}

const settingNumbers = ['target', 'green', 'red', 'weight'] as const;

/**
 * Problems with settings, empty when fine: a direction other than higher / lower, non-finite
 * numbers, a negative weight, thresholds in the wrong order for the direction (higher: red <=
 * green; lower: red >= green; reported on `/green`), and a target on the bad side of red (reported
 * on `/target`). A target equal to red is allowed: it scores as a pass/fail step. The order checks
 * are skipped while a number is not finite, since they would only repeat that problem.
 */
export function validateMeasureSettings(s: MeasureSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const add = (path: string, message: string): number => problems.push({ path, message });
  const directionOk = s.direction === 'higher' || s.direction === 'lower';
  if (!directionOk) add('/direction', `direction must be "higher" or "lower", not ${JSON.stringify(s.direction)}`);
  let finite = true;
  for (const key of settingNumbers) {
    if (typeof s[key] !== 'number' || !Number.isFinite(s[key])) {
      add(`/${key}`, `${key} must be a finite number`);
      finite = false;
    }
  }
  if (Number.isFinite(s.weight) && s.weight < 0)
    add('/weight', 'weight must not be negative; use 0 for information only');
  if (!finite || !directionOk) return problems;
  if (!meets(s.green, s.red, s.direction)) {
    add(
      '/green',
      s.direction === 'higher'
        ? `when higher is better the green threshold (${s.green}) must be at or above red (${s.red})`
        : `when lower is better the green threshold (${s.green}) must be at or below red (${s.red})`,
    );
  }
  if (!meets(s.target, s.red, s.direction)) {
    add(
      '/target',
      s.direction === 'higher'
        ? `when higher is better the target (${s.target}) must be at or above red (${s.red})`
        : `when lower is better the target (${s.target}) must be at or below red (${s.red})`,
    );
  }
  return problems;
}

/**
 * Status of a 0-10 score in thirds: >= 6.67 green, >= 3.33 amber, else red; missing when null.
 * Used for perspectives and the scorecard, whose scores have no thresholds of their own.
 */
export function scoreStatus(score: number | null): MeasureStatus {
  if (isMissing(score)) return 'missing';
  if (score >= 6.67) return 'green';
  if (score >= 3.33) return 'amber';
  return 'red';
}

export interface ScoredMeasure {
  perspective: Perspective;
  score: number | null;
  weight: number;
}

export interface PerspectiveRollUp {
  /** Weighted mean of the scored measures; null when their weights sum to 0. */
  score: number | null;
  status: MeasureStatus;
  /** Measures in the perspective, scored or not. */
  measures: number;
  /** Of those, how many have a score (weight-0 ones included). */
  scored: number;
  /** Summed weight of the scored measures: what the mean was taken over. */
  weight: number;
}

export interface RollUp {
  /** Weighted mean of the perspective scores; null when none scored. */
  score: number | null;
  /** Of the overall score, by scoreStatus. */
  status: MeasureStatus;
  perspectives: Record<Perspective, PerspectiveRollUp>;
}

function checkWeight(weight: number, what: string): void {
  if (!(Number.isFinite(weight) && weight >= 0)) {
    throw new RangeError(`rollUp: ${what} weight must be a finite number >= 0, got ${weight}`);
  }
}

/**
 * Scores from measures to perspectives to the scorecard. A perspective's score is the weighted
 * mean of its measures that have a score: missing ones are left out, never counted as zero, and
 * weight-0 ones are informational. A perspective whose counted weight is 0 (no measures, all
 * missing, all weight 0) has no score, and the scorecard is the weighted mean of the perspectives
 * that have one, so a perspective without data neither drags the total down nor props it up.
 * perspectiveWeights default to 1 each. Throws a RangeError on an unknown perspective or a
 * negative or non-finite weight, which validation should have stopped earlier.
 */
export function rollUp(measures: ScoredMeasure[], perspectiveWeights?: Partial<Record<Perspective, number>>): RollUp {
  const sums = new Map<Perspective, { measures: number; scored: number; weight: number; weighted: number }>(
    perspectives.map((p) => [p, { measures: 0, scored: 0, weight: 0, weighted: 0 }]),
  );
  for (const m of measures) {
    const sum = sums.get(m.perspective);
    if (!sum) throw new RangeError(`rollUp: unknown perspective ${JSON.stringify(m.perspective)}`);
    checkWeight(m.weight, 'a measure');
    sum.measures++;
    if (isMissing(m.score)) continue;
    sum.scored++;
    sum.weight += m.weight;
    sum.weighted += m.weight * m.score;
  }
  let totalWeight = 0;
  let totalWeighted = 0;
  const result = {} as Record<Perspective, PerspectiveRollUp>;
  for (const p of perspectives) {
    const sum = sums.get(p)!;
    const score = sum.weight > 0 ? sum.weighted / sum.weight : null;
    result[p] = { score, status: scoreStatus(score), measures: sum.measures, scored: sum.scored, weight: sum.weight };
    const weight = perspectiveWeights?.[p] ?? 1;
    checkWeight(weight, `the ${p} perspective`);
    if (score !== null) {
      totalWeight += weight;
      totalWeighted += weight * score;
    }
  }
  const score = totalWeight > 0 ? totalWeighted / totalWeight : null;
  return { score, status: scoreStatus(score), perspectives: result };
}

export interface Trend {
  delta: number | null;
  direction: 'better' | 'worse' | 'same' | null;
}

/**
 * Change from the previous period's actual, judged by the measure's direction; null when either
 * is missing. Equal within 1e-9 relative is 'same', so ratios recomputed from the same facts in a
 * different order do not show a trend.
 */
export function trend(actual: number | null, previous: number | null, direction: Direction): Trend {
  if (isMissing(actual) || isMissing(previous)) return { delta: null, direction: null };
  const delta = actual - previous;
  if (Number.isNaN(delta)) return { delta: null, direction: null };
  if (Math.abs(delta) <= 1e-9 * Math.max(Math.abs(actual), Math.abs(previous))) return { delta, direction: 'same' };
  return { delta, direction: (direction === 'higher' ? delta > 0 : delta < 0) ? 'better' : 'worse' };
}

/**
 * Raw facts of one period, summed by the worker from the database per firm and for the whole
 * chain. Measures are ratios computed from these here, so a chain's value is the same ratio of
 * summed facts (a pooled rate), not a mean of the firms' rates. Null means no data was visible;
 * the worker passes 0 only for a real zero.
 */
export interface PeriodFacts {
  /** Net sales amount in the period (null = no transaction data visible). */
  revenue: number | null;
  /** The same for the previous period of equal kind. */
  previousRevenue: number | null;
  costOfGoods: number | null;
  /** Summed customer profit from customer value (null when none). */
  customerProfit: number | null;
  /** Already a share (from the whale curve), not summable: null for the chain of several firms. */
  top20ProfitShare: number | null;
  /** Distinct customers with a purchase in the period. */
  customers: number | null;
  /** Customers with a purchase in the previous period. */
  previousCustomers: number | null;
  /** Of those, how many bought again in this period. */
  retainedCustomers: number | null;
  /** Mean share of wallet (0-1), already averaged, not summable. */
  walletShare: number | null;
  /** Summed 12-month CLV. */
  jointClv: number | null;
  /** Transaction lines with quantity > 0. */
  salesLines: number | null;
  /** Transaction lines with quantity < 0. */
  returnLines: number | null;
  /** Shipments promised in the period that have delivered_at. */
  shipmentsDelivered: number | null;
  /** Of those, delivered_at <= promised_at. */
  shipmentsOnTime: number | null;
  /** Sum over delivered shipments of max(0, delivered - promised) in days. */
  delayDaysTotal: number | null;
  casesOpened: number | null;
  casesResolvedIn7Days: number | null;
  satisfactionSum: number | null;
  satisfactionCount: number | null;
  /** Feed freshness; for the chain the max over firms, i.e. the stalest feed. */
  hoursSinceLastBatch: number | null;
  rowsReceived: number | null;
  rowsRejected: number | null;
  insightsShared: number | null;
  /** Partner firms whose executive sponsor signed the latest strategy version published by the period's end. */
  strategySignoffs: number | null;
  /** Partner firms asked to sign it (null when no version was published by then). */
  strategyPartners: number | null;
  /** Relationship health survey responses of the rounds opened in the period, both sides'. */
  surveyResponses: number | null;
  /** Sums over those responses of each dimension's score (1-5). */
  surveyTrustSum: number | null;
  surveyCommitmentSum: number | null;
  surveySatisfactionSum: number | null;
  surveyInformationSharingSum: number | null;
}

/** How each fact combines across firms. */
const factCombination: Record<keyof PeriodFacts, 'sum' | 'max' | 'single'> = {
  revenue: 'sum',
  previousRevenue: 'sum',
  costOfGoods: 'sum',
  customerProfit: 'sum',
  top20ProfitShare: 'single',
  customers: 'sum',
  previousCustomers: 'sum',
  retainedCustomers: 'sum',
  walletShare: 'single',
  jointClv: 'sum',
  salesLines: 'sum',
  returnLines: 'sum',
  shipmentsDelivered: 'sum',
  shipmentsOnTime: 'sum',
  delayDaysTotal: 'sum',
  casesOpened: 'sum',
  casesResolvedIn7Days: 'sum',
  satisfactionSum: 'sum',
  satisfactionCount: 'sum',
  hoursSinceLastBatch: 'max',
  rowsReceived: 'sum',
  rowsRejected: 'sum',
  insightsShared: 'sum',
  strategySignoffs: 'sum',
  strategyPartners: 'sum',
  surveyResponses: 'sum',
  surveyTrustSum: 'sum',
  surveyCommitmentSum: 'sum',
  surveySatisfactionSum: 'sum',
  surveyInformationSharingSum: 'sum',
};
const factKeys = Object.keys(factCombination) as (keyof PeriodFacts)[];

export const emptyFacts: PeriodFacts = Object.freeze(
  Object.fromEntries(factKeys.map((k) => [k, null])) as unknown as PeriodFacts,
);

/**
 * Facts of several firms combined into the chain's: counts and amounts summed over the firms that
 * have them (null only when all are null), hoursSinceLastBatch the max (the stalest feed), and the
 * already-derived shares top20ProfitShare and walletShare null unless exactly one firm's facts are
 * given (then theirs), since a share of shares cannot be recovered from the shares alone.
 */
export function chainFacts(perFirm: PeriodFacts[]): PeriodFacts {
  const chain: PeriodFacts = { ...emptyFacts };
  for (const key of factKeys) {
    const how = factCombination[key];
    if (how === 'single') {
      chain[key] = perFirm.length === 1 ? perFirm[0]![key] : null;
      continue;
    }
    let acc: number | null = null;
    for (const facts of perFirm) {
      const v = facts[key];
      if (isMissing(v)) continue;
      acc = acc === null ? v : how === 'sum' ? acc + v : Math.max(acc, v);
    }
    chain[key] = acc;
  }
  return chain;
}

export interface LibraryMeasure {
  code: string;
  name: string;
  definition: string;
  /** For display: 'currency', '%', 'days', 'hours', 'count', 'score'. Percentages are fractions 0-1. */
  unit: string;
  perspective: Perspective;
  direction: Direction;
  /** The facts `compute` reads: what the drill-down shows. */
  inputs: readonly (keyof PeriodFacts)[];
  /** Null when an input is missing or a denominator is 0; never 0 for "no data". */
  compute(f: PeriodFacts): number | null;
}

/** numerator / denominator; null when either is missing or the denominator is not positive. */
function ratio(numerator: number | null, denominator: number | null): number | null {
  if (isMissing(numerator) || isMissing(denominator) || !(denominator > 0)) return null;
  return numerator / denominator;
}

const value = (v: number | null): number | null => (isMissing(v) ? null : v);

/** A relationship measure read off the health survey: one dimension's mean over the period's responses. */
function surveyMeasure<C extends string>(
  code: C,
  name: string,
  sum: 'surveyTrustSum' | 'surveyCommitmentSum' | 'surveySatisfactionSum' | 'surveyInformationSharingSum',
  what: string,
) {
  return {
    code,
    name,
    definition: `Mean ${what} score of the period's relationship health survey, both sides' answers, 1 (low) to 5 (high).`,
    unit: 'score',
    perspective: 'relationship',
    direction: 'higher',
    inputs: [sum, 'surveyResponses'],
    compute: (f: PeriodFacts) => ratio(f[sum], f.surveyResponses),
  } as const satisfies LibraryMeasure;
}

const definitions = [
  {
    code: 'revenue',
    name: 'Revenue',
    definition: 'Net sales amount in the period.',
    unit: 'currency',
    perspective: 'financial',
    direction: 'higher',
    inputs: ['revenue'],
    compute: (f) => value(f.revenue),
  },
  {
    code: 'revenue_growth',
    name: 'Revenue growth',
    definition: 'Revenue over the previous period of the same kind, less 1.',
    unit: '%',
    perspective: 'financial',
    direction: 'higher',
    inputs: ['revenue', 'previousRevenue'],
    compute: (f) => {
      const r = ratio(f.revenue, f.previousRevenue);
      return r === null ? null : r - 1;
    },
  },
  {
    code: 'gross_margin_pct',
    name: 'Gross margin',
    definition: 'Revenue less cost of goods, as a share of revenue.',
    unit: '%',
    perspective: 'financial',
    direction: 'higher',
    inputs: ['costOfGoods', 'revenue'],
    compute: (f) =>
      isMissing(f.costOfGoods) || isMissing(f.revenue) ? null : ratio(f.revenue - f.costOfGoods, f.revenue),
  },
  {
    code: 'customer_profit',
    name: 'Customer profit',
    definition: 'Summed customer profit: net margin less cost to serve.',
    unit: 'currency',
    perspective: 'financial',
    direction: 'higher',
    inputs: ['customerProfit'],
    compute: (f) => value(f.customerProfit),
  },
  {
    // Lower is better: with positive total profit a higher share means deeper losses on the tail
    // of the whale curve (the domain's typical range is 150-300%).
    code: 'top20_profit_share',
    name: 'Top 20% profit share',
    definition: 'Share of total customer profit earned by the most profitable 20% of customers (whale curve).',
    unit: '%',
    perspective: 'financial',
    direction: 'lower',
    inputs: ['top20ProfitShare'],
    compute: (f) => value(f.top20ProfitShare),
  },
  {
    code: 'retention_rate',
    name: 'Retention rate',
    definition: "Share of the previous period's customers who bought again in this period.",
    unit: '%',
    perspective: 'customer',
    direction: 'higher',
    inputs: ['retainedCustomers', 'previousCustomers'],
    compute: (f) => ratio(f.retainedCustomers, f.previousCustomers),
  },
  {
    code: 'share_of_wallet',
    name: 'Share of wallet',
    definition: "Mean share of customers' category spend that goes to the network's partners.",
    unit: '%',
    perspective: 'customer',
    direction: 'higher',
    inputs: ['walletShare'],
    compute: (f) => value(f.walletShare),
  },
  {
    code: 'joint_clv',
    name: 'Joint customer lifetime value',
    definition: 'Summed expected 12-month customer lifetime value.',
    unit: 'currency',
    perspective: 'customer',
    direction: 'higher',
    inputs: ['jointClv'],
    compute: (f) => value(f.jointClv),
  },
  {
    code: 'on_time_delivery_rate',
    name: 'On-time delivery rate',
    definition: 'Share of shipments promised in the period and delivered that arrived by the promised time.',
    unit: '%',
    perspective: 'internal_process',
    direction: 'higher',
    inputs: ['shipmentsOnTime', 'shipmentsDelivered'],
    compute: (f) => ratio(f.shipmentsOnTime, f.shipmentsDelivered),
  },
  {
    code: 'avg_delivery_delay_days',
    name: 'Average delivery delay',
    definition: 'Mean days late over delivered shipments, counting on-time ones as 0.',
    unit: 'days',
    perspective: 'internal_process',
    direction: 'lower',
    inputs: ['delayDaysTotal', 'shipmentsDelivered'],
    compute: (f) => ratio(f.delayDaysTotal, f.shipmentsDelivered),
  },
  {
    code: 'returns_rate',
    name: 'Returns rate',
    definition: 'Return lines (negative quantity) per sales line (positive quantity).',
    unit: '%',
    perspective: 'internal_process',
    direction: 'lower',
    inputs: ['returnLines', 'salesLines'],
    compute: (f) => ratio(f.returnLines, f.salesLines),
  },
  {
    code: 'cases_resolved_7d_rate',
    name: 'Cases resolved within 7 days',
    definition: 'Share of service cases opened in the period that were resolved within seven days.',
    unit: '%',
    perspective: 'internal_process',
    direction: 'higher',
    inputs: ['casesResolvedIn7Days', 'casesOpened'],
    compute: (f) => ratio(f.casesResolvedIn7Days, f.casesOpened),
  },
  {
    code: 'mean_satisfaction',
    name: 'Customer satisfaction',
    definition: "Mean satisfaction rating of the period's responses.",
    unit: 'score',
    perspective: 'customer',
    direction: 'higher',
    inputs: ['satisfactionSum', 'satisfactionCount'],
    compute: (f) => ratio(f.satisfactionSum, f.satisfactionCount),
  },
  {
    code: 'feed_freshness_hours',
    name: 'Feed freshness',
    definition: 'Hours since the last accepted data batch; for the chain, the stalest feed.',
    unit: 'hours',
    perspective: 'relationship',
    direction: 'lower',
    inputs: ['hoursSinceLastBatch'],
    compute: (f) => value(f.hoursSinceLastBatch),
  },
  {
    code: 'feed_completeness',
    name: 'Feed completeness',
    definition: 'Share of received data rows that were accepted (1 less rejected over received).',
    unit: '%',
    perspective: 'learning_growth',
    direction: 'higher',
    inputs: ['rowsRejected', 'rowsReceived'],
    compute: (f) => {
      const rejected = ratio(f.rowsRejected, f.rowsReceived);
      return rejected === null ? null : 1 - rejected;
    },
  },
  {
    code: 'insights_shared',
    name: 'Insights shared',
    definition: 'Insights shared with partners in the period.',
    unit: 'count',
    perspective: 'learning_growth',
    direction: 'higher',
    inputs: ['insightsShared'],
    compute: (f) => value(f.insightsShared),
  },
  {
    code: 'strategy_signoffs',
    name: 'Strategy sign-off',
    definition:
      "Share of partner firms whose executive sponsor signed the latest joint strategy version published by the period's end.",
    unit: '%',
    perspective: 'relationship',
    direction: 'higher',
    inputs: ['strategySignoffs', 'strategyPartners'],
    compute: (f) => ratio(f.strategySignoffs, f.strategyPartners),
  },
  surveyMeasure('relationship_trust', 'Trust', 'surveyTrustSum', 'trust'),
  surveyMeasure('relationship_commitment', 'Commitment', 'surveyCommitmentSum', 'commitment'),
  surveyMeasure(
    'relationship_satisfaction',
    'Satisfaction with the relationship',
    'surveySatisfactionSum',
    'relationship satisfaction',
  ),
  surveyMeasure(
    'relationship_information_sharing',
    'Information sharing',
    'surveyInformationSharingSum',
    'information-sharing',
  ),
] as const satisfies readonly LibraryMeasure[];

type LibraryCode = (typeof definitions)[number]['code'];

/** The measures the exchange computes from its own data, in display order. */
export const libraryMeasures: readonly LibraryMeasure[] = Object.freeze(definitions.map((d) => Object.freeze(d)));

const byCode = new Map<string, LibraryMeasure>(libraryMeasures.map((m) => [m.code, m]));

export function libraryMeasure(code: string): LibraryMeasure | undefined {
  return byCode.get(code);
}

/** A measure of a scorecard template: a library measure (code) or a manual one (code null). */
export interface TemplateMeasure extends MeasureSettings {
  code: string | null;
  name: string;
  definition: string;
  unit: string;
  perspective: Perspective;
}

type TemplateSettings = Omit<MeasureSettings, 'direction'>;

/** Informational: money totals have no universal target, so they are shown but not scored. */
const informational: TemplateSettings = { target: 0, green: 0, red: 0, weight: 0 };

/** Default targets for a value chain. */
const templateSettings: Record<LibraryCode, TemplateSettings> = {
  revenue: informational,
  revenue_growth: { target: 0.05, green: 0.05, red: 0, weight: 1 },
  gross_margin_pct: { target: 0.3, green: 0.3, red: 0.15, weight: 1 },
  customer_profit: informational,
  // Informational too: the share flips meaning when total profit is negative.
  top20_profit_share: { target: 1.5, green: 1.5, red: 3, weight: 0 },
  retention_rate: { target: 0.4, green: 0.4, red: 0.25, weight: 1 },
  share_of_wallet: { target: 0.5, green: 0.5, red: 0.25, weight: 1 },
  joint_clv: informational,
  on_time_delivery_rate: { target: 0.95, green: 0.95, red: 0.85, weight: 1 },
  avg_delivery_delay_days: { target: 0.5, green: 0.5, red: 2, weight: 1 },
  returns_rate: { target: 0.05, green: 0.05, red: 0.1, weight: 1 },
  cases_resolved_7d_rate: { target: 0.9, green: 0.9, red: 0.7, weight: 1 },
  mean_satisfaction: { target: 4, green: 4, red: 3, weight: 1 },
  feed_freshness_hours: { target: 24, green: 24, red: 72, weight: 1 },
  feed_completeness: { target: 0.99, green: 0.99, red: 0.95, weight: 1 },
  insights_shared: { target: 5, green: 5, red: 1, weight: 1 },
  strategy_signoffs: { target: 1, green: 1, red: 0.5, weight: 1 },
  relationship_trust: { target: 4, green: 4, red: 3, weight: 1 },
  relationship_commitment: { target: 4, green: 4, red: 3, weight: 1 },
  relationship_satisfaction: { target: 4, green: 4, red: 3, weight: 1 },
  relationship_information_sharing: { target: 4, green: 4, red: 3, weight: 1 },
};

const manualTemplateMeasures: readonly TemplateMeasure[] = [
  {
    code: null,
    name: 'Joint training hours',
    definition: 'Hours of training the partners ran together in the period.',
    unit: 'hours',
    perspective: 'learning_growth',
    direction: 'higher',
    target: 20,
    green: 20,
    red: 5,
    weight: 1,
  },
];

/**
 * The default joint scorecard: every library measure with value-chain targets, then the manual
 * measure. A fresh copy each call, for the caller to edit.
 */
export function defaultJointTemplate(): TemplateMeasure[] {
  const fromLibrary = definitions.map((d): TemplateMeasure => {
    const { code, name, definition, unit, perspective, direction } = d;
    return { code, name, definition, unit, perspective, direction, ...templateSettings[d.code] };
  });
  return [...fromLibrary, ...manualTemplateMeasures.map((m) => ({ ...m }))];
}
