// The signed-in user's account security: sessions, password, two-factor sign-in.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { problemResponses } from '../../http/common.schemas.ts';
import { notFound } from '../../http/problems.ts';
import { asActor } from '../../plugins/auth.ts';
import { RecoveryCodes, TotpEnrolment } from '../auth/auth.schemas.ts';
import { startTotpEnrolment } from '../auth/mfa.service.ts';
import {
  ChangePasswordBody,
  ConfirmTotpBody,
  DisableMfaBody,
  RevokedSessions,
  SessionParams,
  UserSessions,
} from './account.schemas.ts';
import {
  changeOwnPassword,
  confirmOwnTotp,
  disableMfaWithCode,
  listSessions,
  newPasswordHash,
  ownUser,
  proveOwnPassword,
  refuseMfaCode,
  revokeOtherSessions,
  revokeSession,
  userWhoMayDisableMfa,
} from './account.service.ts';

const security = [{ bearer: [] }];
const tags = ['account'];

export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/me/sessions',
    {
      schema: {
        operationId: 'listMySessions',
        summary: 'Where you are signed in: device, address, when it started and was last used',
        tags,
        security,
        response: { 200: UserSessions, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => ({ items: await listSessions(tx, actor.userId, actor.sessionId) })),
  );

  app.delete(
    '/v1/me/sessions/:sessionId',
    {
      schema: {
        operationId: 'revokeMySession',
        summary: 'Sign out one of your sessions; its access token stops working at once',
        tags,
        security,
        params: SessionParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await asActor(request, async (tx, actor) => {
        if (!(await revokeSession(tx, actor.userId, request.params.sessionId))) throw notFound('session');
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/me/sessions/revoke-others',
    {
      schema: {
        operationId: 'revokeMyOtherSessions',
        summary: 'Sign out everywhere else, keeping this session',
        tags,
        security,
        response: { 200: RevokedSessions, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => ({
        revoked: await revokeOtherSessions(tx, actor.userId, actor.sessionId),
      })),
  );

  app.post(
    '/v1/me/password',
    {
      config: {
        rateLimit: { max: 10, timeWindow: 60_000, keyGenerator: (request) => `password:${request.ip}` },
      },
      schema: {
        operationId: 'changeMyPassword',
        summary: 'Change your password; your other sessions end',
        description:
          'A wrong current password counts toward the lockout. A new password the policy refuses answers 422 ' +
          '`weak_password` with a `reason` (`too_short`, `too_long`, `common`, `personal`).',
        tags,
        security,
        body: ChangePasswordBody,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const me = await asActor(request, (tx, actor) => ownUser(tx, actor.userId));
      await proveOwnPassword(app.db, me, request.body.currentPassword);
      const passwordHash = await newPasswordHash(me, request.body.newPassword);
      await asActor(request, (tx, actor) => changeOwnPassword(tx, actor, passwordHash));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/me/mfa/totp',
    {
      schema: {
        operationId: 'startTotpEnrolment',
        summary: 'Start setting up an authenticator app',
        description:
          'Answers a new secret, its otpauth URI and a QR code. Nothing changes for sign-in until a code ' +
          'confirms it at POST /v1/me/mfa/totp/confirm.',
        tags,
        security,
        response: { 200: TotpEnrolment, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => startTotpEnrolment(tx, app.secretBox, await ownUser(tx, actor.userId))),
  );

  app.post(
    '/v1/me/mfa/totp/confirm',
    {
      schema: {
        operationId: 'confirmTotpEnrolment',
        summary: 'Turn on two-factor sign-in with a code from the new authenticator',
        description: 'Answers ten recovery codes, each good once, shown this once.',
        tags,
        security,
        body: ConfirmTotpBody,
        response: { 200: RecoveryCodes, ...problemResponses },
      },
    },
    (request) => asActor(request, (tx, actor) => confirmOwnTotp(tx, app.secretBox, actor.userId, request.body.code)),
  );

  app.delete(
    '/v1/me/mfa',
    {
      schema: {
        operationId: 'disableMfa',
        summary: 'Turn off two-factor sign-in (needs your password and a current code)',
        description: 'Refused while a firm you belong to requires MFA.',
        tags,
        security,
        body: DisableMfaBody,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const me = await asActor(request, (tx, actor) => userWhoMayDisableMfa(tx, actor.userId));
      await proveOwnPassword(app.db, me, request.body.password);
      const ok = await asActor(request, (tx, actor) =>
        disableMfaWithCode(tx, app.secretBox, actor.userId, request.body.code),
      );
      if (!ok) await refuseMfaCode(app.db, me.id);
      return reply.status(204).send(null);
    },
  );
};
