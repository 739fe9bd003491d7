// Agreements: the sharing agreements of the acting firm in the current network. Who shares what with whom
// (the agreements in effect the firm can see), the requests for its data waiting for a decision, its data
// shared and the data shared with it, and forms to grant access or ask a partner for it. Managers and firm
// admins act; the API answers everyone else with its 403, shown next to the form. The dataset catalog lists
// what every member has published and the agreements in force on it, between any members.
import * as v from 'valibot';
import { parseMinGroupSize, sharingLevels, sharingMatrix } from '$lib/agreements';
import { datasetLabel, datasets } from '$lib/exchange';
import { formatDate, hasRole } from '$lib/format';
import { allPages, fail500, failWith } from '$lib/server/api';
import { choice, optionalDay, readForm, required, text } from '$lib/server/form-schema';
import { actionNetwork, activeNetwork } from '$lib/server/network';
import type { Agreement } from '$lib/types';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const notLoaded = 'The agreements could not be loaded.';

export const load: PageServerLoad = async (event) => {
  const { api, me, network } = activeNetwork(event);
  const base = {
    // The API judges "in effect" by the database's date; the portal's UTC date tells scheduled from ended.
    today: new Date().toISOString().slice(0, 10),
    canAct: hasRole(me.firm.role, 'manager'),
  };
  const none: Agreement[] = [];
  if (!network) {
    return {
      ...base,
      partners: [],
      matrix: sharingMatrix([], []),
      waiting: none,
      granted: none,
      received: none,
      catalog: [],
    };
  }

  const networkId = network.id;
  const list = (side: 'granted' | 'received') =>
    api.GET('/v1/networks/{networkId}/agreements', { params: { path: { networkId }, query: { side } } });
  const [members, granted, received, catalog] = await Promise.all([
    allPages((cursor) =>
      api.GET('/v1/networks/{networkId}/members', {
        params: { path: { networkId }, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
      }),
    ),
    list('granted'),
    list('received'),
    api.GET('/v1/networks/{networkId}/dataset-catalog', { params: { path: { networkId } } }),
  ]);
  if (members.error) fail500(members.error, notLoaded);
  if (!granted.data) fail500(granted.error, notLoaded);
  if (!received.data) fail500(received.error, notLoaded);
  if (!catalog.data) fail500(catalog.error, notLoaded);

  const firms = members.items.filter((m) => m.status === 'active').map((m) => ({ id: m.firm.id, name: m.firm.name }));
  return {
    ...base,
    /** The other active member firms: whom to share with or ask. */
    partners: firms.filter((f) => f.id !== me.firm.id),
    matrix: sharingMatrix(firms, [...granted.data.items, ...received.data.items]),
    waiting: granted.data.items.filter((a) => a.status === 'requested'),
    granted: granted.data.items.filter((a) => a.status !== 'requested'),
    received: received.data.items,
    /** Every member's published datasets and the agreements in force on them. */
    catalog: catalog.data.items,
  };
};

/**
 * The terms both forms share besides the party (`granteeFirmId` or `ownerFirmId`), checked enough to send:
 * dataset, level, k (aggregate only), purpose and dates. The API checks the rest and says what is wrong.
 */
const terms = {
  dataset: choice(datasets, 'Choose a dataset.'),
  level: choice(sharingLevels, 'Choose customer level or aggregate.'),
  minGroupSize: text(),
  purpose: required('Say what the data is for: the purpose is part of the agreement.'),
  startsOn: optionalDay('Enter the dates as YYYY-MM-DD.'),
  endsOn: optionalDay('Enter the dates as YYYY-MM-DD.'),
};

/** k is only asked for at aggregate level. */
const validK = (form: { level: string; minGroupSize: string }) =>
  form.level !== 'aggregate' || parseMinGroupSize(form.minGroupSize) !== null;
const kMessage = 'Enter k as a whole number, at least 2.';

const grantTerms = v.pipe(
  v.object({ granteeFirmId: required('Choose the firm to share with, or the whole network.'), ...terms }),
  v.forward(v.partialCheck([['level'], ['minGroupSize']], validK, kMessage), ['minGroupSize']),
);
const requestTerms = v.pipe(
  v.object({ ownerFirmId: required('Choose the firm whose data you need.'), ...terms }),
  v.forward(v.partialCheck([['level'], ['minGroupSize']], validK, kMessage), ['minGroupSize']),
);
const termFields = ['dataset', 'level', 'minGroupSize', 'purpose', 'startsOn', 'endsOn'];

/** The terms as the API takes them. */
function termsBody(form: v.InferOutput<typeof grantTerms> | v.InferOutput<typeof requestTerms>) {
  const { dataset, level, purpose, startsOn, endsOn } = form;
  const minGroupSize = parseMinGroupSize(form.minGroupSize);
  return {
    dataset,
    level,
    ...(level === 'aggregate' && minGroupSize !== null ? { minGroupSize } : {}),
    purpose,
    ...(startsOn ? { startsOn } : {}),
    ...(endsOn ? { endsOn } : {}),
  };
}

const decision = v.object({ agreementId: required('Choose an agreement.'), reason: text() });

/** "transactions at customer level", "service cases at aggregate level, k = 50". */
function whatText(agreement: Agreement): string {
  const what = datasetLabel(agreement.dataset).toLowerCase();
  return `${what} at ${agreement.level === 'aggregate' ? `aggregate level, k = ${agreement.minGroupSize}` : 'customer level'}`;
}

function periodSentence(agreement: Agreement): string {
  return agreement.endsOn
    ? `from ${formatDate(agreement.startsOn)} to ${formatDate(agreement.endsOn)}`
    : `from ${formatDate(agreement.startsOn)} until revoked`;
}

/** The approve, decline and revoke buttons: one agreement and an optional reason. */
async function decide(event: RequestEvent, action: 'approve' | 'decline' | 'revoke') {
  const posted = await readForm(event, action, decision);
  if (!posted.ok) return { failure: posted.failure };
  const { agreementId, reason } = posted.data;
  const { network, api, failure } = actionNetwork(event, action, { target: agreementId });
  if (failure) return { failure };
  const init = { params: { path: { networkId: network.id, agreementId } }, body: reason ? { reason } : {} };
  const { data, error: problem } = await (action === 'approve'
    ? api.POST('/v1/networks/{networkId}/agreements/{agreementId}/approve', init)
    : action === 'decline'
      ? api.POST('/v1/networks/{networkId}/agreements/{agreementId}/decline', init)
      : api.POST('/v1/networks/{networkId}/agreements/{agreementId}/revoke', init));
  if (problem) return { failure: failWith(action, problem, { target: agreementId }) };
  return { failure: null, agreement: data };
}

export const actions: Actions = {
  grant: async (event) => {
    const posted = await readForm(event, 'grant', grantTerms, { values: ['granteeFirmId', ...termFields] });
    if (!posted.ok) return posted.failure;
    const party = posted.data.granteeFirmId;
    const { network, api, failure } = actionNetwork(event, 'grant');
    if (failure) return failure;
    const { data, error: problem } = await api.POST('/v1/networks/{networkId}/agreements', {
      params: { path: { networkId: network.id } },
      body: { granteeFirmId: party === 'network' ? null : party, ...termsBody(posted.data) },
    });
    if (problem) return failWith('grant', problem, { values: posted.values });
    return {
      form: 'grant',
      success: `${data.grantee ? data.grantee.name : 'Every member of the network'} may use your ${whatText(data)}, ${periodSentence(data)}.`,
    };
  },

  request: async (event) => {
    const posted = await readForm(event, 'request', requestTerms, { values: ['ownerFirmId', ...termFields] });
    if (!posted.ok) return posted.failure;
    const { network, api, failure } = actionNetwork(event, 'request');
    if (failure) return failure;
    const { data, error: problem } = await api.POST('/v1/networks/{networkId}/agreement-requests', {
      params: { path: { networkId: network.id } },
      body: { ownerFirmId: posted.data.ownerFirmId, ...termsBody(posted.data) },
    });
    if (problem) return failWith('request', problem, { values: posted.values });
    return {
      form: 'request',
      success: `You asked ${data.owner.name} for its ${whatText(data)}. The request waits for ${data.owner.name} to decide.`,
    };
  },

  approve: async (event) => {
    const { agreement, failure } = await decide(event, 'approve');
    if (failure) return failure;
    return {
      form: 'approve',
      success: `Approved: ${agreement.grantee?.name ?? 'the network'} may use your ${whatText(agreement)}, ${periodSentence(agreement)}.`,
    };
  },

  decline: async (event) => {
    const { agreement, failure } = await decide(event, 'decline');
    if (failure) return failure;
    return {
      form: 'decline',
      success: `Declined the request${agreement.grantee ? ` of ${agreement.grantee.name}` : ''} for your ${datasetLabel(agreement.dataset).toLowerCase()}.`,
    };
  },

  revoke: async (event) => {
    const { agreement, failure } = await decide(event, 'revoke');
    if (failure) return failure;
    const who = agreement.grantee ? agreement.grantee.name : 'the whole network';
    return {
      form: 'revoke',
      success: `Revoked at once: ${who} no longer has your ${whatText(agreement)} through this agreement.`,
    };
  },
};
