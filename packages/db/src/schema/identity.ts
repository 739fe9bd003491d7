// Identity: firms, the people who work at them, and how people sign in.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { chainRoles, firmRoles } from '@accord/domain/vocabulary';

// The lists are the domain's vocabulary; re-exported so the schema's users find them beside the enums.
export { chainRoles, firmRoles, type ChainRole, type FirmRole } from '@accord/domain/vocabulary';

export const chainRole = pgEnum('chain_role', chainRoles);
export const firmRole = pgEnum('firm_role', firmRoles);

export const firms = pgTable(
  'firms',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    slug: text().notNull().unique(),
    chainRole: chainRole().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Every member must sign in with a second factor (TOTP). */
    requireMfa: boolean().notNull().default(false),
    /** What the name looks like (@accord/domain/names): a new firm may not take a name that looks like another's. */
    nameSkeleton: text(),
  },
  (t) => [index().on(t.nameSkeleton)],
);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deactivatedAt: timestamp({ withTimezone: true }),
    // Lockout: consecutive failed sign-ins and the lock they earned. Only the auth_* functions
    // read or write these; the runtime role has no grant on them.
    failedLogins: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    /**
     * When the person proved they read this address. Defaults to now: seeded users, invited ones and
     * SSO-provisioned ones came through a link or an identity provider; only self-service sign-up
     * writes NULL, and such a user cannot sign in until the verification link is followed.
     */
    emailVerifiedAt: timestamp({ withTimezone: true }).defaultNow(),
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
    /** A firm admin switched this member off: no sign-in for this firm, no API keys they made. */
    deactivatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.firmId, t.userId] }), index().on(t.userId)],
);

// One row per issued refresh token. Tokens of one login form a family: rotating marks the old
// token used; presenting a used token again revokes the whole family (reuse detection). A family
// is what the user sees as a session; access tokens carry its id (`sid`) and die with it.
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
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
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

// Password reset links: only the token's hash is kept. The runtime role has no rights on this
// table; the auth_* functions issue, read and spend tokens.
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId)],
);

// A user's TOTP authenticator (RFC 6238). The secret is sealed with AES-256-GCM under a key the
// database never sees; it is pending until the first code confirms it. last_used_step refuses a
// replayed code.
export const userTotp = pgTable('user_totp', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id),
  secretSealed: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  confirmedAt: timestamp({ withTimezone: true }),
  lastUsedStep: bigint({ mode: 'number' }),
});

// One-time recovery codes, handed out once when MFA is turned on; kept as SHA-256 hashes.
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    codeHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId)],
);

export const loginChallengePurposes = ['verify', 'enrol'] as const;
export type LoginChallengePurpose = (typeof loginChallengePurposes)[number];

// The half-finished sign-in between the password and the second factor: the `mfaToken` a client
// holds is only good for finishing it (verify a code, or enrol when the firm requires MFA).
export const loginChallenges = pgTable(
  'login_challenges',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    firmId: uuid().references(() => firms.id),
    purpose: text({ enum: loginChallengePurposes }).notNull(),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId), check('login_challenges_purpose', sql`${t.purpose} in ('verify', 'enrol')`)],
);

// Email verification links sent at sign-up: only the token's hash is kept. Like reset tokens, the
// runtime role has no rights on this table; the auth_* functions issue, read and spend tokens.
export const emailVerificationTokens = pgTable(
  'email_verification_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId)],
);
