// Agreements: the sharing agreements of the acting firm in the current network. Who shares what with whom
// (the agreements in effect the firm can see), the requests for its data waiting for a decision, its data
// shared and the data shared with it, and forms to grant access or ask a partner for it. Managers and firm
// admins act; the API answers everyone else with its 403, shown next to the form. The dataset catalog lists
// what every member has published and the agreements in force on it, between any members.
import { error } from '@sveltejs/kit';
import { isSharingLevel, parseMinGroupSize, sharingMatrix } from '$lib/agreements';
import { datasetLabel, isDataset } from '$lib/exchange';
import { formatDate, hasRole } from '$lib/format';
import { allPages, failWith, field, invalid } from '$lib/server/api';
import { requireMe } from '$lib/server/guard';
import { memberNetwork } from '$lib/server/network';
import type { Agreement, Problem } from '$lib/types';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function fail500(problem: Problem | null | undefined): never {
  error(problem?.status ?? 500, {
    message: problem?.detail ?? problem?.title ?? 'The agreements could not be loaded.',
    ...(problem?.code ? { code: problem.code } : {}),
  });
}

export const load: PageServerLoad = async (event) => {
  const { api, me } = requireMe(event);
  const { network, state } = memberNetwork(me, event);
  const base = {
    network,
    state,
    // The API judges "in effect" by the database's date; the portal's UTC date tells scheduled from ended.
    today: new Date().toISOString().slice(0, 10),
    canAct: hasRole(me.firm.role, 'manager'),
  };
  const none: Agreement[] = [];
  if (!network || state !== 'active') {
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
  if (members.error) fail500(members.error);
  if (!granted.data) fail500(granted.error);
  if (!received.data) fail500(received.error);
  if (!catalog.data) fail500(catalog.error);

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

/** The network the actions act on, or a failure saying why there is none. */
function actionNetwork(event: RequestEvent, form: string, target?: string) {
  const { me } = requireMe(event);
  const { network, state } = memberNetwork(me, event);
  if (!network || state !== 'active') {
    return {
      failure: invalid(form, 'Your firm is not an active member of a network yet.', target ? { target } : {}),
    };
  }
  return { network };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The terms both forms share, read and checked enough to send: the party (`granteeFirmId` or `ownerFirmId`),
 * dataset, level, k (aggregate only), purpose and dates. The API checks the rest and says what is wrong.
 */
function readTerms(formData: FormData, form: 'grant' | 'request', partyField: 'granteeFirmId' | 'ownerFirmId') {
  const values = {
    [partyField]: field(formData, partyField),
    dataset: field(formData, 'dataset'),
    level: field(formData, 'level'),
    minGroupSize: field(formData, 'minGroupSize'),
    purpose: field(formData, 'purpose'),
    startsOn: field(formData, 'startsOn'),
    endsOn: field(formData, 'endsOn'),
  };
  const party = values[partyField] ?? '';
  const { dataset, level, purpose, startsOn, endsOn } = values;
  const failure = (message: string) => ({ failure: invalid(form, message, { values }) });
  if (!party) {
    return failure(
      form === 'grant'
        ? 'Choose the firm to share with, or the whole network.'
        : 'Choose the firm whose data you need.',
    );
  }
  if (!isDataset(dataset)) return failure('Choose a dataset.');
  if (!isSharingLevel(level)) return failure('Choose customer level or aggregate.');
  const minGroupSize = parseMinGroupSize(values.minGroupSize);
  if (level === 'aggregate' && minGroupSize === null) return failure('Enter k as a whole number, at least 2.');
  if (!purpose) return failure('Say what the data is for: the purpose is part of the agreement.');
  if ((startsOn && !DAY.test(startsOn)) || (endsOn && !DAY.test(endsOn))) {
    return failure('Enter the dates as YYYY-MM-DD.');
  }
  return {
    failure: null,
    party,
    values,
    terms: {
      dataset,
      level,
      ...(level === 'aggregate' && minGroupSize !== null ? { minGroupSize } : {}),
      purpose,
      ...(startsOn ? { startsOn } : {}),
      ...(endsOn ? { endsOn } : {}),
    },
  };
}

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
  const { api } = requireMe(event);
  const formData = await event.request.formData();
  const agreementId = field(formData, 'agreementId');
  const reason = field(formData, 'reason');
  if (!agreementId) return { failure: invalid(action, 'Choose an agreement.') };
  const { network, failure } = actionNetwork(event, action, agreementId);
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
    const { api } = requireMe(event);
    const read = readTerms(await event.request.formData(), 'grant', 'granteeFirmId');
    if (read.failure) return read.failure;
    const { network, failure } = actionNetwork(event, 'grant');
    if (failure) return failure;
    const { data, error: problem } = await api.POST('/v1/networks/{networkId}/agreements', {
      params: { path: { networkId: network.id } },
      body: { granteeFirmId: read.party === 'network' ? null : read.party, ...read.terms },
    });
    if (problem) return failWith('grant', problem, { values: read.values });
    return {
      form: 'grant',
      success: `${data.grantee ? data.grantee.name : 'Every member of the network'} may use your ${whatText(data)}, ${periodSentence(data)}.`,
    };
  },

  request: async (event) => {
    const { api } = requireMe(event);
    const read = readTerms(await event.request.formData(), 'request', 'ownerFirmId');
    if (read.failure) return read.failure;
    const { network, failure } = actionNetwork(event, 'request');
    if (failure) return failure;
    const { data, error: problem } = await api.POST('/v1/networks/{networkId}/agreement-requests', {
      params: { path: { networkId: network.id } },
      body: { ownerFirmId: read.party, ...read.terms },
    });
    if (problem) return failWith('request', problem, { values: read.values });
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
