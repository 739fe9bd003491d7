// Shapes and words of the Strategy page, shared by its server load, its actions and the page (nothing
// server-only here). The section, tier, commitment and cadence lists follow the API's enums: the records
// below are typed by them, so a new value in the OpenAPI document fails the type check until it has words.
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

export type StrategyOverview = Json<'/v1/networks/{networkId}/strategy', 'get'>;
export type VersionSummary = StrategyOverview['versions'][number];
export type PartnerStanding = StrategyOverview['partners'][number];
export type TeamMember = StrategyOverview['team'][number];
export type StrategyVersion = Json<'/v1/networks/{networkId}/strategy/versions/{versionId}', 'get'>;
export type StrategyContent = StrategyVersion['content'];
export type StrategyComment = StrategyVersion['comments'][number];
export type StrategyDecision = StrategyVersion['signoffs'][number];
export type StrategyDiff = Json<'/v1/networks/{networkId}/strategy/diff', 'get'>;
export type DiffChange = StrategyDiff['sections'][number]['changes'][number];
export type VersionStatus = VersionSummary['status'];
export type Section = StrategyComment['section'];
export type ValueTier = StrategyContent['targetSegments'][number]['tier'];
export type CommitmentKind = StrategyContent['partnerRoles'][number]['commitments'][number]['kind'];
export type ReviewCadence = StrategyContent['reviewCadence'];
export type NetworkPerson = Json<'/v1/networks/{networkId}/people', 'get'>['items'][number];

/** A scorecard measure an objective or success measure can point at. */
export interface MeasureOption {
  id: string;
  name: string;
  scorecard: string;
  unit: string;
}

/** A member firm a partner role or capability can name. */
export interface FirmOption {
  id: string;
  name: string;
  focal: boolean;
}

const sectionTitles: Record<Section, string> = {
  vision: 'Vision',
  objectives: 'Objectives',
  targetSegments: 'Target segments and value propositions',
  partnerRoles: 'Partner roles and commitments',
  customerExperience: 'Customer experience plan',
  capabilities: 'Capabilities and technology',
  successMeasures: 'Success measures and review cadence',
};
export const sections = Object.keys(sectionTitles) as Section[];
export const sectionTitle = (s: Section): string => sectionTitles[s];
export const isSection = (value: string): value is Section => value in sectionTitles;

const tierNames: Record<ValueTier, string> = {
  best: 'Best customers',
  average: 'Average customers',
  worst: 'Worst customers',
};
export const valueTiers = Object.keys(tierNames) as ValueTier[];
export const tierName = (t: ValueTier): string => tierNames[t];

const commitmentNames: Record<CommitmentKind, string> = {
  data_feed: 'Data feed',
  channel: 'Channel',
  service_level: 'Service level',
  investment: 'Investment',
  cost_sharing: 'Cost sharing',
};
export const commitmentKinds = Object.keys(commitmentNames) as CommitmentKind[];
export const commitmentName = (k: CommitmentKind): string => commitmentNames[k];

const cadenceNames: Record<ReviewCadence, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  semiannual: 'Every six months',
  annual: 'Annually',
};
export const reviewCadences = Object.keys(cadenceNames) as ReviewCadence[];
export const cadenceName = (c: ReviewCadence): string => cadenceNames[c];

const statusNames: Record<VersionStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  published: 'Published',
};
export const statusName = (s: VersionStatus): string => statusNames[s];

export const experienceFields = [
  ['channelMix', 'Channel mix'],
  ['consistencyRules', 'Consistency rules across channels'],
  ['deliveryOptions', 'Delivery options'],
  ['returns', 'Returns across partners'],
  ['priceMatching', 'Price matching'],
] as const satisfies readonly (readonly [keyof StrategyContent['customerExperience'], string])[];

/**
 * The form field an API error path points at: `/content/objectives[0].measures[1].measureId` (the API's own
 * checks) and `body/content/objectives/0/title` (schema errors) both become `objectives.0.measures.1.measureId`,
 * the name of the editor's field; `/title` becomes `title`.
 */
export function fieldOfPath(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\/+/, '')
    .replace(/^body\/?/, '')
    .replace(/^\/?content\/?/, '')
    .replace(/\//g, '.')
    .replace(/^\.+|\.+$/g, '');
}

/** A field's error messages by field name (see fieldOfPath). */
export type FieldErrors = Record<string, string>;

/** What the editor's actions send back: the content as submitted (or edited), and its problems. */
export interface EditorResult {
  form: 'editor';
  versionId: string;
  title: string;
  content: StrategyContent;
  errors?: FieldErrors;
  message?: string;
  success?: string;
  /** The field to focus after adding a row. */
  focus?: string;
}

export function editorResult(result: unknown, versionId: string): EditorResult | null {
  if (typeof result !== 'object' || result === null) return null;
  const r = result as Partial<EditorResult>;
  return r.form === 'editor' && r.versionId === versionId && r.content ? (r as EditorResult) : null;
}
