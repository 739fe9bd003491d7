// The models of a customer-value recompute: BG/NBD and Gamma-Gamma fitted by maximum likelihood on
// all the firm's purchase histories (no sample), then every customer valued with them (expected purchases and discounted CLV over the next
// 12 months, probability alive).
import type { FittedModels, SnapshotSettings } from '@accord/db';
import {
  bgNbdProbabilityAlive,
  compareFrequencyModels,
  type FitReport,
  expectedPurchasesOverPeriods,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaExpectedSpend,
  type BgNbdParams,
  type GammaGammaParams,
} from '@accord/domain';
import type { CustomerColumns, PurchaseHistories } from './customer-columns.ts';

/** Fewer customers than this, or no repeat buyers, and the models are not fitted. */
const MIN_FIT_CUSTOMERS = 20;
/** Customers valued between turns of the event loop, so the job's queue lock is renewed. */
const VALUED_PER_TURN = 20_000;
export const DAYS_PER_WEEK = 7;
const WEEKS_PER_MONTH = 365.25 / 12 / DAYS_PER_WEEK;

/**
 * A customer's purchase history (x, span and age in whole days) as one number, exact while x < 2^20
 * and days < 2^16 (180 years); -1 beyond, where the history is not shared.
 */
function historyKey(x: number, spanDays: number, ageDays: number): number {
  return x < 0x10_0000 && ageDays < 0x1_0000 ? (x * 0x1_0000 + spanDays) * 0x1_0000 + ageDays : -1;
}

/**
 * Every customer's (x, t_x, T) once per distinct history, with how many customers share it: the
 * BG/NBD family's likelihood depends on a customer through these alone, so the weighted rows give the
 * fit over all customers exactly, at the cost of the distinct histories.
 */
export function distinctHistories(h: PurchaseHistories, unitDays: number) {
  const row = new Map<number, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < h.length; i++) {
    const repeats = h.days[i]! - 1;
    const key = historyKey(repeats, h.spanDays[i]!, h.ageDays[i]!);
    const seen = key < 0 ? undefined : row.get(key);
    if (seen !== undefined) {
      weight[seen]!++;
      continue;
    }
    if (key >= 0) row.set(key, x.length);
    x.push(repeats);
    tx.push(h.spanDays[i]! / unitDays);
    T.push(h.ageDays[i]! / unitDays);
    weight.push(1);
  }
  return {
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    weight: Float64Array.from(weight),
  };
}

/**
 * Maximum-likelihood BG/NBD on every customer's (x, t_x, T) and Gamma-Gamma on every repeat buyer's
 * mean repeat spend, in a time unit of `unitDays` days; with `compare`, also modified BG/NBD and
 * Pareto/NBD on the same histories, ranked by BIC. No fit with fewer than MIN_FIT_CUSTOMERS customers
 * or repeat buyers.
 */
export function fitCustomerModels(h: PurchaseHistories, unitDays: number, { compare = false } = {}) {
  const ggX: number[] = [];
  const ggZbar: number[] = [];
  for (let i = 0; i < h.length; i++) {
    const x = h.days[i]! - 1;
    if (x > 0 && h.zbar[i]! > 0) {
      ggX.push(x);
      ggZbar.push(h.zbar[i]!);
    }
  }
  const models: FittedModels = {
    bgNbd: null,
    gammaGamma: null,
    fittedCustomers: h.length,
    repeatCustomers: ggX.length,
    comparison: null,
  };
  if (h.length < MIN_FIT_CUSTOMERS || ggX.length < MIN_FIT_CUSTOMERS) return { models, bgNbd: null, gammaGamma: null };
  const histories = distinctHistories(h, unitDays);
  models.distinctHistories = histories.x.length;
  const bg = fitBgNbd(histories);
  const gg = fitGammaGamma({ x: ggX, zbar: ggZbar });
  const bgNbd: BgNbdParams = { r: bg.r, alpha: bg.alpha, a: bg.a, b: bg.b };
  const gammaGamma: GammaGammaParams = { p: gg.p, q: gg.q, gamma: gg.gamma };
  models.bgNbd = { ...bgNbd, ...fitOutcome<BgNbdParams>(bg) };
  models.gammaGamma = { ...gammaGamma, ...fitOutcome<GammaGammaParams>(gg) };
  if (compare) {
    models.comparison = compareFrequencyModels(histories, bg).map((fit) => ({
      ...fit,
      standardErrors: finiteOrNull(fit.standardErrors),
    }));
  }
  return { models, bgNbd, gammaGamma };
}

/** Standard errors as a snapshot keeps them: JSON has no NaN, an undefined one is null. */
export type FittedCustomerModels = ReturnType<typeof fitCustomerModels>;

const finiteOrNull = <K extends string>(errors: Record<K, number>) =>
  Object.fromEntries(
    Object.entries<number>(errors).map(([name, se]) => [name, Number.isFinite(se) ? se : null]),
  ) as Record<K, number | null>;

const fitOutcome = <P extends object>(fit: FitReport<P>) => ({
  logLikelihood: fit.logLikelihood,
  standardErrors: finiteOrNull<Extract<keyof P, string>>(fit.standardErrors),
  converged: fit.converged,
  iterations: fit.iterations,
});

/**
 * Each customer's expected purchases and CLV over the next 12 months, and probability alive (weeks).
 * The purchase side depends on (x, t_x, T) alone, whole days here, which customers often share (all
 * one-time buyers of a day, for one): it is computed once per distinct history.
 */
export async function valueCustomers(
  data: CustomerColumns,
  settings: SnapshotSettings,
  fitted: FittedCustomerModels = fitCustomerModels(data, DAYS_PER_WEEK),
) {
  const n = data.length;
  const expected = new Float64Array(n).fill(Number.NaN);
  const pAlive = new Float64Array(n).fill(Number.NaN);
  const clv = new Float64Array(n).fill(Number.NaN);
  const { models, bgNbd, gammaGamma } = fitted;
  if (!bgNbd || !gammaGamma) return { models, expected, pAlive, clv };
  const monthlyDiscount = (1 + settings.annualDiscountRate) ** (1 / 12) - 1;
  const discounted = new Float64Array(n);
  // history -> the first customer with it
  const firstWith = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (i % VALUED_PER_TURN === VALUED_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
    const x = data.days[i]! - 1;
    const spanDays = data.spanDays[i]!;
    const ageDays = data.ageDays[i]!;
    const history = historyKey(x, spanDays, ageDays);
    const seen = firstWith.get(history);
    if (seen === undefined) {
      const tx = spanDays / DAYS_PER_WEEK;
      const T = ageDays / DAYS_PER_WEEK;
      const periods = { bgNbd, x, tx, T, periods: 12, unitsPerPeriod: WEEKS_PER_MONTH, discountRate: monthlyDiscount };
      const purchases = expectedPurchasesOverPeriods(periods);
      expected[i] = purchases.expected;
      discounted[i] = purchases.discounted;
      pAlive[i] = bgNbdProbabilityAlive(bgNbd, x, tx, T);
      if (history >= 0) firstWith.set(history, i);
    } else {
      expected[i] = expected[seen]!;
      discounted[i] = discounted[seen]!;
      pAlive[i] = pAlive[seen]!;
    }
    clv[i] = discounted[i]! * gammaGammaExpectedSpend(gammaGamma, x, data.zbar[i]!) * settings.margin;
  }
  return { models, expected, pAlive, clv };
}
