import { requireMe } from '$lib/server/guard';
import { currentNetwork } from '$lib/server/network';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
  const { me } = requireMe(event);
  return { me, currentNetworkId: currentNetwork(me, event.cookies, event.params.networkId)?.id ?? null };
};
