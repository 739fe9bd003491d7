// The joint CRM strategy: one document per network, written by the strategy team (the focal firm's
// managers plus senior managers of partner firms it invites) in versions. A version goes draft ->
// in_review -> published and a published version never changes (the database refuses it); a new
// version starts as a draft copy of the last. Members comment on sections, and each partner firm's
// executive sponsor signs a published version off or requests changes, bound to that version.
// In-app notifications tell people what happened (publishing, decisions, team invitations).
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { firms, users } from './identity.ts';
import { networks } from './networks.ts';

export const strategyStatuses = ['draft', 'in_review', 'published'] as const;
export type StrategyStatus = (typeof strategyStatuses)[number];
export const strategyStatus = pgEnum('strategy_status', strategyStatuses);

export const strategyDecisions = ['signed', 'changes_requested'] as const;
export type StrategyDecision = (typeof strategyDecisions)[number];
export const strategyDecision = pgEnum('strategy_decision', strategyDecisions);

/** The structured sections, validated by the API against the domain's StrategyContent. */
export type StrategyContentRecord = Record<string, unknown>;

export const strategyVersions = pgTable(
  'strategy_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    version: integer().notNull(),
    status: strategyStatus().notNull().default('draft'),
    title: text().notNull(),
    content: jsonb().$type<StrategyContentRecord>().notNull(),
    /** The version this one was started from (null for the first). */
    basedOnId: uuid(),
    createdByUserId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedByUserId: uuid()
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    publishedByUserId: uuid().references(() => users.id),
  },
  (t) => [
    unique().on(t.networkId, t.version),
    check('strategy_versions_published', sql`(${t.status} = 'published') = (${t.publishedAt} IS NOT NULL)`),
  ],
);

/** Partner firms' senior managers the focal firm invited to the team; the focal firm's own managers are on it. */
export const strategyTeamMembers = pgTable(
  'strategy_team_members',
  {
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    addedByUserId: uuid()
      .notNull()
      .references(() => users.id),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.userId] })],
);

export const strategyComments = pgTable(
  'strategy_comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    versionId: uuid()
      .notNull()
      .references(() => strategyVersions.id, { onDelete: 'cascade' }),
    section: text().notNull(),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.versionId)],
);

/** A sponsor's decision on a published version; the latest per version and firm stands. Never changed. */
export const strategySignoffs = pgTable(
  'strategy_signoffs',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    versionId: uuid()
      .notNull()
      .references(() => strategyVersions.id),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    decision: strategyDecision().notNull(),
    reason: text().notNull().default(''),
    decidedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.versionId, t.firmId),
    check('strategy_signoffs_reason', sql`${t.decision} = 'signed' OR length(${t.reason}) > 0`),
  ],
);

/** A person's in-app notifications; each sees only their own. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    networkId: uuid().references(() => networks.id),
    kind: text().notNull(),
    title: text().notNull(),
    body: text().notNull().default(''),
    /** A portal path, e.g. /strategy?network=... */
    link: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId, t.createdAt)],
);
