import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretBox, secretKeyFrom } from './secret-box.ts';

describe('secretBox', () => {
  it('opens what it sealed, with a fresh IV each time, and refuses a tampered or foreign seal', () => {
    const box = secretBox(randomBytes(32));
    const a = box.seal('JBSWY3DPEHPK3PXP');
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(a);
    expect(box.open(a)).toBe('JBSWY3DPEHPK3PXP');
    const parts = a.split('.');
    parts[3] = Buffer.from('XXXXXXXXXXXXXXXX').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => secretBox(randomBytes(32)).open(a)).toThrow();
  });

  it('takes a configured key as hex or base64, else derives one from the JWT secret', () => {
    const key = randomBytes(32);
    expect(secretKeyFrom(key.toString('hex'), 'jwt')).toEqual(key);
    expect(secretKeyFrom(key.toString('base64'), 'jwt')).toEqual(key);
    expect(() => secretKeyFrom('too-short', 'jwt')).toThrow(/32 bytes/);
    expect(secretKeyFrom(undefined, 'jwt-secret')).toEqual(secretKeyFrom(undefined, 'jwt-secret'));
    expect(secretKeyFrom(undefined, 'jwt-secret')).not.toEqual(secretKeyFrom(undefined, 'other'));
  });
});
