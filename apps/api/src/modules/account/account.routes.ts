// The signed-in user's account security: sessions, password, two-factor sign-in.
import { anonymous, firmMemberships, firms, query, users, withTenant } from '@accord/db';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, eq, isNull, sql } from 'drizzle-orm';
import Type from 'typebox';
import { problemResponses } from '../../http/common.schemas.ts';
import { ApiProblem, badRequest, forbidden, notFound } from '../../http/problems.ts';
import { asActor } from '../../plugins/auth.ts';
import { RecoveryCodes, TotpEnrolment } from '../auth/auth.schemas.ts';
import { accountByEmail, accountLocked, checkNewPassword, recordFailedSignIn } from '../auth/auth.service.ts';
import {
  confirmTotpEnrolment,
  disableMfa,
  mfaEnabled,
  startTotpEnrolment,
  verifySecondFactor,
} from '../auth/mfa.service.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import {
  ChangePasswordBody,
  ConfirmTotpBody,
  DisableMfaBody,
  RevokedSessions,
  SessionParams,
  UserSessions,
} from './account.schemas.ts';
import { listSessions, revokeOtherSessions, revokeSession } from './account.service.ts';

const security = [{ bearer: [] }];
const tags = ['account'];

const wrongPassword = () => forbidden('wrong_password', 'The current password is wrong.');

export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** Checks the signed-in user's password; a wrong one counts toward the account's lockout. */
  async function proveOwnPassword(userId: string, email: string, password: string): Promise<void> {
    const [account] = await withTenant(app.db, anonymous, (tx) => accountByEmail(tx, email));
    if (!account || account.id !== userId) throw wrongPassword();
    if (account.locked_until && new Date(account.locked_until).getTime() > Date.now()) {
      throw accountLocked(new Date(account.locked_until));
    }
    if (!(await verifyPassword(account.password_hash, password))) {
      const lock = await recordFailedSignIn(app.db, userId);
      throw lock ? accountLocked(lock) : wrongPassword();
    }
  }

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
      const me = await asActor(request, async (tx, actor) => {
        const [user] = await tx
          .select({ id: users.id, email: users.email, name: users.name })
          .from(users)
          .where(eq(users.id, actor.userId));
        return user!;
      });
      await proveOwnPassword(me.id, me.email, request.body.currentPassword);
      checkNewPassword(request.body.newPassword, me);
      const passwordHash = await hashPassword(request.body.newPassword);
      await asActor(request, async (tx, actor) => {
        const [changed] = await query<{ changed: boolean | null }>(
          tx,
          sql`select auth_change_password(${passwordHash}) as changed`,
        );
        if (!changed?.changed) throw new Error('password change did not apply');
        await revokeOtherSessions(tx, actor.userId, actor.sessionId);
      });
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
      asActor(request, async (tx, actor) => {
        const [user] = await tx
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(eq(users.id, actor.userId));
        return startTotpEnrolment(tx, app.secretBox, user!);
      }),
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
    (request) =>
      asActor(request, async (tx, actor) => {
        const codes = await confirmTotpEnrolment(tx, app.secretBox, actor.userId, request.body.code);
        if (!codes) {
          throw badRequest(
            'mfa_code_invalid',
            'That code does not match the authenticator being set up (or no set-up was started).',
          );
        }
        return { recoveryCodes: codes };
      }),
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
      const me = await asActor(request, async (tx, actor) => {
        const [user] = await tx
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(eq(users.id, actor.userId));
        if (!(await mfaEnabled(tx, actor.userId)))
          throw new ApiProblem(409, 'mfa_not_enabled', 'Conflict', 'Two-factor sign-in is not on.');
        const [requiring] = await tx
          .select({ name: firms.name })
          .from(firmMemberships)
          .innerJoin(firms, eq(firms.id, firmMemberships.firmId))
          .where(
            and(
              eq(firmMemberships.userId, actor.userId),
              isNull(firmMemberships.deactivatedAt),
              eq(firms.requireMfa, true),
            ),
          )
          .limit(1);
        if (requiring) {
          throw forbidden(
            'mfa_required_by_firm',
            `${requiring.name} requires two-factor sign-in; it cannot be turned off.`,
          );
        }
        return user!;
      });
      await proveOwnPassword(me.id, me.email, request.body.password);
      const ok = await asActor(request, async (tx, actor) => {
        if (!(await verifySecondFactor(tx, app.secretBox, actor.userId, { code: request.body.code }))) return false;
        await disableMfa(tx, actor.userId);
        return true;
      });
      if (!ok) {
        const lock = await recordFailedSignIn(app.db, me.id);
        if (lock) throw accountLocked(lock);
        throw badRequest('mfa_code_invalid', 'That code is not right, has expired or was already used.');
      }
      return reply.status(204).send(null);
    },
  );
};
