// Which of the firm's networks a page is about: the one in the URL, else the one last chosen in the
// network switcher (a cookie), if the firm still belongs to it; else the first active one, else the first.
import type { AccordClient } from '@accord/api-client';
import type { ActionFailure, Cookies, RequestEvent } from '@sveltejs/kit';
import type { Me } from '$lib/types';
import { invalid, type FormFailure } from './problems';
import { requireMe } from './guard';
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

type NetworkEvent = Pick<RequestEvent, 'locals' | 'url' | 'cookies'>;

export interface NetworkScope {
  me: Me;
  api: AccordClient;
  network: MyNetwork | null;
  state: NetworkState;
}

// One answer per request: the (network) layout's load, the page's load and its actions all ask, and
// `parent()` is not used for it because that would also wait for the (app) layout's API call.
const scopes = new WeakMap<App.Locals, NetworkScope>();

/** The signed-in user, their API client and the current network with its state; resolved once per request. */
export function networkScope(event: NetworkEvent): NetworkScope {
  const known = scopes.get(event.locals);
  if (known) return known;
  const { me, api } = requireMe(event);
  const scope = { me, api, ...memberNetwork(me, event) };
  scopes.set(event.locals, scope);
  return scope;
}

/**
 * For the loads of the (network) pages: the network when the firm is an active member of it, else null
 * (the layout then shows why instead of the page).
 */
export function activeNetwork(event: NetworkEvent): { me: Me; api: AccordClient; network: MyNetwork | null } {
  const { me, api, network, state } = networkScope(event);
  return { me, api, network: state === 'active' ? network : null };
}

/** What a network page's action works with (and `More`, a page's own), or the form's failure. */
export type ActionNetwork<More extends object = object> =
  | ({ failure: ActionFailure<FormFailure>; network?: undefined; me?: undefined; api?: undefined } & {
      [K in keyof More]?: undefined;
    })
  | ({ failure: null; network: MyNetwork; me: Me; api: AccordClient } & More);

/** The network a form action acts on, or the form's failure saying the firm is not an active member. */
export function actionNetwork(
  event: NetworkEvent,
  form: string,
  extra: { target?: string; values?: Record<string, string> } = {},
): ActionNetwork {
  const { me, api, network, state } = networkScope(event);
  if (!network || state !== 'active') {
    return { failure: invalid(form, 'Your firm is not an active member of a network yet.', extra) };
  }
  return { failure: null, network, me, api };
}
