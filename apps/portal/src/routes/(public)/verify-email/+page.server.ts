// Confirming the email address of a new sign-up with the token from the verification email. The token is spent
// by a button rather than on page load, so link scanners and prefetchers that open the link do not use it up.
import * as v from 'valibot';
import { apiClient, failWith, invalid, problemOf } from '$lib/server/api';
import { resendVerification } from '$lib/server/email-verification';
import { readForm, required } from '$lib/server/form-schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token')?.trim() ?? '' });

const verification = v.object({ token: required('This link has no verification token.') });

export const actions: Actions = {
  verify: async (event) => {
    const posted = await readForm(event, 'verify', verification, { code: 'verification_token_invalid' });
    if (!posted.ok) return posted.failure;
    const { token } = posted.data;
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
