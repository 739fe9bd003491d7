// Password hashing: argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane).
import argon2 from 'argon2';

const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password.normalize('NFC'), options);
}

// A hash of nothing anyone knows, verified against when the email is unknown so that a wrong email
// costs as much time as a wrong password.
let decoy: Promise<string> | undefined;

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  decoy ??= argon2.hash(crypto.randomUUID(), options);
  const target = hash ?? (await decoy);
  const ok = await argon2.verify(target, password.normalize('NFC')).catch(() => false);
  return ok && hash !== undefined;
}
