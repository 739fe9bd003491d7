// Which of the firm's networks a page is about: the one in the URL, else the one last chosen in the
// network switcher (a cookie), if the firm still belongs to it; else the first active one, else the first.
import type { Cookies } from '@sveltejs/kit';
import type { Me } from '$lib/types';
import { NETWORK_COOKIE } from './session';

export type MyNetwork = Me['networks'][number];

export function currentNetwork(me: Me, cookies: Cookies, fromUrl?: string): MyNetwork | null {
  const chosen = fromUrl ?? cookies.get(NETWORK_COOKIE);
  return (
    me.networks.find((n) => n.id === chosen) ?? me.networks.find((n) => n.status === 'active') ?? me.networks[0] ?? null
  );
}
