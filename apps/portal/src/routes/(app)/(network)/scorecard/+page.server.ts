// Scorecard: the network's joint balanced scorecard as the acting firm sees it, for one period and one subject
// (the whole chain or a member firm): overall and perspective scores, the measure table with traffic lights,
// sign-offs and the network's open actions. `?measure=<id>` adds a measure's drill-down: partners ranked, its
// trend, where its value comes from, comments and actions. The focal firm creates the scorecard.
import * as v from 'valibot';
import { hasRole } from '$lib/format';
import { fail500, failWith } from '$lib/server/api';
import { choice, day, readForm, required, text, uuid } from '$lib/server/form-schema';
import { actionNetwork, activeNetwork } from '$lib/server/network';
import type { Actions, PageServerLoad } from './$types';
import type { MeasureDetail, Scorecard } from './scorecard';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notLoaded = 'The scorecard could not be loaded.';

/** A uuid query parameter, or null (anything else is ignored rather than sent to the API). */
function uuidParam(url: URL, name: string): string | null {
  const value = url.searchParams.get(name)?.trim() ?? '';
  return UUID.test(value) ? value : null;
}

export const load: PageServerLoad = async (event) => {
  event.depends('app:scorecard');
  const { api, me, network } = activeNetwork(event);
  const base = {
    isFocal: network?.focalFirmId === me.firm.id,
    isManager: hasRole(me.firm.role, 'manager'),
    isAnalyst: hasRole(me.firm.role, 'analyst'),
  };
  const empty = { scorecards: [], scorecard: null, view: null, actions: [], detail: null, subject: 'chain' };
  if (!network) return { ...base, ...empty };

  const path = { networkId: network.id };
  const list = await api.GET('/v1/networks/{networkId}/scorecards', { params: { path } });
  if (!list.data) fail500(list.error, notLoaded);
  if (list.data.items.length === 0) return { ...base, ...empty };

  const wanted = uuidParam(event.url, 'card');
  const summary = list.data.items.find((c) => c.id === wanted) ?? list.data.items[0]!;
  const subject = uuidParam(event.url, 'subject') ?? 'chain';
  const cardPath = { ...path, scorecardId: summary.id };

  const [detailResult, actionsResult] = await Promise.all([
    api.GET('/v1/networks/{networkId}/scorecards/{scorecardId}', { params: { path: cardPath } }),
    api.GET('/v1/networks/{networkId}/scorecard-actions', { params: { path, query: { status: 'open' } } }),
  ]);
  if (!detailResult.data) fail500(detailResult.error, notLoaded);
  if (!actionsResult.data) fail500(actionsResult.error, notLoaded);
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
  if (!view) fail500(viewResult.error, notLoaded);

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

const stale = 'The page is out of date. Reload it and try again.';

/** A form's default when left empty. */
const orDefault = (fallback: string) =>
  v.pipe(
    text(),
    v.transform((value) => value || fallback),
  );

const newScorecard = v.object({
  name: orDefault('Joint scorecard'),
  periodKind: v.pipe(
    orDefault('quarter'),
    v.picklist(['month', 'quarter', 'year'], 'Choose month, quarter or year as the period.'),
  ),
  template: v.pipe(orDefault('default'), v.picklist(['default', 'empty'], 'Choose a template.')),
});

const scorecardForm = v.object({ scorecardId: uuid(stale) });
const periodForm = v.object({ scorecardId: uuid(stale), periodId: uuid(stale) });
const measureIds = { scorecardId: uuid(stale), periodId: uuid(stale), measureId: uuid(stale) };

const measureComment = v.object({ ...measureIds, body: required('Write a comment first.') });

const newAction = v.object({
  ...measureIds,
  title: required('Say what is to be done.'),
  ownerFirmId: uuid('Choose the firm that owns the action.'),
  dueOn: day('Choose a due date.'),
});

const actionStatus = v.object({
  actionId: uuid(stale),
  status: choice(['open', 'in_progress', 'done'], 'Choose open, in progress or done.'),
});

const manualValue = v.object({
  ...measureIds,
  value: v.pipe(
    required('Enter the value as a number.'),
    v.transform(Number),
    v.finite('Enter the value as a number.'),
  ),
  comment: required('Say where the value comes from.'),
  unit: text(),
  subjectFirmId: text(),
});

export const actions: Actions = {
  create: async (event) => {
    const posted = await readForm(event, 'create', newScorecard);
    if (!posted.ok) return posted.failure;
    const { name, periodKind, template } = posted.data;
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
    const posted = await readForm(event, 'recompute', scorecardForm);
    if (!posted.ok) return posted.failure;
    const { scorecardId } = posted.data;
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
    const posted = await readForm(event, 'signOff', periodForm);
    if (!posted.ok) return posted.failure;
    const got = posted.data;
    const { failure, network, api } = actionNetwork(event, 'signOff');
    if (failure) return failure;
    const { error: problem } = await api.POST(
      '/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/sign-off',
      {
        params: { path: { networkId: network.id, scorecardId: got.scorecardId, periodId: got.periodId } },
        body: {},
      },
    );
    if (problem) return failWith('signOff', problem);
    return { form: 'signOff', success: 'Signed off for your firm.' };
  },

  comment: async (event) => {
    const posted = await readForm(event, 'comment', measureComment);
    if (!posted.ok) return posted.failure;
    const { body, ...got } = posted.data;
    const { failure, network, api } = actionNetwork(event, 'comment');
    if (failure) return failure;
    const { error: problem } = await api.POST(
      '/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/measures/{measureId}/comments',
      {
        params: {
          path: {
            networkId: network.id,
            scorecardId: got.scorecardId,
            periodId: got.periodId,
            measureId: got.measureId,
          },
        },
        body: { body },
      },
    );
    if (problem) return failWith('comment', problem, { values: { body } });
    return { form: 'comment', success: 'Comment added.' };
  },

  addAction: async (event) => {
    const posted = await readForm(event, 'addAction', newAction, { values: ['title', 'ownerFirmId', 'dueOn'] });
    if (!posted.ok) return posted.failure;
    const { title, ownerFirmId, dueOn, ...got } = posted.data;
    const values = { title, ownerFirmId, dueOn };
    const { failure, network, api } = actionNetwork(event, 'addAction');
    if (failure) return failure;
    const { data, error: problem } = await api.POST(
      '/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/measures/{measureId}/actions',
      {
        params: {
          path: {
            networkId: network.id,
            scorecardId: got.scorecardId,
            periodId: got.periodId,
            measureId: got.measureId,
          },
        },
        body: values,
      },
    );
    if (problem) return failWith('addAction', problem, { values });
    return { form: 'addAction', success: `Action “${data.title}” raised for ${data.ownerFirmName}.` };
  },

  actionStatus: async (event) => {
    const posted = await readForm(event, 'actionStatus', actionStatus, { targetField: 'actionId' });
    if (!posted.ok) return posted.failure;
    const { actionId, status } = posted.data;
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
    const posted = await readForm(event, 'manualValue', manualValue, { values: ['value', 'comment'] });
    if (!posted.ok) return posted.failure;
    const { values } = posted;
    const { value: entered, comment, unit, subjectFirmId: subject, ...got } = posted.data;
    const percent = unit === '%';
    const { failure, network, api } = actionNetwork(event, 'manualValue');
    if (failure) return failure;
    const { error: problem } = await api.PUT(
      '/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/measures/{measureId}/manual-value',
      {
        params: {
          path: {
            networkId: network.id,
            scorecardId: got.scorecardId,
            periodId: got.periodId,
            measureId: got.measureId,
          },
        },
        body: {
          // percentages are entered as percent, stored as fractions
          value: percent ? entered / 100 : entered,
          comment,
          ...(UUID.test(subject) ? { subjectFirmId: subject } : {}),
        },
      },
    );
    if (problem) return failWith('manualValue', problem, { values });
    return { form: 'manualValue', success: 'Value saved; the scorecard is being scored with it.' };
  },
};
