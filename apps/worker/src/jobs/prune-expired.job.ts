import { anonymous, query, withTenant, type Database } from '@accord/db';
import type { JobHandler } from '@accord/jobs';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';

/** How often the sign-in tables are cleared of expired single-use secrets and long-ended sessions. */
export const PRUNE_EVERY_MS = 60 * 60_000;

/** Removes what can no longer be used (auth_prune_expired, migration 0029) and logs how much went. */
export function pruneExpired(db: Database, logger: Logger): JobHandler<'prune-expired'> {
  return async () => {
    const rows = await withTenant(db, anonymous, (tx) =>
      query<{ table_name: string; removed: number }>(tx, sql`select * from auth_prune_expired()`),
    );
    const removed = Object.fromEntries(rows.filter((r) => r.removed > 0).map((r) => [r.table_name, r.removed]));
    if (Object.keys(removed).length) logger.info({ removed }, 'pruned expired sign-in records');
  };
}
