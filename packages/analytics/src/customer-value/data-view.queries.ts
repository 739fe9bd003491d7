// A firm's view of a network's data for customer value: for each dataset a recompute reads, the firms
// whose rows it sees (its own and those granted to it at customer level) that have rows there. Row-level
// security decides visibility by owner firm and dataset, so two firms with the same view read the same
// rows: a recompute of one serves the other (see SharedReads).
import { query, type Database, type Transaction } from '@accord/db';
import { sql } from 'drizzle-orm';
import { visibleSellers, type VisibleSeller } from './aggregate.queries.ts';

export interface DataView {
  /** Equal for two firms exactly when they see the same owners' rows in every dataset read. */
  key: string;
  /** The firms whose sales the firm sees and that have sales, with their rates. */
  sellers: VisibleSeller[];
}

export async function dataView(tx: Database | Transaction, networkId: string, firmId: string): Promise<DataView> {
  const sellers = await visibleSellers(tx, networkId, firmId);
  const owners = await query<{ dataset: string; owners: string[] }>(
    tx,
    sql`
    select d.dataset::text as dataset, array_agg(o.firm_id::text order by o.firm_id) as owners
    from unnest(array['shipments', 'service_cases', 'activities']::dataset[]) d(dataset),
         lateral (select ${firmId}::uuid as firm_id
                  union select g.owner_firm_id from app_customer_grants(d.dataset) g
                  where g.network_id = ${networkId}::uuid) o
    where case d.dataset
            when 'shipments' then exists (select 1 from shipments s
                                          where s.network_id = ${networkId}::uuid and s.firm_id = o.firm_id)
            when 'service_cases' then exists (select 1 from service_cases c
                                              where c.network_id = ${networkId}::uuid and c.firm_id = o.firm_id)
            else exists (select 1 from activities a where a.network_id = ${networkId}::uuid and a.firm_id = o.firm_id)
          end
    group by d.dataset
    order by 1`,
  );
  const key = JSON.stringify({
    transactions: sellers.map((s) => s.firmId),
    ...Object.fromEntries(owners.map((o) => [o.dataset, o.owners])),
  });
  return { key, sellers };
}
