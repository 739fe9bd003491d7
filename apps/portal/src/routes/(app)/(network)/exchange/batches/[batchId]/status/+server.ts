// GET /exchange/batches/{batchId}/status?networkId=: the batch as JSON, for the pages that follow a batch
// while it is checked and loaded (they ask every second until it has succeeded or failed).
import type { RequestHandler } from './$types';
import { problemOf } from '$lib/server/api';
import { problemResponse } from '$lib/server/exchange';

export const GET: RequestHandler = async ({ params, url, locals }) => {
  if (!locals.me) return problemResponse(problemOf(401, 'Your session has ended: sign in again.', 'unauthorized'));
  const networkId = url.searchParams.get('networkId') ?? '';
  if (!locals.me.networks.some((n) => n.id === networkId)) {
    return problemResponse(problemOf(404, 'Your firm is not in that network.', 'not_found'));
  }
  const { data, error } = await locals.api.GET('/v1/networks/{networkId}/batches/{batchId}', {
    params: { path: { networkId, batchId: params.batchId } },
  });
  if (error) return problemResponse(error);
  return new Response(JSON.stringify(data), {
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
};
