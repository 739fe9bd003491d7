// Sharing: a data owner grants a dataset of its own to one partner firm, or to every active member of
// the network, at customer level (pseudonymous rows) or aggregate level (groups of at least k
// customers only); partners ask, owners approve, decline or revoke. Every read of another firm's data
// is written to the append-only access log its owner reads.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { agreementStatuses, sharingLevels } from '@accord/domain/vocabulary';
import { apiKeys, dataset } from './exchange.ts';
import { firms, users } from './identity.ts';
import { networks } from './networks.ts';

export { agreementStatuses, sharingLevels, type AgreementStatus, type SharingLevel } from '@accord/domain/vocabulary';

export const sharingLevel = pgEnum('sharing_level', sharingLevels);
export const agreementStatus = pgEnum('agreement_status', agreementStatuses);

/** The smallest group an aggregate-level agreement may show unless it says otherwise. */
export const DEFAULT_MIN_GROUP_SIZE = 50;

export const sharingAgreements = pgTable(
  'sharing_agreements',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    /** The data owner, who grants. */
    ownerFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    /** The firm granted; null grants every active member of the network. */
    granteeFirmId: uuid().references(() => firms.id),
    dataset: dataset().notNull(),
    level: sharingLevel().notNull(),
    /** k: aggregate results show only groups of at least this many distinct customers. */
    minGroupSize: integer().notNull().default(DEFAULT_MIN_GROUP_SIZE),
    purpose: text().notNull(),
    startsOn: date().notNull().defaultNow(),
    /** The last day it applies; null while it runs until revoked. */
    endsOn: date(),
    status: agreementStatus().notNull(),
    /** Set when the grantee asked for it. */
    requestedByUserId: uuid().references(() => users.id),
    decidedByUserId: uuid().references(() => users.id),
    decisionReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.networkId, t.ownerFirmId, t.dataset),
    index().on(t.networkId, t.granteeFirmId),
    check('sharing_agreements_k', sql`${t.minGroupSize} >= 2`),
    check('sharing_agreements_dates', sql`${t.endsOn} IS NULL OR ${t.endsOn} >= ${t.startsOn}`),
    check('sharing_agreements_not_self', sql`${t.granteeFirmId} IS DISTINCT FROM ${t.ownerFirmId}`),
  ],
);

/** One row per read of another firm's data: who read whose dataset, at which level, for what, how much. */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    ownerFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    readerFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    readerUserId: uuid().references(() => users.id),
    readerApiKeyId: uuid().references(() => apiKeys.id),
    dataset: dataset().notNull(),
    level: sharingLevel().notNull(),
    purpose: text().notNull(),
    /** What was read, e.g. "customer 360". */
    reading: text().notNull(),
    rowCount: integer(),
    groupCount: integer(),
  },
  // (owner, id): the owner's log newest first, page after page by keyset, at any length
  (t) => [index().on(t.ownerFirmId, t.at), index().on(t.ownerFirmId, t.id), index().on(t.readerFirmId, t.at)],
);

/**
 * Another firm's data at aggregate level is answered from released months only: a month of one
 * owner's dataset is released at one k once, when it has closed, and its figures never change after.
 * Written and read only by app_aggregate (0037_released_aggregates.sql); the runtime role has no rights.
 */
export const aggregateReleases = pgTable(
  'aggregate_releases',
  {
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    ownerFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    dataset: dataset().notNull(),
    minGroupSize: integer().notNull(),
    /** The first day of the month released. */
    month: date().notNull(),
    releasedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.ownerFirmId, t.dataset, t.minGroupSize, t.month] })],
);

/**
 * A released month's groups, per dimension: computed once from the month's facts that survive the
 * suppression rules (see app_release_month), so every dimension of a month adds up to the same total.
 */
export const aggregateReleaseCells = pgTable(
  'aggregate_release_cells',
  {
    networkId: uuid().notNull(),
    ownerFirmId: uuid().notNull(),
    dataset: dataset().notNull(),
    minGroupSize: integer().notNull(),
    month: date().notNull(),
    /** none, or one of the dataset's dimensions other than month. */
    dimension: text().notNull(),
    grp: text(),
    /** True for the cell pooling the dimension's groups that are not shown on their own. */
    pooled: boolean().notNull(),
    customers: bigint({ mode: 'number' }).notNull(),
    rowCount: bigint({ mode: 'number' }).notNull(),
    amount: numeric(),
    quantity: numeric(),
  },
  (t) => [
    foreignKey({
      columns: [t.networkId, t.ownerFirmId, t.dataset, t.minGroupSize, t.month],
      foreignColumns: [
        aggregateReleases.networkId,
        aggregateReleases.ownerFirmId,
        aggregateReleases.dataset,
        aggregateReleases.minGroupSize,
        aggregateReleases.month,
      ],
    }).onDelete('cascade'),
    index().on(t.networkId, t.ownerFirmId, t.dataset, t.minGroupSize, t.dimension, t.month),
  ],
);

/**
 * The query ledger: which released month (at which k) each reader firm has been answered. A month,
 * once answered to a reader, is answered from the same release ever after, whatever the agreement's k
 * becomes; months before the first one answered are never answered to that reader.
 */
export const aggregateReleaseReads = pgTable(
  'aggregate_release_reads',
  {
    networkId: uuid().notNull(),
    ownerFirmId: uuid().notNull(),
    readerFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    dataset: dataset().notNull(),
    month: date().notNull(),
    minGroupSize: integer().notNull(),
    firstReadAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.ownerFirmId, t.readerFirmId, t.dataset, t.month] }),
    foreignKey({
      columns: [t.networkId, t.ownerFirmId, t.dataset, t.minGroupSize, t.month],
      foreignColumns: [
        aggregateReleases.networkId,
        aggregateReleases.ownerFirmId,
        aggregateReleases.dataset,
        aggregateReleases.minGroupSize,
        aggregateReleases.month,
      ],
    }),
  ],
);
