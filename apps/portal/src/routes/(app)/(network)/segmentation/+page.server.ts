// Segmentation: customer value and the network's joint segmentation, for the acting firm in the current network.
// The latest snapshot of the firm's customer features (its own data and what partners granted it at customer
// level), summarised by joint segment, RFM segment, whale curve and profitability matrix; the firm's own labels
// and how well they agree with the joint segments; the joint scheme (the focal firm publishes it) and the firm's
// cost model. `?segment=<name>` adds the first customers of one segment, by CLV; `?diagnostics` the model
// diagnostics (BG/NBD on a calibration period against its holdout) and the frequency models compared.
import type { AccordClient } from '@accord/api-client';
import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { hasRole } from '$lib/format';
import { fail500, failWith, field as fieldText, problemErrors, problemMessage, problemOf } from '$lib/server/api';
import { file, readForm, text } from '$lib/server/form-schema';
import { actionNetwork, activeNetwork } from '$lib/server/network';
import type { Problem } from '$lib/types';
import type { Actions, PageServerLoad } from './$types';
import { diagnosticsQuery, type DiagnosticsQuery } from './model-diagnostics';
import type { CustomerFeature, SchemeSegment } from './segmentation';

const SEGMENT_LIST_SIZE = 50;
/** Labels files are read whole by the form action: keep them within the portal's form body limit. */
const LABELS_FILE_LIMIT = 480 * 1024;

const notLoaded = 'The segmentation could not be loaded.';

/** Why a diagnostics call failed, as the section shows it: a sentence, and each field's message. */
const diagnosticsProblem = (problem: Partial<Problem> | undefined) => ({
  message: problemMessage(problem),
  errors: problemErrors(problem),
});

/**
 * The diagnostics asked for, then the models compared on the same calibration (its end resolved by the
 * diagnostics when left blank). A refusal is shown in the section, beside the field it is about.
 */
async function modelDiagnostics(api: AccordClient, networkId: string, query: DiagnosticsQuery) {
  const path = { networkId };
  const checked = await api.GET('/v1/networks/{networkId}/clv-model/diagnostics', { params: { path, query } });
  if (!checked.data) return { query, result: null, model: null, problem: diagnosticsProblem(checked.error) };
  const { calibrationEnd, timeUnit } = checked.data;
  const fitted = await api.GET('/v1/networks/{networkId}/clv-model', {
    params: { path, query: { calibrationEnd, timeUnit } },
  });
  return {
    query,
    result: checked.data,
    model: fitted.data ?? null,
    problem: fitted.data ? null : diagnosticsProblem(fitted.error),
  };
}

export const load: PageServerLoad = async (event) => {
  event.depends('app:segmentation');
  const { api, me, network } = activeNetwork(event);
  const segment = event.url.searchParams.get('segment')?.trim() || null;
  const asked = diagnosticsQuery(event.url);
  const base = {
    segment,
    isFocal: network?.focalFirmId === me.firm.id,
    isManager: hasRole(me.firm.role, 'manager'),
    isAnalyst: hasRole(me.firm.role, 'analyst'),
  };
  if (!network) {
    return {
      ...base,
      value: null,
      schemes: null,
      labels: null,
      alignment: null,
      costModel: null,
      customers: null,
      diagnostics: null,
    };
  }

  const path = { networkId: network.id };
  const [value, schemes, labels, alignment, costModel, customers, diagnostics] = await Promise.all([
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
    asked ? modelDiagnostics(api, network.id, asked) : Promise.resolve(null),
  ]);
  if (!value.data) fail500(value.error, notLoaded);
  if (!schemes.data) fail500(schemes.error, notLoaded);
  if (!labels.data) fail500(labels.error, notLoaded);
  if (!alignment.data) fail500(alignment.error, notLoaded);
  if (!costModel.data) fail500(costModel.error, notLoaded);
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
    diagnostics,
  };
};

/** As failWith, and the problem's `errors` (path + message) for listing under the form. */
function failWithErrors(form: string, problem: Problem, values?: Record<string, string>) {
  const failed = failWith(form, problem, values ? { values } : {});
  return fail(failed.status, { ...failed.data, errors: (problem.errors ?? []).slice(0, 50) });
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

const rateField = () =>
  v.pipe(
    text(),
    v.transform(rate),
    v.check((value) => value !== null, 'Enter each rate as a number, 0 or more.'),
    v.transform((value) => value!),
  );

const optionalNumberField = (message: string) =>
  v.pipe(
    text(),
    v.transform(optionalNumber),
    v.check((value) => value !== undefined, message),
    v.transform((value) => value as number | null),
  );

const thresholdMessage = 'Enter the matrix thresholds as numbers, or leave them blank for the medians.';

const costModel = v.object({
  perOrder: rateField(),
  perOrderLine: rateField(),
  perDelivery: rateField(),
  perExpeditedDelivery: rateField(),
  perReturn: rateField(),
  perServiceCase: rateField(),
  perActivity: v.pipe(
    text(),
    v.transform(activityRates),
    v.check(
      (activities) => activities.bad.length === 0,
      (issue) =>
        `Write each activity rate as code=rate, e.g. install=35; could not read: ${issue.input.bad.join('; ')}.`,
    ),
    v.transform((activities) => activities.rates),
  ),
  clvMargin: v.pipe(
    optionalNumberField('Enter the CLV margin as a fraction from 0 to 1 (0.3 for 30%), or leave it blank.'),
    v.check(
      (margin) => margin === null || (margin >= 0 && margin <= 1),
      'Enter the CLV margin as a fraction from 0 to 1 (0.3 for 30%), or leave it blank.',
    ),
  ),
  annualDiscountRate: v.pipe(
    text(),
    v.transform((value) => (value === '' ? 0.1 : Number(value))),
    v.check(
      (discount) => Number.isFinite(discount) && discount >= 0 && discount <= 1,
      'Enter the annual discount rate as a fraction from 0 to 1 (0.1 for 10%).',
    ),
  ),
  netMarginPctThreshold: optionalNumberField(thresholdMessage),
  costToServeThreshold: optionalNumberField(thresholdMessage),
});

const costModelFields = Object.keys(costModel.entries);

// One label and the joint segment it maps to per row of the mapping table (a blank segment maps nothing).
const labelMappings = v.object({ label: v.array(v.string()), segment: v.array(v.string()) });

const scheme = v.object({
  scheme: v.pipe(
    text(),
    v.transform(readDraft),
    v.check((draft) => draft !== null, 'The scheme could not be read. Reload the page and try again.'),
    v.transform((draft) => draft!),
    v.check((draft) => draft.segments.length > 0, 'A scheme needs at least one segment.'),
  ),
});

const labelsFile = v.object({
  file: v.pipe(
    file('Choose a CSV file with the columns customer_id (or customer_key) and label.'),
    v.check(
      (labels) => labels.size <= LABELS_FILE_LIMIT,
      'The labels file is too large for the portal (at most 480 KB).',
    ),
  ),
});

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
    const posted = await readForm(event, 'costModel', costModel, { values: costModelFields });
    if (!posted.ok) return posted.failure;
    const { values } = posted;
    const { perActivity, clvMargin, annualDiscountRate, netMarginPctThreshold, costToServeThreshold, ...rates } =
      posted.data;
    const { failure, network, api } = actionNetwork(event, 'costModel');
    if (failure) return failure;
    const { error: problem } = await api.PUT('/v1/networks/{networkId}/cost-model', {
      params: { path: { networkId: network.id } },
      body: {
        rates: { ...rates, perActivity },
        clvMargin,
        annualDiscountRate,
        netMarginPctThreshold,
        costToServeThreshold,
      },
    });
    if (problem) return failWith('costModel', problem, { values });
    return { form: 'costModel', success: 'Cost model saved. Your customer value is being recomputed with it.' };
  },

  publish: async (event) => {
    const posted = await readForm(event, 'publish', scheme, {
      // an unreadable scheme is not sent back: the editor starts again from the page
      values: (form): Record<string, string> =>
        readDraft(fieldText(form, 'scheme')) ? { scheme: fieldText(form, 'scheme') } : {},
    });
    if (!posted.ok) return posted.failure;
    const { values } = posted;
    const draft = posted.data.scheme;
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
    const posted = await readForm(event, 'uploadLabels', labelsFile);
    if (!posted.ok) return posted.failure;
    const { file } = posted.data;
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
    const posted = await readForm(event, 'mapLabels', labelMappings);
    if (!posted.ok) return posted.failure;
    const { label: labels, segment: segments } = posted.data;
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
