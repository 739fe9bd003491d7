// GET /partners/partners.csv[?sort=…&order=…]: the partner portfolio as the acting firm sees it, as a CSV download.
// The API answers the portfolio in JSON only, so the portal writes the CSV (lib/server/portfolio-csv.ts); figures
// a partner has not shared are empty cells, never 0.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { isPortfolioSort, sortPortfolio } from '$lib/relationships';
import { portfolioCsv } from '$lib/server/portfolio-csv';
import { requireMe } from '$lib/server/guard';
import { memberNetwork } from '$lib/server/network';

export const GET: RequestHandler = async (event) => {
  const { me, api } = requireMe(event);
  const { network, state } = memberNetwork(me, event);
  if (!network || state !== 'active') error(404, { message: 'Your firm is not an active member of a network yet.' });
  const { data, error: problem } = await api.GET('/v1/networks/{networkId}/partners', {
    params: { path: { networkId: network.id } },
  });
  if (!data) {
    error(problem?.status ?? 502, { message: problem?.detail ?? 'The partner portfolio could not be loaded.' });
  }
  const sort = event.url.searchParams.get('sort');
  const order = event.url.searchParams.get('order') === 'desc' ? 'desc' : 'asc';
  const rows = isPortfolioSort(sort) ? sortPortfolio(data.items, sort, order) : data.items;
  return new Response(portfolioCsv(rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="partners-${data.window.to}.csv"`,
      'cache-control': 'no-store',
    },
  });
};
