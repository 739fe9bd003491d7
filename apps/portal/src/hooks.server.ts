// Every request: open the sealed session, refresh the access token when it is about to expire, put an
// API client and the signed-in user on `locals`, and send signed-out visitors to the sign-in page.
import { redirect, type Handle, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { apiClient, problemOf, refreshSession } from '$lib/server/api';
import { formatBytes } from '$lib/exchange';
import { BUFFERED_UPLOAD_LIMIT, FORM_BODY_LIMIT, problemResponse } from '$lib/server/exchange';
import { loginUrl } from '$lib/server/guard';
import { clearSession, readSession, sessionKey, writeSession, type PortalSession } from '$lib/server/session';
import type { Me } from '$lib/types';

/** Refresh when the access token has less than this left. */
const REFRESH_MARGIN_MS = 60_000;

const publicPaths = [
  '/login',
  '/invitations/accept',
  '/forgot-password',
  '/reset-password',
  '/signup',
  '/verify-email',
  '/sso',
];

function isPublic(pathname: string): boolean {
  return publicPaths.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/**
 * The request body a route may send, in bytes; null for the streamed feed upload. adapter-node's
 * BODY_SIZE_LIMIT is one limit for every route and the portal runs with it raised to the API's feed limit
 * (2G) so that the upload endpoint can pass large files through as a stream (see
 * routes/(app)/(network)/exchange/upload/+server.ts); every route that reads its body whole gets a tight limit here.
 */
function bodyLimit(event: RequestEvent): number | null {
  const { pathname, searchParams } = event.url;
  if (pathname === '/exchange/upload') return null;
  // The no-JavaScript upload fallback: a multipart form the action reads whole.
  if (pathname === '/exchange' && searchParams.has('/upload')) return BUFFERED_UPLOAD_LIMIT;
  return FORM_BODY_LIMIT;
}

/** A 411 or 413 answer when the request's body breaks its route's limit; null when it may go ahead. */
function oversizedBody(event: RequestEvent): Response | null {
  const limit = bodyLimit(event);
  if (limit === null || event.isSubRequest || !event.request.body) return null;
  const length = Number(event.request.headers.get('content-length') ?? NaN);
  if (!Number.isFinite(length)) {
    // Browsers always send a length with forms; a body without one could not be checked before reading it.
    return problemResponse(problemOf(411, 'Send a Content-Length with the request body.', 'length_required'));
  }
  if (length <= limit) return null;
  return problemResponse(
    problemOf(413, `The request is too large: at most ${formatBytes(limit)} here.`, 'body_too_large'),
  );
}

export const init: ServerInit = () => {
  sessionKey(); // derive (or generate, with a warning) the session key at start-up
};

export const handle: Handle = async ({ event, resolve }) => {
  const refused = oversizedBody(event);
  if (refused) return refused;

  let session: PortalSession | null = readSession(event.cookies);
  let me: Me | null = null;
  event.locals.apiUnavailable = false;

  if (session && session.accessExpiresAt - Date.now() < REFRESH_MARGIN_MS) {
    session = (await refreshSession(event, session.refreshToken)).session;
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
        const refreshed = (await refreshSession(event, session.refreshToken)).session;
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
