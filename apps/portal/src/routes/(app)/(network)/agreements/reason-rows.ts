// Decline and revoke take an optional reason in a row that opens under the agreement: a link adds
// ?decline=<id> or ?revoke=<id> (so it works without JavaScript too); a refusal keeps the row open.
import { resolve } from '$app/paths';
import { resultFor } from '$lib/forms';
import { withQuery } from '$lib/links';
import type { ReasonAction } from './agreements-view';

/** Whether the reason row of `action` is open under agreement `id`. */
export function reasonOpen(url: URL, form: unknown, action: ReasonAction, id: string): boolean {
  return url.searchParams.get(action) === id || resultFor(form, action, id) !== null;
}

/** The link that opens the reason row of `action` under agreement `id`, scrolled to it. */
export function reasonHref(action: ReasonAction, id: string) {
  return withQuery(resolve('/agreements'), { [action]: id }, `${action}-${id}`);
}
