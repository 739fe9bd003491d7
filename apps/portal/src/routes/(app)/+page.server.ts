// Overview: the acting firm, its networks, network invitations awaiting an answer, and creating a network.
import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { failWith } from '$lib/server/api';
import { readForm, required, text } from '$lib/server/form-schema';
import { requireMe } from '$lib/server/guard';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  const { api } = requireMe(event);
  const { data, error: problem } = await api.GET('/v1/networks');
  if (problem) error(problem.status, { message: problem.detail ?? problem.title, code: problem.code });
  const networks = data.items;
  return {
    networks: networks.filter((n) => n.myStatus === 'active'),
    invitations: networks.filter((n) => n.myStatus === 'invited'),
  };
};

const invitation = v.object({ networkId: required('Choose a network invitation to answer.') });

const newNetwork = v.object({ name: required('Give the network a name.'), description: text() });

async function answer(event: RequestEvent, response: 'accept' | 'decline') {
  const { api } = requireMe(event);
  const posted = await readForm(event, 'answer', invitation);
  if (!posted.ok) return posted.failure;
  const { networkId } = posted.data;
  const options = { params: { path: { networkId } }, body: {} };
  const { error: problem } =
    response === 'accept'
      ? await api.POST('/v1/networks/{networkId}/accept', options)
      : await api.POST('/v1/networks/{networkId}/decline', options);
  if (problem) return failWith('answer', problem, { target: networkId });
  if (response === 'accept') redirect(303, `/networks/${networkId}`);
  return {
    form: 'answer',
    target: networkId,
    success: 'You declined the invitation; the network no longer appears in your list.',
  };
}

export const actions: Actions = {
  create: async (event) => {
    const { api } = requireMe(event);
    const posted = await readForm(event, 'create', newNetwork, { values: ['name', 'description'] });
    if (!posted.ok) return posted.failure;
    const { values } = posted;
    const { name, description } = posted.data;
    const { data, error: problem } = await api.POST('/v1/networks', {
      body: { name, ...(description ? { description } : {}) },
    });
    if (problem) return failWith('create', problem, { values });
    redirect(303, `/networks/${data.id}?created=1`);
  },
  accept: (event) => answer(event, 'accept'),
  decline: (event) => answer(event, 'decline'),
};
