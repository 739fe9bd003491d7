import { readFileSync } from 'node:fs';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from './calendar.ts';
import {
  type BgNbdParams,
  bgNbdExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  bgNbdProbabilityNoPurchase,
  bgNbdProbabilityOfPurchases,
  bgNbdUnconditionalExpected,
  customerHistories,
  customerLifetimeValue,
  expectedPurchasesOverPeriods,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
  gauss2f1,
  type Purchase,
} from './clv.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/data/cdnow/${name}`, import.meta.url), 'utf8');

// The published per-customer summary: ID, x, t_x, T, zbar (weeks).
const summaryRows = fixture('cdnow_customers_summary_with_transactions.csv')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',').map(Number) as [number, number, number, number, number]);
const summary = {
  id: summaryRows.map((r) => r[0]),
  x: Float64Array.from(summaryRows, (r) => r[1]),
  tx: Float64Array.from(summaryRows, (r) => r[2]),
  T: Float64Array.from(summaryRows, (r) => r[3]),
  zbar: Float64Array.from(summaryRows, (r) => r[4]),
};

// The raw purchases: master id, sample id, YYYYMMDD, CDs, dollars.
const purchases: Purchase[] = fixture('CDNOW_sample.txt')
  .trim()
  .split('\n')
  .map((line) => {
    const [, id, d, , dollars] = line.trim().split(/\s+/) as [string, string, string, string, string];
    return { customer: id, day: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`, amount: Number(dollars) };
  });

const published: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const publishedGammaGamma = { p: 6.25, q: 3.74, gamma: 15.44 };

// The textbook form of the conditional expectation (Fader, Hardie & Lee 2005, eq. 10), evaluated
// directly: fine for small x, overflows for large x.
function textbookExpected(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const h = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
  const num = ((a + b + x - 1) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * h);
  return x > 0 ? num / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x)) : num;
}

const params = fc.record({
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 0.5, max: 100, noNaN: true }),
  a: fc.double({ min: 0.1, max: 5, noNaN: true }),
  b: fc.double({ min: 0.5, max: 10, noNaN: true }),
});
const history = fc
  .record({
    x: fc.integer({ min: 0, max: 50 }),
    T: fc.double({ min: 0.5, max: 500, noNaN: true }),
    share: fc.double({ min: 0.01, max: 1, noNaN: true }),
  })
  .map(({ x, T, share }) => ({ x, T, tx: x > 0 ? T * share : 0 }));

describe('customerHistories', () => {
  it('merges same-day purchases, ignores purchases after calibration, keeps first-seen order', () => {
    const h = customerHistories(
      [
        { customer: 'b', day: '2024-01-10', amount: 5 },
        { customer: 'a', day: '2024-01-01', amount: 10 },
        { customer: 'a', day: '2024-01-08', amount: 3 },
        { customer: 'a', day: '2024-01-08', amount: 4 },
        { customer: 'a', day: '2024-01-15', amount: 13 },
        { customer: 'a', day: '2024-02-01', amount: 100 },
        { customer: 'c', day: '2024-02-01', amount: 1 },
        { customer: 'b', day: '2024-01-03', amount: 8 },
      ],
      '2024-01-29',
      'day',
    );
    expect(h.customers).toEqual(['b', 'a']);
    expect(Array.from(h.x)).toEqual([1, 2]);
    expect(Array.from(h.tx)).toEqual([7, 14]);
    expect(Array.from(h.T)).toEqual([26, 28]);
    // b's first day is 01-03 (8), its repeat day 01-10 (5); a's repeat days total 7 and 13.
    expect(Array.from(h.zbar)).toEqual([5, 10]);
    const weeks = customerHistories([{ customer: 'a', day: '2024-01-01', amount: 1 }], '2024-01-15', 'week');
    expect(Array.from(weeks.T)).toEqual([2]);
    expect(Array.from(weeks.zbar)).toEqual([0]);
  });

  it('counts a purchase on the last calibration day', () => {
    const h = customerHistories([{ customer: 'a', day: '2024-01-29', amount: 1 }], '2024-01-29', 'day');
    expect(Array.from(h.T)).toEqual([0]);
  });

  it('rejects malformed dates and amounts', () => {
    expect(() => dayNumber('1997-02-30')).toThrow(RangeError);
    expect(() => dayNumber('19970201')).toThrow(RangeError);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(() => customerHistories([{ customer: 'a', day: '2024-01-01', amount: NaN }], '2024-01-29', 'day')).toThrow(
      RangeError,
    );
  });

  it('reproduces the published CDNOW summary for all 2,357 customers', () => {
    const h = customerHistories(purchases, '1997-09-30', 'week');
    expect(h.customers).toHaveLength(2357);
    expect(purchases).toHaveLength(6919);
    const at = new Map(h.customers.map((c, i) => [Number(c), i]));
    let mismatches = 0;
    summaryRows.forEach(([id, x, tx, T, zbar]) => {
      const i = at.get(id)!;
      const close = (a: number, b: number): boolean => Math.abs(a - b) <= 0.005 + 1e-9;
      if (h.x[i] !== x || !close(h.tx[i]!, tx) || !close(h.T[i]!, T) || !close(h.zbar[i]!, zbar)) mismatches++;
    });
    expect(mismatches).toBe(0);
    // The file is sorted by customer, so first-seen order is the csv's order.
    expect(h.customers.map(Number)).toEqual(summary.id);
  });
});

describe('BG/NBD fit', () => {
  it('reproduces the published CDNOW estimates', () => {
    const fit = fitBgNbd(summary);
    expect(fit.converged).toBe(true);
    expect(fit.r.toFixed(3)).toBe('0.243');
    expect(fit.alpha.toFixed(3)).toBe('4.414');
    expect(fit.a.toFixed(3)).toBe('0.793');
    expect(fit.b.toFixed(3)).toBe('2.426');
    expect(fit.logLikelihood.toFixed(1)).toBe('-9582.4');
    expect(bgNbdLogLikelihood(fit, summary)).toBeCloseTo(fit.logLikelihood, 9);
    expect(bgNbdLogLikelihood(published, summary)).toBeLessThan(fit.logLikelihood);
    expect(bgNbdLogLikelihood(published, summary)).toBeCloseTo(-9582.4, 0);
  });

  it('is at a maximum: every nearby parameter set is less likely', () => {
    const fit = fitBgNbd(summary);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      for (const f of [0.999, 1.001]) {
        expect(bgNbdLogLikelihood({ ...fit, [key]: fit[key] * f }, summary)).toBeLessThan(fit.logLikelihood);
      }
    }
  });

  it('gives the same estimates on the summary derived from the raw purchases, in weeks or days', () => {
    const fit = fitBgNbd(summary);
    const weeks = fitBgNbd(customerHistories(purchases, '1997-09-30', 'week'));
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(weeks[key]).toBeCloseTo(fit[key], 3);
    expect(weeks.logLikelihood.toFixed(1)).toBe('-9582.4');
    // In days only alpha (a time scale) changes, by 7.
    const days = fitBgNbd(customerHistories(purchases, '1997-09-30', 'day'));
    expect(days.converged).toBe(true);
    expect(days.r).toBeCloseTo(weeks.r, 4);
    expect(days.alpha / 7).toBeCloseTo(weeks.alpha, 3);
    expect(days.a).toBeCloseTo(weeks.a, 4);
    expect(days.b).toBeCloseTo(weeks.b, 4);
  });

  it('weights rows: unique (x, tx, T) rows with counts fit like the customers one by one', () => {
    const groups = new Map<string, { x: number; tx: number; T: number; w: number }>();
    for (let i = 0; i < summary.x.length; i++) {
      const key = `${summary.x[i]}|${summary.tx[i]}|${summary.T[i]}`;
      const g = groups.get(key) ?? { x: summary.x[i]!, tx: summary.tx[i]!, T: summary.T[i]!, w: 0 };
      g.w++;
      groups.set(key, g);
    }
    const rows = [...groups.values()];
    expect(rows.length).toBeLessThan(summary.x.length);
    const weighted = {
      x: rows.map((g) => g.x),
      tx: rows.map((g) => g.tx),
      T: rows.map((g) => g.T),
      weight: rows.map((g) => g.w),
    };
    const fit = fitBgNbd(summary);
    const wfit = fitBgNbd(weighted);
    expect(bgNbdLogLikelihood(fit, weighted)).toBeCloseTo(fit.logLikelihood, 8);
    expect(wfit.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(wfit[key]).toBeCloseTo(fit[key], 5);
  });

  it('fits 100,000 weighted rows quickly', () => {
    // CDNOW's customers spread over 100,000 distinct rows by jittering T and tx.
    const n = 100_000;
    const x = new Float64Array(n);
    const tx = new Float64Array(n);
    const T = new Float64Array(n);
    const weight = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const j = i % summary.x.length;
      const jitter = 1 + (i / n) * 1e-3;
      x[i] = summary.x[j]!;
      tx[i] = summary.tx[j]! * jitter;
      T[i] = summary.T[j]! * jitter;
      weight[i] = 1 + (i % 7);
    }
    const started = performance.now();
    const fit = fitBgNbd({ x, tx, T, weight });
    const ms = performance.now() - started;
    expect(fit.converged).toBe(true);
    expect(fit.r).toBeCloseTo(0.243, 2);
    expect(ms).toBeLessThan(10_000);
  });

  it('rejects impossible rows', () => {
    expect(() => fitBgNbd({ x: [1], tx: [5], T: [4] })).toThrow(RangeError);
    expect(() => fitBgNbd({ x: [-1], tx: [0], T: [4] })).toThrow(RangeError);
    expect(() => fitBgNbd({ x: [1], tx: [0], T: [4] })).toThrow(RangeError);
    expect(() => fitBgNbd({ x: [1, 2], tx: [1], T: [4, 5] })).toThrow(RangeError);
    expect(() => fitBgNbd({ x: [0], tx: [0], T: [4], weight: [0] })).toThrow(RangeError);
  });
});

describe('BG/NBD predictions', () => {
  it('reproduce the published CDNOW figures', () => {
    const fit = fitBgNbd(summary);
    expect(bgNbdExpectedPurchases(fit, 39, 2, 30.43, 38.86).toFixed(3)).toBe('1.226');
    // 0.5738 is (alpha / (alpha + t))^r at the published, rounded parameters.
    expect(bgNbdProbabilityNoPurchase(published, 39).toFixed(4)).toBe('0.5738');
    // At the unrounded estimates it is 0.5743.
    expect(bgNbdProbabilityNoPurchase(fit, 39).toFixed(3)).toBe('0.574');
    expect(bgNbdProbabilityOfPurchases(fit, 39, 0)).toBeCloseTo(bgNbdProbabilityNoPurchase(fit, 39), 14);
  });

  it('match high-precision reference values (mpmath, 40 digits), also where the textbook form overflows', () => {
    const cases: [BgNbdParams, number, number, number, number, number][] = [
      [published, 39, 2, 30.43, 38.86, 1.2260281747671444],
      [published, 52, 300, 300, 310, 1.0586224235977313],
      [published, 52, 2000, 300, 310, 6.561381972948245e-23],
      [published, 300, 1000, 19, 20, 2.940360471679262e-12],
      [{ r: 0.5, alpha: 10, a: 2.5, b: 4 }, 10, 5, 20, 30, 0.463484058012845],
      [published, 39, 0, 0, 0, 1.196723193320817],
      [published, 100, 0, 0, 38.86, 0.4394954028241826],
      // a = 1, where the formula is 0/0 and only its limit exists.
      [{ r: 0.5, alpha: 10, a: 1, b: 3 }, 20, 3, 15, 30, 0.7463462203169147],
    ];
    for (const [p, t, x, tx, T, expected] of cases) {
      const v = bgNbdExpectedPurchases(p, t, x, tx, T);
      expect(Math.abs(v - expected) / expected).toBeLessThan(1e-9);
    }
    expect(Number.isFinite(textbookExpected(published, 300, 1000, 19, 20))).toBe(false);
    expect(bgNbdUnconditionalExpected(published, 39)).toBeCloseTo(1.196723193320817, 12);
  });

  it('agree with the textbook formula for small x', () => {
    fc.assert(
      fc.property(params, history, fc.double({ min: 0.1, max: 200, noNaN: true }), (p, h, t) => {
        fc.pre(h.x <= 10 && Math.abs(p.a - 1) > 0.01);
        const expected = textbookExpected(p, t, h.x, h.tx, h.T);
        fc.pre(Number.isFinite(expected) && expected > 1e-8);
        const v = bgNbdExpectedPurchases(p, t, h.x, h.tx, h.T);
        expect(Math.abs(v - expected) / expected).toBeLessThan(1e-6);
      }),
    );
  });

  it('expected purchases are 0 at t = 0 and grow with t', () => {
    fc.assert(
      fc.property(params, history, fc.double({ min: 0.01, max: 500, noNaN: true }), (p, h, t) => {
        expect(bgNbdExpectedPurchases(p, 0, h.x, h.tx, h.T)).toBe(0);
        const e1 = bgNbdExpectedPurchases(p, t, h.x, h.tx, h.T);
        const e2 = bgNbdExpectedPurchases(p, t * 1.5, h.x, h.tx, h.T);
        expect(e1).toBeGreaterThanOrEqual(0);
        expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-9));
      }),
    );
  });

  it('stay finite for a fit with next to no drop-out heterogeneity (a and b in the millions)', () => {
    const p = { r: 0.5, alpha: 10, a: 1e6, b: 1.4e7 };
    for (const [x, tx, T] of [
      [0, 0, 50],
      [5, 40, 80],
      [30, 90, 100],
    ] as const) {
      const expected = bgNbdExpectedPurchases(p, 52, x, tx, T);
      expect(Number.isFinite(expected)).toBe(true);
      // below what a customer who never drops out would buy at the posterior rate
      expect(expected).toBeGreaterThan(0);
      expect(expected).toBeLessThan(((p.r + x) / (p.alpha + T)) * 52);
    }
    // and close to the same drop-out probability with a thousand times smaller a and b
    const smaller = bgNbdExpectedPurchases({ ...p, a: 1e3, b: 1.4e4 }, 52, 5, 40, 80);
    expect(bgNbdExpectedPurchases(p, 52, 5, 40, 80)).toBeCloseTo(smaller, 2);
  });

  it('P(alive) is in [0, 1], 1 without repeat purchases and falls the longer a customer is silent', () => {
    fc.assert(
      fc.property(params, history, (p, h) => {
        const alive = bgNbdProbabilityAlive(p, h.x, h.tx, h.T);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        expect(bgNbdProbabilityAlive(p, 0, 0, h.T)).toBe(1);
        expect(bgNbdProbabilityAlive(p, h.x, h.tx, h.T * 2)).toBeLessThanOrEqual(alive);
      }),
    );
    // Buying right up to the end of calibration makes a customer more likely alive than going quiet.
    expect(bgNbdProbabilityAlive(published, 5, 38, 38)).toBeGreaterThan(bgNbdProbabilityAlive(published, 5, 10, 38));
  });

  it('P(X(t) = n) is a distribution whose mean is the unconditional expectation', () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0.1, max: 50, noNaN: true }), (p, t) => {
        // Keep the count's tail within the 400 terms summed.
        fc.pre(p.a > 1.05 && t / (p.alpha + t) < 0.9);
        let total = 0;
        let mean = 0;
        for (let n = 0; n < 400; n++) {
          const pn = bgNbdProbabilityOfPurchases(p, t, n);
          expect(pn).toBeGreaterThanOrEqual(0);
          total += pn;
          mean += n * pn;
        }
        expect(total).toBeCloseTo(1, 6);
        expect(mean).toBeCloseTo(bgNbdUnconditionalExpected(p, t), 4);
      }),
      { numRuns: 50 },
    );
    expect(bgNbdProbabilityOfPurchases(published, 0, 0)).toBe(1);
    expect(bgNbdProbabilityOfPurchases(published, 0, 2)).toBe(0);
    expect(() => bgNbdProbabilityOfPurchases(published, 1, 1.5)).toThrow(RangeError);
  });
});

describe('Gamma-Gamma', () => {
  it('reproduces the published CDNOW estimates on the 946 repeat buyers', () => {
    const fit = fitGammaGamma(summary);
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(946);
    expect(['6.2', '6.3']).toContain(fit.p.toPrecision(2));
    expect(fit.q.toPrecision(2)).toBe('3.7');
    expect(fit.gamma.toPrecision(2)).toBe('15');
    expect(fit.p).toBeCloseTo(publishedGammaGamma.p, 1);
    expect(fit.q).toBeCloseTo(publishedGammaGamma.q, 1);
    expect(Math.abs(fit.gamma - publishedGammaGamma.gamma)).toBeLessThan(0.02);
    expect(fit.logLikelihood.toFixed(1)).toBe('-4055.9');
    expect(gammaGammaLogLikelihood(publishedGammaGamma, summary)).toBeCloseTo(-4055.9, 0);
    for (const key of ['p', 'q', 'gamma'] as const) {
      for (const f of [0.999, 1.001]) {
        expect(gammaGammaLogLikelihood({ ...fit, [key]: fit[key] * f }, summary)).toBeLessThan(fit.logLikelihood);
      }
    }
  });

  it('fits the derived summary the same', () => {
    const fit = fitGammaGamma(summary);
    const derived = fitGammaGamma(customerHistories(purchases, '1997-09-30', 'week'));
    expect(derived.p).toBeCloseTo(fit.p, 1);
    expect(derived.q).toBeCloseTo(fit.q, 2);
    expect(derived.gamma).toBeCloseTo(fit.gamma, 1);
    expect(derived.logLikelihood.toFixed(1)).toBe('-4055.9');
  });

  it('skips rows without repeat purchases or positive spend and needs some', () => {
    const a = fitGammaGamma({ x: [1, 2, 3, 4, 5, 2], zbar: [10, 12, 9, 20, 15, 11] });
    const b = fitGammaGamma({ x: [1, 2, 0, 3, 4, 5, 2, 3], zbar: [10, 12, 0, 9, 20, 15, 11, -4] });
    expect(b.customers).toBe(6);
    expect(b.logLikelihood).toBeCloseTo(a.logLikelihood, 9);
    expect(() => fitGammaGamma({ x: [0, 0], zbar: [0, 0] })).toThrow(RangeError);
  });

  it('expected spend: the population mean for x = 0, between it and zbar otherwise', () => {
    const p = publishedGammaGamma;
    const population = (p.p * p.gamma) / (p.q - 1);
    expect(gammaGammaExpectedSpend(p, 0, 0)).toBeCloseTo(population, 12);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.01, max: 1e4, noNaN: true }), (x, zbar) => {
        const v = gammaGammaExpectedSpend(p, x, zbar);
        expect(v).toBeGreaterThanOrEqual(Math.min(population, zbar) * (1 - 1e-12));
        expect(v).toBeLessThanOrEqual(Math.max(population, zbar) * (1 + 1e-12));
      }),
    );
  });
});

describe('customerLifetimeValue', () => {
  const args = {
    bgNbd: published,
    gammaGamma: publishedGammaGamma,
    x: 2,
    tx: 30.43,
    T: 38.86,
    zbar: 22.35,
    periods: 12,
    unitsPerPeriod: 4.345,
    discountRate: 0.01,
    margin: 0.3,
  };

  it('sums each period’s expected purchases times spend and margin, discounted', () => {
    const spend = gammaGammaExpectedSpend(publishedGammaGamma, 2, 22.35);
    let expected = 0;
    for (let i = 1; i <= 12; i++) {
      const n =
        bgNbdExpectedPurchases(published, i * 4.345, 2, 30.43, 38.86) -
        bgNbdExpectedPurchases(published, (i - 1) * 4.345, 2, 30.43, 38.86);
      expected += (n * spend * 0.3) / 1.01 ** i;
    }
    expect(customerLifetimeValue(args)).toBeCloseTo(expected, 10);
  });

  it('without discounting is expected purchases times spend times margin', () => {
    const undiscounted = customerLifetimeValue({ ...args, discountRate: 0 });
    const purchases12 = bgNbdExpectedPurchases(published, 12 * 4.345, 2, 30.43, 38.86);
    expect(undiscounted).toBeCloseTo(purchases12 * gammaGammaExpectedSpend(publishedGammaGamma, 2, 22.35) * 0.3, 10);
    expect(customerLifetimeValue(args)).toBeLessThan(undiscounted);
    expect(customerLifetimeValue({ ...args, periods: 24 })).toBeGreaterThan(customerLifetimeValue(args));
    expect(customerLifetimeValue({ ...args, periods: 0 })).toBe(0);
  });

  it('splits into the purchase side, which depends on (x, t_x, T) only, times spend and margin', () => {
    const purchases = expectedPurchasesOverPeriods(args);
    expect(purchases.expected).toBeCloseTo(bgNbdExpectedPurchases(published, 12 * 4.345, 2, 30.43, 38.86), 12);
    expect(purchases.discounted).toBeLessThan(purchases.expected);
    expect(expectedPurchasesOverPeriods({ ...args, discountRate: 0 }).discounted).toBeCloseTo(purchases.expected, 12);
    const spend = gammaGammaExpectedSpend(publishedGammaGamma, 2, 22.35);
    expect(customerLifetimeValue(args)).toBeCloseTo(purchases.discounted * spend * 0.3, 12);
  });
});

describe('gauss2f1', () => {
  it('agrees with the general routine wherever the series is used', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 50, noNaN: true }),
        fc.double({ min: -5, max: 50, noNaN: true }),
        fc.double({ min: 0.5, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 0.89, noNaN: true }),
        (a, b, c, z) => {
          const general = hyp2f1(a, b, c, z);
          if (!Number.isFinite(general) || Math.abs(general) > 1e12) return;
          expect(gauss2f1(a, b, c, z)).toBeCloseTo(
            general,
            Math.max(0, 10 - Math.ceil(Math.log10(1 + Math.abs(general)))),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
