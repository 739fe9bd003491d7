// The auth module's reads for the signed-in user (sign-in itself goes through the auth_* functions
// in auth.service.ts).
import { networkMemberships, networks, users, type Transaction } from '@accord/db';
import { and, asc, eq, ne } from 'drizzle-orm';

export async function userEmailOf(tx: Transaction, userId: string) {
  const [user] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId));
  return user!;
}

export async function userSummaryOf(tx: Transaction, userId: string) {
  const [user] = await tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, userId));
  return user;
}

/** The networks the firm belongs to or is invited to, by name. */
export function networksOfFirm(tx: Transaction, firmId: string) {
  return tx
    .select({
      id: networks.id,
      name: networks.name,
      focalFirmId: networks.focalFirmId,
      status: networkMemberships.status,
    })
    .from(networkMemberships)
    .innerJoin(networks, eq(networks.id, networkMemberships.networkId))
    .where(and(eq(networkMemberships.firmId, firmId), ne(networkMemberships.status, 'declined')))
    .orderBy(asc(networks.name));
}
