// Scorecard: the network's joint balanced scorecard as the acting firm sees it, for one period and one subject
// (the whole chain or a member firm): overall and perspective scores, the measure table with traffic lights,
// sign-offs and the network's open actions. `?measure=<id>` adds a measure's drill-down: partners ranked, its
// trend, where its value comes from, comments and actions. The focal firm creates the scorecard.
import { error } from '@sveltejs/kit';
import { hasRole } from '$lib/format';
import { failWith, field, invalid } from '$lib/server/api';
import { requireMe } from '$lib/server/guard';
import { memberNetwork } from '$lib/server/network';
import type { Problem } from '$lib/types';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import type { MeasureDetail, Scorecard } from './scorecard';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function fail500(problem: Problem | null | undefined): never {
  error(problem?.status ?? 500, {
    message: problem?.detail ?? problem?.title ?? 'The scorecard could not be loaded.',
    ...(problem?.code ? { code: problem.code } : {}),
  });
}

/** A uuid query parameter, or null (anything else is ignored rather than sent to the API). */
function uuidParam(url: URL, name: string): string | null {
  const value = url.searchParams.get(name)?.trim() ?? '';
  return UUID.test(value) ? value : null;
}

export const load: PageServerLoad = async (event) => {
  event.depends('app:scorecard');
  const { api, me } = requireMe(event);
  const { network, state } = memberNetwork(me, event);
  const base = {
    network,
    state,
    isFocal: network?.focalFirmId === me.firm.id,
    isManager: hasRole(me.firm.role, 'manager'),
    isAnalyst: hasRole(me.firm.role, 'analyst'),
  };
  const empty = { scorecards: [], scorecard: null, view: null, actions: [], detail: null, subject: 'chain' };
  if (!network || state !== 'active') return { ...base, ...empty };

  const path = { networkId: network.id };
  const list = await api.GET('/v1/networks/{networkId}/scorecards', { params: { path } });
  if (!list.data) fail500(list.error);
  if (list.data.items.length === 0) return { ...base, ...empty };

  const wanted = uuidParam(event.url, 'card');
  const summary = list.data.items.find((c) => c.id === wanted) ?? list.data.items[0]!;
  const subject = uuidParam(event.url, 'subject') ?? 'chain';
  const cardPath = { ...path, scorecardId: summary.id };

  const [detailResult, actionsResult] = await Promise.all([
    api.GET('/v1/networks/{networkId}/scorecards/{scorecardId}', { params: { path: cardPath } }),
    api.GET('/v1/networks/{networkId}/scorecard-actions', { params: { path, query: { status: 'open' } } }),
  ]);
  if (!detailResult.data) fail500(detailResult.error);
  if (!actionsResult.data) fail500(actionsResult.error);
  const scorecard: Scorecard = detailResult.data;
  // a period of another scorecard (the picker keeps the period when the card changes) means its current one
  const asked = uuidParam(event.url, 'period');
  const periodParam = scorecard.periods.some((p) => p.id === asked) ? asked : null;

  const periodView = (period: string) =>
    api.GET('/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{period}', {
      params: { path: { ...cardPath, period }, query: { subject } },
    });
  let viewResult = await periodView(periodParam ?? 'current');
  // Between the end of a period and the next recompute there may be no current one yet: show the latest.
  const latest = scorecard.periods[0]; // newest first
  if (!viewResult.data && viewResult.error?.status === 404 && !periodParam && latest) {
    viewResult = await periodView(latest.id);
  }
  // The operation also answers text/csv (?format=csv), so its data is typed as JSON or a string.
  const view = viewResult.data && typeof viewResult.data === 'object' ? viewResult.data : null;
  if (!view) fail500(viewResult.error);

  const measureId = uuidParam(event.url, 'measure');
  let detail: MeasureDetail | null = null;
  let detailProblem: string | null = null;
  if (measureId) {
    const result = await api.GET(
      '/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/measures/{measureId}',
      { params: { path: { ...cardPath, periodId: view.period.id, measureId }, query: { subject } } },
    );
    detail = result.data ?? null;
    detailProblem = result.error ? (result.error.detail ?? result.error.title ?? 'Not found') : null;
  }

  return {
    ...base,
    scorecards: list.data.items,
    scorecard,
    view,
    actions: actionsResult.data.items,
    detail,
    detailProblem,
    subject,
  };
};

/** The network the actions act on, or a failure saying why there is none. */
function actionNetwork(event: RequestEvent, form: string) {
  const { me, api } = requireMe(event);
  const { network, state } = memberNetwork(me, event);
  if (!network || state !== 'active') {
    return { failure: invalid(form, 'Your firm is not an active member of a network yet.') } as const;
  }
  return { failure: null, network, me, api } as const;
}

/** The ids a per-measure form carries, checked. */
function ids(formData: FormData, names: readonly string[]): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = field(formData, name);
    if (!UUID.test(value)) return null;
    out[name] = value;
  }
  return out;
}

const stale = 'The page is out of date. Reload it and try again.';

export const actions: Actions = {
  create: async (event) => {
    const formData = await event.request.formData();
    const name = field(formData, 'name') || 'Joint scorecard';
    const periodKind = field(formData, 'periodKind') || 'quarter';
    const template = field(formData, 'template') || 'default';
    if (periodKind !== 'month' && periodKind !== 'quarter' && periodKind !== 'year') {
      return invalid('create', 'Choose month, quarter or year as the period.');
    }
    if (template !== 'default' && template !== 'empty') return invalid('create', 'Choose a template.');
    const { failure, network, api } = actionNetwork(event, 'create');
    if (failure) return failure;
    const { data, error: problem } = await api.POST('/v1/networks/{networkId}/scorecards', {
      params: { path: { networkId: network.id } },
      body: { name, periodKind, template },
    });
    if (problem) return failWith('create', problem, { values: { name } });
    return {
      form: 'create',
      success: `Created “${data.name}” with ${data.measures.length} measures. Its first period is being scored.`,
      created: data.id,
    };
  },

  recompute: async (event) => {
    const formData = await event.request.formData();
    const scorecardId = field(formData, 'scorecardId');
    if (!UUID.test(scorecardId)) return invalid('recompute', stale);
    const { failure, network, api } = actionNetwork(event, 'recompute');
    if (failure) return failure;
    const { error: problem } = await api.POST('/v1/networks/{networkId}/scorecards/{scorecardId}/recompute', {
      params: { path: { networkId: network.id, scorecardId } },
      body: {},
    });
    if (problem) return failWith('recompute', problem);
    return {
      form: 'recompute',
      success: 'Recomputed for your firm from the latest data; the partners’ views follow in the background.',
    };
  },

  signOff: async (event) => {
    const formData = await event.request.formData();
    const got = ids(formData, ['scorecardId', 'periodId']);
    if (!got) return invalid('signOff', stale);
    const { failure, network, api } = actionNetwork(event, 'signOff');
    if (failure) return failure;
    const { error: problem } = await api.POST(
      '/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/sign-off',
      {
        params: { path: { networkId: network.id, scorecardId: got.scorecardId!, periodId: got.periodId! } },
        body: {},
      },
    );
    if (problem) return failWith('signOff', problem);
    return { form: 'signOff', success: 'Signed off for your firm.' };
  },

  comment: async (event) => {
    const formData = await event.request.formData();
    const got = ids(formData, ['scorecardId', 'periodId', 'measureId']);
    const body = field(formData, 'body');
    if (!got) return invalid('comment', stale);
    if (!body) return invalid('comment', 'Write a comment first.');
    const { failure, network, api } = actionNetwork(event, 'comment');
    if (failure) return failure;
    const { error: problem } = await api.POST(
      '/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/measures/{measureId}/comments',
      {
        params: {
          path: {
            networkId: network.id,
            scorecardId: got.scorecardId!,
            periodId: got.periodId!,
            measureId: got.measureId!,
          },
        },
        body: { body },
      },
    );
    if (problem) return failWith('comment', problem, { values: { body } });
    return { form: 'comment', success: 'Comment added.' };
  },

  addAction: async (event) => {
    const formData = await event.request.formData();
    const got = ids(formData, ['scorecardId', 'periodId', 'measureId']);
    const values = {
      title: field(formData, 'title'),
      ownerFirmId: field(formData, 'ownerFirmId'),
      dueOn: field(formData, 'dueOn'),
    };
    if (!got) return invalid('addAction', stale);
    if (!values.title) return invalid('addAction', 'Say what is to be done.', { values });
    if (!UUID.test(values.ownerFirmId))
      return invalid('addAction', 'Choose the firm that owns the action.', { values });
    if (!DAY.test(values.dueOn)) return invalid('addAction', 'Choose a due date.', { values });
    const { failure, network, api } = actionNetwork(event, 'addAction');
    if (failure) return failure;
    const { data, error: problem } = await api.POST(
      '/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/measures/{measureId}/actions',
      {
        params: {
          path: {
            networkId: network.id,
            scorecardId: got.scorecardId!,
            periodId: got.periodId!,
            measureId: got.measureId!,
          },
        },
        body: values,
      },
    );
    if (problem) return failWith('addAction', problem, { values });
    return { form: 'addAction', success: `Action “${data.title}” raised for ${data.ownerFirmName}.` };
  },

  actionStatus: async (event) => {
    const formData = await event.request.formData();
    const actionId = field(formData, 'actionId');
    const status = field(formData, 'status');
    if (!UUID.test(actionId)) return invalid('actionStatus', stale);
    if (status !== 'open' && status !== 'in_progress' && status !== 'done') {
      return invalid('actionStatus', 'Choose open, in progress or done.', { target: actionId });
    }
    const { failure, network, api } = actionNetwork(event, 'actionStatus');
    if (failure) return failure;
    const { data, error: problem } = await api.PATCH('/v1/networks/{networkId}/scorecard-actions/{actionId}', {
      params: { path: { networkId: network.id, actionId } },
      body: { status },
    });
    if (problem) return failWith('actionStatus', problem, { target: actionId });
    const words = { open: 'open again', in_progress: 'in progress', done: 'done' } as const;
    return { form: 'actionStatus', target: actionId, success: `“${data.title}” is ${words[data.status]}.` };
  },

  manualValue: async (event) => {
    const formData = await event.request.formData();
    const got = ids(formData, ['scorecardId', 'periodId', 'measureId']);
    const values = { value: field(formData, 'value'), comment: field(formData, 'comment') };
    const percent = field(formData, 'unit') === '%';
    const subject = field(formData, 'subjectFirmId');
    if (!got) return invalid('manualValue', stale);
    const entered = Number(values.value);
    if (values.value === '' || !Number.isFinite(entered)) {
      return invalid('manualValue', 'Enter the value as a number.', { values });
    }
    if (!values.comment) return invalid('manualValue', 'Say where the value comes from.', { values });
    const { failure, network, api } = actionNetwork(event, 'manualValue');
    if (failure) return failure;
    const { error: problem } = await api.PUT(
      '/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/measures/{measureId}/manual-value',
      {
        params: {
          path: {
            networkId: network.id,
            scorecardId: got.scorecardId!,
            periodId: got.periodId!,
            measureId: got.measureId!,
          },
        },
        body: {
          // percentages are entered as percent, stored as fractions
          value: percent ? entered / 100 : entered,
          comment: values.comment,
          ...(UUID.test(subject) ? { subjectFirmId: subject } : {}),
        },
      },
    );
    if (problem) return failWith('manualValue', problem, { values });
    return { form: 'manualValue', success: 'Value saved; the scorecard is being scored with it.' };
  },
};
