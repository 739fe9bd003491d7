// Password rules after OWASP ASVS 5 (V6.2): at least 12 characters counted as Unicode code points,
// at most 128, any characters allowed (no composition rules), never truncated.
export const passwordLength = { min: 12, max: 128 } as const;

export type PasswordProblem = 'too_short' | 'too_long';

export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password.normalize('NFC')].length;
  if (length < passwordLength.min) return 'too_short';
  if (length > passwordLength.max) return 'too_long';
  return null;
}
