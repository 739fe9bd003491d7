// A firm's people: who belongs, with which role, and invitations for new colleagues.
import {
  emailOutbox,
  firmMemberships,
  query,
  userInvitations,
  users,
  type FirmRole,
  type Transaction,
} from '@accord/db';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { conflict, notFound } from '../../http/problems.ts';
import { hashToken, newSecretToken } from '../auth/auth.service.ts';

export const INVITATION_DAYS = 7;

type InvitationRow = typeof userInvitations.$inferSelect;

export function invitationStatus(row: Pick<InvitationRow, 'acceptedAt' | 'revokedAt' | 'expiresAt'>) {
  if (row.acceptedAt) return 'accepted' as const;
  if (row.revokedAt) return 'withdrawn' as const;
  if (row.expiresAt.getTime() <= Date.now()) return 'expired' as const;
  return 'pending' as const;
}

/** Refuses a change that would leave the firm without a firm admin. */
export async function keepOneAdmin(tx: Transaction, firmId: string, userId: string): Promise<void> {
  const [row] = await tx
    .select({ admins: count() })
    .from(firmMemberships)
    .where(
      and(
        eq(firmMemberships.firmId, firmId),
        eq(firmMemberships.role, 'firm_admin'),
        isNull(firmMemberships.deactivatedAt),
      ),
    );
  const [target] = await tx
    .select({ role: firmMemberships.role, deactivatedAt: firmMemberships.deactivatedAt })
    .from(firmMemberships)
    .where(and(eq(firmMemberships.firmId, firmId), eq(firmMemberships.userId, userId)));
  if (!target) throw notFound('user in this firm');
  if (target.role === 'firm_admin' && target.deactivatedAt === null && (row?.admins ?? 0) <= 1) {
    throw conflict('last_firm_admin', 'A firm needs at least one firm admin: make someone else admin first.');
  }
}

/** Ends a member's sessions for the acting firm (as its firm admin); answers how many ended. */
export async function revokeMemberSessions(tx: Transaction, userId: string): Promise<number> {
  const [row] = await query<{ revoked: number | null }>(
    tx,
    sql`select app_revoke_member_sessions(${userId}) as revoked`,
  );
  if (row?.revoked === null || row?.revoked === undefined) throw notFound('user in this firm');
  return Number(row.revoked);
}

export interface CreatedInvitation {
  invitation: InvitationRow;
  emailId: string;
}

/**
 * Creates an invitation and its email in one transaction; the caller enqueues delivery. The token
 * exists only in the email link: the database keeps its hash.
 */
export async function inviteUser(
  tx: Transaction,
  input: {
    firmId: string;
    firmName: string;
    invitedBy: { id: string; name: string };
    email: string;
    role: FirmRole;
    portalUrl: string;
  },
): Promise<CreatedInvitation> {
  const email = input.email.toLowerCase();
  const [member] = await tx
    .select({ id: users.id })
    .from(firmMemberships)
    .innerJoin(users, eq(users.id, firmMemberships.userId))
    .where(and(eq(firmMemberships.firmId, input.firmId), eq(users.email, email)));
  if (member) throw conflict('already_member', `${email} already belongs to this firm.`);
  // A new invitation replaces any pending one for the same address.
  await tx
    .update(userInvitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(userInvitations.firmId, input.firmId),
        eq(userInvitations.email, email),
        isNull(userInvitations.acceptedAt),
        isNull(userInvitations.revokedAt),
      ),
    );
  const token = newSecretToken();
  const [invitation] = await tx
    .insert(userInvitations)
    .values({
      firmId: input.firmId,
      email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedByUserId: input.invitedBy.id,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    })
    .returning();
  const link = `${input.portalUrl}/invitations/accept?token=${token}`;
  const [email_] = await tx
    .insert(emailOutbox)
    .values({
      firmId: input.firmId,
      toEmail: email,
      subject: `${input.invitedBy.name} invited you to ${input.firmName} on Accord`,
      bodyText:
        `${input.invitedBy.name} invited you to join ${input.firmName} on Accord as ${input.role.replace('_', ' ')}.\n\n` +
        `Accept within ${INVITATION_DAYS} days: ${link}\n`,
      link,
    })
    .returning({ id: emailOutbox.id });
  return { invitation: invitation!, emailId: email_!.id };
}
