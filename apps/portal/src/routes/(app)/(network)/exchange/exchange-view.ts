// What the data exchange page's sections work out: links that keep the batch filters, a key's status and the
// example a pipeline developer copies.
import { resolve } from '$app/paths';
import { withQuery } from '$lib/links';
import type { ApiKey, BatchStatus, Dataset } from '$lib/types';

export interface BatchFilters {
  dataset: Dataset | null;
  status: BatchStatus | null;
  cursor: string | null;
}

/** The batch list from `cursor` on (null: the newest), with the filters kept. */
export function batchesHref(filters: BatchFilters, cursor: string | null) {
  return withQuery(resolve('/exchange'), { dataset: filters.dataset, status: filters.status, cursor }, 'batches');
}

/**
 * The hashing key is only loaded when asked for (?show=hashing-key); the rest of the query stays.
 */
export function hashingHref(url: URL, show: boolean) {
  const query = Object.fromEntries(url.searchParams);
  return withQuery(resolve('/exchange'), { ...query, show: show ? 'hashing-key' : null }, 'hashing');
}

export type KeyStatus = 'active' | 'expired' | 'revoked';

export function keyStatus(key: ApiKey, now: number): KeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && Date.parse(key.expiresAt) <= now) return 'expired';
  return 'active';
}

/** Pushing a transactions file with curl, the first thing a pipeline developer tries. */
export function curlExample(apiUrl: string, networkId: string): string {
  return [
    `curl -X POST "${apiUrl}/v1/networks/${networkId}/feeds/transactions?onError=skip" \\`,
    '  -H "Authorization: Bearer $ACCORD_API_KEY" \\',
    '  -H "Content-Type: text/csv" \\',
    '  -H "Idempotency-Key: transactions-2025-01-31" \\',
    '  --data-binary @transactions.csv',
  ].join('\n');
}
