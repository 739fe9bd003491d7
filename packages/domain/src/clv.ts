// Customer lifetime value from purchase histories: the BG/NBD model of how often customers buy
// and when they silently leave (Fader, Hardie & Lee 2005, "Counting your customers the easy way"),
// the Gamma-Gamma model of how much they spend per purchase (Fader, Hardie & Lee 2005, "RFM and
// CLV"), and the discounted value of the two together as the `lifetimes` library computes it.
// Pure and allocation-light: the worker runs the predictions over up to a million customers and
// fits on weighted unique (x, t_x, T) rows it aggregates in SQL.
import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { maximizeLikelihood, type FitOptions, type MaximumLikelihoodFit } from './maximum-likelihood.ts';
import { dayNumber } from './calendar.ts';

// ---------------------------------------------------------------------------------------------
// Purchase histories

export interface Purchase {
  customer: string;
  /** YYYY-MM-DD (UTC calendar day). */
  day: string;
  amount: number;
}

/** Per customer, the model inputs: one entry per customer at the same index in every array. */
export interface CustomerHistories {
  customers: string[];
  /** Repeat purchase days: distinct purchase days after the first. */
  x: Float64Array;
  /** Time from the first to the last purchase day. */
  tx: Float64Array;
  /** Time from the first purchase day to the end of calibration. */
  T: Float64Array;
  /** Mean total of the repeat purchase days (the first day's total left out); 0 when x = 0. */
  zbar: Float64Array;
}

/**
 * Summarises purchases into BG/NBD and Gamma-Gamma inputs. Purchases on the same day are one
 * transaction (amounts summed); purchases after `calibrationEnd` (inclusive end) are ignored, so
 * customers who first bought after it are left out. Customers come in the order of their first
 * purchase in the input that falls within calibration; the input need not be sorted.
 * For tests and small fits: the worker computes the same figures in SQL.
 */
export function customerHistories(
  purchases: Iterable<Purchase>,
  calibrationEnd: string,
  timeUnit: 'day' | 'week',
): CustomerHistories {
  const end = dayNumber(calibrationEnd);
  const unit = timeUnit === 'week' ? 7 : 1;
  const byCustomer = new Map<string, Map<number, number>>();
  const dayCache = new Map<string, number>();
  for (const { customer, day, amount } of purchases) {
    if (!Number.isFinite(amount)) throw new RangeError(`amount is not a finite number for customer ${customer}`);
    let d = dayCache.get(day);
    if (d === undefined) {
      d = dayNumber(day);
      dayCache.set(day, d);
    }
    if (d > end) continue;
    let days = byCustomer.get(customer);
    if (!days) byCustomer.set(customer, (days = new Map<number, number>()));
    days.set(d, (days.get(d) ?? 0) + amount);
  }
  const n = byCustomer.size;
  const out: CustomerHistories = {
    customers: [...byCustomer.keys()],
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n),
    zbar: new Float64Array(n),
  };
  let i = 0;
  for (const days of byCustomer.values()) {
    let first = Infinity;
    let last = -Infinity;
    let total = 0;
    for (const [d, amount] of days) {
      first = Math.min(first, d);
      last = Math.max(last, d);
      total += amount;
    }
    const x = days.size - 1;
    out.x[i] = x;
    out.tx[i] = (last - first) / unit;
    out.T[i] = (end - first) / unit;
    out.zbar[i] = x > 0 ? (total - days.get(first)!) / x : 0;
    i++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Shared fitting helpers

/** How many customers share each row; all 1 when not given. */
export const weightAt = (weight: ArrayLike<number> | undefined, i: number): number => (weight ? weight[i]! : 1);

/** Distinct x values and each row's index into them, so the Gamma-function terms (which depend
 * on x only) are computed once per distinct x rather than once per row. */
function distinctIndex(x: ArrayLike<number>, rows: Int32Array | null): { values: Float64Array; index: Int32Array } {
  const n = rows ? rows.length : x.length;
  const index = new Int32Array(n);
  const seen = new Map<number, number>();
  const values: number[] = [];
  for (let k = 0; k < n; k++) {
    const v = x[rows ? rows[k]! : k]!;
    let u = seen.get(v);
    if (u === undefined) {
      u = values.length;
      seen.set(v, u);
      values.push(v);
    }
    index[k] = u;
  }
  return { values: Float64Array.from(values), index };
}

function checkLengths(name: string, n: number, arrays: Record<string, ArrayLike<number> | undefined>): void {
  for (const [key, a] of Object.entries(arrays)) {
    if (a && a.length !== n) throw new RangeError(`${name}: ${key} has ${a.length} rows, expected ${n}`);
  }
}

// ---------------------------------------------------------------------------------------------
// BG/NBD

export interface BgNbdParams {
  /** Shape of the gamma distribution of purchase rates. */
  r: number;
  /** Scale of the purchase-rate distribution, in the time unit of the data. */
  alpha: number;
  /** Beta distribution of the drop-out probability after each purchase. */
  a: number;
  b: number;
}

export interface BgNbdData {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
  /** How many customers share the row's (x, tx, T); 1 each when left out. */
  weight?: ArrayLike<number>;
}

/** Maximum-likelihood estimates with their standard errors and how the optimiser ended. */
export type FitReport<P> = P & {
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  gradientNorm: number;
  standardErrors: { [K in keyof P]: number };
};

export type BgNbdFit = FitReport<BgNbdParams>;

/**
 * BG/NBD-style histories checked, indexed for the likelihood: the terms that depend on x alone are
 * computed once per distinct x, and ln(alpha + t) once per distinct time (t_x and T take few values:
 * whole days or weeks), so a row costs one exp and one log.
 */
export interface PreparedBgNbd {
  xs: Float64Array;
  ux: Int32Array;
  /** Distinct values of t_x and T, and each row's index into them. */
  times: Float64Array;
  uT: Int32Array;
  uTx: Int32Array;
  T: ArrayLike<number>;
  weight: ArrayLike<number> | undefined;
  totalWeight: number;
  /** Per distinct x: the customers' weight; and, refreshed per call, the terms in x alone. */
  xWeight: Float64Array;
  lgR: Float64Array;
  lgAB: Float64Array;
  dR: Float64Array;
  dA: Float64Array;
  dB: Float64Array;
  lnB: Float64Array;
  /** Per distinct x, per call: the weight of "left after the last purchase" over its rows. */
  leftWeight: Float64Array;
  /** Per distinct time, per call: ln(alpha + t) and 1 / (alpha + t). */
  lnAt: Float64Array;
  invAt: Float64Array;
}

export function prepareBgNbd(data: BgNbdData): PreparedBgNbd {
  const n = data.x.length;
  checkLengths('BG/NBD data', n, { tx: data.tx, T: data.T, weight: data.weight });
  let totalWeight = 0;
  for (let i = 0; i < n; i++) {
    const x = data.x[i]!;
    const tx = data.tx[i]!;
    const T = data.T[i]!;
    const w = weightAt(data.weight, i);
    if (!(x >= 0 && tx >= 0 && T >= 0 && Number.isFinite(x + tx + T)) || tx > T * (1 + 1e-12) || (x > 0 && !(tx > 0))) {
      throw new RangeError(`BG/NBD data row ${i}: need x >= 0, 0 <= tx <= T (tx > 0 when x > 0)`);
    }
    if (!(w >= 0 && Number.isFinite(w))) throw new RangeError(`BG/NBD data row ${i}: weight must be >= 0`);
    totalWeight += w;
  }
  const { values: xs, index: ux } = distinctIndex(data.x, null);
  const m = xs.length;
  const xWeight = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const u = ux[i]!;
    xWeight[u] = xWeight[u]! + weightAt(data.weight, i);
  }
  const timeIndex = new Map<number, number>();
  const times: number[] = [];
  const indexOf = (t: number) => {
    let k = timeIndex.get(t);
    if (k === undefined) {
      k = times.length;
      timeIndex.set(t, k);
      times.push(t);
    }
    return k;
  };
  const uT = new Int32Array(n);
  const uTx = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    uT[i] = indexOf(data.T[i]!);
    uTx[i] = indexOf(data.tx[i]!);
  }
  return {
    xs,
    ux,
    times: Float64Array.from(times),
    uT,
    uTx,
    T: data.T,
    weight: data.weight,
    totalWeight,
    xWeight,
    lgR: new Float64Array(m),
    lgAB: new Float64Array(m),
    dR: new Float64Array(m),
    dA: new Float64Array(m),
    dB: new Float64Array(m),
    lnB: new Float64Array(m),
    leftWeight: new Float64Array(m),
    lnAt: new Float64Array(times.length),
    invAt: new Float64Array(times.length),
  };
}

/**
 * The weighted log-likelihood of BG/NBD or, `modified`, of modified BG/NBD (customers may also leave
 * right after the first purchase), and when `grad` is given its gradient in (r, alpha, a, b). Per
 * customer, with s = 1 when modified and 0 when not:
 *   L = Gamma(r+x) alpha^r / Gamma(r) * B(a, b+x+s) / B(a, b)
 *       * [ (alpha+T)^-(r+x) + a / (b+x+s-1) * (alpha+t_x)^-(r+x) ],
 * the second term ("left after the last purchase") only for x > 0 unless modified.
 */
export function bgNbdFamilyLl(
  prep: PreparedBgNbd,
  modified: boolean,
  r: number,
  alpha: number,
  a: number,
  b: number,
  grad?: Float64Array,
): number {
  const { xs, ux, uT, uTx, times, weight, lnAt, invAt, leftWeight } = prep;
  const withGrad = grad !== undefined;
  const shift = modified ? 1 : 0;
  const lgr = gammaln(r);
  const lgab = gammaln(a + b) - gammaln(b);
  const psiR = withGrad ? digamma(r) : 0;
  const psiAB = withGrad ? digamma(a + b) : 0;
  const psiB = withGrad ? digamma(b) : 0;
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  let ll = 0;
  let gr = 0;
  let galpha = 0;
  let ga = 0;
  let gb = 0;
  // the terms in x alone, for all the customers with that x at once
  for (let u = 0; u < xs.length; u++) {
    const x = xs[u]!;
    const w = prep.xWeight[u]!;
    prep.lgR[u] = gammaln(r + x) - lgr;
    prep.lgAB[u] = lgab + gammaln(b + x + shift) - gammaln(a + b + x + shift);
    prep.lnB[u] = x + shift > 0 ? Math.log(b + x + shift - 1) : 0;
    leftWeight[u] = 0;
    ll += w * (prep.lgR[u]! + r * lnAlpha + prep.lgAB[u]!);
    if (withGrad) {
      prep.dR[u] = digamma(r + x) - psiR;
      const dab = psiAB - digamma(a + b + x + shift);
      prep.dA[u] = dab;
      prep.dB[u] = dab + digamma(b + x + shift) - psiB;
      gr += w * (prep.dR[u]! + lnAlpha);
      galpha += (w * r) / alpha;
      ga += w * prep.dA[u]!;
      gb += w * prep.dB[u]!;
    }
  }
  for (let k = 0; k < times.length; k++) {
    lnAt[k] = Math.log(alpha + times[k]!);
    invAt[k] = 1 / (alpha + times[k]!);
  }
  for (let i = 0; i < ux.length; i++) {
    const w = weight ? weight[i]! : 1;
    if (w === 0) continue;
    const u = ux[i]!;
    const rx = r + xs[u]!;
    const t = uT[i]!;
    const stays = -rx * lnAt[t]!;
    if (xs[u]! + shift > 0) {
      const tx = uTx[i]!;
      // ln(e^stays + e^left) = max + log1p(e^-|left - stays|); the posterior weight of "left" is a logistic
      const d = lnA - prep.lnB[u]! - rx * lnAt[tx]! - stays;
      const e = Math.exp(-Math.abs(d));
      ll += w * ((d > 0 ? stays + d : stays) + Math.log1p(e));
      if (withGrad) {
        const left = d > 0 ? 1 / (1 + e) : e / (1 + e);
        const kept = 1 - left;
        gr -= w * (kept * lnAt[t]! + left * lnAt[tx]!);
        galpha -= w * rx * (kept * invAt[t]! + left * invAt[tx]!);
        leftWeight[u] = leftWeight[u]! + w * left;
      }
    } else {
      ll += w * stays;
      if (withGrad) {
        gr -= w * lnAt[t]!;
        galpha -= w * rx * invAt[t]!;
      }
    }
  }
  if (grad) {
    for (let u = 0; u < xs.length; u++) {
      if (!(xs[u]! + shift > 0)) continue;
      ga += leftWeight[u]! / a;
      gb -= leftWeight[u]! / (b + xs[u]! + shift - 1);
    }
    grad[0] = gr;
    grad[1] = galpha;
    grad[2] = ga;
    grad[3] = gb;
  }
  return ll;
}

const bgNbdLl = (prep: PreparedBgNbd, r: number, alpha: number, a: number, b: number, grad?: Float64Array) =>
  bgNbdFamilyLl(prep, false, r, alpha, a, b, grad);

/** The BG/NBD log-likelihood of the data (summed over customers, rows weighted). */
export function bgNbdLogLikelihood(p: BgNbdParams, data: BgNbdData): number {
  return bgNbdLl(prepareBgNbd(data), p.r, p.alpha, p.a, p.b);
}

/**
 * Maximum-likelihood BG/NBD parameters with the analytic gradient, from a start scaled to the data's
 * purchase rate so the time unit does not matter.
 */
export function fitBgNbd(data: BgNbdData, options: FitOptions = {}): BgNbdFit {
  const prep = prepareBgNbd(data);
  if (!(prep.totalWeight > 0)) throw new RangeError('BG/NBD fit: no customers');
  const fit = maximizeLikelihood(
    {
      customers: prep.totalWeight,
      start: [1, startingAlpha(data, prep.totalWeight), 1, 1],
      gradient: true,
      logLikelihood: (p, grad) => bgNbdLl(prep, p[0]!, p[1]!, p[2]!, p[3]!, grad),
    },
    options,
  );
  return fitReport(fit, ['r', 'alpha', 'a', 'b'] as const);
}

/** alpha = 1 / (repeat purchases per unit of time), with r = 1: a gamma with the observed mean rate. */
export function startingAlpha(
  data: { x: ArrayLike<number>; T: ArrayLike<number>; weight?: ArrayLike<number> | undefined },
  customers: number,
) {
  let sx = 0;
  let sT = 0;
  for (let i = 0; i < data.x.length; i++) {
    const w = weightAt(data.weight, i);
    sx += w * data.x[i]!;
    sT += w * data.T[i]!;
  }
  return sx > 0 && sT > 0 ? sT / sx : sT > 0 ? sT / customers : 1;
}

/** A fit's parameters and standard errors under the model's names. */
export function fitReport<const N extends readonly string[]>(
  fit: MaximumLikelihoodFit,
  names: N,
): FitReport<Record<N[number], number>> {
  const params = {} as Record<N[number], number>;
  const standardErrors = {} as Record<N[number], number>;
  names.forEach((name: N[number], i) => {
    params[name] = fit.params[i]!;
    standardErrors[name] = fit.standardErrors[i]!;
  });
  return {
    ...params,
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    iterations: fit.iterations,
    gradientNorm: fit.gradientNorm,
    standardErrors,
  };
}

/**
 * ((alpha+T)/(alpha+T+t))^(r+x) * 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t)), the hypergeometric part
 * of the conditional expectation, at each t of `ts` (into `out`). The textbook form overflows for
 * large x (2F1 grows like (1-z)^-(r+x)); two Pfaff transformations turn it into
 * ((alpha+T+t)/(alpha+T))^(1-a) * 2F1(a-1, a+b-1-r; a+b+x-1; z), whose terms stay small. That
 * one in turn overflows when a is very large (a fit with next to no heterogeneity in drop-out, a and b
 * in the millions), where the textbook form is well-behaved: it is the fallback.
 */
function bgNbdHyp(
  r: number,
  alpha: number,
  a: number,
  b: number,
  x: number,
  T: number,
  ts: Float64Array,
  out: Float64Array,
) {
  const zs = scratch(ts.length, 0);
  for (let k = 0; k < ts.length; k++) zs[k] = ts[k]! / (alpha + T + ts[k]!);
  // with a in the thousands the transformed series' terms grow like (a z)^n: straight to the textbook form
  if (a <= LARGE_A) {
    gauss2f1AtMany(a - 1, a + b - 1 - r, a + b + x - 1, zs, out);
    let finite = true;
    for (let k = 0; k < ts.length; k++) {
      out[k] = Math.pow((alpha + T + ts[k]!) / (alpha + T), 1 - a) * out[k]!;
      finite &&= Number.isFinite(out[k]);
    }
    if (finite) return;
  }
  gauss2f1AtMany(r + x, b + x, a + b + x - 1, zs, out);
  for (let k = 0; k < ts.length; k++) out[k] = Math.pow((alpha + T) / (alpha + T + ts[k]!), r + x) * out[k]!;
}

const LARGE_A = 1000;
const SERIES_TERMS = 300;

/**
 * Gauss's 2F1 by its power series where that converges quickly (|z| < 0.9, as here: z = t/(alpha+T+t)),
 * which is several times faster than the general routine; the general routine otherwise. A recompute
 * evaluates it a dozen times per customer.
 */
export function gauss2f1(a: number, b: number, c: number, z: number): number {
  const at = scratch(1, 1);
  at[0] = z;
  const out = new Float64Array(1);
  gauss2f1AtMany(a, b, c, at, out);
  return out[0]!;
}

/**
 * gauss2f1 at each z of `zs` (into `out`), for one (a, b, c): the series' coefficients do not depend
 * on z, so each further term costs one multiply-add per z. A z the series does not serve (|z| >= 0.9,
 * no convergence within SERIES_TERMS, overflow) gets the general routine.
 */
export function gauss2f1AtMany(a: number, b: number, c: number, zs: ArrayLike<number>, out: Float64Array): void {
  const m = zs.length;
  const power = scratch(m, 2);
  const open = scratch(m, 3); // 1 while the series is summing at z, 0 once converged, NaN to fall back
  let summing = 0;
  for (let k = 0; k < m; k++) {
    out[k] = 1;
    power[k] = 1;
    open[k] = Math.abs(zs[k]!) < 0.9 && c > 0 ? 1 : Number.NaN;
    if (open[k] === 1) summing++;
  }
  let coefficient = 1;
  for (let n = 0; n < SERIES_TERMS && summing > 0; n++) {
    coefficient *= ((a + n) * (b + n)) / ((c + n) * (n + 1));
    for (let k = 0; k < m; k++) {
      if (open[k] !== 1) continue;
      power[k] = power[k]! * zs[k]!;
      const term = coefficient * power[k]!;
      const sum = out[k]! + term;
      out[k] = sum;
      if (Math.abs(term) <= 1e-16 * Math.abs(sum)) {
        open[k] = 0;
        summing--;
      } else if (!Number.isFinite(sum)) {
        open[k] = Number.NaN;
        summing--;
      }
    }
  }
  for (let k = 0; k < m; k++) if (open[k] !== 0) out[k] = hyp2f1(a, b, c, zs[k]!);
}

/** Reusable work arrays (the valuation runs these a dozen times per customer): slot i, at least n long. */
const scratchSlots: Float64Array[] = [];
function scratch(n: number, slot: number): Float64Array {
  const held = scratchSlots[slot];
  if (held && held.length >= n) return held.length === n ? held : held.subarray(0, n);
  const fresh = new Float64Array(Math.max(n, 16));
  scratchSlots[slot] = fresh;
  return fresh.length === n ? fresh : fresh.subarray(0, n);
}

/** E[purchases in (T, T+t] | x, tx, T] at each t of `ts` (into `out`), by the formula as it stands. */
function bgNbdExpectedRaw(
  r: number,
  alpha: number,
  a: number,
  b: number,
  ts: Float64Array,
  x: number,
  tx: number,
  T: number,
  out: Float64Array,
) {
  bgNbdHyp(r, alpha, a, b, x, T, ts, out);
  const scale = (a + b + x - 1) / (a - 1);
  const alive = x === 0 ? 1 : 1 + (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx)));
  for (let k = 0; k < ts.length; k++) out[k] = (scale * (1 - out[k]!)) / alive;
}

/**
 * E[purchases in (T, T+t] | x, tx, T]: the expected number of purchases in the next `t` time
 * units of a customer with x repeat purchases, the last at tx, observed for T (Fader, Hardie &
 * Lee 2005, eq. 10). 0 for t <= 0.
 */
export function bgNbdExpectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (!(t > 0)) return 0;
  const ts = new Float64Array([t]);
  const out = new Float64Array(1);
  bgNbdExpectedAt(p, ts, x, tx, T, out);
  return out[0]!;
}

/** bgNbdExpectedPurchases at each t > 0 of `ts` (into `out`). */
function bgNbdExpectedAt(p: BgNbdParams, ts: Float64Array, x: number, tx: number, T: number, out: Float64Array) {
  const { r, alpha, a, b } = p;
  // The formula is 0/0 at a = 1 and loses digits to cancellation next to it, though the
  // expectation is smooth in a. Near 1, extrapolate from points at least h/2 away (Richardson on
  // the central averages at a +- h and a +- 2h: error O(h^4)).
  const h = 1e-3;
  if (Math.abs(a - 1) >= h / 2) return bgNbdExpectedRaw(r, alpha, a, b, ts, x, tx, T, out);
  const at = (da: number) => {
    const values = new Float64Array(ts.length);
    bgNbdExpectedRaw(r, alpha, a + da, b, ts, x, tx, T, values);
    return values;
  };
  const [minus1, plus1, minus2, plus2] = [at(-h), at(h), at(-2 * h), at(2 * h)];
  for (let k = 0; k < ts.length; k++) {
    const near = (minus1[k]! + plus1[k]!) / 2;
    const far = (minus2[k]! + plus2[k]!) / 2;
    out[k] = (4 * near - far) / 3;
  }
}

/** E[X(t)]: expected purchases in the first `t` time units of a new customer. */
export function bgNbdUnconditionalExpected(p: BgNbdParams, t: number): number {
  return bgNbdExpectedPurchases(p, t, 0, 0, 0);
}

/** P(still active at T | x, tx, T); 1 when x = 0, since BG/NBD customers can only drop out right
 * after a purchase. */
export function bgNbdProbabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  return 1 / (1 + (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx))));
}

/** P(X(t) = 0): the chance a new customer makes no purchase in the first `t` time units. */
export function bgNbdProbabilityNoPurchase(p: BgNbdParams, t: number): number {
  return Math.pow(p.alpha / (p.alpha + t), p.r);
}

const lnBeta = (x: number, y: number): number => gammaln(x) + gammaln(y) - gammaln(x + y);

/** P(X(t) = n): the chance a new customer makes exactly n purchases in the first `t` time units
 * (Fader, Hardie & Lee 2005, eq. 8). */
export function bgNbdProbabilityOfPurchases(p: BgNbdParams, t: number, n: number): number {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!(t > 0)) return n === 0 ? 1 : 0;
  const { r, alpha, a, b } = p;
  const lnB0 = lnBeta(a, b);
  const lnP = Math.log(alpha / (alpha + t));
  const lnQ = Math.log(t / (alpha + t));
  const first = Math.exp(lnBeta(a, b + n) - lnB0 + gammaln(r + n) - gammaln(r) - gammaln(n + 1) + r * lnP + n * lnQ);
  if (n === 0) return first;
  // 1 - P(Poisson-gamma count < n), the sum by the ratio of consecutive negative-binomial terms.
  const q = t / (alpha + t);
  let term = 1;
  let sum = 1;
  for (let j = 1; j < n; j++) {
    term *= ((r + j - 1) / j) * q;
    sum += term;
  }
  const tail = Math.max(0, 1 - Math.exp(r * lnP) * sum);
  return first + Math.exp(lnBeta(a + 1, b + n - 1) - lnB0) * tail;
}

// ---------------------------------------------------------------------------------------------
// Gamma-Gamma

export interface GammaGammaParams {
  /** Shape of each customer's spend distribution. */
  p: number;
  /** Shape and scale of the gamma distribution of customers' spend-rate parameters. */
  q: number;
  gamma: number;
}

export interface GammaGammaData {
  x: ArrayLike<number>;
  /** Mean spend of the x repeat purchases. */
  zbar: ArrayLike<number>;
  weight?: ArrayLike<number>;
}

export type GammaGammaFit = FitReport<GammaGammaParams> & {
  /** Weighted number of customers the fit used: those with x > 0 and zbar > 0. */
  customers: number;
};

interface PreparedGammaGamma {
  rows: Int32Array;
  xs: Float64Array;
  ux: Int32Array;
  lnXs: Float64Array;
  xz: Float64Array;
  lnZ: Float64Array;
  w: Float64Array;
  totalWeight: number;
}

function prepareGammaGamma(data: GammaGammaData): PreparedGammaGamma {
  const n = data.x.length;
  checkLengths('Gamma-Gamma data', n, { zbar: data.zbar, weight: data.weight });
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = weightAt(data.weight, i);
    if (!(w >= 0 && Number.isFinite(w))) throw new RangeError(`Gamma-Gamma data row ${i}: weight must be >= 0`);
    // Spend must be positive for a gamma model; refunds netting to zero or less are left out.
    if (data.x[i]! > 0 && data.zbar[i]! > 0 && Number.isFinite(data.zbar[i]!) && w > 0) keep.push(i);
  }
  const rows = Int32Array.from(keep);
  const { values: xs, index: ux } = distinctIndex(data.x, rows);
  const m = rows.length;
  const xz = new Float64Array(m);
  const lnZ = new Float64Array(m);
  const w = new Float64Array(m);
  let totalWeight = 0;
  for (let k = 0; k < m; k++) {
    const i = rows[k]!;
    xz[k] = data.x[i]! * data.zbar[i]!;
    lnZ[k] = Math.log(data.zbar[i]!);
    w[k] = weightAt(data.weight, i);
    totalWeight += w[k]!;
  }
  return { rows, xs, ux, lnXs: xs.map(Math.log), xz, lnZ, w, totalWeight };
}

function gammaGammaLl(prep: PreparedGammaGamma, p: number, q: number, gamma: number, grad?: Float64Array): number {
  const { xs, ux, lnXs, xz, lnZ, w } = prep;
  const m = xs.length;
  // Per distinct x: ln Gamma(px+q) - ln Gamma(px) + px ln x, and the digamma terms.
  const lgx = new Float64Array(m);
  const dpx = new Float64Array(m);
  const dqx = new Float64Array(m);
  const lgq = gammaln(q);
  const psiQ = grad ? digamma(q) : 0;
  for (let u = 0; u < m; u++) {
    const px = p * xs[u]!;
    lgx[u] = gammaln(px + q) - gammaln(px) + px * lnXs[u]!;
    if (grad) {
      const psiPxQ = digamma(px + q);
      dpx[u] = xs[u]! * (psiPxQ - digamma(px) + lnXs[u]!);
      dqx[u] = psiPxQ - psiQ;
    }
  }
  const lnGamma = Math.log(gamma);
  let ll = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  for (let k = 0; k < xz.length; k++) {
    const u = ux[k]!;
    const x = xs[u]!;
    const px = p * x;
    const lnGXZ = Math.log(gamma + xz[k]!);
    ll += w[k]! * (lgx[u]! - lgq + q * lnGamma + (px - 1) * lnZ[k]! - (px + q) * lnGXZ);
    if (grad) {
      gp += w[k]! * (dpx[u]! + x * (lnZ[k]! - lnGXZ));
      gq += w[k]! * (dqx[u]! + lnGamma - lnGXZ);
      gg += w[k]! * (q / gamma - (px + q) / (gamma + xz[k]!));
    }
  }
  if (grad) {
    grad[0] = gp;
    grad[1] = gq;
    grad[2] = gg;
  }
  return ll;
}

/** The Gamma-Gamma log-likelihood over the customers with x > 0 and zbar > 0. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: GammaGammaData): number {
  return gammaGammaLl(prepareGammaGamma(data), params.p, params.q, params.gamma);
}

/**
 * Maximum-likelihood Gamma-Gamma parameters from repeat customers' mean spend (rows with x = 0,
 * or zbar <= 0, are left out). Same method as `fitBgNbd`.
 */
export function fitGammaGamma(data: GammaGammaData, options: FitOptions = {}): GammaGammaFit {
  const prep = prepareGammaGamma(data);
  const W = prep.totalWeight;
  if (!(W > 0)) throw new RangeError('Gamma-Gamma fit: no customers with x > 0 and zbar > 0');
  let mean = 0;
  for (let k = 0; k < prep.xz.length; k++) mean += (prep.w[k]! * Math.exp(prep.lnZ[k]!)) / W;
  // Start with p = 1, q = 2 and gamma matching the mean spend (E[z] = p gamma / (q - 1)).
  const fit = maximizeLikelihood(
    {
      customers: W,
      start: [1, 2, mean],
      gradient: true,
      logLikelihood: (v, grad) => gammaGammaLl(prep, v[0]!, v[1]!, v[2]!, grad),
    },
    options,
  );
  return { ...fitReport(fit, ['p', 'q', 'gamma'] as const), customers: W };
}

/**
 * E[spend per purchase | x, zbar]: a weighted mean of the population mean p*gamma/(q-1) and the
 * customer's own zbar, the more purchases the more weight on zbar. For x = 0 the population mean.
 * Needs q > 1 (else the population mean is infinite).
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, x: number, zbar: number): number {
  const { p, q, gamma } = params;
  if (!(x > 0)) return (p * gamma) / (q - 1);
  return (p * (gamma + x * zbar)) / (p * x + q - 1);
}

// ---------------------------------------------------------------------------------------------
// Customer lifetime value

export interface CustomerLifetimeValueArgs {
  bgNbd: BgNbdParams;
  gammaGamma: GammaGammaParams;
  x: number;
  tx: number;
  T: number;
  zbar: number;
  /** How many periods to value, e.g. 12 months. */
  periods: number;
  /** The length of a period in the BG/NBD time unit, e.g. 30 days or 4.345 weeks a month. */
  unitsPerPeriod: number;
  /** Discount rate per period, e.g. 0.01 a month. */
  discountRate: number;
  /** Profit margin on spend, e.g. 0.3. */
  margin: number;
}

/**
 * Discounted expected margin over the next `periods` periods, as `lifetimes` computes it: each
 * period's expected purchases (the BG/NBD expectation's increase over the period) times the
 * expected spend per purchase times the margin, discounted at the period's end.
 */
export function customerLifetimeValue(args: CustomerLifetimeValueArgs): number {
  const { discounted } = expectedPurchasesOverPeriods(args);
  return discounted * gammaGammaExpectedSpend(args.gammaGamma, args.x, args.zbar) * args.margin;
}

/**
 * The purchase side of CLV, which depends on (x, t_x, T) alone: the purchases expected over the next
 * `periods` periods, and the same with each period's increase discounted at the period's end.
 */
export function expectedPurchasesOverPeriods(
  args: Pick<CustomerLifetimeValueArgs, 'bgNbd' | 'x' | 'tx' | 'T' | 'periods' | 'unitsPerPeriod' | 'discountRate'>,
): { expected: number; discounted: number } {
  const { bgNbd, x, tx, T, periods, unitsPerPeriod, discountRate } = args;
  if (!(periods >= 1) || !(unitsPerPeriod > 0)) return { expected: 0, discounted: 0 };
  const ends = new Float64Array(periods);
  for (let i = 0; i < periods; i++) ends[i] = (i + 1) * unitsPerPeriod;
  const atEnds = new Float64Array(periods);
  bgNbdExpectedAt(bgNbd, ends, x, tx, T, atEnds);
  let expected = 0;
  let discounted = 0;
  let discount = 1;
  for (let i = 0; i < periods; i++) {
    discount /= 1 + discountRate;
    discounted += (atEnds[i]! - expected) * discount;
    expected = atEnds[i]!;
  }
  return { expected, discounted };
}
