import { networkMemberships, networks, users } from '@accord/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { emptyBodyAsObject, problemResponses } from '../../http/common.schemas.ts';
import { ApiProblem } from '../../http/problems.ts';
import { ACCESS_TOKEN_SECONDS, asActor } from '../../plugins/auth.ts';
import {
  AcceptInvitationBody,
  InvitationPreview,
  InvitationTokenBody,
  LoginBody,
  Me,
  RefreshBody,
  Session,
} from './auth.schemas.ts';
import {
  acceptInvitation,
  firmsOfUser,
  REFRESH_TOKEN_DAYS,
  rotate,
  signIn,
  signOut,
  usableInvitation,
  type IssuedSession,
} from './auth.service.ts';

export const REFRESH_COOKIE = 'accord_refresh';
const cookiePath = '/v1/auth';

function clientOf(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}

/** Sets the rotating refresh token as an httpOnly cookie and answers with the access token. */
function sendSession(request: FastifyRequest, reply: FastifyReply, session: IssuedSession) {
  reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
    path: cookiePath,
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: REFRESH_TOKEN_DAYS * 86_400,
  });
  return {
    accessToken: request.server.jwt.sign({ sub: session.user.id, firm: session.firm.id }),
    tokenType: 'Bearer' as const,
    expiresIn: ACCESS_TOKEN_SECONDS,
    user: session.user,
    firm: session.firm,
  };
}

export const authRoutes: FastifyPluginAsyncTypebox<{ loginRateLimit: number }> = async (app, options) => {
  app.post(
    '/v1/auth/login',
    {
      config: {
        public: true,
        rateLimit: {
          // after body parsing, so the key can include the email
          hook: 'preValidation',
          max: options.loginRateLimit,
          timeWindow: 60_000,
          keyGenerator: (request: FastifyRequest) => {
            const email = (request.body as { email?: unknown } | undefined)?.email;
            return `login:${request.ip}:${typeof email === 'string' ? email.toLowerCase() : ''}`;
          },
        },
      },
      schema: {
        operationId: 'login',
        summary: 'Sign in with email and password',
        description:
          'Answers a 15-minute access token and sets the rotating refresh token as an httpOnly cookie. ' +
          'Sign-in attempts are limited per address and email.',
        tags: ['auth'],
        body: LoginBody,
        response: { 200: Session, ...problemResponses },
      },
    },
    async (request, reply) => sendSession(request, reply, await signIn(app.db, request.body, clientOf(request))),
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
          'Spends the refresh token cookie and sets a new one. Presenting a spent token again ends every ' +
          'session of that sign-in. Pass `firmId` to switch to another firm the user belongs to.',
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
        if (error instanceof ApiProblem && error.status === 401)
          reply.clearCookie(REFRESH_COOKIE, { path: cookiePath });
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
      reply.clearCookie(REFRESH_COOKIE, { path: cookiePath });
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
    (request) =>
      asActor(request, async (tx, actor) => {
        const [user] = await tx
          .select({ id: users.id, email: users.email, name: users.name })
          .from(users)
          .where(eq(users.id, actor.userId));
        const memberships = await firmsOfUser(tx, actor.userId);
        const ownNetworks = await tx
          .select({
            id: networks.id,
            name: networks.name,
            focalFirmId: networks.focalFirmId,
            status: networkMemberships.status,
          })
          .from(networkMemberships)
          .innerJoin(networks, eq(networks.id, networkMemberships.networkId))
          .where(and(eq(networkMemberships.firmId, actor.firmId), ne(networkMemberships.status, 'declined')))
          .orderBy(asc(networks.name));
        const firm = memberships.find((m) => m.id === actor.firmId);
        if (!user || !firm) throw new Error('signed-in user or firm not visible to itself');
        return { user, firm, firms: memberships, networks: ownNetworks };
      }),
  );

  app.post(
    '/v1/invitations/lookup',
    {
      config: { public: true },
      schema: {
        operationId: 'lookupInvitation',
        summary: 'What an invitation link is for, before accepting it',
        tags: ['auth'],
        body: InvitationTokenBody,
        response: { 200: InvitationPreview, ...problemResponses },
      },
    },
    async (request) => {
      const invitation = await usableInvitation(app.db, request.body.token);
      return {
        firmName: invitation.firm_name,
        email: invitation.email,
        role: invitation.role,
        expiresAt: new Date(invitation.expires_at).toISOString(),
        userExists: invitation.user_exists,
      };
    },
  );

  app.post(
    '/v1/invitations/accept',
    {
      config: { public: true },
      schema: {
        operationId: 'acceptInvitation',
        summary: 'Accept an invitation to a firm and sign in',
        description:
          'A new person sets a name and password; a person who already has an account enters its password. ' +
          'Answers like sign-in.',
        tags: ['auth'],
        body: AcceptInvitationBody,
        response: { 200: Session, ...problemResponses },
      },
    },
    async (request, reply) =>
      sendSession(request, reply, await acceptInvitation(app.db, request.body, clientOf(request))),
  );
};
