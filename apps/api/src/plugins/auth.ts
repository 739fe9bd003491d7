// Who is calling: a signed-in user acting for one firm, proven by a short-lived access JWT.
// Routes are private unless their config says `public: true`.
import { firmMemberships, users, withTenant, type FirmRole, type Transaction } from '@accord/db';
import fastifyJwt from '@fastify/jwt';
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { forbidden, unauthorized } from '../http/problems.ts';

export const ACCESS_TOKEN_SECONDS = 15 * 60;

export interface AccessClaims {
  /** The user id. */
  sub: string;
  /** The firm the user acts for. */
  firm: string;
}

export interface Actor {
  userId: string;
  firmId: string;
}

export interface ActingMember extends Actor {
  role: FirmRole;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AccessClaims;
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    public?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export const authPlugin = fp(
  async (app: FastifyInstance, options: { secret: string }) => {
    await app.register(fastifyJwt, {
      secret: options.secret,
      sign: { algorithm: 'HS256', expiresIn: ACCESS_TOKEN_SECONDS },
      verify: { algorithms: ['HS256'] },
    });
    app.decorateRequest('actor', null);
    app.addHook('onRequest', async (request) => {
      if (request.routeOptions.config.public || !request.routeOptions.url?.startsWith('/v1/')) return;
      const claims = await request.jwtVerify<AccessClaims>();
      if (typeof claims.sub !== 'string' || typeof claims.firm !== 'string') {
        throw unauthorized('token_invalid', 'The access token lacks its user or firm.');
      }
      request.actor = { userId: claims.sub, firmId: claims.firm };
    });
  },
  { name: 'auth', dependencies: ['problems'] },
);

/**
 * Runs work as the calling user's firm under row-level security, after checking the user still
 * belongs to that firm and is active (an access token outlives neither).
 */
export function asActor<T>(
  request: FastifyRequest,
  work: (tx: Transaction, actor: ActingMember) => Promise<T>,
): Promise<T> {
  const actor = request.actor;
  if (!actor) throw unauthorized('token_missing', 'This endpoint needs an access token.');
  return withTenant(request.server.db, actor, async (tx) => {
    const [membership] = await tx
      .select({ role: firmMemberships.role })
      .from(firmMemberships)
      .innerJoin(users, eq(users.id, firmMemberships.userId))
      .where(
        and(
          eq(firmMemberships.userId, actor.userId),
          eq(firmMemberships.firmId, actor.firmId),
          isNull(users.deactivatedAt),
        ),
      );
    if (!membership) throw unauthorized('membership_revoked', 'You no longer act for this firm; sign in again.');
    return work(tx, { ...actor, role: membership.role });
  });
}

const rank: Record<FirmRole, number> = { viewer: 0, analyst: 1, manager: 2, firm_admin: 3 };

export function requireRole(actor: ActingMember, least: FirmRole): void {
  if (rank[actor.role] < rank[least]) {
    throw forbidden('role_required', `This needs the ${least} role in your firm (you are ${actor.role}).`);
  }
}
