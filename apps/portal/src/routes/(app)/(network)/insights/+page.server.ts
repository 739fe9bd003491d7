// Insights: the joint knowledge of the current network. The insights shared with the acting firm (newest
// first, optionally one tag), a form to share one with the whole network or with chosen partners, and a
// comment form under each insight. Analysts and above share; the API answers viewers with its 403, shown
// next to the form. Bodies arrive as Markdown plus `bodyHtml`, already sanitised by the API.
import * as v from 'valibot';
import { datasets } from '$lib/exchange';
import { hasRole } from '$lib/format';
import { allPages, fail500, failWith } from '$lib/server/api';
import { choice, list, readForm, required, text } from '$lib/server/form-schema';
import { actionNetwork, activeNetwork } from '$lib/server/network';
import type { Insight } from '$lib/types';
import type { Actions, PageServerLoad } from './$types';

const notLoaded = 'The insights could not be loaded.';

export const load: PageServerLoad = async (event) => {
  const { api, me, network } = activeNetwork(event);
  const tag = event.url.searchParams.get('tag')?.trim() || null;
  const segment = event.url.searchParams.get('segment')?.trim() || null;
  const base = { tag, segment, canShare: hasRole(me.firm.role, 'analyst') };
  const none: Insight[] = [];
  if (!network) return { ...base, partners: [], insights: none, tags: [] as string[], segments: [] as string[] };

  const networkId = network.id;
  const [members, insights, schemes] = await Promise.all([
    allPages((cursor) =>
      api.GET('/v1/networks/{networkId}/members', {
        params: { path: { networkId }, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
      }),
    ),
    api.GET('/v1/networks/{networkId}/insights', {
      params: { path: { networkId }, query: { ...(tag ? { tag } : {}), ...(segment ? { segment } : {}) } },
    }),
    api.GET('/v1/networks/{networkId}/segmentation-schemes', { params: { path: { networkId } } }),
  ]);
  if (members.error) fail500(members.error, notLoaded);
  if (!insights.data) fail500(insights.error, notLoaded);

  const items = [...insights.data.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    ...base,
    /** The other active member firms: the possible readers. */
    partners: members.items
      .filter((m) => m.status === 'active' && m.firm.id !== me.firm.id)
      .map((m) => ({ id: m.firm.id, name: m.firm.name })),
    insights: items,
    /** The tags of the insights shown, for the filter links. */
    tags: [...new Set(items.flatMap((i) => i.tags))].sort((a, b) => a.localeCompare(b)),
    /** The segments of the current joint scheme, which an insight may be about. */
    segments: schemes.data?.items[0]?.segments.map((s) => s.name) ?? [],
  };
};

/** "pricing, Spring range , " → ["pricing", "Spring range"]. */
function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

const insight = v.pipe(
  v.object({
    title: required('Give the insight a title.'),
    body: required('Write the insight.'),
    tags: text(),
    dataset: v.union([v.literal(''), choice(datasets, 'Choose a dataset, or none.')], 'Choose a dataset, or none.'),
    segment: text(),
    audience: choice(['network', 'firms'], 'Choose who may read it: the whole network or chosen partners.'),
    readerFirmIds: v.pipe(
      list(),
      v.transform((ids) => ids.filter(Boolean)),
    ),
  }),
  v.forward(
    v.partialCheck(
      [['audience'], ['readerFirmIds']],
      (form) => form.audience !== 'firms' || form.readerFirmIds.length > 0,
      'Choose at least one partner.',
    ),
    ['readerFirmIds'],
  ),
);

const comment = v.object({ insightId: required('Choose an insight.'), body: required('Write a comment.') });

export const actions: Actions = {
  share: async (event) => {
    const posted = await readForm(event, 'share', insight, {
      values: ['title', 'body', 'tags', 'dataset', 'segment', 'audience', 'readerFirmIds'],
    });
    if (!posted.ok) return posted.failure;
    const { values } = posted;
    const { title, body, dataset, segment, audience, readerFirmIds } = posted.data;
    const { network, api, failure } = actionNetwork(event, 'share', { values });
    if (failure) return failure;
    const tags = parseTags(posted.data.tags);
    const { data, error: problem } = await api.POST('/v1/networks/{networkId}/insights', {
      params: { path: { networkId: network.id } },
      body: {
        title,
        body,
        ...(tags.length ? { tags } : {}),
        ...(dataset ? { dataset } : {}),
        ...(segment ? { segment } : {}),
        audience,
        ...(audience === 'firms' ? { readerFirmIds } : {}),
      },
    });
    if (problem) return failWith('share', problem, { values });
    const who =
      data.audience === 'network'
        ? 'the whole network'
        : data.readers
            .filter((r) => r.id !== data.author.firm.id)
            .map((r) => r.name)
            .join(', ') || 'your firm';
    return { form: 'share', success: `Shared “${data.title}” with ${who}.` };
  },

  comment: async (event) => {
    const posted = await readForm(event, 'comment', comment, { targetField: 'insightId' });
    if (!posted.ok) return posted.failure;
    const { insightId, body } = posted.data;
    const values = { body };
    const { network, api, failure } = actionNetwork(event, 'comment', { target: insightId, values });
    if (failure) return failure;
    const { error: problem } = await api.POST('/v1/networks/{networkId}/insights/{insightId}/comments', {
      params: { path: { networkId: network.id, insightId } },
      body: { body },
    });
    if (problem) return failWith('comment', problem, { target: insightId, values });
    return { form: 'comment', target: insightId, success: 'Comment added.' };
  },
};
