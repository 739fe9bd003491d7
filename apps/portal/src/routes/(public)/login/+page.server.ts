// Sign in: the API checks the password; the portal seals the tokens it answers into the session cookie.
// With two-factor sign-in the API answers a challenge instead: a code from the authenticator (or a recovery
// code) finishes it; when the firm requires MFA of a user who has none, they set up an authenticator here.
import { redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import {
  apiClient,
  failWith,
  field,
  invalid,
  problemOf,
  sessionFrom,
  signInClient,
  withRetryTime,
  type FormFailure,
} from '$lib/server/api';
import { authenticatorCode, checkForm, readForm, required, secret, text } from '$lib/server/form-schema';
import { safeNext } from '$lib/server/guard';
import {
  clearChallenge,
  postedEnrolment,
  readChallenge,
  startSession,
  writeChallenge,
  type SignInChallenge,
} from '$lib/server/sign-in';
import type { Problem } from '$lib/types';
import type { ActionFailure } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const unreachable = () => problemOf(502, 'The Accord API cannot be reached right now. Try again in a moment.');

/** Problems that end the second step: the visitor has to start again with the password. */
const restartCodes = new Set(['mfa_token_invalid', 'mfa_token_expired', 'account_locked', 'validation_failed']);

const credentials = v.object({
  email: required('Enter your email and password.'),
  password: v.pipe(secret(), v.nonEmpty('Enter your email and password.')),
  next: text(),
});

const codeStep = v.object({ code: authenticatorCode('Enter the 6-digit code from your authenticator app.') });
const recoveryStep = v.object({ recoveryCode: required('Enter one of your recovery codes.') });
const enrolmentStep = v.object({ code: authenticatorCode('Enter the 6-digit code your authenticator app shows.') });

export const load: PageServerLoad = ({ locals, url, cookies }) => {
  const next = safeNext(url.searchParams.get('next'));
  if (locals.me) redirect(303, next);
  const challenge = readChallenge(cookies);
  return {
    next,
    signedOut: url.searchParams.has('signedOut'),
    passwordReset: url.searchParams.has('passwordReset'),
    signedUp: url.searchParams.has('signedUp'),
    recovery: url.searchParams.has('recovery'),
    challenge: challenge ? { purpose: challenge.purpose, email: challenge.email, next: challenge.next } : null,
  };
};

/** A refused second step; when the challenge can no longer be used, it is dropped and the password form returns. */
function refuseStep(
  form: string,
  cookies: Cookies,
  url: URL,
  problem: Problem,
  response: Response,
): ActionFailure<FormFailure> {
  if (restartCodes.has(problem.code)) {
    clearChallenge(cookies, url);
    const detail =
      problem.code === 'validation_failed' ? 'This sign-in step is no longer valid; sign in again.' : problem.detail;
    return failWith('login', withRetryTime({ ...problem, ...(detail ? { detail } : {}) }, response));
  }
  return failWith(form, withRetryTime(problem, response));
}

function missingChallenge(cookies: Cookies, url: URL): ActionFailure<FormFailure> {
  clearChallenge(cookies, url);
  return invalid('login', 'The sign-in step timed out (you have five minutes to finish it). Sign in again.');
}

export const actions: Actions = {
  password: async (event) => {
    const posted = await readForm(event, 'login', credentials, { values: ['email'] });
    if (!posted.ok) return posted.failure;
    const { values } = posted;
    const { email, password } = posted.data;
    const next = safeNext(posted.data.next || event.url.searchParams.get('next'));
    clearChallenge(event.cookies, event.url);

    let result;
    try {
      result = await apiClient(event.fetch).POST('/v1/auth/login', {
        body: { email, password },
        ...signInClient(event),
      });
    } catch (cause) {
      console.error('[portal] login call failed', cause);
      return failWith('login', unreachable(), { values });
    }
    const { data, error, response } = result;
    if (error) {
      const problem =
        error.code === 'validation_failed'
          ? { ...error, errors: [], detail: 'Enter a valid email address and your password.' }
          : error.code === 'sso_required'
            ? { ...error, detail: 'Your firm signs in through its identity provider: continue with single sign-on.' }
            : withRetryTime(error, response);
      return failWith('login', problem, { values });
    }

    if ('mfaToken' in data) {
      const challenge: SignInChallenge = {
        purpose: 'mfaRequired' in data ? 'verify' : 'enrol',
        mfaToken: data.mfaToken,
        email,
        next,
        expiresAt: Date.now() + data.expiresIn * 1000,
      };
      writeChallenge(event.cookies, event.url, challenge);
      if (challenge.purpose === 'verify') return { form: 'password', step: 'verify' as const };
      return startEnrolment(event, challenge);
    }

    const session = sessionFrom(data, response);
    if (!session) return failWith('login', problemOf(502, 'The API did not start a session.'), { values });
    await startSession(event, session);
    redirect(303, next);
  },

  /** The code from the authenticator, or a recovery code. */
  verify: async (event) => {
    const challenge = readChallenge(event.cookies);
    if (challenge?.purpose !== 'verify') return missingChallenge(event.cookies, event.url);
    const form = await event.request.formData();
    const useRecovery = field(form, 'method') === 'recovery';
    const formName = useRecovery ? 'recovery' : 'verify';
    const posted = useRecovery ? checkForm(form, formName, recoveryStep) : checkForm(form, formName, codeStep);
    if (!posted.ok) return posted.failure;

    let result;
    try {
      result = await apiClient(event.fetch).POST('/v1/auth/mfa', {
        body: { mfaToken: challenge.mfaToken, ...posted.data },
        ...signInClient(event),
      });
    } catch (cause) {
      console.error('[portal] MFA verification call failed', cause);
      return failWith(formName, unreachable());
    }
    const { data, error, response } = result;
    if (error) return refuseStep(formName, event.cookies, event.url, error, response);
    const session = sessionFrom(data, response);
    if (!session) return failWith(formName, problemOf(502, 'The API did not start a session.'));
    clearChallenge(event.cookies, event.url);
    await startSession(event, session);
    redirect(303, challenge.next);
  },

  /** A new authenticator secret for a user whose firm requires MFA (again, after a reload). */
  enrolStart: async (event) => {
    const challenge = readChallenge(event.cookies);
    if (challenge?.purpose !== 'enrol') return missingChallenge(event.cookies, event.url);
    return startEnrolment(event, challenge);
  },

  /** The first code from the new authenticator: turns MFA on and signs in; the recovery codes are shown once. */
  enrolConfirm: async (event) => {
    const challenge = readChallenge(event.cookies);
    if (challenge?.purpose !== 'enrol') return missingChallenge(event.cookies, event.url);
    // The set-up being confirmed, to show again if the code is refused.
    const posted = await readForm(event, 'enrolConfirm', enrolmentStep, { values: postedEnrolment });
    if (!posted.ok) return posted.failure;
    const { code } = posted.data;
    const enrolment = posted.values;

    let result;
    try {
      result = await apiClient(event.fetch).POST('/v1/auth/mfa/enrolment/confirm', {
        body: { mfaToken: challenge.mfaToken, code },
        ...signInClient(event),
      });
    } catch (cause) {
      console.error('[portal] MFA enrolment confirm failed', cause);
      return failWith('enrolConfirm', unreachable(), { values: enrolment });
    }
    const { data, error, response } = result;
    if (error) {
      if (restartCodes.has(error.code)) return refuseStep('enrolConfirm', event.cookies, event.url, error, response);
      return failWith('enrolConfirm', withRetryTime(error, response), { values: enrolment });
    }
    const session = sessionFrom(data, response);
    if (!session) return failWith('enrolConfirm', problemOf(502, 'The API did not start a session.'));
    clearChallenge(event.cookies, event.url);
    await startSession(event, session);
    return { form: 'enrolled', recoveryCodes: data.recoveryCodes, next: challenge.next };
  },

  /** Back to the password form. */
  restart: ({ cookies, url }) => {
    clearChallenge(cookies, url);
    return { form: 'restart' };
  },
};

async function startEnrolment(event: RequestEvent, challenge: SignInChallenge) {
  let result;
  try {
    result = await apiClient(event.fetch).POST('/v1/auth/mfa/enrolment', { body: { mfaToken: challenge.mfaToken } });
  } catch (cause) {
    console.error('[portal] MFA enrolment start failed', cause);
    return failWith('enrolStart', unreachable());
  }
  const { data, error, response } = result;
  if (error) return refuseStep('enrolStart', event.cookies, event.url, error, response);
  return {
    form: 'enrolStart',
    step: 'enrol' as const,
    enrolment: { secret: data.secret, qrCodeDataUrl: data.qrCodeDataUrl },
  };
}
