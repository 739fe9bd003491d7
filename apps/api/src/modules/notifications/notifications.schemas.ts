import Type from 'typebox';
import { strict, Timestamp, Uuid } from '../../http/common.schemas.ts';

export const Notification = Type.Object({
  id: Uuid,
  networkId: Type.Union([Uuid, Type.Null()]),
  kind: Type.String({ description: 'e.g. strategy_published, strategy_changes_requested, survey_round_opened.' }),
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()], { description: 'A portal path.' }),
  createdAt: Timestamp,
  readAt: Type.Union([Timestamp, Type.Null()]),
});
export const NotificationList = Type.Object({
  items: Type.Array(Notification, { description: 'Newest first, at most `limit`.' }),
  unread: Type.Integer(),
});
export const ListQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: 'Only unread ones.' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  strict,
);
export const NotificationParams = Type.Object({ notificationId: Uuid }, strict);
export const ReadAll = Type.Object({ read: Type.Integer() });
