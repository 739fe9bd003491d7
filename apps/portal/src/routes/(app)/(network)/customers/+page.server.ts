// Customer 360: one customer across the partners whose data the acting firm may see at customer level in the
// current network. The search is a form post (an identifier such as an email must never travel in a URL):
// a 64-hex pseudonymous key goes straight to `?key=`, anything else is hashed by the API's lookup, which answers
// the key, and the page then shows `?key=<customerKey>` so it can be shared. Partners holding data the firm has
// not been granted are listed, with a button (managers and firm admins) to ask them for it.
import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { datasetLabel, datasets } from '$lib/exchange';
import { hasRole } from '$lib/format';
import { failWith, field } from '$lib/server/api';
import { keepLookup, takeLookup } from '$lib/server/customers';
import { checkForm, choice, readForm, required } from '$lib/server/form-schema';
import { actionNetwork, activeNetwork } from '$lib/server/network';
import type { Customer360 } from '$lib/types';
import type { Actions, PageServerLoad } from './$types';

const CUSTOMER_KEY = /^[0-9a-f]{64}$/i;

/** The purpose every request made from this page carries. */
const REQUEST_PURPOSE = 'Customer 360';

function customerPath(key: string): string {
  return `/customers?key=${encodeURIComponent(key.toLowerCase())}`;
}

export const load: PageServerLoad = async (event) => {
  const { api, me, network } = activeNetwork(event);
  const requested = event.url.searchParams.get('key')?.trim() ?? '';
  const base = {
    canAct: hasRole(me.firm.role, 'manager'),
    key: requested.toLowerCase(),
    customer: null as Customer360 | null,
    problem: null as string | null,
  };
  if (!network || !requested) return base;
  if (!CUSTOMER_KEY.test(requested)) {
    return { ...base, problem: 'A customer key is 64 hexadecimal characters. Search again below.' };
  }
  const customerKey = requested.toLowerCase();
  // Just looked up by identifier: show that answer rather than reading (and logging) the customer again.
  const justLookedUp = takeLookup(me.user.id, me.firm.id, network.id, customerKey);
  if (justLookedUp) return { ...base, customer: justLookedUp };
  const { data, error: problem } = await api.GET('/v1/networks/{networkId}/customers/{customerKey}', {
    params: { path: { networkId: network.id, customerKey } },
  });
  if (problem) {
    if (problem.status && problem.status >= 500) {
      error(problem.status, {
        message: problem.detail ?? problem.title ?? 'The customer could not be loaded.',
        ...(problem.code ? { code: problem.code } : {}),
      });
    }
    return { ...base, problem: problem.detail ?? problem.title ?? 'The customer could not be loaded.' };
  }
  return { ...base, customer: data };
};

const search = v.object({
  identifier: required('Enter a customer identifier (such as an email) or a customer key.'),
});

const dataRequest = v.object({
  ownerFirmId: required('Choose a partner and a dataset.'),
  dataset: choice(datasets, 'Choose a partner and a dataset.'),
});

export const actions: Actions = {
  search: async (event) => {
    const posted = await readForm(event, 'search', search);
    if (!posted.ok) return posted.failure;
    const { identifier } = posted.data;
    const { network, me, api, failure } = actionNetwork(event, 'search');
    if (failure) return failure;
    // A key is not personal data: it may go in the address. An identifier is sent to the API only in a body.
    if (CUSTOMER_KEY.test(identifier)) redirect(303, customerPath(identifier));
    const { data, error: problem } = await api.POST('/v1/networks/{networkId}/customers/lookup', {
      params: { path: { networkId: network.id } },
      body: { identifier },
    });
    if (problem) return failWith('search', problem, { values: { identifier } });
    keepLookup(me.user.id, me.firm.id, network.id, data);
    redirect(303, customerPath(data.customerKey));
  },

  request: async (event) => {
    const formData = await event.request.formData();
    // The row: one partner's dataset.
    const target = `${field(formData, 'ownerFirmId')}:${field(formData, 'dataset')}`;
    const posted = checkForm(formData, 'request', dataRequest, { target });
    if (!posted.ok) return posted.failure;
    const { ownerFirmId, dataset } = posted.data;
    const { network, api, failure } = actionNetwork(event, 'request', { target });
    if (failure) return failure;
    const { data, error: problem } = await api.POST('/v1/networks/{networkId}/agreement-requests', {
      params: { path: { networkId: network.id } },
      body: { ownerFirmId, dataset, level: 'customer', purpose: REQUEST_PURPOSE },
    });
    if (problem) return failWith('request', problem, { target });
    return {
      form: 'request',
      target,
      success: `Asked ${data.owner.name} for its ${datasetLabel(data.dataset).toLowerCase()} at customer level. The request waits for ${data.owner.name} to decide.`,
    };
  },
};
