// Asking for a password reset link. The answer is the same whether or not an account uses the email, so the
// page cannot be used to find out who has one.
import { apiClient, failWith, field, invalid, problemOf, withRetryTime } from '$lib/server/api';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const email = field(form, 'email');
    const values = { email };
    if (!email) return invalid('reset', 'Enter the email address you sign in with.', { values });
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
      return invalid('reset', `“${email}” is not a valid email address.`, { values });
    }
    if (error) return failWith('reset', withRetryTime(error, response), { values });
    return { form: 'reset', sent: true, email };
  },
};
