// One feed batch of the current network: its facts, live status while it is checked and loaded, and its
// error report (paged; the whole report as CSV from ./errors.csv).
import { error, redirect } from '@sveltejs/kit';
import { activeNetwork } from '$lib/server/network';
import type { PageServerLoad } from './$types';

const ERRORS_PER_PAGE = 50;

export const load: PageServerLoad = async (event) => {
  const { api, network } = activeNetwork(event);
  if (!network) redirect(303, '/exchange');
  const networkId = network.id;
  const { batchId } = event.params;
  const cursor = event.url.searchParams.get('cursor') || null;

  const [batch, errors] = await Promise.all([
    api.GET('/v1/networks/{networkId}/batches/{batchId}', { params: { path: { networkId, batchId } } }),
    api.GET('/v1/networks/{networkId}/batches/{batchId}/errors', {
      params: {
        path: { networkId, batchId },
        query: { limit: ERRORS_PER_PAGE, ...(cursor ? { cursor } : {}) },
      },
    }),
  ]);
  if (!batch.data) {
    const status = batch.error?.status ?? 500;
    error(status === 400 || status === 404 ? 404 : status, {
      message:
        status === 400 || status === 404
          ? `There is no batch with that id in ${network.name}. If it was sent to another network, choose that network in the Network menu.`
          : (batch.error?.detail ?? 'The batch could not be loaded.'),
      ...(batch.error?.code ? { code: batch.error.code } : {}),
    });
  }
  if (!errors.data) {
    if (errors.error?.status === 400 && cursor) redirect(303, `/exchange/batches/${batchId}`);
    error(errors.error?.status ?? 500, { message: errors.error?.detail ?? 'The error report could not be loaded.' });
  }
  return {
    network,
    batch: batch.data,
    errors: errors.data,
    cursor,
    uploaded: event.url.searchParams.has('uploaded'),
  };
};
