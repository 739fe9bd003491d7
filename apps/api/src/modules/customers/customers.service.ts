// Customer 360: everything the acting firm may see about one pseudonymous customer across the
// network. Row-level security decides which partners' rows come back; what is hidden is named (firms
// and datasets, never rows) so the viewer can ask for it; every other firm's rows shown are logged.
import { logReads, query, type Dataset, type Read, type Transaction } from '@accord/db';
import { customerKey as pseudonymise } from '@accord/domain';
import { sql } from 'drizzle-orm';
import { notFound } from '../../http/problems.ts';
import { networkHashingKey } from '../networks/networks.queries.ts';

const RECENT = 50;

interface PurchaseRow {
  firm_id: string;
  firm_name: string;
  channel: string;
  orders: number;
  lines: number;
  returned_lines: number;
  first_at: Date;
  last_at: Date;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function customer360(
  tx: Transaction,
  reader: { firmId: string; userId: string | null },
  networkId: string,
  customerKey: string,
) {
  const purchases = await query<PurchaseRow>(
    tx,
    sql`select t.firm_id, f.name as firm_name, t.channel::text as channel, count(distinct t.order_id)::int as orders,
          count(*)::int as lines, (count(*) filter (where t.quantity < 0))::int as returned_lines,
          min(t.occurred_at) as first_at, max(t.occurred_at) as last_at
        from transactions t join firms f on f.id = t.firm_id
        where t.network_id = ${networkId} and t.customer_key = ${customerKey}
        group by 1, 2, 3 order by 2, 3`,
  );
  // Money stays exact: sums in the database, as text; the share of wallet is a ratio.
  const spend = await query<{ firm_id: string; currency: string; net: string; refunds: string; share: number | null }>(
    tx,
    sql`select t.firm_id, t.currency::text as currency, sum(t.net_amount)::text as net,
          coalesce(sum(-t.net_amount) filter (where t.net_amount < 0), 0)::text as refunds,
          round(sum(t.net_amount) / nullif(sum(sum(t.net_amount)) over (partition by t.currency), 0), 4)::float8 as share
        from transactions t
        where t.network_id = ${networkId} and t.customer_key = ${customerKey}
        group by t.firm_id, t.currency order by 2`,
  );
  const shipments = await query<{
    firm_id: string;
    firm_name: string;
    shipment_id: string;
    order_id: string;
    carrier: string;
    promised_at: Date;
    delivered_at: Date | null;
    expedited: boolean;
    status: 'on_time' | 'late' | 'in_transit' | 'overdue';
  }>(
    tx,
    sql`select s.firm_id, f.name as firm_name, s.shipment_id, s.order_id, s.carrier, s.promised_at, s.delivered_at,
          s.expedited,
          case when s.delivered_at is null then (case when s.promised_at < now() then 'overdue' else 'in_transit' end)
               when s.delivered_at <= s.promised_at then 'on_time' else 'late' end as status
        from shipments s join firms f on f.id = s.firm_id
        where s.network_id = ${networkId} and s.customer_key = ${customerKey}
        order by s.promised_at desc limit ${RECENT}`,
  );
  const cases = await query<{
    firm_id: string;
    firm_name: string;
    case_id: string;
    opened_at: Date;
    resolved_at: Date | null;
    channel: string;
    category: string;
    satisfaction: number | null;
  }>(
    tx,
    sql`select c.firm_id, f.name as firm_name, c.case_id, c.opened_at, c.resolved_at, c.channel::text as channel,
          c.category, c.satisfaction
        from service_cases c join firms f on f.id = c.firm_id
        where c.network_id = ${networkId} and c.customer_key = ${customerKey}
        order by c.opened_at desc limit ${RECENT}`,
  );
  // Activities (codes of each firm's cost model): counted and summed per firm and code, exact as text.
  const activities = await query<{
    firm_id: string;
    firm_name: string;
    activity: string;
    count: number;
    quantity: string;
    first_at: Date;
    last_at: Date;
  }>(
    tx,
    sql`select a.firm_id, f.name as firm_name, a.activity, count(*)::int as count, sum(a.quantity)::text as quantity,
          min(a.occurred_at) as first_at, max(a.occurred_at) as last_at
        from activities a join firms f on f.id = a.firm_id
        where a.network_id = ${networkId} and a.customer_key = ${customerKey}
        group by 1, 2, 3 order by 2, 1, 3`,
  );
  const hidden = await query<{ firm_id: string; firm_name: string; datasets: Dataset[] }>(
    tx,
    sql`select h.firm_id, f.name as firm_name, array_agg(h.dataset::text order by h.dataset) as datasets
        from app_customer_hidden_holders(${networkId}, ${customerKey}) h join firms f on f.id = h.firm_id
        group by 1, 2 order by 2`,
  );

  // The log: one entry per other firm and dataset whose rows this page shows.
  const shown = new Map<string, Read>();
  const count = (ownerFirmId: string, dataset: Dataset, rows: number) => {
    if (ownerFirmId === reader.firmId) return;
    const key = `${ownerFirmId}:${dataset}`;
    const entry = shown.get(key) ?? { ownerFirmId, dataset, level: 'customer', reading: 'customer 360', rowCount: 0 };
    entry.rowCount = (entry.rowCount ?? 0) + rows;
    shown.set(key, entry);
  };
  for (const p of purchases) count(p.firm_id, 'transactions', p.lines);
  for (const s of shipments) count(s.firm_id, 'shipments', 1);
  for (const c of cases) count(c.firm_id, 'service_cases', 1);
  for (const a of activities) count(a.firm_id, 'activities', a.count);
  // that a firm holds a dataset on this customer is a hint about its data too: logged for it
  const hinted = hidden.flatMap((h) =>
    h.datasets.map((dataset): Read => ({
      ownerFirmId: h.firm_id,
      dataset,
      level: 'customer',
      reading: 'customer 360: held, not granted',
      rowCount: 0,
    })),
  );
  await logReads(tx, reader, networkId, [...shown.values(), ...hinted]);

  const partners = new Map<
    string,
    {
      firm: { id: string; name: string };
      channels: { channel: string; orders: number; lines: number }[];
      spend: { currency: string; net: string; refunds: string; shareOfWallet: number }[];
      returnedLines: number;
      firstPurchaseAt: string | null;
      lastPurchaseAt: string | null;
    }
  >();
  for (const p of purchases) {
    const partner = partners.get(p.firm_id) ?? {
      firm: { id: p.firm_id, name: p.firm_name },
      channels: [],
      spend: spend
        .filter((s) => s.firm_id === p.firm_id)
        .map((s) => ({ currency: s.currency, net: s.net, refunds: s.refunds, shareOfWallet: s.share ?? 0 })),
      returnedLines: 0,
      firstPurchaseAt: null,
      lastPurchaseAt: null,
    };
    partners.set(p.firm_id, partner);
    partner.channels.push({ channel: p.channel, orders: p.orders, lines: p.lines });
    partner.returnedLines += p.returned_lines;
    const first = iso(p.first_at)!;
    const last = iso(p.last_at)!;
    if (!partner.firstPurchaseAt || first < partner.firstPurchaseAt) partner.firstPurchaseAt = first;
    if (!partner.lastPurchaseAt || last > partner.lastPurchaseAt) partner.lastPurchaseAt = last;
  }
  const all = [...partners.values()];
  return {
    customerKey,
    firstPurchaseAt: all.map((p) => p.firstPurchaseAt!).sort()[0] ?? null,
    lastPurchaseAt:
      all
        .map((p) => p.lastPurchaseAt!)
        .sort()
        .at(-1) ?? null,
    partners: all,
    shipments: shipments.map((s) => ({
      firm: { id: s.firm_id, name: s.firm_name },
      shipmentId: s.shipment_id,
      orderId: s.order_id,
      carrier: s.carrier,
      promisedAt: iso(s.promised_at)!,
      deliveredAt: iso(s.delivered_at),
      expedited: s.expedited,
      status: s.status,
    })),
    serviceCases: cases.map((c) => ({
      firm: { id: c.firm_id, name: c.firm_name },
      caseId: c.case_id,
      openedAt: iso(c.opened_at)!,
      resolvedAt: iso(c.resolved_at),
      channel: c.channel,
      category: c.category,
      satisfaction: c.satisfaction,
    })),
    activities: activities.map((a) => ({
      firm: { id: a.firm_id, name: a.firm_name },
      activity: a.activity,
      count: a.count,
      quantity: a.quantity,
      firstAt: iso(a.first_at)!,
      lastAt: iso(a.last_at)!,
    })),
    hidden: hidden.map((h) => ({ firm: { id: h.firm_id, name: h.firm_name }, datasets: h.datasets })),
  };
}

/** Customer 360 by a raw identifier, hashed with the network's key here and never stored. */
export async function customer360ByIdentifier(
  tx: Transaction,
  reader: { firmId: string; userId: string | null },
  networkId: string,
  identifier: string,
) {
  const key = await networkHashingKey(tx, networkId);
  if (!key) throw notFound('network');
  return customer360(tx, reader, networkId, pseudonymise(key, identifier));
}
