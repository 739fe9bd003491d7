// One relationship (the focal firm's with one partner) as either of its firms sees it: value, where it sits on the
// spectrum by both sides' answers, integration levels, boundary spanners, survey history and, for the focal firm,
// the strategy-team recommendation. Each side answers its own assessment and names its own contacts; the focal
// firm's managers set the relationship stage.
import { error } from '@sveltejs/kit';
import { hasRole, isRelationshipStage, stageLabel } from '$lib/format';
import { integrationLevels, spectrumIndicators } from '$lib/relationships';
import { failWith, field, invalid } from '$lib/server/api';
import { requireMe } from '$lib/server/guard';
import { memberNetwork } from '$lib/server/network';
import { answerFailure, likertFromForm, unanswered } from '$lib/server/relationships';
import type { Problem } from '$lib/types';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fail500(problem: Problem | null | undefined): never {
  error(problem?.status ?? 500, {
    message:
      problem?.status === 404
        ? 'No such relationship: your firm is not party to it.'
        : (problem?.detail ?? problem?.title ?? 'The relationship could not be loaded.'),
    ...(problem?.code ? { code: problem.code } : {}),
  });
}

export const load: PageServerLoad = async (event) => {
  const { api, me } = requireMe(event);
  const { network, state } = memberNetwork(me, event);
  const base = {
    network,
    state,
    isFocal: network?.focalFirmId === me.firm.id,
    isManager: hasRole(me.firm.role, 'manager'),
  };
  if (!network || state !== 'active') return { ...base, profile: null, ownPeople: [], focalName: '' };
  if (!UUID.test(event.params.firmId)) error(404, { message: 'No such partner.' });

  const path = { networkId: network.id };
  const [profile, people] = await Promise.all([
    api.GET('/v1/networks/{networkId}/partners/{firmId}', {
      params: { path: { ...path, firmId: event.params.firmId } },
    }),
    api.GET('/v1/networks/{networkId}/people', { params: { path } }),
  ]);
  if (!profile.data) fail500(profile.error);
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
function actionTarget(event: RequestEvent, form: string) {
  const { me, api } = requireMe(event);
  const { network, state } = memberNetwork(me, event);
  if (!network || state !== 'active') {
    return { failure: invalid(form, 'Your firm is not an active member of a network yet.') } as const;
  }
  if (!UUID.test(event.params.firmId)) return { failure: invalid(form, 'No such partner.') } as const;
  return { failure: null, network, me, api, firmId: event.params.firmId } as const;
}

const fieldOfPath = (path: string) => path.replace(/^\//, '').replace(/\//g, '_');

export const actions: Actions = {
  assess: async (event) => {
    const formData = await event.request.formData();
    const spectrum = likertFromForm(formData, spectrumIndicators, 'spectrum_');
    const integration = likertFromForm(formData, integrationLevels, 'integration_');
    const note = field(formData, 'note');
    const parsed = {
      answers: {},
      values: { ...spectrum.values, ...integration.values },
      fieldErrors: { ...spectrum.fieldErrors, ...integration.fieldErrors },
    };
    if (Object.keys(parsed.fieldErrors).length) return unanswered('assess', parsed, { values: { note } });
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
    const formData = await event.request.formData();
    const values = { userId: field(formData, 'userId'), role: field(formData, 'role') };
    if (!UUID.test(values.userId)) return invalid('addContact', 'Choose one of your people.', { values });
    if (!values.role) return invalid('addContact', 'Say what they do for the relationship.', { values });
    const { failure, network, api, firmId } = actionTarget(event, 'addContact');
    if (failure) return failure;
    const { data, error: problem } = await api.POST('/v1/networks/{networkId}/partners/{firmId}/contacts', {
      params: { path: { networkId: network.id, firmId } },
      body: values,
    });
    if (problem) return failWith('addContact', problem, { values });
    return { form: 'addContact', success: `${data.person.name} is a contact as ${data.role}.` };
  },

  removeContact: async (event) => {
    const formData = await event.request.formData();
    const contactId = field(formData, 'contactId');
    if (!UUID.test(contactId)) return invalid('removeContact', 'The page is out of date. Reload it and try again.');
    const { failure, network, api, firmId } = actionTarget(event, 'removeContact');
    if (failure) return failure;
    const { error: problem } = await api.DELETE('/v1/networks/{networkId}/partners/{firmId}/contacts/{contactId}', {
      params: { path: { networkId: network.id, firmId, contactId } },
    });
    if (problem) return failWith('removeContact', problem, { target: contactId });
    return { form: 'removeContact', success: 'Contact removed.' };
  },

  stage: async (event) => {
    const formData = await event.request.formData();
    const relationshipStage = field(formData, 'relationshipStage');
    if (!isRelationshipStage(relationshipStage)) return invalid('stage', 'Choose a relationship stage.');
    const { failure, network, api, firmId } = actionTarget(event, 'stage');
    if (failure) return failure;
    const { data, error: problem } = await api.PATCH('/v1/networks/{networkId}/members/{firmId}', {
      params: { path: { networkId: network.id, firmId } },
      body: { relationshipStage },
    });
    if (problem) return failWith('stage', problem);
    return { form: 'stage', success: `Stage set to ${stageLabel(data.relationshipStage).toLowerCase()}.` };
  },
};
