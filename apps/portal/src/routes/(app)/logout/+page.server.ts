// Sign out: end the API session behind the refresh token, then drop the portal's cookies.
import { redirect } from '@sveltejs/kit';
import { revokeSession } from '$lib/server/api';
import { requireMe } from '$lib/server/guard';
import { clearSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
  requireMe(event);
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    const session = event.locals.session;
    if (session) await revokeSession(event.fetch, session.refreshToken);
    clearSession(event.cookies, event.url);
    redirect(303, '/login?signedOut=1');
  },
};
