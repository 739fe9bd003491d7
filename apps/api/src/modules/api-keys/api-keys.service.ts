// Pipeline API keys: `acc_<prefix>_<secret>`. The prefix finds the key, the secret proves it; only
// the secret's SHA-256 is kept (it is 256 random bits, so a fast hash is enough). Shown once.
import type { Database, Dataset, Transaction } from '@accord/db';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { paginate, presentPage, type PageRequest } from '../../http/pagination.ts';
import { ApiProblem, notFound, unauthorized } from '../../http/problems.ts';
import { isActiveMember } from '../networks/networks.queries.ts';
import {
  apiKeyByPrefix,
  apiKeysOf,
  insertApiKey,
  recordApiKeyUse,
  revokeApiKeyRow,
  userName,
  type ApiKeyRow,
} from './api-keys.queries.ts';

export const API_KEY_PREFIX = 'acc_';

/** A data pipeline: an API key of one firm, for one network and some datasets. */
export interface Pipeline {
  apiKeyId: string;
  firmId: string;
  networkId: string;
  datasets: readonly Dataset[];
}

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

/** The pipeline an API key stands for; refuses unknown, revoked and expired keys alike in code. */
export async function authenticateApiKey(db: Database, key: string): Promise<Pipeline> {
  const match = /^acc_([\w-]{8})_([\w-]{43})$/.exec(key);
  if (!match) throw refused();
  const [, prefix, secret] = match as unknown as [string, string, string];
  const stored = await apiKeyByPrefix(db, prefix);
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
  // and it carries their authority: it stops when they are no longer a firm admin of the firm
  if (!stored.creator_admin) {
    throw unauthorized(
      'api_key_creator_not_admin',
      'The person who created this API key is no longer a firm admin; a firm admin must create a new key.',
    );
  }
  if (stored.expires_at && new Date(stored.expires_at).getTime() <= Date.now()) {
    throw unauthorized('api_key_expired', 'This API key has expired; create a new one.');
  }
  await recordApiKeyUse(db, { id: stored.id, firmId: stored.firm_id });
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

function present(row: ApiKeyRow, createdBy: string | null) {
  return {
    id: row.id,
    name: row.name,
    networkId: row.networkId,
    datasets: row.datasets,
    prefix: `acc_${row.prefix}`,
    createdBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export async function listApiKeys(tx: Transaction, firmId: string, page: PageRequest) {
  const rows = await paginate(page, (window) => apiKeysOf(tx, firmId, window), {
    parts: 2,
    key: (r) => [r.key.createdAt.toISOString(), r.key.id],
  });
  return presentPage(rows, (r) => present(r.key, r.createdBy));
}

export interface NewApiKey {
  networkId: string;
  name: string;
  datasets: Dataset[];
  expiresAt?: string;
}

/** A new key for a network the firm is an active member of; the key itself is answered only here. */
export async function createApiKey(tx: Transaction, actor: { firmId: string; userId: string }, input: NewApiKey) {
  if (!(await isActiveMember(tx, input.networkId))) throw notFound('network your firm is an active member of');
  if (input.expiresAt && new Date(input.expiresAt).getTime() <= Date.now()) {
    throw new ApiProblem(400, 'expiry_in_past', 'Bad request', 'expiresAt must be in the future.');
  }
  const { key, prefix, secretHash } = newApiKey();
  const row = await insertApiKey(tx, {
    firmId: actor.firmId,
    networkId: input.networkId,
    name: input.name,
    datasets: input.datasets,
    prefix,
    secretHash,
    createdByUserId: actor.userId,
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
  });
  return { ...present(row, await userName(tx, actor.userId)), key };
}

export async function revokeApiKey(tx: Transaction, apiKeyId: string): Promise<void> {
  if (!(await revokeApiKeyRow(tx, apiKeyId))) throw notFound('active API key');
}
