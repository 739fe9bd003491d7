// One round of the relationship health survey: per relationship the acting firm is party to, its answer form
// (twelve statements, 1..5) while the round is open, and each side's dimension scores once answered.
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { fail500 } from '$lib/server/api';
import { readForm, text, uuid } from '$lib/server/form-schema';
import { actionNetwork, activeNetwork } from '$lib/server/network';
import { answerFailure, likertFromForm, unanswered } from '$lib/server/relationships';
import { surveyField } from '$lib/relationships';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notLoaded = 'The survey round could not be loaded.';
const noSuchRound = 'No such survey round in this network.';

export const load: PageServerLoad = async (event) => {
  const { api, me, network } = activeNetwork(event);
  const base = { isFocal: network?.focalFirmId === me.firm.id };
  if (!network) return { ...base, round: null, items: [], focalName: '' };
  if (!UUID.test(event.params.roundId)) error(404, { message: 'No such survey round.' });
  const path = { networkId: network.id };
  const [round, list, members] = await Promise.all([
    api.GET('/v1/networks/{networkId}/surveys/{roundId}', {
      params: { path: { ...path, roundId: event.params.roundId } },
    }),
    api.GET('/v1/networks/{networkId}/surveys', { params: { path } }),
    api.GET('/v1/networks/{networkId}/members', { params: { path } }),
  ]);
  if (!round.data) fail500(round.error, notLoaded, noSuchRound);
  if (!list.data) fail500(list.error, notLoaded, noSuchRound);
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

// The answers' fields depend on the instrument (read from the API), so only these two are in the schema.
const answer = v.object({
  partnerFirmId: uuid('The page is out of date. Reload it and try again.'),
  comment: text(),
});

export const actions: Actions = {
  answer: async (event) => {
    const posted = await readForm(event, 'answer', answer);
    if (!posted.ok) return posted.failure;
    const { partnerFirmId, comment } = posted.data;
    const { failure, network, api } = actionNetwork(event, 'answer', { target: partnerFirmId });
    if (failure) return failure;
    const list = await api.GET('/v1/networks/{networkId}/surveys', { params: { path: { networkId: network.id } } });
    const codes = (list.data?.instrument.items ?? []).map((i) => i.code);
    const parsed = likertFromForm(posted.formData, codes, surveyField(''));
    const extra = { target: partnerFirmId, values: { comment } };
    if (Object.keys(parsed.errors).length) return unanswered('answer', parsed, extra);
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
