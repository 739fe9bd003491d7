// The network every page of this group works in, resolved once: the layout shows why there is none (the
// firm is in no network yet, or only invited to the current one) instead of the page.
import { networkScope } from '$lib/server/network';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
  const { network, state } = networkScope(event);
  return { network, state };
};
