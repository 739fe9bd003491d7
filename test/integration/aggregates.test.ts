// The aggregate-query layer (app_aggregate) never shows a group of another firm's data with fewer
// than k distinct customers: a property test over random data and random k, run as the runtime role.
import fc from 'fast-check';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFirm, startHarness, unique, type Harness } from './harness.ts';

let h: Harness;
let sql: postgres.Sql;
const firm = { O: '', G: '' };
const channels = ['store', 'web', 'mobile', 'phone', 'marketplace', 'other'] as const;

beforeAll(async () => {
  h = await startHarness();
  sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  firm.O = (await createFirm(h.database, 'Aggregate owner', 'retailer', ['firm_admin'])).firm.id;
  firm.G = (await createFirm(h.database, 'Aggregate reader', 'manufacturer', ['firm_admin'])).firm.id;
});
afterAll(async () => {
  await sql?.end();
  await h?.close();
});

interface Row {
  owner_firm_id: string;
  min_group_size: number;
  grp: string | null;
  pooled: boolean;
  customers: string;
}

async function aggregateAs(firmId: string, networkId: string, dimension: string): Promise<Row[]> {
  const rows = await sql.begin(async (tx) => {
    await tx`select set_config('app.firm_id', ${firmId}, true), set_config('role', 'accord_app', true)`;
    return tx<Row[]>`select * from app_aggregate('transactions', ${networkId}, ${dimension})`;
  });
  return [...rows];
}

/** A network of O and G where O's transactions have, per channel, the given number of distinct customers. */
async function networkWith(groups: number[], agreements: Array<{ level: 'customer' | 'aggregate'; k: number }>) {
  const [network] = await sql`insert into networks (name, focal_firm_id) values (${unique('Aggregates')}, ${firm.O})
                              returning id`;
  const networkId = network!.id as string;
  await sql`insert into network_memberships (network_id, firm_id, chain_role, status)
            values (${networkId}, ${firm.O}, 'retailer', 'active'), (${networkId}, ${firm.G}, 'manufacturer', 'active')`;
  const orders: string[] = [];
  const keys: string[] = [];
  const rowChannels: string[] = [];
  groups.forEach((customers, g) => {
    for (let c = 0; c < customers; c++) {
      // each customer buys twice: distinct customers, not rows, decide
      for (const line of [1, 2]) {
        orders.push(`${g}-${c}-${line}`);
        keys.push(`${g}-${c}`.padStart(64, '0'));
        rowChannels.push(channels[g]!);
      }
    }
  });
  if (orders.length) {
    await sql`insert into transactions (network_id, firm_id, customer_key, batch_id, order_id, line_no, occurred_at, sku,
                quantity, net_amount, currency, channel)
              select ${networkId}, ${firm.O}, k, '00000000-0000-4000-8000-000000000002', o, 1, now(), 'S', 1, 10, 'EUR',
                     c::sales_channel
              from unnest(${orders}::text[], ${keys}::text[], ${rowChannels}::text[]) as u(o, k, c)`;
  }
  for (const a of agreements) {
    await sql`insert into sharing_agreements (network_id, owner_firm_id, grantee_firm_id, dataset, level, min_group_size,
                purpose, status)
              values (${networkId}, ${firm.O}, ${firm.G}, 'transactions', ${a.level}, ${a.k}, 'sizing', 'active')`;
  }
  return networkId;
}

describe('app_aggregate', () => {
  it('never returns a group under k, and pools the small groups into one "other" row when that reaches k', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: channels.length }),
        fc.array(
          fc.record({
            level: fc.constantFrom('customer' as const, 'aggregate' as const),
            k: fc.integer({ min: 2, max: 40 }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        async (groups, agreements) => {
          const networkId = await networkWith(groups, agreements);
          const aggregateKs = agreements.filter((a) => a.level === 'aggregate').map((a) => a.k);
          // the stricter wins: the largest k of the aggregate agreements; customer level alone means 1
          const k = aggregateKs.length ? Math.max(...aggregateKs) : 1;
          const rows = await aggregateAs(firm.G, networkId, 'channel');
          for (const row of rows) {
            expect(row.owner_firm_id).toBe(firm.O);
            expect(row.min_group_size).toBe(k);
            expect(Number(row.customers)).toBeGreaterThanOrEqual(k);
          }
          const shown = rows.filter((r) => !r.pooled);
          const expected = groups
            .map((customers, g) => ({ grp: channels[g]!, customers }))
            .filter((g) => g.customers > 0 && g.customers >= k);
          expect(shown.map((r) => ({ grp: r.grp, customers: Number(r.customers) }))).toEqual(
            expected.sort((a, b) => a.grp.localeCompare(b.grp)),
          );
          const smallTotal = groups.filter((c) => c > 0 && c < k).reduce((sum, c) => sum + c, 0);
          const pooled = rows.filter((r) => r.pooled);
          expect(pooled.map((r) => Number(r.customers))).toEqual(smallTotal >= k ? [smallTotal] : []);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("shows the acting firm's own groups however small, and nothing of a firm that granted nothing", async () => {
    const networkId = await networkWith([1, 3], []);
    const own = await aggregateAs(firm.O, networkId, 'channel');
    expect(own.map((r) => [r.grp, Number(r.customers), r.min_group_size])).toEqual([
      ['store', 1, 1],
      ['web', 3, 1],
    ]);
    expect(await aggregateAs(firm.G, networkId, 'channel')).toEqual([]);
  });

  it('refuses a dimension it does not know and a firm outside the network', async () => {
    const networkId = await networkWith([5], [{ level: 'aggregate', k: 2 }]);
    await expect(aggregateAs(firm.G, networkId, 'customer_key')).rejects.toThrow(/unknown dimension/);
    const outsider = (await createFirm(h.database, 'Aggregate outsider', 'retailer', ['firm_admin'])).firm.id;
    await expect(aggregateAs(outsider, networkId, 'channel')).rejects.toThrow(/not an active member/);
  });
});
