// A firm's people: who belongs, with which role, and invitations for new colleagues.
import { daysFrom } from '@accord/domain';
import {
  emailOutbox,
  firmMemberships,
  type firms,
  query,
  userInvitations,
  users,
  type FirmRole,
  type Transaction,
} from '@accord/db';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { paginate, presentPage, type PageRequest } from '../../http/pagination.ts';
import { conflict, notFound } from '../../http/problems.ts';
import { hashToken, newSecretToken } from '../auth/auth.service.ts';
import {
  deleteMembership,
  firmAndInviter,
  firmById,
  firmUsersOf,
  setRequireMfa,
  updateMembershipRow,
  userById,
  userInvitationsOf,
  withdrawUserInvitationRow,
} from './firms.queries.ts';

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
      expiresAt: daysFrom(INVITATION_DAYS),
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

function presentFirm(firm: typeof firms.$inferSelect) {
  return { ...firm, createdAt: firm.createdAt.toISOString() };
}

/** A firm the acting firm may see (row-level security decides): its own, or a partner's. */
export async function getFirm(tx: Transaction, firmId: string) {
  const firm = await firmById(tx, firmId);
  if (!firm) throw notFound('firm');
  return presentFirm(firm);
}

export async function updateFirmSettings(tx: Transaction, firmId: string, settings: { requireMfa: boolean }) {
  const firm = await setRequireMfa(tx, firmId, settings.requireMfa);
  if (!firm) throw notFound('firm');
  return presentFirm(firm);
}

export async function listFirmUsers(tx: Transaction, firmId: string, page: PageRequest) {
  const rows = await paginate(page, (window) => firmUsersOf(tx, firmId, window), {
    parts: 1,
    key: (r) => [r.email],
  });
  return presentPage(rows, ({ deactivatedAt, memberDeactivatedAt, joinedAt, ...r }) => ({
    ...r,
    joinedAt: joinedAt.toISOString(),
    deactivated: deactivatedAt !== null || memberDeactivatedAt !== null,
  }));
}

/** A firm admin changes a member's role or deactivates or reactivates them, never leaving the firm without an admin. */
export async function updateFirmUser(
  tx: Transaction,
  actor: { firmId: string; userId: string },
  userId: string,
  change: { role?: FirmRole | undefined; active?: boolean | undefined },
) {
  const { firmId } = actor;
  const { role, active } = change;
  if ((role !== undefined && role !== 'firm_admin') || active === false) await keepOneAdmin(tx, firmId, userId);
  if (active === false && userId === actor.userId) {
    throw conflict('cannot_deactivate_self', 'You cannot deactivate yourself; ask another firm admin.');
  }
  const updated = await updateMembershipRow(tx, firmId, userId, change);
  if (updated && active === false) await revokeMemberSessions(tx, userId);
  const user = await userById(tx, userId);
  if (!updated || !user) throw notFound('user in this firm');
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: updated.role,
    joinedAt: updated.joinedAt.toISOString(),
    deactivated: user.deactivatedAt !== null || updated.deactivatedAt !== null,
  };
}

export async function removeFirmUser(tx: Transaction, firmId: string, userId: string): Promise<void> {
  await keepOneAdmin(tx, firmId, userId);
  await deleteMembership(tx, firmId, userId);
}

export function presentInvitation(invitation: InvitationRow, invitedBy: string | null) {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation),
    invitedBy,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

export async function listUserInvitations(tx: Transaction, firmId: string, page: PageRequest) {
  const rows = await paginate(page, (window) => userInvitationsOf(tx, firmId, window), {
    parts: 2,
    key: (r) => [r.invitation.createdAt.toISOString(), r.invitation.id],
  });
  return presentPage(rows, (r) => presentInvitation(r.invitation, r.invitedBy));
}

/** The acting firm admin invites a colleague; answers the invitation, its email and who sent it. */
export async function inviteColleague(
  tx: Transaction,
  actor: { firmId: string; userId: string },
  input: { email: string; role: FirmRole; portalUrl: string },
) {
  const { firmName, invitedBy } = await firmAndInviter(tx, actor.firmId, actor.userId);
  const created = await inviteUser(tx, { firmId: actor.firmId, firmName, invitedBy, ...input });
  return { ...created, inviter: invitedBy.name };
}

export async function withdrawUserInvitation(tx: Transaction, firmId: string, invitationId: string): Promise<void> {
  if (!(await withdrawUserInvitationRow(tx, firmId, invitationId))) throw notFound('pending invitation');
}
