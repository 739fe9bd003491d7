import { firms, networkMemberships, networks, query, type ChainRole } from '@accord/db';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, eq, sql } from 'drizzle-orm';
import Type from 'typebox';
import { emptyBodyAsObject, Page, PageQuery, problemResponses } from '../../http/common.schemas.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { ApiProblem, conflict, forbidden } from '../../http/problems.ts';
import { asActor, requireRole } from '../../plugins/auth.ts';
import {
  CreateNetworkBody,
  InvitePartnerBody,
  Network,
  NetworkMember,
  NetworkMemberParams,
  NetworkParams,
  NetworkPeople,
  RespondBody,
  UpdateMemberBody,
  UpdateNetworkBody,
} from './networks.schemas.ts';
import {
  assertOwnUser,
  getMember,
  getNetwork,
  listMembers,
  listNetworks,
  networkPeople,
  requireActiveNetwork,
} from './networks.service.ts';

const security = [{ bearer: [] }];
const tags = ['networks'];

function requireFocal(network: { focalFirm: { id: string } }, firmId: string) {
  if (network.focalFirm.id !== firmId) {
    throw forbidden('focal_firm_required', 'Only the focal firm of this network can do this.');
  }
}

export const networksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/networks',
    {
      schema: {
        operationId: 'listNetworks',
        summary: 'Networks your firm belongs to or is invited to',
        tags,
        security,
        response: { 200: Type.Object({ items: Type.Array(Network), nextCursor: Type.Null() }), ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => ({ items: await listNetworks(tx, actor.firmId), nextCursor: null })),
  );

  app.post(
    '/v1/networks',
    {
      schema: {
        operationId: 'createNetwork',
        summary: 'Create a value-chain network led by your firm',
        description: 'Your firm becomes its focal firm and first active member, with you as executive sponsor.',
        tags,
        security,
        body: CreateNetworkBody,
        response: { 201: Network, ...problemResponses },
      },
    },
    async (request, reply) => {
      const network = await asActor(request, async (tx, actor) => {
        requireRole(actor, 'manager');
        const [firm] = await tx.select({ chainRole: firms.chainRole }).from(firms).where(eq(firms.id, actor.firmId));
        const [created] = await tx
          .insert(networks)
          .values({ name: request.body.name, description: request.body.description ?? '', focalFirmId: actor.firmId })
          .returning({ id: networks.id });
        await tx.insert(networkMemberships).values({
          networkId: created!.id,
          firmId: actor.firmId,
          chainRole: firm!.chainRole,
          status: 'active',
          relationshipStage: 'collaborative',
          executiveSponsorUserId: actor.userId,
          invitedByUserId: actor.userId,
          joinedAt: new Date(),
          respondedAt: new Date(),
        });
        return getNetwork(tx, actor.firmId, created!.id);
      });
      return reply.status(201).send(network);
    },
  );

  app.get(
    '/v1/networks/:networkId',
    {
      schema: {
        operationId: 'getNetwork',
        summary: 'One network',
        tags,
        security,
        params: NetworkParams,
        response: { 200: Network, ...problemResponses },
      },
    },
    (request) => asActor(request, (tx, actor) => getNetwork(tx, actor.firmId, request.params.networkId)),
  );

  app.patch(
    '/v1/networks/:networkId',
    {
      schema: {
        operationId: 'updateNetwork',
        summary: "Rename or describe the network (the focal firm's managers)",
        tags,
        security,
        params: NetworkParams,
        body: UpdateNetworkBody,
        response: { 200: Network, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => {
        const network = await getNetwork(tx, actor.firmId, request.params.networkId);
        requireFocal(network, actor.firmId);
        requireRole(actor, 'manager');
        if (request.body.name !== undefined || request.body.description !== undefined) {
          await tx.update(networks).set(request.body).where(eq(networks.id, network.id));
        }
        return getNetwork(tx, actor.firmId, network.id);
      }),
  );

  app.get(
    '/v1/networks/:networkId/members',
    {
      schema: {
        operationId: 'listNetworkMembers',
        summary: "The network's member firms, with role, stage and executive sponsor",
        tags,
        security,
        params: NetworkParams,
        querystring: PageQuery,
        response: { 200: Page(NetworkMember), ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => {
        await getNetwork(tx, actor.firmId, request.params.networkId);
        const limit = request.query.limit ?? 50;
        const after = decodeCursor(request.query.cursor, 2);
        const rows = await listMembers(tx, request.params.networkId, { limit, ...(after ? { after } : {}) });
        return pageOf(rows, limit, (m) => [m.firm.name, m.firm.id]);
      }),
  );

  app.get(
    '/v1/networks/:networkId/people',
    {
      schema: {
        operationId: 'listNetworkPeople',
        summary: "The people of the network's active member firms (to name team members and boundary spanners)",
        tags,
        security,
        params: NetworkParams,
        response: { 200: NetworkPeople, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx) => {
        await requireActiveNetwork(tx, request.params.networkId);
        return { items: await networkPeople(tx, request.params.networkId) };
      }),
  );

  app.post(
    '/v1/networks/:networkId/members',
    {
      schema: {
        operationId: 'invitePartnerFirm',
        summary: 'Invite a partner firm into the network (the focal firm)',
        description: "The partner's firm admins accept or decline from their own portal.",
        tags,
        security,
        params: NetworkParams,
        body: InvitePartnerBody,
        response: { 201: NetworkMember, ...problemResponses },
      },
    },
    async (request, reply) => {
      const member = await asActor(request, async (tx, actor) => {
        const network = await getNetwork(tx, actor.firmId, request.params.networkId);
        requireFocal(network, actor.firmId);
        requireRole(actor, 'manager');
        const [partner] = await query<{ id: string; name: string; chain_role: ChainRole }>(
          tx,
          sql`select * from app_firm_by_slug(${request.body.firmSlug})`,
        );
        if (!partner) {
          throw new ApiProblem(
            404,
            'firm_not_found',
            'Not found',
            `No firm on Accord has the slug "${request.body.firmSlug}".`,
          );
        }
        const invited = {
          chainRole: request.body.chainRole ?? partner.chain_role,
          status: 'invited' as const,
          relationshipStage: request.body.relationshipStage ?? 'transactional',
          invitedByUserId: actor.userId,
          invitedAt: new Date(),
          respondedAt: null,
          joinedAt: null,
          executiveSponsorUserId: null,
        };
        const [existing] = await tx
          .select({ status: networkMemberships.status })
          .from(networkMemberships)
          .where(and(eq(networkMemberships.networkId, network.id), eq(networkMemberships.firmId, partner.id)));
        if (existing && existing.status !== 'declined') {
          throw conflict('already_member', `${partner.name} is already ${existing.status} in this network.`);
        }
        if (existing) {
          await tx
            .update(networkMemberships)
            .set(invited)
            .where(and(eq(networkMemberships.networkId, network.id), eq(networkMemberships.firmId, partner.id)));
        } else {
          await tx.insert(networkMemberships).values({ networkId: network.id, firmId: partner.id, ...invited });
        }
        return getMember(tx, network.id, partner.id);
      });
      return reply.status(201).send(member);
    },
  );

  app.patch(
    '/v1/networks/:networkId/members/:firmId',
    {
      schema: {
        operationId: 'updateNetworkMember',
        summary: "Set a member's relationship stage or chain role (focal firm) or its executive sponsor (the member)",
        tags,
        security,
        params: NetworkMemberParams,
        body: UpdateMemberBody,
        response: { 200: NetworkMember, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => {
        const { networkId, firmId } = request.params;
        const network = await getNetwork(tx, actor.firmId, networkId);
        await getMember(tx, networkId, firmId);
        requireRole(actor, 'manager');
        const { relationshipStage, chainRole, executiveSponsorUserId } = request.body;
        if (relationshipStage !== undefined || chainRole !== undefined) requireFocal(network, actor.firmId);
        if (executiveSponsorUserId !== undefined) {
          if (firmId !== actor.firmId) {
            throw forbidden('own_firm_only', 'Each firm names its own executive sponsor.');
          }
          if (executiveSponsorUserId) await assertOwnUser(tx, actor.firmId, executiveSponsorUserId);
        }
        await tx
          .update(networkMemberships)
          .set({
            ...(relationshipStage ? { relationshipStage } : {}),
            ...(chainRole ? { chainRole } : {}),
            ...(executiveSponsorUserId !== undefined ? { executiveSponsorUserId } : {}),
          })
          .where(and(eq(networkMemberships.networkId, networkId), eq(networkMemberships.firmId, firmId)));
        return getMember(tx, networkId, firmId);
      }),
  );

  for (const answer of ['accept', 'decline'] as const) {
    app.post(
      `/v1/networks/:networkId/${answer}`,
      {
        preValidation: emptyBodyAsObject,
        schema: {
          operationId: answer === 'accept' ? 'acceptNetworkInvitation' : 'declineNetworkInvitation',
          summary:
            answer === 'accept'
              ? "Accept your firm's invitation into the network (firm admins)"
              : "Decline your firm's invitation into the network (firm admins)",
          tags,
          security,
          params: NetworkParams,
          body: RespondBody,
          response: { 200: NetworkMember, ...problemResponses },
        },
      },
      (request) =>
        asActor(request, async (tx, actor) => {
          const network = await getNetwork(tx, actor.firmId, request.params.networkId);
          requireRole(actor, 'firm_admin');
          if (network.myStatus !== 'invited') {
            throw conflict('no_pending_invitation', `Your firm is ${network.myStatus} in this network, not invited.`);
          }
          const sponsor = request.body.executiveSponsorUserId ?? actor.userId;
          if (answer === 'accept') await assertOwnUser(tx, actor.firmId, sponsor);
          const now = new Date();
          await tx
            .update(networkMemberships)
            .set(
              answer === 'accept'
                ? { status: 'active', respondedAt: now, joinedAt: now, executiveSponsorUserId: sponsor }
                : { status: 'declined', respondedAt: now },
            )
            .where(and(eq(networkMemberships.networkId, network.id), eq(networkMemberships.firmId, actor.firmId)));
          return getMember(tx, network.id, actor.firmId);
        }),
    );
  }
};
