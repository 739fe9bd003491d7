import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cookieFromSetCookie, deriveKey, seal, unseal } from './seal';

const session = { accessToken: 'eyJhbGciOi.payload.sig', accessExpiresAt: 1_800_000_000_000, refreshToken: 'r-123' };

describe('seal', () => {
  const key = deriveKey('a portal session secret of some length');

  it('round-trips a value and hides its contents', () => {
    const sealed = seal(key, session, 'accord_session');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sealed).not.toContain('eyJhbGciOi');
    expect(Buffer.from(sealed.slice(3), 'base64url').toString('latin1')).not.toContain('accessToken');
    expect(unseal(key, sealed, 'accord_session')).toEqual(session);
  });

  it('uses a fresh IV each time', () => {
    expect(seal(key, session, 'accord_session')).not.toBe(seal(key, session, 'accord_session'));
  });

  it('rejects tampering, another key, another context and junk', () => {
    const sealed = seal(key, session, 'accord_session');
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1]! ^= 1;
    expect(unseal(key, `v1.${raw.toString('base64url')}`, 'accord_session')).toBeUndefined();
    expect(unseal(randomBytes(32), sealed, 'accord_session')).toBeUndefined();
    expect(unseal(key, sealed, 'another_cookie')).toBeUndefined();
    expect(unseal(key, undefined, 'accord_session')).toBeUndefined();
    expect(unseal(key, 'v1.', 'accord_session')).toBeUndefined();
    expect(unseal(key, 'not sealed at all', 'accord_session')).toBeUndefined();
  });

  it('derives the same key from the same secret, another from another', () => {
    expect(deriveKey('secret one').equals(deriveKey('secret one'))).toBe(true);
    expect(deriveKey('secret one').equals(deriveKey('secret two'))).toBe(false);
    expect(deriveKey('x')).toHaveLength(32);
  });
});

describe('cookieFromSetCookie', () => {
  it('finds the named cookie among several Set-Cookie headers', () => {
    const headers = [
      'other=1; Path=/',
      'accord_refresh=A2JGZMWc_igkdM; Max-Age=2592000; Path=/v1/auth; HttpOnly; SameSite=Lax',
    ];
    expect(cookieFromSetCookie(headers, 'accord_refresh')).toBe('A2JGZMWc_igkdM');
  });

  it('answers null when the cookie is absent or being cleared', () => {
    expect(cookieFromSetCookie([], 'accord_refresh')).toBeNull();
    expect(cookieFromSetCookie(['accord_refresh=; Max-Age=0; Path=/v1/auth'], 'accord_refresh')).toBeNull();
    expect(cookieFromSetCookie(['accord_refreshX=abc'], 'accord_refresh')).toBeNull();
  });
});
