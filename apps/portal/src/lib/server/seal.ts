// AES-256-GCM sealing of a JSON value into a cookie-safe string, and back. Pure: the key is passed in.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A 32-byte key from a secret of any length (HKDF-SHA256). */
export function deriveKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'accord-portal', 'accord_session cookie v1', 32));
}

/** `v1.` + base64url(iv | tag | ciphertext); `context` is bound in as associated data. */
export function seal(key: Buffer, value: unknown, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The sealed value, or undefined when it is malformed, tampered with, or sealed under another key or context. */
export function unseal(key: Buffer, sealed: string | undefined, context: string): unknown {
  if (!sealed?.startsWith(`${VERSION}.`)) return undefined;
  try {
    const raw = Buffer.from(sealed.slice(VERSION.length + 1), 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The value of cookie `name` among `Set-Cookie` header values; null when absent or cleared (empty). */
export function cookieFromSetCookie(headers: readonly string[], name: string): string | null {
  for (const header of headers) {
    const [pair] = header.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (!pair || eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    const value = pair.slice(eq + 1).trim();
    return value ? decodeURIComponent(value) : null;
  }
  return null;
}
