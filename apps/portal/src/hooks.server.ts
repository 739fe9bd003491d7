// Every request: open the sealed session, refresh the access token when it is about to expire, put an
// API client and the signed-in user on `locals`, and send signed-out visitors to the sign-in page.
import { redirect, type Handle, type ServerInit } from '@sveltejs/kit';
import { apiClient, refreshSession } from '$lib/server/api';
import { loginUrl } from '$lib/server/guard';
import { clearSession, readSession, sessionKey, writeSession, type PortalSession } from '$lib/server/session';
import type { Me } from '$lib/types';

/** Refresh when the access token has less than this left. */
const REFRESH_MARGIN_MS = 60_000;

const publicPaths = ['/login', '/invitations/accept'];

function isPublic(pathname: string): boolean {
  return publicPaths.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

export const init: ServerInit = () => {
  sessionKey(); // derive (or generate, with a warning) the session key at start-up
};

export const handle: Handle = async ({ event, resolve }) => {
  let session: PortalSession | null = readSession(event.cookies);
  let me: Me | null = null;
  event.locals.apiUnavailable = false;

  if (session && session.accessExpiresAt - Date.now() < REFRESH_MARGIN_MS) {
    session = (await refreshSession(event.fetch, session.refreshToken)).session;
    if (session) writeSession(event.cookies, event.url, session);
    else clearSession(event.cookies, event.url);
  }

  if (session) {
    try {
      const { data, response } = await apiClient(event.fetch, session.accessToken).GET('/v1/me');
      if (data) {
        me = data;
      } else if (response.status === 401) {
        // The access token was refused (signing key changed, membership revoked): try one refresh.
        const refreshed = (await refreshSession(event.fetch, session.refreshToken)).session;
        const retry = refreshed ? await apiClient(event.fetch, refreshed.accessToken).GET('/v1/me') : undefined;
        if (refreshed && retry?.data) {
          session = refreshed;
          me = retry.data;
          writeSession(event.cookies, event.url, session);
        } else {
          session = null;
          clearSession(event.cookies, event.url);
        }
      }
    } catch (cause) {
      console.error('[portal] could not reach the API for /v1/me', cause);
      event.locals.apiUnavailable = true;
    }
  }

  event.locals.session = session;
  event.locals.me = me;
  event.locals.api = apiClient(event.fetch, session?.accessToken);

  // Plain page views are redirected here; data requests and form actions are redirected by their
  // loads and actions (requireMe), which SvelteKit serialises correctly for the client router.
  if (
    !me &&
    !isPublic(event.url.pathname) &&
    (event.request.method === 'GET' || event.request.method === 'HEAD') &&
    !event.isDataRequest &&
    !event.locals.apiUnavailable
  ) {
    redirect(303, loginUrl(event.url));
  }

  return resolve(event);
};
