// The set-based half of a customer-value recompute: one aggregation over everything the computing firm
// may see (row-level security decides), per customer. Purchases on the same day are one transaction,
// across partners; an order's lines on one day are one order (hash aggregation throughout: no
// count(distinct), which would sort every line); money stays exact (numeric, sent as text); cost-to-serve prices each firm's
// activities by that firm's own rates (firms without a cost model add no cost):
//   orders x perOrder + order lines x perOrderLine + returned lines (quantity < 0) x perReturn
//   + deliveries x perDelivery + expedited deliveries x perExpeditedDelivery
//   + service cases x perServiceCase + activity quantity x perActivity[code].
import { sql } from 'drizzle-orm';

export interface CustomerAggregateRow {
  customer_key: string;
  /** Purchase days (days with a line of positive quantity). */
  days: number;
  recency_days: number;
  /** Days from the first to the last purchase day. */
  span_days: number;
  /** Days from the first purchase day to the as-of day. */
  age_days: number;
  /** Net amount of the purchase days, and of the first one. */
  purchase_amount: number;
  first_amount: number;
  net_revenue: string;
  cost_of_goods: string;
  cost_to_serve: string;
  profit: string;
  channels: number;
  /** jsonb text: each firm's share of the customer's net spend. */
  wallet_shares: string;
}

/** Customers with at least one purchase day up to and including `asOf`, ordered by key. */
export function customerAggregates(networkId: string, asOf: string) {
  const end = sql`(${asOf}::date + 1)::timestamptz`;
  return sql`
    with rates as (
      select r.firm_id,
             coalesce((r.rates->>'perOrder')::numeric, 0) as per_order,
             coalesce((r.rates->>'perOrderLine')::numeric, 0) as per_line,
             coalesce((r.rates->>'perReturn')::numeric, 0) as per_return,
             coalesce((r.rates->>'perDelivery')::numeric, 0) as per_delivery,
             coalesce((r.rates->>'perExpeditedDelivery')::numeric, 0) as per_expedited,
             coalesce((r.rates->>'perServiceCase')::numeric, 0) as per_case,
             coalesce(r.rates->'perActivity', '{}'::jsonb) as per_activity
      from app_network_cost_rates(${networkId}::uuid) r
    ),
    order_days as (
      select t.customer_key, t.firm_id, (t.occurred_at at time zone 'UTC')::date as day, t.order_id,
             sum(t.net_amount) as net, sum(coalesce(t.cost_amount, 0)) as cogs, count(*) as lines,
             count(*) filter (where t.quantity < 0) as returns, bool_or(t.quantity > 0) as purchase,
             bit_or(1 << (array_position(enum_range(null::sales_channel), t.channel) - 1)) as channels
      from transactions t
      where t.network_id = ${networkId}::uuid and t.occurred_at < ${end}
      group by 1, 2, 3, 4
    ),
    lines as materialized (
      select customer_key, firm_id, day, sum(net) as net, sum(cogs) as cogs, sum(lines) as lines,
             sum(returns) as returns, count(*) as orders, bool_or(purchase) as purchase, bit_or(channels) as channels
      from order_days group by 1, 2, 3
    ),
    per_firm as (
      select l.customer_key, l.firm_id, sum(l.net) as net, sum(l.cogs) as cogs, bit_or(l.channels) as channels,
             coalesce(sum(l.orders) * r.per_order + sum(l.lines) * r.per_line + sum(l.returns) * r.per_return, 0) as cost
      from lines l left join rates r on r.firm_id = l.firm_id
      group by l.customer_key, l.firm_id, r.per_order, r.per_line, r.per_return
    ),
    money as (
      select f.customer_key, sum(f.net) as net, sum(f.cogs) as cogs, sum(f.cost) as cost,
             bit_count(bit_or(f.channels)::bit(8))::int as channels,
             jsonb_object_agg(f.firm_id, round(f.net / nullif(f.total, 0), 4)) as wallet
      from (select p.*, sum(p.net) over (partition by p.customer_key) as total from per_firm p) f
      group by f.customer_key
    ),
    other_costs as (
      select s.customer_key,
             sum(r.per_delivery + case when s.expedited then r.per_expedited else 0 end) as cost
      from shipments s join rates r on r.firm_id = s.firm_id
      where s.network_id = ${networkId}::uuid and s.promised_at < ${end}
      group by 1
      union all
      select c.customer_key, sum(r.per_case) from service_cases c join rates r on r.firm_id = c.firm_id
      where c.network_id = ${networkId}::uuid and c.opened_at < ${end}
      group by 1
      union all
      select a.customer_key, sum(a.quantity * coalesce((r.per_activity->>a.activity)::numeric, 0))
      from activities a join rates r on r.firm_id = a.firm_id
      where a.network_id = ${networkId}::uuid and a.occurred_at < ${end}
      group by 1
    ),
    other_cost as (select customer_key, sum(cost) as cost from other_costs group by 1),
    days as (
      select customer_key, day, sum(net) as amount from lines group by 1, 2 having bool_or(purchase)
    ),
    history as (
      select customer_key, count(*)::int as days, min(day) as first_day, max(day) as last_day,
             sum(amount) as amount, min(array[(day - date '1970-01-01')::numeric, amount]) as first
      from days group by 1
    )
    select h.customer_key, h.days, (${asOf}::date - h.last_day) as recency_days,
           (h.last_day - h.first_day) as span_days, (${asOf}::date - h.first_day) as age_days,
           h.amount::float8 as purchase_amount, (h.first)[2]::float8 as first_amount,
           m.net::text as net_revenue, m.cogs::text as cost_of_goods,
           (m.cost + coalesce(o.cost, 0))::text as cost_to_serve,
           (m.net - m.cogs - m.cost - coalesce(o.cost, 0))::text as profit,
           m.channels, m.wallet::text as wallet_shares
    from history h join money m using (customer_key) left join other_cost o using (customer_key)
    order by h.customer_key`;
}

/** Rows of other firms the computing firm read, per firm and dataset, for the access log. */
export function otherFirmsRows(networkId: string, firmId: string, asOf: string) {
  const end = sql`(${asOf}::date + 1)::timestamptz`;
  return sql`
    select firm_id, 'transactions' as dataset, count(*)::int as rows from transactions
      where network_id = ${networkId}::uuid and firm_id <> ${firmId}::uuid and occurred_at < ${end} group by 1
    union all
    select firm_id, 'shipments', count(*)::int from shipments
      where network_id = ${networkId}::uuid and firm_id <> ${firmId}::uuid and promised_at < ${end} group by 1
    union all
    select firm_id, 'service_cases', count(*)::int from service_cases
      where network_id = ${networkId}::uuid and firm_id <> ${firmId}::uuid and opened_at < ${end} group by 1
    union all
    select firm_id, 'activities', count(*)::int from activities
      where network_id = ${networkId}::uuid and firm_id <> ${firmId}::uuid and occurred_at < ${end} group by 1`;
}
