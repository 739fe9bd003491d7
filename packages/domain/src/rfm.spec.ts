import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quintileScores, rfmScores, rfmSegment, rfmSegmentNames, rfmSegmentRules, type RfmSegment } from './rfm.ts';

const counts = (scores: Uint8Array): number[] => [1, 2, 3, 4, 5].map((s) => scores.filter((v) => v === s).length);

describe('quintileScores', () => {
  it('splits into five balanced groups, for any data', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 })), fc.boolean(), (values, higherIsBetter) => {
        const scores = quintileScores(values, higherIsBetter);
        const sizes = counts(scores);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(values.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never scores a better value lower', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 1 }), fc.boolean(), (values, higherIsBetter) => {
        const scores = quintileScores(values, higherIsBetter);
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            const better = higherIsBetter ? values[i]! > values[j]! : values[i]! < values[j]!;
            if (better) expect(scores[i]).toBeGreaterThanOrEqual(scores[j]!);
          }
        }
      }),
    );
  });

  it('scores in the right direction', () => {
    const values = [10, 20, 30, 40, 50];
    expect(Array.from(quintileScores(values, true))).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(quintileScores(values, false))).toEqual([5, 4, 3, 2, 1]);
    // Ten values: two per group, in rank order regardless of input order.
    expect(Array.from(quintileScores([9, 0, 8, 1, 7, 2, 6, 3, 5, 4], true))).toEqual([5, 1, 5, 1, 4, 2, 4, 2, 3, 3]);
  });

  it('breaks ties by tieBreak, then by index, deterministically', () => {
    const same = [7, 7, 7, 7, 7];
    expect(Array.from(quintileScores(same, true))).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(quintileScores(same, false))).toEqual([5, 4, 3, 2, 1]);
    expect(Array.from(quintileScores(same, true, [5, 4, 3, 2, 1]))).toEqual([5, 4, 3, 2, 1]);
    expect(Array.from(quintileScores(same, true, [1, 1, 0, 0, 2]))).toEqual([3, 4, 1, 2, 5]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 })), (values) => {
        expect(quintileScores(values, true)).toEqual(quintileScores([...values], true));
      }),
    );
  });

  it('handles the small and the invalid', () => {
    expect(quintileScores([], true)).toEqual(new Uint8Array(0));
    expect(Array.from(quintileScores([3], true))).toEqual([1]);
    expect(Array.from(quintileScores([1, 2], true))).toEqual([1, 3]);
    expect(Array.from(quintileScores([Infinity, 1, Infinity], true))).toEqual([2, 1, 4]);
    expect(() => quintileScores([1, NaN], true)).toThrow(RangeError);
    expect(() => quintileScores([1, 2], true, [1])).toThrow(RangeError);
  });

  it('scores a million customers in reasonable time', () => {
    const n = 1_000_000;
    const values = new Float64Array(n);
    let seed = 1;
    for (let i = 0; i < n; i++) {
      seed = (seed * 48271) % 2147483647;
      values[i] = seed % 1000;
    }
    const started = performance.now();
    const scores = quintileScores(values, true);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(counts(scores)).toEqual([200_000, 200_000, 200_000, 200_000, 200_000]);
  });
});

describe('rfmScores', () => {
  it('scores recent, frequent, high-spending customers 5', () => {
    const { r, f, m } = rfmScores([1, 100, 50, 10, 400], [9, 1, 3, 5, 1], [900, 10, 30, 50, 5]);
    expect(Array.from(r)).toEqual([5, 2, 3, 4, 1]);
    expect(Array.from(f)).toEqual([5, 2, 3, 4, 1]);
    expect(Array.from(m)).toEqual([5, 2, 3, 4, 1]);
  });

  it('breaks recency ties by frequency and frequency ties by spend', () => {
    const { r, f } = rfmScores([5, 5, 5, 5, 5], [1, 3, 2, 5, 4], [50, 40, 30, 20, 10]);
    expect(Array.from(r)).toEqual([1, 3, 2, 5, 4]);
    expect(Array.from(f)).toEqual([1, 3, 2, 5, 4]);
    const { f: f2 } = rfmScores([1, 2, 3, 4, 5], [2, 2, 2, 2, 2], [10, 50, 20, 40, 30]);
    expect(Array.from(f2)).toEqual([1, 5, 2, 4, 3]);
  });

  it('needs equal lengths', () => {
    expect(() => rfmScores([1], [1, 2], [1])).toThrow(RangeError);
  });
});

describe('rfmSegment', () => {
  it('maps every score triple to exactly one segment and reaches all eleven', () => {
    const seen = new Set<RfmSegment>();
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        for (let m = 1; m <= 5; m++) {
          const segment = rfmSegment(r, f, m);
          expect(rfmSegmentNames).toContain(segment);
          seen.add(segment);
        }
      }
    }
    expect([...seen].sort()).toEqual([...rfmSegmentNames].sort());
  });

  it('follows the grid', () => {
    expect(rfmSegment(5, 5, 5)).toBe('champions');
    expect(rfmSegment(1, 1, 1)).toBe('lost');
    expect(rfmSegment(1, 5, 5)).toBe('cannot_lose');
    expect(rfmSegment(2, 5, 5)).toBe('cannot_lose');
    expect(rfmSegment(5, 1, 1)).toBe('new');
    expect(rfmSegment(4, 1, 1)).toBe('promising');
    expect(rfmSegment(3, 3, 3)).toBe('need_attention');
    expect(rfmSegment(2, 1, 2)).toBe('hibernating');
    // FM = round((4 + 5) / 2) = 5: halves round up.
    expect(rfmSegment(1, 4, 5)).toBe('cannot_lose');
    expect(rfmSegment(1, 4, 4)).toBe('at_risk');
  });

  it('documents each segment with the cells it really covers', () => {
    const range = (s: string): number[] => {
      const [lo, hi] = s.split('-').map(Number) as [number, number | undefined];
      return Array.from({ length: (hi ?? lo) - lo + 1 }, (_, k) => lo + k);
    };
    const covered = new Map<string, RfmSegment>();
    for (const name of rfmSegmentNames) {
      const rule = rfmSegmentRules[name];
      expect(rule.description.length).toBeGreaterThan(10);
      const match = /^R (\d(?:-\d)?), FM (\d(?:-\d)?)$/.exec(rule.cells);
      expect(match, name).not.toBeNull();
      for (const r of range(match![1]!)) {
        for (const fm of range(match![2]!)) {
          expect(covered.has(`${r}${fm}`), `${name} overlaps at R${r} FM${fm}`).toBe(false);
          covered.set(`${r}${fm}`, name);
          expect(rfmSegment(r, fm, fm)).toBe(name);
        }
      }
    }
    expect(covered.size).toBe(25);
  });

  it('rejects scores outside 1-5', () => {
    expect(() => rfmSegment(0, 1, 1)).toThrow(RangeError);
    expect(() => rfmSegment(1, 6, 1)).toThrow(RangeError);
    expect(() => rfmSegment(1, 1, 2.5)).toThrow(RangeError);
  });
});
