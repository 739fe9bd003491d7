import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignSegment,
  percentileRanks,
  type SchemeSegment,
  segmentationAgreement,
  validateScheme,
} from './segmentation.ts';

const seg = (name: string, conditions: SchemeSegment['conditions']): SchemeSegment => ({
  name,
  conditions,
  treatment: `treat ${name}`,
  valueProposition: `offer ${name}`,
});

const scheme: SchemeSegment[] = [
  seg('vip', [
    { feature: 'clv_percentile', op: 'gt', value: 80 },
    { feature: 'quadrant', op: 'in', value: ['passive', 'carriage_trade'] },
  ]),
  seg('win_back', [{ feature: 'rfm_segment', op: 'eq', value: 'cannot_lose' }]),
  seg('fix', [
    { feature: 'profit', op: 'lt', value: 0 },
    { feature: 'p_alive', op: 'gte', value: 0.5 },
  ]),
  seg('rest', []),
];

describe('validateScheme', () => {
  it('accepts a well-formed scheme', () => {
    expect(validateScheme(scheme)).toEqual([]);
  });

  it('reports every problem with its path', () => {
    const bad = [
      seg('a', [
        { feature: 'nope' as never, op: 'eq', value: 1 },
        { feature: 'quadrant', op: 'gt', value: 'passive' },
        { feature: 'rfm_segment', op: 'eq', value: 'royalty' },
        { feature: 'profit', op: 'in', value: [] },
        { feature: 'profit', op: 'eq', value: Infinity },
        { feature: 'profit', op: 'lt', value: [1, 2] },
        { feature: 'channels', op: 'in', value: [1, 'two'] },
        { feature: 'profit', op: 'between' as never, value: 1 },
        { feature: 'recency_days', op: 'eq', value: '3' },
      ]),
      seg(' ', []),
      seg('a', [{ feature: 'profit', op: 'gt', value: 0 }]),
    ];
    const problems = validateScheme(bad);
    expect(problems.map((p) => p.path)).toEqual([
      'segments[0].conditions[0].feature',
      'segments[0].conditions[1].op',
      'segments[0].conditions[2].value',
      'segments[0].conditions[3].value',
      'segments[0].conditions[4].value',
      'segments[0].conditions[5].value',
      'segments[0].conditions[6].value[1]',
      'segments[0].conditions[7].op',
      'segments[0].conditions[8].value',
      'segments[1].name',
      'segments[1].conditions',
      'segments[2].name',
      'segments[2].conditions',
    ]);
    expect(problems.every((p) => p.message.length > 0)).toBe(true);
    expect(problems.at(-1)!.message).toMatch(/unassigned/);
  });

  it('needs at least one segment', () => {
    expect(validateScheme([])).toEqual([{ path: 'segments', message: expect.any(String) as string }]);
  });
});

describe('assignSegment', () => {
  it('takes the first segment whose conditions all hold', () => {
    expect(assignSegment({ clv_percentile: 90, quadrant: 'passive', profit: -1, p_alive: 0.9 }, scheme)).toBe('vip');
    expect(assignSegment({ clv_percentile: 90, quadrant: 'aggressive', profit: -1, p_alive: 0.9 }, scheme)).toBe('fix');
    expect(assignSegment({ rfm_segment: 'cannot_lose', profit: -1, p_alive: 0.9 }, scheme)).toBe('win_back');
    expect(assignSegment({ profit: -1, p_alive: 0.2 }, scheme)).toBe('rest');
  });

  it('lets no null, missing or NaN value satisfy a condition', () => {
    const neq = [seg('not_lost', [{ feature: 'rfm_segment', op: 'neq', value: 'lost' }])];
    expect(assignSegment({ rfm_segment: null }, neq)).toBeNull();
    expect(assignSegment({}, neq)).toBeNull();
    expect(assignSegment({ rfm_segment: 'new' }, neq)).toBe('not_lost');
    expect(assignSegment({ clv_percentile: null, quadrant: 'passive', profit: -1, p_alive: NaN }, scheme)).toBe('rest');
  });

  it('applies each operator', () => {
    const one = (op: SchemeSegment['conditions'][number]['op'], value: number | number[]) => [
      seg('hit', [{ feature: 'frequency', op, value }]),
    ];
    const at = (op: Parameters<typeof one>[0], value: number | number[], frequency: number): string | null =>
      assignSegment({ frequency }, one(op, value));
    expect([at('lt', 3, 2), at('lt', 3, 3)]).toEqual(['hit', null]);
    expect([at('lte', 3, 3), at('lte', 3, 4)]).toEqual(['hit', null]);
    expect([at('gt', 3, 4), at('gt', 3, 3)]).toEqual(['hit', null]);
    expect([at('gte', 3, 3), at('gte', 3, 2)]).toEqual(['hit', null]);
    expect([at('eq', 3, 3), at('eq', 3, 2)]).toEqual(['hit', null]);
    expect([at('neq', 3, 2), at('neq', 3, 3)]).toEqual(['hit', null]);
    expect([at('in', [1, 3], 3), at('in', [1, 3], 2)]).toEqual(['hit', null]);
    // A string against a number never matches.
    expect(assignSegment({ frequency: '3' }, one('eq', 3))).toBeNull();
  });

  it('returns null when nothing matches', () => {
    expect(assignSegment({ profit: 5 }, scheme.slice(0, 3))).toBeNull();
  });
});

describe('percentileRanks', () => {
  it('is the percentage of values at or below, ties sharing', () => {
    expect(Array.from(percentileRanks([10, 20, 20, 30]))).toEqual([25, 75, 75, 100]);
    expect(Array.from(percentileRanks([5, 1, 4, 2, 3]))).toEqual([100, 20, 80, 40, 60]);
    expect(Array.from(percentileRanks([7, 7]))).toEqual([100, 100]);
    expect(Array.from(percentileRanks([]))).toEqual([]);
    expect(Array.from(percentileRanks([NaN, 1, 2]))).toEqual([NaN, 50, 100]);
  });

  it('lies in (0, 100], tops at 100 and keeps order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1 }), (values) => {
        const pct = percentileRanks(values);
        expect(Math.max(...pct)).toBe(100);
        for (let i = 0; i < values.length; i++) {
          expect(pct[i]).toBeGreaterThan(0);
          for (let j = 0; j < values.length; j++) {
            if (values[i]! < values[j]!) expect(pct[i]).toBeLessThan(pct[j]!);
            if (values[i] === values[j]) expect(pct[i]).toBe(pct[j]);
          }
        }
      }),
    );
  });
});

describe('segmentationAgreement', () => {
  it('computes the textbook kappa (Wikipedia: 20/5/10/15 of 50 gives 0.4)', () => {
    const a = [...Array<string>(25).fill('yes'), ...Array<string>(25).fill('no')];
    const b = [
      ...Array<string>(20).fill('yes'),
      ...Array<string>(5).fill('no'),
      ...Array<string>(10).fill('yes'),
      ...Array<string>(15).fill('no'),
    ];
    const agreement = segmentationAgreement(a, b);
    expect(agreement.rowLabels).toEqual(['no', 'yes']);
    expect(agreement.matrix).toEqual([
      [15, 10],
      [5, 20],
    ]);
    expect(agreement.agreementRate).toBeCloseTo(0.7, 12);
    expect(agreement.kappa).toBeCloseTo(0.4, 12);
    // Pairs: index 350, row pairs 600, column pairs 625, 1225 in all.
    const expected = (600 * 625) / 1225;
    expect(agreement.adjustedRand).toBeCloseTo((350 - expected) / ((600 + 625) / 2 - expected), 12);
  });

  it('matches scikit-learn’s adjusted_rand_score examples', () => {
    const ari = (a: number[], b: number[]): number | null =>
      segmentationAgreement(a.map(String), b.map(String)).adjustedRand;
    expect(ari([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714285715, 14);
    expect(ari([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714285715, 14);
    expect(ari([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
    expect(ari([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 14);
    expect(ari([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
  });

  it('takes kappa over the union of labels', () => {
    const agreement = segmentationAgreement(['0', '0', '1', '1'], ['0', '0', '1', '2']);
    expect(agreement.labels).toEqual(['0', '1', '2']);
    expect(agreement.columnLabels).toEqual(['0', '1', '2']);
    expect(agreement.matrix).toEqual([
      [2, 0, 0],
      [0, 1, 1],
    ]);
    // p_o = 3/4; p_e = 1/2 * 1/2 + 1/2 * 1/4 = 3/8; (3/4 - 3/8) / (1 - 3/8) = 0.6
    expect(agreement.kappa).toBeCloseTo(0.6, 14);
    // Renamed labels group customers the same: ARI 1, kappa -1 (never the same label).
    const renamed = segmentationAgreement(['a', 'a', 'b', 'b'], ['b', 'b', 'a', 'a']);
    expect(renamed.adjustedRand).toBe(1);
    expect(renamed.kappa).toBeCloseTo(-1, 14);
  });

  it('defines the degenerate cases', () => {
    expect(segmentationAgreement([], [])).toMatchObject({
      n: 0,
      matrix: [],
      agreementRate: null,
      kappa: null,
      adjustedRand: null,
    });
    // Everyone under one label in both: total agreement, but kappa is 0/0.
    expect(segmentationAgreement(['x', 'x', 'x'], ['x', 'x', 'x'])).toMatchObject({
      agreementRate: 1,
      kappa: null,
      adjustedRand: 1,
    });
    // Different single labels: never the same label (kappa 0), but the same grouping.
    expect(segmentationAgreement(['x', 'x'], ['y', 'y'])).toMatchObject({
      agreementRate: 0,
      kappa: 0,
      adjustedRand: 1,
    });
    expect(segmentationAgreement(['x'], ['x'])).toMatchObject({ agreementRate: 1, kappa: null, adjustedRand: 1 });
    expect(() => segmentationAgreement(['x'], [])).toThrow(RangeError);
  });

  const labelings = fc
    .array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom('a', 'b', 'c', 'e')), { minLength: 1 })
    .map((pairs) => [pairs.map((p) => p[0]), pairs.map((p) => p[1])] as const);

  it('identical labelings agree perfectly', () => {
    fc.assert(
      fc.property(labelings, ([a]) => {
        const agreement = segmentationAgreement(a, a);
        expect(agreement.agreementRate).toBe(1);
        if (new Set(a).size > 1) {
          expect(agreement.kappa).toBeCloseTo(1, 12);
          expect(agreement.adjustedRand).toBeCloseTo(1, 12);
        }
      }),
    );
  });

  it('counts every customer once and is symmetric in ARI', () => {
    fc.assert(
      fc.property(labelings, ([a, b]) => {
        const ab = segmentationAgreement(a, b);
        const ba = segmentationAgreement(b, a);
        expect(ab.matrix.flat().reduce((s, v) => s + v, 0)).toBe(a.length);
        expect(ab.matrix).toHaveLength(ab.rowLabels.length);
        expect(ab.adjustedRand).toBeCloseTo(ba.adjustedRand!, 12);
        if (ab.kappa !== null) {
          expect(ab.kappa).toBeCloseTo(ba.kappa!, 12);
          expect(ab.kappa).toBeLessThanOrEqual(1 + 1e-12);
        }
        expect(ab.adjustedRand).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});
