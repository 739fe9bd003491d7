import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { Page, PageQuery, problemResponses } from '../../http/common.schemas.ts';
import { asActor, asFirmAdmin, asOwnFirm } from '../../plugins/auth.ts';
import {
  Firm,
  FirmInvitationParams,
  FirmParams,
  FirmUser,
  FirmUserParams,
  InviteUserBody,
  RevokedMemberSessions,
  UpdateFirmBody,
  UpdateFirmUserBody,
  UserInvitation,
} from './firms.schemas.ts';
import {
  getFirm,
  inviteColleague,
  listFirmUsers,
  listUserInvitations,
  presentInvitation,
  removeFirmUser,
  revokeMemberSessions,
  updateFirmSettings,
  updateFirmUser,
  withdrawUserInvitation,
} from './firms.service.ts';

const security = [{ bearer: [] }];

export const firmsRoutes: FastifyPluginAsyncTypebox<{ portalUrl: string }> = async (app, options) => {
  app.get(
    '/v1/firms/:firmId',
    {
      schema: {
        operationId: 'getFirm',
        summary: 'A firm: your own, or a partner in one of your networks',
        tags: ['firms'],
        security,
        params: FirmParams,
        response: { 200: Firm, ...problemResponses },
      },
    },
    (request) => asActor(request, (tx) => getFirm(tx, request.params.firmId)),
  );

  app.patch(
    '/v1/firms/:firmId',
    {
      schema: {
        operationId: 'updateFirm',
        summary: "Change your firm's settings: require two-factor sign-in of every member (firm admins)",
        description:
          'With `requireMfa`, members without an authenticator must set one up at their next sign-in, and ' +
          'cannot turn theirs off.',
        tags: ['firms'],
        security,
        params: FirmParams,
        body: UpdateFirmBody,
        response: { 200: Firm, ...problemResponses },
      },
    },
    (request) =>
      asFirmAdmin(request, request.params.firmId, async (tx, actor) => {
        return updateFirmSettings(tx, actor.firmId, request.body);
      }),
  );

  app.get(
    '/v1/firms/:firmId/users',
    {
      schema: {
        operationId: 'listFirmUsers',
        summary: "The firm's users and their roles",
        tags: ['firms'],
        security,
        params: FirmParams,
        querystring: PageQuery,
        response: { 200: Page(FirmUser), ...problemResponses },
      },
    },
    (request) =>
      asOwnFirm(request, request.params.firmId, (tx, actor) => listFirmUsers(tx, actor.firmId, request.query)),
  );

  app.patch(
    '/v1/firms/:firmId/users/:userId',
    {
      schema: {
        operationId: 'updateFirmUser',
        summary: "Change a user's role in the firm, or deactivate or reactivate them (firm admins)",
        description:
          "Deactivating (`active: false`) ends the member's sessions for this firm at once, refuses their " +
          'sign-in for it and stops the API keys they created; reactivating lets them sign in again.',
        tags: ['firms'],
        security,
        params: FirmUserParams,
        body: UpdateFirmUserBody,
        response: { 200: FirmUser, ...problemResponses },
      },
    },
    (request) =>
      asFirmAdmin(request, request.params.firmId, async (tx, actor) => {
        return updateFirmUser(tx, actor, request.params.userId, request.body);
      }),
  );

  app.post(
    '/v1/firms/:firmId/users/:userId/sessions/revoke',
    {
      schema: {
        operationId: 'revokeFirmUserSessions',
        summary: "End a member's sessions for this firm at once (firm admins)",
        description: 'Their access tokens stop working immediately; they can sign in again.',
        tags: ['firms'],
        security,
        params: FirmUserParams,
        response: { 200: RevokedMemberSessions, ...problemResponses },
      },
    },
    (request) =>
      asFirmAdmin(request, request.params.firmId, async (tx) => ({
        revoked: await revokeMemberSessions(tx, request.params.userId),
      })),
  );

  app.delete(
    '/v1/firms/:firmId/users/:userId',
    {
      schema: {
        operationId: 'removeFirmUser',
        summary: 'Remove a user from the firm (firm admins)',
        tags: ['firms'],
        security,
        params: FirmUserParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await asFirmAdmin(request, request.params.firmId, async (tx, actor) => {
        await removeFirmUser(tx, actor.firmId, request.params.userId);
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/v1/firms/:firmId/invitations',
    {
      schema: {
        operationId: 'listUserInvitations',
        summary: "The firm's invitations, newest first (firm admins)",
        tags: ['firms'],
        security,
        params: FirmParams,
        querystring: PageQuery,
        response: { 200: Page(UserInvitation), ...problemResponses },
      },
    },
    (request) =>
      asFirmAdmin(request, request.params.firmId, async (tx, actor) => {
        return listUserInvitations(tx, actor.firmId, request.query);
      }),
  );

  app.post(
    '/v1/firms/:firmId/invitations',
    {
      schema: {
        operationId: 'inviteUser',
        summary: 'Invite a colleague by email (firm admins)',
        description:
          'Emails a link valid for 7 days (through the outbox; in development the link is logged). ' +
          'A new invitation to the same address replaces a pending one.',
        tags: ['firms'],
        security,
        params: FirmParams,
        body: InviteUserBody,
        response: { 201: UserInvitation, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { invitation, emailId, inviter } = await asFirmAdmin(request, request.params.firmId, async (tx, actor) => {
        return inviteColleague(tx, actor, { ...request.body, portalUrl: options.portalUrl });
      });
      await app.queue.enqueue('deliver-email', { firmId: invitation.firmId, emailId }, { jobId: `email-${emailId}` });
      return reply.status(201).send(presentInvitation(invitation, inviter));
    },
  );

  app.delete(
    '/v1/firms/:firmId/invitations/:invitationId',
    {
      schema: {
        operationId: 'withdrawUserInvitation',
        summary: 'Withdraw a pending invitation (firm admins)',
        tags: ['firms'],
        security,
        params: FirmInvitationParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await asFirmAdmin(request, request.params.firmId, async (tx, actor) => {
        await withdrawUserInvitation(tx, actor.firmId, request.params.invitationId);
      });
      return reply.status(204).send(null);
    },
  );
};
