// The api-keys module's reads and writes.
import {
  anonymous,
  apiKeys,
  query,
  users,
  withTenant,
  type Database,
  type Dataset,
  type Transaction,
} from '@accord/db';
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { olderThan, type PageWindow } from '../../http/pagination.ts';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/** A key as the auth_api_key function answers it, before anyone is signed in. */
export interface StoredApiKey {
  id: string;
  firm_id: string;
  network_id: string;
  secret_hash: string;
  datasets: Dataset[] | string;
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
  creator_active: boolean;
  /** The maker is still a firm admin of the firm. */
  creator_admin: boolean;
}

export async function apiKeyByPrefix(db: Database, prefix: string): Promise<StoredApiKey | undefined> {
  const [stored] = await withTenant(db, anonymous, (tx) =>
    query<StoredApiKey>(tx, sql`select * from auth_api_key(${prefix})`),
  );
  return stored;
}

/** Last use is recorded at most once a minute, so a busy pipeline does not write on every call. */
export async function recordApiKeyUse(db: Database, key: { id: string; firmId: string }): Promise<void> {
  await withTenant(db, { firmId: key.firmId, userId: null }, (tx) =>
    tx
      .update(apiKeys)
      .set({ lastUsedAt: new Date() })
      .where(
        and(
          eq(apiKeys.id, key.id),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
        ),
      ),
  );
}

/** The firm's keys, newest first, with who made each. */
export function apiKeysOf(tx: Transaction, firmId: string, window: PageWindow) {
  return tx
    .select({ key: apiKeys, createdBy: users.name })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(and(eq(apiKeys.firmId, firmId), olderThan(apiKeys.createdAt, apiKeys.id, window.after)))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(window.take);
}

export async function insertApiKey(tx: Transaction, values: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  const [row] = await tx.insert(apiKeys).values(values).returning();
  return row!;
}

export async function userName(tx: Transaction, userId: string): Promise<string | null> {
  const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return me?.name ?? null;
}

/** Revokes a key not revoked yet; false when there is none such. */
export async function revokeApiKeyRow(tx: Transaction, apiKeyId: string): Promise<boolean> {
  const [revoked] = await tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, apiKeyId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return revoked !== undefined;
}
