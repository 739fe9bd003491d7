import { firmMemberships, firms, userInvitations, users } from '@accord/db';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import Type from 'typebox';
import { Page, PageQuery, problemResponses } from '../../http/common.schemas.ts';
import { decodeCursor, olderThan, pageOf } from '../../http/pagination.ts';
import { conflict, notFound } from '../../http/problems.ts';
import { asActor, asOwnFirm, requireRole } from '../../plugins/auth.ts';
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
import { invitationStatus, inviteUser, keepOneAdmin, revokeMemberSessions } from './firms.service.ts';

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
    (request) =>
      asActor(request, async (tx) => {
        const [firm] = await tx.select().from(firms).where(eq(firms.id, request.params.firmId));
        if (!firm) throw notFound('firm');
        return { ...firm, createdAt: firm.createdAt.toISOString() };
      }),
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
      asOwnFirm(request, request.params.firmId, async (tx, actor) => {
        requireRole(actor, 'firm_admin');
        const [firm] = await tx
          .update(firms)
          .set({ requireMfa: request.body.requireMfa })
          .where(eq(firms.id, actor.firmId))
          .returning();
        if (!firm) throw notFound('firm');
        return { ...firm, createdAt: firm.createdAt.toISOString() };
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
      asOwnFirm(request, request.params.firmId, async (tx) => {
        const limit = request.query.limit ?? 50;
        const after = decodeCursor(request.query.cursor, 1);
        const rows = await tx
          .select({
            id: users.id,
            email: users.email,
            name: users.name,
            role: firmMemberships.role,
            joinedAt: firmMemberships.createdAt,
            deactivatedAt: users.deactivatedAt,
            memberDeactivatedAt: firmMemberships.deactivatedAt,
          })
          .from(firmMemberships)
          .innerJoin(users, eq(users.id, firmMemberships.userId))
          .where(and(eq(firmMemberships.firmId, request.params.firmId), after ? gt(users.email, after[0]!) : undefined))
          .orderBy(asc(users.email))
          .limit(limit + 1);
        const page = pageOf(rows, limit, (r) => [r.email]);
        return {
          nextCursor: page.nextCursor,
          items: page.items.map(({ deactivatedAt, memberDeactivatedAt, joinedAt, ...r }) => ({
            ...r,
            joinedAt: joinedAt.toISOString(),
            deactivated: deactivatedAt !== null || memberDeactivatedAt !== null,
          })),
        };
      }),
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
      asOwnFirm(request, request.params.firmId, async (tx, actor) => {
        requireRole(actor, 'firm_admin');
        const { firmId, userId } = request.params;
        const { role, active } = request.body;
        if ((role !== undefined && role !== 'firm_admin') || active === false) await keepOneAdmin(tx, firmId, userId);
        if (active === false && userId === actor.userId) {
          throw conflict('cannot_deactivate_self', 'You cannot deactivate yourself; ask another firm admin.');
        }
        const [updated] = await tx
          .update(firmMemberships)
          .set({
            ...(role !== undefined ? { role } : {}),
            ...(active === false ? { deactivatedAt: sql`coalesce(${firmMemberships.deactivatedAt}, now())` } : {}),
            ...(active === true ? { deactivatedAt: null } : {}),
          })
          .where(and(eq(firmMemberships.firmId, firmId), eq(firmMemberships.userId, userId)))
          .returning({
            role: firmMemberships.role,
            joinedAt: firmMemberships.createdAt,
            deactivatedAt: firmMemberships.deactivatedAt,
          });
        if (updated && active === false) await revokeMemberSessions(tx, userId);
        const [user] = await tx
          .select({ id: users.id, email: users.email, name: users.name, deactivatedAt: users.deactivatedAt })
          .from(users)
          .where(eq(users.id, userId));
        if (!updated || !user) throw notFound('user in this firm');
        return {
          id: user.id,
          email: user.email,
          name: user.name,
          role: updated.role,
          joinedAt: updated.joinedAt.toISOString(),
          deactivated: user.deactivatedAt !== null || updated.deactivatedAt !== null,
        };
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
      asOwnFirm(request, request.params.firmId, async (tx, actor) => {
        requireRole(actor, 'firm_admin');
        return { revoked: await revokeMemberSessions(tx, request.params.userId) };
      }),
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
      await asOwnFirm(request, request.params.firmId, async (tx, actor) => {
        requireRole(actor, 'firm_admin');
        const { firmId, userId } = request.params;
        await keepOneAdmin(tx, firmId, userId);
        await tx
          .delete(firmMemberships)
          .where(and(eq(firmMemberships.firmId, firmId), eq(firmMemberships.userId, userId)));
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
      asOwnFirm(request, request.params.firmId, async (tx, actor) => {
        requireRole(actor, 'firm_admin');
        const limit = request.query.limit ?? 50;
        const after = decodeCursor(request.query.cursor, 2);
        const rows = await tx
          .select({ invitation: userInvitations, invitedBy: users.name })
          .from(userInvitations)
          .leftJoin(users, eq(users.id, userInvitations.invitedByUserId))
          .where(
            and(
              eq(userInvitations.firmId, request.params.firmId),
              olderThan(userInvitations.createdAt, userInvitations.id, after),
            ),
          )
          .orderBy(desc(userInvitations.createdAt), desc(userInvitations.id))
          .limit(limit + 1);
        const page = pageOf(rows, limit, (r) => [r.invitation.createdAt.toISOString(), r.invitation.id]);
        return {
          nextCursor: page.nextCursor,
          items: page.items.map(({ invitation, invitedBy }) => ({
            id: invitation.id,
            email: invitation.email,
            role: invitation.role,
            status: invitationStatus(invitation),
            invitedBy,
            createdAt: invitation.createdAt.toISOString(),
            expiresAt: invitation.expiresAt.toISOString(),
          })),
        };
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
      const { invitation, emailId, inviter } = await asOwnFirm(request, request.params.firmId, async (tx, actor) => {
        requireRole(actor, 'firm_admin');
        const [firm] = await tx.select({ name: firms.name }).from(firms).where(eq(firms.id, actor.firmId));
        const [me] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, actor.userId));
        const created = await inviteUser(tx, {
          firmId: actor.firmId,
          firmName: firm!.name,
          invitedBy: me!,
          email: request.body.email,
          role: request.body.role,
          portalUrl: options.portalUrl,
        });
        return { ...created, inviter: me!.name };
      });
      await app.queue.enqueue('deliver-email', { firmId: invitation.firmId, emailId }, { jobId: `email-${emailId}` });
      return reply.status(201).send({
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        status: invitationStatus(invitation),
        invitedBy: inviter,
        createdAt: invitation.createdAt.toISOString(),
        expiresAt: invitation.expiresAt.toISOString(),
      });
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
      await asOwnFirm(request, request.params.firmId, async (tx, actor) => {
        requireRole(actor, 'firm_admin');
        const [found] = await tx
          .update(userInvitations)
          .set({ revokedAt: new Date() })
          .where(
            and(
              eq(userInvitations.id, request.params.invitationId),
              eq(userInvitations.firmId, request.params.firmId),
              isNull(userInvitations.acceptedAt),
            ),
          )
          .returning({ id: userInvitations.id });
        if (!found) throw notFound('pending invitation');
      });
      return reply.status(204).send(null);
    },
  );
};
