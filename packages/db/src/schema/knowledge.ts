// Joint knowledge: insights a firm shares with its whole network or with chosen partners (Markdown,
// tags, optional links to a dataset and a joint segment), and the partners' comments on them.
import { index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { dataset } from './exchange.ts';
import { firms, users } from './identity.ts';
import { networks } from './networks.ts';

export const insightAudiences = ['network', 'firms'] as const;
export type InsightAudience = (typeof insightAudiences)[number];
export const insightAudience = pgEnum('insight_audience', insightAudiences);

export const insights = pgTable(
  'insights',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    authorFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    authorUserId: uuid()
      .notNull()
      .references(() => users.id),
    title: text().notNull(),
    /** Markdown, as written; rendered and sanitised when read. */
    body: text().notNull(),
    tags: text().array().notNull().default([]),
    dataset: dataset(),
    /** A joint segment (by name) the insight is about. */
    segment: text(),
    /** network: every active member; firms: the author's firm and the firms in insight_readers. */
    audience: insightAudience().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.networkId, t.createdAt)],
);

export const insightReaders = pgTable(
  'insight_readers',
  {
    insightId: uuid()
      .notNull()
      .references(() => insights.id, { onDelete: 'cascade' }),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
  },
  (t) => [primaryKey({ columns: [t.insightId, t.firmId] })],
);

export const insightComments = pgTable(
  'insight_comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    insightId: uuid()
      .notNull()
      .references(() => insights.id, { onDelete: 'cascade' }),
    authorFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    authorUserId: uuid()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.insightId, t.createdAt)],
);
