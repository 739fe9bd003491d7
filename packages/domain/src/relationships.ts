// Relationship strength between the focal firm and a partner: where the relationship sits on the
// spectrum from transactional to collaborative exchange (Hutt & Speh), how deeply the alliance is
// integrated at each level, the relationship health survey, and which partners to bring into the
// strategy team first.
//
// Both firms answer the spectrum and integration questions for the same relationship; the gap
// between their answers is itself a finding (an audit of the ties), so the combined views keep
// each side's answer and the gap, and average only over the sides that answered.
//
// Health survey. Four dimensions of three Likert items each, paraphrasing established scales:
// trust and commitment (Morgan & Hunt 1994), satisfaction with the relationship, and information
// sharing (Mohr & Spekman 1994). A reverse-keyed item in trust, commitment and information sharing
// catches acquiescent answering; it is scored 6 - x.
import type { RelationshipStage } from './vocabulary.ts';

export const spectrumIndicators = [
  'alternatives',
  'market_dynamism',
  'importance',
  'complexity',
  'information_exchange',
  'operational_linkages',
] as const;
export type SpectrumIndicator = (typeof spectrumIndicators)[number];

/** The six indicators of the relationship spectrum (Hutt & Speh), each answered 1 (low) .. 5 (high). */
export const spectrumIndicatorInfo: Record<
  SpectrumIndicator,
  { label: string; question: string; collaborativeWhen: 'low' | 'high' }
> = {
  alternatives: {
    label: 'Availability of alternatives',
    question: 'How easily could either firm replace the other with another partner?',
    collaborativeWhen: 'low',
  },
  market_dynamism: {
    label: 'Supply market dynamism',
    question: 'How fast do products, technology and prices change in this market?',
    collaborativeWhen: 'high',
  },
  importance: {
    label: 'Importance of purchase',
    question: "How important is what this partner supplies or sells to your firm's results?",
    collaborativeWhen: 'high',
  },
  complexity: {
    label: 'Complexity of purchase',
    question: 'How complex is what you exchange (specification, coordination, service)?',
    collaborativeWhen: 'high',
  },
  information_exchange: {
    label: 'Information exchange',
    question: 'How much information do the two firms exchange, beyond orders and invoices?',
    collaborativeWhen: 'high',
  },
  operational_linkages: {
    label: 'Operational linkages',
    question: "How closely are the two firms' systems, processes and people linked?",
    collaborativeWhen: 'high',
  },
};

export type SpectrumAnswers = Record<SpectrumIndicator, number>;

export const integrationLevels = ['strategic', 'tactical', 'operational', 'interpersonal', 'cultural'] as const;
export type IntegrationLevel = (typeof integrationLevels)[number];
/** Each level answered 1 (none) .. 5 (deep). */
export type IntegrationAnswers = Record<IntegrationLevel, number>;

/** The five alliance integration levels (Hutt & Speh), each answered 1 (none) .. 5 (deep). */
export const integrationLevelInfo: Record<IntegrationLevel, { label: string; question: string }> = {
  strategic: { label: 'Strategic', question: 'Do senior leaders meet to set shared goals and plans?' },
  tactical: { label: 'Tactical', question: 'Do middle managers plan joint projects and changes together?' },
  operational: { label: 'Operational', question: 'Do the day-to-day processes and systems work as one?' },
  interpersonal: { label: 'Interpersonal', question: 'Do people of both firms know and call on each other?' },
  cultural: { label: 'Cultural', question: 'Do the two firms share values and ways of working?' },
};

export interface AnswerProblem {
  /** The answer's key, e.g. `alternatives` or `trust_2`. */
  path: string;
  message: string;
}

const isLikert = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= 5;

/** Every key answered with an integer 1..5, and no unknown keys. */
function likertProblems(keys: readonly string[], answers: Record<string, unknown>): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const known = new Set(keys);
  for (const key of keys) {
    if (!(key in answers) || answers[key] === undefined || answers[key] === null)
      problems.push({ path: key, message: 'missing answer' });
    else if (!isLikert(answers[key]))
      problems.push({ path: key, message: `must be an integer from 1 to 5, not ${JSON.stringify(answers[key])}` });
  }
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) problems.push({ path: key, message: `unknown question ${JSON.stringify(key)}` });
  }
  return problems;
}

/** Problems with a firm's spectrum or integration answers, empty when fine: missing, unknown key, not an integer 1..5. */
export function answerProblems(kind: 'spectrum' | 'integration', a: Record<string, unknown>): AnswerProblem[] {
  return likertProblems(kind === 'spectrum' ? spectrumIndicators : integrationLevels, a);
}

function assertAnswers(what: string, keys: readonly string[], answers: Record<string, unknown>): void {
  const [first] = likertProblems(keys, answers);
  if (first) throw new RangeError(`${what}: ${first.path}: ${first.message}`);
}

/** Stage of a 0..1 position: below 1/3 transactional, below 2/3 value-adding, else collaborative. */
export function stageOf(position: number): RelationshipStage {
  if (position < 1 / 3) return 'transactional';
  if (position < 2 / 3) return 'value_adding';
  return 'collaborative';
}

export interface SpectrumPosition {
  /** 0 (fully transactional) .. 1 (fully collaborative). */
  position: number;
  stage: RelationshipStage;
  /** Each indicator oriented so that collaborative is high, on 0..1. */
  indicators: Record<SpectrumIndicator, number>;
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * 0 (fully transactional) .. 1 (fully collaborative): each indicator oriented so collaborative is
 * high, mapped (x-1)/4, averaged. Stage: < 1/3 transactional, < 2/3 value_adding, else
 * collaborative. Throws a RangeError on answers answerProblems would report.
 */
export function spectrumPosition(a: SpectrumAnswers): SpectrumPosition {
  assertAnswers('spectrumPosition', spectrumIndicators, a);
  const indicators = Object.fromEntries(
    spectrumIndicators.map((k) => {
      const x = spectrumIndicatorInfo[k].collaborativeWhen === 'high' ? a[k] : 6 - a[k];
      return [k, (x - 1) / 4];
    }),
  ) as Record<SpectrumIndicator, number>;
  const position = mean(spectrumIndicators.map((k) => indicators[k]));
  return { position, stage: stageOf(position), indicators };
}

export interface SpectrumIndicatorComparison {
  /** Oriented 0..1 values of each side, null when that side did not answer. */
  focal: number | null;
  partner: number | null;
  /** Mean over the sides that answered. */
  mean: number;
  /** |focal - partner|, null unless both answered. */
  gap: number | null;
}

export interface RelationshipSpectrum {
  /** Mean position over the sides that answered. */
  position: number;
  stage: RelationshipStage;
  focal: SpectrumPosition | null;
  partner: SpectrumPosition | null;
  indicators: Record<SpectrumIndicator, SpectrumIndicatorComparison>;
  /** 1 - mean gap over the indicators: 1 when both firms see the relationship alike; null unless both answered. */
  agreement: number | null;
}

/** Per key: each side's value, the mean of the sides present and the gap when both are. */
function compare<K extends string>(
  keys: readonly K[],
  focal: Record<K, number> | null,
  partner: Record<K, number> | null,
): Record<K, { focal: number | null; partner: number | null; mean: number; gap: number | null }> {
  return Object.fromEntries(
    keys.map((k) => {
      const f = focal ? focal[k] : null;
      const p = partner ? partner[k] : null;
      const present = [f, p].filter((x): x is number => x !== null);
      return [k, { focal: f, partner: p, mean: mean(present), gap: f !== null && p !== null ? Math.abs(f - p) : null }];
    }),
  ) as Record<K, { focal: number | null; partner: number | null; mean: number; gap: number | null }>;
}

/**
 * Both firms' answers (either may be null): the mean position and stage over the sides that
 * answered, per indicator the gap between the sides (abs diff of oriented 0..1 values, null unless
 * both answered), and `agreement` = 1 - mean gap (null unless both). Null when neither answered.
 */
export function relationshipSpectrum(
  focal: SpectrumAnswers | null,
  partner: SpectrumAnswers | null,
): RelationshipSpectrum | null {
  if (!focal && !partner) return null;
  const f = focal ? spectrumPosition(focal) : null;
  const p = partner ? spectrumPosition(partner) : null;
  const position = mean([f, p].filter((s) => s !== null).map((s) => s.position));
  const indicators = compare(spectrumIndicators, f?.indicators ?? null, p?.indicators ?? null);
  const agreement = f && p ? 1 - mean(spectrumIndicators.map((k) => indicators[k].gap!)) : null;
  return { position, stage: stageOf(position), focal: f, partner: p, indicators, agreement };
}

export interface IntegrationLevelComparison {
  /** Each side's answer 1..5, null when that side did not answer. */
  focal: number | null;
  partner: number | null;
  /** Mean over the sides that answered, 1..5. */
  mean: number;
  /** |focal - partner| on the 1..5 scale, null unless both answered. */
  gap: number | null;
}

export interface IntegrationProfile {
  levels: Record<IntegrationLevel, IntegrationLevelComparison>;
  /** Mean of the level means, 1..5. */
  overall: number;
}

/**
 * Per level the mean of the sides that answered (1..5) and the gap; overall = mean of levels.
 * Null when neither answered; throws a RangeError on answers answerProblems would report.
 */
export function integrationProfile(
  focal: IntegrationAnswers | null,
  partner: IntegrationAnswers | null,
): IntegrationProfile | null {
  if (!focal && !partner) return null;
  if (focal) assertAnswers('integrationProfile: focal', integrationLevels, focal);
  if (partner) assertAnswers('integrationProfile: partner', integrationLevels, partner);
  const levels = compare(integrationLevels, focal, partner);
  return { levels, overall: mean(integrationLevels.map((l) => levels[l].mean)) };
}

// ---------------------------------------------------------------------------------------------
// Relationship health survey

export const surveyDimensions = ['trust', 'commitment', 'satisfaction', 'information_sharing'] as const;
export type SurveyDimension = (typeof surveyDimensions)[number];

export interface SurveyItem {
  /** e.g. `trust_1`. */
  code: string;
  dimension: SurveyDimension;
  /** Answered 1 (strongly disagree) .. 5 (strongly agree). */
  statement: string;
  /** Agreeing signals less of the dimension; scored 6 - x. */
  reverse: boolean;
}

export const surveyItems: readonly SurveyItem[] = Object.freeze(
  (
    [
      {
        code: 'trust_1',
        dimension: 'trust',
        statement: 'This partner keeps the promises it makes to us.',
        reverse: false,
      },
      {
        code: 'trust_2',
        dimension: 'trust',
        statement: 'We can count on this partner to consider our interests when it makes decisions.',
        reverse: false,
      },
      {
        code: 'trust_3',
        dimension: 'trust',
        statement: 'We feel we have to double-check what this partner tells us.',
        reverse: true,
      },
      {
        code: 'commitment_1',
        dimension: 'commitment',
        statement: 'Our relationship with this partner is one we intend to keep for the long term.',
        reverse: false,
      },
      {
        code: 'commitment_2',
        dimension: 'commitment',
        statement: 'We are willing to put in real effort to keep this relationship working.',
        reverse: false,
      },
      {
        code: 'commitment_3',
        dimension: 'commitment',
        statement: 'If a slightly better offer came along, we would move our business away from this partner.',
        reverse: true,
      },
      {
        code: 'satisfaction_1',
        dimension: 'satisfaction',
        statement: 'Overall, we are satisfied with our relationship with this partner.',
        reverse: false,
      },
      {
        code: 'satisfaction_2',
        dimension: 'satisfaction',
        statement: 'Working with this partner has lived up to our expectations.',
        reverse: false,
      },
      {
        code: 'satisfaction_3',
        dimension: 'satisfaction',
        statement: 'If we were choosing again, we would choose this partner.',
        reverse: false,
      },
      {
        code: 'information_sharing_1',
        dimension: 'information_sharing',
        statement: 'This partner tells us promptly about events or changes that may affect us.',
        reverse: false,
      },
      {
        code: 'information_sharing_2',
        dimension: 'information_sharing',
        statement: 'The information this partner shares with us is accurate and complete enough to act on.',
        reverse: false,
      },
      {
        code: 'information_sharing_3',
        dimension: 'information_sharing',
        statement: 'We often hear about important developments from others before this partner tells us.',
        reverse: true,
      },
    ] as const satisfies readonly SurveyItem[]
  ).map((item) => Object.freeze({ ...item })),
);

const surveyCodes = surveyItems.map((i) => i.code);

/** Problems with one respondent's answers, empty when fine: every item answered with an integer 1..5, no unknown codes. */
export function surveyProblems(answers: Record<string, unknown>): AnswerProblem[] {
  return likertProblems(surveyCodes, answers);
}

/**
 * Per dimension the mean of its items (reverse items as 6 - x), on 1..5. Throws a RangeError on
 * answers surveyProblems would report.
 */
export function scoreSurvey(answers: Record<string, number>): Record<SurveyDimension, number> {
  assertAnswers('scoreSurvey', surveyCodes, answers);
  return Object.fromEntries(
    surveyDimensions.map((d) => [
      d,
      mean(
        surveyItems.filter((i) => i.dimension === d).map((i) => (i.reverse ? 6 - answers[i.code]! : answers[i.code]!)),
      ),
    ]),
  ) as Record<SurveyDimension, number>;
}

// ---------------------------------------------------------------------------------------------
// Strategy team

/** Which partners to bring into the strategy team first: high value, complementary capabilities, senior commitment. */
export interface TeamCandidate {
  firmId: string;
  chainRole: string;
  onTeam: boolean;
  /** Revenue the firm contributed through the exchange (null = not visible). */
  revenue: number | null;
  customers: number | null;
  /** Datasets the firm shares. */
  datasets: string[];
  /** Has an executive sponsor. */
  sponsorNamed: boolean;
  /** Signed the latest published strategy (null: none published). */
  signedLatest: boolean | null;
  /** Survey commitment 1..5 (null = no answers). */
  commitment: number | null;
  /** Integration profile overall 1..5. */
  integration: number | null;
}

export interface TeamRecommendation {
  firmId: string;
  onTeam: boolean;
  /** 0..1. */
  score: number;
  value: number;
  complementarity: number;
  commitment: number;
  /** Short human phrases, e.g. 'Largest revenue contributor', 'No executive sponsor named'. */
  reasons: string[];
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
/** x relative to the largest, 0 when missing or when the largest is not positive. */
const relative = (x: number | null, largest: number): number =>
  x === null || !Number.isFinite(x) || !(largest > 0) ? 0 : clamp01(x / largest);
const fromLikert = (x: number): number => clamp01((x - 1) / 4);
const humanRole = (role: string): string => {
  const words = role.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};
const listed = (xs: readonly string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

/** Scores closer than this are a tie, so rounding noise never decides the order. */
const tieTolerance = 1e-12;

/**
 * Ranks partners for the strategy team. value: revenue and customers each relative to the largest
 * candidate's (missing = 0), averaged; complementarity: share of the candidate's chain role and
 * datasets not yet covered by team members (chain role counts 0.5, datasets together 0.5; nothing
 * to add = 0); for a member, coverage by the other members, i.e. what the team would lose without
 * it. commitment: mean of the available signals mapped to 0..1 (sponsorNamed 0/1, signedLatest
 * 0/1, (commitment-1)/4, (integration-1)/4), 0 when none. score = 0.4 value + 0.3
 * complementarity + 0.3 commitment. Sorted by score desc then firmId; team members are included
 * (flagged) but ranked after non-members.
 */
export function recommendStrategyTeam(candidates: TeamCandidate[]): TeamRecommendation[] {
  const largest = (pick: (c: TeamCandidate) => number | null): number =>
    Math.max(0, ...candidates.map(pick).filter((x): x is number => x !== null && Number.isFinite(x)));
  const maxRevenue = largest((c) => c.revenue);
  const maxCustomers = largest((c) => c.customers);

  const recommendations = candidates.map((c): TeamRecommendation => {
    const reasons: string[] = [];
    if (c.onTeam) reasons.push('Already on the strategy team');

    const value = (relative(c.revenue, maxRevenue) + relative(c.customers, maxCustomers)) / 2;
    if (maxRevenue > 0 && c.revenue === maxRevenue) reasons.push('Largest revenue contributor');
    if (maxCustomers > 0 && c.customers === maxCustomers) reasons.push('Largest customer base');
    if (c.revenue === null) reasons.push('Revenue not visible through the exchange');

    const others = candidates.filter((o) => o.onTeam && o !== c);
    const teamRoles = new Set(others.map((o) => o.chainRole));
    const teamDatasets = new Set(others.flatMap((o) => o.datasets));
    const datasets = [...new Set(c.datasets)];
    const newDatasets = datasets.filter((d) => !teamDatasets.has(d));
    const newRole = !teamRoles.has(c.chainRole);
    const complementarity = (newRole ? 0.5 : 0) + (datasets.length ? (0.5 * newDatasets.length) / datasets.length : 0);
    if (c.onTeam) {
      if (newRole) reasons.push(`Only ${humanRole(c.chainRole).toLowerCase()} on the team`);
      if (newDatasets.length) reasons.push(`Only team member sharing ${listed(newDatasets)} data`);
    } else {
      if (newDatasets.length) reasons.push(`Brings ${listed(newDatasets)} data the team lacks`);
      if (newRole) reasons.push(`${humanRole(c.chainRole)} role not yet on the team`);
    }

    const signals = [c.sponsorNamed ? 1 : 0];
    if (c.signedLatest !== null) signals.push(c.signedLatest ? 1 : 0);
    if (c.commitment !== null) signals.push(fromLikert(c.commitment));
    if (c.integration !== null) signals.push(fromLikert(c.integration));
    const commitment = mean(signals);
    reasons.push(c.sponsorNamed ? 'Executive sponsor named' : 'No executive sponsor named');
    if (c.signedLatest === true) reasons.push('Signed the latest strategy');
    if (c.signedLatest === false) reasons.push('Has not signed the latest strategy');
    if (c.commitment !== null && c.commitment >= 4) reasons.push('Strong commitment in the health survey');
    if (c.commitment !== null && c.commitment <= 2) reasons.push('Weak commitment in the health survey');

    const score = 0.4 * value + 0.3 * complementarity + 0.3 * commitment;
    return { firmId: c.firmId, onTeam: c.onTeam, score, value, complementarity, commitment, reasons };
  });

  return recommendations.sort((a, b) => {
    if (a.onTeam !== b.onTeam) return a.onTeam ? 1 : -1;
    if (Math.abs(a.score - b.score) > tieTolerance) return b.score - a.score;
    return a.firmId < b.firmId ? -1 : a.firmId > b.firmId ? 1 : 0;
  });
}
