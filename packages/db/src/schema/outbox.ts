// Email outbox: mail is written here in the same transaction as the change that causes it,
// then delivered by a job. No SMTP is needed to run Accord; in dev the job logs the message.
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { firms } from './identity.ts';

export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    toEmail: text().notNull(),
    subject: text().notNull(),
    bodyText: text().notNull(),
    link: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    lastError: text(),
  },
  (t) => [index().on(t.firmId)],
);
