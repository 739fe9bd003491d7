// Value-chain networks: a focal firm and the partner firms it brings in.
import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { membershipStatuses, relationshipStages } from '@accord/domain/vocabulary';
import { chainRole, firms, users } from './identity.ts';

export {
  membershipStatuses,
  relationshipStages,
  type MembershipStatus,
  type RelationshipStage,
} from '@accord/domain/vocabulary';

export const membershipStatus = pgEnum('network_membership_status', membershipStatuses);
export const relationshipStage = pgEnum('relationship_stage', relationshipStages);

export const networks = pgTable('networks', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  description: text().notNull().default(''),
  focalFirmId: uuid()
    .notNull()
    .references(() => firms.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  // The network's secret for pseudonymous customer keys (HMAC-SHA-256); 256 random bits from two
  // v4 UUIDs' strong randomness. Only active members can read it (see the hashing recipe).
  hashingKey: text()
    .notNull()
    .default(sql`encode(sha256((gen_random_uuid()::text || gen_random_uuid()::text)::bytea), 'hex')`),
});

export const networkMemberships = pgTable(
  'network_memberships',
  {
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    chainRole: chainRole().notNull(),
    status: membershipStatus().notNull(),
    relationshipStage: relationshipStage().notNull().default('transactional'),
    executiveSponsorUserId: uuid().references(() => users.id),
    invitedByUserId: uuid().references(() => users.id),
    invitedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp({ withTimezone: true }),
    joinedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.firmId] }), index().on(t.firmId)],
);

// A focal firm invites a partner that is not on Accord yet, by email: the link leads to sign-up,
// and signing up through it makes the new firm an active member. Only the token's hash is kept.
export const firmInvitations = pgTable(
  'firm_invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    email: text().notNull(),
    /** The firm's name as the focal firm knows it, to prefill sign-up; the invitee may change it. */
    firmName: text(),
    chainRole: chainRole().notNull(),
    tokenHash: text().notNull().unique(),
    invitedByUserId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    /** The firm that signed up through the invitation. */
    acceptedFirmId: uuid().references(() => firms.id),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.networkId), check('firm_invitations_email_normalised', sql`${t.email} = lower(${t.email})`)],
);
