// The second step of signing in: after the password the API may ask for a code from an authenticator (or, when
// the firm requires MFA and the user has none, for setting one up). Its single-use, five-minute `mfaToken` is
// kept sealed in a short-lived httpOnly cookie scoped to /login, so it never appears in the page and a reload
// stays on the same step.
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { revokeSession } from './api';
import { seal, unseal } from './seal';
import { sessionKey, writeSession, type PortalSession } from './session';

/** Every way of signing in ends here: any session the browser still has (another user's, say) ends first. */
export async function startSession(event: RequestEvent, session: PortalSession): Promise<void> {
  if (event.locals.session) await revokeSession(event.fetch, event.locals.session.refreshToken);
  writeSession(event.cookies, event.url, session);
}

export const CHALLENGE_COOKIE = 'accord_sign_in';
const CHALLENGE_PATH = '/login';

export type ChallengePurpose = 'verify' | 'enrol';

export interface SignInChallenge {
  purpose: ChallengePurpose;
  mfaToken: string;
  /** Who is signing in, to show on the step ("Signing in as …"). */
  email: string;
  /** Where to go once signed in (already made safe). */
  next: string;
  /** Epoch milliseconds when the API stops accepting the token. */
  expiresAt: number;
}

function options(url: URL, maxAge: number) {
  return {
    path: CHALLENGE_PATH,
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: url.protocol === 'https:',
    maxAge,
  };
}

export function readChallenge(cookies: Cookies): SignInChallenge | null {
  const value = unseal(sessionKey(), cookies.get(CHALLENGE_COOKIE), CHALLENGE_COOKIE) as
    Partial<SignInChallenge> | undefined;
  if (
    (value?.purpose !== 'verify' && value?.purpose !== 'enrol') ||
    typeof value.mfaToken !== 'string' ||
    typeof value.email !== 'string' ||
    typeof value.next !== 'string' ||
    typeof value.expiresAt !== 'number' ||
    value.expiresAt <= Date.now()
  ) {
    return null;
  }
  return {
    purpose: value.purpose,
    mfaToken: value.mfaToken,
    email: value.email,
    next: value.next,
    expiresAt: value.expiresAt,
  };
}

export function writeChallenge(cookies: Cookies, url: URL, challenge: SignInChallenge): void {
  const maxAge = Math.max(1, Math.floor((challenge.expiresAt - Date.now()) / 1000));
  cookies.set(CHALLENGE_COOKIE, seal(sessionKey(), challenge, CHALLENGE_COOKIE), options(url, maxAge));
}

export function clearChallenge(cookies: Cookies, url: URL): void {
  cookies.delete(CHALLENGE_COOKIE, options(url, 0));
}

/**
 * The authenticator set-up (secret and QR code) a confirm form posts back, so that a refused code can show
 * the same set-up again without a new secret; only values shaped like the API's are taken.
 */
export function postedEnrolment(form: FormData): { secret: string; qrCodeDataUrl: string } | Record<string, never> {
  const secret = form.get('secret');
  const qrCodeDataUrl = form.get('qrCodeDataUrl');
  if (typeof secret !== 'string' || typeof qrCodeDataUrl !== 'string') return {};
  return /^[A-Z2-7]{16,128}=*$/.test(secret) && /^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(qrCodeDataUrl)
    ? { secret, qrCodeDataUrl }
    : {};
}
