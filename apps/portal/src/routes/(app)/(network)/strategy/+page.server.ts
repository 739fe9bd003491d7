// Strategy: the network's joint CRM strategy as the acting user may see it. One version is shown (`?version=<id>`;
// by default the open draft or version in review for the strategy team, else the latest published one) with its
// sections, comments and decisions; beside it the partners' sign-off standing, the version history and the team.
// `?from=<id>&to=<id>` adds the diff of two versions. Team members edit a draft (`?mode=read` shows it as readers
// see it, with its comments); the lifecycle, comment, decision and team forms post to the actions below.
import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { allPages, fail500, failWith, field, problemErrors, problemMessage } from '$lib/server/api';
import { choice, checkForm, readForm, required, text, uuid } from '$lib/server/form-schema';
import { actionNetwork, activeNetwork } from '$lib/server/network';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import {
  fieldOfPath,
  sections,
  type EditorResult,
  type FieldErrors,
  type FirmOption,
  type MeasureOption,
  type NetworkPerson,
  type StrategyDiff,
  type StrategyOverview,
  type StrategyVersion,
} from '$lib/strategy';
import { applyRowEdit, readEditorForm } from '$lib/strategy-form';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notLoaded = 'The strategy could not be loaded.';

function uuidParam(url: URL, name: string): string | null {
  const value = url.searchParams.get(name)?.trim() ?? '';
  return UUID.test(value) ? value : null;
}

export const load: PageServerLoad = async (event) => {
  event.depends('app:strategy');
  const { api, network } = activeNetwork(event);
  const empty = {
    overview: null as StrategyOverview | null,
    version: null as StrategyVersion | null,
    measures: [] as MeasureOption[],
    firms: [] as FirmOption[],
    segments: null as string[] | null,
    candidates: [] as NetworkPerson[],
    diff: null as StrategyDiff | null,
    diffProblem: null as string | null,
    editing: false,
  };
  if (!network) return { ...empty };

  const path = { networkId: network.id };
  const [overviewResult, members, scorecards] = await Promise.all([
    api.GET('/v1/networks/{networkId}/strategy', { params: { path } }),
    allPages((cursor) =>
      api.GET('/v1/networks/{networkId}/members', {
        params: { path, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
      }),
    ),
    api.GET('/v1/networks/{networkId}/scorecards', { params: { path } }),
  ]);
  if (!overviewResult.data) fail500(overviewResult.error, notLoaded);
  if (members.error) fail500(members.error, notLoaded);
  if (!scorecards.data) fail500(scorecards.error, notLoaded);
  const overview = overviewResult.data;

  const firms: FirmOption[] = members.items
    .filter((m) => m.status === 'active')
    .map((m) => ({ id: m.firm.id, name: m.firm.name, focal: m.isFocalFirm }));

  // Measure names for the objectives and success measures: every current measure of the network's scorecards.
  const details = await Promise.all(
    scorecards.data.items.map((card) =>
      api.GET('/v1/networks/{networkId}/scorecards/{scorecardId}', {
        params: { path: { ...path, scorecardId: card.id } },
      }),
    ),
  );
  const measures: MeasureOption[] = details.flatMap((d) =>
    (d.data?.measures ?? [])
      .filter((m) => !m.retired)
      .map((m) => ({ id: m.id, name: m.name, scorecard: d.data!.name, unit: m.unit })),
  );

  const wanted = uuidParam(event.url, 'version');
  const chosen =
    overview.versions.find((v) => v.id === wanted)?.id ??
    (overview.you.onTeam ? overview.openVersionId : null) ??
    overview.latestPublishedId ??
    overview.versions[0]?.id ??
    null;
  let version: StrategyVersion | null = null;
  if (chosen) {
    const result = await api.GET('/v1/networks/{networkId}/strategy/versions/{versionId}', {
      params: { path: { ...path, versionId: chosen } },
    });
    if (!result.data) fail500(result.error, notLoaded);
    version = result.data;
  }
  const editing = Boolean(
    version && overview.you.onTeam && version.status === 'draft' && event.url.searchParams.get('mode') !== 'read',
  );

  let segments: string[] | null = null;
  if (editing) {
    const schemes = await api.GET('/v1/networks/{networkId}/segmentation-schemes', { params: { path } });
    segments = schemes.data?.items[0]?.segments.map((s) => s.name) ?? null;
  }

  let candidates: NetworkPerson[] = [];
  if (overview.you.focal && overview.you.onTeam) {
    const people = await api.GET('/v1/networks/{networkId}/people', { params: { path } });
    const focalIds = new Set(firms.filter((f) => f.focal).map((f) => f.id));
    const onTeam = new Set(overview.team.map((t) => t.id));
    candidates = (people.data?.items ?? []).filter(
      (p) => !focalIds.has(p.firmId) && (p.role === 'firm_admin' || p.role === 'manager') && !onTeam.has(p.id),
    );
  }

  const from = uuidParam(event.url, 'from');
  const to = uuidParam(event.url, 'to');
  let diff: StrategyDiff | null = null;
  let diffProblem: string | null = null;
  if (from && to) {
    const result = await api.GET('/v1/networks/{networkId}/strategy/diff', { params: { path, query: { from, to } } });
    diff = result.data ?? null;
    diffProblem = result.error ? problemMessage(result.error) : null;
  }

  return {
    ...empty,
    overview,
    version,
    measures,
    firms,
    segments,
    candidates,
    diff,
    diffProblem,
    editing,
  };
};

const stale = 'The page is out of date. Reload it and try again.';

const version = v.object({ versionId: uuid(stale) });

const newVersion = v.object({ title: text() });

/** The editor's own fields; its content is read by readEditorForm. */
const draft = v.object({ versionId: uuid(stale), baseUpdatedAt: text() });

const sectionComment = v.object({
  versionId: uuid(stale),
  section: choice(sections, stale),
  body: required('Write a comment first.'),
});

const decision = v.pipe(
  v.object({
    versionId: uuid(stale),
    decision: choice(['signed', 'changes_requested'], 'Choose a decision.'),
    reason: text(),
  }),
  v.forward(
    v.partialCheck(
      [['decision'], ['reason']],
      (form) => form.decision !== 'changes_requested' || form.reason !== '',
      'Say what should change before requesting changes.',
    ),
    ['reason'],
  ),
);

const invitation = v.object({ userId: uuid('Choose a partner manager to invite.') });
const removal = v.object({ userId: uuid(stale) });

/** A new objective measure or success measure starts on the first measure, due in a year. */
function rowDefaults() {
  return { measureId: '', dueDate: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10) };
}

/** The editor's failure: the content as sent, with the problems by field (and those of no field in the message). */
function editorFailure(
  status: number,
  base: Omit<EditorResult, 'form' | 'errors' | 'message'>,
  message: string,
  errors: FieldErrors = {},
) {
  return fail(status, { form: 'editor' as const, ...base, message, errors });
}

/** Saves the editor's form; the editor's failure, or null when saved. */
async function saveDraft(event: RequestEvent, formData: FormData) {
  const posted = checkForm(formData, 'editor', draft);
  if (!posted.ok) return posted.failure;
  const { versionId, baseUpdatedAt } = posted.data;
  const { title, content, errors } = readEditorForm(formData);
  const base = { versionId, title, content };
  if (Object.keys(errors).length) {
    return editorFailure(400, base, 'Some fields need attention; nothing was saved.', errors);
  }
  const { failure, network, api } = actionNetwork(event, 'editor');
  if (failure) return failure;
  const { error: problem } = await api.PUT('/v1/networks/{networkId}/strategy/versions/{versionId}', {
    params: { path: { networkId: network.id, versionId } },
    body: { title, content, ...(baseUpdatedAt ? { baseUpdatedAt } : {}) },
  });
  if (!problem) return null;
  const fieldErrors: FieldErrors = problemErrors(problem, fieldOfPath);
  const message =
    problem.code === 'validation_failed' || problem.code === 'invalid_strategy'
      ? `${problem.detail ?? 'Some fields need attention.'} Nothing was saved.`
      : problemMessage(problem);
  return editorFailure(problem.status ?? 400, base, message, fieldErrors);
}

/** A lifecycle step on a version (submit, return, publish). */
async function step(event: RequestEvent, which: 'submit' | 'return' | 'publish', versionId: string) {
  const { failure, network, api } = actionNetwork(event, 'lifecycle');
  if (failure) return failure;
  const params = { path: { networkId: network.id, versionId } };
  const result =
    which === 'submit'
      ? await api.POST('/v1/networks/{networkId}/strategy/versions/{versionId}/submit', { params })
      : which === 'return'
        ? await api.POST('/v1/networks/{networkId}/strategy/versions/{versionId}/return', { params })
        : await api.POST('/v1/networks/{networkId}/strategy/versions/{versionId}/publish', { params });
  if (result.error) return failWith('lifecycle', result.error);
  const v = result.data;
  const words = {
    submit: `Version ${v.version} is in review: the team can read and comment on it before it is published.`,
    return: `Version ${v.version} is a draft again.`,
    publish: `Version ${v.version} is published. The partners’ executive sponsors are asked to sign it off.`,
  };
  return { form: 'lifecycle', success: words[which] };
}

export const actions: Actions = {
  start: async (event) => {
    const posted = await readForm(event, 'start', newVersion);
    if (!posted.ok) return posted.failure;
    const { title } = posted.data;
    const { failure, network, api } = actionNetwork(event, 'start');
    if (failure) return failure;
    const { data, error: problem } = await api.POST('/v1/networks/{networkId}/strategy/versions', {
      params: { path: { networkId: network.id } },
      body: title ? { title } : {},
    });
    if (problem) return failWith('start', problem, { values: { title } });
    redirect(303, `/strategy?version=${data.id}`);
  },

  /** Adds or removes a row of the editor without saving (the round trip that stands in for scripts). */
  edit: async (event) => {
    const formData = await event.request.formData();
    const posted = checkForm(formData, 'editor', v.object({ versionId: uuid(stale), edit: text() }));
    if (!posted.ok) return posted.failure;
    const { versionId, edit } = posted.data;
    const { title, content } = readEditorForm(formData);
    const focus = applyRowEdit(content, edit, rowDefaults());
    return { form: 'editor', versionId, title, content, ...(focus ? { focus } : {}) } satisfies EditorResult;
  },

  save: async (event) => {
    const formData = await event.request.formData();
    const failure = await saveDraft(event, formData);
    if (failure) return failure;
    return { form: 'lifecycle', success: 'Draft saved.' };
  },

  /** Saves the draft as it is in the form, then puts it in review. */
  submit: async (event) => {
    const formData = await event.request.formData();
    const failure = await saveDraft(event, formData);
    if (failure) return failure;
    return step(event, 'submit', field(formData, 'versionId'));
  },

  return: async (event) => {
    const posted = await readForm(event, 'lifecycle', version);
    if (!posted.ok) return posted.failure;
    return step(event, 'return', posted.data.versionId);
  },

  publish: async (event) => {
    const posted = await readForm(event, 'lifecycle', version);
    if (!posted.ok) return posted.failure;
    return step(event, 'publish', posted.data.versionId);
  },

  discard: async (event) => {
    const posted = await readForm(event, 'lifecycle', version);
    if (!posted.ok) return posted.failure;
    const { versionId } = posted.data;
    const { failure, network, api } = actionNetwork(event, 'lifecycle');
    if (failure) return failure;
    const { error: problem } = await api.DELETE('/v1/networks/{networkId}/strategy/versions/{versionId}', {
      params: { path: { networkId: network.id, versionId } },
    });
    if (problem) return failWith('lifecycle', problem);
    redirect(303, '/strategy');
  },

  comment: async (event) => {
    // the message appears under the section's comment form
    const posted = await readForm(event, 'comment', sectionComment, { targetField: 'section' });
    if (!posted.ok) return posted.failure;
    const { versionId, section, body } = posted.data;
    const { failure, network, api } = actionNetwork(event, 'comment');
    if (failure) return failure;
    const { error: problem } = await api.POST('/v1/networks/{networkId}/strategy/versions/{versionId}/comments', {
      params: { path: { networkId: network.id, versionId } },
      body: { section, body },
    });
    if (problem) return failWith('comment', problem, { target: section, values: { body } });
    return { form: 'comment', target: section, success: 'Comment added.' };
  },

  decide: async (event) => {
    const posted = await readForm(event, 'decide', decision, { values: ['reason'] });
    if (!posted.ok) return posted.failure;
    const { versionId, decision: choice, reason } = posted.data;
    const { failure, network, api } = actionNetwork(event, 'decide');
    if (failure) return failure;
    const { data, error: problem } = await api.POST(
      '/v1/networks/{networkId}/strategy/versions/{versionId}/decisions',
      {
        params: { path: { networkId: network.id, versionId } },
        body: choice === 'signed' ? { decision: choice, ...(reason ? { reason } : {}) } : { decision: choice, reason },
      },
    );
    if (problem) return failWith('decide', problem, { values: { reason } });
    return {
      form: 'decide',
      success:
        data.decision === 'signed'
          ? `Signed off version ${data.version} for ${data.firmName}.`
          : `Changes requested on version ${data.version}; the strategy team is told.`,
    };
  },

  invite: async (event) => {
    const posted = await readForm(event, 'team', invitation);
    if (!posted.ok) return posted.failure;
    const { userId } = posted.data;
    const { failure, network, api } = actionNetwork(event, 'team');
    if (failure) return failure;
    const { data, error: problem } = await api.POST('/v1/networks/{networkId}/strategy/team', {
      params: { path: { networkId: network.id } },
      body: { userId },
    });
    if (problem) return failWith('team', problem);
    return { form: 'team', success: `${data.name} (${data.firmName}) is on the strategy team.` };
  },

  remove: async (event) => {
    const posted = await readForm(event, 'team', removal);
    if (!posted.ok) return posted.failure;
    const { userId } = posted.data;
    const { failure, network, api } = actionNetwork(event, 'team');
    if (failure) return failure;
    const { error: problem } = await api.DELETE('/v1/networks/{networkId}/strategy/team/{userId}', {
      params: { path: { networkId: network.id, userId } },
    });
    if (problem) return failWith('team', problem, { target: userId });
    return { form: 'team', success: 'Taken off the strategy team.' };
  },
};
