// The networks module's reads and writes: networks, their memberships and their people.
import {
  firmMemberships,
  firms,
  networkMemberships,
  networks,
  query,
  users,
  type ChainRole,
  type FirmRole,
  type Transaction,
} from '@accord/db';
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

const focal = alias(firms, 'focal_firm');
const mine = alias(networkMemberships, 'my_membership');

type MembershipRow = typeof networkMemberships.$inferInsert;
export type MembershipChange = Partial<Omit<MembershipRow, 'networkId' | 'firmId'>>;

/** Networks the acting firm belongs to or was invited to; pass an id for one. */
export async function listNetworks(tx: Transaction, firmId: string, networkId?: string) {
  const activeMembers = tx
    .select({ networkId: networkMemberships.networkId, n: count().as('n') })
    .from(networkMemberships)
    .where(eq(networkMemberships.status, 'active'))
    .groupBy(networkMemberships.networkId)
    .as('active_members');
  const rows = await tx
    .select({
      id: networks.id,
      name: networks.name,
      description: networks.description,
      focalFirmId: focal.id,
      focalFirmName: focal.name,
      myStatus: mine.status,
      activeMembers: sql<number>`coalesce(${activeMembers.n}, 0)::int`,
      createdAt: networks.createdAt,
    })
    .from(networks)
    .innerJoin(mine, and(eq(mine.networkId, networks.id), eq(mine.firmId, firmId), ne(mine.status, 'declined')))
    .innerJoin(focal, eq(focal.id, networks.focalFirmId))
    .leftJoin(activeMembers, eq(activeMembers.networkId, networks.id))
    .where(networkId ? eq(networks.id, networkId) : undefined)
    .orderBy(asc(networks.name), asc(networks.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    focalFirm: { id: r.focalFirmId, name: r.focalFirmName },
    myStatus: r.myStatus,
    activeMembers: r.activeMembers,
    createdAt: r.createdAt.toISOString(),
  }));
}

export interface MemberFilter {
  firmId?: string;
  /** Keyset: the (firm name, firm id) of the last row of the previous page. */
  after?: string[] | undefined;
  limit: number;
}

export async function listMembers(tx: Transaction, networkId: string, filter: MemberFilter) {
  const after = filter.after;
  const rows = await tx
    .select({
      firmId: firms.id,
      firmName: firms.name,
      firmSlug: firms.slug,
      chainRole: networkMemberships.chainRole,
      status: networkMemberships.status,
      relationshipStage: networkMemberships.relationshipStage,
      sponsorId: users.id,
      sponsorName: users.name,
      sponsorEmail: users.email,
      focalFirmId: networks.focalFirmId,
      invitedAt: networkMemberships.invitedAt,
      joinedAt: networkMemberships.joinedAt,
    })
    .from(networkMemberships)
    // left: a firm that just declined no longer sees the network, but still sees its own answer
    .leftJoin(networks, eq(networks.id, networkMemberships.networkId))
    .innerJoin(firms, eq(firms.id, networkMemberships.firmId))
    .leftJoin(users, eq(users.id, networkMemberships.executiveSponsorUserId))
    .where(
      and(
        eq(networkMemberships.networkId, networkId),
        filter.firmId ? eq(networkMemberships.firmId, filter.firmId) : undefined,
        after ? sql`(${firms.name}, ${firms.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(firms.name), asc(firms.id))
    .limit(filter.limit);
  return rows.map((r) => ({
    firm: { id: r.firmId, name: r.firmName, slug: r.firmSlug },
    chainRole: r.chainRole,
    status: r.status,
    relationshipStage: r.relationshipStage,
    executiveSponsor: r.sponsorId ? { id: r.sponsorId, name: r.sponsorName!, email: r.sponsorEmail! } : null,
    isFocalFirm: r.focalFirmId === r.firmId,
    invitedAt: r.invitedAt.toISOString(),
    joinedAt: r.joinedAt?.toISOString() ?? null,
  }));
}

/** Whether the user belongs to the firm. */
export async function roleOfOwnUser(tx: Transaction, firmId: string, userId: string): Promise<FirmRole | undefined> {
  const [row] = await tx
    .select({ role: firmMemberships.role })
    .from(firmMemberships)
    .where(and(eq(firmMemberships.firmId, firmId), eq(firmMemberships.userId, userId)));
  return row?.role;
}

/** Whether the acting firm is an active member of the network (the same test row-level security applies). */
export async function isActiveMember(tx: Transaction, networkId: string): Promise<boolean> {
  const [row] = await query<{ member: boolean }>(tx, sql`select app_is_network_member(${networkId}) as member`);
  return row?.member === true;
}

export async function firmChainRole(tx: Transaction, firmId: string): Promise<ChainRole> {
  const [firm] = await tx.select({ chainRole: firms.chainRole }).from(firms).where(eq(firms.id, firmId));
  return firm!.chainRole;
}

export async function insertNetwork(
  tx: Transaction,
  values: { name: string; description: string; focalFirmId: string },
) {
  const [created] = await tx.insert(networks).values(values).returning({ id: networks.id });
  return created!.id;
}

export async function updateNetworkRow(
  tx: Transaction,
  networkId: string,
  change: { name?: string; description?: string },
): Promise<void> {
  await tx.update(networks).set(change).where(eq(networks.id, networkId));
}

export async function insertMembership(tx: Transaction, row: MembershipRow): Promise<void> {
  await tx.insert(networkMemberships).values(row);
}

export async function updateMembership(
  tx: Transaction,
  networkId: string,
  firmId: string,
  change: MembershipChange,
): Promise<void> {
  await tx
    .update(networkMemberships)
    .set(change)
    .where(and(eq(networkMemberships.networkId, networkId), eq(networkMemberships.firmId, firmId)));
}

export async function membershipStatus(tx: Transaction, networkId: string, firmId: string) {
  const [row] = await tx
    .select({ status: networkMemberships.status })
    .from(networkMemberships)
    .where(and(eq(networkMemberships.networkId, networkId), eq(networkMemberships.firmId, firmId)));
  return row?.status;
}

/** A firm found by its slug, for inviting it (any firm on Accord may be invited). */
export async function firmBySlug(tx: Transaction, slug: string) {
  const [firm] = await query<{ id: string; name: string; chain_role: ChainRole }>(
    tx,
    sql`select * from app_firm_by_slug(${slug})`,
  );
  return firm;
}

export interface Person {
  id: string;
  name: string;
  email: string;
  firmId: string;
  firmName: string;
  role: string;
}

/** The people of the network's active member firms (nothing to a non-member). */
export async function networkPeople(tx: Transaction, networkId: string): Promise<Person[]> {
  return query<Person>(
    tx,
    sql`select p.user_id as id, p.name, p.email, p.firm_id as "firmId", f.name as "firmName", p.role::text as role
        from app_network_people(${networkId}::uuid) p join firms f on f.id = p.firm_id
        order by f.name, p.name`,
  );
}

/** The network's key for pseudonymous customer keys (null to a non-member). */
export async function networkHashingKey(tx: Transaction, networkId: string): Promise<string | null> {
  const [row] = await query<{ key: string | null }>(tx, sql`select app_network_hashing_key(${networkId}) as key`);
  return row?.key ?? null;
}
