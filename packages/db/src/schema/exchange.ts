// The data exchange: pipeline API keys, feed batches (their raw bodies, rows rejected), the fact
// tables batches are merged into, and the staging templates of the rows on their way in.
import {
  bigint,
  boolean,
  char,
  customType,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  batchStatuses,
  datasets,
  feedFormats,
  onErrorModes,
  salesChannels,
  type Dataset,
} from '@accord/domain/vocabulary';
import { firms, users } from './identity.ts';
import { networks } from './networks.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

// `datasetNames` is the domain's `datasets` under the name the schema's users know it by.
export {
  batchStatuses,
  datasets as datasetNames,
  feedFormats,
  onErrorModes,
  type BatchStatus,
  type Dataset,
} from '@accord/domain/vocabulary';

export const dataset = pgEnum('dataset', datasets);
export const batchStatus = pgEnum('batch_status', batchStatuses);
export const feedFormat = pgEnum('feed_format', feedFormats);
export const onErrorMode = pgEnum('on_error_mode', onErrorModes);
export const channel = pgEnum('sales_channel', salesChannels);

// Pipelines authenticate with these: firm- and network-scoped, limited to some datasets. The key is
// `acc_<prefix>_<secret>`; only the prefix (to find it) and a hash of the secret are kept.
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    name: text().notNull(),
    prefix: text().notNull().unique(),
    secretHash: text().notNull(),
    datasets: dataset().array().notNull(),
    createdByUserId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.firmId)],
);

export const feedBatches = pgTable(
  'feed_batches',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    dataset: dataset().notNull(),
    format: feedFormat().notNull(),
    compressed: boolean().notNull(),
    idempotencyKey: text().notNull(),
    bodySha256: text(),
    bytes: bigint({ mode: 'number' }).notNull().default(0),
    status: batchStatus().notNull().default('receiving'),
    onError: onErrorMode().notNull(),
    ignoreUnknown: boolean().notNull(),
    rowsReceived: integer().notNull().default(0),
    rowsAccepted: integer().notNull().default(0),
    rowsRejected: integer().notNull().default(0),
    progress: real().notNull().default(0),
    errorCode: text(),
    errorMessage: text(),
    submittedByUserId: uuid().references(() => users.id),
    submittedByApiKeyId: uuid().references(() => apiKeys.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * While the body is arriving: when the API process receiving it last showed it was alive. A retry
     * finding it long past takes the upload over (that process died mid-upload).
     */
    heartbeatAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    receivedAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('feed_batches_idempotency').on(t.firmId, t.idempotencyKey),
    index().on(t.networkId, t.firmId, t.createdAt),
  ],
);

/** The raw body of a batch as received (still compressed when it was sent so), in order. */
export const feedBatchChunks = pgTable(
  'feed_batch_chunks',
  {
    batchId: uuid()
      .notNull()
      .references(() => feedBatches.id, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    firmId: uuid().notNull(),
    data: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.seq] })],
);

export const batchErrors = pgTable(
  'batch_errors',
  {
    batchId: uuid()
      .notNull()
      .references(() => feedBatches.id, { onDelete: 'cascade' }),
    firmId: uuid().notNull(),
    rowNumber: integer().notNull(),
    column: text().notNull(),
    value: text().notNull(),
    code: text().notNull(),
    message: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.rowNumber, t.column] })],
);

const money = () => numeric({ precision: 20, scale: 6 });

// Each dataset's own columns, once: its fact table and its staging table are built from them.
const datasetColumns = {
  transactions: () => ({
    orderId: text().notNull(),
    lineNo: integer().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    sku: text().notNull(),
    quantity: numeric({ precision: 20, scale: 6 }).notNull(),
    netAmount: money().notNull(),
    costAmount: money(),
    currency: char({ length: 3 }).notNull(),
    channel: channel().notNull(),
    locationId: text(),
  }),
  shipments: () => ({
    shipmentId: text().notNull(),
    orderId: text().notNull(),
    carrier: text().notNull(),
    promisedAt: timestamp({ withTimezone: true }).notNull(),
    deliveredAt: timestamp({ withTimezone: true }),
    expedited: boolean().notNull(),
    costAmount: money().notNull(),
    currency: char({ length: 3 }),
  }),
  service_cases: () => ({
    caseId: text().notNull(),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    resolvedAt: timestamp({ withTimezone: true }),
    channel: channel().notNull(),
    category: text().notNull(),
    satisfaction: smallint(),
  }),
  activities: () => ({
    activity: text().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    quantity: numeric({ precision: 20, scale: 6 }).notNull(),
  }),
} satisfies Record<Dataset, () => object>;

const factColumns = () => ({
  networkId: uuid().notNull(),
  firmId: uuid().notNull(),
  customerKey: char({ length: 64 }).notNull(),
  batchId: uuid().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const transactions = pgTable('transactions', { ...factColumns(), ...datasetColumns.transactions() }, (t) => [
  primaryKey({ columns: [t.networkId, t.firmId, t.orderId, t.lineNo] }),
  index().on(t.networkId, t.customerKey),
  index().on(t.networkId, t.firmId, t.occurredAt),
]);

export const shipments = pgTable('shipments', { ...factColumns(), ...datasetColumns.shipments() }, (t) => [
  primaryKey({ columns: [t.networkId, t.firmId, t.shipmentId] }),
  index().on(t.networkId, t.customerKey),
]);

export const serviceCases = pgTable('service_cases', { ...factColumns(), ...datasetColumns.service_cases() }, (t) => [
  primaryKey({ columns: [t.networkId, t.firmId, t.caseId] }),
  index().on(t.networkId, t.customerKey),
]);

export const activities = pgTable('activities', { ...factColumns(), ...datasetColumns.activities() }, (t) => [
  primaryKey({ columns: [t.networkId, t.firmId, t.customerKey, t.activity, t.occurredAt] }),
  index().on(t.networkId, t.customerKey),
]);

// Staging: the shape of a batch's checked rows on their way in. A load creates a temporary table like
// the dataset's (ingest_open), COPYs blocks of rows into it and merges each block into the fact table
// (ingest_merge_rows), all in one transaction; these tables themselves stay empty. The runtime role has
// no rights on them; the temporary table is its own to COPY into (no row-level security applies there).
const stagingColumns = () => ({
  rowNumber: integer().notNull(),
  customerKey: char({ length: 64 }).notNull(),
});

export const stagingTransactions = pgTable('staging_transactions', {
  ...stagingColumns(),
  ...datasetColumns.transactions(),
});
export const stagingShipments = pgTable('staging_shipments', { ...stagingColumns(), ...datasetColumns.shipments() });
export const stagingServiceCases = pgTable('staging_service_cases', {
  ...stagingColumns(),
  ...datasetColumns.service_cases(),
});
export const stagingActivities = pgTable('staging_activities', {
  ...stagingColumns(),
  ...datasetColumns.activities(),
});
