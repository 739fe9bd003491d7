import { agreementStatuses, DEFAULT_MIN_GROUP_SIZE, sharingLevels } from '@accord/db';
import Type from 'typebox';
import { PageQuery, strict, Timestamp, Uuid } from '../../http/common.schemas.ts';
import { DatasetName } from '../api-keys/api-keys.schemas.ts';

export const SharingLevel = Type.Enum([...sharingLevels], {
  description: 'customer: pseudonymous rows and per-customer results; aggregate: only groups of at least k customers.',
});
export const AgreementStatus = Type.Enum([...agreementStatuses]);
export const AgreementParams = Type.Object({ networkId: Uuid, agreementId: Uuid }, strict);
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const FirmRef = Type.Object({ id: Uuid, name: Type.String() });

export const Agreement = Type.Object(
  {
    id: Uuid,
    networkId: Uuid,
    owner: FirmRef,
    grantee: Type.Union([FirmRef, Type.Null()], { description: 'null: every active member of the network.' }),
    dataset: DatasetName,
    level: SharingLevel,
    minGroupSize: Type.Integer({ description: 'k, for aggregate-level agreements.' }),
    purpose: Type.String(),
    startsOn: Day,
    endsOn: Type.Union([Day, Type.Null()]),
    status: AgreementStatus,
    inEffect: Type.Boolean({ description: 'Active, started and not ended today.' }),
    requested: Type.Boolean({ description: 'Asked for by the grantee.' }),
    decisionReason: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
    decidedAt: Type.Union([Timestamp, Type.Null()]),
    revokedAt: Type.Union([Timestamp, Type.Null()]),
  },
  { $id: 'Agreement' },
);

export const DatasetCatalogEntry = Type.Object({
  owner: FirmRef,
  dataset: DatasetName,
  batches: Type.Integer({ description: 'Succeeded feed batches of this dataset in this network.' }),
  lastLoadedAt: Timestamp,
  sharedWith: Type.Array(
    Type.Object({
      grantee: Type.Union([FirmRef, Type.Null()], { description: 'null: every active member of the network.' }),
      level: SharingLevel,
      minGroupSize: Type.Integer({ description: 'k, for aggregate-level agreements.' }),
    }),
    { description: 'The agreements in force today (active, started, not ended) on this dataset.' },
  ),
});

const terms = {
  dataset: DatasetName,
  level: SharingLevel,
  minGroupSize: Type.Optional(
    Type.Integer({ minimum: 2, maximum: 1_000_000, default: DEFAULT_MIN_GROUP_SIZE, description: 'k (at least 2).' }),
  ),
  purpose: Type.String({ minLength: 1, maxLength: 1000 }),
  startsOn: Type.Optional({ ...Day, description: 'Defaults to today.' }),
  endsOn: Type.Optional({ ...Type.Union([Day, Type.Null()]), description: 'The last day; none runs until revoked.' }),
};

export const GrantBody = Type.Object(
  {
    granteeFirmId: { ...Type.Union([Uuid, Type.Null()]), description: 'A member firm, or null for the whole network.' },
    ...terms,
  },
  strict,
);

export const RequestBody = Type.Object(
  { ownerFirmId: { ...Uuid, description: 'The member firm whose data you ask for.' }, ...terms },
  strict,
);

export const DecisionBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 1000 })) }, strict);

export const AgreementListQuery = Type.Object(
  {
    status: Type.Optional(AgreementStatus),
    dataset: Type.Optional(DatasetName),
    side: Type.Optional(
      Type.Enum(['granted', 'received'], { description: "granted: your data to others; received: others' to you." }),
    ),
  },
  strict,
);

export const aggregateDimensions = [
  'none',
  'month',
  'channel',
  'sku',
  'location',
  'currency',
  'carrier',
  'expedited',
  'category',
  'satisfaction',
  'activity',
] as const;
export const AggregateParams = Type.Object({ networkId: Uuid, dataset: DatasetName }, strict);
export const AggregateQuery = Type.Object(
  {
    by: Type.Optional({
      ...Type.Enum([...aggregateDimensions]),
      default: 'none',
      description:
        'What to group by, besides the owner firm: transactions month|channel|sku|location|currency, shipments ' +
        'month|carrier|expedited, service_cases month|channel|category|satisfaction, activities month|activity; ' +
        'none (the default) for one group per firm.',
    }),
  },
  strict,
);
const Decimal = Type.Union([Type.String({ description: 'Exact decimal.' }), Type.Null()]);
export const AggregateGroup = Type.Object({
  owner: FirmRef,
  group: Type.Union([Type.String(), Type.Null()]),
  pooled: Type.Boolean({
    description: "True for the row pooling an owner's groups that are not shown on their own (released figures).",
  }),
  customers: Type.Integer({
    description:
      'Distinct customers; in released figures distinct within each month and added over the months, so a ' +
      'customer active in two months counts twice.',
  }),
  rows: Type.Integer(),
  amount: Decimal,
  quantity: Decimal,
  minGroupSize: Type.Integer({
    description:
      "The owner's k for you (1 for your own data and customer-level grants); the smallest k any month in the figures was released at.",
  }),
  releasedThrough: Type.Union([Type.String({ format: 'date' }), Type.Null()], {
    description:
      "The last month (its first day) in released figures: another firm's data at aggregate level. Null for live " +
      'figures.',
  }),
});

export const AccessLogQuery = Type.Object(
  {
    ...PageQuery.properties,
    format: Type.Optional(
      Type.Enum(['json', 'csv'], {
        description:
          'csv: every entry, newest first, streamed as text/csv however many (limit and cursor do not apply).',
      }),
    ),
  },
  strict,
);
export const AccessLogEntry = Type.Object({
  id: Type.Integer(),
  at: Timestamp,
  networkId: Uuid,
  reader: FirmRef,
  readerUser: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
  readerApiKeyId: Type.Union([Uuid, Type.Null()]),
  dataset: DatasetName,
  level: SharingLevel,
  purpose: Type.String(),
  reading: Type.String(),
  rowCount: Type.Union([Type.Integer(), Type.Null()]),
  groupCount: Type.Union([Type.Integer(), Type.Null()]),
});
