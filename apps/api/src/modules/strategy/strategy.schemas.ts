import { commitmentKinds, reviewCadences, strategySections, valueTiers } from '@accord/domain';
import Type from 'typebox';
import { strict, Timestamp, Uuid } from '../../http/common.schemas.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Text = (maxLength: number, description?: string) =>
  Type.String({ maxLength, ...(description ? { description } : {}) });
const ItemId = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9_-]+$',
  description: 'Stable id of the item within its list, kept across versions (the diff matches items by it).',
});
const Day = Type.String({ format: 'date', description: 'A day, YYYY-MM-DD.' });
const List = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Array(item, { maxItems: 100 });

export const StrategySection = Type.Enum([...strategySections], { description: 'A section of the strategy.' });
export const StrategyStatus = Type.Union([Type.Literal('draft'), Type.Literal('in_review'), Type.Literal('published')]);
const Decision = Type.Union([Type.Literal('signed'), Type.Literal('changes_requested')]);

/** The structured sections of a strategy version (the domain's StrategyContent). */
export const StrategyContent = Type.Object(
  {
    vision: Text(20_000),
    objectives: List(
      Type.Object(
        {
          id: ItemId,
          title: Type.String({ minLength: 1, maxLength: 300 }),
          description: Text(20_000),
          measures: List(
            Type.Object(
              {
                measureId: { ...Uuid, description: "A measure of one of the network's scorecards." },
                target: Type.Number({ minimum: -1e15, maximum: 1e15 }),
                dueDate: Day,
              },
              strict,
            ),
          ),
        },
        strict,
      ),
    ),
    targetSegments: List(
      Type.Object(
        {
          id: ItemId,
          segment: Type.String({
            minLength: 1,
            maxLength: 200,
            description: "A segment of the network's joint segmentation scheme (its latest version).",
          }),
          tier: Type.Enum([...valueTiers], {
            description: 'Best, average or worst customers: each gets different value.',
          }),
          valueProposition: Text(20_000),
        },
        strict,
      ),
    ),
    partnerRoles: List(
      Type.Object(
        {
          id: ItemId,
          firmId: { ...Uuid, description: 'An active member firm of the network.' },
          role: Text(20_000),
          commitments: List(
            Type.Object(
              { kind: Type.Enum([...commitmentKinds]), description: Type.String({ minLength: 1, maxLength: 2000 }) },
              strict,
            ),
          ),
        },
        strict,
      ),
    ),
    customerExperience: Type.Object(
      {
        channelMix: Text(20_000),
        consistencyRules: Text(20_000),
        deliveryOptions: Text(20_000),
        returns: Text(20_000, 'Returns across partners.'),
        priceMatching: Text(20_000),
      },
      strict,
    ),
    capabilities: List(
      Type.Object(
        {
          id: ItemId,
          name: Type.String({ minLength: 1, maxLength: 300 }),
          description: Text(20_000),
          firmId: Nullable({ ...Uuid, description: 'The member firm that contributes it, if one does.' }),
        },
        strict,
      ),
    ),
    technology: Text(20_000),
    successMeasures: List(Type.Object({ id: ItemId, measureId: Uuid, note: Text(2000) }, strict)),
    reviewCadence: Type.Enum([...reviewCadences]),
  },
  { ...strict, description: 'The strategy, section by section.' },
);

export const VersionParams = Type.Object({ ...NetworkParams.properties, versionId: Uuid }, strict);
export const TeamMemberParams = Type.Object({ ...NetworkParams.properties, userId: Uuid }, strict);

const Person = Type.Object({ id: Uuid, name: Type.String(), firmId: Uuid, firmName: Type.String() });

export const Signoff = Type.Object({
  id: Uuid,
  versionId: Uuid,
  version: Type.Integer(),
  firmId: Uuid,
  firmName: Type.String(),
  by: Type.Object({ id: Uuid, name: Type.String() }),
  decision: Decision,
  reason: Type.String(),
  decidedAt: Timestamp,
});

export const VersionSummary = Type.Object({
  id: Uuid,
  version: Type.Integer(),
  status: StrategyStatus,
  title: Type.String(),
  basedOnVersion: Nullable(Type.Integer()),
  createdBy: Type.Object({ id: Uuid, name: Type.String() }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  submittedAt: Nullable(Timestamp),
  publishedAt: Nullable(Timestamp),
  publishedBy: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  signed: Type.Integer({ description: 'Partner firms whose latest decision on this version is a sign-off.' }),
  changesRequested: Type.Integer({ description: 'Partner firms whose latest decision on it requests changes.' }),
});

const PartnerStanding = Type.Object({
  firmId: Uuid,
  firmName: Type.String(),
  chainRole: Type.String(),
  sponsor: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  decision: Nullable(Signoff),
});

export const StrategyOverview = Type.Object({
  networkId: Uuid,
  team: Type.Array(
    Type.Object({
      ...Person.properties,
      role: Type.String(),
      invited: Type.Boolean({ description: "False for the focal firm's own managers, who are on the team by role." }),
    }),
  ),
  versions: Type.Array(VersionSummary, {
    description: 'Newest first; drafts and versions in review only to the team.',
  }),
  latestPublishedId: Nullable(Uuid),
  openVersionId: Nullable(Uuid),
  partners: Type.Array(PartnerStanding, {
    description: "Each partner firm, its executive sponsor and the sponsor's decision on the latest published version.",
  }),
  you: Type.Object({
    onTeam: Type.Boolean(),
    focal: Type.Boolean(),
    sponsor: Type.Boolean({
      description: "You are your firm's executive sponsor and your firm is a partner: you decide.",
    }),
  }),
});

export const Comment = Type.Object({
  id: Uuid,
  section: StrategySection,
  firmId: Uuid,
  firmName: Type.String(),
  author: Type.Object({ id: Uuid, name: Type.String() }),
  body: Type.String(),
  createdAt: Timestamp,
});

export const Version = Type.Object({
  ...VersionSummary.properties,
  content: StrategyContent,
  comments: Type.Array(Comment),
  signoffs: Type.Array(Signoff, { description: 'Every decision on this version, oldest first.' }),
});

export const NewVersionBody = Type.Object(
  { title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })) },
  strict,
);

export const UpdateVersionBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    content: StrategyContent,
    baseUpdatedAt: Type.Optional({
      ...Timestamp,
      description: 'The updatedAt you edited from; a later change by someone else answers 409 edit_conflict.',
    }),
  },
  strict,
);

export const CommentBody = Type.Object(
  { section: StrategySection, body: Type.String({ minLength: 1, maxLength: 5000 }) },
  strict,
);

export const DecisionBody = Type.Object(
  {
    decision: Decision,
    reason: Type.Optional(
      Type.String({ maxLength: 5000, description: 'Required when requesting changes: what should change.' }),
    ),
  },
  strict,
);

export const TeamMemberBody = Type.Object({ userId: Uuid }, strict);

export const DiffQuery = Type.Object(
  {
    from: Type.Optional({
      ...Uuid,
      description: 'The older version; by default the one `to` was started from (nothing for the first version).',
    }),
    to: Type.Optional({ ...Uuid, description: 'The newer version; by default the newest you can see.' }),
  },
  strict,
);

const TextChange = Type.Object({
  op: Type.Union([Type.Literal('equal'), Type.Literal('insert'), Type.Literal('delete')]),
  text: Type.String(),
});

export const StrategyDiff = Type.Object({
  from: Type.Union([Type.Object({ id: Uuid, version: Type.Integer() }), Type.Null()], {
    description: 'Null when comparing the first version with an empty strategy.',
  }),
  to: Type.Object({ id: Uuid, version: Type.Integer() }),
  sections: Type.Array(
    Type.Object({
      section: StrategySection,
      title: Type.String(),
      changes: Type.Array(
        Type.Object({
          kind: Type.Union([
            Type.Literal('added'),
            Type.Literal('removed'),
            Type.Literal('changed'),
            Type.Literal('moved'),
          ]),
          label: Type.String(),
          path: Type.String(),
          before: Nullable(Type.String()),
          after: Nullable(Type.String()),
          text: Nullable(Type.Array(TextChange)),
        }),
      ),
    }),
  ),
});
