// Asking for a password reset link. The answer is the same whether or not an account uses the email, so the
// page cannot be used to find out who has one.
import * as v from 'valibot';
import { apiClient, failWith, problemOf, withRetryTime } from '$lib/server/api';
import { readForm, required } from '$lib/server/form-schema';
import type { Actions } from './$types';

const resetRequest = v.object({ email: required('Enter the email address you sign in with.') });

export const actions: Actions = {
  default: async (event) => {
    const posted = await readForm(event, 'reset', resetRequest, { values: ['email'] });
    if (!posted.ok) return posted.failure;
    const { values } = posted;
    const { email } = posted.data;
    let result;
    try {
      result = await apiClient(event.fetch).POST('/v1/auth/password-reset', { body: { email } });
    } catch (cause) {
      console.error('[portal] password reset request failed', cause);
      return failWith('reset', problemOf(502, 'The Accord API cannot be reached right now. Try again in a moment.'), {
        values,
      });
    }
    const { error, response } = result;
    if (error?.code === 'validation_failed') {
      return failWith('reset', error, { values, message: `“${email}” is not a valid email address.` });
    }
    if (error) return failWith('reset', withRetryTime(error, response), { values });
    return { form: 'reset', sent: true, email };
  },
};
