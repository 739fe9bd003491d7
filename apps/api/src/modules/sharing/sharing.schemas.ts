import { agreementStatuses, DEFAULT_MIN_GROUP_SIZE, sharingLevels } from '@accord/db';
import Type from 'typebox';
import { strict, Timestamp, Uuid } from '../../http/common.schemas.ts';
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
