// Access log: who read the acting firm's data through the agreements it granted (reader firm and user, dataset,
// level, purpose, what was read, how much, when), newest first, a page at a time with a cursor in the address.
// The whole log downloads as CSV through access-log.csv.
import { error } from '@sveltejs/kit';
import { requireMe } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
  const { api, me } = requireMe(event);
  const cursor = event.url.searchParams.get('cursor') || undefined;
  const { data, error: problem } = await api.GET('/v1/firms/{firmId}/access-log', {
    params: { path: { firmId: me.firm.id }, query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
  });
  if (!data) {
    error(problem?.status ?? 500, {
      message: problem?.detail ?? problem?.title ?? 'The access log could not be loaded.',
      ...(problem?.code ? { code: problem.code } : {}),
    });
  }
  return {
    entries: data.items,
    nextCursor: data.nextCursor,
    paged: Boolean(cursor),
  };
};
