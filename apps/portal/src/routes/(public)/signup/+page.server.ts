// Registering a firm: its first user becomes its firm admin. With a firm invitation (?invitation=<token>, from
// the email a focal firm sent) the firm joins that firm's network in the invited chain role, and the email is
// already proven; otherwise the API emails a verification link and sign-in waits for it.
import { redirect } from '@sveltejs/kit';
import { chainRoleLabel, isChainRole } from '$lib/format';
import { newPasswordProblem, weakPasswordMessage } from '$lib/passwords';
import { apiClient, failWith, field, invalid, problemMessage, problemOf, withRetryTime } from '$lib/server/api';
import { resendVerification } from '$lib/server/email-verification';
import type { Actions, PageServerLoad } from './$types';

const unreachable = () => problemOf(502, 'The Accord API cannot be reached right now. Try again in a moment.');

export const load: PageServerLoad = async (event) => {
  const token = event.url.searchParams.get('invitation')?.trim() ?? '';
  if (!token) return { token, invitation: null, invitationProblem: null };
  try {
    const { data, error } = await apiClient(event.fetch).GET('/v1/firm-invitations/lookup', {
      params: { query: { token } },
    });
    if (data) return { token, invitation: data, invitationProblem: null };
    const message =
      error?.code === 'validation_failed' || error?.code === 'invitation_not_found'
        ? 'This invitation link is not valid. Open the whole link from the email again.'
        : problemMessage(error);
    return { token, invitation: null, invitationProblem: message };
  } catch (cause) {
    console.error('[portal] firm invitation lookup failed', cause);
    return { token, invitation: null, invitationProblem: problemMessage(unreachable()) };
  }
};

function password(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export const actions: Actions = {
  signup: async (event) => {
    const form = await event.request.formData();
    const firmName = field(form, 'firmName');
    const chainRole = field(form, 'chainRole');
    const name = field(form, 'name');
    const email = field(form, 'email');
    const networkInvitation = field(form, 'invitation');
    const newPassword = password(form, 'password');
    const values = { firmName, chainRole, name, email };
    if (!firmName) return invalid('signup', 'Enter your firm’s name.', { values, code: 'firm_name_missing' });
    if (!isChainRole(chainRole)) {
      return invalid('signup', 'Choose your firm’s role in the value chain.', { values, code: 'chain_role_missing' });
    }
    if (!name) return invalid('signup', 'Enter your name.', { values, code: 'name_missing' });
    if (!email) return invalid('signup', 'Enter your work email address.', { values, code: 'email_missing' });
    const problem = newPasswordProblem(newPassword, password(form, 'confirm'));
    if (problem) return invalid('signup', problem, { values, code: 'weak_password' });

    let result;
    try {
      result = await apiClient(event.fetch).POST('/v1/signup', {
        body: {
          firmName,
          chainRole,
          name,
          email,
          password: newPassword,
          ...(networkInvitation ? { networkInvitation } : {}),
        },
      });
    } catch (cause) {
      console.error('[portal] sign-up failed', cause);
      return failWith('signup', unreachable(), { values });
    }
    const { data, error, response } = result;
    if (error?.code === 'weak_password') {
      return invalid('signup', weakPasswordMessage(error.reason, error.detail), { values, code: 'weak_password' });
    }
    if (error) return failWith('signup', withRetryTime(error, response), { values });
    if (!data.emailVerificationRequired) redirect(303, '/login?signedUp');
    return {
      form: 'signup',
      checkEmail: data.user.email,
      success: `${data.firm.name} is registered as ${chainRoleLabel(data.firm.chainRole).toLowerCase()}.`,
    };
  },

  resend: resendVerification,
};
