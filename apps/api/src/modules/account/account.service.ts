// The signed-in user's own sessions (refresh-token families) and password.
import {
  anonymous,
  loginChallenges,
  query,
  refreshTokens,
  withTenant,
  type Database,
  type Transaction,
} from '@accord/db';
import Bowser from 'bowser';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { ApiProblem, badRequest, forbidden } from '../../http/problems.ts';
import { accountByEmail, accountLocked, checkNewPassword, recordFailedSignIn } from '../auth/auth.service.ts';
import { confirmTotpEnrolment, disableMfa, mfaEnabled, verifySecondFactor } from '../auth/mfa.service.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import type { SecretBox } from '../auth/secret-box.ts';
import { firmRequiringMfa, ownUser, setOwnPasswordHash } from './account.queries.ts';

/** A short label for a user agent: "Firefox on Linux", "Safari on iOS", or the agent itself. */
export function deviceLabel(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name;
  const os = parsed.os.name;
  if (browser && os) return `${browser} on ${os}`;
  return browser || os || userAgent.slice(0, 60);
}

interface SessionRow {
  id: string;
  firm_id: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Date | string;
  last_seen_at: Date | string;
}

/** The user's live sessions: families with no revoked token and a token not yet expired, most recently used first. */
export async function listSessions(tx: Transaction, userId: string, currentSessionId: string) {
  const rows = await query<SessionRow>(
    tx,
    sql`select family_id as id,
               (array_agg(firm_id order by created_at desc))[1] as firm_id,
               (array_agg(ip order by created_at desc))[1] as ip,
               (array_agg(user_agent order by created_at desc))[1] as user_agent,
               min(created_at) as created_at,
               max(last_seen_at) as last_seen_at
        from refresh_tokens
        where user_id = ${userId}
        group by family_id
        having bool_and(revoked_at is null) and max(expires_at) > now()
        order by max(last_seen_at) desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    device: deviceLabel(r.user_agent),
    ip: r.ip,
    firmId: r.firm_id,
    createdAt: new Date(r.created_at).toISOString(),
    lastSeenAt: new Date(r.last_seen_at).toISOString(),
    current: r.id === currentSessionId,
  }));
}

/** Ends one of the user's sessions; false when it is not theirs or already ended. */
export async function revokeSession(tx: Transaction, userId: string, sessionId: string): Promise<boolean> {
  const revoked = await tx
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(refreshTokens.userId, userId), eq(refreshTokens.familyId, sessionId), isNull(refreshTokens.revokedAt)),
    )
    .returning({ id: refreshTokens.id });
  return revoked.length > 0;
}

/** Ends every session of the user but the one given; answers how many ended. */
export async function revokeOtherSessions(tx: Transaction, userId: string, keepSessionId: string): Promise<number> {
  const revoked = await tx
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(refreshTokens.userId, userId), ne(refreshTokens.familyId, keepSessionId), isNull(refreshTokens.revokedAt)),
    )
    .returning({ familyId: refreshTokens.familyId });
  // half-finished sign-ins elsewhere end too
  await tx
    .update(loginChallenges)
    .set({ usedAt: new Date() })
    .where(and(eq(loginChallenges.userId, userId), isNull(loginChallenges.usedAt)));
  return new Set(revoked.map((r) => r.familyId)).size;
}

export { ownUser } from './account.queries.ts';

const wrongPassword = () => forbidden('wrong_password', 'The current password is wrong.');

/** Checks the signed-in user's password; a wrong one counts toward the account's lockout. */
export async function proveOwnPassword(db: Database, user: { id: string; email: string }, password: string) {
  const [account] = await withTenant(db, anonymous, (tx) => accountByEmail(tx, user.email));
  if (!account || account.id !== user.id) throw wrongPassword();
  if (account.locked_until && new Date(account.locked_until).getTime() > Date.now()) {
    throw accountLocked(new Date(account.locked_until));
  }
  if (!(await verifyPassword(account.password_hash, password))) {
    const lock = await recordFailedSignIn(db, user.id);
    throw lock ? accountLocked(lock) : wrongPassword();
  }
}

/** The hash of a new password the policy accepts for this user. */
export async function newPasswordHash(user: { email: string; name: string }, password: string): Promise<string> {
  checkNewPassword(password, user);
  return hashPassword(password);
}

/** Sets the new password; every other session of the user ends. */
export async function changeOwnPassword(
  tx: Transaction,
  actor: { userId: string; sessionId: string },
  passwordHash: string,
): Promise<void> {
  if (!(await setOwnPasswordHash(tx, passwordHash))) throw new Error('password change did not apply');
  await revokeOtherSessions(tx, actor.userId, actor.sessionId);
}

export async function confirmOwnTotp(tx: Transaction, box: SecretBox, userId: string, code: string) {
  const codes = await confirmTotpEnrolment(tx, box, userId, code);
  if (!codes) {
    throw badRequest(
      'mfa_code_invalid',
      'That code does not match the authenticator being set up (or no set-up was started).',
    );
  }
  return { recoveryCodes: codes };
}

/** The user, when two-factor sign-in is on and no firm of theirs requires it. */
export async function userWhoMayDisableMfa(tx: Transaction, userId: string) {
  const user = await ownUser(tx, userId);
  if (!(await mfaEnabled(tx, userId))) {
    throw new ApiProblem(409, 'mfa_not_enabled', 'Conflict', 'Two-factor sign-in is not on.');
  }
  const requiring = await firmRequiringMfa(tx, userId);
  if (requiring) {
    throw forbidden('mfa_required_by_firm', `${requiring.name} requires two-factor sign-in; it cannot be turned off.`);
  }
  return user;
}

/** Turns two-factor sign-in off given a current code; false when the code is wrong. */
export async function disableMfaWithCode(tx: Transaction, box: SecretBox, userId: string, code: string) {
  if (!(await verifySecondFactor(tx, box, userId, { code }))) return false;
  await disableMfa(tx, userId);
  return true;
}

/** A wrong code counts toward the lockout. */
export async function refuseMfaCode(db: Database, userId: string): Promise<never> {
  const lock = await recordFailedSignIn(db, userId);
  if (lock) throw accountLocked(lock);
  throw badRequest('mfa_code_invalid', 'That code is not right, has expired or was already used.');
}
