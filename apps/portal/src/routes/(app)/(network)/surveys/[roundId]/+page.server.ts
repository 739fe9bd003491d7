// One round of the relationship health survey: per relationship the acting firm is party to, its answer form
// (twelve statements, 1..5) while the round is open, and each side's dimension scores once answered.
import { error } from '@sveltejs/kit';
import { field, invalid } from '$lib/server/api';
import { requireMe } from '$lib/server/guard';
import { memberNetwork } from '$lib/server/network';
import { answerFailure, likertFromForm, unanswered } from '$lib/server/relationships';
import { surveyField } from '$lib/relationships';
import type { Problem } from '$lib/types';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fail500(problem: Problem | null | undefined): never {
  error(problem?.status ?? 500, {
    message:
      problem?.status === 404
        ? 'No such survey round in this network.'
        : (problem?.detail ?? problem?.title ?? 'The survey round could not be loaded.'),
    ...(problem?.code ? { code: problem.code } : {}),
  });
}

export const load: PageServerLoad = async (event) => {
  const { api, me } = requireMe(event);
  const { network, state } = memberNetwork(me, event);
  const base = { network, state, isFocal: network?.focalFirmId === me.firm.id };
  if (!network || state !== 'active') return { ...base, round: null, items: [], focalName: '' };
  if (!UUID.test(event.params.roundId)) error(404, { message: 'No such survey round.' });
  const path = { networkId: network.id };
  const [round, list, members] = await Promise.all([
    api.GET('/v1/networks/{networkId}/surveys/{roundId}', {
      params: { path: { ...path, roundId: event.params.roundId } },
    }),
    api.GET('/v1/networks/{networkId}/surveys', { params: { path } }),
    api.GET('/v1/networks/{networkId}/members', { params: { path } }),
  ]);
  if (!round.data) fail500(round.error);
  if (!list.data) fail500(list.error);
  const focalName =
    members.data?.items.find((m) => m.firm.id === network.focalFirmId)?.firm.name ??
    (base.isFocal ? me.firm.name : 'The focal firm');
  const partner = event.url.searchParams.get('partner');
  return {
    ...base,
    round: round.data,
    items: list.data.instrument.items,
    focalName,
    partner: partner && UUID.test(partner) ? partner : null,
  };
};

export const actions: Actions = {
  answer: async (event) => {
    const formData = await event.request.formData();
    const partnerFirmId = field(formData, 'partnerFirmId');
    const comment = field(formData, 'comment');
    if (!UUID.test(partnerFirmId)) return invalid('answer', 'The page is out of date. Reload it and try again.');
    const { api, me } = requireMe(event);
    const { network, state } = memberNetwork(me, event);
    if (!network || state !== 'active') {
      return invalid('answer', 'Your firm is not an active member of a network yet.', { target: partnerFirmId });
    }
    const list = await api.GET('/v1/networks/{networkId}/surveys', { params: { path: { networkId: network.id } } });
    const codes = (list.data?.instrument.items ?? []).map((i) => i.code);
    const parsed = likertFromForm(formData, codes, surveyField(''));
    const extra = { target: partnerFirmId, values: { comment } };
    if (Object.keys(parsed.fieldErrors).length) return unanswered('answer', parsed, extra);
    const { data, error: problem } = await api.PUT(
      '/v1/networks/{networkId}/surveys/{roundId}/responses/{partnerFirmId}',
      {
        params: { path: { networkId: network.id, roundId: event.params.roundId, partnerFirmId } },
        body: { answers: parsed.answers, comment },
      },
    );
    if (problem) {
      return answerFailure('answer', problem, parsed, (p) => surveyField(p.replace(/^\/?answers\//, '')), extra);
    }
    const mean = Object.values(data.dimensions).reduce((s, x) => s + x, 0) / Object.values(data.dimensions).length;
    return {
      form: 'answer',
      target: partnerFirmId,
      success: `Your answers are saved: mean ${mean.toFixed(1)} of 5 across the four dimensions.`,
    };
  },
};
