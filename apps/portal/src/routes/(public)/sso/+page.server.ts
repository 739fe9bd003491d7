// Sign in through the firm's identity provider: the API checks that the email's domain signs in through
// single sign-on and answers the provider's sign-in page, where the browser goes next. The provider sends it
// back to /sso/callback.
import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { apiClient, failWith, problemOf, signInClient, withRetryTime } from '$lib/server/api';
import { readForm, required, text } from '$lib/server/form-schema';
import { safeNext } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeNext(url.searchParams.get('next'));
  if (locals.me) redirect(303, next);
  return { next, email: url.searchParams.get('email') ?? '' };
};

const ssoStart = v.object({ email: required('Enter your work email address.'), next: text() });

export const actions: Actions = {
  default: async (event) => {
    const posted = await readForm(event, 'sso', ssoStart, { values: ['email'] });
    if (!posted.ok) return posted.failure;
    const { values } = posted;
    const { email } = posted.data;
    const next = safeNext(posted.data.next || event.url.searchParams.get('next'));

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
      if (error.code === 'validation_failed') {
        return failWith('sso', error, { values, message: 'Enter a valid email address, such as name@example.com.' });
      }
      return failWith('sso', withRetryTime(error, response), { values });
    }
    redirect(303, data.authorizationUrl);
  },
};
