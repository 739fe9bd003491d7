// GET /scorecard/scorecard.csv?card=…&period=…&subject=…: a period's measure table as the acting firm sees it,
// passed through from the API's `?format=csv` (the browser cannot call the API: it holds no token).
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiBaseUrl } from '$lib/server/api';
import { requireMe } from '$lib/server/guard';
import { memberNetwork } from '$lib/server/network';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const GET: RequestHandler = async (event) => {
  const { me } = requireMe(event);
  const token = event.locals.session?.accessToken;
  if (!token) error(401, { message: 'Sign in to download the scorecard.' });
  const { network, state } = memberNetwork(me, event);
  if (!network || state !== 'active') error(404, { message: 'Your firm is not an active member of a network yet.' });
  const card = event.url.searchParams.get('card') ?? '';
  const period = event.url.searchParams.get('period') || 'current';
  const subject = event.url.searchParams.get('subject') || 'chain';
  if (
    !UUID.test(card) ||
    !(period === 'current' || UUID.test(period)) ||
    !(subject === 'chain' || UUID.test(subject))
  ) {
    error(400, { message: 'Choose a scorecard, a period and a subject.' });
  }
  const query = new URLSearchParams({ format: 'csv', subject });
  const url = `${apiBaseUrl()}/v1/networks/${encodeURIComponent(network.id)}/scorecards/${card}/periods/${period}?${query}`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/csv' } });
  } catch (cause) {
    console.error('[portal] scorecard download failed', cause);
    error(502, { message: 'The Accord API could not be reached. Try again in a moment.', code: 'api_unavailable' });
  }
  if (!response.ok) {
    await response.body?.cancel();
    error(response.status, {
      message: response.status === 404 ? 'No such scorecard or period.' : 'The scorecard could not be loaded.',
    });
  }
  return new Response(response.body, {
    headers: {
      'content-type': response.headers.get('content-type') ?? 'text/csv; charset=utf-8',
      'content-disposition': response.headers.get('content-disposition') ?? 'attachment; filename="scorecard.csv"',
      'cache-control': 'no-store',
    },
  });
};
