// GET /access-log.csv: the acting firm's whole access log as a CSV download, passed through from the API's
// `?format=csv` (the browser cannot call the API: it holds no token).
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiBaseUrl } from '$lib/server/api';
import { requireMe } from '$lib/server/guard';

export const GET: RequestHandler = async (event) => {
  const { me } = requireMe(event);
  const token = event.locals.session?.accessToken;
  if (!token) error(401, { message: 'Sign in to download the access log.' });
  const url = `${apiBaseUrl()}/v1/firms/${encodeURIComponent(me.firm.id)}/access-log?format=csv`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/csv' } });
  } catch (cause) {
    console.error('[portal] access log download failed', cause);
    error(502, { message: 'The Accord API could not be reached. Try again in a moment.', code: 'api_unavailable' });
  }
  if (!response.ok) {
    await response.body?.cancel();
    error(response.status, { message: 'The access log could not be loaded.' });
  }
  return new Response(response.body, {
    headers: {
      'content-type': response.headers.get('content-type') ?? 'text/csv; charset=utf-8',
      'content-disposition': response.headers.get('content-disposition') ?? 'attachment; filename="access-log.csv"',
      'cache-control': 'no-store',
    },
  });
};
