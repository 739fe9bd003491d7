// The second step of a sign-in that needs a second factor: proving one (a code or a recovery code),
// or setting up an authenticator when the firm requires MFA. The mfaToken from the first step names
// the user and can finish only that sign-in; wrong codes count toward the lockout.
import { withTenant, type Database } from '@accord/db';
import { badRequest, unauthorized } from '../../http/problems.ts';
import type { SecretBox } from './secret-box.ts';
import {
  accountLocked,
  completeSignIn,
  recordFailedSignIn,
  spendChallenge,
  usableChallenge,
  type ClientInfo,
  type IssuedSession,
} from './auth.service.ts';
import { confirmTotpEnrolment, startTotpEnrolment, verifySecondFactor } from './mfa.service.ts';
import { userEmailOf } from './auth.queries.ts';

const invalidCode = () =>
  unauthorized('mfa_code_invalid', 'That code is not right, has expired or was already used; try the current one.');

const stepDone = () => unauthorized('mfa_token_invalid', 'This sign-in step is already done; sign in again.');

/** Counts a wrong second factor toward lockout, then refuses it. */
async function refuseSecondFactor(db: Database, userId: string): Promise<never> {
  const lock = await recordFailedSignIn(db, userId);
  throw lock ? accountLocked(lock) : invalidCode();
}

export interface SecondFactorProof {
  mfaToken: string;
  code?: string | undefined;
  recoveryCode?: string | undefined;
}

export async function finishMfaSignIn(
  db: Database,
  secretBox: SecretBox,
  proof: SecondFactorProof,
  client: ClientInfo,
): Promise<IssuedSession> {
  const { mfaToken, code, recoveryCode } = proof;
  if (!code === !recoveryCode) throw badRequest('mfa_proof_required', 'Send either `code` or `recoveryCode`.');
  const challenge = await usableChallenge(db, mfaToken, 'verify');
  const userId = challenge.user_id;
  const proven = await withTenant(db, { userId, firmId: null }, async (tx) => {
    if (!(await verifySecondFactor(tx, secretBox, userId, { code, recoveryCode }))) return false;
    if (!(await spendChallenge(tx, challenge.id))) throw stepDone();
    return true;
  });
  if (!proven) return refuseSecondFactor(db, userId);
  return completeSignIn(db, userId, challenge.firm_id ?? undefined, client);
}

export async function startSignInEnrolment(db: Database, secretBox: SecretBox, mfaToken: string) {
  const challenge = await usableChallenge(db, mfaToken, 'enrol');
  const userId = challenge.user_id;
  return withTenant(db, { userId, firmId: null }, async (tx) =>
    startTotpEnrolment(tx, secretBox, await userEmailOf(tx, userId)),
  );
}

/** Turns the new authenticator on with its first code and finishes the sign-in; recovery codes shown once. */
export async function confirmSignInEnrolment(
  db: Database,
  secretBox: SecretBox,
  input: { mfaToken: string; code: string },
  client: ClientInfo,
): Promise<{ session: IssuedSession; recoveryCodes: string[] }> {
  const challenge = await usableChallenge(db, input.mfaToken, 'enrol');
  const userId = challenge.user_id;
  const recoveryCodes = await withTenant(db, { userId, firmId: null }, async (tx) => {
    const codes = await confirmTotpEnrolment(tx, secretBox, userId, input.code);
    if (!codes) return null;
    if (!(await spendChallenge(tx, challenge.id))) throw stepDone();
    return codes;
  });
  if (!recoveryCodes) return refuseSecondFactor(db, userId);
  const session = await completeSignIn(db, userId, challenge.firm_id ?? undefined, client);
  return { session, recoveryCodes };
}
