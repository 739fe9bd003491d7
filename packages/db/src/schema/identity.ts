// Identity: firms, the people who work at them, and how people sign in.
import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const chainRoles = ['manufacturer', 'supplier', 'distributor', 'retailer', 'logistics_provider'] as const;
export type ChainRole = (typeof chainRoles)[number];
export const chainRole = pgEnum('chain_role', chainRoles);

export const firmRoles = ['firm_admin', 'manager', 'analyst', 'viewer'] as const;
export type FirmRole = (typeof firmRoles)[number];
export const firmRole = pgEnum('firm_role', firmRoles);

export const firms = pgTable('firms', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  slug: text().notNull().unique(),
  chainRole: chainRole().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deactivatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [check('users_email_normalised', sql`${t.email} = lower(${t.email})`)],
);

export const firmMemberships = pgTable(
  'firm_memberships',
  {
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    role: firmRole().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.firmId, t.userId] }), index().on(t.userId)],
);

// One row per issued refresh token. Tokens of one login form a family: rotating marks the old
// token used; presenting a used token again revokes the whole family (reuse detection).
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    familyId: uuid().notNull(),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    userAgent: text(),
    ip: text(),
  },
  (t) => [index().on(t.familyId), index().on(t.userId)],
);

export const userInvitations = pgTable(
  'user_invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    email: text().notNull(),
    role: firmRole().notNull(),
    tokenHash: text().notNull().unique(),
    invitedByUserId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.firmId), check('user_invitations_email_normalised', sql`${t.email} = lower(${t.email})`)],
);
