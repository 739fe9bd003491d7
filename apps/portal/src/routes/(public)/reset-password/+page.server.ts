// Choosing a new password with the token from a reset email. The API spends the token, ends every session of
// the account and lifts any lockout; the visitor then signs in with the new password.
import { redirect } from '@sveltejs/kit';
import { newPasswordProblem, weakPasswordMessage } from '$lib/passwords';
import { apiClient, failWith, field, invalid, problemOf, revokeSession } from '$lib/server/api';
import { clearSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token')?.trim() ?? '' });

function password(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const token = field(form, 'token');
    const newPassword = password(form, 'password');
    if (!token) return invalid('reset', 'This link has no reset token.', { code: 'reset_token_invalid' });
    const problem = newPasswordProblem(newPassword, password(form, 'confirm'));
    if (problem) return invalid('reset', problem);

    let result;
    try {
      result = await apiClient(event.fetch).POST('/v1/auth/password-reset/complete', {
        body: { token, password: newPassword },
      });
    } catch (cause) {
      console.error('[portal] password reset failed', cause);
      return failWith('reset', problemOf(502, 'The Accord API cannot be reached right now. Try again in a moment.'));
    }
    const { error } = result;
    if (error?.code === 'weak_password') {
      return invalid('reset', weakPasswordMessage(error.reason, error.detail), { code: 'weak_password' });
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
