// GET /exchange/batches/{batchId}/errors.csv: the batch's whole error report as a CSV download, passed
// through from the API's `?format=csv` (the browser cannot call the API: it holds no token).
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiBaseUrl } from '$lib/server/api';
import { requireMe } from '$lib/server/guard';
import { memberNetwork } from '$lib/server/network';

export const GET: RequestHandler = async (event) => {
  const { me } = requireMe(event);
  const { network } = memberNetwork(me, event);
  const token = event.locals.session?.accessToken;
  if (!network || !token) error(404, { message: 'There is no such batch in your current network.' });
  const url = `${apiBaseUrl()}/v1/networks/${network.id}/batches/${encodeURIComponent(event.params.batchId)}/errors?format=csv`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/csv' } });
  } catch (cause) {
    console.error('[portal] error report download failed', cause);
    error(502, { message: 'The Accord API could not be reached. Try again in a moment.', code: 'api_unavailable' });
  }
  if (!response.ok) {
    await response.body?.cancel();
    error(response.status === 400 ? 404 : response.status, {
      message:
        response.status === 404 || response.status === 400
          ? 'There is no such batch in your current network.'
          : 'The error report could not be loaded.',
    });
  }
  return new Response(response.body, {
    headers: {
      'content-type': response.headers.get('content-type') ?? 'text/csv; charset=utf-8',
      'content-disposition':
        response.headers.get('content-disposition') ??
        `attachment; filename="batch-${event.params.batchId}-errors.csv"`,
      'cache-control': 'no-store',
    },
  });
};
