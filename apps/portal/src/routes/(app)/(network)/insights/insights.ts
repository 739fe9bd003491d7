// Words of the Insights page about who wrote an insight and who may read it.
import type { Insight } from '$lib/types';

/** "Whole network" or "Shared with: A, B" (the author firm always reads its own). */
export function audienceText(insight: Insight): string {
  if (insight.audience === 'network') return 'Whole network';
  const readers = insight.readers.filter((r) => r.id !== insight.author.firm.id).map((r) => r.name);
  return `Shared with: ${readers.length ? readers.join(', ') : insight.author.firm.name}`;
}

/** "Ada Lovelace, Tailspin Retail", or the firm alone when no user wrote it. */
export const byline = (author: Insight['author']): string =>
  author.user ? `${author.user.name}, ${author.firm.name}` : author.firm.name;
