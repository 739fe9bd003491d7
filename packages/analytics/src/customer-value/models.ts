// The models of a customer-value recompute: BG/NBD and Gamma-Gamma fitted on the firm's purchase
// histories, then every customer valued with them (expected purchases and discounted CLV over the next
// 12 months, probability alive).
import type { FittedModels, SnapshotSettings } from '@accord/db';
import {
  bgNbdProbabilityAlive,
  expectedPurchasesOverPeriods,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaExpectedSpend,
  type BgNbdParams,
  type GammaGammaParams,
} from '@accord/domain';
import type { CustomerColumns, PurchaseHistories } from './customer-columns.ts';

/**
 * Fits use at most this many customers, a deterministic sample by customer key beyond it: four
 * population parameters are estimated closely from tens of thousands of customers, and the fit's cost
 * grows with the rows while the optimiser searches.
 */
const MAX_FIT_CUSTOMERS = 20_000;
/** Fewer customers than this, or no repeat buyers, and the models are not fitted. */
const MIN_FIT_CUSTOMERS = 20;
/** Customers valued between turns of the event loop, so the job's queue lock is renewed. */
const VALUED_PER_TURN = 20_000;
export const DAYS_PER_WEEK = 7;
const WEEKS_PER_MONTH = 365.25 / 12 / DAYS_PER_WEEK;

/**
 * Fits BG/NBD on (x, t_x, T) and Gamma-Gamma on the repeat buyers' mean repeat spend, in a time unit
 * of `unitDays` days. Customers sharing (x, t_x, T) are weighted into one row; beyond MAX_FIT_CUSTOMERS
 * the fits use a sample chosen by customer key (keys are uniform hashes). No fit with fewer than
 * MIN_FIT_CUSTOMERS customers or repeat buyers.
 */
export function fitCustomerModels(h: PurchaseHistories, unitDays: number) {
  const n = h.length;
  const sampled = n > MAX_FIT_CUSTOMERS ? MAX_FIT_CUSTOMERS / n : 1;
  const inFit = (i: number) => sampled === 1 || parseInt(h.keys[i]!.slice(0, 8), 16) / 0x1_0000_0000 < sampled;
  const rows = new Map<string, number>();
  const ggX: number[] = [];
  const ggZbar: number[] = [];
  let fitted = 0;
  for (let i = 0; i < n; i++) {
    if (!inFit(i)) continue;
    fitted++;
    const x = h.days[i]! - 1;
    const key = `${x},${h.spanDays[i]},${h.ageDays[i]}`;
    rows.set(key, (rows.get(key) ?? 0) + 1);
    if (x > 0 && h.zbar[i]! > 0) {
      ggX.push(x);
      ggZbar.push(h.zbar[i]!);
    }
  }
  const models: FittedModels = { bgNbd: null, gammaGamma: null, fittedCustomers: fitted, repeatCustomers: ggX.length };
  if (fitted < MIN_FIT_CUSTOMERS || ggX.length < MIN_FIT_CUSTOMERS) return { models, bgNbd: null, gammaGamma: null };
  const unique = [...rows.entries()];
  const x = new Float64Array(unique.length);
  const tx = new Float64Array(unique.length);
  const T = new Float64Array(unique.length);
  const weight = new Float64Array(unique.length);
  unique.forEach(([key, count], j) => {
    const [xs, span, age] = key.split(',').map(Number) as [number, number, number];
    x[j] = xs;
    tx[j] = span / unitDays;
    T[j] = age / unitDays;
    weight[j] = count;
  });
  const bg = fitBgNbd({ x, tx, T, weight });
  const gg = fitGammaGamma({ x: ggX, zbar: ggZbar });
  const bgNbd: BgNbdParams = { r: bg.r, alpha: bg.alpha, a: bg.a, b: bg.b };
  const gammaGamma: GammaGammaParams = { p: gg.p, q: gg.q, gamma: gg.gamma };
  models.bgNbd = { ...bgNbd, logLikelihood: bg.logLikelihood };
  models.gammaGamma = { ...gammaGamma, logLikelihood: gg.logLikelihood };
  return { models, bgNbd, gammaGamma };
}

/**
 * Each customer's expected purchases and CLV over the next 12 months, and probability alive (weeks).
 * The purchase side depends on (x, t_x, T) alone, whole days here, which customers often share (all
 * one-time buyers of a day, for one): it is computed once per distinct history.
 */
export async function valueCustomers(data: CustomerColumns, settings: SnapshotSettings) {
  const n = data.length;
  const expected = new Float64Array(n).fill(Number.NaN);
  const pAlive = new Float64Array(n).fill(Number.NaN);
  const clv = new Float64Array(n).fill(Number.NaN);
  const { models, bgNbd, gammaGamma } = fitCustomerModels(data, DAYS_PER_WEEK);
  if (!bgNbd || !gammaGamma) return { models, expected, pAlive, clv };
  const monthlyDiscount = (1 + settings.annualDiscountRate) ** (1 / 12) - 1;
  const discounted = new Float64Array(n);
  // history -> the first customer with it; one number while it fits a double: x < 2^20, days < 2^16
  const firstWith = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (i % VALUED_PER_TURN === VALUED_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
    const x = data.days[i]! - 1;
    const spanDays = data.spanDays[i]!;
    const ageDays = data.ageDays[i]!;
    const history = x < 0x10_0000 && ageDays < 0x1_0000 ? (x * 0x1_0000 + spanDays) * 0x1_0000 + ageDays : -1;
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
