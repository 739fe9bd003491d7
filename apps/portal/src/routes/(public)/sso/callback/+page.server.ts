// The identity provider sends the browser back here after a single sign-on: the API checks the state and
// exchanges the code, answering a session exactly like the password sign-in, which is sealed into the
// session cookie before going on to where the sign-in started.
import { redirect } from '@sveltejs/kit';
import { apiClient, problemMessage, problemOf, sessionFrom, signInClient } from '$lib/server/api';
import { safeNext } from '$lib/server/guard';
import { startSession } from '$lib/server/sign-in';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const params = event.url.searchParams;
  const providerError = params.get('error');
  if (providerError) {
    const description = params.get('error_description');
    return {
      message: `Your identity provider did not sign you in (${description || providerError}). Start again.`,
      code: 'sso_provider_error',
    };
  }
  const state = params.get('state') ?? '';
  const code = params.get('code') ?? '';
  const iss = params.get('iss');
  if (!state || !code) {
    return {
      message: 'This sign-in link is incomplete. Start again from the sign-in page.',
      code: 'sso_state_invalid',
    };
  }

  let result;
  try {
    result = await apiClient(event.fetch).POST('/v1/auth/sso/callback', {
      body: { state, code, ...(iss ? { iss } : {}) },
      ...signInClient(event),
    });
  } catch (cause) {
    console.error('[portal] SSO callback call failed', cause);
    return {
      message: problemMessage(problemOf(502, 'The Accord API cannot be reached right now. Try again in a moment.')),
      code: 'api_unavailable',
    };
  }
  const { data, error, response } = result;
  if (error) return { message: problemMessage(error), code: error.code };
  const session = sessionFrom(data, response);
  if (!session) return { message: 'The API did not start a session. Start again.', code: 'portal_error' };
  await startSession(event, session);
  redirect(303, safeNext(data.redirectTo));
};
