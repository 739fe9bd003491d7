import { datasetNames } from '@accord/db';
import Type from 'typebox';
import { strict, Timestamp, Uuid } from '../../http/common.schemas.ts';

export const DatasetName = Type.Enum([...datasetNames]);

export const ApiKeyParams = Type.Object({ firmId: Uuid, apiKeyId: Uuid }, strict);

const apiKeyFields = {
  id: Uuid,
  name: Type.String(),
  networkId: Uuid,
  datasets: Type.Array(DatasetName),
  prefix: Type.String({ description: 'The first part of the key, to tell keys apart.' }),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  expiresAt: Type.Union([Timestamp, Type.Null()]),
  revokedAt: Type.Union([Timestamp, Type.Null()]),
  lastUsedAt: Type.Union([Timestamp, Type.Null()]),
};

export const ApiKey = Type.Object(apiKeyFields, { $id: 'ApiKey' });

export const CreatedApiKey = Type.Object({
  ...apiKeyFields,
  key: Type.String({ description: 'The key itself, `acc_...`: shown this once, never again.' }),
});

export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    networkId: Uuid,
    datasets: Type.Array(DatasetName, { minItems: 1, uniqueItems: true }),
    expiresAt: Type.Optional(Timestamp),
  },
  strict,
);
