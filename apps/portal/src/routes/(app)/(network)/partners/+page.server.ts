// Partners: the relationship portfolio as the acting firm sees it. The focal firm sees every partner and whom to
// bring into the strategy team first; a partner sees its own relationship only. `?sort=<column>&order=asc|desc`
// sorts the table on the server, so it works without JavaScript.
import { hasRole } from '$lib/format';
import { isPortfolioSort, sortPortfolio, type PortfolioSort, type SortOrder } from '$lib/relationships';
import { fail500 } from '$lib/server/api';
import { activeNetwork } from '$lib/server/network';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { api, me, network } = activeNetwork(event);
  const sortParam = event.url.searchParams.get('sort');
  const sort: PortfolioSort = isPortfolioSort(sortParam) ? sortParam : 'firm';
  const order: SortOrder =
    event.url.searchParams.get('order') === 'desc' || (!event.url.searchParams.get('order') && sort !== 'firm')
      ? 'desc'
      : 'asc';
  const base = {
    isFocal: network?.focalFirmId === me.firm.id,
    isManager: hasRole(me.firm.role, 'manager'),
    sort,
    order,
  };
  if (!network) return { ...base, portfolio: null };

  const { data, error: problem } = await api.GET('/v1/networks/{networkId}/partners', {
    params: { path: { networkId: network.id } },
  });
  if (!data) fail500(problem, 'The partner portfolio could not be loaded.');
  return { ...base, portfolio: { ...data, items: sortPortfolio(data.items, sort, order) } };
};
