import { emailOutbox, withTenant, type Database } from '@accord/db';
import type { JobHandler } from '@accord/jobs';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { EmailTransport } from '../email.ts';

/**
 * Sends one outbox message and marks it sent. A message already sent is skipped, so a retried job
 * never sends twice after a successful commit.
 */
export function deliverEmail(db: Database, transport: EmailTransport): JobHandler<'deliver-email'> {
  return async ({ firmId, emailId }) => {
    await withTenant(db, { firmId, userId: null }, async (tx) => {
      const [message] = await tx
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.id, emailId), isNull(emailOutbox.sentAt)))
        .for('update');
      if (!message) return;
      try {
        await transport.send({
          to: message.toEmail,
          subject: message.subject,
          text: message.bodyText,
          link: message.link,
        });
      } catch (error) {
        await tx
          .update(emailOutbox)
          .set({ attempts: sql`${emailOutbox.attempts} + 1`, lastError: String(error) })
          .where(eq(emailOutbox.id, emailId));
        throw error;
      }
      await tx
        .update(emailOutbox)
        .set({ sentAt: new Date(), attempts: sql`${emailOutbox.attempts} + 1`, lastError: null })
        .where(eq(emailOutbox.id, emailId));
    });
  };
}
