import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chainFacts,
  defaultJointTemplate,
  emptyFacts,
  libraryMeasure,
  libraryMeasures,
  type MeasureSettings,
  measureStatus,
  type PeriodFacts,
  perspectives,
  rollUp,
  scoreMeasure,
  type ScoredMeasure,
  scoreStatus,
  trend,
  validateMeasureSettings,
} from './scorecard.ts';

const onTime: MeasureSettings = { direction: 'higher', target: 0.95, green: 0.95, red: 0.85, weight: 1 };
const returns: MeasureSettings = { direction: 'lower', target: 0.05, green: 0.05, red: 0.1, weight: 1 };

describe('scoreMeasure', () => {
  it('scores higher-is-better linearly from red (0) to target (10), clamped', () => {
    expect(scoreMeasure(0.9, onTime)).toBeCloseTo(5, 12);
    expect(scoreMeasure(0.88, onTime)).toBeCloseTo(3, 12);
    expect(scoreMeasure(0.85, onTime)).toBe(0);
    expect(scoreMeasure(0.5, onTime)).toBe(0);
    expect(scoreMeasure(0.95, onTime)).toBeCloseTo(10, 12);
    expect(scoreMeasure(1, onTime)).toBe(10);
  });

  it('scores lower-is-better from red down to target', () => {
    // 10 * (0.10 - 0.07) / (0.10 - 0.05)
    expect(scoreMeasure(0.07, returns)).toBeCloseTo(6, 12);
    expect(scoreMeasure(0.09, returns)).toBeCloseTo(2, 12);
    expect(scoreMeasure(0.1, returns)).toBe(0);
    expect(scoreMeasure(0.3, returns)).toBe(0);
    expect(scoreMeasure(0.02, returns)).toBe(10);
    expect(scoreMeasure(0, returns)).toBe(10);
  });

  it('scores a target equal to red as a pass/fail step', () => {
    const higher: MeasureSettings = { direction: 'higher', target: 5, green: 5, red: 5, weight: 1 };
    expect(scoreMeasure(5, higher)).toBe(10);
    expect(scoreMeasure(6, higher)).toBe(10);
    expect(scoreMeasure(4.99, higher)).toBe(0);
    const lower: MeasureSettings = { direction: 'lower', target: 2, green: 2, red: 2, weight: 1 };
    expect(scoreMeasure(2, lower)).toBe(10);
    expect(scoreMeasure(1, lower)).toBe(10);
    expect(scoreMeasure(2.01, lower)).toBe(0);
  });

  it('does not invert the scale for an (invalid) target beyond red', () => {
    const inverted: MeasureSettings = { direction: 'higher', target: 1, green: 3, red: 3, weight: 1 };
    expect(scoreMeasure(0, inverted)).toBe(0);
    expect(scoreMeasure(2, inverted)).toBe(10);
  });

  it('gives no score for a missing actual, null or NaN', () => {
    expect(scoreMeasure(null, onTime)).toBeNull();
    expect(scoreMeasure(Number.NaN, onTime)).toBeNull();
    expect(scoreMeasure(Number.NaN, returns)).toBeNull();
    // A real zero is a value, not missing.
    expect(scoreMeasure(0, onTime)).toBe(0);
  });

  it('stays within 0-10 and never scores a better actual lower, for any valid settings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'higher' | 'lower'>('higher', 'lower'),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: -2e6, max: 2e6, noNaN: true }),
        fc.double({ min: -2e6, max: 2e6, noNaN: true }),
        (direction, red, width, a, b) => {
          const target = direction === 'higher' ? red + width : red - width;
          const s: MeasureSettings = { direction, target, green: target, red, weight: 1 };
          const sa = scoreMeasure(a, s)!;
          const sb = scoreMeasure(b, s)!;
          expect(sa).toBeGreaterThanOrEqual(0);
          expect(sa).toBeLessThanOrEqual(10);
          const aBetter = direction === 'higher' ? a > b : a < b;
          if (aBetter) expect(sa).toBeGreaterThanOrEqual(sb);
        },
      ),
    );
  });
});

describe('measureStatus', () => {
  it('reads higher-is-better thresholds inclusively', () => {
    expect(measureStatus(0.97, onTime)).toBe('green');
    expect(measureStatus(0.95, onTime)).toBe('green');
    expect(measureStatus(0.9, onTime)).toBe('amber');
    expect(measureStatus(0.85, onTime)).toBe('red');
    expect(measureStatus(0.5, onTime)).toBe('red');
  });

  it('reads lower-is-better thresholds the other way round', () => {
    expect(measureStatus(0.02, returns)).toBe('green');
    expect(measureStatus(0.05, returns)).toBe('green');
    expect(measureStatus(0.07, returns)).toBe('amber');
    expect(measureStatus(0.1, returns)).toBe('red');
    expect(measureStatus(0.4, returns)).toBe('red');
  });

  it('calls meeting coinciding green and red thresholds green', () => {
    const higher: MeasureSettings = { direction: 'higher', target: 5, green: 5, red: 5, weight: 1 };
    expect(measureStatus(5, higher)).toBe('green');
    expect(measureStatus(4, higher)).toBe('red');
    const lower: MeasureSettings = { direction: 'lower', target: 5, green: 5, red: 5, weight: 1 };
    expect(measureStatus(5, lower)).toBe('green');
    expect(measureStatus(6, lower)).toBe('red');
  });

  it('is missing without an actual', () => {
    expect(measureStatus(null, onTime)).toBe('missing');
    expect(measureStatus(Number.NaN, returns)).toBe('missing');
  });
});

describe('validateMeasureSettings', () => {
  const paths = (s: MeasureSettings): string[] => validateMeasureSettings(s).map((p) => p.path);

  it('accepts sound settings, a target equal to red and a weight of 0', () => {
    expect(validateMeasureSettings(onTime)).toEqual([]);
    expect(validateMeasureSettings(returns)).toEqual([]);
    expect(validateMeasureSettings({ direction: 'higher', target: 0, green: 0, red: 0, weight: 0 })).toEqual([]);
    // A target short of green is allowed: green may be stricter than the target.
    expect(validateMeasureSettings({ ...onTime, target: 0.9 })).toEqual([]);
  });

  it('reports non-finite numbers at their path', () => {
    expect(paths({ ...onTime, target: Number.NaN })).toEqual(['/target']);
    expect(paths({ ...onTime, green: Number.POSITIVE_INFINITY })).toEqual(['/green']);
    expect(paths({ ...onTime, red: Number.NEGATIVE_INFINITY })).toEqual(['/red']);
    expect(paths({ ...onTime, weight: Number.NaN })).toEqual(['/weight']);
    expect(paths({ ...onTime, target: Number.NaN, weight: Number.NaN })).toEqual(['/target', '/weight']);
  });

  it('reports a negative weight', () => {
    const problems = validateMeasureSettings({ ...onTime, weight: -1 });
    expect(problems).toEqual([{ path: '/weight', message: expect.stringContaining('negative') as unknown }]);
  });

  it('reports thresholds in the wrong order for the direction', () => {
    // Higher is better: red above green.
    expect(paths({ direction: 'higher', target: 0.95, green: 0.8, red: 0.85, weight: 1 })).toEqual(['/green']);
    // Lower is better: red below green.
    expect(paths({ direction: 'lower', target: 0.05, green: 0.1, red: 0.08, weight: 1 })).toEqual(['/green']);
    // The same numbers are fine in the other direction.
    expect(paths({ direction: 'lower', target: 0.8, green: 0.8, red: 0.85, weight: 1 })).toEqual([]);
  });

  it('reports a target on the red side of the red threshold', () => {
    expect(paths({ direction: 'higher', target: 0.8, green: 0.95, red: 0.85, weight: 1 })).toEqual(['/target']);
    expect(paths({ direction: 'lower', target: 0.12, green: 0.05, red: 0.1, weight: 1 })).toEqual(['/target']);
  });

  it('reports an unknown direction', () => {
    expect(paths({ ...onTime, direction: 'up' as never })).toEqual(['/direction']);
  });
});

describe('scoreStatus', () => {
  it('bands scores in thirds', () => {
    expect(scoreStatus(10)).toBe('green');
    expect(scoreStatus(6.67)).toBe('green');
    expect(scoreStatus(6.66)).toBe('amber');
    expect(scoreStatus(3.33)).toBe('amber');
    expect(scoreStatus(3.32)).toBe('red');
    expect(scoreStatus(0)).toBe('red');
    expect(scoreStatus(null)).toBe('missing');
  });
});

describe('rollUp', () => {
  const measures: ScoredMeasure[] = [
    { perspective: 'financial', score: 8, weight: 2 },
    { perspective: 'financial', score: 5, weight: 1 },
    { perspective: 'financial', score: null, weight: 3 },
    { perspective: 'financial', score: 0, weight: 0 },
    { perspective: 'customer', score: 4, weight: 1 },
    { perspective: 'customer', score: 6, weight: 1 },
    { perspective: 'internal_process', score: 2, weight: 1 },
    { perspective: 'learning_growth', score: null, weight: 1 },
  ];

  it('takes weighted means, leaving missing and weight-0 measures out', () => {
    const r = rollUp(measures);
    // (8*2 + 5*1) / 3; counting the missing one as 0 would give 21 / 6 = 3.5.
    expect(r.perspectives.financial).toEqual({ score: 7, status: 'green', measures: 4, scored: 3, weight: 3 });
    expect(r.perspectives.customer).toEqual({ score: 5, status: 'amber', measures: 2, scored: 2, weight: 2 });
    expect(r.perspectives.internal_process).toEqual({ score: 2, status: 'red', measures: 1, scored: 1, weight: 1 });
    // (7 + 5 + 2) / 3: the two perspectives without a score are left out, not counted as 0.
    expect(r.score).toBeCloseTo(14 / 3, 12);
    expect(r.status).toBe('amber');
  });

  it('gives a perspective without measures, or with all missing, no score while the others roll up', () => {
    const r = rollUp(measures);
    expect(r.perspectives.learning_growth).toEqual({
      score: null,
      status: 'missing',
      measures: 1,
      scored: 0,
      weight: 0,
    });
    expect(r.perspectives.relationship).toEqual({ score: null, status: 'missing', measures: 0, scored: 0, weight: 0 });
    expect(Object.keys(r.perspectives)).toEqual([...perspectives]);
  });

  it('weights perspectives, defaulting to 1', () => {
    // (7*3 + 5*1 + 2*0) / 4; relationship's weight does not matter as it has no score.
    const r = rollUp(measures, { financial: 3, internal_process: 0, relationship: 10 });
    expect(r.score).toBeCloseTo(6.5, 12);
    expect(r.status).toBe('amber');
    expect(rollUp(measures, { customer: 1, financial: 1 }).score).toBeCloseTo(14 / 3, 12);
  });

  it('has no score when the weights sum to zero', () => {
    const zero = rollUp([
      { perspective: 'financial', score: 9, weight: 0 },
      { perspective: 'financial', score: 3, weight: 0 },
    ]);
    expect(zero.perspectives.financial).toEqual({ score: null, status: 'missing', measures: 2, scored: 2, weight: 0 });
    expect(zero.score).toBeNull();
    expect(zero.status).toBe('missing');

    const noPerspectiveWeight = rollUp(measures, Object.fromEntries(perspectives.map((p) => [p, 0])));
    expect(noPerspectiveWeight.score).toBeNull();
    expect(noPerspectiveWeight.status).toBe('missing');
    expect(noPerspectiveWeight.perspectives.financial.score).toBe(7);
  });

  it('has no score for no measures', () => {
    const r = rollUp([]);
    expect(r.score).toBeNull();
    for (const p of perspectives) expect(r.perspectives[p].score).toBeNull();
  });

  it('treats a NaN score as missing', () => {
    const r = rollUp([
      { perspective: 'customer', score: Number.NaN, weight: 1 },
      { perspective: 'customer', score: 9, weight: 1 },
    ]);
    expect(r.perspectives.customer).toEqual({ score: 9, status: 'green', measures: 2, scored: 1, weight: 1 });
    expect(r.score).toBe(9);
  });

  it('rejects negative weights and unknown perspectives', () => {
    expect(() => rollUp([{ perspective: 'customer', score: 5, weight: -1 }])).toThrow(RangeError);
    expect(() => rollUp(measures, { customer: Number.NaN })).toThrow(RangeError);
    expect(() => rollUp([{ perspective: 'people' as never, score: 5, weight: 1 }])).toThrow(/unknown perspective/);
  });
});

describe('trend', () => {
  it('judges the change by the direction', () => {
    expect(trend(5, 4, 'higher')).toEqual({ delta: 1, direction: 'better' });
    expect(trend(3, 4, 'higher')).toEqual({ delta: -1, direction: 'worse' });
    expect(trend(3, 4, 'lower')).toEqual({ delta: -1, direction: 'better' });
    expect(trend(5, 4, 'lower')).toEqual({ delta: 1, direction: 'worse' });
  });

  it('calls a change within 1e-9 relative the same', () => {
    expect(trend(0.1 + 0.2, 0.3, 'higher').direction).toBe('same');
    expect(trend(0, 0, 'lower')).toEqual({ delta: 0, direction: 'same' });
    expect(trend(1e6 + 1e-4, 1e6, 'higher').direction).toBe('same');
    expect(trend(1 + 1e-6, 1, 'higher').direction).toBe('better');
  });

  it('has no trend when either value is missing', () => {
    const none = { delta: null, direction: null };
    expect(trend(null, 4, 'higher')).toEqual(none);
    expect(trend(4, null, 'lower')).toEqual(none);
    expect(trend(Number.NaN, 4, 'higher')).toEqual(none);
    expect(trend(4, Number.NaN, 'higher')).toEqual(none);
  });
});

const facts: PeriodFacts = {
  revenue: 1200,
  previousRevenue: 1000,
  costOfGoods: 840,
  customerProfit: 150,
  top20ProfitShare: 1.8,
  customers: 90,
  previousCustomers: 80,
  retainedCustomers: 36,
  walletShare: 0.35,
  jointClv: 5000,
  salesLines: 400,
  returnLines: 12,
  shipmentsDelivered: 50,
  shipmentsOnTime: 46,
  delayDaysTotal: 15,
  casesOpened: 20,
  casesResolvedIn7Days: 17,
  satisfactionSum: 84,
  satisfactionCount: 20,
  hoursSinceLastBatch: 30,
  rowsReceived: 2000,
  rowsRejected: 10,
  insightsShared: 3,
  strategySignoffs: 2,
  strategyPartners: 5,
  surveyResponses: 4,
  surveyTrustSum: 15,
  surveyCommitmentSum: 14,
  surveySatisfactionSum: 13,
  surveyInformationSharingSum: 10,
};

const compute = (code: string, f: PeriodFacts): number | null => {
  const m = libraryMeasure(code);
  if (!m) throw new Error(`no library measure ${code}`);
  return m.compute(f);
};

describe('library measure inputs', () => {
  it('are all a measure reads: the same value from those facts alone', () => {
    for (const measure of libraryMeasures) {
      const only: PeriodFacts = { ...emptyFacts };
      for (const input of measure.inputs) only[input] = facts[input];
      expect(measure.compute(only), measure.code).toEqual(measure.compute(facts));
      expect(measure.inputs.length, measure.code).toBeGreaterThan(0);
    }
  });
});

describe('library measures', () => {
  it('computes each measure from the facts', () => {
    const expected: Record<string, number> = {
      revenue: 1200,
      revenue_growth: 0.2, // 1200 / 1000 - 1
      gross_margin_pct: 0.3, // (1200 - 840) / 1200
      customer_profit: 150,
      top20_profit_share: 1.8,
      retention_rate: 0.45, // 36 / 80
      share_of_wallet: 0.35,
      joint_clv: 5000,
      on_time_delivery_rate: 0.92, // 46 / 50
      avg_delivery_delay_days: 0.3, // 15 / 50
      returns_rate: 0.03, // 12 / 400
      cases_resolved_7d_rate: 0.85, // 17 / 20
      mean_satisfaction: 4.2, // 84 / 20
      feed_freshness_hours: 30,
      feed_completeness: 0.995, // 1 - 10 / 2000
      insights_shared: 3,
      strategy_signoffs: 0.4, // 2 of 5 partners
      relationship_trust: 3.75, // 15 / 4
      relationship_commitment: 3.5, // 14 / 4
      relationship_satisfaction: 3.25, // 13 / 4
      relationship_information_sharing: 2.5, // 10 / 4
    };
    expect(libraryMeasures.map((m) => m.code).sort()).toEqual(Object.keys(expected).sort());
    for (const [code, value] of Object.entries(expected)) {
      expect(compute(code, facts), code).toBeCloseTo(value, 12);
    }
  });

  it('gives null on a zero denominator', () => {
    const zeroDenominators: [string, Partial<PeriodFacts>][] = [
      ['revenue_growth', { previousRevenue: 0 }],
      ['revenue_growth', { previousRevenue: -50 }],
      ['gross_margin_pct', { revenue: 0 }],
      ['retention_rate', { previousCustomers: 0 }],
      ['on_time_delivery_rate', { shipmentsDelivered: 0 }],
      ['avg_delivery_delay_days', { shipmentsDelivered: 0 }],
      ['returns_rate', { salesLines: 0 }],
      ['cases_resolved_7d_rate', { casesOpened: 0 }],
      ['mean_satisfaction', { satisfactionCount: 0 }],
      ['feed_completeness', { rowsReceived: 0 }],
      ['strategy_signoffs', { strategyPartners: 0 }],
      ['relationship_trust', { surveyResponses: 0 }],
    ];
    for (const [code, change] of zeroDenominators) {
      expect(compute(code, { ...facts, ...change }), code).toBeNull();
    }
  });

  it('gives null, never 0, when an input is missing', () => {
    for (const m of libraryMeasures) expect(m.compute(emptyFacts), m.code).toBeNull();
    expect(compute('gross_margin_pct', { ...facts, costOfGoods: null })).toBeNull();
    expect(compute('revenue_growth', { ...facts, revenue: null })).toBeNull();
    expect(compute('returns_rate', { ...facts, returnLines: null })).toBeNull();
    expect(compute('strategy_signoffs', { ...facts, strategySignoffs: null })).toBeNull();
    expect(compute('strategy_signoffs', { ...facts, strategyPartners: null })).toBeNull();
    expect(compute('relationship_commitment', { ...facts, surveyResponses: null })).toBeNull();
  });

  it('gives 0 for a real zero', () => {
    expect(compute('returns_rate', { ...facts, returnLines: 0 })).toBe(0);
    expect(compute('insights_shared', { ...facts, insightsShared: 0 })).toBe(0);
    expect(compute('strategy_signoffs', { ...facts, strategySignoffs: 0 })).toBe(0);
    expect(compute('revenue_growth', { ...facts, revenue: 0 })).toBe(-1);
  });

  it('sorts measures into perspectives with their directions', () => {
    const byPerspective = Object.fromEntries(
      perspectives.map((p) => [
        p,
        libraryMeasures
          .filter((m) => m.perspective === p)
          .map((m) => m.code)
          .sort(),
      ]),
    );
    expect(byPerspective).toEqual({
      financial: ['customer_profit', 'gross_margin_pct', 'revenue', 'revenue_growth', 'top20_profit_share'],
      customer: ['joint_clv', 'mean_satisfaction', 'retention_rate', 'share_of_wallet'],
      internal_process: ['avg_delivery_delay_days', 'cases_resolved_7d_rate', 'on_time_delivery_rate', 'returns_rate'],
      learning_growth: ['feed_completeness', 'insights_shared'],
      relationship: [
        'feed_freshness_hours',
        'relationship_commitment',
        'relationship_information_sharing',
        'relationship_satisfaction',
        'relationship_trust',
        'strategy_signoffs',
      ],
    });
    const lower = libraryMeasures.filter((m) => m.direction === 'lower').map((m) => m.code);
    expect(lower.sort()).toEqual([
      'avg_delivery_delay_days',
      'feed_freshness_hours',
      'returns_rate',
      'top20_profit_share',
    ]);
  });

  it('looks measures up by code', () => {
    expect(libraryMeasure('returns_rate')?.unit).toBe('%');
    expect(libraryMeasure('nope')).toBeUndefined();
    expect(libraryMeasure('toString')).toBeUndefined();
  });
});

describe('chainFacts', () => {
  const a: PeriodFacts = {
    ...emptyFacts,
    revenue: 1000,
    shipmentsDelivered: 40,
    shipmentsOnTime: 38,
    hoursSinceLastBatch: 10,
    top20ProfitShare: 1.5,
    walletShare: 0.4,
    rowsReceived: 100,
  };
  const b: PeriodFacts = {
    ...emptyFacts,
    revenue: 500,
    shipmentsDelivered: 10,
    shipmentsOnTime: 5,
    hoursSinceLastBatch: 48,
    top20ProfitShare: 2.5,
    walletShare: 0.2,
    costOfGoods: 300,
  };

  it('sums counts and amounts, null only when every firm has none', () => {
    const chain = chainFacts([a, b, emptyFacts]);
    expect(chain.revenue).toBe(1500);
    expect(chain.shipmentsDelivered).toBe(50);
    expect(chain.shipmentsOnTime).toBe(43);
    expect(chain.costOfGoods).toBe(300);
    expect(chain.rowsReceived).toBe(100);
    expect(chain.casesOpened).toBeNull();
    expect(chain.insightsShared).toBeNull();
    // The chain's rate is pooled from the summed facts: 43 / 50, not the mean of 0.95 and 0.5.
    expect(compute('on_time_delivery_rate', chain)).toBeCloseTo(0.86, 12);
  });

  it('keeps a real zero of one firm', () => {
    expect(chainFacts([{ ...emptyFacts, insightsShared: 0 }, emptyFacts]).insightsShared).toBe(0);
  });

  it('takes the stalest feed', () => {
    expect(chainFacts([a, b]).hoursSinceLastBatch).toBe(48);
    expect(chainFacts([b, a, emptyFacts]).hoursSinceLastBatch).toBe(48);
  });

  it('keeps the non-summable shares only for a single firm', () => {
    const two = chainFacts([a, b]);
    expect(two.top20ProfitShare).toBeNull();
    expect(two.walletShare).toBeNull();
    const one = chainFacts([b]);
    expect(one.top20ProfitShare).toBe(2.5);
    expect(one.walletShare).toBe(0.2);
    expect(one).toEqual(b);
  });

  it('is empty for no firms and leaves its inputs alone', () => {
    expect(chainFacts([])).toEqual(emptyFacts);
    const before = { ...a };
    chainFacts([a, b]);
    expect(a).toEqual(before);
  });
});

describe('defaultJointTemplate', () => {
  const template = defaultJointTemplate();

  it('has every library measure, then the manual measure', () => {
    const codes = template.map((m) => m.code);
    expect(codes).toEqual([...libraryMeasures.map((m) => m.code), null]);
    for (const entry of template) {
      if (entry.code === null) continue;
      const m = libraryMeasure(entry.code)!;
      expect(entry.perspective, entry.code).toBe(m.perspective);
      expect(entry.direction, entry.code).toBe(m.direction);
      expect(entry.name, entry.code).toBe(m.name);
    }
    expect(template.filter((m) => m.code === null)).toEqual([
      expect.objectContaining({
        name: 'Joint training hours',
        perspective: 'learning_growth',
        unit: 'hours',
        target: 20,
        green: 20,
        red: 5,
        weight: 1,
      }),
    ]);
  });

  it('passes validation in every entry', () => {
    for (const entry of template) expect(validateMeasureSettings(entry), entry.name).toEqual([]);
  });

  it('sets value-chain targets, money totals informational', () => {
    const get = (code: string) => template.find((m) => m.code === code)!;
    expect(get('on_time_delivery_rate')).toMatchObject({ target: 0.95, green: 0.95, red: 0.85, weight: 1 });
    expect(get('returns_rate')).toMatchObject({ direction: 'lower', target: 0.05, green: 0.05, red: 0.1 });
    expect(get('feed_freshness_hours')).toMatchObject({ direction: 'lower', target: 24, green: 24, red: 72 });
    for (const code of ['revenue', 'customer_profit', 'joint_clv']) {
      expect(get(code)).toMatchObject({ target: 0, green: 0, red: 0, weight: 0 });
    }
    // Scored with the template: 93% on time is amber and scores 8.
    const ot = get('on_time_delivery_rate');
    expect(measureStatus(0.93, ot)).toBe('amber');
    expect(scoreMeasure(0.93, ot)).toBeCloseTo(8, 12);
  });

  it('returns a fresh copy each call', () => {
    const first = defaultJointTemplate();
    first[0]!.target = 99;
    first.at(-1)!.weight = 7;
    const second = defaultJointTemplate();
    expect(second[0]!.target).toBe(0);
    expect(second.at(-1)!.weight).toBe(1);
  });
});
