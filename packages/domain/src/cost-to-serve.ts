// Cost to serve and customer profitability: activity-based costing of what each customer's orders,
// deliveries, returns and service cases cost; profit after that cost; the whale curve of cumulative
// profit; and Shapiro et al.'s customer profitability matrix (net margin against cost to serve).

export interface ActivityRates {
  perOrder: number;
  perOrderLine: number;
  perDelivery: number;
  /** Charged on top of `perDelivery` for each expedited delivery. */
  perExpeditedDelivery: number;
  perReturn: number;
  perServiceCase: number;
  /** Rates of the firm's own activity codes (e.g. site visits, EDI set-up). */
  perActivity: Record<string, number>;
}

export interface ActivityCounts {
  orders: number;
  orderLines: number;
  /** All deliveries, expedited ones included. */
  deliveries: number;
  /** How many of `deliveries` were expedited. */
  expeditedDeliveries: number;
  returns: number;
  serviceCases: number;
  activities: Record<string, number>;
}

export const zeroRates: ActivityRates = Object.freeze({
  perOrder: 0,
  perOrderLine: 0,
  perDelivery: 0,
  perExpeditedDelivery: 0,
  perReturn: 0,
  perServiceCase: 0,
  perActivity: Object.freeze({}),
});

/**
 * Activity-based cost to serve: each count times its rate. An expedited delivery is a delivery
 * too, so it costs perDelivery + perExpeditedDelivery (counts.deliveries includes it). Activity
 * codes without a rate cost 0, so a feed may carry activities the firm has not priced yet.
 */
export function costToServe(rates: ActivityRates, counts: ActivityCounts): number {
  let cost =
    counts.orders * rates.perOrder +
    counts.orderLines * rates.perOrderLine +
    counts.deliveries * rates.perDelivery +
    counts.expeditedDeliveries * rates.perExpeditedDelivery +
    counts.returns * rates.perReturn +
    counts.serviceCases * rates.perServiceCase;
  for (const [code, count] of Object.entries(counts.activities)) {
    const rate = Object.hasOwn(rates.perActivity, code) ? rates.perActivity[code]! : 0;
    cost += count * rate;
  }
  return cost;
}

export interface CustomerProfit {
  /** Net revenue less cost of goods: what the customer's prices leave before serving them. */
  netMargin: number;
  /** netMargin as a percentage of net revenue; null when net revenue is 0 or negative. */
  netMarginPct: number | null;
  /** netMargin less cost to serve. */
  profit: number;
}

export function customerProfit(args: { netRevenue: number; costOfGoods: number; costToServe: number }): CustomerProfit {
  const netMargin = args.netRevenue - args.costOfGoods;
  return {
    netMargin,
    netMarginPct: args.netRevenue > 0 ? (100 * netMargin) / args.netRevenue : null,
    profit: netMargin - args.costToServe,
  };
}

export interface WhalePoint {
  /** Share of customers, most profitable first (0..1). */
  customerShare: number;
  /** Their cumulative profit as a share of total profit (1 at the end when the total is not 0). */
  profitShare: number;
}

export interface WhaleCurve {
  points: WhalePoint[];
  totalProfit: number;
  customers: number;
  /** Share of total profit from the most profitable 20% of customers (read off the curve,
   * interpolated between customers); null when there are no customers or total profit is 0. */
  top20ProfitShare: number | null;
  /** Customers with negative profit. */
  lossMakers: number;
  /** Where cumulative profit is highest: after the last profitable customer. */
  peak: WhalePoint;
}

/**
 * The whale curve: customers ranked from most to least profitable, cumulative profit against the
 * share of customers. It starts at (0, 0), rises to its peak after the last profitable customer,
 * falls through the loss makers and ends at (1, 1). Shares are of total profit, so when total
 * profit is negative the curve is upside down; when it is 0 every profitShare is 0. The curve is
 * downsampled to at most `maxPoints` points evenly spread over customers; the grid point nearest
 * the peak is moved onto it so the peak is always drawn.
 */
export function whaleCurve(profits: ArrayLike<number>, maxPoints = 101): WhaleCurve {
  const n = profits.length;
  if (!(Number.isInteger(maxPoints) && maxPoints >= 3)) throw new RangeError('maxPoints must be an integer >= 3');
  // Sorted ascending, read from the end: most profitable first.
  const sorted = Float64Array.from(profits).sort();
  const cum = new Float64Array(n + 1);
  let lossMakers = 0;
  let peakK = 0;
  for (let k = 1; k <= n; k++) {
    const v = sorted[n - k]!;
    if (Number.isNaN(v)) throw new RangeError('whaleCurve: a profit is NaN');
    cum[k] = cum[k - 1]! + v;
    if (v > 0) peakK = k;
    if (v < 0) lossMakers++;
  }
  const total = cum[n]!;
  // `|| 0` turns -0 (0 over a negative total) into 0.
  const share = (k: number): number => (total === 0 ? 0 : k === n ? 1 : cum[k]! / total || 0);
  const point = (k: number): WhalePoint => ({ customerShare: n === 0 ? 0 : k / n, profitShare: share(k) });

  let ks: number[];
  if (n + 1 <= maxPoints) {
    ks = Array.from({ length: n + 1 }, (_, k) => k);
  } else {
    ks = Array.from({ length: maxPoints }, (_, i) => Math.round((i * n) / (maxPoints - 1)));
    if (!ks.includes(peakK)) {
      // Replace the nearest interior grid point; the order stays ascending.
      let best = 1;
      for (let i = 1; i < maxPoints - 1; i++) {
        if (Math.abs(ks[i]! - peakK) < Math.abs(ks[best]! - peakK)) best = i;
      }
      ks[best] = peakK;
    }
  }

  let top20ProfitShare: number | null = null;
  if (n > 0 && total !== 0) {
    const at = 0.2 * n;
    const lo = Math.floor(at);
    const hi = Math.min(n, lo + 1);
    top20ProfitShare = (cum[lo]! + (at - lo) * (cum[hi]! - cum[lo]!)) / total;
  }
  return {
    points: ks.map(point),
    totalProfit: total,
    customers: n,
    top20ProfitShare,
    lossMakers,
    peak: point(peakK),
  };
}

/** The median; null for no values. Values must not be NaN. */
export function median(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Shapiro, Rangan, Moriarty & Ross (1987), "Manage customers for profits (not just sales)": the
 * customer profitability matrix of net margin (price realised) against cost to serve.
 */
export const quadrantNames = ['passive', 'carriage_trade', 'bargain_basement', 'aggressive'] as const;
export type Quadrant = (typeof quadrantNames)[number];

export const quadrantTreatments: Record<Quadrant, { label: string; treatment: string }> = {
  passive: {
    label: 'Passive: high margin, low cost to serve',
    treatment: 'The most profitable customers: protect them with service, attention and loyalty.',
  },
  carriage_trade: {
    label: 'Carriage trade: high margin, high cost to serve',
    treatment:
      'Profitable while the margin covers the service: keep the service they value, watch that its cost does not outgrow the margin.',
  },
  bargain_basement: {
    label: 'Bargain basement: low margin, low cost to serve',
    treatment: 'Price-sensitive but cheap to serve: keep them efficient and lean, with standard, low-touch service.',
  },
  aggressive: {
    label: 'Aggressive: low margin, high cost to serve',
    treatment:
      'Fix the processes that make them costly and reprice the service: menu pricing, surcharges, minimum orders. Let them go only as a last resort.',
  },
};

/**
 * The customer's quadrant: a net margin at or above its threshold counts as high; a cost-to-serve
 * counts as high only above its threshold, so customers who cost nothing to serve (a firm without a
 * cost model, a median of 0) are never "high cost". Null when the net margin percentage is unknown
 * (no positive net revenue).
 */
export function profitabilityQuadrant(
  netMarginPct: number | null,
  costToServe: number,
  thresholds: { netMarginPct: number; costToServe: number },
): Quadrant | null {
  if (netMarginPct === null || Number.isNaN(netMarginPct) || Number.isNaN(costToServe)) return null;
  const highMargin = netMarginPct >= thresholds.netMarginPct;
  const highCost = costToServe > thresholds.costToServe;
  if (highMargin) return highCost ? 'carriage_trade' : 'passive';
  return highCost ? 'aggressive' : 'bargain_basement';
}
