// Server-side access to the Accord API: one typed client per request, built on SvelteKit's fetch,
// plus the session calls (login, refresh, logout) that carry the API's refresh-token cookie.
import { createClient, type AccordClient } from '@accord/api-client';
import { env } from '$env/dynamic/private';
import type { Problem } from '$lib/types';
import { problemOf } from './problems';
import { cookieFromSetCookie } from './seal';
import type { PortalSession } from './session';

export {
  fail500,
  failWith,
  invalid,
  pathField,
  problemErrors,
  problemMessage,
  problemOf,
  type FieldOf,
  type FormFailure,
} from './problems';

const REFRESH_COOKIE = 'accord_refresh';

export function apiBaseUrl(): string {
  return (env.ACCORD_API_URL || 'http://127.0.0.1:3001').replace(/\/+$/, '');
}

type Fetch = typeof globalThis.fetch;

/**
 * SvelteKit's fetch, but never forwarding the browser's cookies: when the API shares the portal's host
 * name SvelteKit would otherwise pass them along. The only cookie the API gets is the refresh token we
 * set explicitly on the auth calls.
 */
function withoutBrowserCookies(fetch: Fetch): Fetch {
  return (input, init) => fetch(new Request(input, { ...init, credentials: 'omit' }));
}

export function apiClient(fetch: Fetch, accessToken?: string): AccordClient {
  return createClient({
    baseUrl: apiBaseUrl(),
    fetch: withoutBrowserCookies(fetch),
    ...(accessToken ? { accessToken } : {}),
  });
}

/**
 * Headers naming the browser behind a sign-in, so the API's list of sessions shows its device (and, when
 * the API trusts the portal as a proxy, its address) rather than the portal's own.
 */
export function signInClient(event: { request: Request; getClientAddress: () => string }) {
  const headers: Record<string, string> = {};
  const userAgent = event.request.headers.get('user-agent');
  if (userAgent) headers['user-agent'] = userAgent;
  try {
    headers['x-forwarded-for'] = event.getClientAddress();
  } catch {
    // no address to pass on (a prerender, say)
  }
  return { headers };
}

/** Options for the auth calls that need the refresh-token cookie. */
export function withRefreshCookie(refreshToken: string) {
  return { headers: { cookie: `${REFRESH_COOKIE}=${refreshToken}` } };
}

/** The refresh token the API set in its `Set-Cookie` header, if it set one. */
export function refreshTokenFrom(response: Response): string | null {
  return cookieFromSetCookie(response.headers.getSetCookie(), REFRESH_COOKIE);
}

/** A portal session from an API session answer (login, refresh, invitation accept). */
export function sessionFrom(
  data: { accessToken: string; expiresIn: number } | undefined,
  response: Response,
): PortalSession | null {
  const refreshToken = refreshTokenFrom(response);
  if (!data || !refreshToken) return null;
  return { accessToken: data.accessToken, accessExpiresAt: Date.now() + data.expiresIn * 1000, refreshToken };
}

export interface RefreshResult {
  session: PortalSession | null;
  problem: Problem | null;
}

/**
 * Refreshes are single-flight per refresh token (and target firm): the API rotates refresh tokens and
 * treats a second use as theft, ending every session of that sign-in. Requests that arrive together with
 * the same old token share one refresh, and its result is remembered briefly for stragglers.
 */
const inFlight = new Map<string, Promise<RefreshResult>>();
const REMEMBER_MS = 30_000;

export function refreshSession(
  event: { fetch: Fetch; request: Request; getClientAddress: () => string },
  refreshToken: string,
  firmId?: string,
): Promise<RefreshResult> {
  const key = `${refreshToken}\u0000${firmId ?? ''}`;
  const pending = inFlight.get(key);
  if (pending) return pending;
  const attempt = (async (): Promise<RefreshResult> => {
    try {
      const { data, error, response } = await apiClient(event.fetch).POST('/v1/auth/refresh', {
        body: firmId ? { firmId } : {},
        // the browser's device and address, as at sign-in, so the session list stays true
        headers: { ...signInClient(event).headers, ...withRefreshCookie(refreshToken).headers },
      });
      if (error) return { session: null, problem: error };
      const session = sessionFrom(data, response);
      return session
        ? { session, problem: null }
        : { session: null, problem: problemOf(500, 'The API did not return a new session.') };
    } catch (cause) {
      console.error('[portal] refresh failed', cause);
      return { session: null, problem: problemOf(502, 'The Accord API could not be reached.') };
    }
  })();
  inFlight.set(key, attempt);
  setTimeout(() => inFlight.delete(key), REMEMBER_MS).unref();
  return attempt;
}

/** Ends the API session behind a refresh token; best effort, sign-out proceeds regardless. */
export async function revokeSession(fetch: Fetch, refreshToken: string): Promise<void> {
  try {
    await apiClient(fetch).POST('/v1/auth/logout', withRefreshCookie(refreshToken));
  } catch (cause) {
    console.error('[portal] logout call failed', cause);
  }
}

/**
 * The problem, with when to try again added to its detail when the API answered 429 with a Retry-After
 * (a locked account, a rate limit).
 */
export function withRetryTime(problem: Problem, response: Response): Problem {
  const seconds = Number(response.headers.get('retry-after'));
  if (problem.status !== 429 || !Number.isFinite(seconds) || seconds <= 0) return problem;
  const detail = problem.detail ?? problem.title;
  return { ...problem, detail: `${detail} You can try again in ${waitText(Math.ceil(seconds))}.` };
}

/** "45 seconds", "2 minutes", "1 hour": a wait, rounded up. */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

/** All pages of a paged list (items + nextCursor), up to a sane cap. */
export async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ data?: { items: T[]; nextCursor: string | null }; error?: Problem }>,
  maxPages = 20,
): Promise<{ items: T[]; error: Problem | null }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const { data, error } = await page(cursor);
    if (error || !data) return { items, error: error ?? problemOf(500, 'The API returned nothing.') };
    items.push(...data.items);
    if (!data.nextCursor) break;
    cursor = data.nextCursor;
  }
  return { items, error: null };
}

/** A form field as a trimmed string ('' when missing or a file). */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}
