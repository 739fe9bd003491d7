// Maximum-likelihood fitting of the customer-base models: BFGS on the mean log-likelihood per customer
// in log-parameter space (keeps the parameters positive and the problem well scaled), then standard
// errors from the observed information (the inverse of the negative Hessian of the log-likelihood at
// the optimum), and the information criteria the libraries report to choose between models.
import { minimizeBfgs } from './optimize.ts';

/**
 * The fits stop when no component of the mean log-likelihood's gradient (per customer, in log
 * parameters) exceeds this: the parameters are then settled to well beyond the digits published for
 * CDNOW, and a tighter bound only costs line searches along a flat ridge where the data do not
 * identify the parameters (BG/NBD's a and b growing together when drop-out hardly varies).
 */
const GRADIENT_TOLERANCE = 1e-8;
/** Central-difference step in log parameters for gradients computed from values alone. */
const GRADIENT_STEP = 1e-5;
/** Central-difference step in log parameters for the Hessian (from gradients). */
const HESSIAN_STEP = 1e-4;

export interface FitOptions {
  /** Gradient tolerance on the mean log-likelihood per customer in log-parameter space. */
  gradientTolerance?: number;
  maxIterations?: number;
}

export interface LikelihoodProblem {
  /** The weighted number of customers: the optimiser works on the mean per customer. */
  customers: number;
  /** Where the search starts, in the model's own parameters (all positive). */
  start: readonly number[];
  /**
   * The summed log-likelihood at `params`; with `grad`, also writes its gradient in the parameters.
   * A model without an analytic gradient leaves `gradient` false and ignores `grad`.
   */
  logLikelihood(params: Float64Array, grad?: Float64Array): number;
  gradient: boolean;
}

export interface MaximumLikelihoodFit {
  params: Float64Array;
  logLikelihood: number;
  /** The optimiser met the gradient tolerance (else it stopped on a flat ridge or the iteration limit). */
  converged: boolean;
  iterations: number;
  /** The largest component of the mean log-likelihood's gradient in log parameters where it stopped. */
  gradientNorm: number;
  /** Asymptotic standard errors of the parameters; NaN each when the Hessian is not negative definite there. */
  standardErrors: Float64Array;
}

/** Maximises the log-likelihood; see the file's comment. */
export function maximizeLikelihood(problem: LikelihoodProblem, options: FitOptions = {}): MaximumLikelihoodFit {
  const W = problem.customers;
  const n = problem.start.length;
  const params = new Float64Array(n);
  const natural = new Float64Array(n);
  /** Minus the mean log-likelihood at log parameters `theta`, and its gradient in them. */
  const objective = (theta: Float64Array, grad: Float64Array): number => {
    for (let i = 0; i < n; i++) params[i] = Math.exp(theta[i]!);
    const ll = problem.gradient ? problem.logLikelihood(params, natural) : problem.logLikelihood(params);
    if (problem.gradient) {
      for (let i = 0; i < n; i++) grad[i] = (-params[i]! * natural[i]!) / W;
    } else {
      numericGradient(problem, theta, grad);
    }
    return -ll / W;
  };
  const result = minimizeBfgs(objective, Array.from(problem.start, Math.log), {
    gradientTolerance: options.gradientTolerance ?? GRADIENT_TOLERANCE,
    maxIterations: options.maxIterations ?? 1000,
  });
  const fitted = Float64Array.from(result.x, Math.exp);
  let gradientNorm = 0;
  for (const g of result.gradient) gradientNorm = Math.max(gradientNorm, Math.abs(g));
  return {
    params: fitted,
    logLikelihood: problem.logLikelihood(Float64Array.from(fitted)),
    converged: result.converged,
    iterations: result.iterations,
    gradientNorm,
    standardErrors: standardErrors(objective, result.x, fitted, W),
  };
}

/** d(-mean ll)/d(theta) by central differences of the log-likelihood's values. */
function numericGradient(problem: LikelihoodProblem, theta: Float64Array, grad: Float64Array) {
  const n = theta.length;
  const at = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const value = (step: number) => {
      for (let j = 0; j < n; j++) at[j] = Math.exp(theta[j]! + (j === i ? step : 0));
      return problem.logLikelihood(at);
    };
    grad[i] = -(value(GRADIENT_STEP) - value(-GRADIENT_STEP)) / (2 * GRADIENT_STEP) / problem.customers;
  }
}

/**
 * Standard errors from the Hessian of the summed log-likelihood in log parameters (central differences
 * of the gradient, symmetrised). At the optimum the gradient is zero, so the covariance of a parameter
 * follows from its log's by the delta method: se(p) = p se(ln p).
 */
function standardErrors(
  objective: (theta: Float64Array, grad: Float64Array) => number,
  theta: Float64Array,
  params: Float64Array,
  customers: number,
): Float64Array {
  const n = theta.length;
  const information = new Float64Array(n * n);
  const at = new Float64Array(n);
  const plus = new Float64Array(n);
  const minus = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    at.set(theta);
    at[i] = theta[i]! + HESSIAN_STEP;
    objective(at, plus);
    at[i] = theta[i]! - HESSIAN_STEP;
    objective(at, minus);
    // the objective is minus the mean: its Hessian times the customers is the observed information
    for (let j = 0; j < n; j++) information[i * n + j] = ((plus[j]! - minus[j]!) / (2 * HESSIAN_STEP)) * customers;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const mean = (information[i * n + j]! + information[j * n + i]!) / 2;
      information[i * n + j] = mean;
      information[j * n + i] = mean;
    }
  }
  const covariance = invertPositiveDefinite(information, n);
  return Float64Array.from(params, (p, i) => (covariance ? p * Math.sqrt(covariance[i * n + i]!) : Number.NaN));
}

/** The inverse of a symmetric positive-definite n x n matrix (row-major) by Cholesky; null if it is not one. */
export function invertPositiveDefinite(matrix: ArrayLike<number>, n: number): Float64Array | null {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= L[i * n + k]! * L[j * n + k]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        L[i * n + i] = Math.sqrt(sum);
      } else {
        L[i * n + j] = sum / L[j * n + j]!;
      }
    }
  }
  // inverse = L^-T L^-1, column by column from L y = e_k, then L^T x = y
  const inverse = new Float64Array(n * n);
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      let sum = i === k ? 1 : 0;
      for (let j = 0; j < i; j++) sum -= L[i * n + j]! * y[j]!;
      y[i] = sum / L[i * n + i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = y[i]!;
      for (let j = i + 1; j < n; j++) sum -= L[j * n + i]! * inverse[j * n + k]!;
      inverse[i * n + k] = sum / L[i * n + i]!;
    }
  }
  return inverse;
}

/** Akaike's and the Bayesian information criteria: lower is better; BIC charges ln(customers) per parameter. */
export function informationCriteria(logLikelihood: number, parameters: number, customers: number) {
  return {
    aic: 2 * parameters - 2 * logLikelihood,
    bic: parameters * Math.log(customers) - 2 * logLikelihood,
  };
}
