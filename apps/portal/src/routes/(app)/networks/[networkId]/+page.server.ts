// One network: its members with chain role, status, relationship stage and executive sponsor. The focal
// firm invites partners and sets relationship stages; each member names its own executive sponsor.
import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { chainRoles, relationshipStages, hasRole, chainRoleLabel, formatDate, stageLabel } from '$lib/format';
import { allPages, failWith, field } from '$lib/server/api';
import { choice, readForm, required, text } from '$lib/server/form-schema';
import { requireMe } from '$lib/server/guard';
import { cookieOptions, NETWORK_COOKIE } from '$lib/server/session';
import type { FirmInvitation, FirmUser } from '$lib/types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { api, me } = requireMe(event);
  const { networkId } = event.params;
  const path = { params: { path: { networkId } } };

  const [networkResult, membersResult] = await Promise.all([
    api.GET('/v1/networks/{networkId}', path),
    allPages((cursor) =>
      api.GET('/v1/networks/{networkId}/members', {
        params: { path: { networkId }, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  ]);
  const problem = networkResult.error ?? membersResult.error;
  if (problem || !networkResult.data) {
    const status = problem?.status ?? 500;
    error(status === 400 ? 404 : status, {
      message:
        status === 404 || status === 400
          ? 'Your firm is not in a network with that id.'
          : (problem?.detail ?? 'The network could not be loaded.'),
      ...(problem?.code ? { code: problem.code } : {}),
    });
  }
  const network = networkResult.data;
  const members = membersResult.items;

  // Remember the network for the switcher and the Partners link.
  if (me.networks.some((n) => n.id === networkId)) {
    event.cookies.set(NETWORK_COOKIE, networkId, cookieOptions(event.url, 365 * 86_400));
  }

  const ownMembership = members.find((m) => m.firm.id === me.firm.id) ?? null;
  let ownUsers: FirmUser[] = [];
  if (ownMembership && hasRole(me.firm.role, 'manager')) {
    const users = await allPages((cursor) =>
      api.GET('/v1/firms/{firmId}/users', {
        params: { path: { firmId: me.firm.id }, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
      }),
    );
    ownUsers = users.items.filter((u) => !u.deactivated);
  }

  // Invitations to firms not on Accord yet: the focal firm's managers follow them up (resend, withdraw).
  let firmInvitations: FirmInvitation[] = [];
  if (network.focalFirm.id === me.firm.id && hasRole(me.firm.role, 'manager')) {
    const { data } = await api.GET('/v1/networks/{networkId}/firm-invitations', path);
    firmInvitations = (data?.items ?? []).filter((i) => i.status === 'pending' || i.status === 'expired');
  }

  return {
    network,
    members,
    ownUsers,
    firmInvitations,
    created: event.url.searchParams.has('created'),
  };
};

const memberInvitation = v.object({
  firmSlug: v.pipe(required('Enter the partner firm’s slug, e.g. contoso.'), v.toLowerCase()),
  chainRole: v.union(
    [v.literal(''), choice(chainRoles, 'Choose a chain role from the list.')],
    'Choose a chain role from the list.',
  ),
});

const firmInvitation = v.object({
  email: required('Enter the email address to send the invitation to.'),
  firmName: text(),
  chainRole: choice(chainRoles, 'Choose the firm’s chain role.'),
});

const invitationRow = v.object({ firmInvitationId: text() });

const stage = v.object({
  firmId: required('Choose a relationship stage.'),
  relationshipStage: choice(relationshipStages, 'Choose a relationship stage.'),
});

const sponsor = v.object({ userId: text() });

const details = v.object({ name: required('The network needs a name.'), description: text() });

export const actions: Actions = {
  invite: async (event) => {
    const { api } = requireMe(event);
    const posted = await readForm(event, 'invite', memberInvitation, {
      values: (form) => ({
        firmSlug: field(form, 'firmSlug').toLowerCase(),
        chainRole: field(form, 'chainRole'),
      }),
    });
    if (!posted.ok) return posted.failure;
    const { values } = posted;
    const { firmSlug, chainRole } = posted.data;
    const { data, error: problem } = await api.POST('/v1/networks/{networkId}/members', {
      params: { path: { networkId: event.params.networkId } },
      body: { firmSlug, ...(chainRole ? { chainRole } : {}) },
    });
    if (problem) return failWith('invite', problem, { values });
    return {
      form: 'invite',
      success: `${data.firm.name} is invited as ${chainRoleLabel(data.chainRole).toLowerCase()}. Its firm admins can accept from their overview.`,
    };
  },

  inviteNewFirm: async (event) => {
    const { api } = requireMe(event);
    const posted = await readForm(event, 'inviteNewFirm', firmInvitation, {
      values: ['email', 'firmName', 'chainRole'],
    });
    if (!posted.ok) return posted.failure;
    const { values } = posted;
    const { email, firmName, chainRole } = posted.data;
    const { data, error: problem } = await api.POST('/v1/networks/{networkId}/firm-invitations', {
      params: { path: { networkId: event.params.networkId } },
      body: { email, chainRole, ...(firmName ? { firmName } : {}) },
    });
    if (problem) return failWith('inviteNewFirm', problem, { values });
    return {
      form: 'inviteNewFirm',
      success: `Invitation emailed to ${data.email}. When they register their firm it joins this network as ${chainRoleLabel(data.chainRole).toLowerCase()}.`,
    };
  },

  resendFirmInvitation: async (event) => {
    const { api } = requireMe(event);
    const posted = await readForm(event, 'firmInvitation', invitationRow);
    if (!posted.ok) return posted.failure;
    const { firmInvitationId } = posted.data;
    const { data, error: problem } = await api.POST(
      '/v1/networks/{networkId}/firm-invitations/{firmInvitationId}/resend',
      { params: { path: { networkId: event.params.networkId, firmInvitationId } }, body: {} },
    );
    if (problem) return failWith('firmInvitation', problem, { target: firmInvitationId });
    return {
      form: 'firmInvitation',
      target: firmInvitationId,
      success: `Sent again; valid until ${formatDate(data.expiresAt)}.`,
    };
  },

  withdrawFirmInvitation: async (event) => {
    const { api } = requireMe(event);
    const posted = await readForm(event, 'firmInvitation', invitationRow);
    if (!posted.ok) return posted.failure;
    const { firmInvitationId } = posted.data;
    const { error: problem } = await api.DELETE('/v1/networks/{networkId}/firm-invitations/{firmInvitationId}', {
      params: { path: { networkId: event.params.networkId, firmInvitationId } },
    });
    if (problem) return failWith('firmInvitation', problem, { target: firmInvitationId });
    return { form: 'firmInvitations', success: 'Invitation withdrawn; its link no longer works.' };
  },

  stage: async (event) => {
    const { api } = requireMe(event);
    const posted = await readForm(event, 'stage', stage, { target: '', targetField: 'firmId' });
    if (!posted.ok) return posted.failure;
    const { firmId, relationshipStage } = posted.data;
    const { data, error: problem } = await api.PATCH('/v1/networks/{networkId}/members/{firmId}', {
      params: { path: { networkId: event.params.networkId, firmId } },
      body: { relationshipStage },
    });
    if (problem) return failWith('stage', problem, { target: firmId });
    return {
      form: 'stage',
      target: firmId,
      success: `${data.firm.name}: ${stageLabel(data.relationshipStage).toLowerCase()}.`,
    };
  },

  sponsor: async (event) => {
    const { api, me } = requireMe(event);
    const posted = await readForm(event, 'sponsor', sponsor);
    if (!posted.ok) return posted.failure;
    const { userId } = posted.data;
    const { data, error: problem } = await api.PATCH('/v1/networks/{networkId}/members/{firmId}', {
      params: { path: { networkId: event.params.networkId, firmId: me.firm.id } },
      body: { executiveSponsorUserId: userId || null },
    });
    if (problem) return failWith('sponsor', problem, { target: me.firm.id });
    return {
      form: 'sponsor',
      target: me.firm.id,
      success: data.executiveSponsor
        ? `Executive sponsor: ${data.executiveSponsor.name}.`
        : 'No executive sponsor named.',
    };
  },

  details: async (event) => {
    const { api } = requireMe(event);
    const posted = await readForm(event, 'details', details, { values: ['name', 'description'] });
    if (!posted.ok) return posted.failure;
    const { values } = posted;
    const { name, description } = posted.data;
    const { error: problem } = await api.PATCH('/v1/networks/{networkId}', {
      params: { path: { networkId: event.params.networkId } },
      body: { name, description },
    });
    if (problem) return failWith('details', problem, { values });
    return { form: 'details', success: 'Network details saved.' };
  },

  accept: async (event) => {
    const { api } = requireMe(event);
    const { error: problem } = await api.POST('/v1/networks/{networkId}/accept', {
      params: { path: { networkId: event.params.networkId } },
      body: {},
    });
    if (problem) return failWith('answer', problem);
    return { form: 'answer', success: 'Your firm joined the network, with you as its executive sponsor.' };
  },

  decline: async (event) => {
    const { api } = requireMe(event);
    const { error: problem } = await api.POST('/v1/networks/{networkId}/decline', {
      params: { path: { networkId: event.params.networkId } },
      body: {},
    });
    if (problem) return failWith('answer', problem);
    event.cookies.delete(NETWORK_COOKIE, cookieOptions(event.url, 0));
    redirect(303, '/');
  },
};
