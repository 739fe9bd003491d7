// Sharing: a data owner grants a dataset of its own to one partner firm, or to every active member of
// the network, at customer level (pseudonymous rows) or aggregate level (groups of at least k
// customers only); partners ask, owners approve, decline or revoke. Every read of another firm's data
// is written to the append-only access log its owner reads.
import { sql } from 'drizzle-orm';
import { bigserial, check, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
  (t) => [index().on(t.ownerFirmId, t.at), index().on(t.readerFirmId, t.at)],
);
