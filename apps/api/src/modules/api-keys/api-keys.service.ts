// Pipeline API keys: `acc_<prefix>_<secret>`. The prefix finds the key, the secret proves it; only
// the secret's SHA-256 is kept (it is 256 random bits, so a fast hash is enough). Shown once.
import { anonymous, apiKeys, query, withTenant, type Database, type Dataset } from '@accord/db';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { unauthorized } from '../../http/problems.ts';
import type { Pipeline } from '../../plugins/auth.ts';

export const API_KEY_PREFIX = 'acc_';

export function newApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(6).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  return { key: `${API_KEY_PREFIX}${prefix}_${secret}`, prefix, secretHash: sha256(secret) };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const refused = () =>
  unauthorized('api_key_invalid', 'The API key is not valid; create a new one in the portal under Data exchange.');

interface StoredApiKey {
  id: string;
  firm_id: string;
  network_id: string;
  secret_hash: string;
  datasets: Dataset[] | string;
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
  creator_active: boolean;
}

/** The pipeline an API key stands for; refuses unknown, revoked and expired keys alike in code. */
export async function authenticateApiKey(db: Database, key: string): Promise<Pipeline> {
  const match = /^acc_([\w-]{8})_([\w-]{43})$/.exec(key);
  if (!match) throw refused();
  const [, prefix, secret] = match as unknown as [string, string, string];
  const [stored] = await withTenant(db, anonymous, (tx) =>
    query<StoredApiKey>(tx, sql`select * from auth_api_key(${prefix})`),
  );
  const presented = Buffer.from(sha256(secret), 'hex');
  if (!stored || !timingSafeEqual(presented, Buffer.from(stored.secret_hash, 'hex'))) throw refused();
  if (stored.revoked_at) throw unauthorized('api_key_revoked', 'This API key was revoked; use a current one.');
  // A key acts for the firm on behalf of the admin who made it: it stops when they are deactivated.
  if (!stored.creator_active) {
    throw unauthorized(
      'api_key_creator_deactivated',
      'The person who created this API key was deactivated; a firm admin must create a new key.',
    );
  }
  if (stored.expires_at && new Date(stored.expires_at).getTime() <= Date.now()) {
    throw unauthorized('api_key_expired', 'This API key has expired; create a new one.');
  }
  // Last use is recorded at most once a minute, so a busy pipeline does not write on every call.
  await withTenant(db, { firmId: stored.firm_id, userId: null }, (tx) =>
    tx
      .update(apiKeys)
      .set({ lastUsedAt: new Date() })
      .where(
        and(
          eq(apiKeys.id, stored.id),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
        ),
      ),
  );
  return {
    apiKeyId: stored.id,
    firmId: stored.firm_id,
    networkId: stored.network_id,
    datasets: parseArray(stored.datasets),
  };
}

// postgres.js answers an enum array as its text form ({a,b}); PGlite as an array.
function parseArray(value: Dataset[] | string): Dataset[] {
  if (Array.isArray(value)) return value;
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean) as Dataset[];
}
