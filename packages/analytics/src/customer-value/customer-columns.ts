// A firm's customers as columns while a recompute works on them: one row per customer of the
// aggregation, numbers in typed arrays (a million customers fit in a few tens of megabytes), money also
// kept as the database's exact text for writing back unchanged.
import type { CustomerAggregateRow } from './aggregate.queries.ts';

/** Purchase histories as columns: purchase days, first-to-last and first-to-end spans in days. */
export interface PurchaseHistories {
  length: number;
  days: ArrayLike<number>;
  spanDays: ArrayLike<number>;
  ageDays: ArrayLike<number>;
  /** Mean net amount of the repeat purchase days (0 without repeats). */
  zbar: ArrayLike<number>;
}

/** The per-customer aggregates as columns: typed arrays for numbers, text kept for exact money. */
export class CustomerColumns implements PurchaseHistories {
  length = 0;
  keys: string[] = [];
  days: Float64Array = new Float64Array(1024);
  recencyDays: Float64Array = new Float64Array(1024);
  spanDays: Float64Array = new Float64Array(1024);
  ageDays: Float64Array = new Float64Array(1024);
  monetary: Float64Array = new Float64Array(1024);
  /** Mean net amount of the repeat purchase days (0 without repeats). */
  zbar: Float64Array = new Float64Array(1024);
  netRevenue: Float64Array = new Float64Array(1024);
  costOfGoods: Float64Array = new Float64Array(1024);
  costToServe: Float64Array = new Float64Array(1024);
  profit: Float64Array = new Float64Array(1024);
  /** NaN when net revenue is not positive. */
  netMarginPct: Float64Array = new Float64Array(1024);
  channels: Float64Array = new Float64Array(1024);
  netRevenueText: string[] = [];
  costOfGoodsText: string[] = [];
  costToServeText: string[] = [];
  profitText: string[] = [];
  walletShares: string[] = [];

  push(row: CustomerAggregateRow) {
    if (this.length === this.days.length) this.grow();
    const i = this.length++;
    const days = Number(row.days);
    const amount = Number(row.purchase_amount);
    const net = Number(row.net_revenue);
    const cogs = Number(row.cost_of_goods);
    this.keys.push(row.customer_key);
    this.days[i] = days;
    this.recencyDays[i] = Number(row.recency_days);
    this.spanDays[i] = Number(row.span_days);
    this.ageDays[i] = Number(row.age_days);
    this.monetary[i] = amount / days;
    this.zbar[i] = days > 1 ? (amount - Number(row.first_amount)) / (days - 1) : 0;
    this.netRevenue[i] = net;
    this.costOfGoods[i] = cogs;
    this.costToServe[i] = Number(row.cost_to_serve);
    this.profit[i] = Number(row.profit);
    this.netMarginPct[i] = net > 0 ? (net - cogs) / net : Number.NaN;
    this.channels[i] = Number(row.channels);
    this.netRevenueText.push(row.net_revenue);
    this.costOfGoodsText.push(row.cost_of_goods);
    this.costToServeText.push(row.cost_to_serve);
    this.profitText.push(row.profit);
    this.walletShares.push(row.wallet_shares);
  }

  /** Cuts the columns to the rows pushed, once all are in. */
  trim() {
    this.resize((a) => a.subarray(0, this.length));
  }

  private grow() {
    this.resize((a) => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    });
  }

  private resize(grown: (a: Float64Array) => Float64Array) {
    this.days = grown(this.days);
    this.recencyDays = grown(this.recencyDays);
    this.spanDays = grown(this.spanDays);
    this.ageDays = grown(this.ageDays);
    this.monetary = grown(this.monetary);
    this.zbar = grown(this.zbar);
    this.netRevenue = grown(this.netRevenue);
    this.costOfGoods = grown(this.costOfGoods);
    this.costToServe = grown(this.costToServe);
    this.profit = grown(this.profit);
    this.netMarginPct = grown(this.netMarginPct);
    this.channels = grown(this.channels);
  }
}

/** Gross margin of everything seen, for CLV when the firm set none: (revenue - cost of goods) / revenue. */
export function observedMargin(data: CustomerColumns): number {
  let net = 0;
  let cogs = 0;
  for (let i = 0; i < data.length; i++) {
    net += data.netRevenue[i]!;
    cogs += data.costOfGoods[i]!;
  }
  return net > 0 ? Math.min(1, Math.max(0, (net - cogs) / net)) : 0;
}
