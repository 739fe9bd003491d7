// Partners: the relationship portfolio as the acting firm sees it. The focal firm sees every partner and whom to
// bring into the strategy team first; a partner sees its own relationship only. `?sort=<column>&order=asc|desc`
// sorts the table on the server, so it works without JavaScript.
import { error } from '@sveltejs/kit';
import { hasRole } from '$lib/format';
import { isPortfolioSort, sortPortfolio, type PortfolioSort, type SortOrder } from '$lib/relationships';
import { requireMe } from '$lib/server/guard';
import { memberNetwork } from '$lib/server/network';
import type { Problem } from '$lib/types';
import type { PageServerLoad } from './$types';

function fail500(problem: Problem | null | undefined): never {
  error(problem?.status ?? 500, {
    message: problem?.detail ?? problem?.title ?? 'The partner portfolio could not be loaded.',
    ...(problem?.code ? { code: problem.code } : {}),
  });
}

export const load: PageServerLoad = async (event) => {
  const { api, me } = requireMe(event);
  const { network, state } = memberNetwork(me, event);
  const sortParam = event.url.searchParams.get('sort');
  const sort: PortfolioSort = isPortfolioSort(sortParam) ? sortParam : 'firm';
  const order: SortOrder =
    event.url.searchParams.get('order') === 'desc' || (!event.url.searchParams.get('order') && sort !== 'firm')
      ? 'desc'
      : 'asc';
  const base = {
    network,
    state,
    isFocal: network?.focalFirmId === me.firm.id,
    isManager: hasRole(me.firm.role, 'manager'),
    sort,
    order,
  };
  if (!network || state !== 'active') return { ...base, portfolio: null };

  const { data, error: problem } = await api.GET('/v1/networks/{networkId}/partners', {
    params: { path: { networkId: network.id } },
  });
  if (!data) fail500(problem);
  return { ...base, portfolio: { ...data, items: sortPortfolio(data.items, sort, order) } };
};
