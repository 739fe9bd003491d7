// Registering a firm: its first user becomes its firm admin. With a firm invitation (?invitation=<token>, from
// the email a focal firm sent) the firm joins that firm's network in the invited chain role, and the email is
// already proven; otherwise the API emails a verification link and sign-in waits for it.
import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { chainRoleLabel, chainRoles } from '$lib/format';
import { weakPasswordMessage } from '$lib/passwords';
import { apiClient, failWith, problemMessage, problemOf, withRetryTime } from '$lib/server/api';
import { resendVerification } from '$lib/server/email-verification';
import { choice, newPassword, passwordsDiffer, readForm, required, secret, text } from '$lib/server/form-schema';
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

const signup = v.pipe(
  v.object({
    firmName: required('Enter your firm’s name.'),
    chainRole: choice(chainRoles, 'Choose your firm’s role in the value chain.'),
    name: required('Enter your name.'),
    email: required('Enter your work email address.'),
    invitation: text(),
    password: newPassword(),
    confirm: secret(),
  }),
  v.forward(
    v.partialCheck([['password'], ['confirm']], (form) => form.password === form.confirm, passwordsDiffer),
    ['confirm'],
  ),
);

/** Refusals about one field of the form, by the API's code. */
const signupFields = {
  firm_name_taken: 'firmName',
  email_taken: 'email',
  invitation_email_mismatch: 'email',
};

export const actions: Actions = {
  signup: async (event) => {
    const posted = await readForm(event, 'signup', signup, { values: ['firmName', 'chainRole', 'name', 'email'] });
    if (!posted.ok) return posted.failure;
    const { values } = posted;
    const { firmName, chainRole, name, email, invitation: networkInvitation, password } = posted.data;

    let result;
    try {
      result = await apiClient(event.fetch).POST('/v1/signup', {
        body: {
          firmName,
          chainRole,
          name,
          email,
          password,
          ...(networkInvitation ? { networkInvitation } : {}),
        },
      });
    } catch (cause) {
      console.error('[portal] sign-up failed', cause);
      return failWith('signup', unreachable(), { values });
    }
    const { data, error, response } = result;
    if (error?.code === 'weak_password') {
      return failWith('signup', error, { values, message: weakPasswordMessage(error.reason, error.detail) });
    }
    if (error) return failWith('signup', withRetryTime(error, response), { values, codeFields: signupFields });
    if (!data.emailVerificationRequired) redirect(303, '/login?signedUp');
    return {
      form: 'signup',
      checkEmail: data.user.email,
      success: `${data.firm.name} is registered as ${chainRoleLabel(data.firm.chainRole).toLowerCase()}.`,
    };
  },

  resend: resendVerification,
};
