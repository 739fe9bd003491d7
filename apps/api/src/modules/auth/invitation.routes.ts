// Firm invitations (a firm admin invited someone by email): what a link is for, and accepting it,
// which signs the person in.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../http/common.schemas.ts';
import { AcceptInvitationBody, InvitationPreview, InvitationTokenBody, Session } from './auth.schemas.ts';
import { acceptInvitation, usableInvitation } from './auth.service.ts';
import { clientOf, sendSession } from './session-cookie.ts';

export const invitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
