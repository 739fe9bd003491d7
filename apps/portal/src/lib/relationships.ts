// Shapes, words and number formats of the Partners and Surveys pages, shared by their loads, actions and
// components (nothing server-only here). The indicators and levels, with their questions, are the domain's
// (its relationships module alone: the rest of the domain is not for the browser).
import { integrationLevelInfo } from '@accord/domain/relationships';
import type { paths } from '@accord/api-client';
import { resultFor } from './forms';
import type { RelationshipStage } from './types';

type Json<P extends keyof paths, M extends 'get' | 'put' | 'post'> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;

export type Portfolio = Json<'/v1/networks/{networkId}/partners', 'get'>;
export type PartnerSummary = Portfolio['items'][number];
export type TeamRecommendation = NonNullable<Portfolio['recommendation']>[number];
export type PartnerProfile = Json<'/v1/networks/{networkId}/partners/{firmId}', 'get'>;
export type RelationshipContact = PartnerProfile['contacts'][number];
export type SpectrumDetail = NonNullable<PartnerProfile['spectrumDetail']>;
export type IntegrationDetail = NonNullable<PartnerProfile['integrationDetail']>;
export type Assessment = NonNullable<PartnerProfile['assessments']['focal']>;
export type SurveyList = Json<'/v1/networks/{networkId}/surveys', 'get'>;
export type SurveyRound = SurveyList['rounds'][number];
export type SurveyItem = SurveyList['instrument']['items'][number];
export type SurveyRoundDetail = Json<'/v1/networks/{networkId}/surveys/{roundId}', 'get'>;
export type RoundRelationship = SurveyRoundDetail['relationships'][number];
export type Dimensions = Record<string, number>;
export type NetworkPerson = Json<'/v1/networks/{networkId}/people', 'get'>['items'][number];

export {
  integrationLevelInfo,
  integrationLevels,
  spectrumIndicatorInfo,
  spectrumIndicators,
  type IntegrationLevel,
  type SpectrumIndicator,
} from '@accord/domain/relationships';

const dimensionLabels: Record<string, string> = {
  trust: 'Trust',
  commitment: 'Commitment',
  satisfaction: 'Satisfaction',
  information_sharing: 'Information sharing',
};
export const surveyDimensionOrder = ['trust', 'commitment', 'satisfaction', 'information_sharing'] as const;
export const dimensionLabel = (dimension: string): string => dimensionLabels[dimension] ?? dimension.replace(/_/g, ' ');
export const integrationLabel = (level: string): string =>
  (integrationLevelInfo as Record<string, { label: string }>)[level]?.label ?? level;

/** The words of the 1..5 answer scales. */
export const spectrumScale = ['Very low', 'Low', 'Medium', 'High', 'Very high'] as const;
export const integrationScale = ['None', 'Little', 'Some', 'Much', 'Deep'] as const;
export const agreementScale = ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'] as const;

export const stageBands: readonly { stage: RelationshipStage; from: number; to: number }[] = [
  { stage: 'transactional', from: 0, to: 1 / 3 },
  { stage: 'value_adding', from: 1 / 3, to: 2 / 3 },
  { stage: 'collaborative', from: 2 / 3, to: 1 },
];

const one = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const two = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const money = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export const NOT_SHARED = 'not shared with you';
export const formatOne = (value: number | null | undefined): string => (value == null ? '—' : one.format(value));
export const formatTwo = (value: number | null | undefined): string => (value == null ? '—' : two.format(value));
/** Revenue or a count the partner has not shared is never shown as 0. */
export const formatRevenue = (value: number | null | undefined): string =>
  value == null ? NOT_SHARED : money.format(value);
export const formatCount = (value: number | null | undefined): string =>
  value == null ? NOT_SHARED : integer.format(value);
export const formatPercent = (value: number | null | undefined): string =>
  value == null ? '—' : `${Math.round(value * 100)}%`;

/** Hours since a dataset's last load beyond which it counts as stale. */
export const STALE_HOURS = 72;
export const isStale = (hours: number | null | undefined): boolean => hours != null && hours > STALE_HOURS;

/** "just now", "3 h ago", "4 d ago". */
export function formatAge(hours: number | null | undefined): string {
  if (hours == null) return 'never loaded';
  if (hours < 1) return 'just now';
  if (hours < 48) return `${Math.floor(hours)} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

const levelLabels: Record<string, string> = {
  aggregate: 'aggregate',
  customer: 'per customer',
  own: 'own data',
};
export const sharingLabel = (level: string | null): string =>
  level === null ? NOT_SHARED : (levelLabels[level] ?? level.replace(/_/g, ' '));

/** Mean of a round's dimension scores (the relationship's health), null when there are none. */
export function healthOf(dimensions: Dimensions | null | undefined): number | null {
  const values = dimensions ? Object.values(dimensions) : [];
  return values.length ? values.reduce((s, x) => s + x, 0) / values.length : null;
}

/** The columns the portfolio can be sorted by (`?sort=…&order=asc|desc`). */
export const portfolioSorts = ['firm', 'stage', 'position', 'revenue', 'score', 'integration', 'health'] as const;
export type PortfolioSort = (typeof portfolioSorts)[number];
export type SortOrder = 'asc' | 'desc';

export const isPortfolioSort = (value: unknown): value is PortfolioSort =>
  typeof value === 'string' && (portfolioSorts as readonly string[]).includes(value);

const stageRank: Record<RelationshipStage, number> = { transactional: 0, value_adding: 1, collaborative: 2 };

function sortKey(row: PartnerSummary, sort: PortfolioSort): string | number | null {
  switch (sort) {
    case 'firm':
      return row.firm.name.toLowerCase();
    case 'stage':
      return stageRank[row.relationshipStage];
    case 'position':
      return row.spectrum?.position ?? null;
    case 'revenue':
      return row.revenue;
    case 'score':
      return row.scorecardScore;
    case 'integration':
      return row.integration;
    case 'health':
      return healthOf(row.health?.dimensions);
  }
}

/** The rows sorted by a column; rows without a value (not shared, not answered) always last. */
export function sortPortfolio(rows: readonly PartnerSummary[], sort: PortfolioSort, order: SortOrder) {
  const sign = order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const ka = sortKey(a, sort);
    const kb = sortKey(b, sort);
    if (ka === null || kb === null) {
      if (ka === kb) return a.firm.name.localeCompare(b.firm.name);
      return ka === null ? 1 : -1;
    }
    const diff = typeof ka === 'string' ? ka.localeCompare(kb as string) : ka - (kb as number);
    return diff !== 0 ? sign * diff : a.firm.name.localeCompare(b.firm.name);
  });
}

/** A survey answer's field name in the form and the 422 path the API reports it under. */
export const surveyField = (code: string) => `answer_${code}`;

/** The per-field messages a failed action carries (`errors`), keyed by field name. */
export function fieldErrorsFor(result: unknown, form: string, target?: string): Record<string, string> {
  return resultFor(result, form, target)?.errors ?? {};
}

/** The answers a failed action sent back (`answers`), to keep the radio choices after a refusal. */
export function answersFor(result: unknown, form: string, target?: string): Record<string, string> | null {
  if (typeof result !== 'object' || result === null) return null;
  const r = result as { form?: unknown; target?: unknown; answers?: unknown };
  if (r.form !== form || (target !== undefined && r.target !== target)) return null;
  return typeof r.answers === 'object' && r.answers !== null ? (r.answers as Record<string, string>) : null;
}
