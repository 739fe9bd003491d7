import { batchStatuses, feedFormats, onErrorModes } from '@accord/db';
import Type from 'typebox';
import { strict, Timestamp, Uuid } from '../../http/common.schemas.ts';
import { DatasetName } from '../api-keys/api-keys.schemas.ts';

export const BatchParams = Type.Object({ networkId: Uuid, batchId: Uuid }, strict);
export const FeedParams = Type.Object({ networkId: Uuid, dataset: DatasetName }, strict);

export const FeedQuery = Type.Object(
  {
    onError: Type.Optional({
      ...Type.Enum([...onErrorModes]),
      description:
        '`skip` (default): valid rows land and invalid ones are reported; `reject`: nothing lands if any row is invalid.',
    }),
    ignoreUnknown: Type.Optional(
      Type.Boolean({ description: 'Ignore columns the dataset does not have instead of failing.' }),
    ),
  },
  strict,
);

export const FeedHeaders = Type.Object({
  'idempotency-key': Type.String({
    minLength: 1,
    maxLength: 200,
    pattern: '^[\\x21-\\x7e]+$',
    description: 'Required. The same key with the same body answers the same batch; with another body, 422.',
  }),
  'content-encoding': Type.Optional(Type.String({ description: '`gzip` for a compressed body.' })),
});

export const Batch = Type.Object(
  {
    id: Uuid,
    networkId: Uuid,
    firmId: Uuid,
    dataset: DatasetName,
    status: Type.Enum([...batchStatuses]),
    format: Type.Enum([...feedFormats]),
    compressed: Type.Boolean(),
    idempotencyKey: Type.String(),
    bytes: Type.Integer(),
    onError: Type.Enum([...onErrorModes]),
    ignoreUnknown: Type.Boolean(),
    rowsReceived: Type.Integer({ description: 'Data rows read so far.' }),
    rowsAccepted: Type.Integer(),
    rowsRejected: Type.Integer(),
    errorRowsKept: Type.Integer({
      description:
        'Rejected rows whose problems are kept at `.../errors`: all of them, up to the first 10,000 of a batch.',
    }),
    progress: Type.Number({ minimum: 0, maximum: 1 }),
    error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()], {
      description: 'Why the whole batch failed, when it did.',
    }),
    submittedBy: Type.Union([Type.Literal('user'), Type.Literal('api_key')]),
    createdAt: Timestamp,
    receivedAt: Type.Union([Timestamp, Type.Null()]),
    startedAt: Type.Union([Timestamp, Type.Null()]),
    finishedAt: Type.Union([Timestamp, Type.Null()]),
  },
  { $id: 'Batch' },
);

export const BatchListQuery = Type.Object(
  {
    dataset: Type.Optional(DatasetName),
    status: Type.Optional(Type.Enum([...batchStatuses])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  strict,
);

export const BatchError = Type.Object({
  rowNumber: Type.Integer({ description: 'Data row, from 1 (the header is not counted).' }),
  column: Type.String(),
  value: Type.String({ description: 'The value as sent, cut to 200 characters.' }),
  code: Type.String(),
  message: Type.String(),
});

export const BatchErrorsQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Enum(['json', 'csv'], {
        description: '`csv` streams every error as text/csv (limit and cursor do not apply).',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  strict,
);

export const DatasetStatus = Type.Object({
  dataset: DatasetName,
  rows: Type.Integer({ description: 'Rows your firm holds in this network.' }),
  lastBatch: Type.Union([Type.Ref('Batch'), Type.Null()]),
  lastSucceededAt: Type.Union([Timestamp, Type.Null()]),
  freshnessHours: Type.Union([Type.Number(), Type.Null()], { description: 'Hours since the last successful batch.' }),
});

export const HashingRecipe = Type.Object({
  algorithm: Type.Literal('HMAC-SHA-256'),
  key: Type.String({ description: "The network's secret key, hex. Keep it as secret as the customers' identities." }),
  keyEncoding: Type.Literal('hex'),
  normalisation: Type.String(),
  output: Type.String(),
  example: Type.Object({ identifier: Type.String(), customerKey: Type.String() }),
});
