// The second factor: a TOTP authenticator (secret sealed at rest) and one-time recovery codes.
// Everything here runs as the user themself under row-level security (user_totp and
// mfa_recovery_codes are visible to their own user only).
import { mfaRecoveryCodes, userTotp, type Transaction } from '@accord/db';
import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import QRCode from 'qrcode';
import { conflict } from '../../http/problems.ts';
import type { SecretBox } from './secret-box.ts';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpStep, totpUri } from './totp.ts';

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}

export async function mfaEnabled(tx: Transaction, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ userId: userTotp.userId })
    .from(userTotp)
    .where(and(eq(userTotp.userId, userId), isNotNull(userTotp.confirmedAt)));
  return row !== undefined;
}

/** A new secret, pending until a code confirms it; replaces any earlier pending one. */
export async function startTotpEnrolment(
  tx: Transaction,
  box: SecretBox,
  user: { id: string; email: string },
): Promise<TotpEnrolment> {
  if (await mfaEnabled(tx, user.id)) {
    throw conflict('mfa_already_enabled', 'Two-factor sign-in is already on; turn it off first to change devices.');
  }
  const secret = newTotpSecret();
  const secretSealed = box.seal(secret);
  await tx
    .insert(userTotp)
    .values({ userId: user.id, secretSealed })
    .onConflictDoUpdate({
      target: userTotp.userId,
      set: { secretSealed, createdAt: new Date(), confirmedAt: null, lastUsedStep: null },
    });
  const otpauthUri = totpUri(secret, user.email);
  return { secret, otpauthUri, qrCodeDataUrl: await QRCode.toDataURL(otpauthUri) };
}

/**
 * Checks a TOTP code and spends its time step: a code of a step not later than the last accepted
 * one is refused (replay), as is any code outside one step either side of now.
 */
async function spendTotpCode(
  tx: Transaction,
  box: SecretBox,
  userId: string,
  code: string,
  confirmed: boolean,
  now = Date.now(),
): Promise<boolean> {
  const [row] = await tx
    .select()
    .from(userTotp)
    .where(
      and(eq(userTotp.userId, userId), confirmed ? isNotNull(userTotp.confirmedAt) : isNull(userTotp.confirmedAt)),
    );
  if (!row) return false;
  const step = totpStep(box.open(row.secretSealed), code.trim(), now);
  if (step === null) return false;
  const spent = await tx
    .update(userTotp)
    .set({ lastUsedStep: step, ...(confirmed ? {} : { confirmedAt: new Date(now) }) })
    .where(and(eq(userTotp.userId, userId), or(isNull(userTotp.lastUsedStep), lt(userTotp.lastUsedStep, step))))
    .returning({ userId: userTotp.userId });
  return spent.length === 1;
}

/** Turns MFA on with the first good code; answers the recovery codes, shown this once. */
export async function confirmTotpEnrolment(
  tx: Transaction,
  box: SecretBox,
  userId: string,
  code: string,
): Promise<string[] | null> {
  if (!(await spendTotpCode(tx, box, userId, code, false))) return null;
  const codes = newRecoveryCodes();
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await tx.insert(mfaRecoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })));
  return codes;
}

/** A second factor presented at sign-in or to turn MFA off: a TOTP code, or an unused recovery code. */
export async function verifySecondFactor(
  tx: Transaction,
  box: SecretBox,
  userId: string,
  proof: { code?: string | undefined; recoveryCode?: string | undefined },
): Promise<boolean> {
  if (proof.code) return spendTotpCode(tx, box, userId, proof.code, true);
  if (proof.recoveryCode) {
    const used = await tx
      .update(mfaRecoveryCodes)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(mfaRecoveryCodes.userId, userId),
          eq(mfaRecoveryCodes.codeHash, hashRecoveryCode(proof.recoveryCode)),
          isNull(mfaRecoveryCodes.usedAt),
        ),
      )
      .returning({ id: mfaRecoveryCodes.id });
    return used.length === 1;
  }
  return false;
}

export async function disableMfa(tx: Transaction, userId: string): Promise<void> {
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await tx.delete(userTotp).where(eq(userTotp.userId, userId));
}
