// The portal's session: the API's access and refresh tokens, sealed (AES-256-GCM) into one httpOnly
// cookie. The browser holds only the sealed blob; it can neither read nor alter the tokens.
import { randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { deriveKey, seal, unseal } from './seal';

export const SESSION_COOKIE = 'accord_session';
export const NETWORK_COOKIE = 'accord_network';

/** Long enough for the API's refresh token (30 days); the API decides when a session really ends. */
const SESSION_MAX_AGE = 30 * 86_400;

export interface PortalSession {
  accessToken: string;
  /** Epoch milliseconds when the access token expires. */
  accessExpiresAt: number;
  refreshToken: string;
}

let key: Buffer | undefined;

/** The sealing key, from PORTAL_SESSION_SECRET or, without it, a random one for this process. */
export function sessionKey(): Buffer {
  if (key) return key;
  const secret = env.PORTAL_SESSION_SECRET;
  if (secret) {
    if (secret.length < 32)
      console.warn('[portal] PORTAL_SESSION_SECRET is shorter than 32 characters; use a longer one');
    key = deriveKey(secret);
  } else {
    key = randomBytes(32);
    console.warn(
      "[portal] PORTAL_SESSION_SECRET is not set: generated a random session key; sessions won't survive a restart",
    );
  }
  return key;
}

/** The session in a sealed cookie value, or null when it is missing, tampered with or sealed under another key. */
export function openSession(value: string | undefined): PortalSession | null {
  const parsed = unseal(sessionKey(), value, SESSION_COOKIE) as Partial<PortalSession> | undefined;
  if (
    typeof parsed?.accessToken !== 'string' ||
    typeof parsed.refreshToken !== 'string' ||
    typeof parsed.accessExpiresAt !== 'number'
  ) {
    return null;
  }
  return {
    accessToken: parsed.accessToken,
    refreshToken: parsed.refreshToken,
    accessExpiresAt: parsed.accessExpiresAt,
  };
}

/** Cookie attributes: Secure whenever the portal is served over https (adapter-node takes the URL from ORIGIN). */
export function cookieOptions(url: URL, maxAge: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:', maxAge };
}

export function readSession(cookies: Cookies): PortalSession | null {
  return openSession(cookies.get(SESSION_COOKIE));
}

export function writeSession(cookies: Cookies, url: URL, session: PortalSession): void {
  const { accessToken, accessExpiresAt, refreshToken } = session;
  cookies.set(
    SESSION_COOKIE,
    seal(sessionKey(), { accessToken, accessExpiresAt, refreshToken }, SESSION_COOKIE),
    cookieOptions(url, SESSION_MAX_AGE),
  );
}

export function clearSession(cookies: Cookies, url: URL): void {
  cookies.delete(SESSION_COOKIE, cookieOptions(url, 0));
  cookies.delete(NETWORK_COOKIE, cookieOptions(url, 0));
}
