// One relationship (the focal firm's with one partner) as either of its firms sees it: value, where it sits on the
// spectrum by both sides' answers, integration levels, boundary spanners, survey history and, for the focal firm,
// the strategy-team recommendation. Each side answers its own assessment and names its own contacts; the focal
// firm's managers set the relationship stage.
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { hasRole, relationshipStages, stageLabel } from '$lib/format';
import { integrationLevels, spectrumIndicators } from '$lib/relationships';
import { fail500, failWith, invalid } from '$lib/server/api';
import { checkForm, choice, readForm, required, text, uuid } from '$lib/server/form-schema';
import { actionNetwork, activeNetwork, type ActionNetwork } from '$lib/server/network';
import { answerFailure, likertFromForm, unanswered } from '$lib/server/relationships';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async (event) => {
  const { api, me, network } = activeNetwork(event);
  const base = { isFocal: network?.focalFirmId === me.firm.id, isManager: hasRole(me.firm.role, 'manager') };
  if (!network) return { ...base, profile: null, ownPeople: [], focalName: '' };
  if (!UUID.test(event.params.firmId)) error(404, { message: 'No such partner.' });

  const path = { networkId: network.id };
  const [profile, people] = await Promise.all([
    api.GET('/v1/networks/{networkId}/partners/{firmId}', {
      params: { path: { ...path, firmId: event.params.firmId } },
    }),
    api.GET('/v1/networks/{networkId}/people', { params: { path } }),
  ]);
  if (!profile.data) {
    fail500(
      profile.error,
      'The relationship could not be loaded.',
      'No such relationship: your firm is not party to it.',
    );
  }
  const focalName = base.isFocal
    ? me.firm.name
    : (people.data?.items.find((p) => p.firmId === network.focalFirmId)?.firmName ?? 'The focal firm');
  return {
    ...base,
    profile: profile.data,
    focalName,
    // a failing people list only hides the add-contact form
    ownPeople: (people.data?.items ?? []).filter((p) => p.firmId === me.firm.id),
  };
};

/** The network and partner the actions act on, or a failure saying why there are none. */
function actionTarget(event: RequestEvent, form: string): ActionNetwork<{ firmId: string }> {
  const scope = actionNetwork(event, form);
  if (scope.failure) return scope;
  if (!UUID.test(event.params.firmId)) return { failure: invalid(form, 'No such partner.') };
  return { ...scope, firmId: event.params.firmId };
}

const fieldOfPath = (path: string) => path.replace(/^\//, '').replace(/\//g, '_');

const assessment = v.object({ note: text() });

const contact = v.object({
  userId: uuid('Choose one of your people.'),
  role: required('Say what they do for the relationship.'),
});

const removal = v.object({ contactId: uuid('The page is out of date. Reload it and try again.') });

const stage = v.object({ relationshipStage: choice(relationshipStages, 'Choose a relationship stage.') });

export const actions: Actions = {
  assess: async (event) => {
    const formData = await event.request.formData();
    // The answers are radio groups named after the domain's indicators and levels.
    const spectrum = likertFromForm(formData, spectrumIndicators, 'spectrum_');
    const integration = likertFromForm(formData, integrationLevels, 'integration_');
    const posted = checkForm(formData, 'assess', assessment);
    if (!posted.ok) return posted.failure;
    const { note } = posted.data;
    const parsed = {
      answers: {},
      values: { ...spectrum.values, ...integration.values },
      errors: { ...spectrum.errors, ...integration.errors },
    };
    if (Object.keys(parsed.errors).length) return unanswered('assess', parsed, { values: { note } });
    const { failure, network, api, firmId } = actionTarget(event, 'assess');
    if (failure) return failure;
    const { error: problem } = await api.PUT('/v1/networks/{networkId}/partners/{firmId}/assessment', {
      params: { path: { networkId: network.id, firmId } },
      body: {
        spectrum: spectrum.answers,
        integration: integration.answers,
        note,
      },
    });
    if (problem) return answerFailure('assess', problem, parsed, fieldOfPath, { values: { note } });
    return { form: 'assess', success: 'Your side’s assessment is saved.' };
  },

  addContact: async (event) => {
    const posted = await readForm(event, 'addContact', contact, { values: ['userId', 'role'] });
    if (!posted.ok) return posted.failure;
    const { failure, network, api, firmId } = actionTarget(event, 'addContact');
    if (failure) return failure;
    const { data, error: problem } = await api.POST('/v1/networks/{networkId}/partners/{firmId}/contacts', {
      params: { path: { networkId: network.id, firmId } },
      body: posted.data,
    });
    if (problem) return failWith('addContact', problem, { values: posted.values });
    return { form: 'addContact', success: `${data.person.name} is a contact as ${data.role}.` };
  },

  removeContact: async (event) => {
    const posted = await readForm(event, 'removeContact', removal);
    if (!posted.ok) return posted.failure;
    const { contactId } = posted.data;
    const { failure, network, api, firmId } = actionTarget(event, 'removeContact');
    if (failure) return failure;
    const { error: problem } = await api.DELETE('/v1/networks/{networkId}/partners/{firmId}/contacts/{contactId}', {
      params: { path: { networkId: network.id, firmId, contactId } },
    });
    if (problem) return failWith('removeContact', problem, { target: contactId });
    return { form: 'removeContact', success: 'Contact removed.' };
  },

  stage: async (event) => {
    const posted = await readForm(event, 'stage', stage);
    if (!posted.ok) return posted.failure;
    const { failure, network, api, firmId } = actionTarget(event, 'stage');
    if (failure) return failure;
    const { data, error: problem } = await api.PATCH('/v1/networks/{networkId}/members/{firmId}', {
      params: { path: { networkId: network.id, firmId } },
      body: posted.data,
    });
    if (problem) return failWith('stage', problem);
    return { form: 'stage', success: `Stage set to ${stageLabel(data.relationshipStage).toLowerCase()}.` };
  },
};
