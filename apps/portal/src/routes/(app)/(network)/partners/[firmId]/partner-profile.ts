// What the partner profile's sections work out from the relationship: each side's own spectrum position and
// the radio choice an assessment question shows.
import type { SubmitFunction } from '@sveltejs/kit';
import type { SpectrumDetail } from '$lib/relationships';

export type Side = 'focal' | 'partner';

/** A side's own position: the mean of its oriented indicators (as the API computes it), null unless it answered. */
export function sidePosition(detail: SpectrumDetail | null | undefined, side: Side): number | null {
  const indicators = detail?.indicators ?? [];
  const values = indicators.map((i) => i[side]).filter((v): v is number => v !== null);
  return values.length && values.length === indicators.length
    ? values.reduce((s, v) => s + v, 0) / values.length
    : null;
}

/** The choice a radio group shows: what was just sent (after a refusal), else the saved answer. */
export function chosenAnswer(sent: Record<string, string> | null, name: string, saved: number | undefined): string {
  return sent ? (sent[name] ?? '') : saved === undefined ? '' : String(saved);
}

/** Forms that keep the page as it is after submitting. */
export const keep: SubmitFunction =
  () =>
  async ({ update }) =>
    update({ reset: false });
