// Surveys: the relationship health survey's rounds in the current network, newest first, with what the acting firm
// still owes in each; the focal firm opens rounds (both sides of every relationship answer while one is open).
import { error } from '@sveltejs/kit';
import { fail } from '@sveltejs/kit';
import { hasRole } from '$lib/format';
import { field, invalid, problemMessage } from '$lib/server/api';
import { requireMe } from '$lib/server/guard';
import { memberNetwork } from '$lib/server/network';
import type { Problem } from '$lib/types';
import type { Actions, PageServerLoad } from './$types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function fail500(problem: Problem | null | undefined): never {
  error(problem?.status ?? 500, {
    message: problem?.detail ?? problem?.title ?? 'The survey rounds could not be loaded.',
    ...(problem?.code ? { code: problem.code } : {}),
  });
}

const noNames: Record<string, string> = {};

export const load: PageServerLoad = async (event) => {
  const { api, me } = requireMe(event);
  const { network, state } = memberNetwork(me, event);
  const base = {
    network,
    state,
    isFocal: network?.focalFirmId === me.firm.id,
    isManager: hasRole(me.firm.role, 'manager'),
  };
  if (!network || state !== 'active') return { ...base, surveys: null, firmNames: noNames };
  const path = { networkId: network.id };
  const [surveys, members] = await Promise.all([
    api.GET('/v1/networks/{networkId}/surveys', { params: { path } }),
    api.GET('/v1/networks/{networkId}/members', { params: { path } }),
  ]);
  if (!surveys.data) fail500(surveys.error);
  const firmNames: Record<string, string> = Object.fromEntries(
    (members.data?.items ?? []).map((m) => [m.firm.id, m.firm.name]),
  );
  return { ...base, surveys: surveys.data, firmNames };
};

export const actions: Actions = {
  open: async (event) => {
    const formData = await event.request.formData();
    const values = {
      title: field(formData, 'title'),
      opensOn: field(formData, 'opensOn'),
      closesOn: field(formData, 'closesOn'),
    };
    const fieldErrors: Record<string, string> = {};
    if (!values.title) fieldErrors.title = 'Give the round a title.';
    if (!DAY.test(values.opensOn)) fieldErrors.opensOn = 'Choose the day it opens.';
    if (!DAY.test(values.closesOn)) fieldErrors.closesOn = 'Choose the last day answers are taken.';
    else if (DAY.test(values.opensOn) && values.closesOn < values.opensOn)
      fieldErrors.closesOn = 'A round closes on or after the day it opens.';
    if (Object.keys(fieldErrors).length) {
      return fail(400, { form: 'open', message: 'Check the round’s title and dates.', values, fieldErrors });
    }
    const { api, me } = requireMe(event);
    const { network, state } = memberNetwork(me, event);
    if (!network || state !== 'active') return invalid('open', 'Your firm is not an active member of a network yet.');
    const { data, error: problem } = await api.POST('/v1/networks/{networkId}/surveys', {
      params: { path: { networkId: network.id } },
      body: values,
    });
    if (problem) {
      const errors: Record<string, string> = {};
      for (const e of problem.errors ?? []) errors[e.path.replace(/^\/?(body\/)?/, '')] = e.message;
      return fail(problem.status >= 400 && problem.status < 600 ? problem.status : 400, {
        form: 'open',
        message: problemMessage(problem),
        code: problem.code,
        values,
        fieldErrors: errors,
      });
    }
    return {
      form: 'open',
      success: `Opened “${data.title}”: both sides of every relationship are asked to answer.`,
      created: data.id,
    };
  },
};
