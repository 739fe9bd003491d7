import { describe, expect, it } from 'vitest';
import { minimizeBfgs } from './optimize.ts';

describe('minimizeBfgs', () => {
  it('finds the minimum of a smooth bowl', () => {
    const result = minimizeBfgs(
      (x, g) => {
        g[0] = 2 * (x[0]! - 3);
        g[1] = 20 * (x[1]! + 1);
        return (x[0]! - 3) ** 2 + 10 * (x[1]! + 1) ** 2;
      },
      [0, 0],
    );
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(3, 8);
    expect(result.x[1]).toBeCloseTo(-1, 8);
  });

  it('stops soon, unconverged, when the minimum lies at infinity and the objective has gone flat', () => {
    let evaluations = 0;
    const result = minimizeBfgs(
      (x, g) => {
        evaluations++;
        g[0] = -Math.exp(-x[0]!);
        return 1 + Math.exp(-x[0]!);
      },
      [0],
      { maxIterations: 100_000, gradientTolerance: 1e-30 },
    );
    expect(result.converged).toBe(false);
    expect(result.f).toBeCloseTo(1, 10);
    expect(result.iterations).toBeLessThan(200);
    expect(evaluations).toBeLessThan(5000);
  });
});
