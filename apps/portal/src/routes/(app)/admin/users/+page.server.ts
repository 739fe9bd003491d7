// Firm admins manage their firm's people: roles, deactivation, sessions, removal, email invitations, and
// whether everyone must sign in with two-factor authentication.
import { error } from '@sveltejs/kit';
import { firmRoleLabel, isFirmRole, formatDateTime } from '$lib/format';
import { allPages, failWith, field, invalid } from '$lib/server/api';
import { requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { api, me } = requireRole(event, 'firm_admin');
  const firmId = me.firm.id;
  const query = (cursor: string | undefined) => ({
    params: { path: { firmId }, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
  });
  const [users, invitations, firm] = await Promise.all([
    allPages((cursor) => api.GET('/v1/firms/{firmId}/users', query(cursor))),
    allPages((cursor) => api.GET('/v1/firms/{firmId}/invitations', query(cursor)), 5),
    api.GET('/v1/firms/{firmId}', { params: { path: { firmId } } }),
  ]);
  const problem = users.error ?? invitations.error ?? firm.error;
  if (problem) error(problem.status, { message: problem.detail ?? problem.title, code: problem.code });
  return { users: users.items, invitations: invitations.items, requireMfa: firm.data?.requireMfa ?? false };
};

export const actions: Actions = {
  role: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const form = await event.request.formData();
    const userId = field(form, 'userId');
    const role = field(form, 'role');
    if (!userId || !isFirmRole(role)) return invalid('role', 'Choose a role.', { target: userId });
    const { data, error: problem } = await api.PATCH('/v1/firms/{firmId}/users/{userId}', {
      params: { path: { firmId: me.firm.id, userId } },
      body: { role },
    });
    if (problem) return failWith('role', problem, { target: userId });
    return { form: 'role', target: userId, success: `${data.name} is now ${firmRoleLabel(data.role).toLowerCase()}.` };
  },

  requireMfa: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const form = await event.request.formData();
    const requireMfa = field(form, 'requireMfa') === 'on';
    const { data, error: problem } = await api.PATCH('/v1/firms/{firmId}', {
      params: { path: { firmId: me.firm.id } },
      body: { requireMfa },
    });
    if (problem) return failWith('requireMfa', problem);
    return {
      form: 'requireMfa',
      success: data.requireMfa
        ? `Everyone at ${data.name} now needs two-factor sign-in. Members without an authenticator set one up at their next sign-in.`
        : `Two-factor sign-in is now up to each member of ${data.name}.`,
    };
  },

  active: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const form = await event.request.formData();
    const userId = field(form, 'userId');
    const active = field(form, 'active');
    if (!userId || (active !== 'true' && active !== 'false')) return invalid('active', 'Choose a user.');
    const { data, error: problem } = await api.PATCH('/v1/firms/{firmId}/users/{userId}', {
      params: { path: { firmId: me.firm.id, userId } },
      body: { active: active === 'true' },
    });
    if (problem) return failWith('active', problem, { target: userId });
    return {
      form: 'members',
      success: data.deactivated
        ? `${data.name} was deactivated: signed out of ${me.firm.name} and unable to sign in for it until reactivated.`
        : `${data.name} was reactivated and can sign in again.`,
    };
  },

  revokeSessions: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const form = await event.request.formData();
    const userId = field(form, 'userId');
    const name = field(form, 'name') || 'The user';
    if (!userId) return invalid('revokeSessions', 'Choose a user.');
    const { data, error: problem } = await api.POST('/v1/firms/{firmId}/users/{userId}/sessions/revoke', {
      params: { path: { firmId: me.firm.id, userId } },
    });
    if (problem) return failWith('revokeSessions', problem, { target: userId });
    return {
      form: 'members',
      success:
        data.revoked === 0
          ? `${name} was not signed in to ${me.firm.name}.`
          : `${name} was signed out of ${data.revoked} session${data.revoked === 1 ? '' : 's'}.`,
    };
  },

  remove: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const form = await event.request.formData();
    const userId = field(form, 'userId');
    const name = field(form, 'name') || 'The user';
    if (!userId) return invalid('remove', 'Choose a user to remove.');
    const { error: problem } = await api.DELETE('/v1/firms/{firmId}/users/{userId}', {
      params: { path: { firmId: me.firm.id, userId } },
    });
    if (problem) return failWith('remove', problem, { target: userId });
    return { form: 'remove', success: `${name} was removed from ${me.firm.name}.` };
  },

  invite: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const form = await event.request.formData();
    const email = field(form, 'email');
    const role = field(form, 'role');
    const values = { email, role };
    if (!email) return invalid('invite', 'Enter the email address to invite.', { values });
    if (!isFirmRole(role)) return invalid('invite', 'Choose a role for the new user.', { values });
    const { data, error: problem } = await api.POST('/v1/firms/{firmId}/invitations', {
      params: { path: { firmId: me.firm.id } },
      body: { email, role },
    });
    if (problem) {
      const badEmail = problem.code === 'validation_failed' && problem.errors?.some((e) => e.path.endsWith('email'));
      return failWith(
        'invite',
        badEmail ? { ...problem, errors: [], detail: `“${email}” is not a valid email address.` } : problem,
        {
          values,
        },
      );
    }
    return {
      form: 'invite',
      success: `Invitation sent to ${data.email} as ${firmRoleLabel(data.role).toLowerCase()}. The link is valid until ${formatDateTime(data.expiresAt)}.`,
    };
  },

  withdraw: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const form = await event.request.formData();
    const invitationId = field(form, 'invitationId');
    if (!invitationId) return invalid('withdraw', 'Choose an invitation to withdraw.');
    const { error: problem } = await api.DELETE('/v1/firms/{firmId}/invitations/{invitationId}', {
      params: { path: { firmId: me.firm.id, invitationId } },
    });
    if (problem) return failWith('withdraw', problem, { target: invitationId });
    return { form: 'withdraw', success: `The invitation to ${field(form, 'email') || 'that address'} was withdrawn.` };
  },
};
