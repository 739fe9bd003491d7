// The password policy as the portal explains it; the API enforces it (422 `weak_password` with a `reason`).
export const passwordLength = { min: 12, max: 128 } as const;

const reasons: Record<string, string> = {
  too_short: `Too short: use at least ${passwordLength.min} characters. A few unrelated words with spaces work well.`,
  too_long: `Too long: use at most ${passwordLength.max} characters.`,
  common: 'Too common: that password appears in lists of often-used or leaked passwords. Choose one nobody else would.',
  personal: 'Too personal: the password must not be your email address or your name.',
};

/** The sentence for a refused new password, from the API's `reason` (its detail for reasons we do not know). */
export function weakPasswordMessage(reason: string | undefined, detail: string | undefined): string {
  return (reason && reasons[reason]) || detail || 'Choose a stronger password.';
}

/** What is wrong with a new password before the API sees it (length and the confirmation), or null. */
export function newPasswordProblem(password: string, confirm: string): string | null {
  const length = [...password.normalize('NFC')].length;
  if (length < passwordLength.min) return reasons.too_short!;
  if (length > passwordLength.max) return reasons.too_long!;
  if (password !== confirm) return 'The two passwords do not match.';
  return null;
}
