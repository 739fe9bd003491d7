// Asking for a new email verification link, from the sign-up and verify-email pages. The API answers the same
// whether or not an unconfirmed account uses the address, so the form cannot be used to find out who has one.
import type { RequestEvent } from '@sveltejs/kit';
import { apiClient, failWith, field, invalid, problemOf, withRetryTime } from '$lib/server/api';

export async function resendVerification(event: RequestEvent) {
  const form = await event.request.formData();
  const email = field(form, 'email');
  const values = { email };
  if (!email) return invalid('resend', 'Enter the email address you signed up with.', { values });
  let result;
  try {
    result = await apiClient(event.fetch).POST('/v1/auth/verify-email/resend', { body: { email } });
  } catch (cause) {
    console.error('[portal] verification email resend failed', cause);
    return failWith('resend', problemOf(502, 'The Accord API cannot be reached right now. Try again in a moment.'), {
      values,
    });
  }
  const { error, response } = result;
  if (error?.code === 'validation_failed') {
    return invalid('resend', `“${email}” is not a valid email address.`, { values });
  }
  if (error) return failWith('resend', withRetryTime(error, response), { values });
  return {
    form: 'resend',
    checkEmail: email,
    success: `If ${email} is waiting for confirmation, we have emailed it a new link.`,
  };
}
