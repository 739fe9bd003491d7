// Confirming the email address of a new sign-up with the token from the verification email. The token is spent
// by a button rather than on page load, so link scanners and prefetchers that open the link do not use it up.
import { apiClient, failWith, field, invalid, problemOf } from '$lib/server/api';
import { resendVerification } from '$lib/server/email-verification';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token')?.trim() ?? '' });

export const actions: Actions = {
  verify: async (event) => {
    const form = await event.request.formData();
    const token = field(form, 'token');
    if (!token) {
      return invalid('verify', 'This link has no verification token.', { code: 'verification_token_invalid' });
    }
    let result;
    try {
      result = await apiClient(event.fetch).POST('/v1/auth/verify-email', { body: { token } });
    } catch (cause) {
      console.error('[portal] email verification failed', cause);
      return failWith('verify', problemOf(502, 'The Accord API cannot be reached right now. Try again in a moment.'));
    }
    const { error } = result;
    if (error?.code === 'validation_failed') {
      return invalid('verify', 'This link is not valid; ask for a new one.', { code: 'verification_token_invalid' });
    }
    if (error) return failWith('verify', error);
    return { form: 'verify', verified: true };
  },

  resend: resendVerification,
};
