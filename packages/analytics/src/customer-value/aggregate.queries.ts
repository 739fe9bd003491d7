// The set-based half of a customer-value recompute: one aggregation over everything the computing firm
// may see (row-level security decides), per customer, in one pass over the sales lines sorted by
// customer (as a hand-written RFM query would do it). Purchases on the same day are one transaction,
// across partners; a purchase day's amount is the net of its purchase lines (quantity > 0: returns
// lower net revenue and profit, not the purchase values). Money stays exact (numeric, sent as text).
// Cost-to-serve prices each firm's activities by that firm's own rates (firms without a cost model
// add no cost):
//   orders x perOrder + order lines x perOrderLine + returned lines (quantity < 0) x perReturn
//   + deliveries x perDelivery + expedited deliveries x perExpeditedDelivery
//   + service cases x perServiceCase + activity quantity x perActivity[code].
// The firms whose sales are visible, and their rates, are known before the query runs: their rates
// and their shares of wallet are written into it as constants, so no line is joined to anything.
// Sales are read from one of two sources that give the same figures: the lines themselves, or
// customer_sales, the per-seller sums the database keeps as lines merge (one row per customer and
// seller instead of every line). The sums hold every line, so they serve an as-of day on or after the
// last visible line; an earlier day is read from the lines.
import { query, type CostRates, type Database, type Transaction } from '@accord/db';
import { salesChannels } from '@accord/domain';
import { sql, type SQL } from 'drizzle-orm';

export interface CustomerAggregateRow {
  customer_key: string;
  /** Purchase days (days with a line of positive quantity). */
  days: number;
  recency_days: number;
  /** Days from the first to the last purchase day. */
  span_days: number;
  /** Days from the first purchase day to the as-of day. */
  age_days: number;
  /** Net amount of the purchase lines, and of those on the first purchase day. */
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

export interface VisibleSeller {
  firmId: string;
  rates: CostRates | null;
}

/**
 * The firms whose sales the acting firm sees in the network (its own and those granted at customer
 * level) and that have sales there, with their rates.
 */
export function visibleSellers(tx: Database | Transaction, networkId: string, firmId: string) {
  return query<VisibleSeller>(
    tx,
    sql`
    select f.firm_id as "firmId", r.rates
    from (select ${firmId}::uuid as firm_id
          union select g.owner_firm_id from app_customer_grants('transactions') g where g.network_id = ${networkId}::uuid) f
    left join app_network_cost_rates(${networkId}::uuid) r on r.firm_id = f.firm_id
    where exists (select 1 from transactions t where t.network_id = ${networkId}::uuid and t.firm_id = f.firm_id)
    order by 1`,
  );
}

const rate = (rates: CostRates | null, name: Exclude<keyof CostRates, 'perActivity'>) => rates?.[name] ?? 0;

/** `case <alias>.firm_id when 'A' then 1.5 ... else 0 end` over the sellers with a non-zero rate. */
function perFirm(sellers: VisibleSeller[], value: (s: VisibleSeller) => number, alias = 't'): SQL {
  const priced = sellers.filter((s) => value(s) !== 0);
  if (!priced.length) return sql`0`;
  return sql`case ${sql.raw(alias)}.firm_id ${sql.join(
    priced.map((s) => sql`when ${s.firmId}::uuid then ${value(s)}::numeric`),
    sql` `,
  )} else 0 end`;
}

/** Where a customer aggregation as of a day reads sales from: `sales` unless a visible line is later. */
export type SalesSource = 'sales' | 'lines';

/** `sales` when no line the firm sees falls after the as-of day (one index probe per seller). */
export async function salesSource(
  tx: Database | Transaction,
  networkId: string,
  asOf: string,
  sellers: VisibleSeller[],
): Promise<SalesSource> {
  const [later] = await query<{ later: boolean }>(
    tx,
    sql`select exists (
          select 1 from unnest(${`{${sellers.map((s) => s.firmId).join(',')}}`}::uuid[]) s(firm_id)
          where exists (select 1 from transactions t
                        where t.network_id = ${networkId}::uuid and t.firm_id = s.firm_id
                          and t.occurred_at >= (${asOf}::date + 1)::timestamptz)) as later`,
  );
  return later?.later ? 'lines' : 'sales';
}

/** Customers with at least one purchase day up to and including `asOf`, ordered by key. */
export function customerAggregates(
  networkId: string,
  asOf: string,
  sellers: VisibleSeller[],
  source: SalesSource = 'lines',
) {
  const end = sql`(${asOf}::date + 1)::timestamptz`;
  const sales = source === 'lines' ? salesFromLines(networkId, end, sellers) : salesFromSums(networkId, sellers);
  return sql`
    with sales as (${sales}),
    rates as (
      select r.firm_id,
             coalesce((r.rates->>'perDelivery')::numeric, 0) as per_delivery,
             coalesce((r.rates->>'perExpeditedDelivery')::numeric, 0) as per_expedited,
             coalesce((r.rates->>'perServiceCase')::numeric, 0) as per_case,
             coalesce(r.rates->'perActivity', '{}'::jsonb) as per_activity
      from app_network_cost_rates(${networkId}::uuid) r
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
    other_cost as (select customer_key, sum(cost) as cost from other_costs group by 1)
    select s.customer_key, s.days, (${asOf}::date - s.last_day) as recency_days,
           (s.last_day - s.first_day) as span_days, (${asOf}::date - s.first_day) as age_days,
           s.purchase_amount::float8 as purchase_amount, s.first_amount::float8 as first_amount,
           s.net::text as net_revenue, s.cogs::text as cost_of_goods,
           (s.cost + coalesce(o.cost, 0))::text as cost_to_serve,
           (s.net - s.cogs - s.cost - coalesce(o.cost, 0))::text as profit,
           s.channels, s.wallet::text as wallet_shares
    from sales s left join other_cost o using (customer_key)
    order by s.customer_key`;
}

/** Each customer's sales, one row a customer, from the visible lines before `end`. */
function salesFromLines(networkId: string, end: SQL, sellers: VisibleSeller[]) {
  const channelBits = sql.raw(
    `case t.channel ${salesChannels.map((c, i) => `when '${c}' then ${1 << i}`).join(' ')} else 0 end`,
  );
  const lineCost = sql`${perFirm(sellers, (s) => rate(s.rates, 'perOrderLine'))}
    + case when t.quantity < 0 then ${perFirm(sellers, (s) => rate(s.rates, 'perReturn'))} else 0 end`;
  const orderCosts = sellers
    .filter((s) => rate(s.rates, 'perOrder') !== 0)
    .map(
      (s) =>
        sql`count(distinct l.order_id) filter (where l.firm_id = ${s.firmId}::uuid) * ${rate(s.rates, 'perOrder')}::numeric`,
    );
  const wallet =
    sellers.length === 1
      ? sql`jsonb_build_object(${sellers[0]!.firmId}::text, 1)`
      : sql`jsonb_strip_nulls(jsonb_build_object(${sql.join(
          sellers.map(
            (s) =>
              sql`${s.firmId}::text, round(sum(l.net_amount) filter (where l.firm_id = ${s.firmId}::uuid) / nullif(sum(l.net_amount), 0), 4)`,
          ),
          sql`, `,
        )}))`;
  return sql`
    with lines as (
      select t.customer_key, t.firm_id, t.order_id, (t.occurred_at at time zone 'UTC')::date as day, t.quantity,
             t.net_amount, coalesce(t.cost_amount, 0) as cost_amount, ${channelBits} as channel, ${lineCost} as line_cost
      from transactions t
      where t.network_id = ${networkId}::uuid and t.occurred_at < ${end}
    ),
    ordered as (
      select l.*, min(l.day) filter (where l.quantity > 0) over (partition by l.customer_key) as first_day from lines l
    )
    select l.customer_key,
           count(distinct l.day) filter (where l.quantity > 0)::int as days,
           min(l.day) filter (where l.quantity > 0) as first_day, max(l.day) filter (where l.quantity > 0) as last_day,
           sum(l.net_amount) filter (where l.quantity > 0) as purchase_amount,
           sum(l.net_amount) filter (where l.quantity > 0 and l.day = l.first_day) as first_amount,
           sum(l.net_amount) as net, sum(l.cost_amount) as cogs,
           sum(l.line_cost) ${orderCosts.length ? sql`+ ${sql.join(orderCosts, sql` + `)}` : sql``} as cost,
           bit_count(bit_or(l.channel)::bit(8))::int as channels,
           ${wallet} as wallet
    from ordered l
    group by l.customer_key
    having count(*) filter (where l.quantity > 0) > 0`;
}

/**
 * The same rows from customer_sales: sums add up, purchase days are the union of the sellers' (a day
 * with purchases from two sellers is one), the first day's amount is that of the sellers whose first
 * purchase day is the customer's.
 */
function salesFromSums(networkId: string, sellers: VisibleSeller[]) {
  const cost = sql`c.lines * ${perFirm(sellers, (s) => rate(s.rates, 'perOrderLine'), 'c')}
    + c.return_lines * ${perFirm(sellers, (s) => rate(s.rates, 'perReturn'), 'c')}
    + c.orders * ${perFirm(sellers, (s) => rate(s.rates, 'perOrder'), 'c')}`;
  const wallet =
    sellers.length === 1
      ? sql`jsonb_build_object(${sellers[0]!.firmId}::text, 1)`
      : sql`jsonb_strip_nulls(jsonb_object_agg(c.firm_id::text, round(c.net_amount / nullif(c.customer_net, 0), 4)))`;
  return sql`
    with per_seller as (
      select c.*, ${cost} as cost,
             min(c.first_day) over customer as customer_first_day, sum(c.net_amount) over customer as customer_net,
             count(*) over customer as sellers
      from customer_sales c
      where c.network_id = ${networkId}::uuid
      window customer as (partition by c.customer_key)
    ),
    shared_days as (
      select c.customer_key, count(distinct d)::int as days
      from per_seller c, unnest(c.purchase_days) d
      where c.sellers > 1
      group by 1
    )
    select c.customer_key,
           coalesce(max(m.days), max(cardinality(c.purchase_days)))::int as days,
           min(c.first_day) as first_day, max(c.last_day) as last_day,
           sum(c.purchase_amount) as purchase_amount,
           sum(c.first_amount) filter (where c.first_day = c.customer_first_day) as first_amount,
           sum(c.net_amount) as net, sum(c.cost_amount) as cogs, sum(c.cost) as cost,
           bit_count(bit_or(c.channels)::int::bit(8))::int as channels,
           ${wallet} as wallet
    from per_seller c left join shared_days m using (customer_key)
    group by c.customer_key
    having max(c.last_day) is not null`;
}

/** The datasets a customer-value computation reads, and where each keeps the time of its rows. */
const datasetTimes = {
  transactions: 'occurred_at',
  shipments: 'promised_at',
  service_cases: 'opened_at',
  activities: 'occurred_at',
} as const;
export type ReadDataset = keyof typeof datasetTimes;

/**
 * Rows of other firms the computing firm read, per firm and dataset, for the access log: those of the
 * firms granting it the dataset at customer level (all it sees besides its own), counted per granting
 * firm, so that nothing is scanned when nobody grants. Every dataset a recompute reads, unless `datasets`
 * names fewer.
 */
export function otherFirmsRows(
  networkId: string,
  firmId: string,
  asOf: string,
  datasets: readonly ReadDataset[] = ['transactions', 'shipments', 'service_cases', 'activities'],
) {
  const end = sql`(${asOf}::date + 1)::timestamptz`;
  const counted = (dataset: string, table: string, at: string) => sql`
    select g.owner_firm_id as firm_id, ${dataset}::text as dataset, c.rows
    from app_customer_grants(${dataset}::dataset) g,
         lateral (select count(*)::int as rows from ${sql.raw(table)} d
                  where d.network_id = g.network_id and d.firm_id = g.owner_firm_id and d.${sql.raw(at)} < ${end}) c
    where g.network_id = ${networkId}::uuid and g.owner_firm_id <> ${firmId}::uuid and c.rows > 0`;
  return sql.join(
    datasets.map((dataset) => counted(dataset, dataset, datasetTimes[dataset])),
    sql` union all `,
  );
}
