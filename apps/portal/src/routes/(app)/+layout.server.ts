import { requireMe } from '$lib/server/guard';
import { NETWORK_COOKIE } from '$lib/server/session';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
  const { me } = requireMe(event);
  // The network on screen, or the one the user last chose (a cookie), if their firm still belongs to it; else the first
  // active one, else the first at all.
  const chosen = event.params.networkId ?? event.cookies.get(NETWORK_COOKIE);
  const current =
    me.networks.find((n) => n.id === chosen) ?? me.networks.find((n) => n.status === 'active') ?? me.networks[0];
  return { me, currentNetworkId: current?.id ?? null };
};
