// Single sign-on: a firm's OpenID Connect provider, the email domains it has proven it owns, and
// the short-lived state of sign-ins in flight. Row-level security in migration 0026_sso_rls.
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { firmRole, firms } from './identity.ts';

// One OpenID Connect provider per firm. The client secret is sealed with AES-256-GCM under a key
// the database never sees (like TOTP seeds); the runtime role may write it but never read it back:
// sign-in reads it through auth_sso_connection().
export const ssoConnections = pgTable(
  'sso_connections',
  {
    firmId: uuid()
      .primaryKey()
      .references(() => firms.id),
    issuer: text().notNull(),
    clientId: text().notNull(),
    clientSecretSealed: text().notNull(),
    /** The role of people provisioned on their first SSO sign-in; never firm_admin. */
    defaultRole: firmRole().notNull(),
    /** Members whose email is in a verified domain of the firm may not sign in with a password. */
    ssoOnly: boolean().notNull().default(false),
    enabled: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('sso_connections_default_role', sql`${t.defaultRole} <> 'firm_admin'`)],
);

// An email domain a firm claims for SSO. It counts only once verified (a DNS TXT record holding
// the token), and a domain can be verified by one firm only.
export const ssoDomains = pgTable(
  'sso_domains',
  {
    id: uuid().primaryKey().defaultRandom(),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    domain: text().notNull(),
    verificationToken: text().notNull(),
    verifiedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.firmId, t.domain),
    // claiming is free, but one firm at most proves a domain
    uniqueIndex('sso_domains_verified_once')
      .on(t.domain)
      .where(sql`${t.verifiedAt} is not null`),
    check('sso_domains_domain_normalised', sql`${t.domain} = lower(${t.domain})`),
  ],
);

// A sign-in sent to the provider and not yet back: the state's hash, the nonce and the PKCE
// verifier stay here, server-side, for ten minutes and one use. Only auth_sso_* functions touch it.
export const ssoLoginStates = pgTable(
  'sso_login_states',
  {
    id: uuid().primaryKey().defaultRandom(),
    stateHash: text().notNull().unique(),
    nonce: text().notNull(),
    pkceVerifier: text().notNull(),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    redirectTo: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.expiresAt)],
);
