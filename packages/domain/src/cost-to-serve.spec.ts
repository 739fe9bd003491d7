import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ActivityCounts,
  type ActivityRates,
  costToServe,
  customerProfit,
  median,
  profitabilityQuadrant,
  quadrantNames,
  quadrantTreatments,
  whaleCurve,
  zeroRates,
} from './cost-to-serve.ts';

const rates: ActivityRates = {
  perOrder: 10,
  perOrderLine: 1,
  perDelivery: 20,
  perExpeditedDelivery: 15,
  perReturn: 8,
  perServiceCase: 30,
  perActivity: { site_visit: 200, edi_setup: 500 },
};
const counts: ActivityCounts = {
  orders: 4,
  orderLines: 12,
  deliveries: 5,
  expeditedDeliveries: 2,
  returns: 1,
  serviceCases: 2,
  activities: { site_visit: 1, unknown_code: 7 },
};

describe('costToServe', () => {
  it('charges each activity at its rate, expedited deliveries as delivery plus surcharge', () => {
    // 4*10 + 12*1 + 5*20 + 2*15 + 1*8 + 2*30 + 1*200 (unknown_code costs nothing)
    expect(costToServe(rates, counts)).toBe(40 + 12 + 100 + 30 + 8 + 60 + 200);
    const one = { ...counts, orders: 0, orderLines: 0, returns: 0, serviceCases: 0, activities: {} };
    expect(costToServe(rates, { ...one, deliveries: 1, expeditedDeliveries: 1 })).toBe(20 + 15);
  });

  it('costs nothing at zero rates, and nothing for unpriced or inherited activity codes', () => {
    expect(costToServe(zeroRates, counts)).toBe(0);
    expect(costToServe(rates, { ...counts, activities: { toString: 3, constructor: 1 } })).toBe(250);
  });
});

describe('customerProfit', () => {
  it('takes cost of goods off for the margin, cost to serve off for profit', () => {
    expect(customerProfit({ netRevenue: 1000, costOfGoods: 600, costToServe: 150 })).toEqual({
      netMargin: 400,
      netMarginPct: 40,
      profit: 250,
    });
  });

  it('has no margin percentage without positive revenue', () => {
    expect(customerProfit({ netRevenue: 0, costOfGoods: 0, costToServe: 50 })).toEqual({
      netMargin: 0,
      netMarginPct: null,
      profit: -50,
    });
    expect(customerProfit({ netRevenue: -20, costOfGoods: 0, costToServe: 0 }).netMarginPct).toBeNull();
  });
});

describe('whaleCurve', () => {
  it('ranks most profitable first and reads off the peak and the top 20%', () => {
    const curve = whaleCurve([-10, 50, 30, -20, 0, 20, 10, 5, -5, 20]);
    expect(curve.customers).toBe(10);
    expect(curve.totalProfit).toBe(100);
    expect(curve.lossMakers).toBe(3);
    // 50 + 30 of 100 from the top two of ten customers.
    expect(curve.top20ProfitShare).toBeCloseTo(0.8, 12);
    // Cumulative profit peaks at 135 after the six profitable customers.
    expect(curve.peak).toEqual({ customerShare: 0.6, profitShare: 1.35 });
    expect(curve.points).toHaveLength(11);
    expect(curve.points[0]).toEqual({ customerShare: 0, profitShare: 0 });
    expect(curve.points[1]).toEqual({ customerShare: 0.1, profitShare: 0.5 });
    expect(curve.points.at(-1)).toEqual({ customerShare: 1, profitShare: 1 });
  });

  it('interpolates the top 20% between customers', () => {
    // Two customers: the top 20% is 0.4 of the first.
    expect(whaleCurve([30, 10]).top20ProfitShare).toBeCloseTo(0.3, 12);
  });

  it('ends at (1, 1), rises to the peak and falls after it, for any data with non-zero total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 500 }),
        fc.integer({ min: 3, max: 60 }),
        (profits, maxPoints) => {
          const total = profits.reduce((a, b) => a + b, 0);
          fc.pre(total !== 0);
          const curve = whaleCurve(profits, maxPoints);
          const { points, peak } = curve;
          expect(points.length).toBeLessThanOrEqual(maxPoints);
          expect(points[0]).toEqual({ customerShare: 0, profitShare: 0 });
          expect(points.at(-1)).toEqual({ customerShare: 1, profitShare: 1 });
          expect(points).toContainEqual(peak);
          for (let i = 1; i < points.length; i++) {
            expect(points[i]!.customerShare).toBeGreaterThan(points[i - 1]!.customerShare);
          }
          if (total > 0) {
            for (let i = 1; i < points.length; i++) {
              const rising = points[i]!.customerShare <= peak.customerShare;
              if (rising) expect(points[i]!.profitShare).toBeGreaterThanOrEqual(points[i - 1]!.profitShare);
              else expect(points[i]!.profitShare).toBeLessThanOrEqual(points[i - 1]!.profitShare);
            }
            expect(peak.profitShare).toBe(Math.max(...points.map((p) => p.profitShare)));
          }
        },
      ),
    );
  });

  it('downsamples evenly over customers and keeps the peak', () => {
    const profits = Array.from({ length: 1000 }, (_, i) => (i < 333 ? 10 : -1));
    const curve = whaleCurve(profits);
    expect(curve.points).toHaveLength(101);
    expect(curve.peak.customerShare).toBe(0.333);
    expect(curve.points).toContainEqual(curve.peak);
    expect(curve.points[50]!.customerShare).toBe(0.5);
  });

  it('defines the degenerate cases', () => {
    expect(whaleCurve([])).toEqual({
      points: [{ customerShare: 0, profitShare: 0 }],
      totalProfit: 0,
      customers: 0,
      top20ProfitShare: null,
      lossMakers: 0,
      peak: { customerShare: 0, profitShare: 0 },
    });
    const zero = whaleCurve([5, -5]);
    expect(zero.points.map((p) => p.profitShare)).toEqual([0, 0, 0]);
    expect(zero.top20ProfitShare).toBeNull();
    // All loss makers: the peak is at the start and shares are of a negative total.
    const losses = whaleCurve([-1, -3]);
    expect(losses.peak).toEqual({ customerShare: 0, profitShare: 0 });
    expect(losses.points.at(-1)).toEqual({ customerShare: 1, profitShare: 1 });
    expect(() => whaleCurve([1], 2)).toThrow(RangeError);
    expect(() => whaleCurve([1, NaN])).toThrow(RangeError);
  });
});

describe('median', () => {
  it('is the middle value or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([3])).toBe(3);
    expect(median([5, 1, 3])).toBe(3);
    expect(median(new Float64Array([4, 1, 3, 2]))).toBe(2.5);
    expect(median([-10, 100, 0, 1])).toBe(0.5);
  });
});

describe('profitabilityQuadrant', () => {
  const thresholds = { netMarginPct: 30, costToServe: 100 };

  it('places customers in the four quadrants: a margin at the threshold is high, a cost at it is not', () => {
    expect(profitabilityQuadrant(40, 50, thresholds)).toBe('passive');
    expect(profitabilityQuadrant(30, 100.01, thresholds)).toBe('carriage_trade');
    expect(profitabilityQuadrant(30, 100, thresholds)).toBe('passive');
    // nothing costs anything to serve: the median is 0 and nobody is high cost
    expect(profitabilityQuadrant(10, 0, { netMarginPct: 30, costToServe: 0 })).toBe('bargain_basement');
    expect(profitabilityQuadrant(29.99, 99.99, thresholds)).toBe('bargain_basement');
    expect(profitabilityQuadrant(10, 500, thresholds)).toBe('aggressive');
    expect(profitabilityQuadrant(null, 500, thresholds)).toBeNull();
  });

  it('describes every quadrant', () => {
    expect(Object.keys(quadrantTreatments).sort()).toEqual([...quadrantNames].sort());
    for (const q of quadrantNames) {
      expect(quadrantTreatments[q].label).not.toBe('');
      expect(quadrantTreatments[q].treatment).not.toBe('');
    }
    expect(quadrantTreatments.aggressive.treatment).toMatch(/last resort/);
  });
});
