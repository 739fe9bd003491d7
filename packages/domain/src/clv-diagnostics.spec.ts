// The diagnostics on the CDNOW sample at the published BG/NBD fit (r .243, alpha 4.414, a .793, b 2.426;
// 39 weeks of calibration to 1997-09-30, 39 of holdout to 1998-06-30), the views of Fader, Hardie & Lee
// (2005), figures 2 to 4. What customers did is counted here from the raw file, apart from the product's
// summary; what the model expects is computed here by integrating over the drop-out probability p
// numerically (the purchase rate integrated out in closed form), not by the hypergeometric closed forms
// the product uses. Moving one parameter moves the figures beyond the tolerances, so the checks can fail.
import { readFileSync } from 'node:fs';
import gammaln from '@stdlib/math-base-special-gammaln';
import { describe, expect, it } from 'vitest';
import {
  calibrationVsHoldout,
  frequencyRecencyMatrix,
  holdoutSummary,
  purchaseTracking,
  type HoldoutData,
} from './clv-diagnostics.ts';
import type { BgNbdParams } from './clv.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/data/cdnow/${name}`, import.meta.url), 'utf8');

const published: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const CALIBRATION_END = '1997-09-30';
const HOLDOUT_END = '1998-06-30';
const HOLDOUT_WEEKS = 39;

// The raw purchases: master id, sample id, YYYYMMDD, CDs, dollars.
const purchases = fixture('CDNOW_sample.txt')
  .trim()
  .split('\n')
  .map((line) => {
    const [, id, d] = line.trim().split(/\s+/) as [string, string, string];
    return { customer: id, day: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` };
  });

// ---------------------------------------------------------------------------------------------
// The reference: counted and integrated here

const DAY_MS = 86_400_000;
const dayIndex = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** Per customer: distinct purchase days (day indexes), sorted. */
function purchaseDays(): Map<string, number[]> {
  const byCustomer = new Map<string, Set<number>>();
  for (const p of purchases) {
    const days = byCustomer.get(p.customer) ?? new Set<number>();
    days.add(dayIndex(p.day));
    byCustomer.set(p.customer, days);
  }
  return new Map([...byCustomer].map(([c, days]) => [c, [...days].sort((a, b) => a - b)]));
}

const calibrationDay = dayIndex(CALIBRATION_END);
const holdoutDay = dayIndex(HOLDOUT_END);
const reference = [...purchaseDays().values()].map((days) => {
  const calibration = days.filter((d) => d <= calibrationDay);
  return {
    first: days[0]!,
    x: calibration.length - 1,
    tx: (calibration[calibration.length - 1]! - days[0]!) / 7,
    T: (calibrationDay - days[0]!) / 7,
    holdout: days.filter((d) => d > calibrationDay && d <= holdoutDay).length,
    days,
  };
});

/**
 * The integral of f over (0, 1) by the tanh-sinh rule, which copes with the integrable singularity of
 * the beta density at 0 (a < 1); f gets p and 1 - p, each computed without cancellation.
 */
function integrate01(f: (p: number, q: number) => number): number {
  const h = 1 / 64;
  let sum = 0;
  for (let k = -6 * 64; k <= 6 * 64; k++) {
    const t = k * h;
    const s = (Math.PI / 2) * Math.sinh(t);
    const p = 1 / (1 + Math.exp(-2 * s));
    const q = 1 / (1 + Math.exp(2 * s));
    if (p === 0 || q === 0) continue;
    const weight = ((Math.PI / 2) * Math.cosh(t)) / (2 * Math.cosh(s) ** 2);
    sum += weight * f(p, q);
  }
  return sum * h;
}

/** The beta(a, b) density of the drop-out probability, in logs. */
const lnBetaDensity = ({ a, b }: BgNbdParams, p: number, q: number) =>
  (a - 1) * Math.log(p) + (b - 1) * Math.log(q) - (gammaln(a) + gammaln(b) - gammaln(a + b));

/**
 * E[X(t)] of a new customer: given rate lambda and drop-out p, (1 - e^(-lambda p t)) / p purchases; over
 * the gamma(r, alpha) rates, E[e^(-lambda p t)] = (alpha / (alpha + p t))^r; then over p, numerically.
 */
function unconditionalByIntegration(m: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  return integrate01(
    (p, q) => (-Math.expm1(-m.r * Math.log1p((p * t) / m.alpha)) / p) * Math.exp(lnBetaDensity(m, p, q)),
  );
}

/**
 * E[purchases in (T, T+t] | x, t_x, T] and P(alive at T | x, t_x, T) from the joint posterior of the rate
 * and p: the rate integrated out in closed form, every term scaled by (alpha + T)^(r + x), p numerically.
 */
function posteriorByIntegration(m: BgNbdParams, t: number, x: number, tx: number, T: number) {
  const k = m.r + x;
  const leftRatio = Math.exp(k * Math.log((m.alpha + T) / (m.alpha + tx)));
  const alive = (p: number, q: number) => Math.exp(x * Math.log(q) + lnBetaDensity(m, p, q));
  const left = (p: number, q: number) =>
    x > 0 ? Math.exp(Math.log(p) + (x - 1) * Math.log(q) + lnBetaDensity(m, p, q)) * leftRatio : 0;
  const evidence = integrate01((p, q) => alive(p, q) + left(p, q));
  const coming = integrate01((p, q) => (alive(p, q) * -Math.expm1(-k * Math.log1p((p * t) / (m.alpha + T)))) / p);
  return { expected: coming / evidence, alive: integrate01(alive) / evidence };
}

const summary = holdoutSummary(purchases, CALIBRATION_END, HOLDOUT_END, 'week');

/** The reference bins 0..6 and 7+: customers, mean holdout purchases made and expected. */
function referenceBins(m: BgNbdParams) {
  const bins = Array.from({ length: 8 }, () => ({ customers: 0, actual: 0, expected: 0 }));
  // the expectation depends on (x, t_x, T) alone: integrate once per distinct history
  const cache = new Map<string, number>();
  for (const c of reference) {
    const key = `${c.x}|${c.tx}|${c.T}`;
    let e = cache.get(key);
    if (e === undefined) cache.set(key, (e = posteriorByIntegration(m, HOLDOUT_WEEKS, c.x, c.tx, c.T).expected));
    const bin = bins[Math.min(c.x, 7)]!;
    bin.customers++;
    bin.actual += c.holdout;
    bin.expected += e;
  }
  return bins.map((b) => ({
    customers: b.customers,
    actual: b.actual / b.customers,
    expected: b.expected / b.customers,
  }));
}

/** The cohort's expected cumulative repeat purchases by the end of day `end`, by integration. */
function referenceCumulative(m: BgNbdParams, end: number): number {
  const born = new Map<number, number>();
  for (const c of reference) born.set(c.first, (born.get(c.first) ?? 0) + 1);
  let sum = 0;
  for (const [first, customers] of born) sum += customers * unconditionalByIntegration(m, (end - first) / 7);
  return sum;
}

const referenceActualBy = (end: number) =>
  reference.reduce((sum, c) => sum + c.days.filter((d) => d > c.first && d <= end).length, 0);

// ---------------------------------------------------------------------------------------------

describe('the reference itself', () => {
  it('integrates to the closed forms it stands in for at the published CDNOW figures', () => {
    // the beta density integrates to 1 despite its singularity at 0
    expect(integrate01((p, q) => Math.exp(lnBetaDensity(published, p, q)))).toBeCloseTo(1, 10);
    // the published conditional expectation of the x = 2, t_x = 30.43, T = 38.86 customer
    expect(posteriorByIntegration(published, 39, 2, 30.43, 38.86).expected).toBeCloseTo(1.226, 3);
  });
});

describe('holdoutSummary', () => {
  it('summarises the CDNOW sample as the published summary, and counts the holdout as the raw file says', () => {
    const published = fixture('cdnow_customers_summary_with_transactions.csv')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').map(Number) as [number, number, number, number, number]);
    expect(summary.customers).toHaveLength(2357);
    const row = new Map(summary.customers.map((c, i) => [Number(c), i]));
    for (const [id, x, tx, T] of published) {
      const i = row.get(id)!;
      expect([summary.x[i], Number(summary.tx[i]!.toFixed(2)), Number(summary.T[i]!.toFixed(2))]).toEqual([x, tx, T]);
    }
    const ids = [...purchaseDays().keys()];
    summary.customers.forEach((customer, i) => {
      const c = reference[ids.indexOf(customer)]!;
      expect(summary.holdout[i]).toBe(c.holdout);
    });
    expect(summary.cohort.start).toBe('1997-01-01');
    const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
    expect(sum(summary.cohort.firstPurchases)).toBe(2357);
    expect(sum(summary.cohort.repeatPurchases)).toBe(referenceActualBy(holdoutDay));
  });

  it('leaves out customers first buying in the holdout and purchases after it, and merges same-day ones', () => {
    const s = holdoutSummary(
      [
        { customer: 'a', day: '2024-01-01' },
        { customer: 'a', day: '2024-01-01' },
        { customer: 'a', day: '2024-01-08' },
        { customer: 'a', day: '2024-01-20' },
        { customer: 'a', day: '2024-02-20' },
        { customer: 'b', day: '2024-01-05' },
        { customer: 'late', day: '2024-01-16' },
      ],
      '2024-01-14',
      '2024-01-31',
      'day',
    );
    expect(s.customers).toEqual(['a', 'b']);
    expect(Array.from(s.x)).toEqual([1, 0]);
    expect(Array.from(s.tx)).toEqual([7, 0]);
    expect(Array.from(s.T)).toEqual([13, 9]);
    expect(Array.from(s.holdout)).toEqual([1, 0]);
    expect(s.cohort.start).toBe('2024-01-01');
    expect(s.cohort.firstPurchases).toHaveLength(31);
    expect(Array.from(s.cohort.repeatPurchases).reduce((a, b) => a + b)).toBe(2);
  });
});

describe('calibration vs holdout (Fader, Hardie & Lee 2005, figure 4)', () => {
  const diagnosis = calibrationVsHoldout(published, summary, HOLDOUT_WEEKS);
  const expectedBins = referenceBins(published);

  it('groups the CDNOW customers by calibration repeat purchases 0..6 and 7+ with their holdout purchases', () => {
    expect(diagnosis.bins.map((b) => b.frequency)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(diagnosis.bins.map((b) => b.orMore)).toEqual([false, false, false, false, false, false, false, true]);
    expect(diagnosis.bins.map((b) => b.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(diagnosis.bins.map((b) => b.customers)).toEqual(expectedBins.map((b) => b.customers));
    diagnosis.bins.forEach((b, k) => expect(b.actual).toBeCloseTo(expectedBins[k]!.actual, 12));
    // the one-time buyers of the calibration made 0.24 repeat purchases each in the holdout
    expect(diagnosis.bins[0]!.actual!.toFixed(3)).toBe('0.237');
    expect(diagnosis.customers).toBe(2357);
    expect(diagnosis.actual).toBe(1882);
    expect(diagnosis.holdoutLength).toBe(39);
  });

  it('expects what the posterior integrated numerically expects, bin by bin', () => {
    diagnosis.bins.forEach((b, k) => {
      const want = expectedBins[k]!.expected;
      expect(Math.abs(b.expected! - want) / want).toBeLessThan(1e-7);
    });
    const total = expectedBins.reduce((s, b) => s + b.customers * b.expected, 0);
    expect(diagnosis.expected).toBeCloseTo(total, 4);
    expect(Math.round(diagnosis.expected)).toBe(1654);
  });

  it('moves when a parameter moves: 10% more r and every bin is off the reference', () => {
    const moved = calibrationVsHoldout({ ...published, r: published.r * 1.1 }, summary, HOLDOUT_WEEKS);
    moved.bins.forEach((b, k) => {
      const want = expectedBins[k]!.expected;
      expect(Math.abs(b.expected! - want) / want).toBeGreaterThan(1e-3);
    });
    // the actual purchases are the data's, whatever the model
    expect(moved.bins.map((b) => b.actual)).toEqual(diagnosis.bins.map((b) => b.actual));
  });

  it('gives empty bins no means, and refuses a holdout of no length', () => {
    const one: HoldoutData = { x: [0, 2], tx: [0, 3], T: [5, 5], holdout: [1, 0] };
    const d = calibrationVsHoldout(published, one, 4, 3);
    expect(d.bins.map((b) => b.customers)).toEqual([1, 0, 1, 0]);
    expect(d.bins[1]).toMatchObject({ actual: null, expected: null });
    expect(d.bins[3]).toMatchObject({ frequency: 3, orMore: true, actual: null });
    expect(() => calibrationVsHoldout(published, one, 0)).toThrow(RangeError);
    expect(() => calibrationVsHoldout(published, { ...one, holdout: [1] }, 4)).toThrow(RangeError);
  });

  it('weights rows as that many customers', () => {
    const rows: HoldoutData = { x: [0, 2], tx: [0, 3], T: [5, 5], holdout: [1, 4], weight: [3, 1] };
    const spread: HoldoutData = { x: [0, 0, 0, 2], tx: [0, 0, 0, 3], T: [5, 5, 5, 5], holdout: [1, 1, 1, 4] };
    expect(calibrationVsHoldout(published, rows, 4)).toEqual(calibrationVsHoldout(published, spread, 4));
  });
});

describe('tracking (Fader, Hardie & Lee 2005, figures 2 and 3)', () => {
  const weeks = purchaseTracking(published, summary.cohort, {
    calibrationEnd: CALIBRATION_END,
    holdoutEnd: HOLDOUT_END,
    unitDays: 7,
  });

  it('lays 78 weeks, 39 of calibration ending on its last day, and counts the repeat purchases made', () => {
    expect(weeks).toHaveLength(78);
    expect(weeks[0]).toMatchObject({ start: '1997-01-01', end: '1997-01-07', holdout: false });
    expect(weeks[38]).toMatchObject({ start: '1997-09-24', end: CALIBRATION_END, holdout: false });
    expect(weeks[39]).toMatchObject({ start: '1997-10-01', holdout: true });
    expect(weeks[77]).toMatchObject({ end: HOLDOUT_END, holdout: true });
    // by the calibration end, the sum of x; by the holdout end, every repeat purchase day of the cohort
    expect(weeks[38]!.cumulativeActual).toBe(Array.from(summary.x).reduce((a, b) => a + b, 0));
    expect(weeks[38]!.cumulativeActual).toBe(referenceActualBy(calibrationDay));
    expect(weeks[38]!.cumulativeActual).toBe(2457);
    expect(weeks[77]!.cumulativeActual).toBe(referenceActualBy(holdoutDay));
    expect(weeks[77]!.cumulativeActual).toBe(4339);
    for (const k of [0, 10, 40, 77]) {
      const end = dayIndex(weeks[k]!.end);
      expect(weeks[k]!.actual).toBe(referenceActualBy(end) - referenceActualBy(end - 7));
    }
  });

  it('expects the sum of the customers’ E[X(t)] since their first purchase, as integrated numerically', () => {
    for (const k of [0, 12, 38, 39, 77]) {
      const want = referenceCumulative(published, dayIndex(weeks[k]!.end));
      expect(Math.abs(weeks[k]!.cumulativeExpected - want) / want).toBeLessThan(1e-7);
    }
    // 2,498 expected by week 39 against 2,457 made; 4,166 by week 78 against 4,339
    expect(Math.round(weeks[38]!.cumulativeExpected)).toBe(2498);
    expect(Math.round(weeks[77]!.cumulativeExpected)).toBe(4166);
    // the incremental figures add up to the cumulative ones
    let sum = 0;
    for (const w of weeks) {
      sum += w.expected;
      expect(w.cumulativeExpected).toBeCloseTo(sum, 8);
      expect(w.expected).toBeGreaterThan(0);
    }
  });

  it('moves when a parameter moves: 10% more alpha and the week-78 total is off the reference', () => {
    const moved = purchaseTracking({ ...published, alpha: published.alpha * 1.1 }, summary.cohort, {
      calibrationEnd: CALIBRATION_END,
      holdoutEnd: HOLDOUT_END,
      unitDays: 7,
    });
    const want = referenceCumulative(published, holdoutDay);
    expect(Math.abs(moved[77]!.cumulativeExpected - want) / want).toBeGreaterThan(0.01);
    expect(moved.map((w) => w.actual)).toEqual(weeks.map((w) => w.actual));
  });

  it('tracks day by day to the same totals with the model in days', () => {
    const days = purchaseTracking({ ...published, alpha: published.alpha * 7 }, summary.cohort, {
      calibrationEnd: CALIBRATION_END,
      holdoutEnd: HOLDOUT_END,
      unitDays: 1,
    });
    expect(days).toHaveLength(546);
    expect(days[272]).toMatchObject({ end: CALIBRATION_END, holdout: false });
    expect(days[545]!.cumulativeActual).toBe(weeks[77]!.cumulativeActual);
    expect(days[545]!.cumulativeExpected).toBeCloseTo(weeks[77]!.cumulativeExpected, 8);
    expect(days[272]!.cumulativeExpected).toBeCloseTo(weeks[38]!.cumulativeExpected, 8);
  });

  it('starts the first period before the first purchase so one ends on the calibration end, and shortens the last', () => {
    const cohort = {
      start: '2024-01-03',
      firstPurchases: new Array(30).fill(0),
      repeatPurchases: new Array(30).fill(0),
    };
    cohort.firstPurchases[0] = 2;
    cohort.repeatPurchases[20] = 1;
    const periods = purchaseTracking(published, cohort, {
      calibrationEnd: '2024-01-14',
      holdoutEnd: '2024-02-01',
      unitDays: 7,
    });
    expect(periods.map((p) => [p.start, p.end, p.holdout])).toEqual([
      ['2024-01-01', '2024-01-07', false],
      ['2024-01-08', '2024-01-14', false],
      ['2024-01-15', '2024-01-21', true],
      ['2024-01-22', '2024-01-28', true],
      ['2024-01-29', '2024-02-01', true],
    ]);
    expect(periods.map((p) => p.actual)).toEqual([0, 0, 0, 1, 0]);
    expect(periods[4]!.cumulativeExpected).toBeCloseTo(2 * unconditionalByIntegration(published, 29 / 7), 7);
    expect(() =>
      purchaseTracking(published, cohort, { calibrationEnd: '2024-01-14', holdoutEnd: '2024-03-01', unitDays: 7 }),
    ).toThrow(RangeError);
    expect(() =>
      purchaseTracking(published, cohort, { calibrationEnd: '2024-01-14', holdoutEnd: '2024-01-10', unitDays: 7 }),
    ).toThrow(RangeError);
  });
});

describe('frequency/recency matrix', () => {
  const matrix = frequencyRecencyMatrix(published, summary);

  it('spans frequency 0..max x and recency 0..T on at most 25 points a side, counting every customer', () => {
    const maxX = Math.max(...reference.map((c) => c.x));
    const T = Math.max(...reference.map((c) => c.T));
    expect(matrix.T).toBe(T);
    expect(matrix.T).toBeCloseTo(272 / 7, 12);
    expect(matrix.horizon).toBe(1);
    expect(matrix.frequencies).toHaveLength(25);
    expect(matrix.frequencies[0]).toBe(0);
    expect(matrix.frequencies[24]).toBe(maxX);
    expect(new Set(matrix.frequencies).size).toBe(25);
    expect(matrix.recencies).toHaveLength(25);
    expect(matrix.recencies[0]).toBe(0);
    expect(matrix.recencies[24]).toBeCloseTo(T, 12);
    expect(matrix.cells).toHaveLength(625);
    expect(matrix.cells.reduce((s, c) => s + c.customers, 0)).toBe(2357);
    expect(matrix.cells[0]).toMatchObject({ frequency: 0, recency: 0, customers: 1411, probabilityAlive: 1 });
  });

  it('evaluates each cell as the posterior integrated numerically does, and moves with the parameters', () => {
    const moved = frequencyRecencyMatrix({ ...published, b: published.b * 1.1 }, summary);
    for (const [f, r] of [
      [1, 24],
      [3, 5],
      [12, 20],
      [24, 24],
      [24, 3],
    ] as const) {
      const cell = matrix.cells[f * 25 + r]!;
      expect([cell.frequency, cell.recency]).toEqual([matrix.frequencies[f], matrix.recencies[r]]);
      const want = posteriorByIntegration(published, 1, cell.frequency, cell.recency, matrix.T);
      expect(Math.abs(cell.probabilityAlive! - want.alive)).toBeLessThan(1e-8);
      expect(Math.abs(cell.expectedPurchases! - want.expected) / want.expected).toBeLessThan(1e-6);
      // 1,000 times the tolerance above (the frequent buyer long silent is as good as gone under either)
      const shifted = moved.cells[f * 25 + r]!;
      if (want.alive > 0.01) expect(Math.abs(shifted.probabilityAlive! - want.alive)).toBeGreaterThan(1e-5);
    }
  });

  it('has no values where no history can be (no repeats, yet a last purchase after the first)', () => {
    for (const cell of matrix.cells.filter((c) => c.frequency === 0 && c.recency > 0)) {
      expect(cell).toMatchObject({ customers: 0, expectedPurchases: null, probabilityAlive: null });
    }
  });

  it('is more likely alive the more recent the last purchase, for any frequency', () => {
    for (let f = 1; f < 25; f++) {
      const row = matrix.cells.slice(f * 25, f * 25 + 25).map((c) => c.probabilityAlive!);
      for (let r = 1; r < 25; r++) expect(row[r]).toBeGreaterThan(row[r - 1]!);
    }
  });

  it('keeps every whole frequency and time unit when they fit', () => {
    const few = { x: [0, 3, 1], tx: [0, 4, 1], T: [2, 6, 5] };
    const small = frequencyRecencyMatrix(published, few, { horizon: 4 });
    expect(small.frequencies).toEqual([0, 1, 2, 3]);
    expect(small.recencies).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(small.horizon).toBe(4);
    expect(small.cells.find((c) => c.frequency === 3 && c.recency === 4)!.customers).toBe(1);
    expect(small.cells.find((c) => c.frequency === 1 && c.recency === 1)!.customers).toBe(1);
    const lone = frequencyRecencyMatrix(published, { x: [0], tx: [0], T: [0] });
    expect(lone.recencies).toEqual([0]);
    expect(lone.frequencies).toEqual([0]);
    expect(() => frequencyRecencyMatrix(published, few, { horizon: 0 })).toThrow(RangeError);
  });
});
