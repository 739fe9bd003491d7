// Sign in through the firm's identity provider: the API checks that the email's domain signs in through
// single sign-on and answers the provider's sign-in page, where the browser goes next. The provider sends it
// back to /sso/callback.
import { redirect } from '@sveltejs/kit';
import { apiClient, failWith, field, invalid, problemOf, signInClient, withRetryTime } from '$lib/server/api';
import { safeNext } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeNext(url.searchParams.get('next'));
  if (locals.me) redirect(303, next);
  return { next, email: url.searchParams.get('email') ?? '' };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const email = field(form, 'email');
    const next = safeNext(field(form, 'next') || event.url.searchParams.get('next'));
    const values = { email };
    if (!email) return invalid('sso', 'Enter your work email address.', { values });

    let result;
    try {
      result = await apiClient(event.fetch).POST('/v1/auth/sso/start', {
        body: { email, ...(next !== '/' ? { redirectTo: next } : {}) },
        ...signInClient(event),
      });
    } catch (cause) {
      console.error('[portal] SSO start call failed', cause);
      return failWith('sso', problemOf(502, 'The Accord API cannot be reached right now. Try again in a moment.'), {
        values,
      });
    }
    const { data, error, response } = result;
    if (error) {
      const problem =
        error.code === 'validation_failed'
          ? { ...error, errors: [], detail: 'Enter a valid email address, such as name@example.com.' }
          : withRetryTime(error, response);
      return failWith('sso', problem, { values });
    }
    redirect(303, data.authorizationUrl);
  },
};
