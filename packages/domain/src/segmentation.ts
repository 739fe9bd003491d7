// Segmentation schemes and how well two segmentations agree. A scheme is an ordered list of
// segments with rules on customer features (first match wins), each with its treatment and value
// proposition; the portal edits schemes, the worker assigns customers with `assignSegment`.
import { quadrantNames } from './cost-to-serve.ts';
import { schemeFeatures, type SchemeFeature } from './customer-features.ts';
import { rfmSegmentNames } from './rfm.ts';

/** The features whose values are strings, with the values they may take; all others are numbers. */
export const stringFeatureValues: Partial<Record<SchemeFeature, readonly string[]>> = {
  rfm_segment: rfmSegmentNames,
  quadrant: quadrantNames,
};

export const segmentOps = ['lt', 'lte', 'gt', 'gte', 'eq', 'neq', 'in'] as const;
export type SegmentOp = (typeof segmentOps)[number];

export interface SegmentCondition {
  feature: SchemeFeature;
  op: SegmentOp;
  value: number | string | (number | string)[];
}

export interface SchemeSegment {
  name: string;
  conditions: SegmentCondition[];
  treatment: string;
  valueProposition: string;
}

export interface SchemeProblem {
  /** Where, e.g. `segments[2].conditions[0].value`. */
  path: string;
  message: string;
}

const orderOps: ReadonlySet<string> = new Set(['lt', 'lte', 'gt', 'gte']);

/** Everything wrong with a scheme; empty when it is valid. */
export function validateScheme(segments: readonly SchemeSegment[]): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const add = (path: string, message: string): number => problems.push({ path, message });
  if (segments.length === 0) {
    add('segments', 'a scheme needs at least one segment');
    return problems;
  }
  const names = new Map<string, number>();
  segments.forEach((segment, s) => {
    const at = `segments[${s}]`;
    const name = segment.name.trim();
    if (name === '') add(`${at}.name`, 'the name is empty');
    else if (names.has(name)) add(`${at}.name`, `"${name}" is also the name of segments[${names.get(name)}]`);
    else names.set(name, s);
    if (segment.conditions.length === 0 && s < segments.length - 1) {
      add(
        `${at}.conditions`,
        'a segment without conditions takes every customer left, so the segments after it get none',
      );
    }
    segment.conditions.forEach((condition, c) => {
      const cat = `${at}.conditions[${c}]`;
      if (!(schemeFeatures as readonly string[]).includes(condition.feature)) {
        add(`${cat}.feature`, `unknown feature "${String(condition.feature)}"`);
        return;
      }
      if (!(segmentOps as readonly string[]).includes(condition.op)) {
        add(`${cat}.op`, `unknown operator "${String(condition.op)}"`);
        return;
      }
      const allowed = stringFeatureValues[condition.feature];
      if (allowed && orderOps.has(condition.op)) {
        add(`${cat}.op`, `${condition.feature} is a category: use eq, neq or in, not ${condition.op}`);
        return;
      }
      const checkValue = (v: unknown, path: string): void => {
        if (allowed) {
          if (typeof v !== 'string') add(path, `${condition.feature} takes one of: ${allowed.join(', ')}`);
          else if (!allowed.includes(v))
            add(path, `"${v}" is not a ${condition.feature}; one of: ${allowed.join(', ')}`);
        } else if (typeof v !== 'number' || !Number.isFinite(v)) {
          add(path, `${condition.feature} takes a finite number`);
        }
      };
      if (condition.op === 'in') {
        if (!Array.isArray(condition.value) || condition.value.length === 0) {
          add(`${cat}.value`, 'in takes a non-empty list of values');
        } else {
          condition.value.forEach((v, k) => checkValue(v, `${cat}.value[${k}]`));
        }
      } else if (Array.isArray(condition.value)) {
        add(`${cat}.value`, `${condition.op} takes a single value; use in for a list`);
      } else {
        checkValue(condition.value, `${cat}.value`);
      }
    });
  });
  const last = segments.length - 1;
  if (segments[last]!.conditions.length > 0) {
    add(
      `segments[${last}].conditions`,
      'the last segment has conditions, so customers matching no segment stay unassigned; end with a catch-all segment without conditions',
    );
  }
  return problems;
}

type FeatureValue = number | string | null | undefined;

function holds(actual: FeatureValue, op: SegmentOp, value: SegmentCondition['value']): boolean {
  if (actual === null || actual === undefined || (typeof actual === 'number' && Number.isNaN(actual))) return false;
  if (op === 'in') return Array.isArray(value) && value.includes(actual);
  // Mismatched types (a number against a string) never hold, so neither does their neq.
  if (Array.isArray(value) || typeof actual !== typeof value) return false;
  switch (op) {
    case 'eq':
      return actual === value;
    case 'neq':
      return actual !== value;
    case 'lt':
      return actual < value;
    case 'lte':
      return actual <= value;
    case 'gt':
      return actual > value;
    case 'gte':
      return actual >= value;
  }
}

/**
 * The first segment whose conditions all hold for the customer, or null when none does. A missing
 * or null feature value (or NaN) satisfies no condition, not even neq.
 */
export function assignSegment(
  features: Partial<Record<SchemeFeature, number | string | null>>,
  segments: readonly SchemeSegment[],
): string | null {
  for (const segment of segments) {
    if (segment.conditions.every((c) => holds(features[c.feature], c.op, c.value))) return segment.name;
  }
  return null;
}

/**
 * Percentile ranks 0-100: the percentage of values at or below each value (pandas'
 * `rank(method='max', pct=True) * 100`). The largest value gets 100, ties share one percentile,
 * so "percentile > 80" picks the top fifth when there are no ties. NaN values get NaN and are not
 * counted.
 */
export function percentileRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i])) out[i] = NaN;
    else order.push(i);
  }
  const idx = Uint32Array.from(order).sort((i, j) => values[i]! - values[j]! || 0);
  const m = idx.length;
  let k = 0;
  while (k < m) {
    let end = k + 1;
    while (end < m && values[idx[end]!] === values[idx[k]!]) end++;
    const pct = (100 * end) / m;
    for (let j = k; j < end; j++) out[idx[j]!] = pct;
    k = end;
  }
  return out;
}

export interface SegmentationAgreement {
  n: number;
  /** Every label in either segmentation, sorted. */
  labels: string[];
  /** The labels of `a`, sorted: the matrix's rows. */
  rowLabels: string[];
  /** The labels of `b`, sorted: the matrix's columns. */
  columnLabels: string[];
  /** Customers with a's row label and b's column label. */
  matrix: number[][];
  /** Share of customers with the same label in both; null when n = 0. */
  agreementRate: number | null;
  /** Cohen's kappa over the union of labels; null when n = 0 or when chance agreement is 1. */
  kappa: number | null;
  /** Adjusted Rand index (Hubert & Arabie 1985) of the two partitions; null when n = 0. */
  adjustedRand: number | null;
}

const pairs = (k: number): number => (k * (k - 1)) / 2;

/**
 * How far two segmentations of the same customers (same order) agree: the cross-tabulation,
 * the share with identical labels, Cohen's kappa (agreement beyond chance, treating equal label
 * strings as the same category), and the adjusted Rand index (whether the two group the same
 * customers together, whatever the labels are called).
 *
 * Degenerate cases: with no customers the three figures are null. Kappa is null when chance
 * agreement is 1, i.e. both put everyone under the same single label (kappa is 0/0 there); when
 * they use different single labels it is 0. The adjusted Rand index is 1 when its expected and
 * maximum index coincide, which happens only for identical partitions (one group each, or all
 * singletons, including n = 1), as scikit-learn defines it.
 */
export function segmentationAgreement(a: ArrayLike<string>, b: ArrayLike<string>): SegmentationAgreement {
  const n = a.length;
  if (b.length !== n) throw new RangeError(`the segmentations have ${n} and ${b.length} customers`);
  const rowIndex = new Map<string, number>();
  const colIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    rowIndex.set(a[i]!, 0);
    colIndex.set(b[i]!, 0);
  }
  const sortLabels = (m: Map<string, number>): string[] => {
    const labels = [...m.keys()].sort();
    labels.forEach((l, k) => m.set(l, k));
    return labels;
  };
  const rowLabels = sortLabels(rowIndex);
  const columnLabels = sortLabels(colIndex);
  const labels = [...new Set([...rowLabels, ...columnLabels])].sort();
  const matrix = rowLabels.map(() => new Array<number>(columnLabels.length).fill(0));
  let agree = 0;
  for (let i = 0; i < n; i++) {
    matrix[rowIndex.get(a[i]!)!]![colIndex.get(b[i]!)!]!++;
    if (a[i] === b[i]) agree++;
  }
  if (n === 0) {
    return { n, labels, rowLabels, columnLabels, matrix, agreementRate: null, kappa: null, adjustedRand: null };
  }
  const rowSums = matrix.map((row) => row.reduce((s, v) => s + v, 0));
  const colSums = columnLabels.map((_, j) => matrix.reduce((s, row) => s + row[j]!, 0));

  const po = agree / n;
  let pe = 0;
  rowLabels.forEach((label, i) => {
    const j = colIndex.get(label);
    if (j !== undefined) pe += (rowSums[i]! / n) * (colSums[j]! / n);
  });
  const kappa = pe >= 1 ? null : (po - pe) / (1 - pe);

  let index = 0;
  for (const row of matrix) for (const v of row) index += pairs(v);
  const sumA = rowSums.reduce((s, v) => s + pairs(v), 0);
  const sumB = colSums.reduce((s, v) => s + pairs(v), 0);
  const total = pairs(n);
  const expected = total === 0 ? 0 : (sumA * sumB) / total;
  const max = (sumA + sumB) / 2;
  // max >= expected always; equal (up to rounding of the large pair counts) only in the cases above.
  const adjustedRand = max - expected <= 1e-12 * max ? 1 : (index - expected) / (max - expected);

  return { n, labels, rowLabels, columnLabels, matrix, agreementRate: po, kappa, adjustedRand };
}
