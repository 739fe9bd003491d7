import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwords.ts';

describe('passwordProblem', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(passwordProblem('😀'.repeat(11))).toBe('too_short');
    expect(passwordProblem('😀'.repeat(12))).toBeNull();
  });
  it('bounds the length both ways and accepts spaces and any characters', () => {
    expect(passwordProblem('short')).toBe('too_short');
    expect(passwordProblem('correct horse battery')).toBeNull();
    expect(passwordProblem('x'.repeat(129))).toBe('too_long');
  });
});
