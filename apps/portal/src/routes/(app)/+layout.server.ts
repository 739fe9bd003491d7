import { requireMe } from '$lib/server/guard';
import { currentNetwork } from '$lib/server/network';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  event.depends('app:notifications');
  const { me, api } = requireMe(event);
  return {
    me,
    currentNetworkId: currentNetwork(me, event.cookies, event.params.networkId)?.id ?? null,
    unreadNotifications: await unreadCount(api),
  };
};

/** The bell's count: one unread notification is fetched, the count comes with it. Null when the API fails. */
async function unreadCount(api: ReturnType<typeof requireMe>['api']): Promise<number | null> {
  try {
    const { data } = await api.GET('/v1/notifications', { params: { query: { unread: true, limit: 1 } } });
    return data?.unread ?? null;
  } catch (cause) {
    console.error('[portal] notifications count failed', cause);
    return null;
  }
}
