// How well a fitted BG/NBD model describes the customers it was fitted on, in the three views the
// `lifetimes` library and PyMC-Marketing draw (after Fader, Hardie & Lee 2005, figures 2 to 4):
// - calibration vs holdout: customers grouped by their repeat purchases in the calibration period,
//   the repeat purchases they actually made in the holdout period after it against the model's
//   conditional expectation (`plot_calibration_purchases_vs_holdout_purchases`);
// - tracking: the cohort's repeat purchases per period over calibration and holdout, against the sum
//   of each customer's unconditional expectation since its first purchase
//   (`expected_cumulative_transactions`, `plot_cumulative_transactions`);
// - the frequency/recency matrix: expected purchases in the next time unit and the probability of being
//   alive over a grid of histories (`plot_frequency_recency_matrix`, `plot_probability_alive_matrix`).
// Pure: the inputs are the summaries a database aggregates (per customer, per day).
import { addDays, dayNumber } from './calendar.ts';
import {
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdUnconditionalExpected,
  weightAt,
  type BgNbdData,
  type BgNbdParams,
  type Purchase,
} from './clv.ts';

// ---------------------------------------------------------------------------------------------
// Calibration vs holdout

/** BG/NBD histories at the calibration end, with each row's repeat purchases in the holdout after it. */
export interface HoldoutData extends BgNbdData {
  /** Purchase days in the holdout period (all repeats: the first purchase is in calibration). */
  holdout: ArrayLike<number>;
}

export interface CalibrationHoldoutBin {
  /** Repeat purchases in calibration; with `orMore`, this many or more. */
  frequency: number;
  orMore: boolean;
  customers: number;
  /** Mean repeat purchases in the holdout: made, and expected by the model; null for an empty bin. */
  actual: number | null;
  expected: number | null;
}

export interface CalibrationVsHoldout {
  /** Holdout length, in the time unit of the histories. */
  holdoutLength: number;
  bins: CalibrationHoldoutBin[];
  customers: number;
  /** Total repeat purchases in the holdout: made, and expected. */
  actual: number;
  expected: number;
}

/** Frequencies 0, 1, ..., 6 and 7+ by default, as Fader, Hardie & Lee's figure 4. */
export const CALIBRATION_FREQUENCY_BINS = 7;

/**
 * Customers grouped by calibration repeat purchases 0, 1, ..., `lastBin` - 1 and `lastBin` or more: the
 * mean repeat purchases each group made over the `holdoutLength` after calibration, against the mean of
 * E[Y(holdoutLength) | x, t_x, T] over the group.
 */
export function calibrationVsHoldout(
  p: BgNbdParams,
  data: HoldoutData,
  holdoutLength: number,
  lastBin = CALIBRATION_FREQUENCY_BINS,
): CalibrationVsHoldout {
  if (!(holdoutLength > 0)) throw new RangeError(`the holdout length must be > 0, got ${holdoutLength}`);
  if (!(Number.isInteger(lastBin) && lastBin >= 1)) throw new RangeError(`lastBin must be an integer >= 1`);
  const n = data.x.length;
  if (
    data.tx.length !== n ||
    data.T.length !== n ||
    data.holdout.length !== n ||
    (data.weight && data.weight.length !== n)
  )
    throw new RangeError('calibration vs holdout: every column needs one entry per row');
  const customers = new Float64Array(lastBin + 1);
  const actual = new Float64Array(lastBin + 1);
  const expected = new Float64Array(lastBin + 1);
  for (let i = 0; i < n; i++) {
    const w = weightAt(data.weight, i);
    if (w === 0) continue;
    const x = data.x[i]!;
    const bin = Math.min(x, lastBin);
    customers[bin]! += w;
    actual[bin]! += w * data.holdout[i]!;
    expected[bin]! += w * bgNbdExpectedPurchases(p, holdoutLength, x, data.tx[i]!, data.T[i]!);
  }
  const bins: CalibrationHoldoutBin[] = [];
  for (let k = 0; k <= lastBin; k++) {
    const c = customers[k]!;
    bins.push({
      frequency: k,
      orMore: k === lastBin,
      customers: c,
      actual: c > 0 ? actual[k]! / c : null,
      expected: c > 0 ? expected[k]! / c : null,
    });
  }
  const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
  return { holdoutLength, bins, customers: sum(customers), actual: sum(actual), expected: sum(expected) };
}

// ---------------------------------------------------------------------------------------------
// Tracking

/** A cohort's purchases per day: index 0 is `start`, one entry per day up to the holdout end. */
export interface CohortDays {
  /** YYYY-MM-DD of index 0. */
  start: string;
  /** Customers whose first purchase was that day. */
  firstPurchases: ArrayLike<number>;
  /** Repeat purchases that day: customers buying that day who had bought on an earlier day. */
  repeatPurchases: ArrayLike<number>;
}

export interface TrackingPeriod {
  /** First and last day of the period (inclusive); the last period ends on the holdout end. */
  start: string;
  end: string;
  holdout: boolean;
  /** Repeat purchases in the period: made, and expected by the model. */
  actual: number;
  expected: number;
  /** The same from the first period through this one. */
  cumulativeActual: number;
  cumulativeExpected: number;
}

export interface TrackingOptions {
  /** Last day of calibration: one period ends on it. */
  calibrationEnd: string;
  /** Last day tracked. */
  holdoutEnd: string;
  /** Days in a period, which is also the model's time unit: 7 for weeks, 1 for days. */
  unitDays: number;
}

/**
 * Per period of `unitDays` days, from the one holding the cohort's first purchase to the holdout end,
 * the cohort's repeat purchases against what the model expects of it: a customer who first bought on
 * day s is expected to have made E[X((d - s) / unitDays)] repeat purchases by the end of day d. Periods
 * are laid so that one ends on the calibration end (the first may start before the first purchase; the
 * last may be short).
 */
export function purchaseTracking(p: BgNbdParams, cohort: CohortDays, options: TrackingOptions): TrackingPeriod[] {
  const { unitDays } = options;
  if (!(Number.isInteger(unitDays) && unitDays >= 1)) throw new RangeError(`unitDays must be a whole number of days`);
  const start = dayNumber(cohort.start);
  const calibrationEnd = dayNumber(options.calibrationEnd);
  const holdoutEnd = dayNumber(options.holdoutEnd);
  if (!(holdoutEnd >= calibrationEnd)) throw new RangeError('the holdout cannot end before the calibration');
  const days = holdoutEnd - start + 1;
  if (cohort.firstPurchases.length < days || cohort.repeatPurchases.length < days)
    throw new RangeError(`the cohort's days must run from ${cohort.start} to ${options.holdoutEnd}`);
  if (start > calibrationEnd) return [];
  // E[X(t)] at every age in whole days the tracking needs, once
  const byAge = new Float64Array(days);
  for (let age = 1; age < days; age++) byAge[age] = bgNbdUnconditionalExpected(p, age / unitDays);
  const born: number[] = [];
  for (let d = 0; d <= calibrationEnd - start; d++) if (cohort.firstPurchases[d]! > 0) born.push(d);

  const periods: TrackingPeriod[] = [];
  const calibrationPeriods = Math.ceil((calibrationEnd - start + 1) / unitDays);
  let from = calibrationEnd - calibrationPeriods * unitDays + 1;
  let cumulativeActual = 0;
  let cumulativeExpected = 0;
  while (from <= holdoutEnd) {
    const to = Math.min(from + unitDays - 1, holdoutEnd);
    let actual = 0;
    for (let d = Math.max(from, start); d <= to; d++) actual += cohort.repeatPurchases[d - start]!;
    // customers first buying after calibration are not in the cohort
    let expected = 0;
    for (const b of born) {
      if (start + b > to) break;
      expected += cohort.firstPurchases[b]! * byAge[to - start - b]!;
    }
    cumulativeActual += actual;
    periods.push({
      start: addDays(options.calibrationEnd, from - calibrationEnd),
      end: addDays(options.calibrationEnd, to - calibrationEnd),
      holdout: from > calibrationEnd,
      actual,
      expected: expected - cumulativeExpected,
      cumulativeActual,
      cumulativeExpected: expected,
    });
    cumulativeExpected = expected;
    from = to + 1;
  }
  return periods;
}

// ---------------------------------------------------------------------------------------------
// Frequency/recency matrix

export interface FrequencyRecencyCell {
  frequency: number;
  recency: number;
  /** Customers whose (x, t_x) is nearest this point of the grid, whatever their age. */
  customers: number;
  /** At (x = frequency, t_x = recency, T = the matrix's T); null where no history can be (x = 0, t_x > 0). */
  expectedPurchases: number | null;
  probabilityAlive: number | null;
}

export interface FrequencyRecencyMatrix {
  /** The age every cell is evaluated at: the oldest customer's. */
  T: number;
  /** The expected purchases are over the next `horizon` time units. */
  horizon: number;
  /** The grid: frequencies 0..max x and recencies 0..T, evenly spaced, at most `maxPoints` each. */
  frequencies: number[];
  recencies: number[];
  /** Row-major: every recency for the first frequency, then the next. */
  cells: FrequencyRecencyCell[];
}

export interface MatrixOptions {
  horizon?: number;
  maxPoints?: number;
}

/** Evenly spaced whole numbers from 0 to max, at most `points` of them (all of them when they fit). */
function wholeGrid(max: number, points: number): number[] {
  if (max + 1 <= points) return Array.from({ length: max + 1 }, (_, i) => i);
  return Array.from({ length: points }, (_, i) => Math.round((max * i) / (points - 1)));
}

/** Evenly spaced times from 0 to max (both included), about one per time unit, at most `points`. */
function timeGrid(max: number, points: number): number[] {
  if (!(max > 0)) return [0];
  const n = Math.min(points, Math.max(2, Math.floor(max) + 1));
  return Array.from({ length: n }, (_, i) => (max * i) / (n - 1));
}

/** The index of the grid point nearest v (grids are evenly spaced from 0). */
const nearest = (grid: number[], v: number) =>
  grid.length === 1
    ? 0
    : Math.min(grid.length - 1, Math.max(0, Math.round((v / grid[grid.length - 1]!) * (grid.length - 1))));

/**
 * Expected purchases in the next `horizon` time units (1 by default) and the probability of being alive,
 * over a grid of frequency 0..the largest x and recency 0..T, T the oldest customer's age, with the
 * customers nearest each point counted; at most `maxPoints` (25) points a side.
 */
export function frequencyRecencyMatrix(
  p: BgNbdParams,
  data: BgNbdData,
  { horizon = 1, maxPoints = 25 }: MatrixOptions = {},
): FrequencyRecencyMatrix {
  if (!(horizon > 0)) throw new RangeError(`the horizon must be > 0, got ${horizon}`);
  if (!(Number.isInteger(maxPoints) && maxPoints >= 2)) throw new RangeError('maxPoints must be an integer >= 2');
  let maxX = 0;
  let T = 0;
  for (let i = 0; i < data.x.length; i++) {
    if (weightAt(data.weight, i) === 0) continue;
    maxX = Math.max(maxX, data.x[i]!);
    T = Math.max(T, data.T[i]!);
  }
  const frequencies = wholeGrid(maxX, maxPoints);
  const recencies = timeGrid(T, maxPoints);
  const counts = new Float64Array(frequencies.length * recencies.length);
  for (let i = 0; i < data.x.length; i++) {
    const w = weightAt(data.weight, i);
    if (w === 0) continue;
    counts[nearest(frequencies, data.x[i]!) * recencies.length + nearest(recencies, data.tx[i]!)]! += w;
  }
  const cells: FrequencyRecencyCell[] = [];
  frequencies.forEach((x, f) => {
    recencies.forEach((tx, r) => {
      const possible = x > 0 || tx === 0;
      cells.push({
        frequency: x,
        recency: tx,
        customers: counts[f * recencies.length + r]!,
        expectedPurchases: possible ? bgNbdExpectedPurchases(p, horizon, x, tx, T) : null,
        probabilityAlive: possible ? bgNbdProbabilityAlive(p, x, tx, T) : null,
      });
    });
  });
  return { T, horizon, frequencies, recencies, cells };
}

// ---------------------------------------------------------------------------------------------
// From purchases (tests and small data; the API aggregates the same in SQL)

export interface HoldoutSummary extends HoldoutData {
  customers: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  holdout: Float64Array;
  cohort: CohortDays;
}

/**
 * Purchases summarised for the diagnostics: per customer who first bought by `calibrationEnd`, x, t_x
 * and T at the calibration end (as `customerHistories`) and purchase days in the holdout up to
 * `holdoutEnd`; and per day from the first purchase to `holdoutEnd`, the cohort's first and repeat
 * purchases. Same-day purchases are one; customers first buying in the holdout are left out.
 */
export function holdoutSummary(
  purchases: Iterable<Pick<Purchase, 'customer' | 'day'>>,
  calibrationEnd: string,
  holdoutEnd: string,
  timeUnit: 'day' | 'week',
): HoldoutSummary {
  const calibration = dayNumber(calibrationEnd);
  const end = dayNumber(holdoutEnd);
  const unit = timeUnit === 'week' ? 7 : 1;
  const byCustomer = new Map<string, Set<number>>();
  for (const { customer, day } of purchases) {
    const d = dayNumber(day);
    if (d > end) continue;
    let days = byCustomer.get(customer);
    if (!days) byCustomer.set(customer, (days = new Set<number>()));
    days.add(d);
  }
  const rows: { customer: string; days: number[] }[] = [];
  let first = Infinity;
  for (const [customer, set] of byCustomer) {
    const days = [...set].sort((a, b) => a - b);
    if (days[0]! > calibration) continue;
    rows.push({ customer, days });
    first = Math.min(first, days[0]!);
  }
  const start = Number.isFinite(first) ? first : calibration;
  const span = Math.max(0, end - start + 1);
  const firstPurchases = new Float64Array(span);
  const repeatPurchases = new Float64Array(span);
  const n = rows.length;
  const out: HoldoutSummary = {
    customers: rows.map((r) => r.customer),
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n),
    holdout: new Float64Array(n),
    cohort: { start: addDays(calibrationEnd, start - calibration), firstPurchases, repeatPurchases },
  };
  rows.forEach(({ days }, i) => {
    const inCalibration = days.filter((d) => d <= calibration);
    out.x[i] = inCalibration.length - 1;
    out.tx[i] = (inCalibration[inCalibration.length - 1]! - days[0]!) / unit;
    out.T[i] = (calibration - days[0]!) / unit;
    out.holdout[i] = days.length - inCalibration.length;
    firstPurchases[days[0]! - start]!++;
    for (const d of days.slice(1)) repeatPurchases[d - start]!++;
  });
  return out;
}
