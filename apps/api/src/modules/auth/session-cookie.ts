// How a session reaches the browser: the rotating refresh token in an httpOnly cookie scoped to
// /v1/auth, the access token in the answer. Every sign-in (password, MFA, invitation, SSO) ends here.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACCESS_TOKEN_SECONDS } from '../../plugins/auth.ts';
import { REFRESH_TOKEN_DAYS, type ClientInfo, type IssuedSession } from './auth.service.ts';

export const REFRESH_COOKIE = 'accord_refresh';
const cookiePath = '/v1/auth';

/** Where a sign-in comes from, for the session list. */
export function clientOf(request: FastifyRequest): ClientInfo {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}

/** Sets the rotating refresh token as an httpOnly cookie and answers with the access token. */
export function sendSession(request: FastifyRequest, reply: FastifyReply, session: IssuedSession) {
  reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
    path: cookiePath,
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: REFRESH_TOKEN_DAYS * 86_400,
  });
  return {
    accessToken: request.server.jwt.sign({ sub: session.user.id, firm: session.firm.id, sid: session.familyId }),
    tokenType: 'Bearer' as const,
    expiresIn: ACCESS_TOKEN_SECONDS,
    user: session.user,
    firm: session.firm,
  };
}

export function clearRefreshCookie(reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, { path: cookiePath });
}
