// Secrets the API must read back (TOTP seeds) are sealed with AES-256-GCM before they reach the
// database, under a key from configuration that the database never sees. Sealed form:
// `v1.<iv>.<tag>.<ciphertext>`, base64url, with a fresh 96-bit IV each time.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

export function secretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('the secret key must be 32 bytes (AES-256)');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * The sealing key: ACCORD_SECRET_KEY (32 bytes as 64 hex digits or base64), else derived from the
 * JWT secret with HKDF-SHA-256 (fine for development; production should set its own key so that a
 * leaked signing secret does not also open the sealed secrets).
 */
export function secretKeyFrom(configured: string | undefined, jwtSecret: string): Buffer {
  if (configured) {
    const key = /^[\da-f]{64}$/i.test(configured) ? Buffer.from(configured, 'hex') : Buffer.from(configured, 'base64');
    if (key.length !== 32) throw new Error('ACCORD_SECRET_KEY must be 32 bytes: 64 hex digits or base64');
    return key;
  }
  return Buffer.from(hkdfSync('sha256', jwtSecret, 'accord', 'accord secret box v1', 32));
}
