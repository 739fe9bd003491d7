// Sessions: sign-in (password, lockout, second factor), refresh-token rotation with reuse
// detection, sign-out, invitations accepted.
import {
  anonymous,
  emailOutbox,
  firmMemberships,
  firms,
  loginChallenges,
  query,
  refreshTokens,
  users,
  userTotp,
  withTenant,
  type Database,
  type FirmRole,
  type LoginChallengePurpose,
  type Transaction,
} from '@accord/db';
import { daysFrom, passwordProblem, passwordProblemText } from '@accord/domain';
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ApiProblem, badRequest, gone, unauthorized } from '../../http/problems.ts';
import { networksOfFirm, userSummaryOf } from './auth.queries.ts';
import { mfaEnabled } from './mfa.service.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export const REFRESH_TOKEN_DAYS = 30;

export interface ClientInfo {
  ip: string;
  userAgent: string | undefined;
}

/** What a successful sign-in or refresh yields, before the access token is signed. */
export interface IssuedSession {
  refreshToken: string;
  /** The refresh-token family: the session's id, carried in the access token as `sid`. */
  familyId: string;
  user: { id: string; email: string; name: string };
  firm: { id: string; name: string; slug: string; chainRole: string; role: FirmRole };
}

/** The password was right, and a second factor is still owed: verify one, or enrol one first. */
export interface MfaChallenge {
  purpose: LoginChallengePurpose;
  mfaToken: string;
}

export type SignInOutcome = { session: IssuedSession } | { challenge: MfaChallenge };

/** How long a half-finished sign-in may wait for its second factor. */
export const MFA_TOKEN_SECONDS = 5 * 60;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

const invalidCredentials = () => unauthorized('invalid_credentials', 'The email or password is wrong.');

/** 422 weak_password, with the policy's reason, when a new password breaks the policy. */
export function checkNewPassword(password: string, who: { email?: string; name?: string }): void {
  const problem = passwordProblem(password, who);
  if (problem) {
    throw new ApiProblem(422, 'weak_password', 'Unprocessable content', passwordProblemText[problem], undefined, {
      reason: problem,
    });
  }
}

export function accountLocked(until: Date): ApiProblem {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new ApiProblem(
    429,
    'account_locked',
    'Too many requests',
    `Too many failed sign-ins: this account is locked for ${seconds} s. Resetting the password unlocks it.`,
    undefined,
    { retryAfterSeconds: seconds },
  );
}

function lockIn(value: Date | string | null | undefined): Date | null {
  if (!value) return null;
  const until = new Date(value);
  return until.getTime() > Date.now() ? until : null;
}

/** Counts a failed password or second factor toward the account's lockout; answers the lock, if any. */
export async function recordFailedSignIn(db: Database, userId: string): Promise<Date | null> {
  const [row] = await withTenant(db, anonymous, (tx) =>
    query<{ locked_until: Date | string | null }>(tx, sql`select auth_login_failed(${userId}) as locked_until`),
  );
  return lockIn(row?.locked_until);
}

export async function currentLock(db: Database, userId: string): Promise<Date | null> {
  const [row] = await withTenant(db, anonymous, (tx) =>
    query<{ locked_until: Date | string | null }>(tx, sql`select auth_lock_of(${userId}) as locked_until`),
  );
  return lockIn(row?.locked_until);
}

/**
 * The firm whose single sign-on an email must use (its verified domain, SSO-only connection), or
 * null. The firm's own admins are exempt, so a broken provider cannot lock everyone out.
 */
export async function ssoRequiredFor(db: Database, email: string): Promise<string | null> {
  const [row] = await withTenant(db, anonymous, (tx) =>
    query<{ firm: string | null }>(tx, sql`select auth_sso_required(${email}) as firm`),
  );
  return row?.firm ?? null;
}

interface StoredAccount {
  id: string;
  password_hash: string;
  deactivated: boolean;
  locked_until: Date | string | null;
  email_verified: boolean;
}

export function accountByEmail(tx: Transaction, email: string): Promise<StoredAccount[]> {
  return query<StoredAccount>(tx, sql`select * from auth_user_by_email(${email})`);
}

/**
 * Signs in with a password. Every attempt costs one argon2 verification, for unknown emails and
 * locked accounts too, so timing tells nothing. Five failures in a row lock the account (see
 * auth_login_failed); while locked even the right password is refused. A user with MFA, or of a
 * firm that requires it, gets a challenge instead of a session.
 */
export async function signIn(
  db: Database,
  input: { email: string; password: string; firmId?: string | undefined },
  client: ClientInfo,
): Promise<SignInOutcome> {
  const [account] = await withTenant(db, anonymous, (tx) => accountByEmail(tx, input.email));
  const ok = await verifyPassword(account?.password_hash, input.password);
  if (!account) throw invalidCredentials();
  const locked = lockIn(account.locked_until);
  if (locked) throw accountLocked(locked);
  if (!ok) {
    const lock = await recordFailedSignIn(db, account.id);
    if (lock) throw accountLocked(lock);
    throw invalidCredentials();
  }
  if (account.deactivated) throw invalidCredentials();
  // Only after the password: an unconfirmed address says nothing to someone who does not know it.
  if (!account.email_verified) {
    throw new ApiProblem(
      403,
      'email_not_verified',
      'Forbidden',
      'Confirm your email address first: follow the link we sent, or ask for a new one (POST /v1/auth/verify-email/resend).',
    );
  }
  const ssoFirm = await ssoRequiredFor(db, input.email);
  if (ssoFirm) {
    throw new ApiProblem(
      403,
      'sso_required',
      'Forbidden',
      `${ssoFirm} signs in through its identity provider: choose "Sign in with SSO" (POST /v1/auth/sso/start).`,
    );
  }
  const next = await withTenant(db, { userId: account.id, firmId: null }, async (tx) => {
    const firm = await chooseFirm(tx, account.id, input.firmId);
    const [totp] = await tx
      .select({ userId: userTotp.userId })
      .from(userTotp)
      .where(and(eq(userTotp.userId, account.id), isNotNull(userTotp.confirmedAt)));
    if (totp) return { challenge: await createChallenge(tx, account.id, firm.id, 'verify') };
    if (firm.requireMfa) return { challenge: await createChallenge(tx, account.id, firm.id, 'enrol') };
    return null;
  });
  if (next) return next;
  return { session: await completeSignIn(db, account.id, input.firmId, client) };
}

/** The last step of every sign-in: the lockout counter is reset and a new session starts. */
export async function completeSignIn(
  db: Database,
  userId: string,
  firmId: string | undefined,
  client: ClientInfo,
): Promise<IssuedSession> {
  return withTenant(db, { userId, firmId: null }, async (tx) => {
    await tx.execute(sql`select auth_login_succeeded(${userId})`);
    return startSession(tx, userId, firmId, randomUUID(), client);
  });
}

async function createChallenge(
  tx: Transaction,
  userId: string,
  firmId: string,
  purpose: LoginChallengePurpose,
): Promise<MfaChallenge> {
  const mfaToken = newSecretToken();
  await tx.insert(loginChallenges).values({
    userId,
    firmId,
    purpose,
    tokenHash: hashToken(mfaToken),
    expiresAt: new Date(Date.now() + MFA_TOKEN_SECONDS * 1000),
  });
  return { purpose, mfaToken };
}

export interface StoredChallenge {
  id: string;
  user_id: string;
  firm_id: string | null;
  purpose: LoginChallengePurpose;
  expires_at: Date | string;
  used_at: Date | string | null;
}

/** The half-finished sign-in behind an mfaToken, if it is still good for `purpose`; refuses a locked account. */
export async function usableChallenge(
  db: Database,
  mfaToken: string,
  purpose: LoginChallengePurpose,
): Promise<StoredChallenge> {
  const [challenge] = await withTenant(db, anonymous, (tx) =>
    query<StoredChallenge>(tx, sql`select * from auth_login_challenge(${hashToken(mfaToken)})`),
  );
  if (!challenge || challenge.used_at) {
    throw unauthorized('mfa_token_invalid', 'This sign-in step is not known or already done; sign in again.');
  }
  if (new Date(challenge.expires_at).getTime() <= Date.now()) {
    throw unauthorized('mfa_token_expired', 'This sign-in step has expired; sign in again.');
  }
  if (challenge.purpose !== purpose) {
    throw badRequest(
      'mfa_step_mismatch',
      purpose === 'verify'
        ? 'This sign-in needs an authenticator to be set up first (mfaEnrolmentRequired).'
        : 'This account already has an authenticator: send a code to POST /v1/auth/mfa.',
    );
  }
  const locked = await currentLock(db, challenge.user_id);
  if (locked) throw accountLocked(locked);
  return challenge;
}

/** Spends a challenge once its second factor is proven; false when another request spent it first. */
export async function spendChallenge(tx: Transaction, challengeId: string): Promise<boolean> {
  const spent = await tx
    .update(loginChallenges)
    .set({ usedAt: new Date() })
    .where(and(eq(loginChallenges.id, challengeId), isNull(loginChallenges.usedAt)))
    .returning({ id: loginChallenges.id });
  return spent.length === 1;
}

/** The firms a user may act for (deactivated memberships left out), with their role in each, the first joined first. */
export function firmsOfUser(tx: Transaction, userId: string) {
  return tx
    .select({
      id: firms.id,
      name: firms.name,
      slug: firms.slug,
      chainRole: firms.chainRole,
      role: firmMemberships.role,
      requireMfa: firms.requireMfa,
    })
    .from(firmMemberships)
    .innerJoin(firms, eq(firms.id, firmMemberships.firmId))
    .where(and(eq(firmMemberships.userId, userId), isNull(firmMemberships.deactivatedAt)))
    .orderBy(asc(firmMemberships.createdAt), asc(firms.name));
}

type FirmOfUserRow = Awaited<ReturnType<typeof firmsOfUser>>[number];

/** The firm to act for: the requested one, else the user's first. */
async function chooseFirm(tx: Transaction, userId: string, firmId: string | undefined): Promise<FirmOfUserRow> {
  const memberships = await firmsOfUser(tx, userId);
  const chosen = firmId ? memberships.find((m) => m.id === firmId) : memberships[0];
  if (chosen) return chosen;
  const [inactive] = await tx
    .select({ firmId: firmMemberships.firmId })
    .from(firmMemberships)
    .where(
      and(
        eq(firmMemberships.userId, userId),
        isNotNull(firmMemberships.deactivatedAt),
        firmId ? eq(firmMemberships.firmId, firmId) : undefined,
      ),
    )
    .limit(1);
  if (inactive) {
    throw new ApiProblem(
      403,
      'membership_deactivated',
      'Forbidden',
      'A firm admin has deactivated your account in this firm; ask them to reactivate it.',
    );
  }
  if (firmId) throw new ApiProblem(403, 'not_a_member', 'Forbidden', 'You do not belong to that firm.');
  throw new ApiProblem(403, 'no_firm', 'Forbidden', 'Your account belongs to no firm; ask a firm admin to invite you.');
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
  const { requireMfa, ...chosen } = await chooseFirm(tx, userId, firmId);
  if (requireMfa) {
    // Switching (on refresh) into a firm that requires MFA needs an authenticator already set up.
    const [totp] = await tx
      .select({ userId: userTotp.userId })
      .from(userTotp)
      .where(and(eq(userTotp.userId, userId), isNotNull(userTotp.confirmedAt)));
    if (!totp) {
      throw new ApiProblem(
        403,
        'mfa_enrolment_required',
        'Forbidden',
        `${chosen.name} requires two-factor sign-in: set up an authenticator first.`,
      );
    }
  }
  const refreshToken = newSecretToken();
  await tx.insert(refreshTokens).values({
    userId,
    firmId: chosen.id,
    familyId,
    tokenHash: hashToken(refreshToken),
    expiresAt: daysFrom(REFRESH_TOKEN_DAYS),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 400),
  });
  return { refreshToken, familyId, user, firm: chosen };
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

export function revokeFamily(tx: Transaction, familyId: string) {
  return tx
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

/**
 * How long a spent refresh token still refreshes: two tabs (or a retried request) refreshing with the
 * same token at the same moment both get a session of the family, instead of the second one ending it.
 */
export const REFRESH_REUSE_GRACE_MS = 10_000;

/**
 * Rotates a refresh token: the presented token is spent and a new one of the same family issued.
 * A token presented again after the grace means it was stolen or replayed: the whole family is revoked.
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
  // spends nothing), then the presented one is spent (a concurrent refresh with it may have just done
  // so: the same moment, answered alike). Presenting it after the grace revokes the family; the
  // revocation commits before the refusal is thrown.
  const spentAt = stored.used_at ? new Date(stored.used_at).getTime() : null;
  const outcome = await withTenant(db, { userId: stored.user_id, firmId: null }, async (tx) => {
    if (spentAt === null || Date.now() - spentAt < REFRESH_REUSE_GRACE_MS) {
      const session = await startSession(
        tx,
        stored.user_id,
        switchToFirmId ?? stored.firm_id,
        stored.family_id,
        client,
      );
      await tx
        .update(refreshTokens)
        .set({ usedAt: new Date() })
        .where(and(eq(refreshTokens.id, stored.id), isNull(refreshTokens.usedAt)));
      return session;
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
    const problem = passwordProblem(input.password, { email: invitation.email, name: input.name });
    if (problem) throw badRequest(`password_${problem}`, passwordProblemText[problem]);
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
  return withTenant(db, { userId, firmId: null }, async (tx) => {
    // The invitation is accepted either way; a password alone never starts a session for a user
    // with a second factor.
    const [totp] = await tx
      .select({ userId: userTotp.userId })
      .from(userTotp)
      .where(and(eq(userTotp.userId, userId), isNotNull(userTotp.confirmedAt)));
    if (totp) {
      throw new ApiProblem(
        403,
        'mfa_sign_in_required',
        'Forbidden',
        `You joined ${invitation.firm_name}; sign in with your authenticator to continue.`,
      );
    }
    return startSession(tx, userId, invitation.firm_id, randomUUID(), client);
  });
}

export const PASSWORD_RESET_MINUTES = 30;

/**
 * Starts a password reset: for a known, active email, a single-use token (its hash stored) and an
 * email with the link in the outbox of the user's first firm. Answers the email to deliver, or
 * null; the caller answers the same either way.
 */
export async function requestPasswordReset(
  db: Database,
  email: string,
  portalUrl: string,
): Promise<{ firmId: string; emailId: string } | null> {
  // People who must sign in through SSO have no password to reset; the caller answers the same.
  if (await ssoRequiredFor(db, email)) return null;
  const token = newSecretToken();
  const expiresAt = new Date(Date.now() + PASSWORD_RESET_MINUTES * 60_000);
  const [target] = await withTenant(db, anonymous, (tx) =>
    query<{ user_id: string; name: string; email: string; firm_id: string }>(
      tx,
      sql`select * from auth_start_password_reset(${email}, ${hashToken(token)}, ${expiresAt.toISOString()}::timestamptz)`,
    ),
  );
  if (!target) return null;
  const link = `${portalUrl}/reset-password?token=${token}`;
  const emailId = await withTenant(db, { firmId: target.firm_id, userId: target.user_id }, async (tx) => {
    const [row] = await tx
      .insert(emailOutbox)
      .values({
        firmId: target.firm_id,
        toEmail: target.email,
        subject: 'Reset your Accord password',
        bodyText:
          `Hello ${target.name},\n\nsomeone (hopefully you) asked to reset the password of your Accord account.\n\n` +
          `Choose a new password within ${PASSWORD_RESET_MINUTES} minutes: ${link}\n\n` +
          'The link works once. If you did not ask for it, ignore this email: your password stays as it is.\n',
        link,
      })
      .returning({ id: emailOutbox.id });
    return row!.id;
  });
  return { firmId: target.firm_id, emailId };
}

/** Sets a new password with a reset token: spends it, ends every session and clears any lockout. */
export async function completePasswordReset(db: Database, token: string, password: string): Promise<void> {
  const [reset] = await withTenant(db, anonymous, (tx) =>
    query<{ user_id: string; email: string; name: string; expires_at: Date | string; used_at: Date | string | null }>(
      tx,
      sql`select * from auth_password_reset(${hashToken(token)})`,
    ),
  );
  if (!reset) throw badRequest('reset_token_invalid', 'This reset link is not valid; ask for a new one.');
  if (reset.used_at) throw gone('reset_token_used', 'This reset link was already used; ask for a new one.');
  if (new Date(reset.expires_at).getTime() <= Date.now()) {
    throw gone('reset_token_expired', 'This reset link has expired; ask for a new one.');
  }
  checkNewPassword(password, { email: reset.email, name: reset.name });
  const passwordHash = await hashPassword(password);
  const [done] = await withTenant(db, anonymous, (tx) =>
    query<{ user_id: string | null }>(
      tx,
      sql`select auth_complete_password_reset(${hashToken(token)}, ${passwordHash}) as user_id`,
    ),
  );
  if (!done?.user_id) throw gone('reset_token_used', 'This reset link was used a moment ago; ask for a new one.');
}

/** The signed-in user, the firm they act for, their firms and the firm's networks, and where their MFA stands. */
export async function describeMe(tx: Transaction, actor: { userId: string; firmId: string }) {
  const user = await userSummaryOf(tx, actor.userId);
  const memberships = await firmsOfUser(tx, actor.userId);
  const ownNetworks = await networksOfFirm(tx, actor.firmId);
  const firm = memberships.find((m) => m.id === actor.firmId);
  if (!user || !firm) throw new Error('signed-in user or firm not visible to itself');
  const mfa = { enabled: await mfaEnabled(tx, actor.userId), required: firm.requireMfa };
  return { mfa, user, firm, firms: memberships, networks: ownNetworks };
}
