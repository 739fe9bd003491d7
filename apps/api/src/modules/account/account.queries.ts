// The account module's reads and writes of the signed-in user's own record.
import { firmMemberships, firms, query, users, type Transaction } from '@accord/db';
import { and, eq, isNull, sql } from 'drizzle-orm';

export async function ownUser(tx: Transaction, userId: string) {
  const [user] = await tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, userId));
  return user!;
}

/** A firm the user actively belongs to that requires two-factor sign-in, if any. */
export async function firmRequiringMfa(tx: Transaction, userId: string) {
  const [requiring] = await tx
    .select({ name: firms.name })
    .from(firmMemberships)
    .innerJoin(firms, eq(firms.id, firmMemberships.firmId))
    .where(and(eq(firmMemberships.userId, userId), isNull(firmMemberships.deactivatedAt), eq(firms.requireMfa, true)))
    .limit(1);
  return requiring;
}

/** Sets the acting user's password hash (through the function: the runtime role cannot read hashes). */
export async function setOwnPasswordHash(tx: Transaction, passwordHash: string): Promise<boolean> {
  const [changed] = await query<{ changed: boolean | null }>(
    tx,
    sql`select auth_change_password(${passwordHash}) as changed`,
  );
  return changed?.changed === true;
}
