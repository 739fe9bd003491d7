// Which of the firm's networks a page is about: the one in the URL, else the one last chosen in the
// network switcher (a cookie), if the firm still belongs to it; else the first active one, else the first.
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import type { Me } from '$lib/types';
import { NETWORK_COOKIE } from './session';

export type MyNetwork = Me['networks'][number];

export function currentNetwork(me: Me, cookies: Cookies, fromUrl?: string): MyNetwork | null {
  const chosen = fromUrl ?? cookies.get(NETWORK_COOKIE);
  return (
    me.networks.find((n) => n.id === chosen) ?? me.networks.find((n) => n.status === 'active') ?? me.networks[0] ?? null
  );
}

/** Why a page has no network to work in: the firm is in none, or only invited to the current one. */
export type NetworkState = 'active' | 'none' | 'not_active';

/**
 * The network a module page works in: the current one (switcher cookie), if the firm is an active member.
 * `state` says why there is none.
 */
export function memberNetwork(
  me: Me,
  event: Pick<RequestEvent, 'cookies'>,
): { network: MyNetwork | null; state: NetworkState } {
  const network = currentNetwork(me, event.cookies);
  if (!network) return { network: null, state: 'none' };
  return { network, state: network.status === 'active' ? 'active' : 'not_active' };
}
