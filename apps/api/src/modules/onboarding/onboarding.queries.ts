// The onboarding module's reads and writes of firm invitations that are not the invitation's own
// lifecycle (that is in onboarding.service.ts).
import { firmInvitations, users, type Transaction } from '@accord/db';
import { and, desc, eq, isNull } from 'drizzle-orm';

export type FirmInvitationRow = typeof firmInvitations.$inferSelect;

export async function userName(tx: Transaction, userId: string) {
  const [me] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId));
  return me!;
}

/** The network's firm invitations, newest first, with who sent each. */
export function firmInvitationsOf(tx: Transaction, networkId: string) {
  return tx
    .select({ invitation: firmInvitations, invitedBy: users.name })
    .from(firmInvitations)
    .leftJoin(users, eq(users.id, firmInvitations.invitedByUserId))
    .where(eq(firmInvitations.networkId, networkId))
    .orderBy(desc(firmInvitations.createdAt), desc(firmInvitations.id));
}

export async function firmInvitationExists(tx: Transaction, networkId: string, invitationId: string) {
  const [exists] = await tx
    .select({ id: firmInvitations.id })
    .from(firmInvitations)
    .where(and(eq(firmInvitations.id, invitationId), eq(firmInvitations.networkId, networkId)));
  return exists !== undefined;
}

/** Withdraws an invitation not yet used or withdrawn; false when there is none such. */
export async function withdrawPendingFirmInvitation(tx: Transaction, networkId: string, invitationId: string) {
  const [withdrawn] = await tx
    .update(firmInvitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(firmInvitations.id, invitationId),
        eq(firmInvitations.networkId, networkId),
        isNull(firmInvitations.acceptedAt),
        isNull(firmInvitations.revokedAt),
      ),
    )
    .returning({ id: firmInvitations.id });
  return withdrawn !== undefined;
}
