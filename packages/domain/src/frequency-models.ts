// The alternatives to BG/NBD that lifetimes and PyMC-Marketing fit on the same (x, t_x, T) histories,
// so a firm can see which describes its customers best:
// - Pareto/NBD (Schmittlein, Morrison & Colombo 1987): customers may leave at any moment, at an
//   exponential rate varying across customers as a gamma (s, beta). Likelihood as derived in Fader &
//   Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions", eq. 22.
// - Modified BG/NBD (Batislam, Denizel & Filiztekin 2007): BG/NBD where customers may also leave right
//   after their first purchase, so one-time buyers need not all be alive.
import gammaln from '@stdlib/math-base-special-gammaln';
import {
  bgNbdFamilyLl,
  fitBgNbd,
  fitReport,
  gauss2f1,
  prepareBgNbd,
  startingAlpha,
  type BgNbdData,
  type BgNbdParams,
  type FitReport,
  type PreparedBgNbd,
} from './clv.ts';
import { informationCriteria, maximizeLikelihood, type FitOptions } from './maximum-likelihood.ts';

// ---------------------------------------------------------------------------------------------
// Modified BG/NBD

export type ModifiedBgNbdParams = BgNbdParams;

const modifiedBgNbdLl = (prep: PreparedBgNbd, r: number, alpha: number, a: number, b: number, grad?: Float64Array) =>
  bgNbdFamilyLl(prep, true, r, alpha, a, b, grad);

export function modifiedBgNbdLogLikelihood(p: ModifiedBgNbdParams, data: BgNbdData): number {
  return modifiedBgNbdLl(prepareBgNbd(data), p.r, p.alpha, p.a, p.b);
}

/** Maximum-likelihood modified BG/NBD parameters, by the analytic gradient. */
export function fitModifiedBgNbd(data: BgNbdData, options: FitOptions = {}): FitReport<ModifiedBgNbdParams> {
  const prep = prepareBgNbd(data);
  if (!(prep.totalWeight > 0)) throw new RangeError('modified BG/NBD fit: no customers');
  const fit = maximizeLikelihood(
    {
      customers: prep.totalWeight,
      start: [1, startingAlpha(data, prep.totalWeight), 1, 1],
      gradient: true,
      logLikelihood: (p, grad) => modifiedBgNbdLl(prep, p[0]!, p[1]!, p[2]!, p[3]!, grad),
    },
    options,
  );
  return fitReport(fit, ['r', 'alpha', 'a', 'b'] as const);
}

// ---------------------------------------------------------------------------------------------
// Pareto/NBD

export interface ParetoNbdParams {
  /** Gamma distribution of purchase rates, as in BG/NBD. */
  r: number;
  alpha: number;
  /** Gamma distribution of drop-out rates. */
  s: number;
  beta: number;
}

/**
 * Histories with, for each row, an index into the distinct (x, t_x) and (x, T) pairs: the
 * hypergeometric terms depend on one pair each, and pairs are far fewer than histories.
 */
interface PreparedParetoNbd {
  bg: PreparedBgNbd;
  /** Per pair: x's index into bg.xs, and the time. */
  pairX: Int32Array;
  pairTime: Float64Array;
  txPair: Int32Array;
  TPair: Int32Array;
  /** Per pair, refreshed per call: ln 2F1(...; |alpha-beta| / (max+time)) - (r+s+x) ln(max+time). */
  pairTerm: Float64Array;
}

function prepareParetoNbd(data: BgNbdData): PreparedParetoNbd {
  const bg = prepareBgNbd(data);
  const pairs = new Map<number, number>();
  const pairX: number[] = [];
  const pairTime: number[] = [];
  /** The pair of x's index and a time's index, as one exact number. */
  const pairOf = (u: number, time: number) => {
    const key = u * bg.times.length + time;
    let p = pairs.get(key);
    if (p === undefined) {
      p = pairX.length;
      pairs.set(key, p);
      pairX.push(u);
      pairTime.push(bg.times[time]!);
    }
    return p;
  };
  const n = bg.ux.length;
  const txPair = new Int32Array(n);
  const TPair = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    txPair[i] = pairOf(bg.ux[i]!, bg.uTx[i]!);
    TPair[i] = pairOf(bg.ux[i]!, bg.uT[i]!);
  }
  return {
    bg,
    pairX: Int32Array.from(pairX),
    pairTime: Float64Array.from(pairTime),
    txPair,
    TPair,
    pairTerm: new Float64Array(pairX.length),
  };
}

/**
 * ln L = ln Gamma(r+x) - ln Gamma(r) + r ln alpha + s ln beta
 *        + ln[ (alpha+T)^-(r+x) (beta+T)^-s + s / (r+s+x) A0 ],
 * A0 = F(t_x) - F(T), F(y) = 2F1(r+s+x, s+1; r+s+x+1; (alpha-beta)/(alpha+y)) / (alpha+y)^(r+s+x) when
 * alpha >= beta, else with (beta, r+x) in place of (alpha, s+1).
 */
function paretoNbdLl(prep: PreparedParetoNbd, r: number, alpha: number, s: number, beta: number): number {
  const { bg, pairX, pairTime, pairTerm, txPair, TPair } = prep;
  const { xs, ux, uT, times, weight } = bg;
  // ln(alpha + T) and ln(beta + T) once per distinct time
  const lnAlphaT = bg.lnAt;
  const lnBetaT = bg.invAt;
  for (let k = 0; k < times.length; k++) {
    lnAlphaT[k] = Math.log(alpha + times[k]!);
    lnBetaT[k] = Math.log(beta + times[k]!);
  }
  const alphaLarger = alpha >= beta;
  const larger = alphaLarger ? alpha : beta;
  const gap = Math.abs(alpha - beta);
  for (let p = 0; p < pairX.length; p++) {
    const x = xs[pairX[p]!]!;
    const rsx = r + s + x;
    const at = larger + pairTime[p]!;
    pairTerm[p] = Math.log(gauss2f1(rsx, alphaLarger ? s + 1 : r + x, rsx + 1, gap / at)) - rsx * Math.log(at);
  }
  const lgr = gammaln(r);
  for (let u = 0; u < xs.length; u++) bg.lgR[u] = gammaln(r + xs[u]!) - lgr;
  const base = r * Math.log(alpha) + s * Math.log(beta);
  const lnS = Math.log(s);
  let ll = 0;
  for (let i = 0; i < ux.length; i++) {
    const w = weight ? weight[i]! : 1;
    if (w === 0) continue;
    const u = ux[i]!;
    const x = xs[u]!;
    const alive = -(r + x) * lnAlphaT[uT[i]!]! - s * lnBetaT[uT[i]!]!;
    const fTx = pairTerm[txPair[i]!]!;
    const fT = pairTerm[TPair[i]!]!;
    // ln(F(t_x) - F(T)); nothing when t_x = T (or rounding puts F(T) above)
    const lnA0 = fT < fTx ? fTx + Math.log1p(-Math.exp(fT - fTx)) : -Infinity;
    const left = lnS - Math.log(r + s + x) + lnA0;
    const hi = Math.max(alive, left);
    ll += w * (bg.lgR[u]! + base + hi + Math.log(Math.exp(alive - hi) + Math.exp(left - hi)));
  }
  return ll;
}

export function paretoNbdLogLikelihood(p: ParetoNbdParams, data: BgNbdData): number {
  return paretoNbdLl(prepareParetoNbd(data), p.r, p.alpha, p.s, p.beta);
}

/** Maximum-likelihood Pareto/NBD parameters (gradient by central differences: the 2F1 terms have none in closed form). */
export function fitParetoNbd(data: BgNbdData, options: FitOptions = {}): FitReport<ParetoNbdParams> {
  const prep = prepareParetoNbd(data);
  if (!(prep.bg.totalWeight > 0)) throw new RangeError('Pareto/NBD fit: no customers');
  const alpha0 = startingAlpha(data, prep.bg.totalWeight);
  const fit = maximizeLikelihood(
    {
      customers: prep.bg.totalWeight,
      start: [1, alpha0, 1, alpha0],
      gradient: false,
      logLikelihood: (p) => paretoNbdLl(prep, p[0]!, p[1]!, p[2]!, p[3]!),
    },
    { gradientTolerance: 1e-7, ...options },
  );
  return fitReport(fit, ['r', 'alpha', 's', 'beta'] as const);
}

// ---------------------------------------------------------------------------------------------
// Choosing between them

export const frequencyModels = ['bg_nbd', 'modified_bg_nbd', 'pareto_nbd'] as const;
export type FrequencyModel = (typeof frequencyModels)[number];

export interface FrequencyModelFit {
  model: FrequencyModel;
  params: Record<string, number>;
  standardErrors: Record<string, number>;
  logLikelihood: number;
  parameters: number;
  aic: number;
  bic: number;
  converged: boolean;
  iterations: number;
}

/**
 * The three models on the same histories, best (lowest BIC) first; `bgNbd` is the BG/NBD fit of the
 * same data when the caller has it already.
 */
export function compareFrequencyModels(
  data: BgNbdData,
  bgNbd: FitReport<BgNbdParams> = fitBgNbd(data),
): FrequencyModelFit[] {
  let customers = 0;
  for (let i = 0; i < data.x.length; i++) customers += data.weight ? data.weight[i]! : 1;
  const entry = <P extends object>(model: FrequencyModel, fit: FitReport<P>): FrequencyModelFit => {
    const { logLikelihood, converged, iterations, gradientNorm: _, standardErrors, ...params } = fit;
    const parameters = Object.keys(params).length;
    return {
      model,
      params: params as Record<string, number>,
      standardErrors: standardErrors,
      logLikelihood,
      parameters,
      ...informationCriteria(logLikelihood, parameters, customers),
      converged,
      iterations,
    };
  };
  return [
    entry('bg_nbd', bgNbd),
    entry('modified_bg_nbd', fitModifiedBgNbd(data)),
    entry('pareto_nbd', fitParetoNbd(data)),
  ].sort((x, y) => x.bic - y.bic);
}
