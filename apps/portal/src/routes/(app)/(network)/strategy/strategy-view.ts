// What the strategy page works out from its data: who the user is on the strategy, links to one version,
// the compare form's defaults and the sign-off figures. Kept out of the components so each section reads alone.
import type { SubmitFunction } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { withQuery } from '$lib/links';
import type { PartnerStanding, StrategyDiff, VersionSummary } from '$lib/strategy';

/** What the acting user may do on the strategy. */
export interface StrategyRole {
  onTeam: boolean;
  focal: boolean;
  sponsor: boolean;
}

export const noRole: StrategyRole = { onTeam: false, focal: false, sponsor: false };

/** The page showing one version (`mode: 'read'` opens a draft for reading and comments instead of editing). */
export function versionLink(id: string, extra: Record<string, string | null> = {}) {
  return withQuery(resolve('/strategy'), { version: id, ...extra });
}

/** The compare form's defaults: the version before the shown one against it (the oldest: it against the next). */
export function compareDefaults(
  newestFirst: readonly VersionSummary[],
  shownId: string | undefined,
  diff: StrategyDiff | null,
): { from: string; to: string } {
  const shownIndex = newestFirst.findIndex((v) => v.id === shownId);
  const older = newestFirst[shownIndex + 1] ?? null;
  return {
    from: diff?.from?.id ?? older?.id ?? shownId ?? '',
    to: diff?.to?.id ?? (older ? shownId : newestFirst[shownIndex - 1]?.id) ?? shownId ?? '',
  };
}

/** A partner's decision on the latest published version. */
export function standing(p: PartnerStanding): 'signed' | 'changes_requested' | 'pending' {
  return p.decision?.decision ?? 'pending';
}

/** The sponsors' decisions on a version, in words ("3 signed · 1 changes requested"). */
export function decisions(v: VersionSummary): string {
  if (v.status !== 'published') return '—';
  const parts = [`${v.signed} signed`];
  if (v.changesRequested) parts.push(`${v.changesRequested} changes requested`);
  return parts.join(' · ');
}

/** Forms that keep what was typed after submitting (a refusal must not lose it). */
export const keep: SubmitFunction =
  () =>
  async ({ update }) =>
    update({ reset: false });

/** Comment and decision forms: keep the text on a refusal, empty it once it is stored. */
export const clear: SubmitFunction =
  ({ formElement }) =>
  async ({ result, update }) => {
    await update({ reset: false });
    if (result.type !== 'success') return;
    for (const element of formElement.querySelectorAll<HTMLTextAreaElement>('textarea')) element.value = '';
  };
