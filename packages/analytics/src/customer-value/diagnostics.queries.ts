// What the BG/NBD diagnostics read, over everything the acting firm may see of the network's sales
// (row-level security decides, as for the CLV model): purchase days as the customer-value aggregation
// counts them (UTC days with a line of positive quantity, same-day purchases one), per customer at the
// calibration end with its holdout purchase days, and per day the cohort's first and repeat purchases.
import { sql } from 'drizzle-orm';

/** Distinct (customer, purchase day) up to and including `through`, with the customer's first purchase day. */
const purchaseDays = (networkId: string, through: string) => sql`
  purchase_days as (
    select t.customer_key, (t.occurred_at at time zone 'UTC')::date as day, sum(t.net_amount) as amount
    from transactions t
    where t.network_id = ${networkId}::uuid and t.quantity > 0 and t.occurred_at < (${through}::date + 1)::timestamptz
    group by 1, 2
  ),
  marked as (
    select d.*, min(d.day) over (partition by d.customer_key) as first_day from purchase_days d
  )`;

/** The first purchase day the firm sees up to `through`; null when there is none. */
export function firstPurchaseDay(networkId: string, through: string) {
  return sql`
    select min((t.occurred_at at time zone 'UTC')::date)::text as day
    from transactions t
    where t.network_id = ${networkId}::uuid and t.quantity > 0 and t.occurred_at < (${through}::date + 1)::timestamptz`;
}

export interface HoldoutCustomerRow {
  /** Purchase days up to the calibration end. */
  days: number;
  /** Days from the first to the last purchase day of calibration, and from the first to its end. */
  span_days: number;
  age_days: number;
  /** Net amount of the calibration's repeat purchase days (the first day's left out). */
  repeat_amount: number;
  /** Purchase days after the calibration end, up to the holdout end. */
  holdout_days: number;
}

/** One row per customer who first bought by the calibration end. */
export function holdoutCustomers(networkId: string, calibrationEnd: string, holdoutEnd: string) {
  const end = sql`${calibrationEnd}::date`;
  return sql`
    with ${purchaseDays(networkId, holdoutEnd)}
    select count(*) filter (where m.day <= ${end})::int as days,
           (max(m.day) filter (where m.day <= ${end}) - min(m.first_day))::int as span_days,
           (${end} - min(m.first_day))::int as age_days,
           coalesce(sum(m.amount) filter (where m.day <= ${end} and m.day > m.first_day), 0)::float8 as repeat_amount,
           count(*) filter (where m.day > ${end})::int as holdout_days
    from marked m
    group by m.customer_key
    having min(m.first_day) <= ${end}`;
}

export interface CohortDayRow {
  day: string;
  first_purchases: number;
  repeat_purchases: number;
}

/** Per purchase day up to the holdout end, of the customers who first bought by the calibration end. */
export function cohortDays(networkId: string, calibrationEnd: string, holdoutEnd: string) {
  return sql`
    with ${purchaseDays(networkId, holdoutEnd)}
    select m.day::text as day,
           count(*) filter (where m.day = m.first_day)::int as first_purchases,
           count(*) filter (where m.day > m.first_day)::int as repeat_purchases
    from marked m
    where m.first_day <= ${calibrationEnd}::date
    group by m.day
    order by m.day`;
}
