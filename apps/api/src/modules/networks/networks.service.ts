// Value-chain networks: the focal firm creates one and invites partners; partners answer.
import type { ChainRole, RelationshipStage, Transaction } from '@accord/db';
import { hasRole } from '@accord/domain/vocabulary';
import { ApiProblem, conflict, forbidden, notFound } from '../../http/problems.ts';
import { paginate, type PageRequest } from '../../http/pagination.ts';
import type { ActingMember } from '../../plugins/auth.ts';
import { requireFocalFirm, type NetworkMember } from '../../plugins/network-access.ts';
import {
  firmBySlug,
  firmChainRole,
  insertMembership,
  insertNetwork,
  roleOfOwnUser,
  listMembers,
  listNetworks,
  membershipStatus,
  updateMembership,
  updateNetworkRow,
} from './networks.queries.ts';

export { listNetworks, networkPeople, type Person } from './networks.queries.ts';

export async function getNetwork(tx: Transaction, firmId: string, networkId: string) {
  const [network] = await listNetworks(tx, firmId, networkId);
  if (!network) throw notFound('network');
  return network;
}

export async function getMember(tx: Transaction, networkId: string, firmId: string) {
  const [member] = await listMembers(tx, networkId, { firmId, limit: 1 });
  if (!member) throw notFound('member firm in this network');
  return member;
}

/** The firm's own user, for naming an executive sponsor. */
/** An executive sponsor decides on the joint strategy for its firm: one of the firm's managers or admins. */
export async function assertSponsor(tx: Transaction, firmId: string, userId: string, path: string) {
  const role = await roleOfOwnUser(tx, firmId, userId);
  if (!role) throw notFound('user in your firm');
  if (!hasRole(role, 'manager'))
    throw new ApiProblem(
      422,
      'sponsor_role_required',
      'Not a manager',
      `An executive sponsor signs the joint strategy for the firm, so must be a manager or firm admin (this user is ${role}).`,
      [{ path, message: 'must be a manager or firm admin of your firm' }],
    );
}

/** The acting firm creates a network and becomes its focal firm and first active member, the actor its sponsor. */
export async function createNetwork(
  tx: Transaction,
  actor: ActingMember,
  body: { name: string; description?: string },
) {
  const chainRole = await firmChainRole(tx, actor.firmId);
  const networkId = await insertNetwork(tx, {
    name: body.name,
    description: body.description ?? '',
    focalFirmId: actor.firmId,
  });
  const now = new Date();
  await insertMembership(tx, {
    networkId,
    firmId: actor.firmId,
    chainRole,
    status: 'active',
    relationshipStage: 'collaborative',
    executiveSponsorUserId: actor.userId,
    invitedByUserId: actor.userId,
    joinedAt: now,
    respondedAt: now,
  });
  return getNetwork(tx, actor.firmId, networkId);
}

export async function updateNetwork(
  tx: Transaction,
  member: NetworkMember,
  change: { name?: string; description?: string },
) {
  if (change.name !== undefined || change.description !== undefined) {
    await updateNetworkRow(tx, member.networkId, change);
  }
  return getNetwork(tx, member.firmId, member.networkId);
}

export function listMembersPage(tx: Transaction, networkId: string, page: PageRequest) {
  return paginate(page, ({ after, take }) => listMembers(tx, networkId, { after, limit: take }), {
    parts: 2,
    key: (m) => [m.firm.name, m.firm.id],
  });
}

export interface PartnerInvitation {
  firmSlug: string;
  chainRole?: ChainRole;
  relationshipStage?: RelationshipStage;
}

/** The focal firm invites a firm on Accord; a firm that declined before may be invited again. */
export async function invitePartner(tx: Transaction, member: NetworkMember, invitation: PartnerInvitation) {
  const partner = await firmBySlug(tx, invitation.firmSlug);
  if (!partner) {
    throw new ApiProblem(
      404,
      'firm_not_found',
      'Not found',
      `No firm on Accord has the slug "${invitation.firmSlug}".`,
    );
  }
  const invited = {
    chainRole: invitation.chainRole ?? partner.chain_role,
    status: 'invited' as const,
    relationshipStage: invitation.relationshipStage ?? 'transactional',
    invitedByUserId: member.userId,
    invitedAt: new Date(),
    respondedAt: null,
    joinedAt: null,
    executiveSponsorUserId: null,
  };
  const existing = await membershipStatus(tx, member.networkId, partner.id);
  if (existing && existing !== 'declined') {
    throw conflict('already_member', `${partner.name} is already ${existing} in this network.`);
  }
  if (existing) await updateMembership(tx, member.networkId, partner.id, invited);
  else await insertMembership(tx, { networkId: member.networkId, firmId: partner.id, ...invited });
  return getMember(tx, member.networkId, partner.id);
}

export interface MemberChange {
  relationshipStage?: RelationshipStage;
  chainRole?: ChainRole;
  executiveSponsorUserId?: string | null;
}

/** The focal firm sets a member's stage and chain role; each firm names its own executive sponsor. */
export async function updateMember(tx: Transaction, member: NetworkMember, firmId: string, change: MemberChange) {
  await getMember(tx, member.networkId, firmId);
  const { relationshipStage, chainRole, executiveSponsorUserId } = change;
  if (relationshipStage !== undefined || chainRole !== undefined) {
    requireFocalFirm(member, "sets a member's relationship stage or chain role");
  }
  if (executiveSponsorUserId !== undefined) {
    if (firmId !== member.firmId) throw forbidden('own_firm_only', 'Each firm names its own executive sponsor.');
    if (executiveSponsorUserId)
      await assertSponsor(tx, member.firmId, executiveSponsorUserId, '/executiveSponsorUserId');
  }
  await updateMembership(tx, member.networkId, firmId, {
    ...(relationshipStage ? { relationshipStage } : {}),
    ...(chainRole ? { chainRole } : {}),
    ...(executiveSponsorUserId !== undefined ? { executiveSponsorUserId } : {}),
  });
  return getMember(tx, member.networkId, firmId);
}

/** An invited firm's admin accepts (naming its sponsor, by default themself) or declines. */
export async function answerInvitation(
  tx: Transaction,
  member: NetworkMember,
  answer: 'accept' | 'decline',
  executiveSponsorUserId: string | undefined,
) {
  const network = await getNetwork(tx, member.firmId, member.networkId);
  if (network.myStatus !== 'invited') {
    throw conflict('no_pending_invitation', `Your firm is ${network.myStatus} in this network, not invited.`);
  }
  const sponsor = executiveSponsorUserId ?? member.userId;
  if (answer === 'accept') await assertSponsor(tx, member.firmId, sponsor, '/executiveSponsorUserId');
  const now = new Date();
  await updateMembership(
    tx,
    member.networkId,
    member.firmId,
    answer === 'accept'
      ? { status: 'active', respondedAt: now, joinedAt: now, executiveSponsorUserId: sponsor }
      : { status: 'declined', respondedAt: now },
  );
  return getMember(tx, member.networkId, member.firmId);
}
