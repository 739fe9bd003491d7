import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwords.ts';

describe('passwordProblem', () => {
  it('counts code points, not UTF-16 units', () => {
    // 11 and 12 astral letters: 22 and 24 UTF-16 units
    expect(passwordProblem('𝒶𝒷𝒸𝒹𝑒𝒻𝑔𝒽𝒾𝒿𝓀')).toBe('too_short');
    expect(passwordProblem('𝒶𝒷𝒸𝒹𝑒𝒻𝑔𝒽𝒾𝒿𝓀𝓁')).toBeNull();
    expect(passwordProblem('😀🐙🦊🌵🚲🎻😀🐙🦊🌵🚲🎻🎲')).toBeNull();
  });

  it('bounds the length both ways and accepts spaces and any characters', () => {
    expect(passwordProblem('short')).toBe('too_short');
    expect(passwordProblem('correct horse battery')).toBeNull();
    expect(passwordProblem('Grüße aus Köln, 2026')).toBeNull();
    expect(passwordProblem('x'.repeat(129))).toBe('too_long');
    expect(passwordProblem('walnut harbor crane '.repeat(6).slice(0, 128))).toBeNull();
  });

  it('has no composition rules: lower-case words alone are fine', () => {
    expect(passwordProblem('purple tractors sing loudly')).toBeNull();
  });

  it('refuses passwords on the breached/common list, whatever the case', () => {
    expect(passwordProblem('qwerty123456')).toBe('common');
    expect(passwordProblem('1q2w3e4r5t6y')).toBe('common');
    expect(passwordProblem('QWERTY123456')).toBe('common');
  });

  it('refuses a common password padded with digits or symbols to reach the length', () => {
    expect(passwordProblem('password1234')).toBe('common');
    expect(passwordProblem('Password123!')).toBe('common');
    expect(passwordProblem('!!dragon2024!!')).toBe('common');
    expect(passwordProblem('monkey monkey monkey')).toBe('common');
  });

  it('refuses one or two characters repeated', () => {
    expect(passwordProblem('aaaaaaaaaaaa')).toBe('common');
    expect(passwordProblem('abababababab')).toBe('common');
    expect(passwordProblem('            ')).toBe('common');
  });

  it("refuses the user's own email or name", () => {
    const who = { email: 'marguerite.okafor@northwind.example', name: 'Marguerite Okafor' };
    expect(passwordProblem('marguerite.okafor@northwind.example', who)).toBe('personal');
    expect(passwordProblem('Marguerite Okafor', who)).toBe('personal');
    expect(passwordProblem('margueriteokafor2024', who)).toBe('personal');
    expect(passwordProblem('marguerite2024!!', who)).toBe('personal');
    expect(passwordProblem('my pal marguerite.okafor', who)).toBe('personal');
    // other people's names and unrelated phrases are fine
    expect(passwordProblem('Marguerite Okafor', {})).toBeNull();
    expect(passwordProblem('seven lanterns over the bay', who)).toBeNull();
  });

  it('keeps the demo password out of scope: the policy is for new passwords only', () => {
    // `accord-demo` is too short for a new password; sign-in never applies the policy.
    expect(passwordProblem('accord-demo')).toBe('too_short');
  });
});
