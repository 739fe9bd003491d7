// Sign in: the API checks the password; the portal seals the tokens it answers into the session cookie.
import { redirect } from '@sveltejs/kit';
import { apiClient, failWith, field, invalid, problemOf, revokeSession, sessionFrom } from '$lib/server/api';
import { safeNext } from '$lib/server/guard';
import { writeSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeNext(url.searchParams.get('next'));
  if (locals.me) redirect(303, next);
  return { next, signedOut: url.searchParams.has('signedOut') };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const email = field(form, 'email');
    const rawPassword = form.get('password');
    const password = typeof rawPassword === 'string' ? rawPassword : '';
    const next = safeNext(field(form, 'next') || event.url.searchParams.get('next'));
    const values = { email };
    if (!email || !password) return invalid('login', 'Enter your email and password.', { values });

    let result;
    try {
      result = await apiClient(event.fetch).POST('/v1/auth/login', { body: { email, password } });
    } catch (cause) {
      console.error('[portal] login call failed', cause);
      return failWith('login', problemOf(502, 'The Accord API cannot be reached right now. Try again in a moment.'), {
        values,
      });
    }
    const { data, error, response } = result;
    if (error) {
      const problem =
        error.code === 'validation_failed'
          ? { ...error, errors: [], detail: 'Enter a valid email address and your password.' }
          : error;
      return failWith('login', problem, { values });
    }
    const session = sessionFrom(data, response);
    if (!session) return failWith('login', problemOf(502, 'The API did not start a session.'), { values });

    // Signing in over an existing session (another user, say) ends that one first.
    if (event.locals.session) await revokeSession(event.fetch, event.locals.session.refreshToken);
    writeSession(event.cookies, event.url, session);
    redirect(303, next);
  },
};
