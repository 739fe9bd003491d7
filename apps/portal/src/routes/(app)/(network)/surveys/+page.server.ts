// Surveys: the relationship health survey's rounds in the current network, newest first, with what the acting firm
// still owes in each; the focal firm opens rounds (both sides of every relationship answer while one is open).
import * as v from 'valibot';
import { hasRole } from '$lib/format';
import { fail500, failWith } from '$lib/server/api';
import { day, readForm, required } from '$lib/server/form-schema';
import { actionNetwork, activeNetwork } from '$lib/server/network';
import type { Actions, PageServerLoad } from './$types';

const noNames: Record<string, string> = {};

export const load: PageServerLoad = async (event) => {
  const { api, me, network } = activeNetwork(event);
  const base = { isFocal: network?.focalFirmId === me.firm.id, isManager: hasRole(me.firm.role, 'manager') };
  if (!network) return { ...base, surveys: null, firmNames: noNames };
  const path = { networkId: network.id };
  const [surveys, members] = await Promise.all([
    api.GET('/v1/networks/{networkId}/surveys', { params: { path } }),
    api.GET('/v1/networks/{networkId}/members', { params: { path } }),
  ]);
  if (!surveys.data) fail500(surveys.error, 'The survey rounds could not be loaded.');
  const firmNames: Record<string, string> = Object.fromEntries(
    (members.data?.items ?? []).map((m) => [m.firm.id, m.firm.name]),
  );
  return { ...base, surveys: surveys.data, firmNames };
};

const openRound = v.pipe(
  v.object({
    title: required('Give the round a title.'),
    opensOn: day('Choose the day it opens.'),
    closesOn: day('Choose the last day answers are taken.'),
  }),
  v.forward(
    v.partialCheck(
      [['opensOn'], ['closesOn']],
      (round) => round.closesOn >= round.opensOn,
      'A round closes on or after the day it opens.',
    ),
    ['closesOn'],
  ),
);

export const actions: Actions = {
  open: async (event) => {
    const posted = await readForm(event, 'open', openRound, {
      values: ['title', 'opensOn', 'closesOn'],
      message: 'Check the round’s title and dates.',
    });
    if (!posted.ok) return posted.failure;
    const { failure, network, api } = actionNetwork(event, 'open');
    if (failure) return failure;
    const { data, error: problem } = await api.POST('/v1/networks/{networkId}/surveys', {
      params: { path: { networkId: network.id } },
      body: posted.data,
    });
    if (problem) return failWith('open', problem, { values: posted.values });
    return {
      form: 'open',
      success: `Opened “${data.title}”: both sides of every relationship are asked to answer.`,
      created: data.id,
    };
  },
};
