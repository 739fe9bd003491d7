// Links of the Scorecard page, which keeps its choices (scorecard, period, subject) in the query string.
import { resolve } from '$app/paths';
import { withQuery } from '$lib/links';

export interface ScorecardChoices {
  /** Only when the network has more than one scorecard (else the page shows its only one). */
  card: string | null;
  period: string | null;
  /** A member firm, or null for the whole chain. */
  subject: string | null;
}

/** The page with `choices`, changed by `change` (e.g. a measure to drill into). */
export function scorecardLink(
  choices: ScorecardChoices,
  change: Record<string, string | null> = {},
  fragment?: string,
) {
  return withQuery(resolve('/scorecard'), { ...choices, ...change }, fragment);
}

/** A function that links to the page with the current choices. */
export type ScorecardLinkTo = (
  change?: Record<string, string | null>,
  fragment?: string,
) => ReturnType<typeof scorecardLink>;
