// What the agreements page's sections share: how an agreement's decision reads, and how its forms submit.
import type { SubmitFunction } from '@sveltejs/kit';
import { datasetLabel } from '$lib/exchange';
import { formatDate } from '$lib/format';
import { resultFor } from '$lib/forms';
import type { Agreement } from '$lib/types';

/** The two forms that set terms (grant access, request access). */
export type TermsForm = 'grant' | 'request';

/** The row actions that open a reason row under their agreement. */
export type ReasonAction = 'decline' | 'revoke';

/** When and why an agreement was decided, declined or revoked; null when there is nothing to say. */
export function decisionNote(agreement: Agreement): string | null {
  const reason = agreement.decisionReason ? `: “${agreement.decisionReason}”` : '';
  if (agreement.status === 'declined') return `${formatDate(agreement.decidedAt)}${reason}`;
  if (agreement.status === 'revoked') return `${formatDate(agreement.revokedAt)}${reason}`;
  if (agreement.status === 'active' && agreement.requested) {
    return `Asked for, approved ${formatDate(agreement.decidedAt)}${reason}`;
  }
  return null;
}

/** The agreement's dataset as it reads inside a sentence ("transactions"). */
export const datasetName = (agreement: Agreement) => datasetLabel(agreement.dataset).toLowerCase();

/**
 * Whether a row action's success shows above its table: the row may be gone by then. Its failure carries
 * the agreement as target and shows in the row.
 */
export function tableNotice(form: unknown, name: 'approve' | 'decline' | 'revoke'): boolean {
  const result = resultFor(form, name);
  return result !== null && !result.target;
}

/** Row forms keep the page as it is (a typed reason stays when the API refuses). */
export const keep: SubmitFunction =
  () =>
  async ({ update }) =>
    update({ reset: false });

/**
 * The grant and request forms keep what was typed when refused, and start afresh once stored (`onStored`
 * forgets the level chosen since the page loaded).
 */
export function keepTermsUntilStored(onStored: () => void): SubmitFunction {
  return () =>
    async ({ result, update }) => {
      await update({ reset: result.type === 'success' });
      if (result.type === 'success') onStored();
    };
}
