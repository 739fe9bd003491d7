// Helpers for loads and actions of signed-in pages.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { AccordClient } from '@accord/api-client';
import { hasRole } from '$lib/format';
import type { FirmRole, Me } from '$lib/types';

/** Where to send a signed-out visitor: the sign-in page, coming back here afterwards. */
export function loginUrl(url: URL): string {
  const next = url.pathname + url.search;
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

/** A path on this site to go to after signing in; anything else becomes '/'. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

/** The signed-in user and their API client; redirects to sign-in when there is none. */
export function requireMe(event: Pick<RequestEvent, 'locals' | 'url'>): { me: Me; api: AccordClient } {
  const { me, api, apiUnavailable } = event.locals;
  if (!me && apiUnavailable) {
    error(503, {
      message: 'The Accord API cannot be reached right now. Try again in a moment.',
      code: 'api_unavailable',
    });
  }
  if (!me) redirect(303, loginUrl(event.url));
  return { me, api };
}

/** As requireMe, and the acting firm role must be at least `least`. */
export function requireRole(event: Pick<RequestEvent, 'locals' | 'url'>, least: FirmRole) {
  const signedIn = requireMe(event);
  if (!hasRole(signedIn.me.firm.role, least)) {
    error(403, { message: `This page needs the ${least.replace('_', ' ')} role in your firm.`, code: 'role_required' });
  }
  return signedIn;
}
