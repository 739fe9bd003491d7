// The firms module's reads and writes of firms, their members and their invitations.
import { firmMemberships, firms, userInvitations, users, type FirmRole, type Transaction } from '@accord/db';
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { olderThan, type PageWindow } from '../../http/pagination.ts';

export async function firmById(tx: Transaction, firmId: string) {
  const [firm] = await tx.select().from(firms).where(eq(firms.id, firmId));
  return firm;
}

export async function setRequireMfa(tx: Transaction, firmId: string, requireMfa: boolean) {
  const [firm] = await tx.update(firms).set({ requireMfa }).where(eq(firms.id, firmId)).returning();
  return firm;
}

/** The firm's members by email. */
export function firmUsersOf(tx: Transaction, firmId: string, window: PageWindow) {
  return tx
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
    .where(and(eq(firmMemberships.firmId, firmId), window.after ? gt(users.email, window.after[0]!) : undefined))
    .orderBy(asc(users.email))
    .limit(window.take);
}

/** Changes a membership's role, or deactivates (keeping the first time) or reactivates it. */
export async function updateMembershipRow(
  tx: Transaction,
  firmId: string,
  userId: string,
  change: { role?: FirmRole | undefined; active?: boolean | undefined },
) {
  const [updated] = await tx
    .update(firmMemberships)
    .set({
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.active === false ? { deactivatedAt: sql`coalesce(${firmMemberships.deactivatedAt}, now())` } : {}),
      ...(change.active === true ? { deactivatedAt: null } : {}),
    })
    .where(and(eq(firmMemberships.firmId, firmId), eq(firmMemberships.userId, userId)))
    .returning({
      role: firmMemberships.role,
      joinedAt: firmMemberships.createdAt,
      deactivatedAt: firmMemberships.deactivatedAt,
    });
  return updated;
}

export async function userById(tx: Transaction, userId: string) {
  const [user] = await tx
    .select({ id: users.id, email: users.email, name: users.name, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.id, userId));
  return user;
}

export async function deleteMembership(tx: Transaction, firmId: string, userId: string): Promise<void> {
  await tx.delete(firmMemberships).where(and(eq(firmMemberships.firmId, firmId), eq(firmMemberships.userId, userId)));
}

/** The firm's invitations, newest first, with who sent each. */
export function userInvitationsOf(tx: Transaction, firmId: string, window: PageWindow) {
  return tx
    .select({ invitation: userInvitations, invitedBy: users.name })
    .from(userInvitations)
    .leftJoin(users, eq(users.id, userInvitations.invitedByUserId))
    .where(
      and(eq(userInvitations.firmId, firmId), olderThan(userInvitations.createdAt, userInvitations.id, window.after)),
    )
    .orderBy(desc(userInvitations.createdAt), desc(userInvitations.id))
    .limit(window.take);
}

export async function firmAndInviter(tx: Transaction, firmId: string, userId: string) {
  const [firm] = await tx.select({ name: firms.name }).from(firms).where(eq(firms.id, firmId));
  const [me] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId));
  return { firmName: firm!.name, invitedBy: me! };
}

/** Withdraws an invitation not yet accepted; false when there is none such. */
export async function withdrawUserInvitationRow(tx: Transaction, firmId: string, invitationId: string) {
  const [found] = await tx
    .update(userInvitations)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(userInvitations.id, invitationId), eq(userInvitations.firmId, firmId), isNull(userInvitations.acceptedAt)),
    )
    .returning({ id: userInvitations.id });
  return found !== undefined;
}
