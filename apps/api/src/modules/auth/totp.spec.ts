import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpCode, totpStep, totpUri } from './totp.ts';

describe('TOTP', () => {
  const secret = newTotpSecret();
  const now = 1_800_000_000_000;
  const step = Math.floor(now / 30_000);

  it('accepts the current code and one step either side, and names its step', () => {
    expect(totpStep(secret, totpCode(secret, now), now)).toBe(step);
    expect(totpStep(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(totpStep(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1);
  });

  it('refuses a code from two or more steps ago, and anything that is not six digits', () => {
    expect(totpStep(secret, totpCode(secret, now - 90_000), now)).toBeNull();
    expect(totpStep(secret, 'abcdef', now)).toBeNull();
    expect(totpStep(secret, '12345', now)).toBeNull();
  });

  it('writes an otpauth URI for authenticator apps', () => {
    expect(totpUri(secret, 'ann@example.com')).toMatch(
      new RegExp(
        `^otpauth://totp/Accord:ann%40example\\.com\\?issuer=Accord&secret=${secret}&algorithm=SHA1&digits=6&period=30$`,
      ),
    );
  });
});

describe('recovery codes', () => {
  it('are ten distinct 16-character codes whose hash ignores case and dashes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    expect(hashRecoveryCode(codes[0]!.toUpperCase().replaceAll('-', ''))).toBe(hashRecoveryCode(codes[0]!));
  });
});
