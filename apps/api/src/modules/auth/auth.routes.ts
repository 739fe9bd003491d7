import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { perAddress, perAddressAndEmail } from '../../http/rate-limits.ts';
import { emptyBodyAsObject, problemResponses } from '../../http/common.schemas.ts';
import { ApiProblem } from '../../http/problems.ts';
import { asActor } from '../../plugins/auth.ts';
import {
  EnrolledSession,
  LoginBody,
  LoginResult,
  Me,
  MfaEnrolmentConfirmBody,
  MfaTokenBody,
  MfaVerifyBody,
  PasswordResetAccepted,
  PasswordResetBody,
  PasswordResetCompleteBody,
  RefreshBody,
  Session,
  TotpEnrolment,
} from './auth.schemas.ts';
import {
  completePasswordReset,
  describeMe,
  MFA_TOKEN_SECONDS,
  PASSWORD_RESET_MINUTES,
  requestPasswordReset,
  rotate,
  signIn,
  signOut,
} from './auth.service.ts';
import { confirmSignInEnrolment, finishMfaSignIn, startSignInEnrolment } from './mfa-sign-in.service.ts';
import { clearRefreshCookie, clientOf, REFRESH_COOKIE, sendSession } from './session-cookie.ts';

export const authRoutes: FastifyPluginAsyncTypebox<{
  loginRateLimit: number;
  loginAddressLimit: number;
  portalUrl: string;
}> = async (app, options) => {
  // one address failing to sign in to many accounts, or asking many resets, meets a limit
  const sprays = perAddress(app, 'login', options.loginAddressLimit, 60_000);
  const resets = perAddress(app, 'reset', options.loginAddressLimit, 60_000);

  app.post(
    '/v1/auth/login',
    {
      config: {
        public: true,
        rateLimit: perAddressAndEmail('login', options.loginRateLimit, 60_000),
      },
      preHandler: (request) => sprays.check(request),
      schema: {
        operationId: 'login',
        summary: 'Sign in with email and password',
        description:
          'Answers a 15-minute access token and sets the rotating refresh token as an httpOnly cookie. ' +
          'A user with two-factor sign-in gets `{ mfaRequired, mfaToken }` instead (finish with POST /v1/auth/mfa); ' +
          'a user of a firm that requires MFA but who has none set up gets `{ mfaEnrolmentRequired, mfaToken }`. ' +
          "People who must sign in through their firm's identity provider get 403 `sso_required`; people who " +
          'signed up and have not yet confirmed their email get 403 `email_not_verified`. ' +
          'Sign-in attempts are limited per address and email, and failed ones per address across emails ' +
          '(429 `rate_limited` with Retry-After); five failures in a row lock the account for a ' +
          'minute, doubling with each further failure up to an hour (429 `account_locked` with Retry-After).',
        tags: ['auth'],
        body: LoginBody,
        response: { 200: LoginResult, ...problemResponses },
      },
    },
    async (request, reply) => {
      const outcome = await signIn(app.db, request.body, clientOf(request)).catch(async (error: unknown) => {
        if (error instanceof ApiProblem && error.status === 401) await sprays.count(request);
        throw error;
      });
      if ('session' in outcome) return sendSession(request, reply, outcome.session);
      const { purpose, mfaToken } = outcome.challenge;
      return purpose === 'verify'
        ? { mfaRequired: true as const, mfaToken, expiresIn: MFA_TOKEN_SECONDS }
        : { mfaEnrolmentRequired: true as const, mfaToken, expiresIn: MFA_TOKEN_SECONDS };
    },
  );

  app.post(
    '/v1/auth/mfa',
    {
      config: { public: true },
      schema: {
        operationId: 'verifyMfa',
        summary: 'Finish signing in with a code from the authenticator, or a recovery code',
        description:
          'Takes the `mfaToken` from sign-in and a 6-digit `code` (the current one, or one step either side) ' +
          'or a `recoveryCode` (each works once). Answers like sign-in. Wrong codes count toward the lockout.',
        tags: ['auth'],
        body: MfaVerifyBody,
        response: { 200: Session, ...problemResponses },
      },
    },
    async (request, reply) => {
      const session = await finishMfaSignIn(app.db, app.secretBox, request.body, clientOf(request));
      return sendSession(request, reply, session);
    },
  );

  app.post(
    '/v1/auth/mfa/enrolment',
    {
      config: { public: true },
      schema: {
        operationId: 'startSignInMfaEnrolment',
        summary: 'Set up an authenticator during sign-in, when the firm requires MFA',
        description:
          'Takes the `mfaToken` of an `mfaEnrolmentRequired` sign-in; answers a new secret, its otpauth URI and ' +
          'a QR code. Confirm with a code at POST /v1/auth/mfa/enrolment/confirm.',
        tags: ['auth'],
        body: MfaTokenBody,
        response: { 200: TotpEnrolment, ...problemResponses },
      },
    },
    async (request) => {
      return startSignInEnrolment(app.db, app.secretBox, request.body.mfaToken);
    },
  );

  app.post(
    '/v1/auth/mfa/enrolment/confirm',
    {
      config: { public: true },
      schema: {
        operationId: 'confirmSignInMfaEnrolment',
        summary: 'Confirm the new authenticator with a code and finish signing in',
        description: 'Answers like sign-in, plus ten recovery codes shown this once.',
        tags: ['auth'],
        body: MfaEnrolmentConfirmBody,
        response: { 200: EnrolledSession, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { session, recoveryCodes } = await confirmSignInEnrolment(
        app.db,
        app.secretBox,
        request.body,
        clientOf(request),
      );
      return { ...sendSession(request, reply, session), recoveryCodes };
    },
  );

  app.post(
    '/v1/auth/password-reset',
    {
      config: {
        public: true,
        rateLimit: perAddressAndEmail('reset', options.loginRateLimit, 60_000),
      },
      preHandler: async (request) => {
        await resets.check(request);
        await resets.count(request);
      },
      schema: {
        operationId: 'requestPasswordReset',
        summary: 'Email a password reset link',
        description:
          `Always answers 202, whether or not an account uses the email. If one does, a link valid for ` +
          `${PASSWORD_RESET_MINUTES} minutes, good once, is emailed to it (not to people who must sign in through ` +
          `their firm's single sign-on).`,
        tags: ['auth'],
        body: PasswordResetBody,
        response: { 202: PasswordResetAccepted, ...problemResponses },
      },
    },
    async (request, reply) => {
      const sent = await requestPasswordReset(app.db, request.body.email, options.portalUrl);
      if (sent) {
        await app.queue.enqueue(
          'deliver-email',
          { firmId: sent.firmId, emailId: sent.emailId },
          { jobId: `email-${sent.emailId}` },
        );
      }
      return reply.status(202).send({ detail: 'If an account uses that email, a reset link is on its way.' });
    },
  );

  app.post(
    '/v1/auth/password-reset/complete',
    {
      config: { public: true },
      schema: {
        operationId: 'completePasswordReset',
        summary: 'Set a new password with the token from a reset link',
        description:
          'Spends the token, ends every session of the account and lifts any lockout. A spent or expired ' +
          'token answers 410; a password the policy refuses answers 422 `weak_password` with a `reason`.',
        tags: ['auth'],
        body: PasswordResetCompleteBody,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await completePasswordReset(app.db, request.body.token, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/auth/refresh',
    {
      config: { public: true },
      preValidation: emptyBodyAsObject,
      schema: {
        operationId: 'refreshSession',
        summary: 'Rotate the refresh token and get a new access token',
        description:
          'Spends the refresh token cookie and sets a new one. A token spent less than 10 s ago still ' +
          'refreshes (two tabs at once); presenting it after that ends every session of that sign-in. Pass `firmId` to switch to another firm the user belongs to.',
        tags: ['auth'],
        body: RefreshBody,
        response: { 200: Session, ...problemResponses },
      },
    },
    async (request, reply) => {
      try {
        const session = await rotate(app.db, request.cookies[REFRESH_COOKIE], request.body.firmId, clientOf(request));
        return sendSession(request, reply, session);
      } catch (error) {
        // A refused token is dead: drop the cookie. Other refusals (a firm switch) keep the session.
        if (error instanceof ApiProblem && error.status === 401) clearRefreshCookie(reply);
        throw error;
      }
    },
  );

  app.post(
    '/v1/auth/logout',
    {
      config: { public: true },
      schema: {
        operationId: 'logout',
        summary: 'Sign out: end this sign-in and clear the refresh cookie',
        tags: ['auth'],
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await signOut(app.db, request.cookies[REFRESH_COOKIE]);
      clearRefreshCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/v1/me',
    {
      schema: {
        operationId: 'getMe',
        summary: 'The signed-in user, the firm they act for, their firms and networks',
        tags: ['auth'],
        security: [{ bearer: [] }],
        response: { 200: Me, ...problemResponses },
      },
    },
    (request) => asActor(request, (tx, actor) => describeMe(tx, actor)),
  );
};
