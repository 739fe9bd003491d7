// Shapes, words and number formats of the Scorecard page, shared by its server load, the page and the
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

export type ScorecardList = Json<'/v1/networks/{networkId}/scorecards', 'get'>;
export type ScorecardSummary = ScorecardList['items'][number];
export type Scorecard = Json<'/v1/networks/{networkId}/scorecards/{scorecardId}', 'get'>;
export type Measure = Scorecard['measures'][number];
export type Period = Scorecard['periods'][number];
export type PeriodView = Json<'/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{period}', 'get'>;
export type PerspectiveScore = PeriodView['perspectives'][number];
export type MeasureValue = PeriodView['measures'][number];
export type Signoff = PeriodView['signoffs'][number];
export type MeasureDetail = Json<
  '/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/measures/{measureId}',
  'get'
>;
export type Comparison = MeasureDetail['comparison'][number];
export type TraceFirm = MeasureDetail['trace']['firms'][number];
export type ScorecardAction = Json<'/v1/networks/{networkId}/scorecard-actions', 'get'>['items'][number];
export type ActionStatus = ScorecardAction['status'];
export type Perspective = Measure['perspective'];
export type Status = PeriodView['status'];

/** The five perspectives in the order the page shows them. */
export const perspectiveOrder: readonly Perspective[] = [
  'financial',
  'customer',
  'internal_process',
  'learning_growth',
  'relationship',
];

const perspectiveNames: Record<Perspective, string> = {
  financial: 'Financial',
  customer: 'Customer',
  internal_process: 'Internal process',
  learning_growth: 'Learning and growth',
  relationship: 'Relationship',
};
export const perspectiveName = (p: Perspective): string => perspectiveNames[p];

const statusNames: Record<Status, string> = { green: 'Green', amber: 'Amber', red: 'Red', missing: 'Missing' };
export const statusName = (s: Status): string => statusNames[s];

const actionStatusNames: Record<ActionStatus, string> = { open: 'Open', in_progress: 'In progress', done: 'Done' };
export const actionStatusName = (s: ActionStatus): string => actionStatusNames[s];
export const actionStatuses: readonly ActionStatus[] = ['open', 'in_progress', 'done'];

const levelNames: Record<TraceFirm['level'], string> = {
  own: 'Own data',
  customer: 'Customer level',
  aggregate: 'Aggregate (groups of k)',
  catalog: 'Feed catalogue',
};
export const levelName = (level: TraceFirm['level']): string => levelNames[level];

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDigit = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDigits = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

const missing = (v: number | null | undefined): v is null | undefined =>
  v === null || v === undefined || !Number.isFinite(v);

/**
 * A measure value in its unit: '%' measures hold fractions (0.93 → "93.0%"), money is whole units,
 * counts are integers; a missing value is "—", never 0.
 */
export function formatActual(value: number | null | undefined, unit: string): string {
  if (missing(value)) return '—';
  switch (unit) {
    case '%':
      return `${oneDigit.format(value * 100)}%`;
    case 'currency':
      return integer.format(value);
    case 'count':
      return integer.format(value);
    case 'days':
    case 'hours':
      return `${twoDigits.format(value)} ${unit === 'days' ? 'd' : 'h'}`;
    default:
      return twoDigits.format(value);
  }
}

/** A difference of two values in the measure's unit: percentage points for '%'. */
export function formatDelta(delta: number | null | undefined, unit: string): string {
  if (missing(delta)) return '—';
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const size = Math.abs(delta);
  if (unit === '%') return `${sign}${oneDigit.format(size * 100)} pp`;
  return `${sign}${formatActual(size, unit)}`;
}

/** A score 0–10 with one decimal, or "—". */
export const formatScore = (score: number | null | undefined): string =>
  missing(score) ? '—' : oneDigit.format(score);

/** The value an input shows for a measure value: percentages as percent numbers. */
export const inputValue = (value: number | null | undefined, unit: string): string =>
  missing(value) ? '' : String(unit === '%' ? Math.round(value * 100 * 1e6) / 1e6 : value);

/** Arrow and words of a trend. */
export function trendArrow(direction: MeasureValue['trend']['direction'], delta: number | null): string {
  if (direction === null || delta === null) return '';
  if (delta === 0 || direction === 'same') return '→';
  return delta > 0 ? '↑' : '↓';
}

/** Measures grouped by perspective, in the page's order, each group in the scorecard's order. */
export function byPerspective<T extends { measure: { perspective: Perspective; position: number } }>(
  rows: readonly T[],
): { perspective: Perspective; rows: T[] }[] {
  return perspectiveOrder
    .map((perspective) => ({
      perspective,
      rows: rows
        .filter((r) => r.measure.perspective === perspective)
        .sort((a, b) => a.measure.position - b.measure.position),
    }))
    .filter((g) => g.rows.length > 0);
}

/** "1 Apr 2026 – 30 Jun 2026"-style label of a period, from its first day and the day after its last. */
export function periodLabel(
  period: Pick<Period, 'startsOn' | 'endsBefore'>,
  kind: ScorecardSummary['periodKind'],
): string {
  const start = new Date(`${period.startsOn}T00:00:00Z`);
  const year = start.getUTCFullYear();
  if (kind === 'year') return String(year);
  if (kind === 'quarter') return `Q${Math.floor(start.getUTCMonth() / 3) + 1} ${year}`;
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(start);
}

/** The last day of a period (it is stored as its first day and the day after its last), as an ISO timestamp. */
export const periodLastDay = (period: Pick<Period, 'endsBefore'>): string =>
  new Date(Date.parse(`${period.endsBefore}T00:00:00Z`) - 86_400_000).toISOString();

/** A measure's sparkline and trend points: its earlier periods, then the period shown (if any). */
export function measureHistory(
  m: MeasureValue,
  period: Pick<Period, 'startsOn' | 'endsBefore'> | null,
  kind: ScorecardSummary['periodKind'],
): { label: string; actual: number | null }[] {
  return [
    ...m.history.map((h) => ({
      label: periodLabel({ startsOn: h.startsOn, endsBefore: h.startsOn }, kind),
      actual: h.actual,
    })),
    ...(period ? [{ label: periodLabel(period, kind), actual: m.actual }] : []),
  ];
}

// --- actions
/** The day `days` from today (UTC), as the date inputs take it. */
export const dayFromToday = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** An action not done by its due day. */
export const isOverdue = (a: Pick<ScorecardAction, 'status' | 'dueOn'>, today = dayFromToday(0)): boolean =>
  a.status !== 'done' && a.dueOn < today;

/** The firm that owns an action and the firm that raised it move it on. */
export const canMoveAction = (a: Pick<ScorecardAction, 'ownerFirmId' | 'createdByFirmId'>, firmId: string): boolean =>
  a.ownerFirmId === firmId || a.createdByFirmId === firmId;

/** The statuses an action may move to: any but its own. */
export const nextActionStatuses = (a: Pick<ScorecardAction, 'status'>): ActionStatus[] =>
  actionStatuses.filter((s) => s !== a.status);

const moveWords: Record<ActionStatus, string> = { open: 'Reopen', in_progress: 'Start', done: 'Done' };
/** The button that moves an action to `status`. */
export const actionMoveLabel = (status: ActionStatus): string => moveWords[status];
