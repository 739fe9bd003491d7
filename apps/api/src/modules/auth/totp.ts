// Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30-second steps, as authenticator
// apps expect) and one-time recovery codes.
import { Secret, TOTP } from 'otpauth';
import { createHash, randomBytes } from 'node:crypto';

export const TOTP_PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Accord';

function totp(secret: string, label = 'Accord'): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** A new 160-bit secret, base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app scans. */
export function totpUri(secret: string, account: string): string {
  return totp(secret, account).toString();
}

/** The code for a moment: for tests and for the enrolment screens of clients that want it. */
export function totpCode(secret: string, timestamp = Date.now()): string {
  return totp(secret).generate({ timestamp });
}

/**
 * The time step a code belongs to when it is the code of the current step or one either side
 * (clock drift); null for any other code. The caller refuses a step not later than the last one used.
 */
export function totpStep(secret: string, code: string, timestamp = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const generator = totp(secret);
  const delta = generator.validate({ token: code, timestamp, window: 1 });
  return delta === null ? null : generator.counter({ timestamp }) + delta;
}

const base32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Ten codes of 80 random bits each, written `xxxx-xxxx-xxxx-xxxx`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = [...randomBytes(16)].map((b) => base32[b % 32]).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

/** Recovery codes are kept as SHA-256 of their normalised form (case and dashes do not matter). */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('hex');
}
