// Insights: the joint knowledge of the current network. The insights shared with the acting firm (newest
// first, optionally one tag), a form to share one with the whole network or with chosen partners, and a
// comment form under each insight. Analysts and above share; the API answers viewers with its 403, shown
// next to the form. Bodies arrive as Markdown plus `bodyHtml`, already sanitised by the API.
import { error } from '@sveltejs/kit';
import { isDataset } from '$lib/exchange';
import { hasRole } from '$lib/format';
import { allPages, failWith, field, invalid } from '$lib/server/api';
import { requireMe } from '$lib/server/guard';
import { memberNetwork } from '$lib/server/network';
import type { Insight, Problem } from '$lib/types';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function fail500(problem: Problem | null | undefined): never {
  error(problem?.status ?? 500, {
    message: problem?.detail ?? problem?.title ?? 'The insights could not be loaded.',
    ...(problem?.code ? { code: problem.code } : {}),
  });
}

export const load: PageServerLoad = async (event) => {
  const { api, me } = requireMe(event);
  const { network, state } = memberNetwork(me, event);
  const tag = event.url.searchParams.get('tag')?.trim() || null;
  const segment = event.url.searchParams.get('segment')?.trim() || null;
  const base = { network, state, tag, segment, canShare: hasRole(me.firm.role, 'analyst') };
  const none: Insight[] = [];
  if (!network || state !== 'active')
    return { ...base, partners: [], insights: none, tags: [] as string[], segments: [] as string[] };

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
  if (members.error) fail500(members.error);
  if (!insights.data) fail500(insights.error);

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

/** The network the actions act on, or a failure saying why there is none. */
function actionNetwork(event: RequestEvent, form: string, extra: { target?: string; values?: Record<string, string> }) {
  const { me } = requireMe(event);
  const { network, state } = memberNetwork(me, event);
  if (!network || state !== 'active') {
    return { failure: invalid(form, 'Your firm is not an active member of a network yet.', extra) };
  }
  return { network };
}

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

export const actions: Actions = {
  share: async (event) => {
    const { api } = requireMe(event);
    const formData = await event.request.formData();
    const readerFirmIds = formData
      .getAll('readerFirmIds')
      .filter((v): v is string => typeof v === 'string' && v !== '');
    const values = {
      title: field(formData, 'title'),
      body: field(formData, 'body'),
      tags: field(formData, 'tags'),
      dataset: field(formData, 'dataset'),
      segment: field(formData, 'segment'),
      audience: field(formData, 'audience'),
      readerFirmIds: readerFirmIds.join(','),
    };
    const failure = (message: string) => invalid('share', message, { values });
    if (!values.title) return failure('Give the insight a title.');
    if (!values.body) return failure('Write the insight.');
    if (values.dataset && !isDataset(values.dataset)) return failure('Choose a dataset, or none.');
    if (values.audience !== 'network' && values.audience !== 'firms') {
      return failure('Choose who may read it: the whole network or chosen partners.');
    }
    if (values.audience === 'firms' && readerFirmIds.length === 0) return failure('Choose at least one partner.');
    const { network, failure: noNetwork } = actionNetwork(event, 'share', { values });
    if (noNetwork) return noNetwork;
    const tags = parseTags(values.tags);
    const { data, error: problem } = await api.POST('/v1/networks/{networkId}/insights', {
      params: { path: { networkId: network.id } },
      body: {
        title: values.title,
        body: values.body,
        ...(tags.length ? { tags } : {}),
        ...(isDataset(values.dataset) ? { dataset: values.dataset } : {}),
        ...(values.segment ? { segment: values.segment } : {}),
        audience: values.audience,
        ...(values.audience === 'firms' ? { readerFirmIds } : {}),
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
    const { api } = requireMe(event);
    const formData = await event.request.formData();
    const insightId = field(formData, 'insightId');
    const body = field(formData, 'body');
    if (!insightId) return invalid('comment', 'Choose an insight.');
    if (!body) return invalid('comment', 'Write a comment.', { target: insightId });
    const { network, failure } = actionNetwork(event, 'comment', { target: insightId, values: { body } });
    if (failure) return failure;
    const { error: problem } = await api.POST('/v1/networks/{networkId}/insights/{insightId}/comments', {
      params: { path: { networkId: network.id, insightId } },
      body: { body },
    });
    if (problem) return failWith('comment', problem, { target: insightId, values: { body } });
    return { form: 'comment', target: insightId, success: 'Comment added.' };
  },
};
