// A person's in-app notifications (strategy published, decisions, team invitations, survey rounds),
// and `notify`, which every module that tells people something goes through: in the app, and by
// email through the outbox.
import type { Transaction } from '@accord/db';
import type { JobQueue } from '@accord/jobs';
import { notFound } from '../../http/problems.ts';
import {
  markAllRead,
  markRead,
  notificationsOfCaller,
  notifyInApp,
  outboxEmail,
  unreadCount,
  type NotificationRow,
} from './notifications.queries.ts';

const notificationView = (n: NotificationRow) => ({
  id: n.id,
  networkId: n.networkId,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

export async function listNotifications(tx: Transaction, params: { unread?: boolean; limit?: number }) {
  const rows = await notificationsOfCaller(tx, { unreadOnly: params.unread ?? false, limit: params.limit ?? 50 });
  return { items: rows.map(notificationView), unread: await unreadCount(tx) };
}

export async function readNotification(tx: Transaction, notificationId: string) {
  const row = await markRead(tx, notificationId);
  if (!row) throw notFound('notification');
  return notificationView(row);
}

export async function readAllNotifications(tx: Transaction) {
  return { read: await markAllRead(tx) };
}

export interface Notice {
  networkId: string;
  senderFirmId: string;
  /** null: everyone in the network but the actor. */
  users: string[] | null;
  kind: string;
  title: string;
  body: string;
  /** A portal path. */
  link: string;
  emails: string[];
  portalUrl: string;
}

/**
 * Tells people in the app (null: everyone in the network but the actor) and by email (the given
 * addresses) through the outbox; returns the outbox ids for delivery.
 */
export async function notify(tx: Transaction, input: Notice): Promise<string[]> {
  await notifyInApp(tx, input);
  const ids: string[] = [];
  for (const email of new Set(input.emails))
    ids.push(
      await outboxEmail(tx, {
        firmId: input.senderFirmId,
        toEmail: email,
        subject: input.title,
        bodyText: `${input.body}\n\n${input.portalUrl}${input.link}\n`,
        link: `${input.portalUrl}${input.link}`,
      }),
    );
  return ids;
}

/** The outbox mail sent, after the transaction that wrote it commits (one job per mail). */
export async function deliverEmails(queue: JobQueue, firmId: string, emailIds: string[]): Promise<void> {
  for (const emailId of emailIds)
    await queue.enqueue('deliver-email', { firmId, emailId }, { jobId: `email-${emailId}` });
}
