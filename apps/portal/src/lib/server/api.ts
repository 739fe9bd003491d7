// Server-side access to the Accord API: one typed client per request, built on SvelteKit's fetch,
// plus the session calls (login, refresh, logout) that carry the API's refresh-token cookie.
import { createClient, type AccordClient } from '@accord/api-client';
import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { Problem } from '$lib/types';
import { cookieFromSetCookie } from './seal';
import type { PortalSession } from './session';

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

export function problemOf(status: number, detail: string, code = 'portal_error'): Problem {
  return { type: 'about:blank', title: 'Error', status, code, detail };
}

/** A schema error as a sentence: `body/email` + `must match format "email"` → "email must be a valid email address". */
function fieldError(error: { path: string; message: string }): string {
  const field = error.path.replace(/^\/?body\/?/, '').replace(/\//g, '.') || 'the request';
  return `${field} ${plainMessage(error.message)}`;
}

/** The API's schema messages in the portal's words. */
function plainMessage(message: string): string {
  return message.replace(/^must match format "email"$/, 'must be a valid email address');
}

/** The sentence to show for an API problem: its detail (or, for schema errors, each field's), else its title. */
export function problemMessage(problem: Partial<Problem> | undefined | null): string {
  if (!problem) return 'Something went wrong. Try again.';
  if (problem.code === 'validation_failed' && problem.errors?.length) {
    const sentence = problem.errors.map(fieldError).join('; ');
    return sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.';
  }
  return problem.detail || problem.title || 'Something went wrong. Try again.';
}

/**
 * Problems about one field that carry no `errors[]`, and the field they are about (by the API's name for it;
 * a form whose input is named otherwise maps it with `fieldOf`).
 */
const problemFields: Record<string, string> = {
  weak_password: 'password',
  expiry_in_past: 'expiresAt',
  reason_required: 'reason',
};

/**
 * The API's path of an invalid part as a field name: `body/name` and `/name` → `name`,
 * `body/sections/0/title` → `sections.0.title`.
 */
export function pathField(path: string): string {
  return path
    .replace(/^\/?body(\/|$)/, '')
    .replace(/^\//, '')
    .replace(/\//g, '.');
}

/** Maps the API's field names (see `pathField`) to the form's; null leaves the message out of `errors`. */
export type FieldOf = Record<string, string> | ((field: string) => string | null);

/** Each field's message from an API problem, keyed by the form's field names. */
export function problemErrors(
  problem: Partial<Problem> | undefined | null,
  fieldOf: FieldOf = {},
  message?: string,
  codeFields: Record<string, string> = {},
): Record<string, string> {
  const rename = (name: string) => (typeof fieldOf === 'function' ? fieldOf(name) : (fieldOf[name] ?? name));
  const errors: Record<string, string> = {};
  const add = (name: string, text: string) => {
    const field = rename(name);
    if (!field) return;
    const sentence = text.charAt(0).toUpperCase() + text.slice(1);
    errors[field] = errors[field] ? `${errors[field]}; ${sentence}` : sentence;
  };
  for (const e of problem?.errors ?? []) {
    const name = pathField(e.path);
    const missing = /^missing required field\(s\): (.+)$/.exec(e.message);
    if (missing) {
      for (const each of missing[1]!.split(', ')) add(name ? `${name}.${each}` : each, 'required');
    } else if (name) add(name, plainMessage(e.message));
  }
  const single = problem?.code ? (codeFields[problem.code] ?? problemFields[problem.code]) : undefined;
  if (single && !problem?.errors?.length) add(single, message ?? problemMessage(problem));
  return errors;
}

export interface FormFailure {
  /** Which form on the page failed, so the message appears next to it. */
  form: string;
  message: string;
  code?: string;
  /** Field values to put back into the form (never passwords). */
  values?: Record<string, string>;
  /** The row the form belongs to, for per-row forms. */
  target?: string;
  /** Per-field messages, keyed by the form field's name (see `FieldError`). */
  errors?: Record<string, string>;
}

/**
 * An action failure carrying an API problem, for showing next to the form that caused it, with the problem's
 * per-field messages beside their fields (`fieldOf` maps the API's names to the form's).
 */
export function failWith(
  form: string,
  problem: Partial<Problem> | undefined | null,
  extra: Omit<FormFailure, 'form' | 'message' | 'code' | 'errors'> & {
    /** Renames the API's field names to the form's. */
    fieldOf?: FieldOf;
    /** Problems about one field without `errors[]`, by code: which field of the form they are about. */
    codeFields?: Record<string, string>;
    /** The sentence to show instead of the problem's own. */
    message?: string;
  } = {},
): ActionFailure<FormFailure> {
  const { fieldOf, codeFields, message, ...rest } = extra;
  const status = problem?.status && problem.status >= 400 && problem.status < 600 ? problem.status : 400;
  const errors = problemErrors(problem, fieldOf, message, codeFields);
  return fail(status, {
    form,
    message: message ?? problemMessage(problem),
    ...(problem?.code ? { code: problem.code } : {}),
    ...rest,
    ...(Object.keys(errors).length ? { errors } : {}),
  });
}

/** A load's failure from an API problem: the error page with the problem's detail, else `fallback`. */
export function fail500(problem: Partial<Problem> | null | undefined, fallback: string, notFound?: string): never {
  error(problem?.status ?? 500, {
    message: notFound && problem?.status === 404 ? notFound : (problem?.detail ?? problem?.title ?? fallback),
    ...(problem?.code ? { code: problem.code } : {}),
  });
}

/** A failure found by the portal itself before calling the API (a missing field, say). */
export function invalid(
  form: string,
  message: string,
  extra: Omit<FormFailure, 'form' | 'message'> = {},
): ActionFailure<FormFailure> {
  return fail(400, { form, message, ...extra });
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
