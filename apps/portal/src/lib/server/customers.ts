// Server side of the Customer 360 page: the answer of a lookup by identifier, kept a moment for the page it
// redirects to (`/customers?key=...`), so that page shows it instead of reading the customer a second time.
// Every read of a partner's data is written to the partner's access log: one lookup must be one read.
import type { Customer360 } from '$lib/types';

const KEEP_MS = 60_000;
const kept = new Map<string, { customer: Customer360; until: number }>();

function slot(userId: string, firmId: string, networkId: string, customerKey: string): string {
  return `${userId}\u0000${firmId}\u0000${networkId}\u0000${customerKey}`;
}

/** Keeps a lookup's answer for the next load of its key by the same user, firm and network. */
export function keepLookup(userId: string, firmId: string, networkId: string, customer: Customer360): void {
  const now = Date.now();
  for (const [key, entry] of kept) if (entry.until <= now) kept.delete(key);
  kept.set(slot(userId, firmId, networkId, customer.customerKey), { customer, until: now + KEEP_MS });
}

/** The kept answer for this key, once: the next load reads the customer afresh. */
export function takeLookup(userId: string, firmId: string, networkId: string, customerKey: string): Customer360 | null {
  const key = slot(userId, firmId, networkId, customerKey);
  const entry = kept.get(key);
  kept.delete(key);
  return entry && entry.until > Date.now() ? entry.customer : null;
}
