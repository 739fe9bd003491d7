// A person's in-app notifications: each sees only their own, for the firm they act for (row-level security).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { emptyBodyAsObject, problemResponses } from '../../http/common.schemas.ts';
import { asActor } from '../../plugins/auth.ts';
import { ListQuery, Notification, NotificationList, NotificationParams, ReadAll } from './notifications.schemas.ts';
import { listNotifications, readAllNotifications, readNotification } from './notifications.service.ts';

const security = [{ bearer: [] }];
const tags = ['notifications'];

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
    (request) => asActor(request, (tx) => listNotifications(tx, request.query)),
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
    (request) => asActor(request, (tx) => readNotification(tx, request.params.notificationId)),
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
        response: { 200: ReadAll, ...problemResponses },
      },
    },
    (request) => asActor(request, (tx) => readAllNotifications(tx)),
  );
};
