// Accepting an invitation to a firm: look the link's token up, then set a name and password (or, for
// someone who already has an account, enter its password) and sign in.
import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { apiClient, failWith, field, invalid, problemOf, sessionFrom, signInClient } from '$lib/server/api';
import { checkForm, newPassword, passwordsDiffer, required, secret, text } from '$lib/server/form-schema';
import { startSession } from '$lib/server/sign-in';
import type { Problem } from '$lib/types';
import type { Actions, PageServerLoad } from './$types';

/** A newcomer: a name and a new password. */
const newAccount = v.pipe(
  v.object({
    token: text(),
    name: required('Enter your name as colleagues should see it.'),
    password: newPassword(),
    confirm: secret(),
  }),
  v.forward(
    v.partialCheck([['password'], ['confirm']], (form) => form.password === form.confirm, passwordsDiffer),
    ['confirm'],
  ),
);

/** Someone with an Accord account already: its password. */
const existingAccount = v.object({
  token: text(),
  name: text(),
  password: v.pipe(secret(), v.nonEmpty('Enter the password of your Accord account.')),
});

/** What to tell the visitor when the link cannot be used, from the problem's code. */
function unusable(problem: Problem): { title: string; message: string } {
  switch (problem.code) {
    case 'invitation_used':
      return {
        title: 'This invitation was already accepted',
        message: 'The link has been used. If it was you, sign in with your email and password.',
      };
    case 'invitation_expired':
      return {
        title: 'This invitation has expired',
        message: 'Invitation links are valid for a limited time. Ask your firm admin to send you a new one.',
      };
    case 'invitation_withdrawn':
      return {
        title: 'This invitation was withdrawn',
        message: 'The firm withdrew the invitation. Ask your firm admin if you should still have access.',
      };
    case 'invitation_not_found':
    case 'validation_failed':
      return {
        title: 'We could not find this invitation',
        message: 'Check that you opened the whole link from the email, or ask your firm admin to invite you again.',
      };
    default:
      return { title: 'The invitation could not be checked', message: problem.detail ?? problem.title };
  }
}

export const load: PageServerLoad = async ({ url, fetch }) => {
  const token = url.searchParams.get('token')?.trim() ?? '';
  if (!token) {
    return {
      token,
      invitation: null,
      problem: {
        title: 'This link is incomplete',
        message: 'The invitation link has no token. Open the link from your invitation email again.',
      },
    };
  }
  try {
    const { data, error } = await apiClient(fetch).POST('/v1/invitations/lookup', { body: { token } });
    if (error) return { token, invitation: null, problem: unusable(error) };
    return { token, invitation: data, problem: null };
  } catch (cause) {
    console.error('[portal] invitation lookup failed', cause);
    return {
      token,
      invitation: null,
      problem: unusable(problemOf(502, 'The Accord API cannot be reached right now.')),
    };
  }
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = { name: field(form, 'name') };
    if (!field(form, 'token')) return invalid('accept', 'The invitation link has no token.', { values });
    const userExists = field(form, 'userExists') === 'true';
    const posted = userExists
      ? checkForm(form, 'accept', existingAccount, { values: ['name'] })
      : checkForm(form, 'accept', newAccount, { values: ['name'] });
    if (!posted.ok) return posted.failure;
    const { token, name, password } = posted.data;

    let result;
    try {
      result = await apiClient(event.fetch).POST('/v1/invitations/accept', {
        // The API needs a name even for an existing account, whose name it keeps.
        body: { token, ...(name ? { name } : {}), password },
        ...signInClient(event),
      });
    } catch (cause) {
      console.error('[portal] invitation accept failed', cause);
      return failWith('accept', problemOf(502, 'The Accord API cannot be reached right now. Try again in a moment.'), {
        values,
      });
    }
    const { data, error, response } = result;
    if (error) return failWith('accept', error, { values });
    const session = sessionFrom(data, response);
    if (!session) return failWith('accept', problemOf(502, 'The API did not start a session.'), { values });

    await startSession(event, session);
    redirect(303, '/');
  },
};
