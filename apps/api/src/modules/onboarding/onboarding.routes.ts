// Joining Accord: sign-up, email verification, and firm invitations (a focal firm invites a partner
// that is not on Accord yet).
import { MS_PER_HOUR } from '@accord/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { perAddressAndEmail } from '../../http/rate-limits.ts';
import { emptyBodyAsObject, problemResponses } from '../../http/common.schemas.ts';
import { asNetworkMember, type NetworkRule } from '../../plugins/network-access.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';
import {
  Accepted,
  FirmInvitation,
  FirmInvitationLookupQuery,
  FirmInvitationParams,
  FirmInvitationPreview,
  InviteFirmBody,
  ResendVerificationBody,
  SignUpBody,
  SignUpResult,
  TokenBody,
} from './onboarding.schemas.ts';
import {
  EMAIL_VERIFICATION_HOURS,
  FIRM_INVITATION_DAYS,
  firmInvitationContext,
  inviteFirm,
  listFirmInvitations,
  lookUpFirmInvitation,
  presentFirmInvitation,
  resendFirmInvitation,
  resendVerification,
  signUp,
  verifyEmail,
  withdrawFirmInvitation,
  type QueuedEmail,
  type SignUpLimits,
} from './onboarding.service.ts';

const security = [{ bearer: [] }];

/** Firm invitations are the focal firm's managers' to send. */
const focalManagers: NetworkRule = { invited: true, focalFirmOnly: 'invites firms', role: 'manager' };

export const onboardingRoutes: FastifyPluginAsyncTypebox<{ portalUrl: string; signUpLimits: SignUpLimits }> = async (
  app,
  options,
) => {
  const deliver = (email: QueuedEmail) =>
    app.queue.enqueue('deliver-email', email, { jobId: `email-${email.emailId}` });

  app.post(
    '/v1/signup',
    {
      config: {
        public: true,
        rateLimit: {
          max: options.signUpLimits.perIpPerHour,
          timeWindow: MS_PER_HOUR,
          keyGenerator: (request: FastifyRequest) => `signup:${request.ip}`,
        },
      },
      schema: {
        operationId: 'signUp',
        summary: 'Sign a new firm up, with its first user as firm admin',
        description:
          'Creates the firm (its slug derived from the name, with -2, -3... when taken) and you as its firm ' +
          `admin, and emails a link to confirm the address (valid ${EMAIL_VERIFICATION_HOURS} hours): sign-in ` +
          'answers 403 `email_not_verified` until it is followed. With `networkInvitation` (the token of a firm ' +
          'invitation, sent to this very email) the firm joins the inviting network as an active member, you as ' +
          'its executive sponsor, and the email counts as confirmed. 409 `firm_name_taken` (the name, or one that ' +
          'looks the same, is taken) / `email_taken`; 422 `mixed_script_name` (a word mixes scripts) / ' +
          '`weak_password`; 429 when too many sign-ups come from one address or email domain.',
        tags: ['onboarding'],
        body: SignUpBody,
        response: { 201: SignUpResult, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { email, ...signedUp } = await signUp(app.db, request.body, {
        portalUrl: options.portalUrl,
        perEmailDomainPerDay: options.signUpLimits.perEmailDomainPerDay,
      });
      if (email) await deliver(email);
      return reply.status(201).send(signedUp);
    },
  );

  app.post(
    '/v1/auth/verify-email',
    {
      config: { public: true },
      schema: {
        operationId: 'verifyEmail',
        summary: 'Confirm an email address with the link sent at sign-up',
        description: 'The link works once, within its validity; then sign in.',
        tags: ['auth'],
        body: TokenBody,
        response: { 200: Accepted, ...problemResponses },
      },
    },
    async (request) => {
      await verifyEmail(app.db, request.body.token);
      return { detail: 'Your email address is confirmed: sign in.' };
    },
  );

  app.post(
    '/v1/auth/verify-email/resend',
    {
      config: {
        public: true,
        rateLimit: perAddressAndEmail('verify-resend', 5, MS_PER_HOUR),
      },
      schema: {
        operationId: 'resendEmailVerification',
        summary: 'Send a new link to confirm an email address',
        description:
          'Always answers 202, whether or not the address has an account awaiting confirmation; earlier links stop working.',
        tags: ['auth'],
        body: ResendVerificationBody,
        response: { 202: Accepted, ...problemResponses },
      },
    },
    async (request, reply) => {
      const email = await resendVerification(app.db, request.body.email, options.portalUrl);
      if (email) await deliver(email);
      return reply.status(202).send({ detail: 'If this address awaits confirmation, a new link is on its way.' });
    },
  );

  app.get(
    '/v1/firm-invitations/lookup',
    {
      config: { public: true },
      schema: {
        operationId: 'lookUpFirmInvitation',
        summary: 'What a firm invitation link offers, to prefill the sign-up',
        description:
          '404 `invitation_not_found` for an unknown token; 410 `invitation_used`, `invitation_withdrawn` or ' +
          '`invitation_expired` for one that can no longer be used.',
        tags: ['onboarding'],
        querystring: FirmInvitationLookupQuery,
        response: { 200: FirmInvitationPreview, ...problemResponses },
      },
    },
    (request) => lookUpFirmInvitation(app.db, request.query.token),
  );

  app.get(
    '/v1/networks/:networkId/firm-invitations',
    {
      schema: {
        operationId: 'listFirmInvitations',
        summary: 'Invitations of firms not yet on Accord into the network, newest first (the focal firm)',
        tags: ['onboarding'],
        security,
        params: NetworkParams,
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('FirmInvitation')), nextCursor: Type.Null() }),
          ...problemResponses,
        },
      },
    },
    (request) =>
      asNetworkMember(
        request,
        request.params.networkId,
        { invited: true, focalFirmOnly: 'sees its firm invitations' },
        (tx, member) => listFirmInvitations(tx, member.networkId),
      ),
  );

  app.post(
    '/v1/networks/:networkId/firm-invitations',
    {
      schema: {
        operationId: 'inviteFirm',
        summary: 'Invite a partner firm that is not on Accord by email (the focal firm)',
        description:
          `Emails a sign-up link valid for ${FIRM_INVITATION_DAYS} days; signing up through it makes the new ` +
          'firm an active member with this chain role. A new invitation to the same address replaces a pending ' +
          'one. Firms already on Accord are invited by slug (POST /v1/networks/{networkId}/members).',
        tags: ['onboarding'],
        security,
        params: NetworkParams,
        body: InviteFirmBody,
        response: { 201: FirmInvitation, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { invitation, emailId, inviter, focalFirmId } = await asNetworkMember(
        request,
        request.params.networkId,
        focalManagers,
        async (tx, member) => {
          const context = await firmInvitationContext(tx, member, options.portalUrl);
          const created = await inviteFirm(tx, context, request.body);
          return { ...created, inviter: context.invitedBy.name, focalFirmId: member.firmId };
        },
      );
      await deliver({ firmId: focalFirmId, emailId });
      return reply.status(201).send(presentFirmInvitation(invitation, inviter));
    },
  );

  app.post(
    '/v1/networks/:networkId/firm-invitations/:firmInvitationId/resend',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        operationId: 'resendFirmInvitation',
        summary: 'Email a firm invitation again, with a new link and expiry (the focal firm)',
        description: 'The earlier link stops working. 409 `invitation_not_pending` once used or withdrawn.',
        tags: ['onboarding'],
        security,
        params: FirmInvitationParams,
        body: Type.Object({}, { additionalProperties: false }),
        response: { 200: FirmInvitation, ...problemResponses },
      },
    },
    async (request) => {
      const { invitation, emailId, inviter, focalFirmId } = await asNetworkMember(
        request,
        request.params.networkId,
        focalManagers,
        async (tx, member) => {
          const context = await firmInvitationContext(tx, member, options.portalUrl);
          const resent = await resendFirmInvitation(tx, context, request.params.firmInvitationId);
          return { ...resent, inviter: context.invitedBy.name, focalFirmId: member.firmId };
        },
      );
      await deliver({ firmId: focalFirmId, emailId });
      return presentFirmInvitation(invitation, inviter);
    },
  );

  app.delete(
    '/v1/networks/:networkId/firm-invitations/:firmInvitationId',
    {
      schema: {
        operationId: 'withdrawFirmInvitation',
        summary: 'Withdraw a pending firm invitation (the focal firm)',
        tags: ['onboarding'],
        security,
        params: FirmInvitationParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await asNetworkMember(request, request.params.networkId, focalManagers, (tx, member) =>
        withdrawFirmInvitation(tx, member.networkId, request.params.firmInvitationId),
      );
      return reply.status(204).send(null);
    },
  );
};
