// A person's in-app notifications (strategy published, decisions, team invitations, survey rounds):
// each sees only their own, for the firm they act for (row-level security).
import { notifications } from '@accord/db';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import Type from 'typebox';
import { emptyBodyAsObject, problemResponses, strict, Timestamp, Uuid } from '../../http/common.schemas.ts';
import { notFound } from '../../http/problems.ts';
import { asActor } from '../../plugins/auth.ts';

const security = [{ bearer: [] }];
const tags = ['notifications'];

const Notification = Type.Object({
  id: Uuid,
  networkId: Type.Union([Uuid, Type.Null()]),
  kind: Type.String({ description: 'e.g. strategy_published, strategy_changes_requested, survey_round_opened.' }),
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()], { description: 'A portal path.' }),
  createdAt: Timestamp,
  readAt: Type.Union([Timestamp, Type.Null()]),
});
const NotificationList = Type.Object({
  items: Type.Array(Notification, { description: 'Newest first, at most `limit`.' }),
  unread: Type.Integer(),
});
const ListQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: 'Only unread ones.' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  strict,
);
const NotificationParams = Type.Object({ notificationId: Uuid }, strict);

const view = (n: typeof notifications.$inferSelect) => ({
  id: n.id,
  networkId: n.networkId,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

export const notificationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/notifications',
    {
      schema: {
        operationId: 'listNotifications',
        summary: 'Your notifications, newest first, with the unread count',
        tags,
        security,
        querystring: ListQuery,
        response: { 200: NotificationList, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx) => {
        const rows = await tx
          .select()
          .from(notifications)
          .where(request.query.unread ? isNull(notifications.readAt) : undefined)
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(request.query.limit ?? 50);
        const [unread] = await tx.select({ n: count() }).from(notifications).where(isNull(notifications.readAt));
        return { items: rows.map(view), unread: unread?.n ?? 0 };
      }),
  );

  app.post(
    '/v1/notifications/:notificationId/read',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        operationId: 'readNotification',
        summary: 'Mark a notification read',
        tags,
        security,
        params: NotificationParams,
        response: { 200: Notification, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx) => {
        const [row] = await tx
          .update(notifications)
          .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
          .where(eq(notifications.id, request.params.notificationId))
          .returning();
        if (!row) throw notFound('notification');
        return view(row);
      }),
  );

  app.post(
    '/v1/notifications/read-all',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        operationId: 'readAllNotifications',
        summary: 'Mark all your notifications read',
        tags,
        security,
        response: { 200: Type.Object({ read: Type.Integer() }), ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx) => {
        const rows = await tx
          .update(notifications)
          .set({ readAt: sql`now()` })
          .where(and(isNull(notifications.readAt)))
          .returning({ id: notifications.id });
        return { read: rows.length };
      }),
  );
};
