// Who may work in one network. Every route under /v1/networks/{networkId} runs its work through
// asNetworkMember (signed-in users) or asNetworkCaller (users and the network's pipelines), so the
// membership test, the focal-firm rule and the least role are decided here, in this order:
//   1. not a member (or, for a pipeline, a key for another network): 404 `not_found`, as if the
//      network did not exist;
//   2. `focalFirmOnly` and not the network's focal firm: 403 `focal_firm_only`;
//   3. `role` and a user below it: 403 `role_required` (pipelines carry no role; their key's datasets
//      are checked by the routes that take data).
import type { FirmRole, Transaction } from '@accord/db';
import type { FastifyRequest } from 'fastify';
import { forbidden, notFound } from '../http/problems.ts';
import {
  asActorAhead,
  asActorWith,
  asCallerWith,
  requireRole,
  type ActingMember,
  type Actor,
  type Caller,
  type Gate,
} from './auth.ts';

export interface NetworkRule {
  /** The least role a user needs in their firm. */
  role?: FirmRole;
  /** Only the network's focal firm may: what it does, to finish "Only the focal firm of the network ..." */
  focalFirmOnly?: string;
  /**
   * A firm invited but not yet active may call too (to see the network and answer its invitation);
   * otherwise only active members.
   */
  invited?: boolean;
}

export interface NetworkMember extends ActingMember {
  networkId: string;
  isFocalFirm: boolean;
}

export interface NetworkCaller extends Caller {
  networkId: string;
  isFocalFirm: boolean;
}

/** Refuses anyone but the network's focal firm, with the one problem code for it. */
export function requireFocalFirm(member: { isFocalFirm: boolean }, what: string): void {
  if (!member.isFocalFirm) throw forbidden('focal_firm_only', `Only the focal firm of the network ${what}.`);
}

/** The acting firm's standing in the network (from the request's access check) against the route's rule. */
function admit(standing: Pick<Gate, 'active' | 'visible' | 'focal'>, rule: NetworkRule, role: FirmRole | null): void {
  if (!(rule.invited ? standing.visible : standing.active)) throw notFound('network');
  if (rule.focalFirmOnly !== undefined) requireFocalFirm({ isFocalFirm: standing.focal === true }, rule.focalFirmOnly);
  if (rule.role && role) requireRole({ role }, rule.role);
}

/** Runs a signed-in user's work in one network, after the network's rule lets them in. */
export function asNetworkMember<T>(
  request: FastifyRequest,
  networkId: string,
  rule: NetworkRule,
  work: (tx: Transaction, member: NetworkMember) => Promise<T>,
): Promise<T> {
  return asActorWith(request, networkId, (tx, actor, standing) => {
    admit(standing, rule, actor.role);
    return work(tx, { ...actor, networkId, isFocalFirm: standing.focal === true });
  });
}

/** Who reads in a network, before the access check has answered: the caller and the network only. */
export interface NetworkReader extends Actor {
  networkId: string;
}

/**
 * Like asNetworkMember, for reads that need only who is calling and the network: the read goes out with
 * the access check (one round trip), and is answered only once the rule lets the caller in. What a
 * refused caller's statements saw is thrown away unread, and row-level security bounded it anyway.
 */
export function asNetworkReader<T>(
  request: FastifyRequest,
  networkId: string,
  rule: NetworkRule,
  work: (tx: Transaction, reader: NetworkReader) => Promise<T>,
): Promise<T> {
  return asActorAhead(
    request,
    networkId,
    (role, standing) => admit(standing, rule, role),
    (tx, actor) => work(tx, { ...actor, networkId }),
  );
}

/**
 * A network route's transaction, to hand to a service whose work goes on after a commit (scoring as each
 * member, queueing recomputes, delivering mail): each call runs one transaction under the route's rule.
 */
export type NetworkWork = <T>(work: (tx: Transaction, member: NetworkMember) => Promise<T>) => Promise<T>;

export function networkWork(request: FastifyRequest, networkId: string, rule: NetworkRule): NetworkWork {
  return (work) => asNetworkMember(request, networkId, rule, work);
}

/**
 * Like asNetworkMember, for routes pipelines may call too (`config: { pipeline: true }`): a
 * pipeline's API key is bound to one network and is told any other does not exist.
 */
export function asNetworkCaller<T>(
  request: FastifyRequest,
  networkId: string,
  rule: Omit<NetworkRule, 'invited'>,
  work: (tx: Transaction, caller: NetworkCaller) => Promise<T>,
): Promise<T> {
  if (request.pipeline && request.pipeline.networkId !== networkId) return Promise.reject(notFound('network'));
  return asCallerWith(request, networkId, (tx, caller, standing) => {
    // The key's network is the pipeline's membership: the key was made by a member firm for it.
    admit(caller.pipeline ? { ...standing, active: true, visible: true } : standing, rule, caller.role);
    return work(tx, { ...caller, networkId, isFocalFirm: standing.focal === true });
  });
}
