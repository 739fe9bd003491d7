// The demo value chain: a manufacturer, two distributors, three retailers and a logistics provider
// in one network, each firm with an admin, a manager and an analyst (its executive sponsor), and
// their relationships (demo.relationships.ts). Demo mode only.
import {
  costModels,
  firmMemberships,
  firms,
  networkMemberships,
  networks,
  users,
  type ChainRole,
  type Database,
  type FirmRole,
  type RelationshipStage,
} from '@accord/db';
import { nameSkeleton } from '@accord/domain/names';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords.ts';
import { seedRelationships } from './demo.relationships.ts';

export const DEMO_PASSWORD = 'accord-demo';

/** Activity rates of the demo's retailers and logistics provider, in EUR. */
const demoCostRates = {
  perOrder: 2.5,
  perOrderLine: 0.4,
  perDelivery: 4.5,
  perExpeditedDelivery: 7,
  perReturn: 6,
  perServiceCase: 12,
  perActivity: {},
};

export const demoFirms: ReadonlyArray<{ name: string; chainRole: ChainRole; stage: RelationshipStage }> = [
  { name: 'Northwind Appliances', chainRole: 'manufacturer', stage: 'collaborative' },
  { name: 'Contoso Distribution', chainRole: 'distributor', stage: 'collaborative' },
  { name: 'Fabrikam Wholesale', chainRole: 'distributor', stage: 'value_adding' },
  { name: 'Tailspin Retail', chainRole: 'retailer', stage: 'collaborative' },
  { name: 'Wingtip Stores', chainRole: 'retailer', stage: 'value_adding' },
  { name: 'Adventure Outlet', chainRole: 'retailer', stage: 'transactional' },
  { name: 'Litware Logistics', chainRole: 'logistics_provider', stage: 'value_adding' },
];

export const DEMO_NETWORK = 'Northwind Appliances value chain';

const demoPeople: ReadonlyArray<{ local: string; title: string; role: FirmRole }> = [
  { local: 'admin', title: 'Admin', role: 'firm_admin' },
  { local: 'manager', title: 'Partner Manager', role: 'manager' },
  { local: 'analyst', title: 'Analyst', role: 'analyst' },
];

/** The slug and email domain of a demo firm: the first word of its name, lower case. */
export function demoSlug(firmName: string): string {
  return firmName.split(' ')[0]!.toLowerCase();
}

export function demoEmail(firmName: string, local = 'admin'): string {
  return `${local}@${demoSlug(firmName)}.example`;
}

/** Seeds the demo value chain once; later calls find it and do nothing. Runs as the owner. */
export async function seedDemo(db: Database): Promise<{ seeded: boolean; networkId: string }> {
  const focalSlug = demoSlug(demoFirms[0]!.name);
  const [existing] = await db
    .select({ id: networks.id })
    .from(networks)
    .innerJoin(firms, eq(firms.id, networks.focalFirmId))
    .where(eq(firms.slug, focalSlug));
  if (existing) return { seeded: false, networkId: existing.id };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const firmRows = await tx
      .insert(firms)
      .values(
        demoFirms.map((f) => ({
          name: f.name,
          slug: demoSlug(f.name),
          chainRole: f.chainRole,
          nameSkeleton: nameSkeleton(f.name),
        })),
      )
      .returning({ id: firms.id, name: firms.name });
    const sponsors = new Map<string, string>();
    for (const firm of firmRows) {
      const people = await tx
        .insert(users)
        .values(
          demoPeople.map((p) => ({
            email: demoEmail(firm.name, p.local),
            name: `${firm.name.split(' ')[0]} ${p.title}`,
            passwordHash,
          })),
        )
        .returning({ id: users.id, email: users.email });
      await tx
        .insert(firmMemberships)
        .values(people.map((person, i) => ({ firmId: firm.id, userId: person.id, role: demoPeople[i]!.role })));
      sponsors.set(firm.id, people.find((p) => p.email.startsWith('manager@'))!.id);
    }
    const focal = firmRows[0]!;
    const [network] = await tx
      .insert(networks)
      .values({
        name: DEMO_NETWORK,
        description:
          'Northwind and the partners that carry its appliances to customers: distribution, retail and delivery.',
        focalFirmId: focal.id,
      })
      .returning({ id: networks.id });
    const joined = new Date(Date.UTC(2025, 0, 15));
    await tx.insert(networkMemberships).values(
      firmRows.map((firm, i) => ({
        networkId: network!.id,
        firmId: firm.id,
        chainRole: demoFirms[i]!.chainRole,
        status: 'active' as const,
        relationshipStage: demoFirms[i]!.stage,
        executiveSponsorUserId: sponsors.get(firm.id)!,
        invitedAt: joined,
        respondedAt: joined,
        joinedAt: joined,
      })),
    );
    // Each retailer and the logistics provider price their activities, so cost-to-serve and the
    // profitability matrix have something to show; the manufacturer and distributors have none yet.
    await tx
      .insert(costModels)
      .values(
        firmRows
          .filter((_, i) => ['retailer', 'logistics_provider'].includes(demoFirms[i]!.chainRole))
          .map((firm) => ({ networkId: network!.id, firmId: firm.id, rates: demoCostRates })),
      );
    await seedRelationships(tx, {
      networkId: network!.id,
      focalFirmId: focal.id,
      focalManagerId: sponsors.get(focal.id)!,
      partners: firmRows.slice(1).map((firm, i) => ({
        firmId: firm.id,
        managerId: sponsors.get(firm.id)!,
        stage: demoFirms[i + 1]!.stage,
        name: firm.name,
      })),
      today: new Date(),
    });
    return { seeded: true, networkId: network!.id };
  });
}
