// Shapes, words and number formats of the Segmentation page, shared by its server load, the page and the
// chart components (nothing server-only here).
import type { paths } from '@accord/api-client';

type Json<P extends keyof paths, M extends 'get' | 'put' | 'post'> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;

export type CustomerValue = Json<'/v1/networks/{networkId}/customer-value', 'get'>;
export type Snapshot = NonNullable<CustomerValue['snapshot']>;
export type SegmentSummary = CustomerValue['segments'][number];
export type RfmSegmentSummary = CustomerValue['rfmSegments'][number];
export type RfmCell = CustomerValue['rfmGrid'][number];
export type WhaleCurve = NonNullable<CustomerValue['whaleCurve']>;
export type Profitability = CustomerValue['profitability'];
export type QuadrantSummary = Profitability['quadrants'][number];
export type Quadrant = NonNullable<QuadrantSummary['quadrant']>;
export type FeaturePage = Json<'/v1/networks/{networkId}/customer-features', 'get'>;
export type CustomerFeature = FeaturePage['items'][number];
export type SchemeList = Json<'/v1/networks/{networkId}/segmentation-schemes', 'get'>;
export type Scheme = SchemeList['items'][number];
export type SchemeSegment = Scheme['segments'][number];
export type SegmentCondition = SchemeSegment['conditions'][number];
export type SchemeFeature = SegmentCondition['feature'];
export type SegmentOp = SegmentCondition['op'];
export type FeatureInfo = SchemeList['features'][number];
export type SegmentLabels = Json<'/v1/networks/{networkId}/segment-labels', 'get'>;
export type Alignment = Json<'/v1/networks/{networkId}/segment-alignment', 'get'>;
export type AlignmentLatest = NonNullable<Alignment['latest']>;
export type CostModel = Json<'/v1/networks/{networkId}/cost-model', 'get'>;

/** The ops a condition may use, in the order the editor offers them. */
export const segmentOps: readonly SegmentOp[] = ['gte', 'gt', 'lte', 'lt', 'eq', 'neq', 'in'];

const opSymbols: Record<SegmentOp, string> = {
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
  eq: '=',
  neq: '≠',
  in: 'in',
};
export const opSymbol = (op: SegmentOp): string => opSymbols[op];

/** "potential_loyalists" → "Potential loyalists". */
export function humanize(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const quadrantShort: Record<Quadrant, string> = {
  passive: 'Passive',
  carriage_trade: 'Carriage trade',
  bargain_basement: 'Bargain basement',
  aggressive: 'Aggressive',
};
export const quadrantName = (quadrant: Quadrant | null): string => (quadrant ? quadrantShort[quadrant] : 'Unknown');

function valueText(value: SegmentCondition['value']): string {
  if (Array.isArray(value)) return value.map((v) => String(v)).join(', ');
  return String(value);
}

/** "clv_percentile ≥ 80", "rfm_segment in champions, loyal". */
export function conditionText(condition: SegmentCondition): string {
  return `${condition.feature} ${opSymbol(condition.op)} ${valueText(condition.value)}`;
}

/** All of a segment's conditions, or what a segment without any takes. */
export function ruleText(segment: SchemeSegment): string {
  return segment.conditions.length ? segment.conditions.map(conditionText).join(' and ') : 'everyone else';
}

/** A starting scheme when the network has none yet. */
export const defaultScheme: SchemeSegment[] = [
  {
    name: 'best',
    conditions: [{ feature: 'clv_percentile', op: 'gte', value: 80 }],
    treatment: 'Protect: named account contact, priority delivery and early access to new ranges.',
    valueProposition: 'Premium ranges with installation and an extended warranty.',
  },
  {
    name: 'at risk',
    conditions: [{ feature: 'p_alive', op: 'lt', value: 0.3 }],
    treatment: 'Win back with a personal offer before they are gone.',
    valueProposition: 'A service check and a trade-in offer.',
  },
  {
    name: 'loss-making',
    conditions: [{ feature: 'profit', op: 'lt', value: 0 }],
    treatment: 'Fix the processes that make them costly; reprice delivery and returns.',
    valueProposition: 'Standard ranges, self-service and click & collect.',
  },
  {
    name: 'everyone else',
    conditions: [],
    treatment: 'Keep efficient: standard service, grow share of wallet.',
    valueProposition: 'The core range at fair prices.',
  },
];

// --- the page's tables and charts
const segmentPalette = ['#1f4e79', '#2f8f6b', '#c08400', '#b42318', '#6b4fa0', '#2d8fb0', '#8a6d3b', '#5a6b7d'];

/** The colour of the i-th joint segment, the same in the segments table and the share chart. */
export const segmentColour = (i: number): string => segmentPalette[i % segmentPalette.length]!;

/** The share chart's rows: each joint segment's share of customers and of profit, in its table colour. */
export function segmentShareRows(segments: readonly SegmentSummary[]) {
  return segments.map((s, i) => ({
    name: s.segment ?? 'Unassigned',
    customerShare: s.customerShare,
    profitShare: s.profitShare,
    colour: segmentColour(i),
  }));
}

/** Customers in each profitability quadrant (customers without a net margin are in none). */
export function quadrantCounts(quadrants: readonly QuadrantSummary[]): Partial<Record<Quadrant, number>> {
  const counts: Partial<Record<Quadrant, number>> = {};
  for (const q of quadrants) if (q.quadrant) counts[q.quadrant] = q.customers;
  return counts;
}

/** The cost model's per-activity rates as the form shows them: one `code=rate` a line. */
export function activityRateLines(perActivity: Record<string, number>): string {
  return Object.entries(perActivity)
    .map(([code, rate]) => `${code}=${rate}`)
    .join('\n');
}

// --- numbers
const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 0 });
const twoDigits = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const threeDigits = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 3, maximumFractionDigits: 3 });

export const formatInt = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : integer.format(value);

/** A decimal string or number as whole currency units ("12,345"); "—" when missing. */
export function formatMoney(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? money.format(n) : '—';
}

export function formatShare(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(digits)}%`;
}

export const formatFixed = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : twoDigits.format(value);

export const formatMeasure = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : threeDigits.format(value);

/** A short parameter value: 4 significant digits. */
export function formatParam(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Number(value.toPrecision(4)).toString();
}

/** Colour on a white → brand scale, 0..1. */
export function heat(t: number): string {
  const clamped = Math.max(0, Math.min(1, t));
  // from #f4f7fb to #1f4e79
  const from = [244, 247, 251];
  const to = [31, 78, 121];
  const mix = from.map((f, i) => Math.round(f + (to[i]! - f) * clamped));
  return `rgb(${mix[0]}, ${mix[1]}, ${mix[2]})`;
}

/** Whether text on a heat colour should be light. */
export const darkHeat = (t: number): boolean => t > 0.55;

/** A publish problem's JSON pointer, `/segments/2/conditions/0/value`, said as "Segment 3, condition 1, value". */
export function problemPath(path: string, segments: readonly { name: string }[]): string {
  const match = /^\/segments\/(\d+)(?:\/conditions\/(\d+))?(?:\/(\w+))?/.exec(path);
  if (!match) return path.replace(/^\/+/, '') || 'scheme';
  const s = Number(match[1]);
  const name = segments[s]?.name?.trim();
  const parts = [`Segment ${s + 1}${name ? ` (“${name}”)` : ''}`];
  if (match[2] !== undefined) parts.push(`condition ${Number(match[2]) + 1}`);
  if (match[3]) parts.push(match[3] === 'valueProposition' ? 'value proposition' : match[3]);
  return parts.join(', ');
}

/** One problem of a refused publish or labels upload: where (a JSON pointer or a CSV line) and what. */
export interface ListedProblem {
  path: string;
  message: string;
}

/** The problems a refused submission (its action result) lists, as the actions send them (at most `max`). */
export function listedProblems(result: { errors?: unknown } | null, max = 50): ListedProblem[] {
  const errors = result?.errors;
  return Array.isArray(errors) ? (errors as ListedProblem[]).slice(0, max) : [];
}
