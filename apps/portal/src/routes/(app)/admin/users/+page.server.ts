// Firm admins manage their firm's people: roles, deactivation, sessions, removal, email invitations, and
// whether everyone must sign in with two-factor authentication.
import * as v from 'valibot';
import { firmRoleLabel, firmRoles, formatDateTime } from '$lib/format';
import { allPages, fail500, failWith } from '$lib/server/api';
import { checkbox, choice, readForm, required, text } from '$lib/server/form-schema';
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
  if (problem) fail500(problem, 'The users could not be loaded.');
  return { users: users.items, invitations: invitations.items, requireMfa: firm.data?.requireMfa ?? false };
};

const roleChange = v.object({ userId: required('Choose a role.'), role: choice(firmRoles, 'Choose a role.') });

const mfaPolicy = v.object({ requireMfa: checkbox() });

const activation = v.object({
  userId: required('Choose a user.'),
  active: choice(['true', 'false'], 'Choose a user.'),
});

const member = (message: string) => v.object({ userId: required(message), name: text() });

const invitation = v.object({
  email: required('Enter the email address to invite.'),
  role: choice(firmRoles, 'Choose a role for the new user.'),
});

const withdrawal = v.object({ invitationId: required('Choose an invitation to withdraw.'), email: text() });

export const actions: Actions = {
  role: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const posted = await readForm(event, 'role', roleChange, { target: '', targetField: 'userId' });
    if (!posted.ok) return posted.failure;
    const { userId, role } = posted.data;
    const { data, error: problem } = await api.PATCH('/v1/firms/{firmId}/users/{userId}', {
      params: { path: { firmId: me.firm.id, userId } },
      body: { role },
    });
    if (problem) return failWith('role', problem, { target: userId });
    return { form: 'role', target: userId, success: `${data.name} is now ${firmRoleLabel(data.role).toLowerCase()}.` };
  },

  requireMfa: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const posted = await readForm(event, 'requireMfa', mfaPolicy);
    if (!posted.ok) return posted.failure;
    const { requireMfa } = posted.data;
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
    const posted = await readForm(event, 'active', activation);
    if (!posted.ok) return posted.failure;
    const { userId, active } = posted.data;
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
    const posted = await readForm(event, 'revokeSessions', member('Choose a user.'));
    if (!posted.ok) return posted.failure;
    const { userId } = posted.data;
    const name = posted.data.name || 'The user';
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
    const posted = await readForm(event, 'remove', member('Choose a user to remove.'));
    if (!posted.ok) return posted.failure;
    const { userId } = posted.data;
    const name = posted.data.name || 'The user';
    const { error: problem } = await api.DELETE('/v1/firms/{firmId}/users/{userId}', {
      params: { path: { firmId: me.firm.id, userId } },
    });
    if (problem) return failWith('remove', problem, { target: userId });
    return { form: 'remove', success: `${name} was removed from ${me.firm.name}.` };
  },

  invite: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const posted = await readForm(event, 'invite', invitation, { values: ['email', 'role'] });
    if (!posted.ok) return posted.failure;
    const { values } = posted;
    const { email, role } = posted.data;
    const { data, error: problem } = await api.POST('/v1/firms/{firmId}/invitations', {
      params: { path: { firmId: me.firm.id } },
      body: { email, role },
    });
    if (problem) {
      const badEmail = problem.code === 'validation_failed' && problem.errors?.some((e) => e.path.endsWith('email'));
      return failWith('invite', problem, {
        values,
        ...(badEmail ? { message: `“${email}” is not a valid email address.` } : {}),
      });
    }
    return {
      form: 'invite',
      success: `Invitation sent to ${data.email} as ${firmRoleLabel(data.role).toLowerCase()}. The link is valid until ${formatDateTime(data.expiresAt)}.`,
    };
  },

  withdraw: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const posted = await readForm(event, 'withdraw', withdrawal);
    if (!posted.ok) return posted.failure;
    const { invitationId, email } = posted.data;
    const { error: problem } = await api.DELETE('/v1/firms/{firmId}/invitations/{invitationId}', {
      params: { path: { firmId: me.firm.id, invitationId } },
    });
    if (problem) return failWith('withdraw', problem, { target: invitationId });
    return { form: 'withdraw', success: `The invitation to ${email || 'that address'} was withdrawn.` };
  },
};
