// The notifications table (row-level security shows a person only their own, for the firm they act
// for) and the outbox the mail of a notification waits in.
import { emailOutbox, notifications, query, type Transaction } from '@accord/db';
import { count, desc, eq, isNull, sql } from 'drizzle-orm';

export type NotificationRow = typeof notifications.$inferSelect;

/** Newest first, at most `limit`; only unread ones when asked. */
export function notificationsOfCaller(
  tx: Transaction,
  params: { unreadOnly: boolean; limit: number },
): Promise<NotificationRow[]> {
  return tx
    .select()
    .from(notifications)
    .where(params.unreadOnly ? isNull(notifications.readAt) : undefined)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(params.limit);
}

export async function unreadCount(tx: Transaction): Promise<number> {
  const [unread] = await tx.select({ n: count() }).from(notifications).where(isNull(notifications.readAt));
  return unread?.n ?? 0;
}

/** Marks one read (keeping the first time it was read); undefined when the caller has no such notification. */
export async function markRead(tx: Transaction, notificationId: string): Promise<NotificationRow | undefined> {
  const [row] = await tx
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(eq(notifications.id, notificationId))
    .returning();
  return row;
}

/** Marks every unread one read; answers how many. */
export async function markAllRead(tx: Transaction): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(isNull(notifications.readAt))
    .returning({ id: notifications.id });
  return rows.length;
}

/**
 * One notification for each of the given users (null: everyone in the network but the actor), written
 * by `app_notify`, which may write for people the acting firm cannot otherwise see.
 */
export async function notifyInApp(
  tx: Transaction,
  input: { networkId: string; users: string[] | null; kind: string; title: string; body: string; link: string },
): Promise<void> {
  // null: everyone in the network but the actor; otherwise these users, each a bound parameter
  const users =
    input.users === null
      ? sql`null`
      : sql`array[${sql.join(
          input.users.map((id) => sql`${id}`),
          sql`, `,
        )}]::uuid[]`;
  await query(
    tx,
    sql`select app_notify(${input.networkId}::uuid, ${users}, ${input.kind}, ${input.title}, ${input.body}, ${input.link})`,
  );
}

/** A mail in the outbox, sent by the deliver-email job once the transaction commits; answers its id. */
export async function outboxEmail(
  tx: Transaction,
  mail: { firmId: string; toEmail: string; subject: string; bodyText: string; link: string },
): Promise<string> {
  const [row] = await tx.insert(emailOutbox).values(mail).returning({ id: emailOutbox.id });
  return row!.id;
}
