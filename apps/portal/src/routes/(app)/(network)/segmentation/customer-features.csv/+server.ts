// GET /segmentation/customer-features.csv[?segment=…]: the acting firm's customer features in the current
// network as a CSV download (every row, or one joint segment's), passed through from the API's `?format=csv`
// (the browser cannot call the API: it holds no token).
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiBaseUrl } from '$lib/server/api';
import { requireMe } from '$lib/server/guard';
import { memberNetwork } from '$lib/server/network';

export const GET: RequestHandler = async (event) => {
  const { me } = requireMe(event);
  const token = event.locals.session?.accessToken;
  if (!token) error(401, { message: 'Sign in to download the customer features.' });
  const { network, state } = memberNetwork(me, event);
  if (!network || state !== 'active') error(404, { message: 'Your firm is not an active member of a network yet.' });
  const query = new URLSearchParams({ format: 'csv' });
  const segment = event.url.searchParams.get('segment')?.trim();
  if (segment) query.set('segment', segment);
  const url = `${apiBaseUrl()}/v1/networks/${encodeURIComponent(network.id)}/customer-features?${query}`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/csv' } });
  } catch (cause) {
    console.error('[portal] customer features download failed', cause);
    error(502, { message: 'The Accord API could not be reached. Try again in a moment.', code: 'api_unavailable' });
  }
  if (!response.ok) {
    await response.body?.cancel();
    error(response.status, {
      message:
        response.status === 404
          ? 'No customer features have been computed yet.'
          : 'The customer features could not be loaded.',
    });
  }
  const name = segment
    ? `customer-features-${segment.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.csv`
    : 'customer-features.csv';
  return new Response(response.body, {
    headers: {
      'content-type': response.headers.get('content-type') ?? 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });
};
