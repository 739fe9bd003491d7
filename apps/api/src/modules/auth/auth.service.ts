// Sessions: sign-in, refresh-token rotation with reuse detection, sign-out, invitations accepted.
import {
  anonymous,
  firmMemberships,
  firms,
  query,
  refreshTokens,
  users,
  withTenant,
  type Database,
  type FirmRole,
  type Transaction,
} from '@accord/db';
import { passwordProblem } from '@accord/domain';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ApiProblem, badRequest, unauthorized } from '../../http/problems.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export const REFRESH_TOKEN_DAYS = 30;

export interface ClientInfo {
  ip: string;
  userAgent: string | undefined;
}

/** What a successful sign-in or refresh yields, before the access token is signed. */
export interface IssuedSession {
  refreshToken: string;
  user: { id: string; email: string; name: string };
  firm: { id: string; name: string; slug: string; chainRole: string; role: FirmRole };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

const invalidCredentials = () => unauthorized('invalid_credentials', 'The email or password is wrong.');

export async function signIn(
  db: Database,
  input: { email: string; password: string; firmId?: string | undefined },
  client: ClientInfo,
): Promise<IssuedSession> {
  const [account] = await withTenant(db, anonymous, (tx) =>
    query<{ id: string; password_hash: string; deactivated: boolean }>(
      tx,
      sql`select * from auth_user_by_email(${input.email})`,
    ),
  );
  const ok = await verifyPassword(account?.password_hash, input.password);
  if (!account || !ok || account.deactivated) throw invalidCredentials();
  return withTenant(db, { userId: account.id, firmId: null }, (tx) =>
    startSession(tx, account.id, input.firmId, randomUUID(), client),
  );
}

/** The firms a user belongs to, with their role in each, the first joined first. */
export function firmsOfUser(tx: Transaction, userId: string) {
  return tx
    .select({
      id: firms.id,
      name: firms.name,
      slug: firms.slug,
      chainRole: firms.chainRole,
      role: firmMemberships.role,
    })
    .from(firmMemberships)
    .innerJoin(firms, eq(firms.id, firmMemberships.firmId))
    .where(eq(firmMemberships.userId, userId))
    .orderBy(asc(firmMemberships.createdAt), asc(firms.name));
}

/** Picks the firm (the requested one, else the user's first), then issues a refresh token. */
async function startSession(
  tx: Transaction,
  userId: string,
  firmId: string | undefined,
  familyId: string,
  client: ClientInfo,
): Promise<IssuedSession> {
  const [user] = await tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
  if (!user) throw unauthorized('account_deactivated', 'This account is deactivated.');
  const memberships = await firmsOfUser(tx, userId);
  const chosen = firmId ? memberships.find((m) => m.id === firmId) : memberships[0];
  if (!chosen) {
    if (firmId) throw new ApiProblem(403, 'not_a_member', 'Forbidden', 'You do not belong to that firm.');
    throw new ApiProblem(
      403,
      'no_firm',
      'Forbidden',
      'Your account belongs to no firm; ask a firm admin to invite you.',
    );
  }
  const refreshToken = newSecretToken();
  await tx.insert(refreshTokens).values({
    userId,
    firmId: chosen.id,
    familyId,
    tokenHash: hashToken(refreshToken),
    expiresAt: new Date(Date.now() + REFRESH_TOKEN_DAYS * 86_400_000),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 400),
  });
  return {
    refreshToken,
    user,
    firm: chosen,
  };
}

interface StoredRefreshToken {
  id: string;
  user_id: string;
  firm_id: string;
  family_id: string;
  expires_at: Date | string;
  used_at: Date | string | null;
  revoked_at: Date | string | null;
}

async function findRefreshToken(db: Database, token: string): Promise<StoredRefreshToken | undefined> {
  const [row] = await withTenant(db, anonymous, (tx) =>
    query<StoredRefreshToken>(tx, sql`select * from auth_refresh_token(${hashToken(token)})`),
  );
  return row;
}

function revokeFamily(tx: Transaction, familyId: string) {
  return tx
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

/**
 * Rotates a refresh token: the presented token is spent and a new one of the same family issued.
 * A token presented a second time means it was stolen or replayed: the whole family is revoked.
 */
export async function rotate(
  db: Database,
  token: string | undefined,
  switchToFirmId: string | undefined,
  client: ClientInfo,
): Promise<IssuedSession> {
  if (!token) throw unauthorized('refresh_token_missing', 'No refresh token cookie was sent; sign in again.');
  const stored = await findRefreshToken(db, token);
  if (!stored) throw unauthorized('refresh_token_invalid', 'The refresh token is not known; sign in again.');
  if (stored.revoked_at) throw unauthorized('refresh_token_revoked', 'This session was ended; sign in again.');
  if (new Date(stored.expires_at).getTime() <= Date.now()) {
    throw unauthorized('refresh_token_expired', 'The session has expired; sign in again.');
  }
  // One transaction: the next token is issued (a firm switch the user may not make fails here and
  // spends nothing), then the presented one is spent. Losing that race, or presenting a spent
  // token, revokes the family; the revocation commits before the refusal is thrown.
  const outcome = await withTenant(db, { userId: stored.user_id, firmId: null }, async (tx) => {
    if (!stored.used_at) {
      const session = await startSession(
        tx,
        stored.user_id,
        switchToFirmId ?? stored.firm_id,
        stored.family_id,
        client,
      );
      const spent = await tx
        .update(refreshTokens)
        .set({ usedAt: new Date() })
        .where(and(eq(refreshTokens.id, stored.id), isNull(refreshTokens.usedAt)))
        .returning({ id: refreshTokens.id });
      if (spent.length === 1) return session;
    }
    await revokeFamily(tx, stored.family_id);
    return 'reused' as const;
  });
  if (outcome === 'reused') {
    throw unauthorized(
      'refresh_token_reused',
      'This refresh token was already used; every session of this sign-in is ended.',
    );
  }
  return outcome;
}

export async function signOut(db: Database, token: string | undefined): Promise<void> {
  if (!token) return;
  const stored = await findRefreshToken(db, token);
  if (!stored) return;
  await withTenant(db, { userId: stored.user_id, firmId: null }, (tx) => revokeFamily(tx, stored.family_id));
}

interface StoredInvitation {
  id: string;
  firm_id: string;
  firm_name: string;
  email: string;
  role: FirmRole;
  expires_at: Date | string;
  accepted_at: Date | string | null;
  revoked_at: Date | string | null;
  user_exists: boolean;
}

/** The invitation behind a token, if it can still be accepted. */
export async function usableInvitation(db: Database, token: string): Promise<StoredInvitation> {
  const [invitation] = await withTenant(db, anonymous, (tx) =>
    query<StoredInvitation>(tx, sql`select * from auth_invitation(${hashToken(token)})`),
  );
  if (!invitation) throw new ApiProblem(404, 'invitation_not_found', 'Not found', 'No invitation has that token.');
  if (invitation.accepted_at)
    throw new ApiProblem(410, 'invitation_used', 'Gone', 'This invitation was already accepted; sign in instead.');
  if (invitation.revoked_at)
    throw new ApiProblem(410, 'invitation_withdrawn', 'Gone', 'This invitation was withdrawn by the firm.');
  if (new Date(invitation.expires_at).getTime() <= Date.now()) {
    throw new ApiProblem(410, 'invitation_expired', 'Gone', 'This invitation has expired; ask for a new one.');
  }
  return invitation;
}

/**
 * Accepts an invitation: a new person sets their password; a person who already has an account
 * proves it with theirs. Either way they are signed in to the inviting firm.
 */
export async function acceptInvitation(
  db: Database,
  input: { token: string; name?: string | undefined; password: string },
  client: ClientInfo,
): Promise<IssuedSession> {
  const invitation = await usableInvitation(db, input.token);
  let passwordHash = '';
  if (invitation.user_exists) {
    const [account] = await withTenant(db, anonymous, (tx) =>
      query<{ password_hash: string }>(tx, sql`select * from auth_user_by_email(${invitation.email})`),
    );
    if (!(await verifyPassword(account?.password_hash, input.password))) {
      throw unauthorized(
        'invalid_credentials',
        `${invitation.email} already has an account: enter its password to join.`,
      );
    }
  } else {
    if (!input.name?.trim()) throw badRequest('name_required', 'Enter your name to create your account.');
    const problem = passwordProblem(input.password);
    if (problem) throw badRequest(`password_${problem}`, 'The password must be 12 to 128 characters long.');
    passwordHash = await hashPassword(input.password);
  }
  const [accepted] = await withTenant(db, anonymous, (tx) =>
    query<{ user_id: string | null }>(
      tx,
      sql`select auth_accept_invitation(${hashToken(input.token)}, ${input.name?.trim() ?? ''}, ${passwordHash}) as user_id`,
    ),
  );
  if (!accepted?.user_id)
    throw new ApiProblem(410, 'invitation_used', 'Gone', 'This invitation was accepted a moment ago.');
  const userId = accepted.user_id;
  return withTenant(db, { userId, firmId: null }, (tx) =>
    startSession(tx, userId, invitation.firm_id, randomUUID(), client),
  );
}
