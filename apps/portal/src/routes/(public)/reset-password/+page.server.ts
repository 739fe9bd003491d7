// Choosing a new password with the token from a reset email. The API spends the token, ends every session of
// the account and lifts any lockout; the visitor then signs in with the new password.
import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { weakPasswordMessage } from '$lib/passwords';
import { apiClient, failWith, field, invalid, problemOf, revokeSession } from '$lib/server/api';
import { checkForm, newPassword, passwordsDiffer, secret, text } from '$lib/server/form-schema';
import { clearSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token')?.trim() ?? '' });

const reset = v.pipe(
  v.object({ token: text(), password: newPassword(), confirm: secret() }),
  v.forward(
    v.partialCheck([['password'], ['confirm']], (form) => form.password === form.confirm, passwordsDiffer),
    ['confirm'],
  ),
);

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    // without its token the link cannot be used, whatever the passwords
    if (!field(form, 'token'))
      return invalid('reset', 'This link has no reset token.', { code: 'reset_token_invalid' });
    const posted = checkForm(form, 'reset', reset);
    if (!posted.ok) return posted.failure;
    const { token, password } = posted.data;

    let result;
    try {
      result = await apiClient(event.fetch).POST('/v1/auth/password-reset/complete', {
        body: { token, password },
      });
    } catch (cause) {
      console.error('[portal] password reset failed', cause);
      return failWith('reset', problemOf(502, 'The Accord API cannot be reached right now. Try again in a moment.'));
    }
    const { error } = result;
    if (error?.code === 'weak_password') {
      return failWith('reset', error, { message: weakPasswordMessage(error.reason, error.detail) });
    }
    if (error?.code === 'validation_failed') {
      // Only the token can be malformed here: the password's length was checked above.
      return invalid('reset', 'This reset link is not valid; ask for a new one.', { code: 'reset_token_invalid' });
    }
    if (error) return failWith('reset', error);

    // Every session of the account has ended; drop this browser's too, so the sign-in page asks for the password.
    if (event.locals.session) {
      await revokeSession(event.fetch, event.locals.session.refreshToken);
      clearSession(event.cookies, event.url);
    }
    redirect(303, '/login?passwordReset');
  },
};
