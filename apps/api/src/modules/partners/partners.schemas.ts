import { integrationLevels, spectrumIndicators, surveyDimensions } from '@accord/domain';
import Type from 'typebox';
import { strict, Timestamp, Uuid } from '../../http/common.schemas.ts';
import { NetworkParams, RelationshipStage } from '../networks/networks.schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Day = Type.String({ format: 'date', description: 'A day, YYYY-MM-DD.' });
const Likert = Type.Integer({ minimum: 1, maximum: 5 });
const Named = Type.Object({ id: Uuid, name: Type.String() });

export const PartnerParams = Type.Object({ ...NetworkParams.properties, firmId: Uuid }, strict);
export const ContactParams = Type.Object({ ...PartnerParams.properties, contactId: Uuid }, strict);
export const RoundParams = Type.Object({ ...NetworkParams.properties, roundId: Uuid }, strict);
export const ResponseParams = Type.Object({ ...RoundParams.properties, partnerFirmId: Uuid }, strict);

const SpectrumAnswers = Type.Object(Object.fromEntries(spectrumIndicators.map((k) => [k, Likert])), {
  ...strict,
  description: 'Each indicator 1 (low) .. 5 (high).',
});
const IntegrationAnswers = Type.Object(Object.fromEntries(integrationLevels.map((k) => [k, Likert])), {
  ...strict,
  description: 'Each integration level 1 (none) .. 5 (deep).',
});
const Dimensions = Type.Object(Object.fromEntries(surveyDimensions.map((k) => [k, Type.Number()])), {
  description: 'Mean score per dimension, 1..5.',
});

const Side = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Object({ focal: Nullable(schema), partner: Nullable(schema) });

const Recommendation = Type.Object({
  firmId: Uuid,
  firmName: Type.String(),
  onTeam: Type.Boolean(),
  score: Type.Number({ description: '0..1: 0.4 value + 0.3 complementarity + 0.3 commitment.' }),
  value: Type.Number(),
  complementarity: Type.Number(),
  commitment: Type.Number(),
  reasons: Type.Array(Type.String()),
});

export const PartnerSummary = Type.Object({
  firm: Type.Object({ id: Uuid, name: Type.String(), chainRole: Type.String() }),
  relationshipStage: RelationshipStage,
  sponsor: Nullable(Named),
  revenue: Nullable(
    Type.Number({ description: "Revenue in the firm's feeds over the last 12 months, as far as you may see it." }),
  ),
  customers: Nullable(Type.Integer()),
  visibility: Nullable(
    Type.Union([Type.Literal('own'), Type.Literal('customer'), Type.Literal('aggregate')], {
      description: 'How you see its transactions: your own, granted per customer, or aggregate only.',
    }),
  ),
  datasets: Type.Array(
    Type.Object({
      dataset: Type.String(),
      level: Nullable(
        Type.String({ description: 'The level it is shared with you at; null when not shared with you.' }),
      ),
      lastLoadedAt: Nullable(Timestamp),
      hoursSinceLoad: Nullable(Type.Number()),
    }),
  ),
  scorecardScore: Nullable(
    Type.Number({ description: "0..10, the partner's score in your view of the current period." }),
  ),
  spectrum: Nullable(
    Type.Object({
      position: Type.Number({ description: '0 transactional .. 1 collaborative.' }),
      stage: RelationshipStage,
      agreement: Nullable(Type.Number()),
    }),
  ),
  integration: Nullable(Type.Number({ description: 'Mean integration level, 1..5.' })),
  health: Nullable(
    Type.Object({ roundId: Uuid, roundTitle: Type.String(), responses: Type.Integer(), dimensions: Dimensions }),
  ),
  onStrategyTeam: Type.Boolean(),
  signedLatestStrategy: Nullable(Type.Boolean()),
});

export const Portfolio = Type.Object({
  window: Type.Object({ from: Day, to: Day }),
  items: Type.Array(PartnerSummary, {
    description: 'The relationships you are party to: every partner for the focal firm, your own for a partner.',
  }),
  recommendation: Nullable(
    Type.Array(Recommendation, {
      description: 'Which partners to bring into the strategy team first (focal firm only).',
    }),
  ),
});

const Assessment = Type.Object({
  spectrum: SpectrumAnswers,
  integration: IntegrationAnswers,
  note: Type.String(),
  answeredBy: Named,
  answeredAt: Timestamp,
});

export const PartnerProfile = Type.Object({
  ...PartnerSummary.properties,
  assessments: Side(Assessment),
  spectrumDetail: Nullable(
    Type.Object({
      position: Type.Number(),
      stage: RelationshipStage,
      agreement: Nullable(Type.Number()),
      indicators: Type.Array(
        Type.Object({
          indicator: Type.String(),
          label: Type.String(),
          collaborativeWhen: Type.Union([Type.Literal('low'), Type.Literal('high')]),
          focal: Nullable(Type.Number({ description: 'Oriented 0..1, collaborative high.' })),
          partner: Nullable(Type.Number()),
          mean: Type.Number(),
          gap: Nullable(Type.Number()),
        }),
      ),
    }),
  ),
  integrationDetail: Nullable(
    Type.Array(
      Type.Object({
        level: Type.String(),
        focal: Nullable(Type.Number()),
        partner: Nullable(Type.Number()),
        mean: Type.Number(),
        gap: Nullable(Type.Number()),
      }),
    ),
  ),
  contacts: Type.Array(
    Type.Object({
      id: Uuid,
      firmId: Uuid,
      firmName: Type.String(),
      person: Named,
      role: Type.String(),
      addedAt: Timestamp,
    }),
    { description: 'Boundary spanners of both firms.' },
  ),
  surveys: Type.Array(
    Type.Object({
      roundId: Uuid,
      title: Type.String(),
      opensOn: Day,
      closesOn: Day,
      ...Side(Dimensions).properties,
    }),
    { description: 'Each round with answers, newest first: each side’s dimension scores.' },
  ),
  recommendation: Nullable(Recommendation),
});

export const AssessmentBody = Type.Object(
  { spectrum: SpectrumAnswers, integration: IntegrationAnswers, note: Type.Optional(Type.String({ maxLength: 5000 })) },
  strict,
);

export const ContactBody = Type.Object(
  {
    userId: { ...Uuid, description: 'A person of your own firm.' },
    role: Type.String({
      minLength: 1,
      maxLength: 200,
      description: "What they do for the relationship, e.g. 'Key account manager'.",
    }),
  },
  strict,
);

const RoundStatus = Type.Union([Type.Literal('upcoming'), Type.Literal('open'), Type.Literal('closed')]);
export const SurveyRound = Type.Object({
  id: Uuid,
  title: Type.String(),
  opensOn: Day,
  closesOn: Day,
  status: RoundStatus,
  responses: Type.Integer({ description: 'Responses you can see.' }),
  pending: Type.Array(Uuid, { description: 'Partner firms of relationships your firm has not answered for yet.' }),
});

export const SurveyList = Type.Object({
  instrument: Type.Object({
    dimensions: Type.Array(Type.String()),
    items: Type.Array(
      Type.Object({ code: Type.String(), dimension: Type.String(), statement: Type.String(), reverse: Type.Boolean() }),
    ),
    scale: Type.String(),
  }),
  rounds: Type.Array(SurveyRound, { description: 'Newest first.' }),
});

export const RoundBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    opensOn: Day,
    closesOn: { ...Day, description: 'The last day answers are taken.' },
  },
  strict,
);

export const SurveyRoundDetail = Type.Object({
  ...SurveyRound.properties,
  relationships: Type.Array(
    Type.Object({
      firm: Type.Object({ id: Uuid, name: Type.String() }, { description: 'The partner firm of the relationship.' }),
      ...Side(Dimensions).properties,
      yours: Nullable(
        Type.Object({
          answers: Type.Record(Type.String(), Type.Integer()),
          comment: Type.String(),
          answeredAt: Timestamp,
        }),
      ),
    }),
  ),
});

export const ResponseBody = Type.Object(
  {
    answers: Type.Record(Type.String(), Type.Integer(), {
      description: 'Item code -> 1 (strongly disagree) .. 5 (strongly agree).',
    }),
    comment: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  strict,
);

export const SurveyResponse = Type.Object({
  roundId: Uuid,
  partnerFirmId: Uuid,
  respondentFirmId: Uuid,
  dimensions: Dimensions,
  answeredAt: Timestamp,
});
