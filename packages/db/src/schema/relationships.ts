// The partner portfolio's relationship data. A relationship is the focal firm's with one partner
// firm of the network; both sides answer for it: the relationship-spectrum indicators and the
// integration levels (one current assessment per side), and the periodic relationship health
// survey (one response per side and round). Boundary spanners are the people who link the two firms.
// Each relationship is visible to its two firms only.
import {
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  doublePrecision,
} from 'drizzle-orm/pg-core';
import { firms, users } from './identity.ts';
import { networks } from './networks.ts';

export const relationshipAssessments = pgTable(
  'relationship_assessments',
  {
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    /** The partner firm of the relationship (never the focal firm). */
    partnerFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    /** The side answering: the focal firm or the partner. */
    respondentFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    /** Spectrum indicator -> 1 (low) .. 5 (high). */
    spectrum: jsonb().$type<Record<string, number>>().notNull(),
    /** Integration level -> 1 .. 5. */
    integration: jsonb().$type<Record<string, number>>().notNull(),
    note: text().notNull().default(''),
    answeredByUserId: uuid()
      .notNull()
      .references(() => users.id),
    answeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.partnerFirmId, t.respondentFirmId] })],
);

export const relationshipContacts = pgTable(
  'relationship_contacts',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    partnerFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    /** The firm the contact works for (either side). */
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** What the person does for the relationship, e.g. 'Key account manager'. */
    role: text().notNull(),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.networkId, t.partnerFirmId, t.userId)],
);

/** A round of the relationship health survey, opened by the focal firm for all its partners. */
export const surveyRounds = pgTable(
  'survey_rounds',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    title: text().notNull(),
    opensOn: date().notNull(),
    /** Answers are taken up to and including this day. */
    closesOn: date().notNull(),
    createdByUserId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.networkId, t.opensOn)],
);

export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    roundId: uuid()
      .notNull()
      .references(() => surveyRounds.id),
    partnerFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    respondentFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    /** Item code -> 1 .. 5. */
    answers: jsonb().$type<Record<string, number>>().notNull(),
    trust: doublePrecision().notNull(),
    commitment: doublePrecision().notNull(),
    satisfaction: doublePrecision().notNull(),
    informationSharing: doublePrecision().notNull(),
    comment: text().notNull().default(''),
    answeredByUserId: uuid()
      .notNull()
      .references(() => users.id),
    answeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.roundId, t.partnerFirmId, t.respondentFirmId)],
);
