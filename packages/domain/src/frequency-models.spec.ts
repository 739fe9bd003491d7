import { readFileSync } from 'node:fs';
import gammaln from '@stdlib/math-base-special-gammaln';
import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood, fitBgNbd } from './clv.ts';
import {
  compareFrequencyModels,
  fitModifiedBgNbd,
  fitParetoNbd,
  modifiedBgNbdLogLikelihood,
  paretoNbdLogLikelihood,
  type ParetoNbdParams,
} from './frequency-models.ts';

// The published per-customer summary of the CDNOW sample: ID, x, t_x, T, zbar (weeks).
const rows = readFileSync(
  new URL('../../fixtures/data/cdnow/cdnow_customers_summary_with_transactions.csv', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',').map(Number) as [number, number, number, number, number]);
const cdnow = {
  x: Float64Array.from(rows, (r) => r[1]),
  tx: Float64Array.from(rows, (r) => r[2]),
  T: Float64Array.from(rows, (r) => r[3]),
};

const one = (x: number, tx: number, T: number) => ({ x: [x], tx: [tx], T: [T] });

/** The gradient of a log-likelihood by central differences in each parameter, relative steps. */
function numericGradient<P extends Record<string, number>>(ll: (p: P) => number, at: P): Record<keyof P, number> {
  const out = {} as Record<keyof P, number>;
  for (const name of Object.keys(at) as (keyof P)[]) {
    const value = at[name]!;
    const h = 1e-6 * value;
    out[name] = (ll({ ...at, [name]: value + h }) - ll({ ...at, [name]: value - h })) / (2 * h);
  }
  return out;
}

/**
 * The Pareto/NBD likelihood of one customer from its definition: alive at T, or dropped out at some
 * tau in (t_x, T], with the gamma mixtures taken in closed form and the drop-out time integrated
 * numerically (Simpson's rule), no hypergeometric function involved.
 */
function paretoNbdByQuadrature(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const front = gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + s * Math.log(beta);
  const alive = Math.pow(alpha + T, -(r + x)) * Math.pow(beta + T, -s);
  const density = (tau: number) => s * Math.pow(alpha + tau, -(r + x)) * Math.pow(beta + tau, -(s + 1));
  const steps = 20_000;
  const h = (T - tx) / steps;
  let sum = density(tx) + density(T);
  for (let k = 1; k < steps; k++) sum += (k % 2 ? 4 : 2) * density(tx + k * h);
  return front + Math.log(alive + (h / 3) * sum);
}

describe('Pareto/NBD', () => {
  it('gives the likelihood its definition gives, for alpha above and below beta', () => {
    const cases: [ParetoNbdParams, number, number, number][] = [
      [{ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, 2, 30.43, 38.86],
      [{ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, 0, 0, 38.86],
      [{ r: 1.3, alpha: 20, s: 0.4, beta: 3 }, 7, 12.5, 60],
      [{ r: 0.8, alpha: 2, s: 2.2, beta: 40 }, 15, 70, 71],
    ];
    for (const [params, x, tx, T] of cases) {
      expect(paretoNbdLogLikelihood(params, one(x, tx, T))).toBeCloseTo(paretoNbdByQuadrature(params, x, tx, T), 8);
    }
  });

  it('reproduces the published CDNOW estimates (Fader, Hardie & Lee 2005) at a maximum of the likelihood', () => {
    const fit = fitParetoNbd(cdnow);
    expect(fit.converged).toBe(true);
    expect(fit.r).toBeCloseTo(0.553, 2);
    expect(fit.alpha).toBeCloseTo(10.58, 1);
    expect(fit.s).toBeCloseTo(0.606, 2);
    expect(fit.beta).toBeCloseTo(11.67, 0);
    expect(fit.logLikelihood).toBeCloseTo(-9595.0, 0);
    const { r, alpha, s, beta } = fit;
    const gradient = numericGradient((p) => paretoNbdLogLikelihood(p, cdnow), { r, alpha, s, beta });
    for (const g of Object.values(gradient)) expect(Math.abs(g)).toBeLessThan(0.05);
    expect(fit.standardErrors.r).toBeGreaterThan(0);
    expect(fit.standardErrors.r).toBeLessThan(fit.r);
  });
});

describe('modified BG/NBD', () => {
  /** One customer's likelihood written out from Batislam et al. (2007), with Beta functions. */
  function direct(p: { r: number; alpha: number; a: number; b: number }, x: number, tx: number, T: number) {
    const { r, alpha, a, b } = p;
    const lnB = (u: number, v: number) => gammaln(u) + gammaln(v) - gammaln(u + v);
    const front = Math.exp(gammaln(r + x) - gammaln(r) + r * Math.log(alpha));
    const stays = Math.exp(lnB(a, b + x + 1) - lnB(a, b)) * Math.pow(alpha + T, -(r + x));
    const leaves = Math.exp(lnB(a + 1, b + x) - lnB(a, b)) * Math.pow(alpha + tx, -(r + x));
    return Math.log(front * (stays + leaves));
  }

  it('gives the likelihood written out from the model, one-time buyers included', () => {
    const p = { r: 0.52, alpha: 6.2, a: 0.9, b: 1.6 };
    for (const [x, tx, T] of [
      [0, 0, 38.86],
      [2, 30.43, 38.86],
      [9, 50, 77],
    ] as const) {
      expect(modifiedBgNbdLogLikelihood(p, one(x, tx, T))).toBeCloseTo(direct(p, x, tx, T), 10);
    }
  });

  it('fits CDNOW to a point where the likelihood is flat, with its own gradient agreeing', () => {
    const fit = fitModifiedBgNbd(cdnow);
    expect(fit.converged).toBe(true);
    // as lifetimes' ModifiedBetaGeoFitter reports on the same summary
    expect(fit.r).toBeCloseTo(0.525, 2);
    expect(fit.alpha).toBeCloseTo(6.183, 1);
    expect(fit.a).toBeCloseTo(0.891, 2);
    expect(fit.b).toBeCloseTo(1.614, 1);
    const { r, alpha, a, b } = fit;
    const gradient = numericGradient((p) => modifiedBgNbdLogLikelihood(p, cdnow), { r, alpha, a, b });
    for (const g of Object.values(gradient)) expect(Math.abs(g)).toBeLessThan(0.05);
    // one-time buyers may have left, so the likelihood differs from BG/NBD's at the same point
    expect(modifiedBgNbdLogLikelihood(fit, cdnow)).not.toBeCloseTo(bgNbdLogLikelihood(fit, cdnow), 0);
  });
});

describe('BG/NBD standard errors', () => {
  it('are those lifetimes publishes for CDNOW, and match the curvature of the likelihood', () => {
    const fit = fitBgNbd(cdnow);
    // lifetimes' BetaGeoFitter summary: se(coef) 0.012557, 0.378221, 0.185719, 0.705345
    expect(fit.standardErrors.r).toBeCloseTo(0.012557, 4);
    expect(fit.standardErrors.alpha).toBeCloseTo(0.378221, 3);
    expect(fit.standardErrors.a).toBeCloseTo(0.185719, 3);
    expect(fit.standardErrors.b).toBeCloseTo(0.705345, 2);
    // the second derivative in r alone, by differences of values: se(r) can be no smaller than 1/sqrt(-d2)
    const h = 1e-4;
    const at = (r: number) => bgNbdLogLikelihood({ ...fit, r }, cdnow);
    const d2 = (at(fit.r + h) - 2 * at(fit.r) + at(fit.r - h)) / (h * h);
    expect(fit.standardErrors.r).toBeGreaterThanOrEqual(1 / Math.sqrt(-d2) - 1e-6);
    expect(fit.standardErrors.r).toBeLessThan(0.05);
    for (const se of Object.values(fit.standardErrors)) expect(Number.isFinite(se) && se > 0).toBe(true);
  });
});

describe('choosing between the models', () => {
  it('ranks by BIC: on CDNOW the two BG/NBD variants tie closely and Pareto/NBD comes last', () => {
    const fits = compareFrequencyModels(cdnow);
    expect(fits.map((f) => f.model).sort()).toEqual(['bg_nbd', 'modified_bg_nbd', 'pareto_nbd']);
    for (let i = 1; i < fits.length; i++) expect(fits[i]!.bic).toBeGreaterThanOrEqual(fits[i - 1]!.bic);
    const bg = fits.find((f) => f.model === 'bg_nbd')!;
    expect(bg.logLikelihood).toBeCloseTo(-9582.4, 0);
    expect(bg.aic).toBeCloseTo(8 - 2 * bg.logLikelihood, 8);
    expect(bg.bic).toBeCloseTo(4 * Math.log(2357) - 2 * bg.logLikelihood, 8);
    expect(fits[2]!.model).toBe('pareto_nbd');
    expect(Math.abs(fits[0]!.logLikelihood - fits[1]!.logLikelihood)).toBeLessThan(1);
  });
});
