// Password rules after OWASP ASVS 4.0.3 V2.1: at least 12 characters counted as Unicode code points,
// at most 128, any characters allowed (spaces too, no composition rules), never truncated; refused
// when found among commonly used and breached passwords, or when it is the user's own email or name.
// The list is the 49k-entry password dictionary zxcvbn-ts ships (from breach corpora), offline.
import { dictionary } from '@zxcvbn-ts/language-common';

export const passwordLength = { min: 12, max: 128 } as const;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'personal';

/** What the user is known by, which a password must not be. */
export interface PasswordContext {
  email?: string | undefined;
  name?: string | undefined;
}

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common']);
  return common;
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/** The password without padding people add to meet a length rule: digits, symbols, spaces at either end. */
function core(text: string): string {
  return text.replace(/^[\d\p{P}\p{S}\s]+|[\d\p{P}\p{S}\s]+$/gu, '');
}

/** The shortest unit the text repeats, e.g. `abc` for `abcabcabcabc`. */
function repeatedUnit(text: string): string {
  const chars = [...text];
  for (let size = 1; size <= chars.length / 2; size++) {
    if (chars.length % size !== 0) continue;
    const unit = chars.slice(0, size).join('');
    if (unit.repeat(chars.length / size) === text) return unit;
  }
  return text;
}

function isCommon(password: string): boolean {
  const list = commonPasswords();
  const folded = fold(password);
  const compact = folded.replace(/\s+/g, '');
  const candidates = [folded, compact, core(folded), core(compact), repeatedUnit(compact), repeatedUnit(core(compact))];
  // a unit of one or two characters repeated (`aaaaaaaaaaaa`, `abababababab`) is as weak as a listed one
  return candidates.some((c) => c.length > 0 && list.has(c)) || [...repeatedUnit(compact)].length <= 2;
}

function isPersonal(password: string, context: PasswordContext): boolean {
  const compact = fold(password).replace(/[\s\p{P}\p{S}]+/gu, '');
  const stripped = core(compact).replace(/\d+$|^\d+/g, '');
  const email = context.email ? fold(context.email) : '';
  const local = email.split('@')[0]!.replace(/[\p{P}\p{S}]+/gu, '');
  const nameParts = context.name
    ? fold(context.name)
        .split(/[\s\p{P}]+/u)
        .filter((p) => p.length >= 3)
    : [];
  const fullName = nameParts.join('');
  if (email && (fold(password).includes(email) || compact.includes(email.replace(/[\p{P}\p{S}]+/gu, '')))) return true;
  if (local.length >= 3 && (stripped === local || (local.length >= 6 && compact.includes(local)))) return true;
  if (fullName.length >= 3 && (stripped === fullName || (fullName.length >= 6 && compact.includes(fullName)))) {
    return true;
  }
  return nameParts.some((part) => stripped === part || repeatedUnit(stripped) === part);
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext = {}): PasswordProblem | null {
  const length = [...password.normalize('NFC')].length;
  if (length < passwordLength.min) return 'too_short';
  if (length > passwordLength.max) return 'too_long';
  if (isCommon(password)) return 'common';
  if (isPersonal(password, context)) return 'personal';
  return null;
}

/** A sentence for each problem, for the person choosing the password. */
export const passwordProblemText: Record<PasswordProblem, string> = {
  too_short: `The password must be at least ${passwordLength.min} characters long; a few words with spaces work well.`,
  too_long: `The password must be at most ${passwordLength.max} characters long.`,
  common: 'That password is among commonly used or breached passwords; choose one nobody else would.',
  personal: 'The password must not be your email address or your name.',
};
