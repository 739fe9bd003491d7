import { libraryMeasures, perspectives } from '@accord/domain';
import Type from 'typebox';
import { strict, Timestamp, Uuid } from '../../http/common.schemas.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Day = Type.String({ format: 'date', description: 'A day, YYYY-MM-DD.' });

export const Perspective = Type.Enum([...perspectives], {
  description: 'Balanced-scorecard perspective; relationship is the fifth, joint one.',
});
const Direction = Type.Union([Type.Literal('higher'), Type.Literal('lower')], {
  description: 'Whether higher or lower actual values are better.',
});
const Status = Type.Union([Type.Literal('green'), Type.Literal('amber'), Type.Literal('red'), Type.Literal('missing')]);
const PeriodKind = Type.Union([Type.Literal('month'), Type.Literal('quarter'), Type.Literal('year')]);
const LibraryCode = Type.Enum(
  libraryMeasures.map((m) => m.code),
  { description: 'A measure of the library, computed from the exchange.' },
);
const Finite = Type.Number({ minimum: -1e15, maximum: 1e15 });

export const ScorecardParams = Type.Object({ ...NetworkParams.properties, scorecardId: Uuid }, strict);
export const MeasureParams = Type.Object({ ...ScorecardParams.properties, measureId: Uuid }, strict);
export const PeriodParams = Type.Object(
  {
    ...ScorecardParams.properties,
    period: Type.String({ pattern: '^(current|[0-9a-fA-F-]{36})$', description: 'A period id, or `current`.' }),
  },
  strict,
);
export const PeriodMeasureParams = Type.Object(
  { ...ScorecardParams.properties, periodId: Uuid, measureId: Uuid },
  strict,
);
export const PeriodIdParams = Type.Object({ ...ScorecardParams.properties, periodId: Uuid }, strict);
export const ActionParams = Type.Object({ ...NetworkParams.properties, actionId: Uuid }, strict);

const MeasureFields = {
  perspective: Perspective,
  code: Nullable(LibraryCode),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  definition: Type.String({ maxLength: 2000 }),
  unit: Type.String({ minLength: 1, maxLength: 40 }),
  direction: Direction,
  target: Finite,
  green: Type.Number({
    minimum: -1e15,
    maximum: 1e15,
    description: 'Green at or beyond this (in the good direction).',
  }),
  red: Type.Number({ minimum: -1e15, maximum: 1e15, description: 'Red at or beyond this (in the bad direction).' }),
  weight: Type.Number({
    minimum: 0,
    maximum: 1000,
    description: 'Weight within its perspective; 0 = shown, not scored.',
  }),
  ownerFirmId: Uuid,
};

export const Measure = Type.Object({
  id: Uuid,
  ...MeasureFields,
  source: Type.Union([Type.Literal('library'), Type.Literal('manual')]),
  position: Type.Integer(),
  retired: Type.Boolean(),
});

export const MeasureBody = Type.Object(
  {
    ...MeasureFields,
    code: Type.Optional(Nullable(LibraryCode)),
    definition: Type.Optional(Type.String({ maxLength: 2000 })),
    ownerFirmId: Type.Optional(Uuid),
  },
  strict,
);

const PerspectiveWeights = Type.Partial(
  Type.Object(Object.fromEntries(perspectives.map((p) => [p, Type.Number({ minimum: 0, maximum: 1000 })]))),
  { ...strict, description: 'Weight of each perspective in the overall score (1 when left out).' },
);

export const Period = Type.Object({
  id: Uuid,
  startsOn: Day,
  endsBefore: Type.String({ format: 'date', description: 'The day after the last day of the period.' }),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  closedAt: Nullable(Timestamp),
});

export const ScorecardSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  periodKind: PeriodKind,
  version: Type.Integer({
    description: 'Goes up with each change of measures or weights; sign-offs are of a version.',
  }),
  perspectiveWeights: PerspectiveWeights,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ScorecardList = Type.Object({ items: Type.Array(ScorecardSummary) });

export const Scorecard = Type.Object({
  ...ScorecardSummary.properties,
  measures: Type.Array(Measure),
  periods: Type.Array(Period, { description: 'Newest first.' }),
});

export const CreateScorecardBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, default: 'Joint scorecard' })),
    periodKind: Type.Optional(PeriodKind),
    template: Type.Optional(
      Type.Union([Type.Literal('default'), Type.Literal('empty')], {
        description: '`default`: the library measures and two manual ones, with value-chain targets.',
      }),
    ),
    perspectiveWeights: Type.Optional(PerspectiveWeights),
  },
  { ...strict, minProperties: 1 },
);

export const UpdateScorecardBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    perspectiveWeights: Type.Optional(PerspectiveWeights),
  },
  { ...strict, minProperties: 1 },
);

const TrendSchema = Type.Object({
  delta: Nullable(Type.Number()),
  direction: Nullable(Type.Union([Type.Literal('better'), Type.Literal('worse'), Type.Literal('same')])),
});

export const MeasureValue = Type.Object({
  measure: Measure,
  actual: Nullable(Type.Number()),
  previous: Nullable(Type.Number()),
  score: Nullable(Type.Number({ description: '0-10' })),
  status: Status,
  trend: TrendSchema,
  target: Type.Number(),
  green: Type.Number(),
  red: Type.Number(),
  weight: Type.Number(),
  history: Type.Array(
    Type.Object({ periodId: Uuid, startsOn: Day, actual: Nullable(Type.Number()), score: Nullable(Type.Number()) }),
    { description: 'Earlier periods, oldest first (the sparkline).' },
  ),
  comments: Type.Integer(),
  openActions: Type.Integer(),
  needsAction: Type.Boolean({ description: 'Red without both a comment and an action in this period.' }),
});

export const PerspectiveScore = Type.Object({
  perspective: Perspective,
  score: Nullable(Type.Number()),
  status: Status,
  measures: Type.Integer(),
  scored: Type.Integer({ description: 'Measures with a score (missing ones are left out, never counted as 0).' }),
  weight: Type.Number({ description: 'Summed weight of the scored measures.' }),
});

export const Signoff = Type.Object({
  firmId: Uuid,
  firmName: Type.String(),
  signedAt: Nullable(Timestamp),
  version: Nullable(Type.Integer()),
  current: Type.Boolean({ description: 'Signed off the scorecard version in force.' }),
});

export const PeriodView = Type.Object({
  scorecard: ScorecardSummary,
  period: Period,
  subject: Type.Object({
    firmId: Nullable(Uuid),
    name: Type.String({ description: 'The chain, or the partner firm.' }),
  }),
  score: Nullable(Type.Number()),
  status: Status,
  perspectives: Type.Array(PerspectiveScore),
  measures: Type.Array(MeasureValue),
  signoffs: Type.Array(Signoff),
  computedAt: Nullable(Timestamp),
  members: Type.Array(Type.Object({ firmId: Uuid, name: Type.String() })),
});

export const PeriodViewQuery = Type.Object(
  {
    subject: Type.Optional(
      Type.String({ pattern: '^(chain|[0-9a-fA-F-]{36})$', description: '`chain` (default) or a member firm id.' }),
    ),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
  },
  strict,
);

export const TraceFirm = Type.Object({
  firmId: Uuid,
  firmName: Type.String(),
  level: Type.Union([
    Type.Literal('own'),
    Type.Literal('customer'),
    Type.Literal('aggregate'),
    Type.Literal('catalog'),
  ]),
  datasets: Type.Record(
    Type.String(),
    Type.Object({ batches: Type.Array(Uuid), rows: Type.Integer(), customers: Type.Integer() }),
  ),
});

export const Comment = Type.Object({
  id: Uuid,
  firmId: Uuid,
  firmName: Type.String(),
  userId: Uuid,
  body: Type.String(),
  createdAt: Timestamp,
});

export const Action = Type.Object({
  id: Uuid,
  scorecardId: Uuid,
  periodId: Uuid,
  measureId: Uuid,
  measureName: Type.String(),
  title: Type.String(),
  ownerFirmId: Uuid,
  ownerFirmName: Type.String(),
  dueOn: Day,
  status: Type.Union([Type.Literal('open'), Type.Literal('in_progress'), Type.Literal('done')]),
  createdByFirmId: Uuid,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const MeasureDetail = Type.Object({
  measure: Measure,
  period: Period,
  comparison: Type.Array(
    Type.Object({
      firmId: Nullable(Uuid),
      name: Type.String(),
      actual: Nullable(Type.Number()),
      score: Nullable(Type.Number()),
      status: Status,
      rank: Nullable(Type.Integer({ description: '1 = best; null when missing.' })),
    }),
    { description: 'The chain, then the partners ranked best first (missing last).' },
  ),
  trace: Type.Object({
    subject: Nullable(Uuid),
    firms: Type.Array(TraceFirm),
    inputs: Type.Record(Type.String(), Nullable(Type.Number())),
    snapshotId: Nullable(Uuid),
    manual: Nullable(Type.Object({ value: Type.Number(), comment: Type.String(), enteredAt: Timestamp })),
  }),
  comments: Type.Array(Comment),
  actions: Type.Array(Action),
});

export const MeasureDetailQuery = Type.Object(
  { subject: Type.Optional(Type.String({ pattern: '^(chain|[0-9a-fA-F-]{36})$' })) },
  strict,
);

export const ManualValueBody = Type.Object(
  {
    value: Finite,
    comment: Type.String({ minLength: 1, maxLength: 2000, description: 'Where the value comes from.' }),
    subjectFirmId: Type.Optional(Nullable(Uuid)),
  },
  strict,
);

export const CommentBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 5000 }) }, strict);

export const ActionBody = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 500 }), ownerFirmId: Uuid, dueOn: Day },
  strict,
);

export const ActionPatchBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    dueOn: Type.Optional(Day),
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('in_progress'), Type.Literal('done')])),
  },
  { ...strict, minProperties: 1 },
);

export const ActionListQuery = Type.Object(
  { status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('all')], { default: 'open' })) },
  strict,
);
export const ActionList = Type.Object({ items: Type.Array(Action) });

/** A recompute was queued. */
export const Queued = Type.Object({ queued: Type.Boolean() });
