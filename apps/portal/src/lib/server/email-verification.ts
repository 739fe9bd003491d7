// Asking for a new email verification link, from the sign-up and verify-email pages. The API answers the same
// whether or not an unconfirmed account uses the address, so the form cannot be used to find out who has one.
import type { RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { apiClient, failWith, problemOf, withRetryTime } from './api';
import { readForm, required } from './form-schema';

const resend = v.object({ email: required('Enter the email address you signed up with.') });

export async function resendVerification(event: RequestEvent) {
  const posted = await readForm(event, 'resend', resend, { values: ['email'] });
  if (!posted.ok) return posted.failure;
  const { values } = posted;
  const { email } = posted.data;
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
    return failWith('resend', error, { values, message: `“${email}” is not a valid email address.` });
  }
  if (error) return failWith('resend', withRetryTime(error, response), { values });
  return {
    form: 'resend',
    checkEmail: email,
    success: `If ${email} is waiting for confirmation, we have emailed it a new link.`,
  };
}
