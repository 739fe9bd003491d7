// Who is calling: a signed-in user acting for one firm, proven by a short-lived access JWT, or a
// data pipeline holding a firm's API key (`acc_...`), on the routes that say `pipeline: true`.
// Routes are private unless their config says `public: true`.
import { withTenantGate, withTenantGateAhead, type FirmRole, type Transaction } from '@accord/db';
import { hasRole } from '@accord/domain';
import { authenticateApiKey, type Pipeline } from '../modules/api-keys/api-keys.service.ts';
import fastifyJwt from '@fastify/jwt';
import { sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { forbidden, notFound, unauthorized } from '../http/problems.ts';

export const ACCESS_TOKEN_SECONDS = 15 * 60;

export interface AccessClaims {
  /** The user id. */
  sub: string;
  /** The firm the user acts for. */
  firm: string;
  /** The session: the refresh-token family this token was issued with. Revoking it ends the token too. */
  sid: string;
}

export interface Actor {
  userId: string;
  firmId: string;
  /** The refresh-token family behind the access token. */
  sessionId: string;
}

export type { Pipeline };

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
    /** Pipelines' API keys may call this route too. */
    pipeline?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    pipeline: Pipeline | null;
  }
}

export const authPlugin = fp(
  async (app: FastifyInstance, options: { secret: string }) => {
    await app.register(fastifyJwt, {
      secret: options.secret,
      sign: { algorithm: 'HS256', expiresIn: ACCESS_TOKEN_SECONDS },
      // a token without an expiry is not one this API issued
      verify: { algorithms: ['HS256'], requiredClaims: ['exp'] },
    });
    app.decorateRequest('actor', null);
    app.decorateRequest('pipeline', null);
    app.addHook('onRequest', async (request) => {
      if (request.routeOptions.config.public || !request.routeOptions.url?.startsWith('/v1/')) return;
      const bearer = /^Bearer (acc_\S+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (bearer) {
        if (!request.routeOptions.config.pipeline) {
          throw forbidden('user_token_required', 'API keys are for data pipelines; sign in as a user for this.');
        }
        request.pipeline = await authenticateApiKey(app.db, bearer);
        return;
      }
      const claims = await request.jwtVerify<AccessClaims>().catch((error: unknown) => {
        // missing and expired have their own codes; any other refusal (a foreign algorithm, a missing
        // claim, a malformed token) is an invalid token, not a fault of ours
        const code = (error as { code?: string }).code;
        if (code === 'FST_JWT_NO_AUTHORIZATION_IN_HEADER' || code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED')
          throw error;
        throw unauthorized('token_invalid', 'The access token is not valid.');
      });
      if (typeof claims.sub !== 'string' || typeof claims.firm !== 'string' || typeof claims.sid !== 'string') {
        throw unauthorized('token_invalid', 'The access token lacks its user, firm or session.');
      }
      request.actor = { userId: claims.sub, firmId: claims.firm, sessionId: claims.sid };
    });
  },
  { name: 'auth', dependencies: ['problems'] },
);

/**
 * The access check, one call sent with the transaction's BEGIN and tenancy settings
 * (`app_request_gate`, migration 0033): the user's role while they still belong to the firm and are
 * active, and whether the session is live (an access token outlives none of these); given a network,
 * the acting firm's standing in it.
 */
export interface Gate {
  role: FirmRole | null;
  live: boolean;
  /** An active member of the network (null without a network). */
  active: boolean | null;
  /** Active or invited, not declined. */
  visible: boolean | null;
  /** The network's focal firm. */
  focal: boolean | null;
}

function gateOf(sessionId: string | null, networkId: string | null): SQL {
  return sql`select * from app_request_gate(${sessionId}::uuid, ${networkId}::uuid)`;
}

/**
 * Runs work as the calling user's firm under row-level security, in one transaction whose first round
 * trip checks that the user still belongs to that firm and is active and that the session is not
 * revoked; with a network, the work gets the firm's standing in it from the same check.
 */
export function asActorWith<T>(
  request: FastifyRequest,
  networkId: string | null,
  work: (tx: Transaction, actor: ActingMember, gate: Gate) => Promise<T>,
): Promise<T> {
  const actor = request.actor;
  if (!actor) throw unauthorized('token_missing', 'This endpoint needs an access token.');
  return withTenantGate<Gate, T>(
    request.server.db,
    { userId: actor.userId, firmId: actor.firmId },
    gateOf(actor.sessionId, networkId),
    (tx, gate) => work(tx, { ...actor, role: admitted(gate) }, gate!),
  );
}

/**
 * Like asActorWith, for reads that need only who is calling, not the check's answer: the read goes out
 * with the access check in its first round trip, and `judge` (given the acting role and the gate) decides
 * afterwards whether it is answered.
 */
export function asActorAhead<T>(
  request: FastifyRequest,
  networkId: string | null,
  judge: (role: FirmRole, gate: Gate) => void,
  work: (tx: Transaction, actor: Actor) => Promise<T>,
): Promise<T> {
  const actor = request.actor;
  if (!actor) throw unauthorized('token_missing', 'This endpoint needs an access token.');
  return withTenantGateAhead<Gate, T>(
    request.server.db,
    { userId: actor.userId, firmId: actor.firmId },
    gateOf(actor.sessionId, networkId),
    (gate) => judge(admitted(gate), gate!),
    (tx) => work(tx, actor),
  );
}

/** The acting role, once the gate says the user still acts for the firm in a live session. */
function admitted(gate: Gate | undefined): FirmRole {
  if (!gate?.role) throw unauthorized('membership_revoked', 'You no longer act for this firm; sign in again.');
  if (!gate.live) throw unauthorized('session_revoked', 'This session was ended; sign in again.');
  return gate.role;
}

/** Runs work as the calling user's firm under row-level security, after the access check (asActorWith). */
export function asActor<T>(
  request: FastifyRequest,
  work: (tx: Transaction, actor: ActingMember) => Promise<T>,
): Promise<T> {
  return asActorWith(request, null, (tx, actor) => work(tx, actor));
}

/** Work on a firm's own records (its people, its keys): only while acting for that firm; any other firm id is unknown. */
export function asOwnFirm<T>(
  request: FastifyRequest,
  firmId: string,
  work: (tx: Transaction, actor: ActingMember) => Promise<T>,
): Promise<T> {
  return asActor(request, (tx, actor) => {
    if (actor.firmId !== firmId) throw notFound('firm');
    return work(tx, actor);
  });
}

/** Like asOwnFirm, for what only the firm's admins may do (403 `role_required` to anyone else). */
export function asFirmAdmin<T>(
  request: FastifyRequest,
  firmId: string,
  work: (tx: Transaction, actor: ActingMember) => Promise<T>,
): Promise<T> {
  return asOwnFirm(request, firmId, (tx, actor) => {
    requireRole(actor, 'firm_admin');
    return work(tx, actor);
  });
}

/** Whoever calls a route open to pipelines: a firm's user, or a firm's pipeline. */
export interface Caller {
  firmId: string;
  userId: string | null;
  /** The user's role; null for a pipeline. */
  role: FirmRole | null;
  pipeline: Pipeline | null;
}

/**
 * Like asActorWith, for routes that pipelines may call too (`config: { pipeline: true }`); a
 * pipeline's key was checked when the request came in, so its gate tells just the network standing.
 */
export function asCallerWith<T>(
  request: FastifyRequest,
  networkId: string | null,
  work: (tx: Transaction, caller: Caller, gate: Gate) => Promise<T>,
): Promise<T> {
  const pipeline = request.pipeline;
  if (!pipeline)
    return asActorWith(request, networkId, (tx, actor, gate) => work(tx, { ...actor, pipeline: null }, gate));
  return withTenantGate<Gate, T>(
    request.server.db,
    { firmId: pipeline.firmId, userId: null },
    gateOf(null, networkId),
    (tx, gate) => work(tx, { firmId: pipeline.firmId, userId: null, role: null, pipeline }, gate!),
  );
}

/** Like asActor, for routes that pipelines may call too (`config: { pipeline: true }`). */
export function asCaller<T>(
  request: FastifyRequest,
  work: (tx: Transaction, caller: Caller) => Promise<T>,
): Promise<T> {
  return asCallerWith(request, null, (tx, caller) => work(tx, caller));
}

export function requireRole(actor: { role: FirmRole }, least: FirmRole): void {
  if (!hasRole(actor.role, least)) {
    throw forbidden('role_required', `This needs the ${least} role in your firm (you are ${actor.role}).`);
  }
}
