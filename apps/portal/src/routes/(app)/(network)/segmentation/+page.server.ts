// Segmentation: customer value and the network's joint segmentation, for the acting firm in the current network.
// The latest snapshot of the firm's customer features (its own data and what partners granted it at customer
// level), summarised by joint segment, RFM segment, whale curve and profitability matrix; the firm's own labels
// and how well they agree with the joint segments; the joint scheme (the focal firm publishes it) and the firm's
// cost model. `?segment=<name>` adds the first customers of one segment, by CLV.
import { error, fail } from '@sveltejs/kit';
import { hasRole } from '$lib/format';
import { failWith, field, invalid, problemOf } from '$lib/server/api';
import { requireMe } from '$lib/server/guard';
import { memberNetwork } from '$lib/server/network';
import type { Problem } from '$lib/types';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import type { CostModel, CustomerFeature, SchemeSegment } from './segmentation';

const SEGMENT_LIST_SIZE = 50;
/** Labels files are read whole by the form action: keep them within the portal's form body limit. */
const LABELS_FILE_LIMIT = 480 * 1024;

function fail500(problem: Problem | null | undefined): never {
  error(problem?.status ?? 500, {
    message: problem?.detail ?? problem?.title ?? 'The segmentation could not be loaded.',
    ...(problem?.code ? { code: problem.code } : {}),
  });
}

export const load: PageServerLoad = async (event) => {
  event.depends('app:segmentation');
  const { api, me } = requireMe(event);
  const { network, state } = memberNetwork(me, event);
  const segment = event.url.searchParams.get('segment')?.trim() || null;
  const base = {
    network,
    state,
    segment,
    isFocal: network?.focalFirmId === me.firm.id,
    isManager: hasRole(me.firm.role, 'manager'),
    isAnalyst: hasRole(me.firm.role, 'analyst'),
  };
  if (!network || state !== 'active') {
    return { ...base, value: null, schemes: null, labels: null, alignment: null, costModel: null, customers: null };
  }

  const path = { networkId: network.id };
  const [value, schemes, labels, alignment, costModel, customers] = await Promise.all([
    api.GET('/v1/networks/{networkId}/customer-value', { params: { path } }),
    api.GET('/v1/networks/{networkId}/segmentation-schemes', { params: { path } }),
    api.GET('/v1/networks/{networkId}/segment-labels', { params: { path } }),
    api.GET('/v1/networks/{networkId}/segment-alignment', { params: { path } }),
    api.GET('/v1/networks/{networkId}/cost-model', { params: { path } }),
    segment
      ? api.GET('/v1/networks/{networkId}/customer-features', {
          params: { path, query: { segment, limit: SEGMENT_LIST_SIZE, sort: 'clv_12m', order: 'desc' } },
        })
      : Promise.resolve(null),
  ]);
  if (!value.data) fail500(value.error);
  if (!schemes.data) fail500(schemes.error);
  if (!labels.data) fail500(labels.error);
  if (!alignment.data) fail500(alignment.error);
  if (!costModel.data) fail500(costModel.error);
  // The operation also answers text/csv (?format=csv), so its data is typed as JSON or a string.
  const featurePage = customers?.data && typeof customers.data === 'object' ? customers.data : null;

  return {
    ...base,
    value: value.data,
    schemes: schemes.data,
    labels: labels.data,
    alignment: alignment.data,
    costModel: costModel.data,
    customers: customers
      ? {
          items: (featurePage?.items ?? []) as CustomerFeature[],
          more: Boolean(featurePage?.nextCursor),
          problem: customers.error ? (customers.error.detail ?? customers.error.title ?? null) : null,
        }
      : null,
  };
};

/** As failWith, and the problem's `errors` (path + message) for listing under the form. */
function failWithErrors(form: string, problem: Problem, values?: Record<string, string>) {
  const failed = failWith(form, problem, values ? { values } : {});
  return fail(failed.status, { ...failed.data, errors: (problem.errors ?? []).slice(0, 50) });
}

/** The network the actions act on, or a failure saying why there is none. */
function actionNetwork(event: RequestEvent, form: string) {
  const { me, api } = requireMe(event);
  const { network, state } = memberNetwork(me, event);
  if (!network || state !== 'active') {
    return { failure: invalid(form, 'Your firm is not an active member of a network yet.') } as const;
  }
  return { failure: null, network, me, api } as const;
}

/** A rate field: blank is 0, else a number ≥ 0. */
function rate(value: string): number | null {
  if (value === '') return 0;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** "code=rate" lines into a record; the lines it could not read. */
function activityRates(text: string): { rates: Record<string, number>; bad: string[] } {
  const rates: Record<string, number> = {};
  const bad: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const at = trimmed.indexOf('=');
    const code = at > 0 ? trimmed.slice(0, at).trim() : '';
    const value = at > 0 ? rate(trimmed.slice(at + 1).trim()) : null;
    if (!code || value === null) bad.push(trimmed);
    else rates[code] = value;
  }
  return { rates, bad };
}

/** An optional fraction: blank is null. */
function optionalNumber(value: string): number | null | undefined {
  if (value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

interface SchemeDraft {
  segments: SchemeSegment[];
  note: string;
}

function readDraft(json: string): SchemeDraft | null {
  try {
    const parsed = JSON.parse(json) as Partial<SchemeDraft>;
    if (!Array.isArray(parsed.segments)) return null;
    return { segments: parsed.segments, note: typeof parsed.note === 'string' ? parsed.note : '' };
  } catch {
    return null;
  }
}

export const actions: Actions = {
  recompute: async (event) => {
    const { failure, network, api } = actionNetwork(event, 'recompute');
    if (failure) return failure;
    const { error: problem } = await api.POST('/v1/networks/{networkId}/customer-value/recompute', {
      params: { path: { networkId: network.id } },
      body: {},
    });
    if (problem) return failWith('recompute', problem);
    return { form: 'recompute', success: 'Recompute queued: the figures below update when it finishes.' };
  },

  costModel: async (event) => {
    const formData = await event.request.formData();
    const names = [
      'perOrder',
      'perOrderLine',
      'perDelivery',
      'perExpeditedDelivery',
      'perReturn',
      'perServiceCase',
      'perActivity',
      'clvMargin',
      'annualDiscountRate',
      'netMarginPctThreshold',
      'costToServeThreshold',
    ] as const;
    const values = Object.fromEntries(names.map((n) => [n, field(formData, n)])) as Record<
      (typeof names)[number],
      string
    >;
    const bad = (message: string) => invalid('costModel', message, { values });
    const rates: Partial<CostModel['rates']> = {};
    for (const name of [
      'perOrder',
      'perOrderLine',
      'perDelivery',
      'perExpeditedDelivery',
      'perReturn',
      'perServiceCase',
    ] as const) {
      const value = rate(values[name]);
      if (value === null) return bad('Enter each rate as a number, 0 or more.');
      rates[name] = value;
    }
    const activities = activityRates(values.perActivity);
    if (activities.bad.length) {
      return bad(
        `Write each activity rate as code=rate, e.g. install=35; could not read: ${activities.bad.join('; ')}.`,
      );
    }
    const clvMargin = optionalNumber(values.clvMargin);
    if (clvMargin === undefined || (clvMargin !== null && (clvMargin < 0 || clvMargin > 1))) {
      return bad('Enter the CLV margin as a fraction from 0 to 1 (0.3 for 30%), or leave it blank.');
    }
    const discount = values.annualDiscountRate === '' ? 0.1 : Number(values.annualDiscountRate);
    if (!Number.isFinite(discount) || discount < 0 || discount > 1) {
      return bad('Enter the annual discount rate as a fraction from 0 to 1 (0.1 for 10%).');
    }
    const netMarginPctThreshold = optionalNumber(values.netMarginPctThreshold);
    const costToServeThreshold = optionalNumber(values.costToServeThreshold);
    if (netMarginPctThreshold === undefined || costToServeThreshold === undefined) {
      return bad('Enter the matrix thresholds as numbers, or leave them blank for the medians.');
    }
    const { failure, network, api } = actionNetwork(event, 'costModel');
    if (failure) return failure;
    const { error: problem } = await api.PUT('/v1/networks/{networkId}/cost-model', {
      params: { path: { networkId: network.id } },
      body: {
        rates: { ...(rates as Omit<CostModel['rates'], 'perActivity'>), perActivity: activities.rates },
        clvMargin,
        annualDiscountRate: discount,
        netMarginPctThreshold,
        costToServeThreshold,
      },
    });
    if (problem) return failWith('costModel', problem, { values });
    return { form: 'costModel', success: 'Cost model saved. Your customer value is being recomputed with it.' };
  },

  publish: async (event) => {
    const formData = await event.request.formData();
    const json = field(formData, 'scheme');
    const draft = readDraft(json);
    if (!draft) return invalid('publish', 'The scheme could not be read. Reload the page and try again.');
    const values = { scheme: json };
    if (!draft.segments.length) return invalid('publish', 'A scheme needs at least one segment.', { values });
    const { failure, network, api } = actionNetwork(event, 'publish');
    if (failure) return failure;
    const { data, error: problem } = await api.POST('/v1/networks/{networkId}/segmentation-schemes', {
      params: { path: { networkId: network.id } },
      body: { segments: draft.segments, ...(draft.note.trim() ? { note: draft.note.trim() } : {}) },
    });
    if (problem) return failWithErrors('publish', problem, values);
    return {
      form: 'publish',
      success: `Published version ${data.version} of the joint scheme. Every member’s customers are being recomputed with it.`,
    };
  },

  uploadLabels: async (event) => {
    const formData = await event.request.formData();
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) {
      return invalid('uploadLabels', 'Choose a CSV file with the columns customer_id (or customer_key) and label.');
    }
    if (file.size > LABELS_FILE_LIMIT) {
      return invalid('uploadLabels', 'The labels file is too large for the portal (at most 480 KB).');
    }
    const { failure, network, api } = actionNetwork(event, 'uploadLabels');
    if (failure) return failure;
    const csv = await file.text();
    let result;
    try {
      result = await api.PUT('/v1/networks/{networkId}/segment-labels', {
        params: { path: { networkId: network.id } },
        body: csv,
        bodySerializer: (body: string) => body,
        headers: { 'content-type': 'text/csv' },
      });
    } catch (cause) {
      console.error('[portal] segment labels upload failed', cause);
      return failWith('uploadLabels', problemOf(502, 'The Accord API could not be reached. Try again.'));
    }
    if (result.error) return failWithErrors('uploadLabels', result.error);
    const { labels } = result.data;
    return {
      form: 'uploadLabels',
      success: `Uploaded ${labels.labelled} labelled ${labels.labelled === 1 ? 'customer' : 'customers'} in ${labels.labels.length} ${labels.labels.length === 1 ? 'label' : 'labels'}. Map each label to a joint segment below.`,
    };
  },

  mapLabels: async (event) => {
    const formData = await event.request.formData();
    const labels = formData.getAll('label').map((v) => (typeof v === 'string' ? v : ''));
    const segments = formData.getAll('segment').map((v) => (typeof v === 'string' ? v : ''));
    const mappings = labels
      .map((label, i) => ({ label, segment: segments[i] ?? '' }))
      .filter((m) => m.label !== '' && m.segment !== '');
    const { failure, network, api } = actionNetwork(event, 'mapLabels');
    if (failure) return failure;
    const { data, error: problem } = await api.PUT('/v1/networks/{networkId}/segment-label-mappings', {
      params: { path: { networkId: network.id } },
      body: { mappings },
    });
    if (problem) return failWithErrors('mapLabels', problem);
    const latest = data.alignment.latest;
    return {
      form: 'mapLabels',
      success: latest
        ? `Mapping saved: ${latest.compared} customers compared with the joint segments.`
        : 'Mapping saved. The alignment is measured once labelled customers have a joint segment.',
    };
  },
};
