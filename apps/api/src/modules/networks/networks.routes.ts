import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { emptyBodyAsObject, Page, PageQuery, problemResponses } from '../../http/common.schemas.ts';
import { asActor, requireRole } from '../../plugins/auth.ts';
import { asNetworkMember, asNetworkReader } from '../../plugins/network-access.ts';
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
  answerInvitation,
  createNetwork,
  getNetwork,
  invitePartner,
  listMembersPage,
  listNetworks,
  networkPeople,
  updateMember,
  updateNetwork,
} from './networks.service.ts';

const security = [{ bearer: [] }];
const tags = ['networks'];

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
      const network = await asActor(request, (tx, actor) => {
        requireRole(actor, 'manager');
        return createNetwork(tx, actor, request.body);
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
    (request) =>
      asNetworkReader(request, request.params.networkId, { invited: true }, (tx, reader) =>
        getNetwork(tx, reader.firmId, reader.networkId),
      ),
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
      asNetworkMember(
        request,
        request.params.networkId,
        { invited: true, focalFirmOnly: 'renames or describes it', role: 'manager' },
        (tx, member) => updateNetwork(tx, member, request.body),
      ),
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
      asNetworkMember(request, request.params.networkId, { invited: true }, (tx, member) =>
        listMembersPage(tx, member.networkId, request.query),
      ),
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
      asNetworkMember(request, request.params.networkId, {}, async (tx, member) => ({
        items: await networkPeople(tx, member.networkId),
      })),
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
      const member = await asNetworkMember(
        request,
        request.params.networkId,
        { invited: true, focalFirmOnly: 'invites partner firms', role: 'manager' },
        (tx, member) => invitePartner(tx, member, request.body),
      );
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
      asNetworkMember(request, request.params.networkId, { invited: true, role: 'manager' }, (tx, member) =>
        updateMember(tx, member, request.params.firmId, request.body),
      ),
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
        asNetworkMember(request, request.params.networkId, { invited: true, role: 'firm_admin' }, (tx, member) =>
          answerInvitation(tx, member, answer, request.body.executiveSponsorUserId),
        ),
    );
  }
};
