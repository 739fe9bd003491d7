// A small quasi-Newton minimiser for the model fits (a handful of parameters, a smooth objective
// with an analytic gradient). No npm package of this kind is both typed and maintained, and BFGS
// with a weak-Wolfe line search is short enough to keep here and test.

/** Writes the gradient at `x` into `g` and returns the objective there (non-finite = infeasible). */
export type ObjectiveWithGradient = (x: Float64Array, g: Float64Array) => number;

export interface MinimizeOptions {
  /** Stop when every gradient component is at most this in absolute value. */
  gradientTolerance?: number;
  maxIterations?: number;
  /** The largest change of any coordinate in one step: keeps log-parameters from overflowing. */
  maxStep?: number;
  /**
   * Stop when the objective has improved by less than 1e-12 of itself over this many iterations: it
   * is flat there (a likelihood whose optimum lies at infinity along some direction, e.g. BG/NBD's a
   * and b when drop-out hardly varies between customers), and going on only drifts along the ridge.
   */
  stallIterations?: number;
}

export interface MinimizeResult {
  x: Float64Array;
  f: number;
  gradient: Float64Array;
  iterations: number;
  converged: boolean;
}

const maxAbs = (v: Float64Array): number => {
  let m = 0;
  for (const e of v) m = Math.max(m, Math.abs(e));
  return m;
};

/**
 * BFGS on the inverse Hessian with the Lewis-Overton weak-Wolfe bracketing line search, which
 * guarantees the curvature condition, so the update keeps the approximation positive definite.
 */
export function minimizeBfgs(
  fg: ObjectiveWithGradient,
  x0: ArrayLike<number>,
  options: MinimizeOptions = {},
): MinimizeResult {
  const gtol = options.gradientTolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 1000;
  const maxStep = options.maxStep ?? 5;
  const stallIterations = options.stallIterations ?? 10;
  const recent: number[] = [];
  const n = x0.length;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  let f = fg(x, g);
  if (!Number.isFinite(f)) throw new RangeError('the objective is not finite at the starting point');

  const H = new Float64Array(n * n);
  const resetH = (scale: number): void => {
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = scale;
  };
  resetH(1);
  let fresh = true;

  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);

  let iterations = 0;
  let converged = maxAbs(g) <= gtol;
  while (!converged && iterations < maxIterations) {
    iterations++;
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v -= H[i * n + j]! * g[j]!;
      d[i] = v;
      slope += v * g[i]!;
    }
    if (!(slope < 0)) {
      // Lost positive definiteness to rounding: restart from steepest descent.
      resetH(1);
      fresh = true;
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      slope = 0;
      for (let i = 0; i < n; i++) slope -= g[i]! * g[i]!;
    }
    const dMax = maxAbs(d);
    let t = dMax > maxStep ? maxStep / dMax : 1;
    let lo = 0;
    let hi = Infinity;
    let fNew = NaN;
    let accepted = false;
    for (let tries = 0; tries < 80; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i]! + t * d[i]!;
      fNew = fg(xNew, gNew);
      let slopeNew = 0;
      for (let i = 0; i < n; i++) slopeNew += gNew[i]! * d[i]!;
      if (!Number.isFinite(fNew) || fNew > f + 1e-4 * t * slope) hi = t;
      else if (slopeNew < 0.9 * slope) lo = t;
      else {
        accepted = true;
        break;
      }
      t = hi < Infinity ? (lo + hi) / 2 : 2 * lo;
      if (hi - lo < 1e-16 * hi) break;
    }
    if (!accepted) {
      // No acceptable step: take a decrease if the search found one, else we are at the
      // objective's rounding floor and the gradient decides whether that is an optimum.
      if (lo > 0) {
        t = lo;
        for (let i = 0; i < n; i++) xNew[i] = x[i]! + t * d[i]!;
        fNew = fg(xNew, gNew);
      } else {
        converged = maxAbs(g) <= Math.sqrt(gtol);
        if (!fresh) {
          resetH(1);
          fresh = true;
          continue;
        }
        break;
      }
    }
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
      sy += s[i]! * y[i]!;
      yy += y[i]! * y[i]!;
    }
    x.set(xNew);
    g.set(gNew);
    const fOld = f;
    f = fNew;
    converged = maxAbs(g) <= gtol;
    if (sy > 1e-300) {
      // Scale the first approximation to the curvature seen (Nocedal & Wright 6.20).
      if (fresh) {
        resetH(sy / yy);
        fresh = false;
      }
      let yHy = 0;
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += H[i * n + j]! * y[j]!;
        Hy[i] = v;
        yHy += y[i]! * v;
      }
      const rho = 1 / sy;
      const k = (1 + yHy * rho) * rho;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i * n + j] = H[i * n + j]! + k * s[i]! * s[j]! - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!);
        }
      }
    }
    if (!converged && Math.abs(fOld - f) <= 1e-16 * Math.abs(f) && maxAbs(g) <= Math.sqrt(gtol)) {
      // Progress has stalled at the objective's rounding floor close to an optimum.
      converged = true;
    }
    recent.push(f);
    if (recent.length > stallIterations) {
      const before = recent.shift()!;
      if (!converged && before - f <= 1e-12 * Math.abs(f)) break;
    }
  }
  return { x, f, gradient: g, iterations, converged };
}
