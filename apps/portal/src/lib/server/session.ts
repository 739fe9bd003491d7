// The portal's session: the API's access and refresh tokens, sealed (AES-256-GCM) into one httpOnly
// cookie. The browser holds only the sealed blob; it can neither read nor alter the tokens.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';

export const SESSION_COOKIE = 'accord_session';
export const NETWORK_COOKIE = 'accord_network';

/** Long enough for the API's refresh token (30 days); the API decides when a session really ends. */
const SESSION_MAX_AGE = 30 * 86_400;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';

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
    if (secret.length < 32) console.warn('[portal] PORTAL_SESSION_SECRET is shorter than 32 characters; use a longer one');
    key = Buffer.from(hkdfSync('sha256', secret, 'accord-portal', 'accord_session cookie v1', 32));
  } else {
    key = randomBytes(32);
    console.warn(
      "[portal] PORTAL_SESSION_SECRET is not set: generated a random session key; sessions won't survive a restart",
    );
  }
  return key;
}

export function seal(session: PortalSession): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sessionKey(), iv);
  cipher.setAAD(Buffer.from(SESSION_COOKIE));
  const body = Buffer.concat([cipher.update(JSON.stringify(session), 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The session in a sealed value, or null when it is missing, tampered with or sealed under another key. */
export function unseal(value: string | undefined): PortalSession | null {
  if (!value?.startsWith(`${VERSION}.`)) return null;
  try {
    const raw = Buffer.from(value.slice(VERSION.length + 1), 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) return null;
    const decipher = createDecipheriv('aes-256-gcm', sessionKey(), raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(SESSION_COOKIE));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const json = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    const parsed = JSON.parse(json) as Partial<PortalSession>;
    if (
      typeof parsed.accessToken !== 'string' ||
      typeof parsed.refreshToken !== 'string' ||
      typeof parsed.accessExpiresAt !== 'number'
    ) {
      return null;
    }
    return { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken, accessExpiresAt: parsed.accessExpiresAt };
  } catch {
    return null;
  }
}

/** Cookie attributes: Secure whenever the portal is served over https (adapter-node takes the URL from ORIGIN). */
export function cookieOptions(url: URL, maxAge: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:', maxAge };
}

export function readSession(cookies: Cookies): PortalSession | null {
  return unseal(cookies.get(SESSION_COOKIE));
}

export function writeSession(cookies: Cookies, url: URL, session: PortalSession): void {
  cookies.set(SESSION_COOKIE, seal(session), cookieOptions(url, SESSION_MAX_AGE));
}

export function clearSession(cookies: Cookies, url: URL): void {
  cookies.delete(SESSION_COOKIE, cookieOptions(url, 0));
  cookies.delete(NETWORK_COOKIE, cookieOptions(url, 0));
}
